/* hard_tanh: not written yet (NaN placeholder). */
VACT_STUB(hard_tanh)
