/* Fast sigmoid: e = e^-|x| (vfexp, x clamped to [-110, 110]),
 * y = (x < 0 ? e : 1)/(1 + e) by one IEEE division (on Zen 4 cheaper than
 * vrcp_fast's three ops, and correctly rounded).
 * sigmoid'(x) = e/(1+e)^2: dx = (dy e)/(d d), d = 1 + e.
 * Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_FAST_F_SIGMOID_H
#define VACT_FAST_F_SIGMOID_H
#include "../../common/vact_internal.h" /* vact_params */
#include "exp_fast.h"

#define VACT_FAST_sigmoid ~, 1
/* e^-|x|, NaN kept */
static inline V vfsig_e(V x) { return vfexp(vmax(vset1(-110.0f), vor(x, vset1(-0.0f)))); }
static inline V kf_sigmoid(V x, const vact_params *p) {
    (void)p;
    V e = vfsig_e(x);
    return vdiv(vsel(vlt(x, vzero()), e, vset1(1.0f)), vadd(vset1(1.0f), e));
}
static inline V kfb_sigmoid(V x, V dy, const vact_params *p) {
    (void)p;
    V e = vfsig_e(x);
    V d = vadd(vset1(1.0f), e);
    return vdiv(vmul(dy, e), vmul(d, d));
}

#endif
