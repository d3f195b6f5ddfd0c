/* Fast silu(x) = x sigmoid(x): the fast swish with beta = 1 (f_swish.h),
 * without the low part.
 * Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_FAST_F_SILU_H
#define VACT_FAST_F_SILU_H
#include "../../common/vact_internal.h" /* vact_params */
#include "f_swish.h"

#define VACT_FAST_silu ~, 1
static inline V kf_silu(V x, const vact_params *p) { (void)p; return vfswish(x, 1.0f, 1); }
static inline V kfb_silu(V x, V dy, const vact_params *p) { (void)p; return vfswish_bwd(x, dy, 1.0f, 1); }

#endif
