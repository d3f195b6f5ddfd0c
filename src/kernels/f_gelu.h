/* gelu(x) = x Phi(x). With a = |x| clamped to 14.6 (beyond which gelu = x or
 * 0 in float) and the upper normal tail Q(a) = erfc(a/sqrt2)/2 = W 2^n from
 * verfc.h (W = t S p as hi + lo, so x W forms with one rounding):
 *   x < 0:  gelu = (x W) 2^n    (erfc directly: no 1 - erf cancellation;
 *                                the subnormal tail rounds once more)
 *   x >= 0: gelu = x - x W 2^n  (Phi = 1 - Q >= 1/2)
 * gelu'(x) = Phi(x) + x phi(x) = e^(-a^2/2) B (x < 0) or 1 - e^(-a^2/2) B,
 * B = t S - a/sqrt(2 pi) (hi + lo: the root near x = -0.75 cancels inside B). */
#include "verfc.h"

#define VACT_GELU_RS2PI_H 0x1.988454p-2f
#define VACT_GELU_RS2PI_L -0x1.857936p-27f

static inline V k_gelu(V x, const vact_params *p) {
    (void)p;
    M neg = vle(x, vzero());                               /* -0 -> Z = -0 */
    V xs = vmax(vmin(x, vset1(VACT_NQ_AMAX)), vset1(-VACT_NQ_AMAX)); /* NaN -> -14.6 */
    V a = vabs(xs);
    vnormq_t g = vnormq_parts(a);
    V Wl, Wh = vnormq_w(g, &Wl);
    V Z = vscale2n(vfma(xs, Wh, vmul(xs, Wl)), g.n);       /* x Q(|x|) */
    return vsel(neg, Z, vsub(x, Z));
}

static inline V kb_gelu(V x, V dy, const vact_params *p) {
    (void)p;
    M neg = vlt(x, vzero());
    V a = vmin(vabs(x), vset1(VACT_NQ_AMAX));              /* NaN -> 14.6 */
    vnormq_t g = vnormq_parts(a);
    V tl = vmul(g.th, g.rt);
    V pl, ph = vnormq_p(g, &pl);
    V m = vmul(a, vset1(VACT_GELU_RS2PI_H));               /* a/sqrt(2pi), hi + lo */
    V ml = vfma(a, vset1(VACT_GELU_RS2PI_L), vfms(a, vset1(VACT_GELU_RS2PI_H), m));
    V Bh = vfms(g.th, g.S, m);
    V Bl = vsub(vfma(g.th, g.Sl, vmul(tl, g.S)), ml);
    V Qh = vmul(ph, Bh);
    V Ql = vadd(vfms(ph, Bh, Qh), vfma(ph, Bl, vmul(pl, Bh)));
    V eB = vscale2n(vadd(Qh, Ql), g.n);
    V d = vsel(neg, eB, vsub(vset1(1.0f), eB));
    return vmul(dy, vsel(visnan(x), x, d));               /* one NaN source each */
}
