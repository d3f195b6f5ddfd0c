/* The fast tier's e^x (fast.h's bounds): x = (k + j/16) ln2 + r by one
 * magic-bias rounding to a multiple nq = k + j/16 of 1/16 (t = VACT_MAGIC16
 * + nq, vocab_pow2.h), |r| <= ln2/32 by one Cody-Waite step (error |nq|
 * 2^-28.9 in r: below 2^-25.3 for |x| <= 15, and the results of the
 * sigmoid family are under the 2^-20 floor beyond), e^r = 1 + r + c2 r^2 +
 * c3 r^3 (2^-29.1 relative), 2^(j/16) from a 16-entry table (vlut16, one
 * vpermps on AVX-512), 2^k applied by vexp2_t16 (scalef on AVX-512); the
 * table and the coefficients are math/exp.h's (vact_exp_t16, VACT_EXP16_C2/3).
 * Ops: fma, sub, fma, lut, 2 fma (q), mul, fma, scale.
 * Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_FAST_EXP_FAST_H
#define VACT_FAST_EXP_FAST_H
#include "../math/exp.h"

/* the magic-bias sum t of z (nq = t - VACT_MAGIC16) */
static inline V vfexp_t(V z) { return vfma(z, vset1(VACT_LOG2E), vset1(VACT_MAGIC16)); }
/* e^(z - zl) for z in [-110, 0] (or NaN), zl a small low part (|zl| <=
 * ulp(z)) when has_lo: exactly 0 below ~-103.3, subnormal results rounded
 * once */
static inline V vfexp_lo(V z, V zl, int has_lo) {
    V t = vfexp_t(z);
    V nq = vsub(t, vset1(VACT_MAGIC16));
    V r = vfma(nq, vset1(-VACT_LN2_HI), z);
    if (has_lo) r = vsub(r, zl);
    V T = vlut16(vact_exp_t16, t);
    V q = vfma(vset1(VACT_EXP16_C3), r, vset1(VACT_EXP16_C2));
    q = vfma(q, r, vset1(1.0f));
    return vexp2_t16(vfma(vmul(T, r), q, T), t);
}
static inline V vfexp(V z) { return vfexp_lo(z, z, 0); }

#endif
