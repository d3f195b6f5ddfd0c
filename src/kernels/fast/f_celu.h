/* Fast celu(x) = x > 0 ? x : a (e^(x/a) - 1), a > 0 normal: z = x (1/a)
 * (1/a rounded, scalar) with the remainder x - z a (exact, fnma) times 1/a
 * folded into the reduction (an error d in the argument is a relative error
 * ~|z| d in e^z, ~d/z in e^z - 1 near 0), then vfexpm1_a; x is first clamped
 * to -17.5 a (or -FLT_MAX). Where -2^-24 a < x <= 0, celu(x) = x + x^2/(2a)
 * + ... rounds to x itself (also where x/a underflows for a large a): that
 * select replaces the one of x > 0. 18 ops, unrolled 4.
 * celu'(x) = x > 0 ? 1 : e^(x/a): the same split argument (of -|x|, lanes
 * x > 0 discarded), clamped to -110 a, by vfexp_lo. Where the clamp
 * overflowed to -FLT_MAX, x = -inf gets its limits -a and 0 by a select
 * (vcelu_ninf, f_celu.h).
 * Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_FAST_F_CELU_H
#define VACT_FAST_F_CELU_H
#include <float.h>
#include "../../common/vact_internal.h" /* vact_params */
#include "exp_fast.h"
#include "expm1_fast.h"
#include "../elementwise/f_celu.h" /* vcelu_ninf */

#define VACT_FAST_celu ~, 1
#define VACT_UNROLL_FAST_celu ~, 4
/* max(k a, -FLT_MAX) for a > 0 */
static inline float vact_fcelu_lim(float k, float a) {
    float l = k * a;
    return l < -FLT_MAX ? -FLT_MAX : l;
}
static inline V kf_celu(V x, const vact_params *p) {
    float a = p->a, ia = 1.0f / a;
    V va = vset1(a), via = vset1(ia);
    V xc = vmax(vset1(vact_fcelu_lim(-17.5f, a)), x); /* NaN stays NaN */
    V z = vmul(xc, via);
    V e = vfexpm1_a_lo(z, vfnma(z, va, xc), via, 1, a);
    return vcelu_ninf(x, vsel(vgt(x, vset1(-0x1p-24f * a)), x, e), -17.5f, a, -a);
}
static inline V kfb_celu(V x, V dy, const vact_params *p) {
    float a = p->a, ia = 1.0f / a;
    V va = vset1(a), via = vset1(ia);
    V xc = vmax(vset1(vact_fcelu_lim(-110.0f, a)), vor(x, vset1(-0.0f)));
    V z = vmul(xc, via);
    V zl = vmul(vfms(z, va, xc), via); /* z - zl = x/a */
    V g = vfexp_lo(vmax(vset1(-110.0f), z), zl, 1);
    return vmul(dy, vcelu_ninf(x, vsel(vgt(x, vzero()), vset1(1.0f), g), -110.0f, a, 0.0f));
}

#endif
