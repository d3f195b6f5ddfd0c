/* Output-sized forward kernels of the bf16 and f16 variants: k16_NAME
 * replaces k_NAME between the 16-bit load and the one rounding to bf16 /
 * f16 (src/kernels/driver.h, VACT_DEF_UNARY_T) for the functions that
 * `#define VACT_K16_NAME ~, k16_NAME` below; every other function keeps its
 * accurate f32 kernel (VACT_K16(name) defaults to k_NAME).
 *
 * One accuracy target serves both types: the f32 value before the rounding
 * within 2^-12.4 relative of the exact result (also where that result is a
 * bf16 or f16 subnormal or an f32 subnormal: the absolute error there is far
 * below 2^-133 / 2^-24), so the rounded result is within 0.5 + 2^-12.4 * 2^11
 * < 0.8 ULP of f16 (2^8 for bf16: < 0.53 ULP), and exact where the exact
 * result is representable. The kernels are written on the vocabulary like
 * every other (IEEE operations, no estimates), so the bits agree on every
 * ISA; tests/test_t16.c checks all 65536 inputs of each type.
 * Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_T16_K16_H
#define VACT_T16_K16_H
#include "../../common/vact_internal.h" /* vact_params */
#include "../math/exp.h"
#include "../math/recip.h"

/* e^r = 1 + r + r^2 (C0 + C1 r) for |r| <= 1.01 ln2/2: 2^-12.93 relative
 * (scripts/fitpoly.py exp 1), three FMAs by Horner */
#define VACT_E16_C0 0x1.020e96p-1f
#define VACT_E16_C1 0x1.553f98p-3f
static inline V vexp16_poly(V r) {
    V q = vfma(vset1(VACT_E16_C1), r, vset1(VACT_E16_C0));
    q = vfma(q, r, vset1(1.0f));
    return vfma(q, r, vset1(1.0f));
}
/* x = n ln2 + r for x in [-110, 89]: one Cody-Waite step (the error of
 * LN2_HI, |n| 2^-29.6 <= 2^-22.3 absolute in r, is 2^-22 relative in e^r) */
static inline V vexp16_reduce(V xc, V *n) {
    V t = vfma(xc, vset1(VACT_LOG2E), vset1(VACT_MAGIC));
    *n = vsub(t, vset1(VACT_MAGIC));
    return vfma(*n, vset1(-VACT_LN2_HI), xc);
}
/* e^x for x <= 0 (or NaN, kept): 0 below -110 (n >= -159: 2^n p rounds to
 * 0); n in [-159, 0], p in [1/2, 2]: vscale2n_e's domain. 8 ops (AVX2: 11). */
static inline V vexp16_neg(V x) {
    V xc = vmax(vset1(-110.0f), x);
    V n, r = vexp16_reduce(xc, &n);
    return vscale2n_e(vexp16_poly(r), n);
}
/* sigmoid(z) for every float z: e = e^-|z|, 1/(1 + e) by the linear guess
 * and two Newton steps (2^-16.4, recip.h), times e for z < 0. The error of
 * e enters damped (by e/(1+e) <= 1/2 for z >= 0, by 1/(1+e) <= 1 for z < 0):
 * 2^-12.9 + 2^-16.4 + roundings <= 2^-12.4. +-inf -> 1 / 0, NaN kept.
 * 17 ops (AVX-512), 20 (AVX2). */
static inline V vsig16(V z) {
    V e = vexp16_neg(vor(z, vset1(-0.0f)));
    V d = vadd(vset1(1.0f), e);
    V y = vrecip12_2(d);
    return vsel(vlt(z, vzero()), vmul(e, y), y);
}
/* x clamped to the finite floats (NaN kept): x * sigmoid-like factors that
 * reach 0 stay 0 at x = -inf */
static inline V vfinite16(V x) { return vmin(vset1(0x1.fffffep127f), vmax(vset1(-0x1.fffffep127f), x)); }

#define VACT_K16_sigmoid ~, k16_sigmoid
static inline V k16_sigmoid(V x, const vact_params *p) {
    (void)p;
    return vsig16(x);
}

/* silu(x) = x sigmoid(x): one more rounding. x <= -110: e = 0, -0. */
#define VACT_K16_silu ~, k16_silu
static inline V k16_silu(V x, const vact_params *p) {
    (void)p;
    return vmul(vmax(vset1(-0x1.fffffep127f), x), vsig16(x));
}

/* gelu_tanh(x) = x (1 + tanh u)/2 = x sigmoid(2u), 2u = x (2k0 + 2k1 x^2),
 * k0 = sqrt(2/pi), k1 = 0.044715 k0: 2u carries ~2^-22 relative error,
 * 2^-15 absolute for |2u| <= 110 (beyond it the result is x or 0 anyway).
 * x^2 overflows to inf for huge |x|: 2u = +-inf, sigmoid 1 or 0. */
#define VACT_GT16_K0 0x1.988454p+0f  /* 2 sqrt(2/pi) */
#define VACT_GT16_K1 0x1.2444f2p-4f  /* 2 * 0.044715 sqrt(2/pi) */
#define VACT_K16_gelu_tanh ~, k16_gelu_tanh
static inline V k16_gelu_tanh(V x, const vact_params *p) {
    (void)p;
    V a = vfma(vmul(x, x), vset1(VACT_GT16_K1), vset1(VACT_GT16_K0));
    return vmul(vfinite16(x), vsig16(vmul(x, a)));
}

/* tanh: |x| < 0.55: x + x^3 P(x^2), P of degree 2 (scripts/fitpoly.py
 * tanh 2 0.56: 2^-19.3 relative) as x (1 + x^2 P); else sign(x) (1 - e)/(1 + e),
 * e = e^-2|x| <= e^-1.1: the error of e enters as 2e/(1 - e^2) <= 0.75 of it.
 * -0 -> -0 (small path), +-inf -> +-1, NaN kept (big path). */
#define VACT_T16_TH0 -0x1.553bc8p-2f
#define VACT_T16_TH1 0x1.0d1cb2p-3f
#define VACT_T16_TH2 -0x1.5e4d70p-5f
#define VACT_K16_tanh ~, k16_tanh
static inline V k16_tanh(V x, const vact_params *p) {
    (void)p;
    V nax = vor(x, vset1(-0.0f));
    V e = vexp16_neg(vadd(nax, nax));
    V y = vmul(vsub(vset1(1.0f), e), vrecip12_2(vadd(vset1(1.0f), e)));
    y = vor(y, vand(x, vset1(-0.0f)));
    V x2 = vmul(x, x);
    V q = vfma(vfma(vset1(VACT_T16_TH2), x2, vset1(VACT_T16_TH1)), x2, vset1(VACT_T16_TH0));
    V s = vmul(x, vfma(x2, q, vset1(1.0f))); /* x (1 + x^2 P): -0 stays -0 */
    return vsel(vgt(nax, vset1(-0.55f)), s, y);
}

/* e^x: clamped to [-110, 89] (0 below, inf above: n = 128), vscale2n's one
 * rounding for f32-subnormal results (bf16 subnormals). */
#define VACT_K16_exponential ~, k16_exponential
static inline V k16_exponential(V x, const vact_params *p) {
    (void)p;
    V xc = vmin(vset1(89.0f), vmax(vset1(-110.0f), x));
    V n, r = vexp16_reduce(xc, &n);
    return vscale2n(vexp16_poly(r), n);
}

#include "k16_gelu_mish.h"
#include "k16_expfam.h"

#endif
