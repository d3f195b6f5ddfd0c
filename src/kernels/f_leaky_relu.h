/* leaky_relu: not written yet (NaN placeholder). */
VACT_STUB(leaky_relu)
