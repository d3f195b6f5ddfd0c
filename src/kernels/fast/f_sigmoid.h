/* Fast sigmoid.
 * Forward: y = 1/(1 + E), E = e^-xc, xc = x clamped to [-89, 20] (NaN kept):
 *   no |x|, no select. At xc = -89 E overflows to +inf (y = +0, the
 *   accurate tier's limit at -inf; below -88.7 the exact y is under 2^-128,
 *   far below the fast tier's 2^-20 floor); beyond 20, y rounds to 1.
 *   With a one-rounding unlimited scale (VACT_SCALEF: AVX-512's scalef), E
 *   is exp_fast.h's table form on -xc (vfsig_E_t16: one vpermps, degree-3
 *   polynomial, the negation folded into the reduction), else the table-free
 *   degree-5 form (vfsig_E_p5): on AVX2 the table lookup and the 2^k scaling
 *   cost 8 ops where the polynomial and a shift + multiply cost 5.
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
#ifdef VACT_SCALEF
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
#else
    V E = vfsig_E_p5(xc);
#endif
    return vdiv(vset1(1.0f), vadd(vset1(1.0f), E));
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
