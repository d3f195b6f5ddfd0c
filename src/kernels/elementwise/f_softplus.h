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
    /* one vector-wide test: |x| <= 80 everywhere gives k_sigmoid's main path
     * (its tail, |x| > 86, not taken); else k_sigmoid whole, and dy e^x for
     * x < -80 (vexp_dy_tail) */
    V nx = vor(x, vset1(-0.0f));
    if (!many(vlt(nx, vset1(-80.0f)))) return vmul(dy, vsigmoid_q(x, vexp_t16_nc(nx)));
    return vexp_dy_tail(x, dy, vset1(1.0f), vmul(dy, k_sigmoid(x, p)));
}

#endif
