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
    return vsigmoid_dy(vneg(x), dy, p); /* f_sigmoid.h */
}

#endif
