/* mish: not written yet (NaN placeholder). */
VACT_STUB(mish)
