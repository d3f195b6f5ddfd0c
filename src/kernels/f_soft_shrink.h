/* soft_shrink: not written yet (NaN placeholder). */
VACT_STUB(soft_shrink)
