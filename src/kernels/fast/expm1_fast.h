/* The fast tier's a (e^z - 1) for z <= 0 (fast.h's bounds), the reduction of
 * the accurate vexpm1 without its error terms: z = n ln2 + r by one
 * magic-bias rounding (the magic VACT_MAGIC_B + 1 gives 2s = 2^(n+1) from
 * t's bits by one shift), one Cody-Waite step (error |n| 2^-29 in r, |n| <=
 * 26), and
 *   a (e^z - 1) = a (s - 1) + (2s r) (a/2) (1 + r q(r)),
 * q = vexpm1_q (2^-25.7 relative) with the factor a/2 folded into its
 * coefficients (a/2, not a: (a/2)(1 + r q) < 0.6 a stays finite for a up to
 * FLT_MAX), so a (s - 1) is one rounding (fms, exact s - 1) and the sum
 * another (fma). Near 0 (n = 0, s = 1) the result is the polynomial alone:
 * no cancellation.
 * Ops: (max,) fma, shift, sub, fma, 5 fma (h), mul, fms, fma.
 * Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_FAST_EXPM1_FAST_H
#define VACT_FAST_EXPM1_FAST_H
#include "../math/expm1.h"

/* a (e^(z + zl ia) - 1) for z in [-18, 0] (or NaN; lanes z > 0 are garbage),
 * zl ia a small low part of the argument (|zl ia| <= ~ulp(z)), used with
 * has_lo */
static inline V vfexpm1_a_lo(V z, V zl, V ia, int has_lo, float a) {
    const float h = 0.5f * a; /* a subnormal: |error| < a, far under the floor */
    V t = vfma(z, vset1(VACT_LOG2E), vset1(VACT_MAGIC_B + 1.0f));
    V s2 = vasf(vishl(vasi(t), 23)); /* 2^(n+1) */
    V n = vsub(t, vset1(VACT_MAGIC_B + 1.0f));
    V r = vfma(n, vset1(-VACT_LN2_HI), z);
    if (has_lo) r = vfma(zl, ia, r);
    /* (a/2)(1 + r q(r)), the coefficients of vexpm1_q times a/2 */
    V q = vfma(vset1(h * 0x1.6beb2ep-10f), r, vset1(h * 0x1.122dp-7f));
    q = vfma(q, r, vset1(h * 0x1.55568p-5f));
    q = vfma(q, r, vset1(h * 0x1.5554aap-3f));
    q = vfma(q, r, vset1(h * 0x1.fffffep-2f));
    q = vfma(q, r, vset1(h));
    return vfma(vmul(r, s2), q, vfms(s2, vset1(h), vset1(a)));
}
/* a (e^z - 1) for z <= 0 or NaN (below -17.5 it is -a: e^z < 2^-25.2) */
static inline V vfexpm1_a(V z, float a) {
    V zc = vmax(vset1(-17.5f), z); /* NaN stays NaN */
    return vfexpm1_a_lo(zc, zc, zc, 0, a);
}

#endif
