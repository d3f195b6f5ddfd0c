/* Fast elu(x) = x > 0 ? x : a (e^x - 1): vfexpm1_a (expm1_fast.h): 15 ops,
 * unrolled 4.
 * elu'(x) = x > 0 ? 1 : a e^x, e^x by vfexp (exp_fast.h) of -|x| (lanes
 * x > 0 are discarded); dx = dy * that. For x < -80 (a vector-wide branch,
 * never taken on ordinary data) the accurate kernel's tail: a large |a| (up
 * to FLT_MAX) times a subnormal e^x is formed without the subnormal.
 * Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_FAST_F_ELU_H
#define VACT_FAST_F_ELU_H
#include "../../common/vact_internal.h" /* vact_params */
#include "exp_fast.h"
#include "expm1_fast.h"
#include "../elementwise/f_elu.h" /* velu_bwd_tail */

#define VACT_FAST_elu ~, 1
#define VACT_UNROLL_FAST_elu ~, 4
static inline V kf_elu(V x, const vact_params *p) {
    return vsel(vgt(x, vzero()), x, vfexpm1_a(x, p->a));
}
static inline V kfb_elu(V x, V dy, const vact_params *p) {
    V a = vset1(p->a);
    V g = vmul(a, vfexp(vmax(vset1(-110.0f), vor(x, vset1(-0.0f)))));
    return velu_bwd_tail(x, dy, a, vmul(dy, vsel(vgt(x, vzero()), vset1(1.0f), g)));
}

#endif
