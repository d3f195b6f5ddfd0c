/* Internal: the function list, parameter block and per-ISA function table.
 * Adding an elementwise function = one line in VACT_FOR_EACH_UNARY, one
 * algorithm header in src/kernels (k_NAME / kb_NAME), one include in
 * src/kernels/all.h. */
#ifndef VACT_INTERNAL_H
#define VACT_INTERNAL_H

#include <stddef.h>
#include "vact.h"

/* Parameters of an elementwise function: a = first, b = second. */
typedef struct vact_params {
    float a, b;
} vact_params;

/* X0(name): no parameter; X1(name, p1); X2(name, p1, p2). */
#define VACT_FOR_EACH_UNARY(X0, X1, X2)                                                   \
    X0(sigmoid) X0(tanh) X0(relu) X0(relu6) X1(leaky_relu, alpha) X1(elu, alpha)         \
    X0(selu) X1(celu, alpha) X0(silu) X1(swish, beta) X0(gelu) X0(gelu_tanh)             \
    X0(softplus) X0(softsign) X0(mish) X0(log_sigmoid) X0(hard_sigmoid) X0(hard_swish)   \
    X0(hard_tanh) X0(tanh_shrink) X1(soft_shrink, threshold) X1(hard_shrink, threshold)  \
    X2(threshold, threshold, value) X0(sparse_plus) X1(squareplus, b) X0(exponential)

/* X(name) for the row-wise functions taking (rows, cols, in, out) forward and
 * (rows, cols, in, dy, dx) backward. */
#define VACT_FOR_EACH_ROWWISE(X) X(softmax) X(log_softmax) X(sparsemax) X(glu)

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

#define VACT_TBL_U(name, ...) vact_unary_fn name; vact_unary_bwd_fn name##_bwd;
#define VACT_TBL_R(name) vact_row_fn name; vact_row_bwd_fn name##_bwd;
typedef struct vact_table {
    VACT_FOR_EACH_UNARY(VACT_TBL_U, VACT_TBL_U, VACT_TBL_U)
    VACT_FOR_EACH_ROWWISE(VACT_TBL_R)
    vact_prelu_fn prelu;
    vact_prelu_bwd_fn prelu_bwd;
} vact_table;
#undef VACT_TBL_U
#undef VACT_TBL_R

/* One table per ISA built in (defined in src/<isa>/kernels.c). */
extern const vact_table vact__table_scalar;
extern const vact_table vact__table_avx2;
extern const vact_table vact__table_avx512;
extern const vact_table vact__table_neon;
extern const vact_table vact__table_simde_neon;

/* The table every public call uses (selects on first use). */
const vact_table *vact__table_get(void);

#endif
