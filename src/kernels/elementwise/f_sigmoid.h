/* sigmoid(x) = 1/(1+e) for x >= 0, e/(1+e) for x < 0, e = e^-|x| in [0, 1].
 * Forward (vsigmoid_q): q = num/RN(1 + e) by IEEE division, num = x < 0 ?
 * e : 1, then one step of the fixed point sigmoid = num - e sigmoid (both
 * cases: 1 - e/(1+e) = 1/(1+e), e - e^2/(1+e) = e/(1+e)) in one fma,
 * y = num - e q: the error of q (the roundings of 1 + e and of the
 * quotient) enters multiplied by e <= 1, and num is exact.
 * e from vexp_t16_nc (math/exp.h: 16-entry table 2^(j/16) with its
 * rounding tau_j and ln2's low part folded into the constant of a
 * degree-3 e^r - 1, one Cody-Waite step, 2^m by scalef or from the bits;
 * under 0.57 ulp): a dependency chain of 8 ops from x to e against the
 * 11 of the table-free degree-6 Horner exp (vexp_neg_h_nc), and the loop
 * is latency-bound: +20% on AVX-512 (AVX2, where vlut16 costs 2 permutes
 * + blend: about even). 19 ops on AVX-512 with the tail test (18 before),
 * 27 on AVX2 (21); the exhaustive sweep's maximum is in functions.def
 * (1.51, was 1.65). An 8-entry table (vlut8, one permute on AVX2 too) with
 * degree 3 was +20% on both ISAs but 1.86 ULP (its polynomial: 2^-25.2). The tail lanes (|x| > 86, where e would be near or below
 * the subnormals, and +-inf) are redone with vexp_neg_h (clamped,
 * subnormal e rounded once) under a vector-wide branch.
 * A NaN x stays NaN: every NaN operand below is the one of -|x|.
 * Backward: sigmoid'(x) = e/(1+e)^2 (never s(1-s)) as e/D by one IEEE
 * division, D = (1 + e)^2 = fma(e, e + 2, 1): the rounding of e + 2 (at
 * most 2^-23) enters D times e/(1+e)^2 <= 1/4, so D is within 2^-24 +
 * 2^-25 relative; e from vexp_t16_nc as in the forward (vexp_neg, 3 ops
 * more, until 2026-12-07: 1.24x on AVX-512 at n = 4096, AVX2 even, the
 * maxima unchanged). |x| > 80 (under a vector-wide branch, which also
 * covers vexp_t16_nc's unspecified lanes): dx = dy e^-|x| by vexp_dy_tail
 * (math/exp.h), (1 + e)^-2 = 1 to 2^-114 there, so that a large |dy| does
 * not carry e's subnormal rounding into dx (docs/contract.md, "dy far from
 * 1": 2^24 ULP with dy = 2^99 before). softplus' and log_sigmoid' (sigmoid
 * of x and -x) take the same tail. */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_F_SIGMOID_H
#define VACT_F_SIGMOID_H
#include "../../common/vact_internal.h" /* vact_params */
#include "../math/exp.h"

#define VACT_SIGMOID_TAIL -86.0f /* -|x| below: e^-|x| < 2^-124, near subnormal: tail path */

/* sigmoid(x) from e = e^-|x|: q = num/RN(1 + e), y = num - e q */
static inline V vsigmoid_q(V x, V e) {
    V d = vadd(vset1(1.0f), e);
    V num = vsel_neg(x, e, vset1(1.0f)); /* e = 1 at +-0; NaN x: every NaN is the one of -|x| */
    V q = vdiv(num, d);
    return vfnma(q, e, num);
}
static inline V k_sigmoid(V x, const vact_params *p) {
    (void)p;
    V nx = vor(x, vset1(-0.0f));
    V y = vsigmoid_q(x, vexp_t16_nc(nx)); /* tail lanes unspecified, redone below */
    M tail = vlt(nx, vset1(VACT_SIGMOID_TAIL));
    if (many(tail)) y = vsel(tail, vsigmoid_q(x, vexp_neg_h(nx)), y);
    return y;
}
/* dy sigmoid(x) (softplus' at x, log_sigmoid' at -x) with one vector-wide
 * test: |x| <= 80 everywhere gives k_sigmoid's main path (its tail, |x| >
 * 86, not taken); else k_sigmoid whole, and dy e^x for x < -80
 * (vexp_dy_tail), where sigmoid(x) = e^x to 2^-114 */
static inline V vsigmoid_dy(V x, V dy, const vact_params *p) {
    V nx = vor(x, vset1(-0.0f));
    if (!many(vlt(nx, vset1(-80.0f)))) return vmul(dy, vsigmoid_q(x, vexp_t16_nc(nx)));
    return vexp_dy_tail(x, dy, vset1(1.0f), vmul(dy, k_sigmoid(x, p)));
}
static inline V kb_sigmoid(V x, V dy, const vact_params *p) {
    (void)p;
    V nx = vor(x, vset1(-0.0f));
    V e = vexp_t16_nc(nx); /* lanes |x| > 86 unspecified: replaced by the tail */
    V dd = vfma(e, vadd(e, vset1(2.0f)), vset1(1.0f)); /* (1 + e)^2 */
    return vexp_dy_tail(nx, dy, vset1(1.0f), vmul(dy, vdiv(e, dd)));
}

#endif
