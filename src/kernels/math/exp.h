/* e^x: Cody-Waite reduction x = n*ln2 + r (|r| <= ln2/2, n by magic-bias
 * rounding), e^r = 1 + r + r^2*q(r) with a degree-4 near-minimax q
 * (scripts/fitpoly.py exp: 2^-27.6 relative), scaled by 2^n in one rounding
 * (vscale2n), so subnormal results round once. Max error ~0.6 ULP. */
#ifndef VACT_VEXP_H
#define VACT_VEXP_H

#define VACT_LOG2E 0x1.715476p+0f
#define VACT_LN2_HI 0x1.62e43p-1f       /* float(ln 2) */
#define VACT_LN2_LO -0x1.05c610p-29f    /* ln 2 - VACT_LN2_HI */
#define VACT_MAGIC 0x1.8p23f            /* round-to-nearest bias */

/* q(r) = (e^r - 1 - r)/r^2, degree 4, for |r| <= ~0.35 */
static inline V vexp_q(V r) {
    V q = vfma(vset1(0x1.6a1a72p-10f), r, vset1(0x1.123fc6p-7f));
    q = vfma(q, r, vset1(0x1.555916p-5f));
    q = vfma(q, r, vset1(0x1.55548ap-3f));
    return vfma(q, r, vset1(0x1.fffffcp-2f));
}
/* e^r for |r| <= ~0.35 */
static inline V vexp_poly(V r) {
    V r2 = vmul(r, r);
    return vadd(vfma(vexp_q(r), r2, r), vset1(1.0f));
}

/* n = round(x*log2 e) and r = x - n*ln2 for x already clamped to [-104, 89]. */
static inline V vexp_reduce(V x, V *n) {
    V t = vfma(x, vset1(VACT_LOG2E), vset1(VACT_MAGIC));
    *n = vsub(t, vset1(VACT_MAGIC));
    V r = vfma(*n, vset1(-VACT_LN2_HI), x);
    return vfma(*n, vset1(-VACT_LN2_LO), r);
}

/* e^x for every float x: 0 below -104, +inf above 88.73, NaN kept. */
static inline V vexp(V x) {
    V xc = vmin(vset1(89.0f), vmax(vset1(-104.0f), x)); /* NaN stays NaN */
    V n, r = vexp_reduce(xc, &n);
    return vscale2n(vexp_poly(r), n);
}

/* e^(xh + xl) where xl is a small correction (|xl| <= ulp(xh)): the argument
 * carried in more than float precision (beta*x as hi + lo, ...). */
static inline V vexp_hilo(V xh, V xl) {
    V xc = vmin(vset1(89.0f), vmax(vset1(-104.0f), xh));
    V n, t = vfma(xc, vset1(VACT_LOG2E), vset1(VACT_MAGIC));
    n = vsub(t, vset1(VACT_MAGIC));
    V r = vfma(n, vset1(-VACT_LN2_HI), xc);
    r = vadd(r, xl);
    r = vfma(n, vset1(-VACT_LN2_LO), r);
    return vscale2n(vexp_poly(r), n);
}

#endif

#ifndef VACT_VRECIP_DEFINED
#define VACT_VRECIP_DEFINED
/* 1/d for d in [1, 2]: linear first guess 24/17 - 8/17 d (|1 - d y| <= 1/17)
 * and three Newton steps with FMA: relative error < 2^-31. No estimates,
 * only IEEE FMAs, so every ISA gets the same bits. */
static inline V vrecip12(V d) {
    V y = vfma(d, vset1(-0x1.e1e1e2p-2f), vset1(0x1.696969p+0f));
    V e = vfnma(d, y, vset1(1.0f));
    y = vfma(y, e, y);
    e = vfnma(d, y, vset1(1.0f));
    y = vfma(y, e, y);
    e = vfnma(d, y, vset1(1.0f));
    return vfma(y, e, y);
}
/* num / (d + dl) for d in [1, 2], |dl| <= ulp(d), given inv = vrecip12(d):
 * one residual correction, error ~0.5 ULP + 2^-30 relative. */
static inline V vdiv12(V num, V d, V dl, V inv) {
    V q = vmul(num, inv);
    V r = vfnma(q, d, num);
    r = vfnma(q, dl, r);
    return vfma(r, inv, q);
}
#endif

/* e^x for x <= 0 (or NaN): only the lower clamp is needed. */
static inline V vexp_neg(V x) {
    V xc = vmax(vset1(-104.0f), x);
    V n, r = vexp_reduce(xc, &n);
    return vscale2n_e(vexp_poly(r), n); /* n in [-150, 0] */
}

/* e^x for x <= 0 (or NaN), one op shorter than vexp_neg: the same reduction
 * and coefficients, the tail 1 + r(1 + r q) evaluated by two FMAs (Horner)
 * instead of mul + fma + add; ~0.1 ULP more error (the rounding of
 * 1 + r q is scaled by |r| <= 0.35). For sigmoid / tanh forward. */
/* e^r = 1 + r(1 + r q(r)) by Horner (vexp_poly's coefficients) */
static inline V vexp_poly_h(V r) {
    V s = vfma(vexp_q(r), r, vset1(1.0f));
    return vfma(s, r, vset1(1.0f));
}
static inline V vexp_neg_h(V x) {
    V xc = vmax(vset1(-104.0f), x);
    V n, r = vexp_reduce(xc, &n);
    return vscale2n_e(vexp_poly_h(r), n); /* n in [-150, 0] */
}

/* e^(2 h) for h <= 0 (or NaN), bit-identical to vexp_neg_h(2 h) one op
 * shorter (no 2 h): the argument is halved through the whole evaluation,
 * r = 2 rh (reduction by ln2/2 pieces, exact halvings), and the Horner
 * chain in rh carries the intermediates of the chain in r times powers of
 * two (coefficients c_k 2^(k+2), last two steps 2 and 1), all exact
 * scalings. For tanh forward. */
static inline V vexp_neg2_h(V h) {
    V xh = vmax(vset1(-52.0f), h);
    V t = vfma(xh, vset1(2.0f * VACT_LOG2E), vset1(VACT_MAGIC));
    V n = vsub(t, vset1(VACT_MAGIC));
    V r = vfma(n, vset1(-0.5f * VACT_LN2_HI), xh);
    r = vfma(n, vset1(-0.5f * VACT_LN2_LO), r);
    V q = vfma(vset1(64.0f * 0x1.6a1a72p-10f), r, vset1(32.0f * 0x1.123fc6p-7f));
    q = vfma(q, r, vset1(16.0f * 0x1.555916p-5f));
    q = vfma(q, r, vset1(8.0f * 0x1.55548ap-3f));
    q = vfma(q, r, vset1(4.0f * 0x1.fffffcp-2f));
    V s = vfma(q, r, vset1(2.0f));
    return vscale2n_e(vfma(s, r, vset1(1.0f)), n); /* n in [-150, 0] */
}
