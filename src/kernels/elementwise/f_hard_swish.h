/* hard_swish(x) = x * relu6(x + 3)/6.
 * xm = max(x, -3) (NaN kept, -inf -> -3), xc = min(xm, 3).
 * c = 11184810 * 2^-26 = (1/6)(1 - 2^-24) is the float below fl(1/6) whose
 * 3c = 0.5 - 2^-25 is a float, so q = fma(xc, c, 3c) = c*(xc + 3) rounded
 * ONCE (exact zero at xc = -3, 1 - 2^-24 at xc = 3: no rounding of x + 3).
 * y = fma(xm, q, (xm * 2^-24) * q) = xm*q*(1 + 2^-24) undoes c's -2^-24
 * (left: 2^-48). Outside [-3, 3] exactly x (x >= 3) or -0 (x <= -3, -inf).
 * Backward: 0 for x <= -3, 1 for x >= 3, (2x + 3)/6 between: 2x + 3 comes
 * from one FMA, exact near the root x = -1.5, times fl(1/6). */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_F_HARD_SWISH_H
#define VACT_F_HARD_SWISH_H
#include "../../common/vact_internal.h" /* vact_params */

#define VACT_HSW_C 0x1.555554p-3f  /* c = 11184810 * 2^-26 = (1/6)(1 - 2^-24) */
#define VACT_HSW_3C 0x1.fffffep-2f /* 3c = 1/2 - 2^-25, exact */
#define VACT_UNROLL_hard_swish ~, 4 /* few ops: 4 vectors per iteration (driver.h) */

static inline V k_hard_swish(V x, const vact_params *p) {
    (void)p;
    V xm = vmax(vset1(-3.0f), x);                                  /* -inf * 0 would be NaN */
    V xc = vmin(vset1(3.0f), xm);
    V q = vfma(xc, vset1(VACT_HSW_C), vset1(VACT_HSW_3C));          /* c(xc + 3), one rounding */
    V s = vmul(vmul(xm, vset1(0x1p-24f)), q);
    return vfma(xm, q, s);
}
static inline V kb_hard_swish(V x, V dy, const vact_params *p) {
    (void)p;
    V w = vmul(vfma(vset1(2.0f), x, vset1(3.0f)), vset1(1.0f / 6.0f));
    V g = vsel(vle(x, vset1(-3.0f)), vzero(), w);
    g = vsel(vge(x, vset1(3.0f)), vset1(1.0f), g);
    return vmul(dy, g);
}

#endif
