/* Fast swish(x; beta) = x sigmoid(b), b = beta x (silu: beta = 1).
 * -|x| clamped to -L, L = min(110/|beta|, FLT_MAX) (nac), -|b| = ah - nal
 * exactly (ah = |beta| nac, nal by FMA; 0 for silu), e = e^-|b| (vfexp_lo
 * with the low part).
 * Forward: y = (b < 0 ? sgn(beta) nac e : x)/(1 + e), one division.
 * Backward: swish' = sigmoid(b) (1 + b (1 - sigmoid(b))) = N/(1 + e)^2 with
 * N = e (1 + b + e) for b < 0 and 1 + e + b e for b >= 0; dx = (dy N)/d^2.
 * At |b| beyond 110 e is 0: y = x or sgn(beta) nac 0, swish' = 1 or 0.
 * Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_FAST_F_SWISH_H
#define VACT_FAST_F_SWISH_H
#include "../../common/vact_internal.h" /* vact_params */
#include "exp_fast.h"

#define VACT_FAST_swish ~, 1
/* -|b| = ah - *nal, e = e^-|b|, *neg: b < 0, *nac = -|x| clamped */
static inline V vfswish_e(V x, float beta, int unit, V *ah, V *nal, V *nac, M *neg) {
    float ab = beta < 0 ? -beta : beta;
    float lim = unit ? 110.0f : (ab > 110.0f / 0x1.fffffep127f ? 110.0f / ab : 0x1.fffffep127f);
    *nac = vmax(vset1(-lim), vor(x, vset1(-0.0f))); /* NaN kept */
    *neg = beta < 0 ? vgt(x, vzero()) : vlt(x, vzero());
    if (unit) {
        *ah = *nac;
        *nal = vzero();
        return vfexp(*ah);
    }
    *ah = vmul(vset1(ab), *nac);
    *nal = vfnma(vset1(ab), *nac, *ah);
    V e = vfexp_lo(*ah, *nal, 1);
    /* 0 < |beta| < 110/FLT_MAX: no finite clamp makes e 0, so x = +-inf
     * (b = +-inf) gets e = 0 here: y = x or sgn(beta) nac 0 = the limit */
    if (ab != 0.0f && ab <= 110.0f / 0x1.fffffep127f) e = vsel(veq(vabs(x), vset1(__builtin_inff())), vzero(), e);
    return e;
}
static inline V vfswish(V x, float beta, int unit) {
    if (!unit && beta == 0.0f) return vmul(x, vset1(0.5f)); /* x/2, also at +-inf (as the accurate tier) */
    V ah, nal, nac;
    M neg;
    V e = vfswish_e(x, beta, unit, &ah, &nal, &nac, &neg);
    if (!unit) nac = vxor(nac, vset1(beta < 0 ? -0.0f : 0.0f));
    return vdiv(vsel(neg, vmul(nac, e), x), vadd(vset1(1.0f), e));
}
static inline V vfswish_bwd(V x, V dy, float beta, int unit) {
    V ah, nal, nac;
    M neg;
    V e = vfswish_e(x, beta, unit, &ah, &nal, &nac, &neg);
    V d = vadd(vset1(1.0f), e);
    /* b < 0: e ((1 + ah) + (e - nal)), 1 + ah exact near the zero of
     * swish' (b ~ -1.28); b >= 0: (d - ah e) + nal e */
    V nn = vmul(e, vadd(vadd(vset1(1.0f), ah), unit ? e : vsub(e, nal)));
    V np = vfnma(ah, e, d);
    if (!unit) np = vfma(nal, e, np);
    return vmul(dy, vdiv(vsel(neg, nn, np), vmul(d, d))); /* no dy num: it overflows for |dy| near 2^128 */
}
static inline V kf_swish(V x, const vact_params *p) { return vfswish(x, p->a, 0); }
static inline V kfb_swish(V x, V dy, const vact_params *p) { return vfswish_bwd(x, dy, p->a, 0); }

#endif
