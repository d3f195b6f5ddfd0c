/* swish(x; beta) = x sigmoid(b), b = beta x taken exactly as a hi + lo pair
 * (-|b| = ah - nal with ah = fl(|beta| (-|x|)), nal = fnma(|beta|, -|x|, ah));
 * silu is beta = 1 (f_silu.h). An error d in the argument would be a
 * relative error |b| d in the result, hence the exact pair.
 * e = e^-|b| as one float (vswish_e): the low part goes into the reduced
 * argument's one rounding, e^r by the Horner tail (vexp_poly_h).
 * Forward (vsig_quot): x sigmoid(b) = x m/(1 + e), m = b < 0 ? e : 1:
 *   sigmoid(b) as q + c r, q = m/RN(1 + e) by IEEE division, r = (m - q) -
 *   q e the residual m - q(1 + e) in one rounding (m - q exact, q e exact
 *   inside the fma), c = VACT_SIG_RC ~ 1/(1 + e) (a constant: r is ~ an ulp
 *   of q), and y = fma(x, q, r (c x)): x q exact inside the fma, one
 *   rounding. 9 ops after e instead of 11 (x m as nh + nl, residual, the
 *   linear 1/(1 + e)); c = 0.82 minimised the sweep's maximum.
 * swish'(x) = sigmoid(b) + b sigmoid'(b); with q = e/(1+e) in [0, 1/2] by one
 *   IEEE division plus one residual correction (r = fnma(q, e, e - q),
 *   e - q exact) and g = q (1 - q) in one rounding:
 *   b >= 0: (1 - q) + b g          (no cancellation)
 *   b < 0:  g N, N = (1 + ah) + e  (1 + ah exact near the zero crossing at
 *           b ~ -1.28), the low part as fms(g, N, g nal).
 * Tails (|b| > 86, where e would be subnormal, or x = +-inf): b > 86 gives
 * y = x, dx = dy; b < -86 gives y = (x p) 2^n, dx = dy p (1 + b) 2^n, the
 * power of two applied last in two exact halves, so subnormal results round
 * once. Taken under a vector-wide branch that only replaces tail lanes. */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_F_SWISH_H
#define VACT_F_SWISH_H
#include "../../common/vact_internal.h" /* vact_params */
#include "../math/exp.h"
#include "../math/expm1.h"
#include "../math/recip.h"

/* swish at beta = 1 is silu: a call with beta = 1 runs silu's loops (every
 * tier and type: src/kernels/driver.h, VACT_UNIT_GO), which skip beta x's
 * low part and the clamp by 110/|beta|; silu's stated bounds are within
 * swish's (functions.def). vact_bench, n = 4096, beta = 1, the old and new
 * library alternated 3 times (2026-12-06, load 1.5): forward 1.2-1.3x
 * (accurate) and 1.5x / 1.9x (fast, AVX-512 / AVX2), backward 1.1-1.4x. */
#define VACT_UNIT_swish ~, 1
#define VACT_UNIT_TO_swish silu

#define VACT_SWISH_TAIL -86.0f    /* -|b| below: e^-|b| < 2^-124, near subnormal: tail path */
#define VACT_SWISH_TAIL_MIN -150.0f /* clamp of -|b| in the tail: the result is 0 below */
#define VACT_SWISH_XMAX 0x1p64f   /* |x| clamp in the tail: x p stays finite */

/* e^(ah + al) = (ph + pl) 2^n; returns the magic-bias sum (n = t - MAGIC_B) */
static inline V vswish_exp(V ah, V al, int no_al, V *ph, V *pl) {
    V n, t = vexp_round_(ah, 1.0f, VACT_MAGIC_B, &n);
    V r1 = vexp_r1_(ah, n, 1.0f);                      /* exact */
    V rl = no_al ? vmul(n, vset1(-VACT_LN2_LO)) : vfma(n, vset1(-VACT_LN2_LO), al);
    V rh = vadd(r1, rl);
    V rlow = vadd(vsub(r1, rh), rl);
    V r2 = vmul(rh, rh);
    V u = vfma(vexpm1_q_estrin(rh, r2), r2, rlow);     /* e^r - 1 - rh */
    V v = vadd(rh, u);
    V vl = vadd(vsub(rh, v), u);
    *ph = vadd(vset1(1.0f), v);
    *pl = vadd(vadd(vsub(vset1(1.0f), *ph), v), vl);
    return t;
}
/* e = e^(ah - nal) as one float (ah <= 0, nal = -(low part), 0 if unit):
 * the reduction of vexp_neg with the low part folded into r's one rounding
 * (r = r1 - (n LN2_LO + nal), r1 exact), e^r by the Horner tail. Lanes with
 * ah < -86 (the tail, redone by the callers) are unspecified: no clamp, and
 * 2^n (n >= -125) by vscale2n_t_. */
static inline V vswish_e(V ah, V nal, int unit) {
    if (unit) return vexp_neg_h_nc(ah);
    V n, t = vexp_round_(ah, 1.0f, VACT_MAGIC_B, &n);
    V r = vsub(vexp_r1_(ah, n, 1.0f), vfma(n, vset1(VACT_LN2_LO), nal));
    return vscale2n_t_(vexp_poly_h(r), n, t);
}
/* x m/(1 + e), m (= b < 0 ? e : 1, from the caller), e in [0, 1]: m/(1 + e)
 * as q + c r (one IEEE division by RN(1 + e), the residual r = (m - q) - q e,
 * m - q exact, q e exact inside the FMA, c ~ 1/(1 + e)), then x (q + c r) in
 * one rounding. The forward of silu and swish. */
#define VACT_SIG_RC 0.82f
static inline V vsig_quot(V x, V e, V m) {
    V d = vadd(vset1(1.0f), e);
    V q = vdiv(m, d);
    V r = vfnma(q, e, vsub(m, q));
    return vfma(x, q, vmul(r, vmul(x, vset1(VACT_SIG_RC))));
}
/* tail: e^(ah + al) = (*ph + *pl) 2^n1 * p2 (p2 = 2^n2) for ah < -86,
 * ah clamped to -150; returns 2^n1 */
static inline V vswish_tail_exp(V ah, V al, V *ahc, V *ph, V *pl, V *p2) {
    *ahc = vmax(vset1(VACT_SWISH_TAIL_MIN), ah);
    V alc = vmin(vmax(al, vset1(-1.0f)), vset1(1.0f)); /* NaN (x = inf) -> -1 */
    V n = vsub(vswish_exp(*ahc, alc, 0, ph, pl), vset1(VACT_MAGIC_B));
    return vpow2_halves(n, p2);
}
/* -|beta x| = *ah - *nal exactly, and the sign of beta x (*neg: b < 0) */
static inline V vswish_arg(V x, float beta, int unit, V *nal, M *neg) {
    /* -|x| written so that a NaN x passes through unchanged: every NaN in
     * the chain is then the same NaN, whatever operand order the compiler
     * picks (test_tails compares a call's bits with other n and offsets) */
    V nax = vmin(vneg(x), x);
    /* beta = +-0 (swish' = 1/2; the forward returns x/2 before this):
     * -|x| kept finite, so 0 (-|x|) is 0 at x = +-inf too, not NaN (a NaN
     * x stays NaN through the vmax) */
    if (!unit && beta == 0.0f) nax = vmax(vset1(-0x1.fffffep127f), nax);
    V ab = vset1(beta < 0 ? -beta : beta);
    V ah = unit ? nax : vmul(ab, nax);
    *nal = unit ? vzero() : vfnma(ab, nax, ah);
    *neg = beta < 0 ? vgt(x, vzero()) : vlt(x, vzero());
    return ah;
}
static inline V vswish_fwd(V x, float beta, int unit) {
    V nal;
    M neg;
    if (!unit && beta == 0.0f) return vmul(x, vset1(0.5f)); /* x sigmoid(0), correctly rounded */
    V ah = vswish_arg(x, beta, unit, &nal, &neg);
    V e = vswish_e(ah, nal, unit);
    V y = vsig_quot(x, e, vsel(neg, e, vset1(1.0f)));
    M tail = vlt(ah, vset1(VACT_SWISH_TAIL));
    if (many(tail)) {
        V ahc, ph, pl, p2, p1 = vswish_tail_exp(ah, vneg(nal), &ahc, &ph, &pl, &p2);
        V xn = vmin(vset1(VACT_SWISH_XMAX), vmax(vset1(-VACT_SWISH_XMAX), x));
        V y1 = vmul(vfma(xn, ph, vmul(xn, pl)), p1);
        V yt = vsel(neg, vmul(y1, p2), x);
        y = vsel(tail, yt, y);
    }
    return y;
}
static inline V vswish_bwd(V x, V dy, float beta, int unit) {
    V nal;
    M neg;
    V ah = vswish_arg(x, beta, unit, &nal, &neg);
    V e = vswish_e(ah, nal, unit);
    V q = vdiv(e, vadd(vset1(1.0f), e));          /* e/(1+e) in [0, 1/2] */
    V r = vfnma(q, e, vsub(e, q));                /* e - q (1 + e), e - q exact */
    q = vfma(r, vrecip1p_lin(e), q);
    V g = vfnma(q, q, q);                         /* q (1 - q) */
    /* b >= 0 (b = nal - ah): (1 - q) + b g;
     * b < 0 (b = ah - nal): g N, N = (1 + ah) + e - nal */
    V fp = vfnma(ah, g, vsub(vset1(1.0f), q));
    if (!unit) fp = vfma(nal, g, fp);
    V nn = vadd(vadd(vset1(1.0f), ah), e);
    V f = vsel(neg, unit ? vmul(g, nn) : vfms(g, nn, vmul(g, nal)), fp);
    V dx = vmul(dy, f);
    M tail = vlt(ah, vset1(VACT_SWISH_TAIL));
    if (many(tail)) {
        V ahc, ph, pl, p2, p1 = vswish_tail_exp(ah, vneg(nal), &ahc, &ph, &pl, &p2);
        V gt = vmul(vmul(vadd(ph, pl), vadd(vset1(1.0f), ahc)), p1);
        V dt = vsel(neg, vmul(vmul(dy, gt), p2), dy);
        dx = vsel(tail, dt, dx);
    }
    return dx;
}
static inline V k_swish(V x, const vact_params *p) { return vswish_fwd(x, p->a, 0); }
static inline V kb_swish(V x, V dy, const vact_params *p) { return vswish_bwd(x, dy, p->a, 0); }

#endif
