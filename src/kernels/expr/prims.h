/* The unary primitives of the expressions (VACT_PRIM lines of
 * src/common/functions.def): k_NAME forward, kb_NAME backward (dx = dy f'(x);
 * NaN when x or dy is NaN), built on the shared math/ blocks.
 *   neg    -x (exact);                      dx = -dy
 *   abs    |x| (exact);                     dx = dy sign(x) (+-0: the sign of the zero)
 *   sqrt   IEEE square root;                dx = (dy/2) / sqrt(x)
 *   expm1  math/expm1.h (x > 88: e^x);      dx = kb_exponential (dy e^x)
 *   log    math/log.h;                      dx = dy / x (NaN for x < 0)
 *   log1p  math/log1p.h;                    dx = dy / (1 + x), 1 + x carried as m + c (2Sum)
 *   erf    |x| < 1/2: Taylor series to x^15 (2/sqrt(pi) as hi + lo), else
 *          1 - erfc(|x|) with the sign of x;  dx = dy e^(-x^2) 2/sqrt(pi), -x^2 as hi + lo
 *   erfc   math/erfc.h (verfc);             dx = -(the same)
 * expm1, log1p, erf keep the sign of zero.
 * Precondition of every header under src/kernels/: the ISA's vocab.h is
 * included first (src/<isa>/kernels.c). */
#ifndef VACT_EXPR_PRIMS_H
#define VACT_EXPR_PRIMS_H
#include "../../common/vact_internal.h" /* vact_params */
#include "../math/exp.h"
#include "../math/expm1.h"
#include "../math/log.h"
#include "../math/log1p.h"
#include "../math/erfc.h"
#include "../elementwise/f_exponential.h" /* kb_exponential */

#define VACT_PRIM_NAN __builtin_nanf("")
#define VACT_PRIM_INF __builtin_inff()

static inline V k_neg(V x, const vact_params *p) { (void)p; return vneg(x); }
static inline V kb_neg(V x, V dy, const vact_params *p) {
    (void)p;
    return vsel(visnan(x), x, vneg(dy));
}

static inline V k_abs(V x, const vact_params *p) { (void)p; return vabs(x); }
static inline V kb_abs(V x, V dy, const vact_params *p) {
    (void)p;
    return vsel(visnan(x), x, vxor(dy, vand(x, vset1(-0.0f))));
}

static inline V k_sqrt(V x, const vact_params *p) { (void)p; return vsqrt(x); }
static inline V kb_sqrt(V x, V dy, const vact_params *p) {
    (void)p;
    return vdiv(vmul(dy, vset1(0.5f)), vsqrt(x));
}

static inline V k_expm1(V x, const vact_params *p) {
    (void)p;
    V r = vexpm1(vmin(vset1(88.0f), x));          /* NaN kept (vmin's second operand) */
    r = vsel(vgt(x, vset1(88.0f)), vexp(x), r);   /* e^x - 1 = e^x in float there */
    return vsel(veq(x, vzero()), x, r);           /* -0 -> -0 */
}
static inline V kb_expm1(V x, V dy, const vact_params *p) { return kb_exponential(x, dy, p); }

static inline V k_log(V x, const vact_params *p) { (void)p; return vlog(x); }
static inline V kb_log(V x, V dy, const vact_params *p) {
    (void)p;
    return vsel(vlt(x, vzero()), vset1(VACT_PRIM_NAN), vdiv(dy, x));
}

static inline V k_log1p(V x, const vact_params *p) {
    (void)p;
    return vsel(veq(x, vzero()), x, vlog1p(x));
}
static inline V kb_log1p(V x, V dy, const vact_params *p) {
    (void)p;
    V m = vadd(vset1(1.0f), x);
    V b = vsub(m, x);
    V c = vadd(vsub(vset1(1.0f), b), vsub(x, vsub(m, b)));   /* 1 + x = m + c exactly */
    V q = vdiv(dy, m);
    V e = vfnma(q, c, vfnma(q, m, dy));                      /* dy - q (m + c) */
    V r = vadd(q, vdiv(e, m));
    M fin = mand(vlt(vabs(q), vset1(VACT_PRIM_INF)), vlt(vabs(m), vset1(VACT_PRIM_INF)));
    r = vsel(fin, r, q);                                     /* m = 0 or inf: q */
    return vsel(vlt(m, vzero()), vset1(VACT_PRIM_NAN), r);
}

/* 2/sqrt(pi) = VACT_ERF_C0 + VACT_ERF_C0L */
#define VACT_ERF_C0 0x1.20dd76p+0f
#define VACT_ERF_C0L -0x1.f7ac92p-25f
static inline V k_erf(V x, const vact_params *p) {
    (void)p;
    V z2 = vmul(x, x);
    /* sum_n>=1 c_n x^(2n), c_n = 2/sqrt(pi) (-1)^n / (n! (2n+1)), to n = 7
     * (truncation < 2^-30 relative for |x| < 1/2) */
    V P = vfma(vset1(-0x1.f4d25cp-17f), z2, vset1(0x1.f9a326p-14f));
    P = vfma(P, z2, vset1(-0x1.c02db4p-11f));
    P = vfma(P, z2, vset1(0x1.565bcep-8f));
    P = vfma(P, z2, vset1(-0x1.b82ce4p-6f));
    P = vfma(P, z2, vset1(0x1.ce2f22p-4f));
    P = vfma(P, z2, vset1(-0x1.812746p-2f));
    V t = vmul(vmul(x, z2), P);
    V small = vfma(x, vset1(VACT_ERF_C0), vfma(x, vset1(VACT_ERF_C0L), t));
    V ax = vabs(x);
    V big = vsub(vset1(1.0f), verfc(ax));
    big = vxor(big, vand(x, vset1(-0.0f)));
    V r = vsel(vlt(ax, vset1(0.5f)), small, big);     /* NaN: big (NaN) */
    return vsel(veq(x, vzero()), x, r);               /* -0 -> -0 */
}
/* dy e^(-x^2) 2/sqrt(pi) */
static inline V vact_derf_(V x, V dy) {
    V h = vmul(x, x);
    V l = vfms(x, x, h);                                /* x^2 = h + l */
    V e = vexp_hilo(vneg(h), vneg(l));
    e = vsel(vgt(h, vset1(200.0f)), vzero(), e);        /* keep the argument in range; NaN kept */
    V d = vmul(dy, e);
    V dx = vfma(d, vset1(VACT_ERF_C0), vmul(d, vset1(VACT_ERF_C0L)));
    /* x^2 in (80, 200] (a vector-wide branch): e^(-x^2) is near or below the
     * subnormals, so e' = e^(-x^2) 2^128 (vexp_hilo_2p128, math/exp.h) and
     * d = ((dy 2^-64) e') 2^-64, the scaling last:
     * a large |dy| does not meet a subnormal e (docs/contract.md, "dy far
     * from 1"); dy 2^-64 is exact unless |dy| < 2^-62, where dx < 2^-177 */
    M tail = mand(vgt(h, vset1(80.0f)), vle(h, vset1(200.0f)));
    if (many(tail)) {
        V es = vexp_hilo_2p128(vneg(h), vneg(l));
        V dt = vmul(vmul(dy, vset1(0x1p-64f)), es);
        dt = vfma(dt, vset1(VACT_ERF_C0), vmul(dt, vset1(VACT_ERF_C0L)));
        dx = vsel(tail, vmul(dt, vset1(0x1p-64f)), dx);
    }
    return dx;
}
static inline V kb_erf(V x, V dy, const vact_params *p) { (void)p; return vact_derf_(x, dy); }

static inline V k_erfc(V x, const vact_params *p) { (void)p; return verfc(x); }
static inline V kb_erfc(V x, V dy, const vact_params *p) { (void)p; return vneg(vact_derf_(x, dy)); }

#endif
