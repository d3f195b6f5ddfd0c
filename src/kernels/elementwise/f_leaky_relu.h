/* leaky_relu(x; a) = x > 0 ? x : a*x (any sign of a), derivative 1 / a.
 * NaN x fails x > 0 and gives a*x = NaN. a = +-0 (relu with a signed zero)
 * at x = -inf: the limit, a * -FLT_MAX = -a, not 0 * -inf = NaN
 * (vleaky_zero).
 * Backward: x > 0 gives dy; else dy * (a + max(0, x)), where max(0, x) is
 * +-0 for x <= 0 (a + -0 = a exactly) and NaN for NaN x. */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_F_LEAKY_RELU_H
#define VACT_F_LEAKY_RELU_H
#include "../../common/vact_internal.h" /* vact_params */
#define VACT_UNROLL_leaky_relu ~, 4 /* few ops: 4 vectors per iteration (driver.h) */

/* a = +-0: max(x, a xc), xc = x clamped to +-FLT_MAX (a xc = +-0, never
 * 0 * inf): x > 0 gives x, x <= 0 gives a x of sign(a) sign(x) (a tie gives
 * the second operand, as the select), x = -inf the limit; NaN x: NaN
 * (vmax(-FLT_MAX, NaN) = vmin(FLT_MAX, NaN) = vmax(NaN, NaN) = NaN). */
static inline V vleaky_zero(V x, V a) {
    V xc = vmin(vset1(0x1.fffffep127f), vmax(vset1(-0x1.fffffep127f), x));
    return vmax(x, vmul(a, xc));
}

static inline V k_leaky_relu(V x, const vact_params *p) {
    V ax = vmul(vset1(p->a), x);
    /* Same bits, one op fewer (no compare + blend): for a <= 1 (a != 0),
     * x > 0 gives ax < x, x < 0 gives ax >= x, so the max is the select;
     * for a > 1 the min is. Ties (x = +-0, +-inf with a > 0, a = 1) and a
     * NaN x give the second operand, ax, as the select does (x = +0 with
     * a < 0: ax = -0). a = 0: vleaky_zero; NaN: the select. */
    if (p->a <= 1.0f && p->a != 0.0f) return vmax(x, ax);
    if (p->a > 1.0f) return vmin(x, ax);
    if (p->a == 0.0f) return vleaky_zero(x, vset1(p->a));
    return vsel(vgt(x, vzero()), x, ax);
}
static inline V kb_leaky_relu(V x, V dy, const vact_params *p) {
    /* a > 0 (the usual slopes): max(a, x) is a for every x <= 0 and NaN
     * for a NaN x, as a + max(0, x) is, in one op instead of two (AVX2,
     * n = 4096, old and new library alternated 5 times, medians: f32
     * 12.1 -> 13.3 Gelem/s, bf16 7.8 -> 8.2, f16 8.4 -> 8.7). Other
     * slopes need the sum: a + max(0, x) is a only because max(0, x) is
     * +-0 there (a = -0 and x < 0: +0, as before). */
    V g = p->a > 0.0f ? vmax(vset1(p->a), x) : vadd(vset1(p->a), vmax(vzero(), x));
    return vsel(vgt(x, vzero()), dy, vmul(dy, g));
}

#endif
