/* celu(x) = max(0,x) + min(0, a (e^(x/a) - 1)): x for x > 0, else
 * a expm1(x/a); a is positive and normal (the wrapper gives NaN otherwise). x/a is taken
 * exactly as q + ql: q = x * (1/a), ql = (x - q a) / a with the remainder by
 * FMA, and ql folded into the exponent reduction (vexpm1_hilo_hl / vexp_hilo):
 * an error d in the argument is a relative error ~|x/a| d in the result.
 * x is first clamped to [-110 |a|, ...] so q stays finite (below that the
 * result is -a, and e^(x/a) is 0). celu'(x) = x > 0 ? 1 : e^(x/a).
 * Where -110 a overflows (a > ~3e36) no finite x reaches the clamp, and
 * x = -inf (q = -inf, its remainder inf - inf) gets its limits -a and 0 by
 * a select (vcelu_ninf). The backward's lanes with x/a < -80 form dy e^(x/a)
 * from e^(x/a) 2^128 with the scaling last, so a large |dy| does not meet a
 * subnormal e^(x/a) (docs/contract.md, "dy far from 1"). */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_F_CELU_H
#define VACT_F_CELU_H
#include "../../common/vact_internal.h" /* vact_params */
#include "../math/expm1.h"

/* x/a = *qh + *ql (x clamped so |x/a| <= ~110) */
static inline void vcelu_arg(V x, const vact_params *p, V *qh, V *ql) {
    float a = p->a, ia = 1.0f / a;
    float lim = -110.0f * (a < 0 ? -a : a);
    V xc = vmax(vset1(lim), x); /* NaN stays NaN */
    *qh = vmul(xc, vset1(ia));
    *ql = vmul(vfnma(*qh, vset1(a), xc), vset1(ia));
}
/* x = -inf -> v, when the clamp k a overflows (k < 0; see above; the fast
 * tier's kernels too, with their own k) */
static inline V vcelu_ninf(V x, V y, float k, float a, float v) {
    if (k * a >= -0x1.fffffep127f) return y;
    return vsel(veq(x, vset1(-__builtin_inff())), vset1(v), y);
}
static inline V k_celu(V x, const vact_params *p) {
    V qh, ql;
    vcelu_arg(x, p, &qh, &ql);
    V a = vset1(p->a), lo, hi = vexpm1_hilo_hl(qh, ql, &lo); /* x > 0 discarded */
    /* x itself where celu(x) rounds to it: x > 0, and -2^-24 a < x <= 0, where
     * celu(x) = x + x^2/(2a) + ... is within |x| 2^-25 < ulp(x)/2 of x (this
     * also covers x/a underflowing for a large a) */
    return vcelu_ninf(x, vsel(vgt(x, vset1(-0x1p-24f * p->a)), x, vfma(a, hi, vmul(a, lo))), -110.0f, p->a, -p->a);
}
static inline V kb_celu(V x, V dy, const vact_params *p) {
    V qh, ql;
    vcelu_arg(x, p, &qh, &ql);
    V e = vexp_hilo(qh, ql);
    V dx = vmul(dy, vcelu_ninf(x, vsel(vgt(x, vzero()), vset1(1.0f), e), -110.0f, p->a, 0.0f));
    /* x/a < -80: dy e^(x/a) without a subnormal e^(x/a): e' = e^(x/a) 2^128
     * (vexp_hilo_2p128, math/exp.h), normal for x/a >= -176, and
     * dx = ((dy 2^-64) e') 2^-64 (as erf's: no overflow for any dy, e' <
     * 2^13; dy 2^-64 is exact unless |dy| < 2^-62, where dx < 2^-177; one
     * rounding more where dx is subnormal). x/a from x clamped
     * at -190 a this time, and below that the rest e^(x/a + 190) as a last
     * factor (vexp_rest: dx < 2^-146 there, subnormal, so x/a's rounding
     * in its argument is far below dx's ulp; dy up to 2^128 meets e^(x/a)
     * down to 2^-278); x = -inf keeps dy * 0. The same roundings as dy e on
     * the other lanes. */
    M tail = mand(vlt(qh, vset1(-80.0f)), vgt(x, vset1(-__builtin_inff())));
    if (many(tail)) {
        const float a = p->a, ia = 1.0f / a;
        V xc = vmax(vset1(-190.0f * a), x);
        V th = vmul(xc, vset1(ia)), tl = vmul(vfnma(th, vset1(a), xc), vset1(ia));
        V es = vexp_hilo_2p128(th, tl);
        V s = vset1(0x1p-64f);
        V rest = vexp_rest(vmul(x, vset1(ia)), 190.0f); /* x/a < -190: e^(x/a + 190) */
        dx = vsel(tail, vmul(vmul(vmul(vmul(dy, s), es), s), rest), dx);
    }
    return dx;
}

#endif
