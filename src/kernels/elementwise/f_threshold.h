/* threshold(x; t, v) = x > t ? x : v. NaN fails x <= t and passes.
 * Backward: x > t gives dy, else dy * min(0, |x|): +0 for finite or
 * infinite x, NaN for NaN x. */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_F_THRESHOLD_H
#define VACT_F_THRESHOLD_H
#include "../../common/vact_internal.h" /* vact_params */

static inline V k_threshold(V x, const vact_params *p) {
    return vsel(vle(x, vset1(p->a)), vset1(p->b), x);
}
static inline V kb_threshold(V x, V dy, const vact_params *p) {
    return vsel(vgt(x, vset1(p->a)), dy, vmul(dy, vmin(vzero(), vabs(x))));
}

#endif
