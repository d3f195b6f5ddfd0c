/* selu: not written yet (NaN placeholder). */
VACT_STUB(selu)
