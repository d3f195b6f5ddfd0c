/* relu(x) = max(0, x), relu'(x) = x > 0 ? 1 : 0 (relu'(0) = 0).
 * vmax(0, x) returns its second operand when unordered, so NaN passes.
 * Backward: x > 0 gives dy; otherwise dy * max(0, x), where max(0, x) is
 * +-0 for x <= 0 and NaN for NaN x (so NaN in x or dy gives NaN). */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_F_RELU_H
#define VACT_F_RELU_H
#include "../../common/vact_internal.h" /* vact_params */

static inline V k_relu(V x, const vact_params *p) {
    (void)p;
    return vmax(vzero(), x);
}
static inline V kb_relu(V x, V dy, const vact_params *p) {
    (void)p;
    return vsel(vgt(x, vzero()), dy, vmul(dy, vmax(vzero(), x)));
}

#endif
