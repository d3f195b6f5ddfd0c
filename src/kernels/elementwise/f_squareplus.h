/* squareplus(x; b) = (x + s)/2, s = sqrt(x^2 + b), b >= 0 (the first
 * parameter, p->a).
 *  x >= 0: (x + s)/2 = fma(0.5, x, 0.5 s): one rounding, no overflow, s's
 *          error is halved relative to the result.
 *  x <  0: b/(2(s - x)) = (b/D2)/4, D2 = (s + |x|)/2 (no cancellation, no
 *          overflow). Here s's error counts fully (and the result may sit
 *          just below a binade while D2 sits just above), so D2 is carried as
 *          D2h + D2l: s + s_l with s_l = (q - s^2)/(2s) (the residual is exact),
 *          Fast2Sum for s + |x|, then one residual correction of the quotient.
 * s: q = x^2 + b by one FMA. Lanes where that could overflow or lose x^2 to
 * underflow are scaled, s = sqrt((kx)^2 + k^2 b)/k with k a power of two
 * (exact, so scaled lanes agree with the plain formula wherever it is valid;
 * the scaled branch is taken only when some lane needs it):
 *  |x| > 2^63, or every lane when b >= 2^100:  k = 2^-80;
 *  |x| < 2^-60 when b < 2^-96:                 k = 2^90.
 * b == 0 is relu (forward) and relu' (backward, 0 at x = 0).
 * Backward: x >= 0: (1 + x/s)/2 = fma(0.5, x/s, 0.5); x < 0: b/(2 s (s - x))
 * = y/s. s comes from x clamped to +-FLT_MAX (finite residuals; x/s -> 1,
 * y/s -> 0 at infinite x); the forward x >= 0 branch uses x itself (+inf). */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_F_SQUAREPLUS_H
#define VACT_F_SQUAREPLUS_H
#include "../../common/vact_internal.h" /* vact_params */

typedef struct { V s, sl, a; } vact_sqp;

/* s = sqrt(x^2 + b) and (if want_sl) its correction sl, |sl| <= ulp(s)/2 */
static inline vact_sqp vsquareplus_s(V x, float b, int want_sl) {
    vact_sqp r;
    V a = vabs(x);
    float thi = b >= 0x1p100f ? -1.0f : 0x1p63f;
    float tlo = b < 0x1p-96f ? 0x1p-60f : 0.0f;
    M big = vgt(a, vset1(thi)), tiny = vlt(a, vset1(tlo));
    V bv = vset1(b), xs = x, ki = vset1(1.0f);
    if (many(mor(big, tiny))) {
        V one = vset1(1.0f);
        V k = vsel(big, vset1(0x1p-80f), vsel(tiny, vset1(0x1p90f), one));
        ki = vsel(big, vset1(0x1p80f), vsel(tiny, vset1(0x1p-90f), one));
        bv = vsel(big, vset1((b * 0x1p-80f) * 0x1p-80f), vsel(tiny, vset1((b * 0x1p90f) * 0x1p90f), bv));
        xs = vmul(x, k);
    }
    V q = vfma(xs, xs, bv);
    V ss = vsqrt(q);
    r.s = vmul(ss, ki);
    r.sl = vzero();
    if (want_sl) r.sl = vmul(vdiv(vfnma(ss, ss, q), vadd(ss, ss)), ki);
    r.a = a;
    return r;
}
/* x < 0 lanes: returns m * b/(2(s + a)) * 4 = m * b/D2 to ~1 ULP, where m
 * (*scale = 1/(4m)) is 2^64 when b < 2^-100 (so that b*m, the quotient and
 * the correction stay normal) and 1 otherwise; 0 at x = -inf (the limit).
 * corr = 0 (a constant; the 16-bit kernels, src/kernels/t16/k16.h): the
 * quotient alone, m b / fl(D2), within 2^-22.9, for q without sl. */
static inline V vsquareplus_neg(V x, vact_sqp q, float b, float *scale, int corr) {
    float m = b < 0x1p-100f ? 0x1p64f : 1.0f;
    float nb = b * m;                                           /* exact */
    *scale = 0.25f / m;
    V h = vset1(0.5f);
    V sh = vmul(h, q.s), ah = vmul(h, q.a);
    V d2 = vadd(sh, ah);                                        /* s >= a: Fast2Sum */
    V bv = vset1(nb);
    V y1 = vdiv(bv, d2);
    if (corr) {
        V d2l = vfma(h, q.sl, vsub(ah, vsub(d2, sh)));
        V z = vfnma(y1, d2l, vfnma(y1, d2, bv));                /* nb - y1 (d2 + d2l) */
        y1 = vfma(z, vmul(y1, vset1(1.0f / nb)), y1);           /* y1/nb ~ 1/d2 */
    }
    return vsel(vlt(x, vset1(-0x1.fffffep127f)), vzero(), y1);
}
/* squareplus and its derivative for b != 0, with the corrections (corr = 1,
 * the f32 kernels) or without them (corr = 0, a constant: the 16-bit
 * kernels, src/kernels/t16/k16.h) */
static inline V vsquareplus_f(V x, float b, int corr) {
    V xc = vmin(vset1(0x1.fffffep127f), vmax(vset1(-0x1.fffffep127f), x));
    vact_sqp q = vsquareplus_s(xc, b, corr);
    V h = vset1(0.5f);
    V ypos = vfma(h, x, vmul(h, q.s));
    float sc;
    V yneg = vsquareplus_neg(x, q, b, &sc, corr);
    yneg = vmul(yneg, vset1(sc));
    return vsel(vlt(x, vzero()), yneg, ypos);
}
static inline V vsquareplus_df(V x, float b, int corr) {
    V xc = vmin(vset1(0x1.fffffep127f), vmax(vset1(-0x1.fffffep127f), x));
    vact_sqp q = vsquareplus_s(xc, b, corr);
    V h = vset1(0.5f);
    M neg = vlt(x, vzero());
    float sc;
    V yneg = vsquareplus_neg(x, q, b, &sc, corr);
    V r = vdiv(vsel(neg, yneg, xc), q.s);
    return vsel(neg, vmul(r, vset1(sc)), vfma(h, r, h));
}
static inline V k_squareplus(V x, const vact_params *p) {
    float b = p->a;
    if (b == 0.0f) return vmax(vzero(), x);
    return vsquareplus_f(x, b, 1);
}
static inline V kb_squareplus(V x, V dy, const vact_params *p) {
    float b = p->a;
    if (b == 0.0f) return vsel(vgt(x, vzero()), dy, vmul(dy, vmax(vzero(), x)));
    return vmul(dy, vsquareplus_df(x, b, 1));
}

#endif
