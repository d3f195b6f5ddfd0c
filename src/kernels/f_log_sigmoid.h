/* log_sigmoid: not written yet (NaN placeholder). */
VACT_STUB(log_sigmoid)
