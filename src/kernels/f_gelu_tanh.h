/* gelu_tanh: not written yet (NaN placeholder). */
VACT_STUB(gelu_tanh)
