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
/* e^x for every float x: 0 below -104, +inf above 88.73, NaN kept; in two
 * stages (the clamp and the reduction, then the polynomial and the scaling)
 * for a software-pipelined loop (f_exponential.h) */
static inline V vexp_st1(V x, V *n) {
    V xc = vmin(vset1(89.0f), vmax(vset1(-104.0f), x)); /* NaN stays NaN */
    return vexp_reduce(xc, n);
}
static inline V vexp_st2(V r, V n) { return vscale2n(vexp_poly(r), n); }
static inline V vexp(V x) {
    V n, r = vexp_st1(x, &n);
    return vexp_st2(r, n);
}
/* e^(xh + xl), |xl| <= ulp(xh) a low part of the argument (beta*x as
 * hi + lo, ...) */
static inline V vexp_hilo(V xh, V xl) {
    V xc = vmin(vset1(89.0f), vmax(vset1(-104.0f), xh));
    V n, r = vexp_reduce_lo(xc, xl, &n);
    return vscale2n(vexp_poly(r), n);
}
/* e^(xh + xl) 2^128 for xh in [-192, -80] (the backward tails of celu and
 * erf: normal down to xh = -176, so dy times it, scaled by 2^-128 last, does
 * not meet a subnormal e^x): xh + 128 LN2_HI is exact (both multiples of
 * 2^-17 there, the sum below 2^7 in magnitude), LN2_LO's part joins xl */
static inline V vexp_hilo_2p128(V xh, V xl) {
    return vexp_hilo(vadd(xh, vset1(128.0f * VACT_LN2_HI)), vadd(xl, vset1(128.0f * VACT_LN2_LO)));
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
/* 2^m from t, a magic-bias sum whose low 9 mantissa bits hold m + 127 mod
 * 2^9 (VACT_MAGIC_B: m = n; other magics: m = n + their offset): t's bits
 * shifted left by 23, exact for m in [-126, 127] (no rounding) */
static inline V vpow2_t(V t) { return vasf(vishl(vasi(t), 23)); }
/* p 2^n given B = 2^(n+k), a normal float built from the bits of a
 * magic-bias sum by the caller, and s = 2^-k (a constant): scalef on
 * AVX-512 (B unused), else (p B) s, the product by s left out for s = 1.
 * Where p 2^(n+k) is exact (normal) both round once, the same bits.
 * vscale2n_t_ (k = 0), t16's vscale2n_et (k = 63), mish's c-neg (k = 64);
 * vexp_t16_nc and vexp2h_t8 pass n = nq, a multiple of 1/16 or 1/8, with
 * B = 2^floor(nq): scalef floors its exponent. */
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
static inline V vscale2n_t_(V p, V n, V t) { return vscale2n_b_(p, n, vpow2_t(t), 1.0f); }
/* e^x for x in [-86, 0] (or NaN): the bits of vexp_neg_h there, without its
 * clamp; lanes below -86 (or -inf) are unspecified (NaN, inf or garbage):
 * for callers that redo them under a vector-wide tail branch */
static inline V vexp_neg_h_nc(V x) {
    V n, t, r = vexp_reduce_(x, x, 0, 1.0f, VACT_MAGIC_B, &n, &t);
    return vscale2n_t_(vexp_poly_h(r), n, t);
}
/* ---- e^x by a 16-entry table ---------------------------------------------
 * x = (m + j/16) ln2 + r: t = fma(x, log2 e, VACT_MAGIC16_B) rounds x log2 e
 * to a multiple nq = m + j/16 of 1/16 (ulp(t) = 1/16: the low 4 bits of t's
 * bits are j, vlut16's index; the bits shifted right by 4 then left by 23
 * are 2^m, the magic carrying the bias 127), r = x - nq LN2_HI exact (one
 * Cody-Waite step, |r| <= 1.0002 ln2/32), and
 *   e^x = 2^m T_j (1 + tau_j) e^(r - nq LN2_LO),
 * T_j = 2^(j/16) rounded (vact_exp_t16), tau_j = 2^(j/16)/T_j - 1 rounded
 * (vact_exp_u16, |tau_j| < 2^-24.1): both small terms join e^r - 1 =
 * r (1 + r (C2 + C3 r)) as a constant, s = fma(r, 1 + r (C2 + C3 r),
 * tau_j - nq LN2_LO), and e^x = 2^m fma(T_j, s, T_j), rounded once before
 * the exact scaling. Relative error before that rounding: polynomial
 * 2^-29.1 (scripts/fitpoly.py expt 16 3 1.02), the products left out
 * (nq LN2_LO + tau_j)(e^r - 1) < 2^-27.5 for |x| <= 87, the roundings of s
 * and of its inner FMA scaled by |s| < 2^-5.5: under 0.07 ulp in all. */
#define VACT_MAGIC16_B (0x1.8p19f + 127.0f)
/* 2^(j/16) rounded to float, j = 0..15 */
static const float vact_exp_t16[16] = {
    0x1.p+0f, 0x1.0b5586p+0f, 0x1.172b84p+0f, 0x1.2387a6p+0f, 0x1.306fe0p+0f, 0x1.3dea64p+0f,
    0x1.4bfdaep+0f, 0x1.5ab07ep+0f, 0x1.6a09e6p+0f, 0x1.7a1148p+0f, 0x1.8ace54p+0f, 0x1.9c4918p+0f,
    0x1.ae89fap+0f, 0x1.c199bep+0f, 0x1.d5818ep+0f, 0x1.ea4afap+0f};
/* tau_j = 2^(j/16)/vact_exp_t16[j] - 1, rounded to float */
static const float vact_exp_u16[16] = {
    0x0.0p+0f, 0x1.8d96d4p-25f, -0x1.9c0c22p-27f, 0x1.964904p-25f, 0x1.125002p-25f, 0x1.370be4p-25f,
    -0x1.0a3550p-25f, -0x1.00d8acp-27f, 0x1.26055cp-26f, -0x1.05cb44p-25f, 0x1.67a1cap-28f, 0x1.a3b5e4p-28f,
    -0x1.f9c304p-27f, -0x1.6961b4p-28f, -0x1.a5217cp-28f, 0x1.61428ep-28f};
/* e^r ~ 1 + r + C2 r^2 + C3 r^3 on |r| <= 1.02 ln2/32, near-minimax for the
 * relative error (scripts/fitpoly.py expt 16 3 1.02: 2^-29.1); also the fast
 * tier's (fast/exp_fast.h) */
#define VACT_EXP16_C2 0x1.000234p-1f
#define VACT_EXP16_C3 0x1.55559ep-3f
/* e^x for x in [-87, 0] (or NaN) by the table above: m >= -126, so 2^m is
 * normal, and p 2^m, p = fma(T_j, s, T_j), is rounded once by scalef on
 * AVX-512 (it floors its exponent nq to m) and by the product with 2^m from
 * the bits of t elsewhere: the same bits (exact, a normal result, for x >=
 * -86). Lanes below -87 (or -inf) are unspecified: for callers that redo
 * them under a vector-wide tail branch. Ops: fma, sub, fma (r), 2 lut,
 * fma (tau_j - nq LN2_LO), 3 fma (s), fma, scale (AVX2: 2 shifts + mul;
 * its vlut16 costs 2 permutes + blend, the blend mask shared).
 * (vexp_t16_nc is defined below, with vexp_t8_nc: one body, vexp_tab_nc_) */
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
 * accurate (~2^-23.4 relative): 2 h = (m + j/8) ln2 + 2 r by one magic-bias
 * rounding to a multiple nq of 1/8 (ulp(t) = 1/8: the low 3 bits of t's
 * bits are j, vlut8's index, one permute on every SIMD ISA; the bits
 * shifted right by 3 then left by 23 are 2^m, the magic carrying the bias
 * 127) and one Cody-Waite step in the halved argument, r = h - nq LN2_HI/2
 * exact (the error nq LN2_LO/2 <= 2^-29 nq of r is negligible for tanh,
 * whose weight on e falls like e), e^(2r) = 1 + 2r (1 + 2r (C2 + 2 C3 r))
 * (scripts/fitpoly.py expt 8 3 1.01: 2^-25.15 relative; the coefficients
 * scaled by powers of 2), 2^(j/8) rounded (vact_exp_t8, within 2^-24.1,
 * not corrected) in e = 2^m fma(T_j r, q, T_j), and 2^m normal (m >=
 * -125), applied by scalef (which floors its exponent nq to m) or,
 * elsewhere, by a product with 2^m from the bits of t: both round p 2^m
 * once, so every ISA gives the same bits. For tanh, where e's error enters
 * as 2e/(1+e)^2 (k_tanh). Ops: fma, sub, fma, lut, mul, 2 fma, fma, scale
 * (AVX2: 2 shifts + mul); 7 dependent ops from h to e. */
#define VACT_MAGIC8_B (0x1.8p20f + 127.0f)
/* 2^(j/8) rounded to float, j = 0..7 (vact_exp_t16's even entries) */
static const float vact_exp_t8[8] = {0x1.p+0f,       0x1.172b84p+0f, 0x1.306fe0p+0f, 0x1.4bfdaep+0f,
                                     0x1.6a09e6p+0f, 0x1.8ace54p+0f, 0x1.ae89fap+0f, 0x1.d5818ep+0f};
#define VACT_EXP8_C2 0x1.00089ep-1f
#define VACT_EXP8_C3 0x1.55565cp-3f
static inline V vexp2h_t8(V h) {
    V t = vfma(h, vset1(2.0f * VACT_LOG2E), vset1(VACT_MAGIC8_B));
    V nq = vsub(t, vset1(VACT_MAGIC8_B));
    V r = vfma(nq, vset1(-VACT_LN2_HI / 2.0f), h);
    V T = vlut8(vact_exp_t8, t);
    V q = vfma(vset1(8.0f * VACT_EXP8_C3), r, vset1(4.0f * VACT_EXP8_C2));
    q = vfma(q, r, vset1(2.0f));
    return vscale2n_b_(vfma(vmul(T, r), q, T), nq, vasf(vishl(visrl(vasi(t), 3), 23)), 1.0f);
}
/* e^x for x in [-87, 0] (or NaN) by an 8-entry table: vexp_t16_nc's method
 * with 2^(j/8) (vact_exp_t8, one vlut8 on every SIMD ISA, where AVX2's
 * vlut16 costs 2 permutes and a blend) and a degree-4 e^r - 1 on |r| <=
 * 1.02 ln2/16 (scripts/fitpoly.py expt 8 4 1.02: 2^-32.2 relative,
 * C2 = 1/2): t = fma(x, log2 e, VACT_MAGIC8_B) rounds x log2 e to a multiple
 * nq = m + j/8 of 1/8 (the low 3 bits of t's bits are j, the bits shifted
 * right by 3 then left by 23 are 2^m), r = x - nq LN2_HI exact, and
 *   e^x = 2^m T_j (1 + tau_j) e^(r - nq LN2_LO),
 * tau_j = 2^(j/8)/T_j - 1 rounded (vact_exp_u8), s = fma(r, 1 + r (1/2 +
 * r (C3 + C4 r)), tau_j - nq LN2_LO), e^x = 2^m fma(T_j, s, T_j), rounded
 * once before the exact scaling. Relative error before that rounding: the
 * products left out (nq LN2_LO + tau_j)(e^r - 1) < 2^-26.5 for |x| <= 87,
 * the roundings of s and of its inner FMAs scaled by |s| < 2^-4.4: under
 * 0.12 ulp in all. Lanes below -87 (or -inf) are unspecified: for callers
 * that redo them under a vector-wide tail branch. Ops: fma, sub, fma (r),
 * 2 vlut8, fma (tau_j - nq LN2_LO), 4 fma (s), fma, scale (AVX2: 2 shifts +
 * mul); one FMA more than vexp_t16_nc, 3 permutes fewer on AVX2. */
static const float vact_exp_u8[8] = {0x0.0p+0f,         -0x1.9c0c22p-27f, 0x1.125002p-25f,  -0x1.0a3550p-25f,
                                     0x1.26055cp-26f,   0x1.67a1cap-28f,  -0x1.f9c304p-27f, -0x1.a5217cp-28f};
#define VACT_EXP8T_C3 0x1.555ccp-3f
#define VACT_EXP8T_C4 0x1.5547bcp-5f
/* the body of vexp_t16_nc (k16 = 1) and vexp_t8_nc (k16 = 0), a constant
 * after inlining: the table, its index bits and the polynomial's degree */
static inline V vexp_tab_nc_(V x, int k16) {
    const float mb = k16 ? VACT_MAGIC16_B : VACT_MAGIC8_B;
    V t = vfma(x, vset1(VACT_LOG2E), vset1(mb));
    V nq = vsub(t, vset1(mb));
    V r = vfma(nq, vset1(-VACT_LN2_HI), x);
    V c = vfma(nq, vset1(-VACT_LN2_LO), k16 ? vlut16(vact_exp_u16, t) : vlut8(vact_exp_u8, t));
    V T = k16 ? vlut16(vact_exp_t16, t) : vlut8(vact_exp_t8, t);
    V q = k16 ? vfma(vset1(VACT_EXP16_C3), r, vset1(VACT_EXP16_C2))
              : vfma(vfma(vset1(VACT_EXP8T_C4), r, vset1(VACT_EXP8T_C3)), r, vset1(0.5f));
    q = vfma(q, r, vset1(1.0f));
    V s = vfma(r, q, c);
    VI b = k16 ? visrl(vasi(t), 4) : visrl(vasi(t), 3); /* 2^m's exponent bits */
    return vscale2n_b_(vfma(T, s, T), nq, vasf(vishl(b, 23)), 1.0f);
}
static inline V vexp_t16_nc(V x) { return vexp_tab_nc_(x, 1); }
static inline V vexp_t8_nc(V x) { return vexp_tab_nc_(x, 0); }
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
/* e^(x + c) for x < -c (1 above: x + c clamped to [-110, 0]; x + 174 is
 * exact for x >= -256, multiples of 2^-16 below 128 in magnitude): the
 * rest of e^x below a clamp at -c, a last factor of a product that is
 * already small; below -c - 110 it is e^-110 (dy e^x < 2^-281 there). */
static inline V vexp_rest(V x, float c) { return vexp(vmin(vmax(vadd(x, vset1(c)), vset1(-110.0f)), vzero())); }
/* dx for the lanes x < -80 (when there are any), where a e^x alone may
 * underflow while dy a e^x does not: (dy (a e1)) p2 e^(x + 174) by the split
 * exp, a = ah (al = 0: a e1 one product) or ah + al (a constant as two
 * floats: fma(ah, e1, al e1)); the other lanes keep dx. The rest
 * e^(x + 174) (vexp_rest) matters when |dy a| is large: dy up to 2^128
 * meets e^x down to 2^-278 (x = -193). (elu, selu, tanh' at 2|x|, the fast
 * tier's elu, and the tails of sigmoid', softplus' and log_sigmoid', where
 * f'(x) = e^x to 2^-114.) */
static inline V vexp_dy_tail_hl_(V x, V dy, V ah, V al, int hl, V dx) {
    M tail = vlt(x, vset1(-80.0f));
    if (many(tail)) {
        V p2, e1 = vexp_split(x, &p2);
        V ae = hl ? vfma(ah, e1, vmul(al, e1)) : vmul(ah, e1);
        dx = vsel(tail, vmul(vmul(vmul(dy, ae), p2), vexp_rest(x, 174.0f)), dx);
    }
    return dx;
}
static inline V vexp_dy_tail(V x, V dy, V a, V dx) { return vexp_dy_tail_hl_(x, dy, a, vzero(), 0, dx); }
static inline V vexp_dy_tail_hl(V x, V dy, V ah, V al, V dx) { return vexp_dy_tail_hl_(x, dy, ah, al, 1, dx); }

#endif
