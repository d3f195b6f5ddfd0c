/* celu: not written yet (NaN placeholder). */
VACT_STUB(celu)
