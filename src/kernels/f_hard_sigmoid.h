/* hard_sigmoid: not written yet (NaN placeholder). */
VACT_STUB(hard_sigmoid)
