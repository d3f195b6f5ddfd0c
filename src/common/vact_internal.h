/* Internal: the parameter block and the per-ISA function table. The list of
 * functions is src/common/functions.def. */
#ifndef VACT_INTERNAL_H
#define VACT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include "vact.h"
#include "functions.h"

/* Parameters of an elementwise function: a = first, b = second. */
typedef struct vact_params {
    float a, b;
} vact_params;

typedef void (*vact_unary_fn)(size_t n, const float *x, float *y, const vact_params *p);
typedef void (*vact_unary_bwd_fn)(size_t n, const float *x, const float *dy, float *dx,
                                  const vact_params *p);
typedef void (*vact_row_fn)(size_t rows, size_t cols, const float *x, float *y);
typedef void (*vact_row_bwd_fn)(size_t rows, size_t cols, const float *x, const float *dy,
                                float *dx);
typedef void (*vact_prelu_fn)(size_t rows, size_t channels, const float *x, const float *alpha,
                              float *y);
typedef void (*vact_prelu_bwd_fn)(size_t rows, size_t channels, const float *x,
                                  const float *alpha, const float *dy, float *dx, float *dalpha);

/* bf16 and f16 (uint16_t bits): the same shapes */
typedef void (*vact_unary16_fn)(size_t n, const uint16_t *x, uint16_t *y, const vact_params *p);
typedef void (*vact_unary16_bwd_fn)(size_t n, const uint16_t *x, const uint16_t *dy, uint16_t *dx,
                                    const vact_params *p);
typedef void (*vact_row16_fn)(size_t rows, size_t cols, const uint16_t *x, uint16_t *y);
typedef void (*vact_row16_bwd_fn)(size_t rows, size_t cols, const uint16_t *x, const uint16_t *dy,
                                  uint16_t *dx);
typedef void (*vact_to16_fn)(size_t n, const float *x, uint16_t *y);
typedef void (*vact_from16_fn)(size_t n, const uint16_t *x, float *y);
/* expressions (src/dispatch/expr.c): y = a OP b elementwise; the backward of
 * min/max: da, db = dy where that operand is the result (ties: a), else +0,
 * both NaN when a or b is; y = x^k (|k| <= VACT_POWI_MAX), dx = dy k x^(k-1) */
typedef void (*vact_binary_fn)(size_t n, const float *a, const float *b, float *y);
/* y = x OP s, or s OP x when swap: the bits of the array form */
typedef void (*vact_binary_s_fn)(size_t n, const float *x, float s, float *y, int swap);
/* y = (x OP1 s) OP2 q, k1/k2 as src/kernels/expr/ops.h: the bits of two passes */
typedef void (*vact_fused_fn)(size_t n, const float *x, float s, int k1, const float *q, int k2,
                              float *y);
typedef void (*vact_minmax_bwd_fn)(size_t n, const float *a, const float *b, const float *dy,
                                   float *da, float *db);
typedef void (*vact_powi_fn)(size_t n, const float *x, float *y, int k);
typedef void (*vact_powi_bwd_fn)(size_t n, const float *x, const float *dy, float *dx, int k);
#define VACT_POWI_MAX 16

typedef struct vact_table {
#define VACT_EW(name, P, F, U, S, R) vact_unary_fn name; vact_unary_bwd_fn name##_bwd;       \
    vact_unary16_fn name##_bf16; vact_unary16_bwd_fn name##_bwd_bf16;                      \
    vact_unary16_fn name##_f16; vact_unary16_bwd_fn name##_bwd_f16;                        \
    VACT_IF_FAST(R, vact_unary_fn name##_fast; vact_unary_bwd_fn name##_fast_bwd;)
#define VACT_RW(name, F, T, R) vact_row_fn name; vact_row_bwd_fn name##_bwd;                \
    VACT_IF_FAST(R, vact_row_fn name##_fast; vact_row_bwd_fn name##_fast_bwd;)             \
    VACT_IF_T16(T, vact_row16_fn name##_bf16; vact_row16_bwd_fn name##_bwd_bf16;           \
                   vact_row16_fn name##_f16; vact_row16_bwd_fn name##_bwd_f16;)
#define VACT_PC(name) vact_##name##_fn name; vact_##name##_bwd_fn name##_bwd;
#define VACT_PRIM(name, F, U) vact_unary_fn name; vact_unary_bwd_fn name##_bwd;
#include "functions.def"
    /* conversions: to 16 bit rounded to nearest even, from 16 bit exact */
    vact_to16_fn f32_to_bf16, f32_to_f16;
    vact_from16_fn bf16_to_f32, f16_to_f32;
    vact_binary_fn add, sub, mul, div, min, max;
    vact_binary_s_fn add_s, sub_s, mul_s, div_s, min_s, max_s;
    vact_fused_fn fused;
    /* acc[l] += s[16 i + l] in element order (16 fixed lanes) */
    void (*sum16)(size_t n, const float *s, float *acc);
    vact_minmax_bwd_fn min_bwd, max_bwd;
    vact_powi_fn powi;
    vact_powi_bwd_fn powi_bwd;
} vact_table;

/* 1 when [a, a + n) and [b, b + n) share an element (the expressions'
 * in-place checks: src/dispatch/expr.c, src/kernels/expr/ops.h) */
static inline int vact__overlaps(const float *a, const float *b, size_t n) {
    const uintptr_t u = (uintptr_t)a, v = (uintptr_t)b, l = n * sizeof(float);
    return u < v + l && v < u + l;
}

/* 1 when p is inside the parameter domain d (VACT_D_*) (src/dispatch/api.c) */
int vact__param_ok(int domain, float p);

/* One table per ISA built in (defined in src/<isa>/kernels.c). */
extern const vact_table vact__table_scalar;
extern const vact_table vact__table_avx2;
extern const vact_table vact__table_avx512;
extern const vact_table vact__table_neon;
extern const vact_table vact__table_simde_neon;

/* The table every public call uses (selects on first use). */
const vact_table *vact__table_get(void);

#endif
