/* Included once per ISA by src/<isa>/kernels.c after that ISA's vocab.h:
 * every algorithm, the loop drivers, and the ISA's function table. */
#include <stddef.h>
#include "../common/vact_internal.h"
#include "driver.h"

/* every elementwise/f_NAME.h and rowwise/NAME.h of src/common/functions.def
 * (generated at configure time by cmake/VactFunctions.cmake) */
#include "vact_elementwise.h"
#include "vact_rowwise.h"
/* the primitives and operations of the expressions (src/dispatch/expr.c) */
#include "expr/prims.h"
#include "expr/ops.h"
/* the output-sized forward kernels of the bf16/f16 variants */
#include "t16/k16.h"
/* the fast tier's own kernels (VACT_FAST_NAME, kf_NAME / kfb_NAME, and the
 * row-wise row_NAME_fast / row_NAME_fast_bwd) */
#include "fast/fast.h"

#define VACT_EW(name, P, F, U, S, R) VACT_DEF_UNARY(name) VACT_DEF_UNARY16(name, F)       \
    VACT_IF_FAST(R, VACT_DEF_UNARY_FAST(name))
#define VACT_PRIM(name, F, U) VACT_DEF_UNARY(name)
#include "../common/functions.def"
/* the row-wise bf16/f16 kernels (VACT_T16 in the list) */
#include "rowwise/t16.h"
#define VACT_RW(name, F, T, R) VACT_IF_T16(T, VACT_ROW16_DEF(name))
#include "../common/functions.def"

const vact_table VACT_TABLE = {
#define VACT_EW(name, P, F, U, S, R) .name = KFN(name), .name##_bwd = KFN(name##_bwd),         \
    .name##_bf16 = KFN(name##_bf16), .name##_bwd_bf16 = KFN(name##_bwd_bf16),                \
    .name##_f16 = KFN(name##_f16), .name##_bwd_f16 = KFN(name##_bwd_f16),                    \
    VACT_IF_FAST(R, .name##_fast = VACT_FAST_PICK(name, KFN(name##_fast), KFN(name)),        \
                    .name##_fast_bwd = VACT_FAST_PICK(name, KFN(name##_fast_bwd), KFN(name##_bwd)),)
#define VACT_RW(name, F, T, R) .name = KFN(row_##name), .name##_bwd = KFN(row_##name##_bwd),   \
    VACT_IF_FAST(R, .name##_fast = VACT_FAST_PICK(name, KFN(row_##name##_fast), KFN(row_##name)), \
                    .name##_fast_bwd = VACT_FAST_PICK(name, KFN(row_##name##_fast_bwd),       \
                                                      KFN(row_##name##_bwd)),)                \
    VACT_IF_T16(T, .name##_bf16 = KFN(row_##name##_bf16),                                   \
                   .name##_bwd_bf16 = KFN(row_##name##_bwd_bf16),                           \
                   .name##_f16 = KFN(row_##name##_f16),                                     \
                   .name##_bwd_f16 = KFN(row_##name##_bwd_f16),)
#define VACT_PC(name) .name = KFN(name), .name##_bwd = KFN(name##_bwd),
#define VACT_PRIM(name, F, U) .name = KFN(name), .name##_bwd = KFN(name##_bwd),
#include "../common/functions.def"
    .f32_to_bf16 = KFN(f32_to_bf16), .f32_to_f16 = KFN(f32_to_f16),
    .bf16_to_f32 = KFN(bf16_to_f32), .f16_to_f32 = KFN(f16_to_f32),
    .add = KFN(bin_add), .sub = KFN(bin_sub), .mul = KFN(bin_mul), .div = KFN(bin_div),
    .min = KFN(bin_min), .max = KFN(bin_max),
    .add_s = KFN(bins_add), .sub_s = KFN(bins_sub), .mul_s = KFN(bins_mul), .div_s = KFN(bins_div),
    .min_s = KFN(bins_min), .max_s = KFN(bins_max), .fused = KFN(fused), .sum16 = KFN(sum16), .min_bwd = KFN(min_bwd), .max_bwd = KFN(max_bwd),
    .powi = KFN(powi), .powi_bwd = KFN(powi_bwd),
};
