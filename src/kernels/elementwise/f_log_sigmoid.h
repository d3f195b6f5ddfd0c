/* log_sigmoid(x) = -softplus(-x) = min(x,0) - log1p(e), e = e^-|x| in [0, 1]
 * (no cancellation: both terms are <= 0).
 * log_sigmoid'(x) = sigmoid(-x), from f_sigmoid.h. */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_F_LOG_SIGMOID_H
#define VACT_F_LOG_SIGMOID_H
#include "../../common/vact_internal.h" /* vact_params */
#include "../math/log1p.h"
#include "f_sigmoid.h"

static inline V k_log_sigmoid(V x, const vact_params *p) {
    (void)p;
    V e = vexp_neg(vneg(vabs(x)));
    return vsub(vmin(x, vzero()), vlog1p01(e));   /* NaN x: only via e */
}
static inline V kb_log_sigmoid(V x, V dy, const vact_params *p) {
    /* as kb_softplus (f_softplus.h) at -x: one vector-wide test */
    V mx = vneg(x), na = vor(x, vset1(-0.0f));
    if (!many(vlt(na, vset1(-80.0f)))) return vmul(dy, vsigmoid_q(mx, vexp_t16_nc(na)));
    return vexp_dy_tail(mx, dy, vset1(1.0f), vmul(dy, k_sigmoid(mx, p))); /* x > 80: dy e^-x */
}

#endif
