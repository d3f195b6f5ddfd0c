/* Fast selu(x) = x > 0 ? L x : L A (e^x - 1): L x and vfexpm1_a with a = L A
 * rounded to float (0x1.0cfabep+0 = L, 0x1.c212ccp+0 = L A: each within
 * 2^-24 relative of the decimals' product), 16 ops, unrolled 4.
 * selu'(x) = x > 0 ? L : L A e^x, e^x by vfexp of -|x| (lanes x > 0 are
 * discarded). Below -80 L A e^x is far under the 2^-20 floor for any dy a
 * test gives; the same tail as the accurate kernel for a huge dy.
 * Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_FAST_F_SELU_H
#define VACT_FAST_F_SELU_H
#include "../../common/vact_internal.h" /* vact_params */
#include "../elementwise/f_selu.h"      /* VACT_SELU_LH, ... */
#include "exp_fast.h"
#include "expm1_fast.h"

#define VACT_FAST_selu ~, 1
#define VACT_UNROLL_FAST_selu ~, 4
static inline V kf_selu(V x, const vact_params *p) {
    (void)p;
    V e = vfexpm1_a(x, VACT_SELU_LAH);
    return vsel(vgt(x, vzero()), vmul(x, vset1(VACT_SELU_LH)), e);
}
static inline V kfb_selu(V x, V dy, const vact_params *p) {
    (void)p;
    V g = vmul(vset1(VACT_SELU_LAH), vfexp(vmax(vset1(-110.0f), vor(x, vset1(-0.0f)))));
    V dx = vmul(dy, vsel(vgt(x, vzero()), vset1(VACT_SELU_LH), g));
    M tail = vlt(x, vset1(-80.0f));
    if (many(tail)) {
        V p2, e1 = vexp_split(x, &p2);
        dx = vsel(tail, vmul(vmul(dy, vmul(vset1(VACT_SELU_LAH), e1)), p2), dx);
    }
    return dx;
}

#endif
