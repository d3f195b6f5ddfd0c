/* silu: not written yet (NaN placeholder). */
VACT_STUB(silu)
