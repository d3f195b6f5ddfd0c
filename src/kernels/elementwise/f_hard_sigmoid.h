/* hard_sigmoid(x) = relu6(x + 3)/6 = min(max(x + 3, 0), 6) * fl(1/6).
 * x + 3 is exact near -3 (Sterbenz), so no cancellation where the result is
 * small; 6 * fl(1/6) rounds to exactly 1. A product by fl(1/6) rather than
 * a division by 6: one rounding more, a fraction of the cost.
 * Backward: |x| < 3 gives dy * fl(1/6), else dy * min(0, |x|) (+0, or NaN for
 * NaN x). */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_F_HARD_SIGMOID_H
#define VACT_F_HARD_SIGMOID_H
#include "../../common/vact_internal.h" /* vact_params */

static inline V k_hard_sigmoid(V x, const vact_params *p) {
    (void)p;
    V t = vmin(vset1(6.0f), vmax(vzero(), vadd(x, vset1(3.0f))));
    return vmul(t, vset1(1.0f / 6.0f));
}
static inline V kb_hard_sigmoid(V x, V dy, const vact_params *p) {
    (void)p;
    V a = vabs(x);
    V g = vsel(vlt(a, vset1(3.0f)), vset1(1.0f / 6.0f), vmin(vzero(), a));
    return vmul(dy, g);
}

#endif
