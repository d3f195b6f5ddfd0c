/* relu: not written yet (NaN placeholder). */
VACT_STUB(relu)
