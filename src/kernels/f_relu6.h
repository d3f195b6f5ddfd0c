/* relu6: not written yet (NaN placeholder). */
VACT_STUB(relu6)
