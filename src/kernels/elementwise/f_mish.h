/* mish(x) = x tanh(softplus(x)) = x g, mish'(x) = g + x sech^2(sp) sigmoid(x).
 * One exp: e^a = (1 + s) 2^n, a = -|x| (exp.h's reduction, s = e^r - 1 not
 * rounded into 1 + s), e = RN((1 + s) 2^n) = e^-|x|, and five forms chosen
 * per lane by n (clamped to >= -2) and the sign, with their coefficients
 * from 8-entry tables (vlut8 on the low bits of the magic-bias sum t):
 *   c-pos  x > 0, n <= -1: z = e = u,  g = 1 - Q, Q = u^2/(u^2 + u + 1/2)
 *   s-pos0 x > 0, n = 0:   z = s (u = 1 + s), g = K0 - Q, K0 = RN(3/5)
 *   c-neg  x <= 0, n <= -2: z = e = t, mish = x t (1 - Q), Q = t(1+t)/(t^2 + 2t + 2)
 *   s-neg1 x <= 0, n = -1: z = s (t = (1 + s)/2), g = K0 - Q, K0 = RN(5/13)
 *          (its tables hold 2 K0 and 2 Q: the 2^-1 is applied last with
 *          c-neg's 2^n, vscale2n_b_)
 *   s-neg0 x <= 0, n = 0:  z = s (t = 1 + s), g = K0 - Q, K0 = RN(3/5)
 * The s-forms expand g around t (or u) = 1, 1/2, where the plain rational
 * in e loses up to 2.6 ULP (its four roundings are damped only by Q/g ~ 2/3
 * near x = 0); there Q = g(z=0) - g is O(z), Q/g <= 0.23, and the rounding
 * of K0 to float is folded into Q's constant term (exact, rationals).
 * Error budget of the forward (ULP of the result; e^r: 2^-27.6 relative):
 *   y' = fma(Pb, K0, -(Pb Q)) rounds once (0.5), Pb Q once more (<= 0.25
 *   of y's ulp, |Q| <= 0.41); Q = Num/D with Num, D from fma Horner in z and
 *   the division: ~4 roundings of 2^-24 relative, times |Q|/g: <= 0.23 on
 *   the s-forms, <= 0.41 on c-pos (at x = 0.35), <= 0.2 on c-neg; c-neg's
 *   Pb = x (1 + s) rounds once (0.5). Sum of the bounds <= 2; the
 *   exhaustive sweep's maximum is in functions.def.
 *   c-neg's 2^n (n down to -159) applied last, one rounding (scalef, or
 *   (y' 2^(n+64)) 2^-64 with y' 2^(n+64) exact): subnormal results round
 *   once more on their own grid. 42 ops + 1 division on AVX2 (the hi + lo
 *   design before: ~58 + 1).
 * Backward: mish' = M (B0 + Bx x + (Pc(z) + x Px(z))/D2(z)), M = e on c-neg
 * lanes (mish' = t omega/D^2 there), else 1; B0 + Bx x = mish'/M at z = 0 as
 * a function of x (c-pos: 1; c-neg: 1 + x; s-pos0, s-neg0: 3/5 + 8/25 x;
 * s-neg1: (65 + 48x)/169), so the remainder Q is O(z) and carries the
 * cancellation near the root x ~ -1.19 in one quotient; Pc, Px of degree 4
 * and D2 = D^2 the monic quartic, all by Horner from tables
 * (scripts/gen_mish_tables.py). Budget: lin = fma(Bx, x, B0) (0.5), Q's ~6
 * roundings (the Horner tails, the fma x Px + Pc, D2 ~1, the division)
 * times |Q|/|mish'|, M Q and the final fma(M, lin, M Q) (0.5 each); where
 * |Q| ~ |lin| >> |mish'| (x in [-1.3, -0.9]) the 2^-4 floor of the bound
 * holds it in absolute terms (the largest errors are there; bound 4, the
 * measured maximum in functions.def). 58 ops + 1 division on AVX2 (before: ~90 + 1). The exponent
 * clamp -88 keeps 2^n normal, or +0 (n = -127: mish' = 0 or 1 exactly). */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_F_MISH_H
#define VACT_F_MISH_H
#include "../../common/vact_internal.h" /* vact_params */
#include "../math/exp.h"

#define VACT_MISH_AMIN -110.0f  /* forward clamp of -|x|: |x e^x| < 2^-150 below, mish rounds to -0 */
#define VACT_MISH_PMAX 0x1p100f /* cap of x in the correction term: x = +inf times Q = 0 would be NaN */
#define VACT_MISH_BMIN -88.0f   /* backward clamp of -|x|: n >= -127, 2^n normal or, at
                                 * n = -127, +0 from the bits: e = 0, mish' = 0 or 1
                                 * (the limits) for |x| >~ 87.7 */
#define VACT_MISH_XMAX 110.0f   /* backward |x| clamp (mish' is 1 or ~0 beyond) */

/* ---- forward ---------------------------------------------------------------
 * Five forms, one division: y' = Pb K0 - Pb Q, Q = Num/D, Num and D
 * quadratics in z with per-form coefficients (8-entry tables indexed by the
 * low bits of the magic-bias sum t, n clamped to >= -2, + 3 for x > 0). */
#define VACT_MISH_M64 (VACT_MAGIC + 191.0f) /* magic + 127 + 64: t's bits << 23 = 2^(n+64) */
/* index (bits(ti) & 7): 0, 1 c-pos (x > 0, n <= -1), 2 s-pos (x > 0, n = 0),
 * 5 c-neg (x <= 0, n <= -2), 6 s-neg1 (n = -1), 7 s-neg0 (n = 0); 3, 4 unused */
static const float vact_mish_tk[8] = {1.0f, 1.0f, 3.0f, 0.0f, 0.0f, 2.0f, 6.0f, 4.0f};
static const float vact_mish_ta[8] = {0.5f, 0.5f, 2.5f, 0.0f, 0.0f, 2.0f, 13.0f, 5.0f};
static const float vact_mish_tb2[8] = {1.0f, 1.0f, 0x1.333334p-1f, 0.0f, 0.0f, 1.0f, -0x1.3b13bp+0f, -0x1.999998p-2f};
static const float vact_mish_tb1[8] = {0.0f, 0.0f, 0x1.99999cp-1f, 0.0f, 0.0f, 1.0f, -0x1.d89d8ap+2f, -0x1.999998p+0f};
static const float vact_mish_tb0[8] = {0.0f, 0.0f, 0x1p-24f, 0.0f, 0.0f, 0.0f, 0x1.8p-23f, 0x1p-23f};
static const float vact_mish_tk0[8] = {1.0f, 1.0f, 0x1.333334p-1f, 0.0f, 0.0f, 1.0f, 0x1.89d89ep-1f, 0x1.333334p-1f};
static const float vact_mish_tp[8] = {0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 1.0f, 0.0f, 0.0f};


static inline V k_mish(V x, const vact_params *p) {
    (void)p;
    V a = vmax(vor(x, vset1(-0.0f)), vset1(VACT_MISH_AMIN)); /* -|x|; NaN -> -110 */
    V n, t, r = vexp_reduce_(a, a, 0, 1.0f, VACT_MISH_M64, &n, &t);
    V s = vexp_s(r);                                        /* e^a = (1 + s) 2^n */
    V S = vpow2_t(t); /* 2^(n+64), n in [-159, 0] */
    V e = vmul(vfma(s, S, S), vset1(0x1p-64f));
    M neg = vle(x, vzero());
    V ti = vadd(vmax(t, vset1(VACT_MISH_M64 - 2.0f)), vsel(neg, vzero(), vset1(3.0f)));
    V z = vsel(vge(n, vsel(neg, vset1(-1.0f), vzero())), s, e);
    V D = vfma(z, vadd(z, vlut8(vact_mish_tk, ti)), vlut8(vact_mish_ta, ti));
    V Num = vfma(vfma(vlut8(vact_mish_tb2, ti), z, vlut8(vact_mish_tb1, ti)), z, vlut8(vact_mish_tb0, ti));
    V Q = vdiv(Num, D);
    V base = vmax(vset1(VACT_MISH_AMIN), x);                /* NaN kept */
    V Pb = vfma(a, vmul(s, vlut8(vact_mish_tp, ti)), base);  /* a = base on c-neg lanes, finite */
    V y = vfma(Pb, vlut8(vact_mish_tk0, ti), vfnma(vmin(Pb, vset1(VACT_MISH_PMAX)), Q, vzero()));
    return vsel(neg, vscale2n_b_(y, n, S, 0x1p-64f) /* n in [-159, 0], S = 2^(n+64) */, y);
}

/* ---- backward --------------------------------------------------------------
 * mish' = M (B0 + Bx x + (Pc(z) + x Px(z)) / D2(z)), per form (the forward's
 * index, n clamped to >= -2 from the same magic-bias sum with the exponent
 * bias): Pc, Px of degree 4 and the monic quartic D2 = D^2 from tables
 * (scripts/gen_mish_tables.py), M = e on c-neg lanes, else 1. */
static const float vact_mishb_d3[8] = {0x1p+1f, 0x1p+1f, 0x1.8p+2f, 0.0f, 0.0f, 0x1p+2f, 0x1.8p+3f, 0x1p+3f};
static const float vact_mishb_d2[8] = {0x1p+1f, 0x1p+1f, 0x1.cp+3f, 0.0f, 0.0f, 0x1p+3f, 0x1.fp+5f, 0x1.ap+4f};
static const float vact_mishb_d1[8] = {1.0f, 1.0f, 0x1.ep+3f, 0.0f, 0.0f, 0x1p+3f, 0x1.38p+7f, 0x1.4p+5f};
static const float vact_mishb_d0[8] = {0x1p-2f, 0x1p-2f, 0x1.9p+2f, 0.0f, 0.0f, 0x1p+2f, 0x1.52p+7f, 0x1.9p+4f};
static const float vact_mishb_pc0[8] = {0.0f, 0.0f, -0x1.4p-23f, 0.0f, 0.0f, 0.0f, -0x1.38p-20f, -0x1.4p-21f};
static const float vact_mishb_pc1[8] = {0.0f, 0.0f, -0x1.000004p+1f, 0.0f, 0.0f, -0x1p+1f, 0x1.8p+5f, 0x1.fffffcp+2f};
static const float vact_mishb_pc2[8] = {-0x1p-1f, -0x1p-1f, -0x1.f33336p+1f, 0.0f, 0.0f, -0x1p+2f, 0x1.e27626p+4f, 0x1.0cccccp+3f};
static const float vact_mishb_pc3[8] = {-1.0f, -1.0f, -0x1.4ccccep+1f, 0.0f, 0.0f, -0x1.8p+1f, 0x1.d89d8ap+2f, 0x1.999998p+1f};
static const float vact_mishb_pc4[8] = {-1.0f, -1.0f, -0x1.333334p-1f, 0.0f, 0.0f, -1.0f, 0x1.3b13bp-1f, 0x1.999998p-2f};
static const float vact_mishb_px0[8] = {0.0f, 0.0f, 0x1.8p-25f, 0.0f, 0.0f, 0.0f, -0x1.5p-21f, 0x1.8p-23f};
static const float vact_mishb_px1[8] = {0.0f, 0.0f, 0x1.9999a8p-3f, 0.0f, 0.0f, -0x1p+2f, 0x1.3b13bp+4f, -0x1.99999p-1f};
static const float vact_mishb_px2[8] = {1.0f, 1.0f, -0x1.eb8518p-2f, 0.0f, 0.0f, -0x1p+3f, -0x1.9c0614p+0f, -0x1.147aep+2f};
static const float vact_mishb_px3[8] = {1.0f, 1.0f, -0x1.d70a3cp-1f, 0.0f, 0.0f, -0x1p+2f, -0x1.b442a8p+1f, -0x1.47ae14p+1f};
static const float vact_mishb_px4[8] = {0.0f, 0.0f, -0x1.47ae14p-2f, 0.0f, 0.0f, -1.0f, -0x1.22d71ap-2f, -0x1.47ae14p-2f};
static const float vact_mishb_B0[8] = {1.0f, 1.0f, 0x1.333334p-1f, 0.0f, 0.0f, 1.0f, 0x1.89d89ep-2f, 0x1.333334p-1f};
static const float vact_mishb_Bx[8] = {0.0f, 0.0f, 0x1.47ae14p-2f, 0.0f, 0.0f, 1.0f, 0x1.22d71ap-2f, 0x1.47ae14p-2f};

static inline V kb_mish(V x, V dy, const vact_params *p) {
    (void)p;
    V a = vmax(vor(x, vset1(-0.0f)), vset1(VACT_MISH_BMIN)); /* -|x|; NaN -> -88 */
    V n, t, r = vexp_reduce_(a, a, 0, 1.0f, VACT_MAGIC_B, &n, &t);
    V s = vexp_s(r);
    V S = vpow2_t(t); /* 2^n, n in [-126, 0]; +0 at n = -127 */
    V e = vfma(s, S, S);
    M neg = vle(x, vzero());
    V ti = vadd(vmax(t, vset1(VACT_MAGIC_B - 2.0f)), vsel(neg, vzero(), vset1(3.0f)));
    V z = vsel(vge(n, vsel(neg, vset1(-1.0f), vzero())), s, e);
    V xc = vmax(vset1(-VACT_MISH_XMAX), vmin(vset1(VACT_MISH_XMAX), x)); /* NaN kept */
    V Pc = vfma(vlut8(vact_mishb_pc4, ti), z, vlut8(vact_mishb_pc3, ti));
    Pc = vfma(Pc, z, vlut8(vact_mishb_pc2, ti));
    Pc = vfma(Pc, z, vlut8(vact_mishb_pc1, ti));
    Pc = vfma(Pc, z, vlut8(vact_mishb_pc0, ti));
    V Px = vfma(vlut8(vact_mishb_px4, ti), z, vlut8(vact_mishb_px3, ti));
    Px = vfma(Px, z, vlut8(vact_mishb_px2, ti));
    Px = vfma(Px, z, vlut8(vact_mishb_px1, ti));
    Px = vfma(Px, z, vlut8(vact_mishb_px0, ti));
    V D2 = vfma(vadd(z, vlut8(vact_mishb_d3, ti)), z, vlut8(vact_mishb_d2, ti));
    D2 = vfma(D2, z, vlut8(vact_mishb_d1, ti));
    D2 = vfma(D2, z, vlut8(vact_mishb_d0, ti));
    V Q = vdiv(vfma(xc, Px, Pc), D2);
    V lin = vfma(vlut8(vact_mishb_Bx, ti), xc, vlut8(vact_mishb_B0, ti));
    V Mf = vsel(vlt(ti, vset1(VACT_MAGIC_B - 1.5f)), e, vset1(1.0f)); /* c-neg lanes */
    return vmul(dy, vfma(Mf, lin, vmul(Mf, Q)));
}

#endif
