/* e^x - 1 without the cancellation near 0, as an unevaluated sum hi + lo.
 * x = n ln2 + r (the reduction of exp.h, with VACT_MAGIC_B so 2^n comes from
 * the bits of the magic-bias sum by one shift), e^r - 1 = r + t, t = r^2 q(r):
 *   e^x - 1 = (2^n - 1) + 2^n r + 2^n t,
 * where 2^n r is exact, hi = (2^n - 1) + 2^n r with its rounding error
 * recovered exactly (Fast2Sum: |2^n - 1| >= |2^n r| whenever n != 0), and the
 * rounding error of 2^n - 1 itself (nonzero only for n <= -25) added to lo.
 * Callers scale hi + lo in one rounding, e.g. fma(a, hi, a*lo) for a*expm1.
 * Range: x <= 88 (or NaN); x < -18.5 is taken as -18.5 (exactly -1).
 * Precondition of every header under src/kernels/: the ISA's vocab.h is
 * included first (src/<isa>/kernels.c). */
#ifndef VACT_MATH_EXPM1_H
#define VACT_MATH_EXPM1_H
#include "exp.h"

/* q(r) = (e^r - 1 - r)/r^2 for |r| <= ~0.35, fitted for the relative error
 * of e^r - 1 (not of e^r as vexp_q): degree 4 by Horner (fewest ops)
 * (scripts/fitpoly.py expm1 4, |r| <= 1.01 ln2/2: 2^-25.7 relative) */
static inline V vexpm1_q(V r) {
    V q = vfma(vset1(0x1.6beb2ep-10f), r, vset1(0x1.122dp-7f));
    q = vfma(q, r, vset1(0x1.55568p-5f));
    q = vfma(q, r, vset1(0x1.5554aap-3f));
    return vfma(q, r, vset1(0x1.fffffep-2f));
}
/* the same of degree 5 by Estrin's scheme, r2 = r*r: three dependent FMA
 * levels, for latency-bound callers (scripts/fitpoly.py expm1 5: 2^-28.7) */
static inline V vexpm1_q_estrin(V r, V r2) {
    V a = vfma(vset1(0x1.555554p-3f), r, vset1(0.5f));
    V b = vfma(vset1(0x1.11118ep-7f), r, vset1(0x1.5554aap-5f));
    V c = vfma(vset1(0x1.a0332ep-13f), r, vset1(0x1.6d78d8p-10f));
    return vfma(vfma(c, r2, b), r2, a);
}
/* e^(xh + xl) - 1 = hi (returned) + *lo; xl used only with has_lo.
 * cerr_on = 0 drops the rounding error of 2^n - 1 (n <= -25, x < -17.3, where
 * it is < 2^-25 and hi + lo is within 2^-25 of -1): 2 ops fewer, for callers
 * that round a (hi + lo) to float once (the error stays below 1/2 ulp of a). */
/* In two stages for a software-pipelined loop (f_elu.h): the reduction
 * (returns r, *tm the magic-bias sum), then the rest from r and tm. */
static inline V vexpm1_hl_st1(V xh, V xl, int has_lo, V *tm) {
    V xc = vmax(vset1(-18.5f), xh); /* NaN stays NaN */
    V n;
    return vexp_reduce_(xc, xl, has_lo, 1.0f, VACT_MAGIC_B, &n, tm);
}
static inline V vexpm1_hl_st2(V r, V tm, int cerr_on, V *lo) {
    V s = vpow2_t(tm); /* 2^n */
    V t = vmul(vexpm1_q(r), vmul(r, r));
    V c = vsub(s, vset1(1.0f));                       /* exact for n >= -24 */
    V h = vfma(s, r, c);
    V hl = vfms(s, r, vsub(h, c));                    /* c + s r - h, exact */
    if (cerr_on) hl = vadd(hl, vsub(s, vadd(c, vset1(1.0f)))); /* + (s - 1) - c */
    *lo = vfma(s, t, hl);
    return h;
}
static inline V vexpm1_hl_(V xh, V xl, int has_lo, int cerr_on, V *lo) {
    V tm, r = vexpm1_hl_st1(xh, xl, has_lo, &tm);
    return vexpm1_hl_st2(r, tm, cerr_on, lo);
}
/* the state between the two stages for a kernel of x and e^x - 1 (elu,
 * selu: k1_NAME returns vexpm1_stage1(x)) */
typedef struct {
    V x, r, tm;
} vact_expm1_s;
static inline vact_expm1_s vexpm1_stage1(V x) {
    vact_expm1_s st;
    st.x = x;
    st.r = vexpm1_hl_st1(x, x, 0, &st.tm);
    return st;
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

#endif
