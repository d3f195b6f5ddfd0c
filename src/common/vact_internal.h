/* Internal: the parameter block and the per-ISA function table. The list of
 * functions is src/common/functions.def. */
#ifndef VACT_INTERNAL_H
#define VACT_INTERNAL_H

#include <stddef.h>
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

typedef struct vact_table {
#define VACT_EW(name, P, F, U, S) vact_unary_fn name; vact_unary_bwd_fn name##_bwd;
#define VACT_RW(name, F) vact_row_fn name; vact_row_bwd_fn name##_bwd;
#define VACT_PC(name) vact_##name##_fn name; vact_##name##_bwd_fn name##_bwd;
#include "functions.def"
} vact_table;

/* One table per ISA built in (defined in src/<isa>/kernels.c). */
extern const vact_table vact__table_scalar;
extern const vact_table vact__table_avx2;
extern const vact_table vact__table_avx512;
extern const vact_table vact__table_neon;
extern const vact_table vact__table_simde_neon;

/* The table every public call uses (selects on first use). */
const vact_table *vact__table_get(void);

#endif
