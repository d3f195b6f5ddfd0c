/* Fast silu(x) = x sigmoid(x).
 * Forward: y = xa/(1 + E), xa = max(x, -89) (NaN kept), E = e^-xc, xc =
 *   min(xa, 87), by f_sigmoid.h's pieces: at xa = -89 E overflows to +inf
 *   and y = -0 (the limit at -inf; the exact |y| is below 2^-121 there);
 *   above 87 E is at most 2^-125 and y = x (+inf kept).
 * Backward: the fast swish's with beta = 1 (f_swish.h), without the low
 * part.
 * Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_FAST_F_SILU_H
#define VACT_FAST_F_SILU_H
#include "../../common/vact_internal.h" /* vact_params */
#include "f_swish.h"
#include "f_sigmoid.h"

#define VACT_FAST_silu ~, 1
#define VACT_UNROLL_FAST_silu ~, 4
static inline V kf_silu(V x, const vact_params *p) {
    (void)p;
    V xa = vmax(vset1(-89.0f), x); /* NaN kept */
    V xc = vmin(vset1(87.0f), xa);
#ifdef VACT_SCALEF
    V E = vfsig_E_t16(xc);
#else
    V E = vfsig_E_p5(xc);
#endif
    return vdiv(xa, vadd(vset1(1.0f), E));
}
static inline V kfb_silu(V x, V dy, const vact_params *p) { (void)p; return vfswish_bwd(x, dy, 1.0f, 1); }

#endif
