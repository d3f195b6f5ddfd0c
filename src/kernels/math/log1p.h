/* log1p(u) for u > -1 (NaN kept, +inf -> +inf): 1 + u = m + c exactly (2Sum),
 * m = 2^k f with f in [sqrt2/2, sqrt2) read off the exponent bits, s = f - 1
 * (exact), log(1+s) = s + s^2 q(s) with a degree-8 near-minimax q
 * (scripts/fitpoly.py log1p: 2^-27.5 relative), plus k ln2 (hi + lo) and the
 * 2Sum tail c/m ~ c 2^-k (1 - s + s^2). Integer ops only on the exponent
 * field, so every ISA gives the same bits.
 * Precondition of every header under src/kernels/: the ISA's vocab.h is
 * included first (src/<isa>/kernels.c). */
#ifndef VACT_MATH_LOG1P_H
#define VACT_MATH_LOG1P_H
#include "exp.h" /* VACT_LN2_HI, VACT_LN2_LO */
#include "log.h" /* VACT_LOG_SQRT1_2 */

/* log(1+s) - s = s^2 q(s) for s in [sqrt2/2 - 1, sqrt2 - 1], q of degree 8
 * (scripts/fitpoly.py log1p) */
static inline V vlog1p_poly(V s) {
    V q = vfma(vset1(-0x1.383054p-4f), s, vset1(0x1.08487cp-3f));
    q = vfma(q, s, vset1(-0x1.0f3766p-3f));
    q = vfma(q, s, vset1(0x1.227198p-3f));
    q = vfma(q, s, vset1(-0x1.54276cp-3f));
    q = vfma(q, s, vset1(0x1.99a3f4p-3f));
    q = vfma(q, s, vset1(-0x1.000426p-2f));
    q = vfma(q, s, vset1(0x1.55555p-2f));
    q = vfma(q, s, vset1(-0x1.fffff8p-2f));
    return vmul(vmul(s, s), q);
}

/* log1p(m + c) - kadd ln2, where m = 1 + u rounded, c the exact rounding tail
 * (|c| <= ulp(m)/2), m in [2^-24, 2^126] or NaN (NaN out). */
static inline V vlog1p_mc(V m, V c, V kadd) {
    VI mb = vasi(m);
    VI k = visra(visub(mb, viset1(VACT_LOG_SQRT1_2)), 23);     /* m >= sqrt2/2 * 2^k */
    V f = vasf(visub(mb, vishl(k, 23)));                  /* [sqrt2/2, sqrt2) */
    V s = vsub(f, vset1(1.0f));                           /* exact (Sterbenz) */
    V kf = vadd(vcvt_i2f(k), kadd);
    V sc = vasf(vishl(visub(viset1(127), k), 23));        /* 2^-k, k in [-1, 128] */
    V cf = vmul(c, sc);
    V cm = vfma(cf, vfma(s, s, vneg(s)), cf);             /* c/m */
    V lo = vfma(kf, vset1(VACT_LN2_LO), cm);
    V t = vadd(vlog1p_poly(s), lo);
    t = vfma(m, vzero(), t);                              /* NaN m -> NaN */
    V hi = vfma(kf, vset1(VACT_LN2_HI), s);
    return vadd(hi, t);
}

/* log1p(u) for u in [0, 1] (or NaN), no range reduction: u + u^2 q(u - 1/2)
 * with a degree-10 near-minimax q (scripts/fitpoly.py log1p01: 2^-27.0
 * relative); the shifted variable keeps the Horner rounding small near u = 1. */
static inline V vlog1p01(V u) {
    V w = vsub(u, vset1(0.5f));                            /* exact */
    V q = vfma(vset1(-0x1.22573ap-11f), w, vset1(-0x1.688d72p-11f));
    q = vfma(q, w, vset1(-0x1.4d36f2p-9f));
    q = vfma(q, w, vset1(0x1.d4cf8ep-8f));
    q = vfma(q, w, vset1(-0x1.554b34p-7f));
    q = vfma(q, w, vset1(0x1.10a31ep-6f));
    q = vfma(q, w, vset1(-0x1.d92bcap-6f));
    q = vfma(q, w, vset1(0x1.a28512p-5f));
    q = vfma(q, w, vset1(-0x1.7de18cp-4f));
    q = vfma(q, w, vset1(0x1.6f0d78p-3f));
    q = vfma(q, w, vset1(-0x1.833704p-2f));
    return vfma(vmul(u, u), q, u);
}

/* log1p(u) for every float u: -inf at -1, NaN below -1 or for NaN, +inf at +inf. */
static inline V vlog1p(V u) {
    V m = vadd(vset1(1.0f), u);
    V b = vsub(m, u);
    V c = vadd(vsub(vset1(1.0f), b), vsub(u, vsub(m, b)));   /* 2Sum */
    M big = vge(m, vset1(0x1p64f));                            /* c irrelevant */
    V y = vlog1p_mc(vsel(big, vmul(m, vset1(0x1p-64f)), vmax(vset1(0x1p-24f), m)),
                    vsel(big, vzero(), c), vsel(big, vset1(64.0f), vzero()));
    y = vsel(veq(m, vzero()), vset1(-__builtin_inff()), y);
    y = vsel(vlt(m, vzero()), vset1(__builtin_nanf("")), y);
    return vsel(veq(m, vset1(__builtin_inff())), m, y);
}

#endif
