/* gelu: not written yet (NaN placeholder). */
VACT_STUB(gelu)
