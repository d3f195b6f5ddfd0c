/* gelu(x) = x Phi(x) = max(x, 0) - Z, Z = |x| Q(|x|), Q(a) = erfc(a/sqrt2)/2
 * the upper normal tail (x < 0: -Z, no 1 - erf cancellation; x >= 0:
 * x - x Q with Phi = 1 - Q >= 1/2, so Z's error weighs at most 1 in ULP).
 * Forward, no division: with a = |x| clamped to 14.6 (beyond which gelu = x
 * or 0 in float; NaN -> 14.6, its own NaN from max(x, 0)),
 *   Q(a) = e^T, T = -a^2/2 + L(a), L(a) = log Q(a) + a^2/2 in [-3.6, -ln2],
 * L piecewise: 8 bins k = round(a/2) (the low bits of a/2 + 1.5 2^23,
 * vlut8: one permute on every ISA), v = a - 2k exact, degree 6 in v,
 *   L = c0h + c0l + v P(v)  (scripts/gen_gelu_tables.py: < 2^-25.2 absolute
 *   with float coefficients; c0h = L(2k) rounded, c0l its rest).
 * -a^2/2 = ah + ahl: ah = (a (-a/2) + 6) - 6, a multiple of 2^-21 below 2
 * (of 2^-22 from 2 to 4, of its own ulp above), ahl by one fma (exact to
 * 2^-47). n = round(T log2 e) from a rounded T; then the reduced argument
 *   r = ((ah - n ln2hi) + c0h) + v P + (c0l + ahl - n ln2lo)
 * has its first two sums exact (with ah's granularity, ah - n ln2hi is a
 * multiple of 2^-22 below 4, of 2^-21 below 8, and r0 = (..) + c0h, |r0| < 1,
 * a multiple of 2^-24),
 * so r rounds twice (fma(P, v, rl) at the size of v P, up to ~0.65 in bin 0
 * near a = 1: 2^-25; the sum at |r| <~ 0.36: 2^-26) besides the
 * fit; e^r - 1 = s (exp.h's vexp_s, 2^-27.6) and Z = (a + a s) 2^n by one
 * fma and an exact scaling (vscale2n_e is exact here: p = a (1 + s) in
 * [0, 21], n in [-159, -1], so p 2^(n+64) is normal or 0 and exact),
 * rounding once but for a subnormal Z. Budget (x >= 0, the worse side):
 * Z 0.5 + x - Z 0.5 ULP, s 2^-26 / (1 + s), r 2 x 2^-26, fit 2^-25.2 (bin
 * 1, a in [1, 3]; degree 7 would give 2^-27.8 and 1.37 ULP for 2 more ops):
 * exhaustive max 1.650 ULP (functions.def). 42 ops per AVX-512 vector.
 * gelu'(x) = Phi(x) + x phi(x) = e^(-a^2/2) B (x < 0) or 1 - e^(-a^2/2) B,
 * with Q(a) in parts from erfc.h (t = 1/(1 + 0.7 a), S(t) and e^(-a^2/2)):
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

/* L's coefficients per bin k (scripts/gen_gelu_tables.py 6), c[0] = c0l */
#define VACT_GELU_D 6
static const float vact_gelu_c0h[8] = {-0x1.62e43p-1f, -0x1.c87ec4p+0f, -0x1.2e17cep+1f, -0x1.5e4e72p+1f, -0x1.81b85p+1f, -0x1.9d9acp+1f, -0x1.b490eep+1f, -0x1.c81182p+1f};
static const float vact_gelu_c[VACT_GELU_D + 1][8] = {
    {0x1.76853ep-28f, -0x1.5985ap-25f, -0x1.c43f5cp-26f, 0x1.77d0fp-27f, 0x1.dd9e7p-24f, -0x1.db5496p-25f, -0x1.a71a7ap-24f, -0x1.de864cp-24f},
    {-0x1.98846p-1f, -0x1.7e2c42p-2f, -0x1.ce0b2ap-3f, -0x1.44928ap-3f, -0x1.f11fb2p-4f, -0x1.91ca36p-4f, -0x1.50bfdp-4f, -0x1.21a8dp-4f},
    {0x1.741d46p-3f, 0x1.d41622p-5f, 0x1.7e582ap-6f, 0x1.890374p-7f, 0x1.d565d6p-8f, 0x1.358194p-8f, 0x1.b52c38p-9f, 0x1.448b8ep-9f},
    {-0x1.29fc44p-5f, -0x1.441de4p-7f, -0x1.85fcc8p-9f, -0x1.2fc39p-10f, -0x1.1fa108p-11f, -0x1.3830f8p-12f, -0x1.757d2p-13f, -0x1.e02752p-14f},
    {0x1.41269p-8f, 0x1.aeb35p-10f, 0x1.9f36bcp-12f, 0x1.faa156p-14f, 0x1.824fc4p-15f, 0x1.5c0148p-16f, 0x1.626e2ap-17f, 0x1.8bf8eap-18f},
    {-0x1.3567ccp-13f, -0x1.013b3ep-12f, -0x1.c0944cp-15f, -0x1.b999ep-17f, -0x1.11e7ap-18f, -0x1.9a09fap-20f, -0x1.66efbcp-21f, -0x1.64a4f4p-22f},
    {-0x1.0af998p-14f, 0x1.d5174ep-16f, 0x1.c516e6p-18f, 0x1.75f0c6p-20f, 0x1.8269ecp-22f, 0x1.ec8b56p-24f, 0x1.6f65c8p-25f, 0x1.6af234p-27f},
};

static inline V k_gelu(V x, const vact_params *p) {
    (void)p;
    V a = vmin(vabs(x), vset1(VACT_NQ_AMAX));              /* NaN -> 14.6 */
    V u = vfma(a, vset1(0.5f), vset1(VACT_MAGIC));         /* bin k = round(a/2) */
    V v = vfma(vsub(u, vset1(VACT_MAGIC)), vset1(-2.0f), a); /* a - 2k, exact */
    V P = vlut8(vact_gelu_c[VACT_GELU_D], u);
    for (int i = VACT_GELU_D - 1; i >= 1; i--) P = vfma(P, v, vlut8(vact_gelu_c[i], u));
    V c0h = vlut8(vact_gelu_c0h, u);                       /* L = c0h + c0l + v P */
    V b = vmul(a, vset1(-0.5f));
    V ah = vsub(vfma(a, b, vset1(6.0f)), vset1(6.0f));    /* -a^2/2 = ah + ahl, */
                                                           /* ah coarse below 2 */
    V ahl = vfms(a, b, ah);
    V tt = vfma(vfma(P, v, vadd(ah, c0h)), vset1(VACT_LOG2E), vset1(VACT_MAGIC));
    V n = vsub(tt, vset1(VACT_MAGIC));                     /* round(T log2 e) */
    V r0 = vadd(vfma(n, vset1(-VACT_LN2_HI), ah), c0h);   /* both exact */
    V rl = vfma(n, vset1(-VACT_LN2_LO), vadd(ahl, vlut8(vact_gelu_c[0], u)));
    V r = vadd(r0, vfma(P, v, rl));                        /* T - n ln2 */
    V s = vexp_s(r);
    V Z = vscale2n_e(vfma(a, s, a), n);                    /* |x| Q(|x|) */
    return vsub(vmax(vzero(), x), Z);                      /* -0, NaN: x's own */
}

static inline V kb_gelu(V x, V dy, const vact_params *p) {
    (void)p;
    M neg = vlt(x, vzero());
    V a = vmin(vabs(x), vset1(VACT_NQ_AMAX));              /* NaN -> 14.6 */
    vnormq_t g = vnormq_parts_(a, vzero(), 2);            /* see erfc.h */
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
