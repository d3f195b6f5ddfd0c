/* The fast tier (docs/contract.md, "Fast tier"): forward <= 4 ULP, backward
 * <= 8 ULP, ulp taken of max(|r|, 2^-20); the same special values; per ISA
 * deterministic, bits may differ between ISAs. Hardware reciprocal estimates
 * (the vocabulary's vrcp_fast) are allowed here and nowhere else.
 *
 * A function with its own fast kernels has a file f_NAME.h here, included
 * below, that defines
 *   static inline V kf_NAME(V x, const vact_params *p);            forward
 *   static inline V kfb_NAME(V x, V dy, const vact_params *p);     backward
 *   #define VACT_FAST_NAME ~, 1
 * (optionally VACT_UNROLL_FAST_NAME ~, U). A row-wise function defines
 * row_NAME_fast / row_NAME_fast_bwd (KFN names) and VACT_FAST_NAME instead.
 * Every other function of the fast tier (VACT_TF in src/common/functions.def)
 * uses its accurate kernels, which meet the fast tier's bounds.
 * Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_FAST_H
#define VACT_FAST_H

#include "f_celu.h"
#include "f_elu.h"
#include "f_gelu.h"
#include "f_gelu_tanh.h"
#include "f_hard_swish.h"
#include "f_mish.h"
#include "f_selu.h"
#include "f_sigmoid.h"
#include "f_silu.h"
#include "f_swish.h"
#include "f_tanh.h"
#include "rowwise_fast.h" /* softmax, log_softmax, glu */

#endif
