/* tanh: not written yet (NaN placeholder). */
VACT_STUB(tanh)
