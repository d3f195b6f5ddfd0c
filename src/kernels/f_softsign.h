/* softsign: not written yet (NaN placeholder). */
VACT_STUB(softsign)
