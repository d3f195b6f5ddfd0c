/* hard_swish: not written yet (NaN placeholder). */
VACT_STUB(hard_swish)
