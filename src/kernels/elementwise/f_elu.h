/* elu(x) = x > 0 ? x : a (e^x - 1), with e^x - 1 = hi + lo from vexpm1
 * (vexpm1_hl_nc: below -17.3 hi + lo is -1 + O(2^-25), not exact: < 1/2 ulp
 * of a after the rounding) and a (hi + lo) in one rounding (exactly -a below
 * -18.5, so elu(-inf) = -a).
 * elu'(x) = x > 0 ? 1 : a e^x; dx = dy * that (x > 0: dy * 1, so a NaN dy
 * stays NaN). For x < -80, dy a e^x is formed without a subnormal e^x
 * (vexp_dy_tail, math/exp.h), so that a large |a| (up to FLT_MAX) or |dy|
 * still gets its small products right. */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_F_ELU_H
#define VACT_F_ELU_H
#include "../../common/vact_internal.h" /* vact_params */
#include "../math/expm1.h"

/* in two stages for the driver's software-pipelined loop (VACT_STAGES):
 * vexpm1_hl_nc's reduction, then its rest and the result (lanes x > 0 of
 * the expm1 discarded) */
#define VACT_STAGES_elu ~, 1
VACT_STAGE1_OF(k1_elu, vact_elu_s, vact_expm1_s, vexpm1_stage1)
static inline V k2_elu(vact_elu_s st, const vact_params *p) {
    V a = vset1(p->a), lo, hi = vexpm1_hl_st2(st.r, st.tm, 0, &lo);
    return vsel(vgt(st.x, vzero()), st.x, vfma(a, hi, vmul(a, lo)));
}
static inline V k_elu(V x, const vact_params *p) { return k2_elu(k1_elu(x, p), p); }
static inline V kb_elu(V x, V dy, const vact_params *p) {
    V a = vset1(p->a);
    V g = vmul(a, vexp_neg(x)); /* lanes x > 0 are discarded */
    return vexp_dy_tail(x, dy, a, vmul(dy, vsel(vgt(x, vzero()), vset1(1.0f), g)));
}

#endif
