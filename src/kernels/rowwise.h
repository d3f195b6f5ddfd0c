/* Row-wise functions (softmax, log_softmax, sparsemax, glu) and prelu.
 * Each row's reductions go through V16 (fixed order on every ISA). */

#define VACT_ROW_STUB(name)                                                             \
    static void KFN(row_##name)(size_t rows, size_t cols, const float *x, float *y) {   \
        (void)x; for (size_t i = 0; i < rows * cols; i++) y[i] = __builtin_nanf("");    \
    }                                                                                   \
    static void KFN(row_##name##_bwd)(size_t rows, size_t cols, const float *x,         \
                                      const float *dy, float *dx) {                     \
        (void)x; (void)dy; for (size_t i = 0; i < rows * cols; i++) dx[i] = __builtin_nanf(""); \
    }
VACT_ROW_STUB(softmax)
VACT_ROW_STUB(log_softmax)
VACT_ROW_STUB(sparsemax)
VACT_ROW_STUB(glu)

static void KFN(prelu)(size_t rows, size_t channels, const float *x, const float *alpha, float *y) {
    (void)x; (void)alpha;
    for (size_t i = 0; i < rows * channels; i++) y[i] = __builtin_nanf("");
}
static void KFN(prelu_bwd)(size_t rows, size_t channels, const float *x, const float *alpha,
                           const float *dy, float *dx, float *dalpha) {
    (void)x; (void)alpha; (void)dy;
    for (size_t i = 0; i < rows * channels; i++) dx[i] = __builtin_nanf("");
    for (size_t c = 0; c < channels; c++) dalpha[c] = __builtin_nanf("");
}
