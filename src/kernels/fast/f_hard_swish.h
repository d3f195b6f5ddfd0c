/* hard_swish, fast tier: y = xm * min(fma(xm, c, 3c), 1) with xm = max(x, -3)
 * (NaN kept, -inf -> -3 -> -3 * 0 = -0), c = (1/6)(1 - 2^-24) and 3c exact
 * as in elementwise/f_hard_swish.h (q = c(xm + 3) rounded once: exact zero
 * at -3), without its 2^-24 correction: 4 ops, |error| <= ~1.5 ULP; x >= 3
 * gives x (q = 1). The backward is the accurate one (7 ops, already ahead
 * of every peer). */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_FAST_F_HARD_SWISH_H
#define VACT_FAST_F_HARD_SWISH_H
#include "../elementwise/f_hard_swish.h"

static inline V kf_hard_swish(V x, const vact_params *p) {
    (void)p;
    V xm = vmax(vset1(-3.0f), x);
    V q = vmin(vset1(1.0f), vfma(xm, vset1(VACT_HSW_C), vset1(VACT_HSW_3C)));
    return vmul(xm, q);
}
static inline V kfb_hard_swish(V x, V dy, const vact_params *p) { return kb_hard_swish(x, dy, p); }
#define VACT_FAST_hard_swish ~, 1
#define VACT_UNROLL_FAST_hard_swish ~, 4

#endif
