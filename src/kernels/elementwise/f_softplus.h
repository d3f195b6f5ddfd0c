/* softplus(x) = max(x,0) + log1p(e), e = e^-|x| in [0, 1]: no overflow, and
 * = x exactly once log1p(e) < ulp(x)/2; for x << 0 it is e (subnormals kept,
 * since vexp rounds them once and log1p(e) = e there).
 * softplus'(x) = sigmoid(x), from f_sigmoid.h. */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_F_SOFTPLUS_H
#define VACT_F_SOFTPLUS_H
#include "../../common/vact_internal.h" /* vact_params */
#include "../math/log1p.h"
#include "f_sigmoid.h"

static inline V k_softplus(V x, const vact_params *p) {
    (void)p;
    V e = vexp_neg(vneg(vabs(x)));
    return vadd(vmax(x, vzero()), vlog1p01(e));   /* NaN x: only via e */
}
static inline V kb_softplus(V x, V dy, const vact_params *p) {
    return vsigmoid_dy(x, dy, p); /* f_sigmoid.h */
}

#endif
