/* gelu(x) = x Phi(x). With a = |x| clamped to 14.6 (beyond which gelu = x or
 * 0 in float) and the upper normal tail Q(a) = erfc(a/sqrt2)/2 = W 2^n from
 * verfc.h (W = Wh + Wl, so a W forms with one rounding), Z = (a W) 2^n:
 *   gelu = max(x, 0) - Z   (x < 0: -Z, erfc directly, no 1 - erf cancellation,
 *                           the subnormal tail rounds once more;
 *                           x >= 0: x - x Q with Phi = 1 - Q >= 1/2)
 * vscale2n_e outside its documented |p| in [1/2, 2] is exact here: n in
 * [-153, 0], p in [0, 11], p 2^(n+64) normal or p subnormal with n = 0, so
 * the fallback's first product is exact and it rounds once like scalef.
 * gelu'(x) = Phi(x) + x phi(x) = e^(-a^2/2) B (x < 0) or 1 - e^(-a^2/2) B,
 * B = t S - a/sqrt(2 pi) (hi + lo: the root near x = -0.75 cancels inside B),
 * times p = 1 + s by one fma and its exact error; a^2 rounded (its error
 * is largest near x = -2; for a > 3 |gelu'| < 1/16 and the bound is
 * absolute). */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_F_GELU_H
#define VACT_F_GELU_H
#include "../../common/vact_internal.h" /* vact_params */
#include "../math/erfc.h"

#define VACT_GELU_RS2PI_H 0x1.988454p-2f  /* 1/sqrt(2 pi) rounded */
#define VACT_GELU_RS2PI_L -0x1.857936p-27f /* 1/sqrt(2 pi) - VACT_GELU_RS2PI_H, rounded */

static inline V k_gelu(V x, const vact_params *p) {
    (void)p;
    V a = vmin(vabs(x), vset1(VACT_NQ_AMAX));              /* NaN -> 14.6 */
    vnormq_t g = vnormq_parts(a);
    V Wl, Wh = vnormq_w(g, &Wl);
    V Z = vscale2n_e(vfma(a, Wh, vmul(a, Wl)), g.n);       /* |x| Q(|x|) */
    return vsub(vmax(vzero(), x), Z);                      /* -0, NaN: x's own */
}

static inline V kb_gelu(V x, V dy, const vact_params *p) {
    (void)p;
    M neg = vlt(x, vzero());
    V a = vmin(vabs(x), vset1(VACT_NQ_AMAX));              /* NaN -> 14.6 */
    vnormq_t g = vnormq_parts_(a, vzero(), 2);            /* see verfc.h */
    V m = vmul(a, vset1(VACT_GELU_RS2PI_H));               /* a/sqrt(2pi), hi + lo */
    V ml = vfma(a, vset1(VACT_GELU_RS2PI_L), vfms(a, vset1(VACT_GELU_RS2PI_H), m));
    V Bh = vfms(g.th, g.S, m);                             /* B = t S - m */
    V Bl = vsub(vfma(g.th, g.Sl, vmul(vmul(g.th, g.rt), g.S)), ml);
    V Qh = vfma(Bh, g.s, Bh);                              /* B (1 + s)(1 + rl) */
    V Ql = vfma(Bh, g.s, vsub(Bh, Qh));                    /* exact: Qh/Bh in [0.7, 1.42] */
    Ql = vfma(Qh, g.rl, Ql);
    Ql = vfma(Bl, g.s, vadd(Bl, Ql));
    V eB = vscale2n_e(vadd(Qh, Ql), g.n);
    V d = vsel(neg, eB, vsub(vset1(1.0f), eB));
    return vmul(dy, vsel(visnan(x), x, d));               /* one NaN source each */
}

#endif
