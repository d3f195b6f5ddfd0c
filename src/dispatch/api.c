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

/* the default NaN of bf16 (0x7fc0) and f16 (0x7e00) */
#define VACT_NAN_bf16 0x7fc0u
#define VACT_NAN_f16 0x7e00u
static void fill_nan16(size_t n, uint16_t *y, uint16_t nan) {
    for (size_t i = 0; i < n; i++) y[i] = nan;
}

/* rows * cols, or 0 when it overflows size_t */
static size_t shape_count(size_t rows, size_t cols) {
    return cols && rows > SIZE_MAX / sizeof(float) / cols ? 0 : rows * cols;
}

/* the fast tier is every function that is not piecewise-linear (functions.def) */
#define VACT_EW(name, P, F, U, S, R)                                                         \
    _Static_assert(((F) & VACT_PWL) ? (R) == VACT_TA : (R) == VACT_TF,                       \
                   #name ": VACT_TF exactly when not VACT_PWL");
#include "../common/functions.def"

/* include/vact.h must declare every function of the list: each name is used
 * here before its definition below, an undeclared identifier otherwise (the
 * definitions then check the declared signatures) */
#define VACT_DECLARED(name, t) (void)vact_##name##_##t; (void)vact_##name##_backward_##t;
#define VACT_DECLARED_FAST(name) (void)vact_##name##_fast_f32; (void)vact_##name##_fast_backward_f32;
#define VACT_EW(name, P, F, U, S, R) VACT_DECLARED(name, f32) VACT_DECLARED(name, bf16) VACT_DECLARED(name, f16) \
    VACT_IF_FAST(R, VACT_DECLARED_FAST(name))
#define VACT_RW(name, F, T, R) VACT_DECLARED(name, f32) VACT_IF_FAST(R, VACT_DECLARED_FAST(name))
#define VACT_PC(name) VACT_DECLARED(name, f32)
__attribute__((unused)) static void declared_in_vact_h(void) {
#include "../common/functions.def"
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

/* the f32 entry points of one tier: vact_FN / vact_BN (NAME_f32 and
 * NAME_backward_f32, or NAME_fast_f32 and NAME_fast_backward_f32), table
 * entries name##TAB and name##TAB##_bwd (TAB empty or _fast) */
#define VACT_EW_F32(name, P, FN, BN, TAB)                                                       \
    void vact_##FN(size_t n, const float *x, float *y VACT_BY_COUNT(VACT_SIG_, P)) {         \
        if (!n) return;                                                                      \
        if (!(VACT_BY_COUNT(VACT_OK_, P))) { fill_nan(n, y); return; }                       \
        const vact_params p = VACT_BY_COUNT(VACT_PACK_, P);                                  \
        vact__table_get()->name##TAB(n, x, y, &p);                                           \
    }                                                                                        \
    void vact_##BN(size_t n, const float *x, const float *dy,                                \
                   float *dx VACT_BY_COUNT(VACT_SIG_, P)) {                                  \
        if (!n) return;                                                                      \
        if (!(VACT_BY_COUNT(VACT_OK_, P))) { fill_nan(n, dx); return; }                      \
        const vact_params p = VACT_BY_COUNT(VACT_PACK_, P);                                  \
        vact__table_get()->name##TAB##_bwd(n, x, dy, dx, &p);                                \
    }
#define VACT_EW(name, P, F, U, S, R) VACT_EW_F32(name, P, name##_f32, name##_backward_f32, )         \
    VACT_IF_FAST(R, VACT_EW_F32(name, P, name##_fast_f32, name##_fast_backward_f32, _fast))
/* Row-wise: VACT_RW_HALF (glu) needs an even cols; with an odd one every
 * output (rows x cols/2 forward, rows x cols backward) is NaN. */
#define VACT_RW_F32(name, F, FN, BN, TAB)                                                       \
    void vact_##FN(size_t rows, size_t cols, const float *x, float *y) {                     \
        const size_t n = shape_count(rows, cols);                                            \
        if (!n) return;                                                                      \
        if (((F) & VACT_RW_HALF) && (cols & 1)) { fill_nan(rows * (cols / 2), y); return; }  \
        vact__table_get()->name##TAB(rows, cols, x, y);                                      \
    }                                                                                        \
    void vact_##BN(size_t rows, size_t cols, const float *x, const float *dy, float *dx) {   \
        const size_t n = shape_count(rows, cols);                                            \
        if (!n) return;                                                                      \
        if (((F) & VACT_RW_HALF) && (cols & 1)) { fill_nan(n, dx); return; }                 \
        vact__table_get()->name##TAB##_bwd(rows, cols, x, dy, dx);                           \
    }
#define VACT_RW(name, F, T, R) VACT_RW_F32(name, F, name##_f32, name##_backward_f32, )             \
    VACT_IF_FAST(R, VACT_RW_F32(name, F, name##_fast_f32, name##_fast_backward_f32, _fast))
#include "../common/functions.def"

/* bf16 and f16 (T) of every elementwise function */
#define VACT_EW_T(name, P, T)                                                                \
    void vact_##name##_##T(size_t n, const vact_##T *x, vact_##T *y VACT_BY_COUNT(VACT_SIG_, P)) { \
        if (!n) return;                                                                      \
        if (!(VACT_BY_COUNT(VACT_OK_, P))) { fill_nan16(n, y, VACT_NAN_##T); return; }      \
        const vact_params p = VACT_BY_COUNT(VACT_PACK_, P);                                  \
        vact__table_get()->name##_##T(n, x, y, &p);                                          \
    }                                                                                        \
    void vact_##name##_backward_##T(size_t n, const vact_##T *x, const vact_##T *dy,         \
                                    vact_##T *dx VACT_BY_COUNT(VACT_SIG_, P)) {              \
        if (!n) return;                                                                      \
        if (!(VACT_BY_COUNT(VACT_OK_, P))) { fill_nan16(n, dx, VACT_NAN_##T); return; }     \
        const vact_params p = VACT_BY_COUNT(VACT_PACK_, P);                                  \
        vact__table_get()->name##_bwd_##T(n, x, dy, dx, &p);                                 \
    }
#define VACT_EW(name, P, F, U, S, R) VACT_EW_T(name, P, bf16) VACT_EW_T(name, P, f16)
#include "../common/functions.def"
#undef VACT_EW_T

/* Row-wise bf16 and f16 (VACT_T16 in the list) */
#define VACT_RW_T(name, F, T)                                                                \
    void vact_##name##_##T(size_t rows, size_t cols, const vact_##T *x, vact_##T *y) {       \
        const size_t n = shape_count(rows, cols);                                            \
        if (!n) return;                                                                      \
        if (((F) & VACT_RW_HALF) && (cols & 1)) {                                            \
            fill_nan16(rows * (cols / 2), y, VACT_NAN_##T);                                  \
            return;                                                                          \
        }                                                                                    \
        vact__table_get()->name##_##T(rows, cols, x, y);                                     \
    }                                                                                        \
    void vact_##name##_backward_##T(size_t rows, size_t cols, const vact_##T *x,             \
                                    const vact_##T *dy, vact_##T *dx) {                      \
        const size_t n = shape_count(rows, cols);                                            \
        if (!n) return;                                                                      \
        if (((F) & VACT_RW_HALF) && (cols & 1)) { fill_nan16(n, dx, VACT_NAN_##T); return; } \
        vact__table_get()->name##_bwd_##T(rows, cols, x, dy, dx);                            \
    }
#define VACT_RW(name, F, T, R) VACT_IF_T16(T, VACT_RW_T(name, F, bf16) VACT_RW_T(name, F, f16))
#include "../common/functions.def"
#undef VACT_RW_T

/* conversions */
void vact_f32_to_bf16(size_t n, const float *x, vact_bf16 *y) {
    if (n) vact__table_get()->f32_to_bf16(n, x, y);
}
void vact_bf16_to_f32(size_t n, const vact_bf16 *x, float *y) {
    if (n) vact__table_get()->bf16_to_f32(n, x, y);
}
void vact_f32_to_f16(size_t n, const float *x, vact_f16 *y) {
    if (n) vact__table_get()->f32_to_f16(n, x, y);
}
void vact_f16_to_f32(size_t n, const vact_f16 *x, float *y) {
    if (n) vact__table_get()->f16_to_f32(n, x, y);
}

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
