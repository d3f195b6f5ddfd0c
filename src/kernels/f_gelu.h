/* gelu(x) = x Phi(x). With a = |x| (clamped to 14.6, beyond which gelu = x or
 * 0 in float):
 *   erfc(a/sqrt2)/2 = e^(-a^2/2) t S(t - tc),  t = 1/(1 + k a), k = 0.7,
 * S a degree-12 polynomial (scripts/fitpoly.py gelu: 2^-26.4 relative) that is
 * flat ([0.3, 0.5]) and barely sensitive to the rounding of t (its last Horner
 * step kept as hi + lo). t is carried as
 * hi + lo (1 + k a by its exact tail, one division and a residual step),
 * e^(-a^2/2) = p 2^n with a^2 = hi + lo folded into the reduction, the reduced
 * argument's rounding kept (r + rl) and p = 1 + s as hi + lo, so W = t S p is formed with one rounding (x W too).
 *   x < 0:  gelu = (x W) 2^n    (erfc directly: no 1 - erf cancellation;
 *                                the subnormal tail rounds once more)
 *   x >= 0: gelu = x - x W 2^n  (Phi = 1 - erfc/2 >= 1/2)
 * gelu'(x) = Phi(x) + x phi(x) = e^(-a^2/2) B (x < 0) or 1 - e^(-a^2/2) B,
 * B = t S - a/sqrt(2 pi) (hi + lo: the root near x = -0.75 cancels inside B). */
#include "vexps.h"

#define VACT_GELU_K 0x1.666666p-1f
#define VACT_GELU_TC 0x1.16d1p-1f
#define VACT_GELU_XMAX 0x1.d33334p+3f   /* 14.6 */
#define VACT_GELU_RS2PI_H 0x1.988454p-2f
#define VACT_GELU_RS2PI_L -0x1.857936p-27f

typedef struct { V a, th, tl, S, Sl, ph, pl, n; M neg; } vgelu_t;

static inline vgelu_t vgelu_parts(V x) {
    vgelu_t g;
    g.neg = vlt(x, vzero());
    g.a = vmin(vset1(VACT_GELU_XMAX), vabs(x));           /* NaN kept */
    V D = vfma(vset1(VACT_GELU_K), g.a, vset1(1.0f));
    V Dl = vfma(vset1(VACT_GELU_K), g.a, vsub(vset1(1.0f), D));  /* 1 - D exact, D >= 1 */
    g.th = vdiv(vset1(1.0f), D);
    g.tl = vmul(g.th, vfnma(g.th, Dl, vfnma(g.th, D, vset1(1.0f))));
    V v = vsub(g.th, vset1(VACT_GELU_TC));
    V S = vfma(vset1(0x1.6e63f4p-3f), v, vset1(-0x1.4a9036p-2f));
    S = vfma(S, v, vset1(0x1.c17b46p-4f));
    S = vfma(S, v, vset1(0x1.42f52ap-3f));
    S = vfma(S, v, vset1(-0x1.d4939p-3f));
    S = vfma(S, v, vset1(0x1.2ea232p-3f));
    S = vfma(S, v, vset1(0x1.de1c58p-8f));
    S = vfma(S, v, vset1(-0x1.2c2b46p-3f));
    S = vfma(S, v, vset1(0x1.5aae2cp-3f));
    S = vfma(S, v, vset1(-0x1.eb9634p-6f));
    S = vfma(S, v, vset1(-0x1.873a46p-3f));
    S = vfma(S, v, vset1(0x1.ccadc8p-3f));
    V sv = vmul(S, v);                                     /* last step hi + lo */
    V svl = vfma(S, v, vneg(sv));
    g.S = vadd(vset1(0x1.bdabd0p-2f), sv);                 /* |sv| < 0.11 */
    g.Sl = vadd(vadd(vsub(vset1(0x1.bdabd0p-2f), g.S), sv), svl);
    /* e^(-a^2/2), a^2 = hi + lo */
    V a2 = vmul(g.a, g.a);
    V a2l = vfma(g.a, g.a, vneg(a2));
    V ah = vmul(vset1(-0.5f), a2);
    g.n = vsub(vfma(ah, vset1(VACT_LOG2E), vset1(VACT_MAGIC)), vset1(VACT_MAGIC));
    V r1 = vfma(g.n, vset1(-VACT_LN2_HI), ah);             /* exact */
    V c = vfma(g.n, vset1(-VACT_LN2_LO), vmul(vset1(-0.5f), a2l));
    V r = vadd(r1, c);                                     /* r + rl, rl ~ 2^-26 r */
    V rl = vsub(c, vsub(r, r1));
    V s = vexp_s(r);
    g.ph = vadd(vset1(1.0f), s);                           /* e^(r + rl) = ph + pl */
    g.pl = vfma(rl, g.ph, vadd(vsub(vset1(1.0f), g.ph), s));
    return g;
}

static inline V k_gelu(V x, const vact_params *p) {
    (void)p;
    vgelu_t g = vgelu_parts(x);
    V ts = vmul(g.th, g.S);                                /* t S, hi + lo */
    V tsl = vfma(g.tl, g.S, vfma(g.th, g.Sl, vfma(g.th, g.S, vneg(ts))));
    V Wh = vmul(ts, g.ph);                                 /* t S p, hi + lo */
    V Wl = vadd(vfma(ts, g.ph, vneg(Wh)), vfma(ts, g.pl, vmul(tsl, g.ph)));
    V xs = vsel(g.neg, vneg(g.a), g.a);                    /* x clamped */
    V zin = vsel(g.neg, vfma(xs, Wh, vmul(xs, Wl)), vadd(Wh, Wl));
    V Z = vscale2n(zin, g.n);
    return vsel(g.neg, Z, vfma(vneg(g.a), Z, x));
}

static inline V kb_gelu(V x, V dy, const vact_params *p) {
    (void)p;
    vgelu_t g = vgelu_parts(x);
    V m = vmul(g.a, vset1(VACT_GELU_RS2PI_H));             /* a/sqrt(2pi), hi + lo */
    V ml = vfma(g.a, vset1(VACT_GELU_RS2PI_L), vfma(g.a, vset1(VACT_GELU_RS2PI_H), vneg(m)));
    V Bh = vfma(g.th, g.S, vneg(m));
    V Bl = vsub(vfma(g.th, g.Sl, vmul(g.tl, g.S)), ml);
    V Qh = vmul(g.ph, Bh);
    V Ql = vadd(vfma(g.ph, Bh, vneg(Qh)), vfma(g.ph, Bl, vmul(g.pl, Bh)));
    V eB = vscale2n(vadd(Qh, Ql), g.n);
    return vmul(dy, vsel(g.neg, eB, vsub(vset1(1.0f), eB)));
}
