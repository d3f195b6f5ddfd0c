/* relu6(x) = min(max(0, x), 6); derivative 1 on (0, 6), 0 outside (either
 * side at the kinks). min/max keep NaN (x is the second operand).
 * Backward: inside (y == x) gives dy, else dy * (y * 0): y is bounded, so
 * y * 0 is +-0, or NaN for NaN x; NaN dy propagates through the product. */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_F_RELU6_H
#define VACT_F_RELU6_H
#include "../../common/vact_internal.h" /* vact_params */
#define VACT_UNROLL_relu6 ~, (VACT_W >= 16 ? 2 : 4) /* few ops: 4 vectors per iteration, 2 on 16 lanes, where 4 is slower (driver.h) */

static inline V k_relu6(V x, const vact_params *p) {
    (void)p;
    return vmin(vset1(6.0f), vmax(vzero(), x));
}
static inline V kb_relu6(V x, V dy, const vact_params *p) {
    (void)p;
    V y = vmin(vset1(6.0f), vmax(vzero(), x));
    return vsel(veq(y, x), dy, vmul(dy, vmul(y, vzero())));
}

#endif
