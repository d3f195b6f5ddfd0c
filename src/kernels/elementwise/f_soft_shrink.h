/* soft_shrink(x; t) = x - clamp(x, -t, t) (t >= 0): x - t above t, x + t
 * below -t (one rounding each, i.e. exact), x - x = 0 inside; NaN passes.
 * Backward: |x| > t gives dy, else dy * (c * 0) with c = clamp(x) bounded
 * (+-0, or NaN for NaN x). */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_F_SOFT_SHRINK_H
#define VACT_F_SOFT_SHRINK_H
#include "../../common/vact_internal.h" /* vact_params */

static inline V k_soft_shrink(V x, const vact_params *p) {
    V t = vset1(p->a);
    return vsub(x, vmin(t, vmax(vneg(t), x)));
}
static inline V kb_soft_shrink(V x, V dy, const vact_params *p) {
    V t = vset1(p->a);
    V c = vmin(t, vmax(vneg(t), x));
    return vsel(vgt(vabs(x), t), dy, vmul(dy, vmul(c, vzero())));
}

#endif
