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
    V s2 = vpow2_t(t); /* 2^(n+1) */
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

#ifdef VACT_LUT32
/* a (e^z - 1) for z <= 0 or NaN (lanes z > 0 are garbage) with a 32-entry
 * table (vlut32: one vpermt2ps on AVX-512), 7 FMA-unit ops instead of
 * vfexpm1_a's 10: z = (k + j/32) ln2 + r by one magic-bias rounding to a
 * multiple nq of 1/32 (t = 0x1.8p18 + nq: the low 5 bits of t's bits are j,
 * and t's bits shifted left by 18 are k 2^23 + j 2^18), one Cody-Waite step
 * (error |nq| 2^-28.9 in r, |nq| <= 26), |r| <= ln2/64;
 *   2s = 2^(k+1) T_j, T_j = 2^(j/32) rounded: the integer sum of the bits of
 *     vact_fem1_t32[j] = 2 T_j less j 2^18 and the shifted t (exact, k >= -26),
 *   r' = r + vact_fem1_d32[j], d_j = ln(2^(j/32)/T_j) (|d_j| < 2^-24.1): the
 *     rounding of T_j moved into the argument, so that e^z = s e^r' (without
 *     it a(s - 1) would carry T_j's 2^-24 into results as small as 0.02 a),
 *   a (e^z - 1) = a (s - 1) + (2s r') (a/2) (1 + r' (C1 + C2 r')),
 * C1, C2 near-minimax for the relative error of (e^r - 1)/r on |r| <= 1.02
 * ln2/64 (Lawson, as scripts/fitpoly.py: 2^-26.1), the factor a/2 as in
 * vfexpm1_a (finite for |a| up to FLT_MAX); a (s - 1) is one rounding (fms:
 * 2s (a/2) exact), the sum another (fma). Near 0 (j = k = 0: s = 1, d_0 = 0)
 * the result is the polynomial alone. Where j != 0 (|z| > ln2/64) the two
 * terms may differ in sign: |a (s - 1)| < 2 |result| (j = 31, k = -1, z
 * near -ln2/64).
 * Ops: max, fma, sub, fma, 2 lut, add, shift, int add, 2 fma (q), mul, fms,
 * fma: 14, the select of the caller's lanes folded into the mul and the last
 * fma (merge masking, VACT_MASKED_OPS: AVX-512). */
#define VACT_FEM1_MAGIC 0x1.8p18f
#define VACT_FEM1_C1 0x1.00008p-1f
#define VACT_FEM1_C2 0x1.555598p-3f
/* the bits of 2 T_j less j << 18 (as floats, carried by the lookup) */
static const float vact_fem1_t32[32] = {
    0x1.000000p+1f, 0x1.fd9b0ep+0f, 0x1.fb5586p+0f, 0x1.f9301ep+0f, 0x1.f72b84p+0f, 0x1.f54874p+0f,
    0x1.f387a6p+0f, 0x1.f1e9e0p+0f, 0x1.f06fe0p+0f, 0x1.ef1a74p+0f, 0x1.edea64p+0f, 0x1.ece086p+0f,
    0x1.ebfdaep+0f, 0x1.eb42b6p+0f, 0x1.eab07ep+0f, 0x1.ea47ecp+0f, 0x1.ea09e6p+0f, 0x1.e9f75ep+0f,
    0x1.ea1148p+0f, 0x1.ea589ap+0f, 0x1.eace54p+0f, 0x1.eb737cp+0f, 0x1.ec4918p+0f, 0x1.ed503cp+0f,
    0x1.ee89fap+0f, 0x1.eff770p+0f, 0x1.f199bep+0f, 0x1.f3720ep+0f, 0x1.f5818ep+0f, 0x1.f7c974p+0f,
    0x1.fa4afap+0f, 0x1.fd0766p+0f};
/* d_j = ln(2^(j/32)/T_j) rounded */
static const float vact_fem1_d32[32] = {
    0.0f, -0x1.947416p-25f, 0x1.8d96d2p-25f, -0x1.dda2fep-25f, -0x1.9c0c22p-27f, -0x1.a2fbb4p-25f,
    0x1.964902p-25f, -0x1.2b0dbcp-25f, 0x1.125002p-25f, -0x1.cde8cep-26f, 0x1.370be4p-25f, 0x1.336de2p-30f,
    -0x1.0a3552p-25f, -0x1.c541b6p-26f, -0x1.00d8acp-27f, -0x1.6cb284p-25f, 0x1.26055cp-26f, 0x1.8b2bb8p-26f,
    -0x1.05cb44p-25f, -0x1.1c2142p-26f, 0x1.67a1cap-28f, -0x1.348e56p-25f, 0x1.a3b5e4p-28f, -0x1.0b7ec8p-25f,
    -0x1.f9c306p-27f, -0x1.e4c886p-26f, -0x1.6961b4p-28f, -0x1.b5151ep-28f, -0x1.a5217cp-28f, -0x1.ab7132p-26f,
    0x1.61428ep-28f, -0x1.2ad5f8p-27f};
/* m ? a (e^z - 1) : src, the select folded into the last two operations by
 * merge masking (vmul_mask, vfma_mask: free on AVX-512) */
static inline V vfexpm1_a_t32_or(V z, float a, M m, V src) {
    const float h = 0.5f * a;
    V zc = vmax(vset1(-17.5f), z); /* NaN stays NaN */
    V t = vfma(zc, vset1(VACT_LOG2E), vset1(VACT_FEM1_MAGIC));
    V nq = vsub(t, vset1(VACT_FEM1_MAGIC));
    V r = vadd(vfma(nq, vset1(-VACT_LN2_HI), zc), vlut32(vact_fem1_d32, t));
    V s2 = vasf(viadd(vasi(vlut32(vact_fem1_t32, t)), vishl(vasi(t), 18))); /* 2s */
    V q = vfma(vset1(h * VACT_FEM1_C2), r, vset1(h * VACT_FEM1_C1));
    q = vfma(q, r, vset1(h));
    V rs = vmul_mask(m, r, s2, src); /* m ? 2s r' : src */
    return vfma_mask(m, rs, q, vfms(s2, vset1(h), vset1(a)));
}

#endif

#endif
