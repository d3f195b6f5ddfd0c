/* log(x) for every float x: x = 2^k * m with m in [sqrt2/2, sqrt2) read off
 * the exponent bits (subnormals pre-scaled by 2^23), f = m - 1 (exact),
 * s = f/(2+f) (IEEE division), log(1+f) = 2 atanh(s) written as
 * f - (hfsq - s*(hfsq + R(s^2))), hfsq = f^2/2, R the Taylor series of
 * 2 atanh(s)/s - 2 to z^6 (|s| <= 0.1716: truncation 2^-40 relative),
 * plus k*ln2 as hi (exact product) + lo.
 * Specials: +inf -> +inf, +-0 -> -inf, x < 0 or NaN -> NaN.
 * Used once per row (log_softmax), so the division costs nothing.
 * Precondition of every header under src/kernels/: the ISA's vocab.h is
 * included first (src/<isa>/kernels.c). */
#ifndef VACT_MATH_LOG_H
#define VACT_MATH_LOG_H

#define VACT_LOG_SQRT1_2 0x3f3504f3      /* the bits of float(sqrt(1/2)): for m >= sqrt(1/2) 2^k,
                                          * (bits(m) - these) >> 23 = k (arithmetic shift) */
#define VACT_VLOG_LN2_HI 0x1.62e4p-1f    /* 15 significant bits: k*hi exact */
#define VACT_VLOG_LN2_LO 0x1.7f7d1cp-20f /* ln 2 - VACT_VLOG_LN2_HI */

static inline V vlog(V x) {
    M sub = vlt(x, vset1(0x1p-126f));                   /* subnormal, 0, negative */
    V xs = vsel(sub, vmul(x, vset1(0x1p23f)), x);
    V kadj = vsel(sub, vset1(-23.0f), vzero());
    VI b = vasi(xs);
    VI k = visra(visub(b, viset1(VACT_LOG_SQRT1_2)), 23);     /* xs >= sqrt2/2 * 2^k */
    V m = vasf(visub(b, vishl(k, 23)));                 /* [sqrt2/2, sqrt2) */
    V f = vsub(m, vset1(1.0f));                         /* exact (Sterbenz) */
    V s = vdiv(f, vadd(vset1(2.0f), f));
    V z = vmul(s, s);
    V R = vfma(z, vset1(2.0f / 13.0f), vset1(2.0f / 11.0f)); /* 2/(2j+1), j = 6..1 */
    R = vfma(R, z, vset1(2.0f / 9.0f));
    R = vfma(R, z, vset1(2.0f / 7.0f));
    R = vfma(R, z, vset1(2.0f / 5.0f));
    R = vfma(R, z, vset1(2.0f / 3.0f));
    R = vmul(R, z);
    V hfsq = vmul(vmul(vset1(0.5f), f), f);
    V kf = vadd(vcvt_i2f(k), kadj);
    V lo = vfma(kf, vset1(VACT_VLOG_LN2_LO), vmul(s, vadd(hfsq, R)));
    V r = vsub(vmul(kf, vset1(VACT_VLOG_LN2_HI)), vsub(vsub(hfsq, lo), f));
    r = vsel(veq(x, vset1(__builtin_inff())), x, r);
    r = vsel(veq(x, vzero()), vset1(-__builtin_inff()), r);
    return vsel(mor(vlt(x, vzero()), visnan(x)), vset1(__builtin_nanf("")), r);
}

#endif
