/* Fast elu(x) = x > 0 ? x : a (e^x - 1): with a 32-entry lookup
 * (VACT_LUT32: AVX-512) vfexpm1_a_t32_or (expm1_fast.h; 14 ops, 7 of them
 * multiplies and FMAs, against vfexpm1_a's 15 and 10: about 5% faster than
 * that on the Zen 5 target, 2026-12) and a compare, the select folded into
 * its last multiply and FMA by merge masking (15 ops, was 16 with a blend),
 * unrolled 8: 0.99-1.00x -> 1.09-1.10x XNNPACK's speed at 4096 (uniform and
 * normal inputs, mean of 5 A/B rounds in one session, load 3-4, 2026-12-05;
 * same bits); else vfexpm1_a and a select on x's sign bit (14 ops; AVX2's
 * blendv reads the sign: no compare), unrolled 4.
 * elu'(x) = x > 0 ? 1 : a e^x, e^x by vfexp (exp_fast.h) of -|x| (lanes
 * x > 0 are discarded); dx = dy * that. For x < -80 (a vector-wide branch,
 * never taken on ordinary data) the accurate kernel's tail: a large |a| (up
 * to FLT_MAX) times a subnormal e^x is formed without the subnormal.
 * Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_FAST_F_ELU_H
#define VACT_FAST_F_ELU_H
#include "../../common/vact_internal.h" /* vact_params */
#include "exp_fast.h"
#include "expm1_fast.h" /* and math/exp.h (vexp_dy_tail) through exp_fast.h */

#define VACT_FAST_elu ~, 1
#ifdef VACT_LUT32
#define VACT_UNROLL_FAST_elu ~, 8 /* AVX-512 (32 registers): 8 vectors in flight */
#else
#define VACT_UNROLL_FAST_elu ~, 4
#endif
static inline V kf_elu(V x, const vact_params *p) {
#ifdef VACT_LUT32
    /* x > 0: x, else (x <= 0; NaN: x's own) the expm1, the select by
     * merge masking: a compare and no blend */
    return vfexpm1_a_t32_or(x, p->a, vle(x, vzero()), x);
#else
    /* x where its sign bit is clear (+0, x > 0, a NaN x), else the expm1
     * (-0: +0; a NaN x with the sign set: NaN from the expm1): one blendv on
     * AVX2, no compare */
    return vsel_sign(x, vfexpm1_a(x, p->a), x);
#endif
}
static inline V kfb_elu(V x, V dy, const vact_params *p) {
    V a = vset1(p->a);
    V g = vmul(a, vfexp(vmax(vset1(-110.0f), vor(x, vset1(-0.0f)))));
    return vexp_dy_tail(x, dy, a, vmul(dy, vsel(vgt(x, vzero()), vset1(1.0f), g)));
}

#endif
