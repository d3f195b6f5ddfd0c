/* softplus: not written yet (NaN placeholder). */
VACT_STUB(softplus)
