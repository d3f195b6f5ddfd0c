/* squareplus: not written yet (NaN placeholder). */
VACT_STUB(squareplus)
