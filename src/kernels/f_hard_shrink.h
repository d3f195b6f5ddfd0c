/* hard_shrink: not written yet (NaN placeholder). */
VACT_STUB(hard_shrink)
