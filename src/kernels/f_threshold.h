/* threshold: not written yet (NaN placeholder). */
VACT_STUB(threshold)
