/* The fast tier's e^x (fast.h's bounds): x = (k + j/16) ln2 + r by one
 * magic-bias rounding to a multiple nq = k + j/16 of 1/16 (t = VACT_MAGIC16
 * + nq, vocab_pow2.h), |r| <= ln2/32 by one Cody-Waite step (error |nq|
 * 2^-28.9 in r: below 2^-25.3 for |x| <= 15, and the results of the
 * sigmoid family are under the 2^-20 floor beyond), e^r = 1 + r + c2 r^2 +
 * c3 r^3 (2^-29.1 relative), 2^(j/16) from a 16-entry table (vlut16, one
 * vpermps on AVX-512), 2^k applied by vexp2_t16 (scalef on AVX-512).
 * Ops: fma, sub, fma, lut, 2 fma (q), mul, fma, scale.
 * Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_FAST_EXP_FAST_H
#define VACT_FAST_EXP_FAST_H
#include "../math/exp.h"

/* 2^(j/16) rounded to float, j = 0..15 */
static const float vact_fexp_t16[16] = {
    0x1.p+0f, 0x1.0b5586p+0f, 0x1.172b84p+0f, 0x1.2387a6p+0f, 0x1.306fe0p+0f, 0x1.3dea64p+0f,
    0x1.4bfdaep+0f, 0x1.5ab07ep+0f, 0x1.6a09e6p+0f, 0x1.7a1148p+0f, 0x1.8ace54p+0f, 0x1.9c4918p+0f,
    0x1.ae89fap+0f, 0x1.c199bep+0f, 0x1.d5818ep+0f, 0x1.ea4afap+0f};
/* e^r ~ 1 + r + C2 r^2 + C3 r^3 on |r| <= 1.02 ln2/32, near-minimax for the
 * relative error (Lawson, as scripts/fitpoly.py: 2^-29.1) */
#define VACT_FEXP_C2 0x1.000234p-1f
#define VACT_FEXP_C3 0x1.55559ep-3f

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
    V T = vlut16(vact_fexp_t16, t);
    V q = vfma(vset1(VACT_FEXP_C3), r, vset1(VACT_FEXP_C2));
    q = vfma(q, r, vset1(1.0f));
    return vexp2_t16(vfma(vmul(T, r), q, T), t);
}
static inline V vfexp(V z) { return vfexp_lo(z, z, 0); }

#endif
