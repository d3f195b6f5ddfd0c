/* Output-sized bf16/f16 kernels of gelu (erf) and mish, forward
 * (VACT_K16_NAME, k16_NAME) and backward (VACT_KB16_NAME, kb16_NAME), on
 * the pieces of k16.h; the accuracy target is k16.h's.
 * Precondition: included at the end of k16.h. */
#ifndef VACT_T16_K16_GELU_MISH_H
#define VACT_T16_K16_GELU_MISH_H

/* ---- gelu ------------------------------------------------------------------
 * gelu(x) = x Phi(x), Phi(x) = Q(-x) (x < 0) or 1 - Q(x), Q(a) = erfc(a/sqrt2)/2
 * the upper normal tail; Q(a) = e^(-a^2/2) R(a) with R = P/D a rational of
 * degree (2, 3) in a (/tmp fit, Lawson-weighted linearized least squares on
 * [0, 14]: 2^-15.3 relative with these float coefficients), one division.
 * a = |x| clamped to 16 (NaN kept): -a^2/2 >= -128, e^-128 rounds to 0 in
 * vscale2n_e (n = -185), so Q = 0 exactly there and gelu(-inf) = -16 * 0 = -0.
 * a^2 is rounded once (exact for 16-bit inputs; else 2^-24 a^2/2 <= 2^-17
 * relative in e), e^(-a^2/2) by k16.h's polynomial (2^-12.93): x < 0 gets
 * 2^-12.93 + 2^-15.3 + roundings < 2^-12.6, x >= 0 the same damped by
 * Q/(1 - Q) <= 1. Where e (and Q) is an f32 subnormal the result is a bf16
 * subnormal and the absolute error is below 2^-148.
 * gelu'(x) = Phi(x) + x phi(x) = B (x < 0) or 1 - B (x >= 0),
 * B = e^(-a^2/2) (R(a) - a/sqrt(2 pi)): the root near x = -0.75 cancels
 * inside R - a/sqrt(2pi), absolute error there e 2^-15.3 R < 2^-16.5, under
 * the test's floor (|dy|/16). */
#define VACT_G16_P0 0x1.98fbe2p+1f
#define VACT_G16_P1 0x1.c721eap+0f
#define VACT_G16_P2 0x1.98fa6ep-2f
#define VACT_G16_Q0 0x1.98f962p+2f
#define VACT_G16_Q1 0x1.1517d0p+3f
#define VACT_G16_Q2 0x1.1f4aeap+2f
#define VACT_G16_AMAX 16.0f
#define VACT_G16_RS2PI 0x1.988454p-2f /* 1/sqrt(2 pi) */

/* e^(-a^2/2) for a in [0, 16] (or NaN): n = round(-a^2/(2 ln2)),
 * s = a^2 + 2 n ln2hi = -2 r, and k16.h's polynomial 1 + r (1 + r (C0 + C1 r))
 * written in s (every coefficient scaled by a power of two). 7 ops
 * (AVX-512) after a^2. */
static inline V vgelu16_e(V a2) {
    V t = vfma(a2, vset1(-0.5f * VACT_LOG2E), vset1(VACT_MAGIC));
    V n = vsub(t, vset1(VACT_MAGIC));
    V s = vfma(n, vset1(2.0f * VACT_LN2_HI), a2);
    V q = vfma(vset1(-0.125f * VACT_E16_C1), s, vset1(0.25f * VACT_E16_C0));
    q = vfma(q, s, vset1(-0.5f));
    return vscale2n_e(vfma(q, s, vset1(1.0f)), n);
}
/* R(a) = Q(a) e^(a^2/2) for a in [0, 16]: P/D, every term positive */
static inline V vgelu16_r(V a) {
    V P = vfma(vfma(vset1(VACT_G16_P2), a, vset1(VACT_G16_P1)), a, vset1(VACT_G16_P0));
    V D = vfma(vfma(vadd(a, vset1(VACT_G16_Q2)), a, vset1(VACT_G16_Q1)), a, vset1(VACT_G16_Q0));
    return vdiv(P, D);
}

#define VACT_K16_gelu ~, k16_gelu
static inline V k16_gelu(V x, const vact_params *p) {
    (void)p;
    V a = vmin(vset1(VACT_G16_AMAX), vabs(x));            /* NaN kept */
    V Q = vmul(vgelu16_e(vmul(a, a)), vgelu16_r(a));
    V phi = vsel(vlt(x, vzero()), Q, vsub(vset1(1.0f), Q));
    return vmul(vmax(vset1(-VACT_G16_AMAX), x), phi);      /* -inf: -16 * 0 */
}

#define VACT_KB16_gelu ~, kb16_gelu
static inline V kb16_gelu(V x, V dy, const vact_params *p) {
    (void)p;
    V a = vmin(vset1(VACT_G16_AMAX), vabs(x));            /* NaN kept */
    V B = vmul(vgelu16_e(vmul(a, a)), vfnma(a, vset1(VACT_G16_RS2PI), vgelu16_r(a)));
    return vmul(dy, vsel(vlt(x, vzero()), B, vsub(vset1(1.0f), B)));
}

/* ---- mish ------------------------------------------------------------------
 * mish(x) = x g, g = tanh(softplus(x)) = N/D with u = e^-|x| (vexp16_neg,
 * 2^-12.93; 0 below -110):
 *   x <= 0: N = u (u + 2), D = N + 2      (g ~ u for x << 0: relative)
 *   x >  0: N = 1 + 2u,    D = N + 2u^2   (n = 1/u, N and D divided by n^2)
 * g's relative error is u's damped (d ln g / d ln u in [-1, 1]) plus a few
 * roundings; one division. x = -inf: clamped to -FLT_MAX, times g = 0.
 * mish'(x) = g + 4x n(n+1)/Dn^2 (n = e^x, Dn = n^2 + 2n + 2) = (N D + 4x (1+u) W)/D^2,
 * W = u (x <= 0) or u^2 (x > 0), x clamped to [-1e4, 1e4] (W = 0 beyond
 * +-110): the root near -1.19 cancels in N D + 4x(1+u)W, absolute error
 * ~2^-22 there (u's own error enters as 0.05 of it), under the test's floor. */
#define VACT_M16_XMAX 1e4f

/* N, D and the mask x <= 0 from u = e^-|x| */
static inline V vmish16_nd(V x, V u, V *D, M *neg) {
    *neg = vle(x, vzero());
    V Nn = vmul(u, vadd(u, vset1(2.0f)));
    V Np = vfma(u, vset1(2.0f), vset1(1.0f));
    V Dp = vfma(vadd(u, u), u, Np);
    *D = vsel(*neg, vadd(Nn, vset1(2.0f)), Dp);
    return vsel(*neg, Nn, Np);
}

#define VACT_K16_mish ~, k16_mish
static inline V k16_mish(V x, const vact_params *p) {
    (void)p;
    V u = vexp16_neg(vor(x, vset1(-0.0f)));
    V D;
    M neg;
    V N = vmish16_nd(x, u, &D, &neg);
    return vmul(vmax(vset1(-0x1.fffffep127f), x), vdiv(N, D));
}

#define VACT_KB16_mish ~, kb16_mish
static inline V kb16_mish(V x, V dy, const vact_params *p) {
    (void)p;
    V u = vexp16_neg(vor(x, vset1(-0.0f)));
    V D;
    M neg;
    V N = vmish16_nd(x, u, &D, &neg);
    V W = vsel(neg, u, vmul(u, u));
    V x4 = vmul(vmax(vset1(-VACT_M16_XMAX), vmin(vset1(VACT_M16_XMAX), x)), vset1(4.0f));
    V T = vmul(vmul(x4, vadd(vset1(1.0f), u)), W);
    return vmul(dy, vdiv(vfma(N, D, T), vmul(D, D)));
}

#endif
