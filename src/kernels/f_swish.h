/* swish: not written yet (NaN placeholder). */
VACT_STUB(swish)
