/* tanh_shrink: not written yet (NaN placeholder). */
VACT_STUB(tanh_shrink)
