/* hard_shrink(x; t) = |x| > t ? x : 0. NaN fails |x| <= t and passes.
 * Backward: |x| > t gives dy, else dy * min(0, |x|): +0 for |x| <= t, NaN
 * for NaN x. */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_F_HARD_SHRINK_H
#define VACT_F_HARD_SHRINK_H
#include "../../common/vact_internal.h" /* vact_params */

static inline V k_hard_shrink(V x, const vact_params *p) {
    return vsel(vle(vabs(x), vset1(p->a)), vzero(), x);
}
static inline V kb_hard_shrink(V x, V dy, const vact_params *p) {
    V a = vabs(x);
    return vsel(vgt(a, vset1(p->a)), dy, vmul(dy, vmin(vzero(), a)));
}

#endif
