/* Public entry points, generated from src/common/functions.def: check the
 * parameters and the shape, pack the parameters, call the active ISA's table.
 * Outside a parameter's domain every output of the call is NaN; a shape whose
 * element count overflows size_t writes nothing. */
#include <stdint.h>
#include <string.h>
#include "../common/vact_internal.h"

int vact__param_ok(int domain, float p) {
    const float big = 3.40282347e38f, tiny = 1.17549435e-38f; /* FLT_MAX, FLT_MIN */
    switch (domain) {
    case VACT_D_NOTNAN: return p == p;
    case VACT_D_FINITE: return p >= -big && p <= big;
    case VACT_D_POS: return p >= tiny && p <= big;
    case VACT_D_NONNEG: return p >= 0.0f && p <= big;
    default: return 1;
    }
}

static void fill_nan(size_t n, float *y) {
    const float nan = __builtin_nanf("");
    for (size_t i = 0; i < n; i++) y[i] = nan;
}

/* rows * cols, or 0 when it overflows size_t */
static size_t shape_count(size_t rows, size_t cols) {
    return cols && rows > SIZE_MAX / sizeof(float) / cols ? 0 : rows * cols;
}

#pragma GCC visibility push(default)

/* The parameter list of a signature, the packing into vact_params and the
 * domain check, by parameter count. */
#define VACT_SIG_0(P)
#define VACT_SIG_1(P) , float VACT_P_NAME1(P)
#define VACT_SIG_2(P) , float VACT_P_NAME1(P), float VACT_P_NAME2(P)
#define VACT_PACK_0(P) {0.0f, 0.0f}
#define VACT_PACK_1(P) {VACT_P_NAME1(P), 0.0f}
#define VACT_PACK_2(P) {VACT_P_NAME1(P), VACT_P_NAME2(P)}
#define VACT_OK_0(P) 1
#define VACT_OK_1(P) vact__param_ok(VACT_P_DOM1(P), VACT_P_NAME1(P))
#define VACT_OK_2(P) (VACT_OK_1(P) && vact__param_ok(VACT_P_DOM2(P), VACT_P_NAME2(P)))
#define VACT_BY_COUNT(what, P) VACT_CAT(what, VACT_P_COUNT(P))(P)

#define VACT_EW(name, P, F, U, S)                                                            \
    void vact_##name##_f32(size_t n, const float *x, float *y VACT_BY_COUNT(VACT_SIG_, P)) { \
        if (!n) return;                                                                      \
        if (!(VACT_BY_COUNT(VACT_OK_, P))) { fill_nan(n, y); return; }                       \
        const vact_params p = VACT_BY_COUNT(VACT_PACK_, P);                                  \
        vact__table_get()->name(n, x, y, &p);                                                \
    }                                                                                        \
    void vact_##name##_backward_f32(size_t n, const float *x, const float *dy,               \
                                    float *dx VACT_BY_COUNT(VACT_SIG_, P)) {                 \
        if (!n) return;                                                                      \
        if (!(VACT_BY_COUNT(VACT_OK_, P))) { fill_nan(n, dx); return; }                      \
        const vact_params p = VACT_BY_COUNT(VACT_PACK_, P);                                  \
        vact__table_get()->name##_bwd(n, x, dy, dx, &p);                                     \
    }
/* Row-wise: VACT_RW_HALF (glu) needs an even cols; with an odd one every
 * output (rows x cols/2 forward, rows x cols backward) is NaN. */
#define VACT_RW(name, F)                                                                     \
    void vact_##name##_f32(size_t rows, size_t cols, const float *x, float *y) {             \
        const size_t n = shape_count(rows, cols);                                            \
        if (!n) return;                                                                      \
        if (((F) & VACT_RW_HALF) && (cols & 1)) { fill_nan(rows * (cols / 2), y); return; }  \
        vact__table_get()->name(rows, cols, x, y);                                           \
    }                                                                                        \
    void vact_##name##_backward_f32(size_t rows, size_t cols, const float *x, const float *dy, \
                                    float *dx) {                                             \
        const size_t n = shape_count(rows, cols);                                            \
        if (!n) return;                                                                      \
        if (((F) & VACT_RW_HALF) && (cols & 1)) { fill_nan(n, dx); return; }                 \
        vact__table_get()->name##_bwd(rows, cols, x, dy, dx);                                \
    }
#include "../common/functions.def"

void vact_prelu_f32(size_t rows, size_t channels, const float *x, const float *alpha, float *y) {
    if (!shape_count(rows, channels)) return;
    vact__table_get()->prelu(rows, channels, x, alpha, y);
}

void vact_prelu_backward_f32(size_t rows, size_t channels, const float *x, const float *alpha,
                             const float *dy, float *dx, float *dalpha) {
    if (!channels || channels > SIZE_MAX / sizeof(float)) return;
    if (!rows) { /* the empty sum */
        memset(dalpha, 0, channels * sizeof *dalpha);
        return;
    }
    if (!shape_count(rows, channels)) return;
    vact__table_get()->prelu_bwd(rows, channels, x, alpha, dy, dx, dalpha);
}

#pragma GCC visibility pop
