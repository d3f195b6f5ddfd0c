/* sparse_plus: not written yet (NaN placeholder). */
VACT_STUB(sparse_plus)
