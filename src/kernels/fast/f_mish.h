/* The fast tier's mish: mish(x) = x tanh(softplus(x)) = x n/(n + 2),
 * n = t (t + 2) = t^2 + 2t, t = e^x (no cancellation anywhere: every term
 * is >= 0).
 *   x is clamped to [-104, 12] for t (e^x from exp.h's reduction, degree-6
 *   polynomial and one scaling; beyond 12, n/(n + 2) = 1 in float, and
 *   below -104, t = 0 with x t < 2^-140); the factor x itself is clamped
 *   below at -110 only (mish(-inf) = -0, not -inf * 0; +inf gives +inf).
 *   Forward: 3 clamps, e^x in 10 ops, 4 more and one division.
 * mish'(x) = tanh(sp) + x sech^2(sp) sigmoid(x) = (n d + 4x t(1 + t))/d^2,
 *   d = n + 2 (1 - tanh^2 = 4(n + 1)/d^2 and n + 1 = (1 + t)^2), i.e.
 *   t P / d^2 with P = t^3 + 4t^2 + (6 + 4x) t + (4 + 4x) by Horner (the
 *   root near -1.19 cancels inside P, on terms rounded at most once), x
 *   clamped to [-104, 12] (mish' = 1 in float beyond 12: (4x - 2)/e^(2x)
 *   < 2^-25; set exactly, as the rounded quotient may give 1 - 2^-24).
 *   23 ops and one division. */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_FAST_F_MISH_H
#define VACT_FAST_F_MISH_H
#include "../../common/vact_internal.h" /* vact_params */
#include "../math/exp.h"

#define VACT_FMISH_HI 12.0f
#define VACT_FMISH_LO -104.0f

/* e^xc for xc in [-104, 12] (NaN kept) */
static inline V vfmish_t(V xc) {
    V n, r = vexp_reduce(xc, &n);
    return vscale2n_e(vexp_poly(r), n);
}
static inline V kf_mish(V x, const vact_params *p) {
    (void)p;
    V t = vfmish_t(vmin(vset1(VACT_FMISH_HI), vmax(vset1(VACT_FMISH_LO), x)));
    V n = vfma(t, t, vadd(t, t));                           /* t^2 + 2t */
    V xf = vmax(vset1(-110.0f), x);                         /* NaN kept */
    return vmul(xf, vdiv(n, vadd(n, vset1(2.0f))));       /* x = +-huge: no overflow */
}
static inline V kfb_mish(V x, V dy, const vact_params *p) {
    (void)p;
    V xc = vmin(vset1(VACT_FMISH_HI), vmax(vset1(VACT_FMISH_LO), x));
    V t = vfmish_t(xc);
    /* n d + 4x t (1 + t) = t P, P = t^3 + 4t^2 + (6 + 4x) t + (4 + 4x):
     * 4 + 4x and 6 + 4x round once (fma), the cancellation near the root
     * falls on exact or once-rounded terms */
    V P = vfma(vadd(t, vset1(4.0f)), t, vfma(xc, vset1(4.0f), vset1(6.0f)));
    P = vfma(P, t, vfma(xc, vset1(4.0f), vset1(4.0f)));
    V d = vfma(t, vadd(t, vset1(2.0f)), vset1(2.0f));      /* t^2 + 2t + 2 */
    V g = vdiv(vmul(t, P), vmul(d, d));
    return vmul(dy, vsel(vgt(x, vset1(VACT_FMISH_HI)), vset1(1.0f), g)); /* exactly 1 */
}
#define VACT_FAST_mish ~, 1

#endif
