/* Fast sigmoid.
 * Forward: y = 1/(1 + E), E = e^-xc, xc = x clamped to [-89, 20] (NaN kept):
 *   no |x|, no select. At xc = -89 E overflows to +inf (y = +0, the
 *   accurate tier's limit at -inf; below -88.7 the exact y is under 2^-128,
 *   far below the fast tier's 2^-20 floor); beyond 20, y rounds to 1.
 *   With a one-rounding unlimited scale (VACT_SCALEF: AVX-512's scalef), E
 *   is exp_fast.h's table form on -xc (vfsig_E_t16: one vpermps, degree-3
 *   polynomial, the negation folded into the reduction), else E/2 by an
 *   8-entry table (vfsig_Eh_t8: one vlut8, 2^(k-1) folded into the table
 *   entry by an integer add, degree 3) and y = 1/fma(2, E/2, 1). Ops
 *   (AVX2): min, max, fma, sub, fma, lut, shift, int add, 2 fma (q), mul,
 *   fnma, fma, div: 14, 7 of them FMAs and multiplies (the table-free
 *   degree-5 form vfsig_E_p5, shipped before: 14, 8 FMAs and multiplies and
 *   an add; the table form 1.14-1.19x -> 1.33-1.38x XNNPACK's speed at 4096
 *   on the Zen 5, vact_bench A/B in one session, 2026-12-05; exhaustive max
 *   forward 3.32 -> 2.55 ULP on AVX2).
 * Backward: sigmoid'(x) = e/(1+e)^2 with e = e^-|x|: dx = (dy e)/(d d),
 *   d = 1 + e, e by vfexp (VACT_SCALEF: -|x| clamped to -110) or by the
 *   degree-5 form (-|x| clamped to -88: 2^n built from the bits of the
 *   magic-bias sum is exactly 0 at n = -127, so e = 0 below -87.7).
 * Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_FAST_F_SIGMOID_H
#define VACT_FAST_F_SIGMOID_H
#include "../../common/vact_internal.h" /* vact_params */
#include "exp_fast.h"

#define VACT_FAST_sigmoid ~, 1
#define VACT_UNROLL_FAST_sigmoid ~, 4

/* e^r = 1 + c1 r + ... + c5 r^5 on |r| <= 1.01 ln2/2, near-minimax for the
 * relative error (Lawson, 2^-23.2), evaluated at r = -rn (odd coefficients
 * negated) */
static inline V vfsig_p5n(V rn) {
    V q = vfma(vset1(-0x1.0fa106p-7f), rn, vset1(0x1.574408p-5f));
    q = vfma(q, rn, vset1(-0x1.555aa0p-3f));
    q = vfma(q, rn, vset1(0x1.fffdaep-2f));
    q = vfma(q, rn, vset1(-0x1.fffff6p-1f));
    return vfma(q, rn, vset1(1.0f));
}
/* e^-xc for xc in [-89, 88] (or NaN), table-free: n = round(-xc log2 e),
 * rn = xc + n ln2 (exact: one Cody-Waite step, |n| <= 128), 2^n from the
 * bits of the magic-bias sum (scalef with VACT_SCALEF): n = 128 gives the
 * bits of +inf, n = -127 gives +0 */
static inline V vfsig_E_p5(V xc) {
    V t = vfma(xc, vset1(-VACT_LOG2E), vset1(VACT_MAGIC_B));
    V n = vsub(t, vset1(VACT_MAGIC_B));
    V rn = vfma(n, vset1(VACT_LN2_HI), xc);
    return vscale2n_t_(vfsig_p5n(rn), n, t);
}
#ifndef VACT_SCALEF
/* E/2 = e^-xc / 2 for xc in [-89, 20] (or NaN) by the 8-entry table of
 * 2^(j/8) (vact_exp_t8, one vlut8): t = fma(xc, -log2 e, 1.5 2^20) rounds
 * -xc log2 e to a multiple nq = k + j/8 of 1/8, rn = xc + nq LN2_HI = -r
 * (one rounding), 2^(k-1) T_j by the integer sum of the bits of
 * vact_fsig_t8h[j] = T_j/2 less j 2^20 and t's bits shifted left by 20
 * (exact for k - 1 in [-30, 127]: at xc = -89, k = 128, E/2 < 2^128 stays
 * finite and 1 + 2 (E/2) overflows to +inf, y = +0), e^r = 1 + r (1 + r
 * (C2 + C3 r)) (math/exp.h's VACT_EXP8_C2/C3: 2^-25.15 relative on |r| <=
 * 1.01 ln2/16); T_j's rounding (2^-24.1) uncorrected. */
#define VACT_FSIG8_MAGIC 0x1.8p20f
static const float vact_fsig_t8h[8] = {0x1p-1f,        0x1.f72b84p-2f, 0x1.f06fe0p-2f, 0x1.ebfdaep-2f,
                                       0x1.ea09e6p-2f, 0x1.eace54p-2f, 0x1.ee89fap-2f, 0x1.f5818ep-2f};
static inline V vfsig_Eh_t8(V xc) {
    V t = vfma(xc, vset1(-VACT_LOG2E), vset1(VACT_FSIG8_MAGIC));
    V nq = vsub(t, vset1(VACT_FSIG8_MAGIC));
    V rn = vfma(nq, vset1(VACT_LN2_HI), xc);
    V Th = vasf(viadd(vasi(vlut8(vact_fsig_t8h, t)), vishl(vasi(t), 20))); /* 2^(k-1) T_j */
    V q = vfma(vset1(-VACT_EXP8_C3), rn, vset1(VACT_EXP8_C2));
    q = vfnma(q, rn, vset1(1.0f));
    return vfnma(vmul(Th, rn), q, Th);
}
#else
/* e^-xc for xc in [-89, 110] (or NaN), exp_fast.h's vfexp on -xc with the
 * negation folded in: rn = xc + nq ln2 = -r, e^r = T (1 + r (1 + r (C2 + C3 r))) */
static inline V vfsig_E_t16(V xc) {
    V t = vfma(xc, vset1(-VACT_LOG2E), vset1(VACT_MAGIC16));
    V nq = vsub(t, vset1(VACT_MAGIC16));
    V rn = vfma(nq, vset1(VACT_LN2_HI), xc);
    V T = vlut16(vact_exp_t16, t);
    V q = vfma(vset1(-VACT_EXP16_C3), rn, vset1(VACT_EXP16_C2));
    q = vfnma(q, rn, vset1(1.0f));
    return vexp2_t16(vfnma(vmul(T, rn), q, T), t);
}
#endif
static inline V kf_sigmoid(V x, const vact_params *p) {
    (void)p;
    V xc = vmax(vset1(-89.0f), vmin(vset1(20.0f), x)); /* NaN kept */
#ifdef VACT_SCALEF
    V E = vfsig_E_t16(xc);
    return vdiv(vset1(1.0f), vadd(vset1(1.0f), E));
#else
    return vdiv(vset1(1.0f), vfma(vset1(2.0f), vfsig_Eh_t8(xc), vset1(1.0f)));
#endif
}
static inline V kfb_sigmoid(V x, V dy, const vact_params *p) {
    (void)p;
#ifdef VACT_SCALEF
    V e = vfexp(vmax(vset1(-110.0f), vor(x, vset1(-0.0f))));
#else
    V e = vfsig_E_p5(vmin(vset1(88.0f), vandnot(vset1(-0.0f), x))); /* e^-|x|, |x| <= 88 */
#endif
    V d = vadd(vset1(1.0f), e);
    return vdiv(vmul(dy, e), vmul(d, d));
}

#endif
