/* hard_tanh(x) = min(max(x, -1), 1): x itself in [-1, 1] (sign of zero
 * kept), NaN passes (x is the second operand of max, max's result of min).
 * Backward: inside (y == x) gives dy, else dy * (y * 0) (+-0, NaN for NaN x). */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_F_HARD_TANH_H
#define VACT_F_HARD_TANH_H
#include "../../common/vact_internal.h" /* vact_params */
#define VACT_UNROLL_hard_tanh ~, (VACT_W >= 16 ? 2 : 4) /* few ops: 4 vectors per iteration, 2 on 16 lanes, where 4 is slower (driver.h) */

static inline V k_hard_tanh(V x, const vact_params *p) {
    (void)p;
    return vmin(vset1(1.0f), vmax(vset1(-1.0f), x));
}
static inline V kb_hard_tanh(V x, V dy, const vact_params *p) {
    (void)p;
    V y = vmin(vset1(1.0f), vmax(vset1(-1.0f), x));
    return vsel(veq(y, x), dy, vmul(dy, vmul(y, vzero())));
}

#endif
