/* e^x - 1 without the cancellation near 0, as an unevaluated sum hi + lo.
 * x = n ln2 + r (Cody-Waite, as in vexp.h), e^r - 1 = r + t, t = r^2 q(r)
 * with a degree-5 near-minimax q fitted for the RELATIVE error of e^r - 1
 * (scripts/fit_expm1.py expm1 5: 2^-28.7), and
 *   e^x - 1 = (2^n - 1) + 2^n r + 2^n t,
 * where 2^n r is exact, hi = (2^n - 1) + 2^n r with its rounding error
 * recovered exactly (Fast2Sum: |2^n - 1| >= |2^n r| whenever n != 0), and the
 * rounding error of 2^n - 1 itself (nonzero only for n <= -25) added to lo.
 * Callers scale hi + lo in one rounding, e.g. fma(a, hi, a*lo) for a*expm1:
 * max error ~0.55 ULP. 2^n is built from the bits of the magic-bias sum
 * (integer ops only), so every ISA gives the same bits.
 * Range: x <= 88 (or NaN); x < -18.5 is taken as -18.5 (exactly -1).
 * Needs vexp.h (the reduction constants) included before. */
#ifndef VACT_VEXPM1_H
#define VACT_VEXPM1_H

/* magic bias with the exponent bias folded in: the bits of
 * fma(x, log2e, VACT_MAGIC_B) are 0x4b400000 + 127 + n, so shifting them
 * left by 23 gives the float 2^n (for n + 127 in [1, 254]) in one op */
#define VACT_MAGIC_B (0x1.8p23f + 127.0f)

/* q(r) = (e^r - 1 - r) / r^2 for |r| <= ~0.35 (Horner: fewest ops), degree
 * 4 (scripts/fit_expm1.py expm1 4: 2^-25.7 relative on e^r - 1) */
static inline V vexpm1_q(V r) {
    V q = vfma(vset1(0x1.6beb2ep-10f), r, vset1(0x1.122dp-7f));
    q = vfma(q, r, vset1(0x1.55568p-5f));
    q = vfma(q, r, vset1(0x1.5554aap-3f));
    return vfma(q, r, vset1(0x1.fffffep-2f));
}
/* q of degree 5 (expm1 5: 2^-28.7) by Estrin's scheme, r2 = r*r: three
 * dependent FMA levels, for latency-bound callers */
static inline V vexpm1_q_estrin(V r, V r2) {
    V a = vfma(vset1(0x1.555554p-3f), r, vset1(0.5f));
    V b = vfma(vset1(0x1.11118ep-7f), r, vset1(0x1.5554aap-5f));
    V c = vfma(vset1(0x1.a0332ep-13f), r, vset1(0x1.6d78d8p-10f));
    return vfma(vfma(c, r2, b), r2, a);
}
/* cerr = 0 drops the rounding error of 2^n - 1 (n <= -25, x < -17.3, where
 * it is < 2^-25 and hi + lo is within 2^-25 of -1): 2 ops fewer, for callers
 * that round a (hi + lo) to float once (|error| stays below 1/2 ulp of a
 * there); elu forward. */
static inline V vexpm1_hl_(V xh, V xl, int has_lo, int cerr_on, V *lo) {
    V xc = vmax(vset1(-18.5f), xh); /* NaN stays NaN */
    V tm = vfma(xc, vset1(VACT_LOG2E), vset1(VACT_MAGIC_B));
    V n = vsub(tm, vset1(VACT_MAGIC_B));
    V s = vasf(vishl(vasi(tm), 23)); /* 2^n */
    V r = vfma(n, vset1(-VACT_LN2_HI), xc);
    if (has_lo) r = vadd(r, xl);
    r = vfma(n, vset1(-VACT_LN2_LO), r);
    V t = vmul(vexpm1_q(r), vmul(r, r));
    V c = vsub(s, vset1(1.0f));                       /* exact for n >= -24 */
    V h = vfma(s, r, c);
    V hl = vfms(s, r, vsub(h, c));                    /* c + s r - h, exact */
    if (cerr_on) hl = vadd(hl, vsub(s, vadd(c, vset1(1.0f)))); /* + (s - 1) - c */
    *lo = vfma(s, t, hl);
    return h;
}
/* e^x - 1 = hi + *lo */
static inline V vexpm1_hl(V x, V *lo) { return vexpm1_hl_(x, x, 0, 1, lo); }
/* the same without the rounding error of 2^n - 1 for x < -17.3 (see above) */
static inline V vexpm1_hl_nc(V x, V *lo) { return vexpm1_hl_(x, x, 0, 0, lo); }
/* e^(xh + xl) - 1 = hi + *lo, |xl| <= ulp(xh) a low part of the argument */
static inline V vexpm1_hilo_hl(V xh, V xl, V *lo) { return vexpm1_hl_(xh, xl, 1, 1, lo); }
/* e^x - 1 rounded */
static inline V vexpm1(V x) {
    V lo, hi = vexpm1_hl(x, &lo);
    return vadd(hi, lo);
}

/* e^x = e1 * p2 for x <= -80 (e^x subnormal or close) without rounding e^x
 * on its own: e1 = p 2^n1 (normal), p2 = 2^n2, n = n1 + n2; callers form
 * (dy * (a * e1)) * p2. x is clamped to -174 (n >= -252); NaN lanes of the
 * result are unspecified (mask them out). */
static inline V vexp_split(V x, V *p2) {
    V n, r = vexp_reduce(vmax(vset1(-174.0f), x), &n);
    VI ni = vcvtt_f2i(n);
    VI n1 = visra(ni, 1), n2 = visub(ni, n1);
    *p2 = vasf(vishl(viadd(n2, viset1(127)), 23));
    return vmul(vexp_poly(r), vasf(vishl(viadd(n1, viset1(127)), 23)));
}
#endif
