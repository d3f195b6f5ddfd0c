/* e^x and its variants, all around one range reduction (vexp_reduce_):
 *   x = n ln2 + r, n = round(x log2 e) by the magic-bias sum, |r| <= ln2/2,
 *   r = (x - n LN2_HI) - n LN2_LO by two FMAs (Cody-Waite),
 *   e^r = 1 + r + r^2 q(r), q of degree 4 (vexp_q),
 * and the power of two applied in one rounding (vscale2n / vscale2n_e), so a
 * subnormal result rounds once.
 * Precondition of every header under src/kernels/: the ISA's vocab.h is
 * included first (src/<isa>/kernels.c). */
#ifndef VACT_MATH_EXP_H
#define VACT_MATH_EXP_H

#define VACT_LOG2E 0x1.715476p+0f          /* log2(e) rounded to float */
#define VACT_LN2_HI 0x1.62e43p-1f          /* ln 2 rounded to float */
#define VACT_LN2_LO -0x1.05c610p-29f       /* ln 2 - VACT_LN2_HI, rounded */
#define VACT_MAGIC 0x1.8p23f               /* 1.5 * 2^23: t = y + MAGIC rounds y to an integer */
#define VACT_MAGIC_B (0x1.8p23f + 127.0f)  /* MAGIC plus the exponent bias: the bits of
                                            * t = y + MAGIC_B shifted left by 23 are 2^n */

/* q(r) = (e^r - 1 - r)/r^2 for |r| <= ~0.35: near-minimax, degree 4
 * (scripts/fitpoly.py exp, |r| <= 1.01 ln2/2: 2^-27.6 relative on e^r) */
#define VACT_EXP_Q0 0x1.fffffcp-2f
#define VACT_EXP_Q1 0x1.55548ap-3f
#define VACT_EXP_Q2 0x1.555916p-5f
#define VACT_EXP_Q3 0x1.123fc6p-7f
#define VACT_EXP_Q4 0x1.6a1a72p-10f
static inline V vexp_q(V r) {
    V q = vfma(vset1(VACT_EXP_Q4), r, vset1(VACT_EXP_Q3));
    q = vfma(q, r, vset1(VACT_EXP_Q2));
    q = vfma(q, r, vset1(VACT_EXP_Q1));
    return vfma(q, r, vset1(VACT_EXP_Q0));
}
/* e^r = 1 + (r + r^2 q) for |r| <= ~0.35 */
static inline V vexp_poly(V r) {
    V r2 = vmul(r, r);
    return vadd(vfma(vexp_q(r), r2, r), vset1(1.0f));
}
/* e^r = 1 + r (1 + r q) by Horner: one op less than vexp_poly, the rounding
 * of 1 + r q scaled by |r| <= 0.35 (~0.1 ULP more) */
static inline V vexp_poly_h(V r) {
    V s = vfma(vexp_q(r), r, vset1(1.0f));
    return vfma(s, r, vset1(1.0f));
}
/* e^r - 1 = r + r^2 q, before the + 1: with e^a = (1 + s) 2^n a product
 * like a e^a = (a + a s) 2^n rounds once (fma) */
static inline V vexp_s(V r) { return vfma(vexp_q(r), vmul(r, r), r); }

/* ---- the range reduction ---------------------------------------------------
 * k = 1, or k = 2 for e^(2x) reduced on x itself (n ln2/2 pieces: the
 * constants are exact halvings); magic = VACT_MAGIC, or VACT_MAGIC_B when the
 * caller builds 2^n from the bits of t. */
/* n = round(k x log2 e); returns the magic-bias sum t (n = t - magic) */
static inline V vexp_round_(V x, float k, float magic, V *n) {
    V t = vfma(x, vset1(k * VACT_LOG2E), vset1(magic));
    *n = vsub(t, vset1(magic));
    return t;
}
/* the first Cody-Waite step x - n LN2_HI/k, exact */
static inline V vexp_r1_(V x, V n, float k) { return vfma(n, vset1(-VACT_LN2_HI / k), x); }
/* k (x + xl) = n ln2 + k r, returns r. With lo, xl (|xl| <= ulp(x), a low
 * part of the argument) joins the exact first step. */
static inline V vexp_reduce_(V x, V xl, int lo, float k, float magic, V *n, V *t) {
    *t = vexp_round_(x, k, magic, n);
    V r = vexp_r1_(x, *n, k);
    if (lo) r = vadd(r, xl);
    return vfma(*n, vset1(-VACT_LN2_LO / k), r);
}
/* x = n ln2 + r, for x already clamped to [-174, 175] */
static inline V vexp_reduce(V x, V *n) {
    V t;
    return vexp_reduce_(x, x, 0, 1.0f, VACT_MAGIC, n, &t);
}
/* x + xl = n ln2 + r (the argument carried in more than float precision) */
static inline V vexp_reduce_lo(V x, V xl, V *n) {
    V t;
    return vexp_reduce_(x, xl, 1, 1.0f, VACT_MAGIC, n, &t);
}

/* ---- e^x ------------------------------------------------------------------ */
/* e^x for every float x: 0 below -104, +inf above 88.73, NaN kept. */
static inline V vexp(V x) {
    V xc = vmin(vset1(89.0f), vmax(vset1(-104.0f), x)); /* NaN stays NaN */
    V n, r = vexp_reduce(xc, &n);
    return vscale2n(vexp_poly(r), n);
}
/* e^(xh + xl), |xl| <= ulp(xh) a low part of the argument (beta*x as
 * hi + lo, ...) */
static inline V vexp_hilo(V xh, V xl) {
    V xc = vmin(vset1(89.0f), vmax(vset1(-104.0f), xh));
    V n, r = vexp_reduce_lo(xc, xl, &n);
    return vscale2n(vexp_poly(r), n);
}
/* e^x for x <= 0 (or NaN): only the lower clamp; n in [-150, 0] */
static inline V vexp_neg(V x) {
    V xc = vmax(vset1(-104.0f), x);
    V n, r = vexp_reduce(xc, &n);
    return vscale2n_e(vexp_poly(r), n);
}
/* the same with the Horner tail (vexp_poly_h): one op less */
static inline V vexp_neg_h(V x) {
    V xc = vmax(vset1(-104.0f), x);
    V n, r = vexp_reduce(xc, &n);
    return vscale2n_e(vexp_poly_h(r), n);
}
/* p 2^n given B = 2^(n+k), a normal float built from the bits of a
 * magic-bias sum by the caller, and s = 2^-k (a constant): scalef on
 * AVX-512 (B unused), else (p B) s, the product by s left out for s = 1.
 * Where p 2^(n+k) is exact (normal) both round once, the same bits.
 * vscale2n_t_ (k = 0), t16's vscale2n_et (k = 63), mish's c-neg (k = 64). */
static inline V vscale2n_b_(V p, V n, V B, float s) {
#ifdef VACT_SCALEF
    (void)B;
    (void)s;
    return vscale2n(p, n);
#else
    (void)n;
    V y = vmul(p, B);
    return s == 1.0f ? y : vmul(y, vset1(s));
#endif
}
/* p 2^n for an integer n in [-126, 127] given t, the magic-bias sum with
 * VACT_MAGIC_B (n = t - MAGIC_B): scalef on AVX-512, else the product with
 * 2^n built from the bits of t (2 ops instead of vscale2n_e's 4). Both
 * round p 2^n once, so whenever the result is normal the bits are those of
 * vscale2n / vscale2n_e. */
static inline V vscale2n_t_(V p, V n, V t) { return vscale2n_b_(p, n, vasf(vishl(vasi(t), 23)), 1.0f); }
/* e^x for x in [-86, 0] (or NaN): the bits of vexp_neg_h there, without its
 * clamp; lanes below -86 (or -inf) are unspecified (NaN, inf or garbage):
 * for callers that redo them under a vector-wide tail branch */
static inline V vexp_neg_h_nc(V x) {
    V n, t, r = vexp_reduce_(x, x, 0, 1.0f, VACT_MAGIC_B, &n, &t);
    return vscale2n_t_(vexp_poly_h(r), n, t);
}
/* e^(2 h) for h <= 0 (or NaN), the same bits as vexp_neg_h(2 h) without
 * forming 2 h: reduced with k = 2, r = 2 rh, and the Horner chain in rh
 * carries the intermediates of the chain in r times powers of two
 * (coefficients Q_j 2^(j+2), then 2 and 1), all exact scalings. */
static inline V vexp_neg2_h(V h) {
    V xh = vmax(vset1(-52.0f), h);
    V n, t, r = vexp_reduce_(xh, xh, 0, 2.0f, VACT_MAGIC, &n, &t);
    V q = vfma(vset1(64.0f * VACT_EXP_Q4), r, vset1(32.0f * VACT_EXP_Q3));
    q = vfma(q, r, vset1(16.0f * VACT_EXP_Q2));
    q = vfma(q, r, vset1(8.0f * VACT_EXP_Q1));
    q = vfma(q, r, vset1(4.0f * VACT_EXP_Q0));
    V s = vfma(q, r, vset1(2.0f));
    return vscale2n_e(vfma(s, r, vset1(1.0f)), n);
}
/* e^(2 h) for h in [-43, 0] (the caller clamps; or NaN), cheaper and less
 * accurate (~2^-23 relative): one Cody-Waite step (the error n ln2_lo/2 <=
 * 2^-29 n of the reduced argument is negligible for tanh, whose weight on
 * e falls like e), e^r of degree 5 (q of degree 3: scripts/fitpoly.py exp 3,
 * 2^-23.09 relative) in the halved argument (coefficients Q_j 2^(j+2)), and
 * 2^n normal (n >= -124), applied by scalef or, elsewhere, by a product
 * with 2^n built from the bits of t (magic with the bias): both round
 * p 2^n once, so every ISA gives the same bits. For tanh, where e's error
 * enters as 2e/(1+e)^2 (k_tanh). */
#define VACT_EXP3_Q0 0x1.fffde8p-2f
#define VACT_EXP3_Q1 0x1.5557c8p-3f
#define VACT_EXP3_Q2 0x1.573322p-5f
#define VACT_EXP3_Q3 0x1.105e86p-7f
static inline V vexp2h_5(V xh) {
    V t = vfma(xh, vset1(2.0f * VACT_LOG2E), vset1(VACT_MAGIC_B));
    V n = vsub(t, vset1(VACT_MAGIC_B));
    V r = vfma(n, vset1(-VACT_LN2_HI / 2.0f), xh);
    V q = vfma(vset1(32.0f * VACT_EXP3_Q3), r, vset1(16.0f * VACT_EXP3_Q2));
    q = vfma(q, r, vset1(8.0f * VACT_EXP3_Q1));
    q = vfma(q, r, vset1(4.0f * VACT_EXP3_Q0));
    V s = vfma(q, r, vset1(2.0f));
    V p = vfma(s, r, vset1(1.0f));
#ifdef VACT_SCALEF
    return vscale2n(p, n);
#else
    return vmul(p, vasf(vishl(vasi(t), 23)));
#endif
}
/* e^x = e1 * p2 for x in [-174, 175] (n in [-252, 254]) without rounding e^x
 * on its own: e1 = p 2^n1 (normal), *p2 = 2^n2, n = n1 + n2 (vpow2_halves);
 * callers form (dy * (a * e1)) * p2, where e^x alone may under- or overflow. */
static inline V vexp_split_c(V xc, V *p2) {
    V n, r = vexp_reduce(xc, &n);
    return vmul(vexp_poly(r), vpow2_halves(n, p2));
}
/* the same for x <= -80 (clamped to -174); NaN lanes of the result are
 * unspecified (mask them out) */
static inline V vexp_split(V x, V *p2) { return vexp_split_c(vmax(vset1(-174.0f), x), p2); }

#endif
