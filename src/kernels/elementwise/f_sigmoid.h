/* sigmoid(x) = 1/(1+e) for x >= 0, e/(1+e) for x < 0, e = e^-|x| in [0, 1].
 * Forward: q = num/RN(1 + e) by IEEE division, then one residual correction
 * r = num - q(1 + e) = fnma(q, e, num - q) (one rounding; num - q exact),
 * q += 0.9 r (1/(1+e) is in [1/2, 1]; 0.9 minimised the measured max error
 * among constants, a linear fit in e would cost one op), accurate enough
 * for a correction that small. e from vexp_neg_h (the Horner-tail exp).
 * Backward: 1 + e kept as d + dl (exact), residual against d + dl.
 * sigmoid'(x) = e/(1+e)^2 = [e/(1+e)] * [1/(1+e)] (never s(1-s)). */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_F_SIGMOID_H
#define VACT_F_SIGMOID_H
#include "../../common/vact_internal.h" /* vact_params */
#include "../math/exp.h"

#define VACT_SIGMOID_FIX 0.9f /* 1/(1 + e) for the residual correction (see above) */

static inline V vsigmoid_e(V x) { return vexp_neg(vor(x, vset1(-0.0f))); } /* e^-|x| */
/* num/(d + dl) given q = num/d and an approximation inv of 1/d */
static inline V vsigmoid_fix(V num, V d, V dl, V q, V inv) {
    V r = vfnma(q, d, num);
    r = vfnma(q, dl, r);
    return vfma(r, inv, q);
}
static inline V k_sigmoid(V x, const vact_params *p) {
    (void)p;
    V e = vexp_neg_h(vor(x, vset1(-0.0f)));
    V d = vadd(vset1(1.0f), e);
    V num = vsel(vlt(x, vzero()), e, vset1(1.0f));
    V q = vdiv(num, d);
    /* residual num - q(1 + e) rounded once: num - q is exact (Sterbenz,
     * q in [num/2, num]) and q*e is exact inside the FMA */
    V r = vfnma(q, e, vsub(num, q));
    /* r/(1+e) taken as 0.9 r (1/(1+e) in [1/2, 1]): r is ~ an ulp of q,
     * so the crude factor costs < 0.05 ULP and no op */
    return vfma(r, vset1(VACT_SIGMOID_FIX), q);
}
static inline V kb_sigmoid(V x, V dy, const vact_params *p) {
    (void)p;
    V e = vsigmoid_e(x);
    V d = vadd(vset1(1.0f), e);
    V dl = vsub(e, vsub(d, vset1(1.0f)));
    V q = vdiv(vset1(1.0f), d);
    V inv = vsigmoid_fix(vset1(1.0f), d, dl, q, q); /* 1/(1+e) */
    V s = vsigmoid_fix(e, d, dl, vmul(e, inv), inv); /* e/(1+e) */
    return vmul(dy, vmul(s, inv));
}

#endif
