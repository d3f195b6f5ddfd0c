/* tanh_shrink(x) = x - tanh(x), odd (sign or-ed back, so -0 -> -0).
 * |x| < 1: x^3 (1/3 + u Q(u)), u = x^2, Q of degree 6 near-minimax
 *   (scripts/fitpoly.py tshr 6 1.0: 2^-26.8 relative). x^3 is carried as
 *   hi + lo (FMA remainders) and 1/3 as hi + lo, so the result is one
 *   rounding of x3h/3 plus small corrections: no cancellation.
 * |x| >= 1: (|x| - 1) + 2e/(1+e), e = e^(-2|x|): |x| - 1 is exact and the
 *   quotient (in [0, 0.24]) is small against the result.
 * Derivative tanh(x)^2 from the tanh kernel. */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_F_TANH_SHRINK_H
#define VACT_F_TANH_SHRINK_H
#include "../../common/vact_internal.h" /* vact_params */
#include "../math/recip.h"
#include "f_tanh.h"

#define VACT_TSHR_THIRD 0x1.555556p-2f     /* 1/3 rounded */
#define VACT_TSHR_THIRD_L -0x1.555556p-27f /* 1/3 - VACT_TSHR_THIRD, rounded */

static inline V vtanh_shrink_small(V ax) {
    V u = vmul(ax, ax);
    V ul = vfms(ax, ax, u);
    V x3h = vmul(ax, u);
    V x3l = vfma(ax, ul, vfms(ax, u, x3h));
    V q = vfma(vset1(-0x1.2fdeaep-13f), u, vset1(0x1.e8514p-11f));
    q = vfma(q, u, vset1(-0x1.a5df9ap-9f));
    q = vfma(q, u, vset1(0x1.1d4e9ap-7f));
    q = vfma(q, u, vset1(-0x1.65b738p-6f));
    q = vfma(q, u, vset1(0x1.ba1318p-5f));
    q = vfma(q, u, vset1(-0x1.1110fcp-3f));
    V t = vfma(u, q, vset1(VACT_TSHR_THIRD_L)); /* u Q(u) + (1/3 - THIRD) */
    V corr = vfma(x3h, t, vmul(x3l, vset1(VACT_TSHR_THIRD)));
    return vfma(x3h, vset1(VACT_TSHR_THIRD), corr);
}
static inline V vtanh_shrink_big(V ax) {
    V e = vexp_neg(vmul(ax, vset1(-2.0f)));
    V d = vadd(vset1(1.0f), e);
    V dl = vsub(e, vsub(d, vset1(1.0f)));
    V q = vdiv12(vadd(e, e), d, dl, vrecip12(d));
    return vadd(vsub(ax, vset1(1.0f)), q);
}
static inline V k_tanh_shrink(V x, const vact_params *p) {
    (void)p;
    V ax = vabs(x), sgn = vand(x, vset1(-0.0f));
    /* both branches, no data-dependent jump; NaN takes the exp branch */
    V y = vsel(vlt(ax, vset1(1.0f)), vtanh_shrink_small(ax), vtanh_shrink_big(ax));
    return vor(y, sgn);
}
static inline V kb_tanh_shrink(V x, V dy, const vact_params *p) {
    (void)p;
    V t = vtanh_abs_(vabs(x), 1);
    return vmul(vmul(dy, t), t); /* not dy (t t): t^2 underflows first (|x| < 2^-63) */
}

#endif
