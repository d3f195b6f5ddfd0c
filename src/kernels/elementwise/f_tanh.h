/* tanh(x), odd: the exp branch computed on -|x| and the sign or-ed back.
 * Forward (k_tanh): |x| < 0.7: x (1 + u P4(u)), u = x^2, on the signed x
 *   (keeps tanh(-0) = -0; scripts/fitpoly.py tanh 4 0.7: 2^-25.4 relative).
 *   else: 1 - 2q, q = e/RN(1 + e) by one IEEE division, no correction,
 *   e = e^(-2|x|) in [0, 0.25] from vexp2h_t8 (8-entry table, degree 3,
 *   one Cody-Waite step, 2^m by scalef or from the bits); e < 2^-25 gives
 *   exactly 1, so tanh = +-1 beyond ~9.01.
 * The older pieces (vtanh_big with its residual correction on
 * vexp_neg2_h, |x| < 0.55 with P of degree 4) serve tanh_shrink
 * (vtanh_abs_).
 * tanh'(x) = 4e/(1+e)^2 = 4 q (1 - q) = 4 (q - q^2), q = e/(1+e) (never
 * 1 - tanh^2): e from vexp_neg2_h, q = e/RN(1 + e) by one IEEE division
 * (no correction: a Newton reciprocal would cost 16 ops), q - q^2 in one
 * rounding (fnma). For |x| > 40 (e < 2^-115, subnormal soon)
 * dy*4e is formed from the unscaled mantissa and the power of two applied
 * in two exact halves. */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_F_TANH_H
#define VACT_F_TANH_H
#include "../../common/vact_internal.h" /* vact_params */
#include "../math/exp.h"

#define VACT_TANH_6_7 0x1.b6db6ep-1f /* 6/7 rounded: 1/(1 + e) for e in [0, 1/3] within 1/7 */

/* P(u), u = x^2: tanh(x) = x + x^3 P(x^2) for |x| < 0.55 */
static inline V vtanh_q(V u) {
    V q = vfma(vset1(-0x1.75e1c4p-8f), u, vset1(0x1.52269ap-6f));
    q = vfma(q, u, vset1(-0x1.b83c5ap-5f));
    q = vfma(q, u, vset1(0x1.110726p-3f));
    return vfma(q, u, vset1(-0x1.555532p-2f));
}
static inline V vtanh_small(V ax) {
    V u = vmul(ax, ax);
    return vfma(vmul(ax, u), vtanh_q(u), ax);
}
/* nax = -|x| */
static inline V vtanh_big(V nax) {
    V e = vexp_neg2_h(nax);                   /* = vexp_neg_h(2 nax) */
    V d = vadd(vset1(1.0f), e);
    V q = vdiv(e, d);                         /* e/(1+e) in [0, 1/4] */
    /* residual e - q(1 + e) rounded once: e - q exact (q in [3e/4, e]) */
    V r = vfnma(q, e, vsub(e, q));
    q = vfma(r, vset1(VACT_TANH_6_7), q);     /* 1/d ~ 6/7 (|rel err| <= 1/7) */
    return vfnma(q, vset1(2.0f), vset1(1.0f));
}
/* the same, 1 - e and 1 + e both exact hi + lo and the quotient rounded
 * once (~0.5 ULP less error, 2 more ops): for tanh_shrink's tanh^2 */
static inline V vtanh_big_acc(V ax) {
    V e = vexp_neg(vmul(ax, vset1(-2.0f)));
    V d = vadd(vset1(1.0f), e);
    V dl = vsub(e, vsub(d, vset1(1.0f)));
    V nh = vsub(vset1(1.0f), e);
    V nl = vsub(vsub(vset1(1.0f), nh), e);
    V q = vdiv(nh, d);
    V r = vfnma(q, d, nh);
    r = vfnma(q, dl, r);
    r = vadd(r, nl);
    return vfma(r, vfma(q, vset1(0.5f), vset1(0.5f)), q); /* 1/d ~ (1 + q)/2 */
}
/* tanh(|x|) >= +0 (NaN kept); acc picks the more accurate exp branch */
static inline V vtanh_abs_(V ax, int acc) {
    /* both branches, no data-dependent jump (mixed vectors are the common
     * case and would mispredict); NaN takes the exp branch */
    V yb = acc ? vtanh_big_acc(ax) : vtanh_big(vneg(ax));
    return vsel(vlt(ax, vset1(0.55f)), vtanh_small(ax), yb);
}
/* the small branch on the signed x as x (1 + u q): odd by construction and
 * tanh(-0) = -0 (x + x u q would give +0), one rounding more than
 * vtanh_small (~0.01 ULP on the max) but no |x| needed */
static inline V vtanh_small_s(V x) {
    V u = vmul(x, x);
    return vmul(x, vfma(u, vtanh_q(u), vset1(1.0f)));
}
/* P4(u), u = x^2: tanh(x) = x (1 + u P4(u)) for |x| < 0.7
 * (scripts/fitpoly.py tanh 4 0.7: 2^-25.4 relative) */
static inline V vtanh_small4(V x) {
    V u = vmul(x, x);
    V q = vfma(vset1(-0x1.50c46ap-8f), u, vset1(0x1.492fd2p-6f));
    q = vfma(q, u, vset1(-0x1.b6c112p-5f));
    q = vfma(q, u, vset1(0x1.10faeep-3f));
    q = vfma(q, u, vset1(-0x1.5554f6p-2f));
    return vmul(x, vfma(u, q, vset1(1.0f)));
}
/* Forward: |x| < 0.7 the polynomial above; else 1 - 2q, q = e/RN(1 + e) by
 * one IEEE division without a residual correction, e = e^(-2|x|) <= 0.25
 * from vexp2h_t8 (8-entry table, degree 3, one Cody-Waite step: within
 * 2^-23.4 before its rounding). The uncorrected quotient (<= ~1 ULP of q)
 * weighs 2q/tanh <= 0.66 at 0.7 and the exp's error 2e/((1+e)^2 tanh) <=
 * 0.53; the sweep's maximum is in functions.def (1.41 ULP, at 0.896, in
 * the exp branch: the polynomial's lanes stay below it). Against the
 * degree-5 table-free exp and P5 on |x| < 0.8 (27 ops on AVX2): 2 FMAs
 * fewer, the lookup and a shift more, +10% on AVX2 and AVX-512. */
static inline V k_tanh(V x, const vact_params *p) {
    (void)p;
    V nax = vor(x, vset1(-0.0f));              /* -|x|: the exp branch needs no negation */
    V e = vexp2h_t8(vmax(vset1(-43.0f), nax)); /* e^(-2|x|); tanh = 1 below -9.02 */
    V q = vdiv(e, vadd(vset1(1.0f), e));
    V yb = vor(vfnma(q, vset1(2.0f), vset1(1.0f)), vand(x, vset1(-0.0f)));
    return vsel(vgt(nax, vset1(-0.7f)), vtanh_small4(x), yb);
}
static inline V kb_tanh(V x, V dy, const vact_params *p) {
    (void)p;
    V nax = vor(x, vset1(-0.0f));             /* -|x| */
    V e = vexp_neg2_h(nax);                   /* e^(-2|x|) */
    V q = vdiv(e, vadd(vset1(1.0f), e));      /* e/(1+e) in [0, 1/2] */
    V dx = vmul(dy, vmul(vfnma(q, q, q), vset1(4.0f))); /* 4 (q - q^2) */
    /* |x| > 40: dy 4 e^(-2|x|) (tanh' to 2^-114) without a subnormal
     * factor, for any dy (math/exp.h) */
    return vexp_dy_tail(vadd(nax, nax), dy, vset1(4.0f), dx);
}

#endif
