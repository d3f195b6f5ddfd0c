/* selu(x) = L (x > 0 ? x : A (e^x - 1)) with L = 1.05070098, A = 1.67326324
 * (the decimals). Neither L nor L*A is a float: both are carried as hi + lo
 * (hi = nearest float, lo = nearest float to the rest) and applied as
 * fma(hi, v, lo*v), one rounding of the exact-constant product; e^x - 1 is
 * itself hi + lo (vexpm1), folded into the same rounding.
 * selu'(x) = L (x > 0 ? 1 : A e^x); for x < -80 dy L A e^x is formed
 * without a subnormal e^x. */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_F_SELU_H
#define VACT_F_SELU_H
#include "../../common/vact_internal.h" /* vact_params */
#include "../math/expm1.h"

#define VACT_SELU_LH 0x1.0cfabep+0f   /* L = LH + LL */
#define VACT_SELU_LL -0x1.6a0cbap-25f
#define VACT_SELU_LAH 0x1.c212ccp+0f  /* L*A = LAH + LAL */
#define VACT_SELU_LAL 0x1.249584p-27f

/* (pos ? L : L*A) * (v + vl), |vl| <= ulp(v), v = +inf allowed */
static inline V vselu_scale(M pos, V v, V vl) {
    V kh = vsel(pos, vset1(VACT_SELU_LH), vset1(VACT_SELU_LAH));
    V kl = vsel(pos, vset1(VACT_SELU_LL), vset1(VACT_SELU_LAL));
    V vf = vmin(vset1(0x1.fffffep127f), v); /* inf*kl would meet +inf as NaN */
    return vfma(kh, v, vfma(kl, vf, vmul(kh, vl)));
}
/* in two stages for the driver's software-pipelined loop (VACT_STAGES):
 * vexpm1_hl's reduction, then its rest and the result (lanes x > 0 of the
 * expm1 discarded) */
#define VACT_STAGES_selu ~, 1
VACT_STAGE1_OF(k1_selu, vact_selu_s, vact_expm1_s, vexpm1_stage1)
static inline V k2_selu(vact_selu_s st, const vact_params *p) {
    (void)p;
    M pos = vgt(st.x, vzero());
    V lo, hi = vexpm1_hl_st2(st.r, st.tm, 1, &lo);
    return vselu_scale(pos, vsel(pos, st.x, hi), vsel(pos, vzero(), lo));
}
static inline V k_selu(V x, const vact_params *p) { return k2_selu(k1_selu(x, p), p); }
static inline V kb_selu(V x, V dy, const vact_params *p) {
    (void)p;
    M pos = vgt(x, vzero());
    V g = vselu_scale(pos, vsel(pos, vset1(1.0f), vexp_neg(x)), vzero());
    V dx = vmul(dy, g);
    return vexp_dy_tail_hl(x, dy, vset1(VACT_SELU_LAH), vset1(VACT_SELU_LAL), dx); /* x < -80 */
}

#endif
