/* elu: not written yet (NaN placeholder). */
VACT_STUB(elu)
