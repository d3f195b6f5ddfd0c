/* Output-sized bf16/f16 kernels of gelu (erf) and mish, forward
 * (VACT_K16_NAME, k16_NAME) and backward (VACT_KB16_NAME, kb16_NAME), on
 * the pieces of k16.h; the accuracy target is k16.h's.
 * Precondition: included at the end of k16.h. */
#ifndef VACT_T16_K16_GELU_MISH_H
#define VACT_T16_K16_GELU_MISH_H

/* ---- gelu ------------------------------------------------------------------
 * gelu(x) = x Phi(x), Phi(x) = Q(-x) (x < 0) or 1 - Q(x), Q(a) = erfc(a/sqrt2)/2
 * the upper normal tail; Q(a) = e^(-a^2/2) R(a) with R = P/D a rational of
 * degree (2, 3) in a, D monic (scripts/fitpoly.py gelu16 2 3 14: 2^-15.3
 * relative on [0, 14] with these float coefficients), one division.
 * a = |x| clamped to 16 (NaN kept): -a^2/2 >= -128, e^-128 rounds to 0 in
 * vscale2n_e (n = -185), so Q = 0 exactly there and gelu(-inf) = -16 * 0 = -0.
 * a^2 is rounded once (exact for 16-bit inputs; else 2^-24 a^2/2 <= 2^-17
 * relative in e), e^(-a^2/2) by k16.h's polynomial (2^-12.93): x < 0 gets
 * 2^-12.93 + 2^-15.3 + roundings < 2^-12.6, x >= 0 the same damped by
 * Q/(1 - Q) <= 1. Where e (and Q) is an f32 subnormal the result is a bf16
 * subnormal and the absolute error is below 2^-145.
 * Vocabulary ops per vector (AVX-512, scalef): 20. The backward (both
 * types): k16_pw.h's pieces. */
#define VACT_G16_P0 0x1.98fbe2p+1f
#define VACT_G16_P1 0x1.c721eap+0f
#define VACT_G16_P2 0x1.98fa6ep-2f
#define VACT_G16_Q0 0x1.98f962p+2f
#define VACT_G16_Q1 0x1.1517d0p+3f
#define VACT_G16_Q2 0x1.1f4aeap+2f
#define VACT_G16_AMAX 16.0f

/* e^(-a^2/2) for a in [0, 16] (or NaN): n = round(-a^2/(2 ln2)),
 * s = a^2 + 2 n ln2hi = -2 r, and k16.h's polynomial 1 + r (1 + r (C0 + C1 r))
 * written in s (every coefficient scaled by a power of two). 7 ops
 * (AVX-512) after a^2. */
static inline V vgelu16_e(V a2) {
    V n, t, s = vexp16_reduce_t(a2, -0.5f, &n, &t);
    V q = vfma(vset1(-0.125f * VACT_E16_C1), s, vset1(0.25f * VACT_E16_C0));
    q = vfma(q, s, vset1(-0.5f));
    return vscale2n_et(vfma(q, s, vset1(1.0f)), n, t);
}
/* R(a) = Q(a) e^(a^2/2) for a = -na in [0, 16]: P/D by Horner in na (the
 * bits of Horner in a: every partial sum adds terms of one sign), D monic
 * of degree 3, or for bf16 alone (bf) of degree 2 with its own coefficients
 * (scripts/fitpoly.py gelu16 2 2 14: 2^-10.69 relative; with e's 2^-12.93
 * and the roundings < 2^-10.4, within the 2^-9 of <= 1 bf16 ULP; one FMA
 * fewer) */
#define VACT_G16B_P0 0x1.336edap+0f
#define VACT_G16B_P1 0x1.880e08p-2f
#define VACT_G16B_P2 0x1.489172p-11f
#define VACT_G16B_Q0 0x1.339dc2p+1f
#define VACT_G16B_Q1 0x1.541048p+1f
static inline V vgelu16_r(V na, int bf) {
    V P = vfnma(na, vfnma(na, vset1(bf ? VACT_G16B_P2 : VACT_G16_P2), vset1(bf ? VACT_G16B_P1 : VACT_G16_P1)),
                vset1(bf ? VACT_G16B_P0 : VACT_G16_P0));
    V D = vsub(vset1(bf ? VACT_G16B_Q1 : VACT_G16_Q2), na); /* a + the top coefficient */
    if (!bf) D = vfnma(na, D, vset1(VACT_G16_Q1));
    D = vfnma(na, D, vset1(bf ? VACT_G16B_Q0 : VACT_G16_Q0));
    return vdiv(P, D);
}
/* -|x| clamped to -16 (NaN kept) */
static inline V vgelu16_na(V x) { return vmax(vset1(-VACT_G16_AMAX), vor(x, vset1(-0.0f))); }

/* gelu = na Q + xp (one fma): x < 0: -a Q + -0 (-16 * 0 = -0 below -16);
 * x >= 0: x - a Q, a = x for x <= 16, else Q = 0 (x = +inf kept) */
#define VACT_K16_gelu ~, k16_gelu
#define VACT_K16_bf16_gelu ~, k16_bf16_gelu
static inline V k16_gelu_(V x, int bf) {
    V na = vgelu16_na(x);
    V Q = vmul(vgelu16_e(vmul(na, na)), vgelu16_r(na, bf));
    /* x for x >= 0 (+-0 kept) and NaN, -0 for x < 0: vmax's rule
     * (-0 > x ? -0 : x), one op. Until 2026-12-07 x AND a mask chosen
     * between two constants (3 ops: a select between -0 and x itself was
     * rewritten by clang, x < 0 becoming x <= 0, -0 at x = +0) */
    V xp = vmax(vset1(-0.0f), x);
    return vfma(na, Q, xp);
}
static inline V k16_gelu(V x, const vact_params *p) {
    (void)p;
    return k16_gelu_(x, 0);
}
static inline V k16_bf16_gelu(V x, const vact_params *p) {
    (void)p;
    return k16_gelu_(x, 1);
}


/* ---- mish ------------------------------------------------------------------
 * mish(x) = x g, g = tanh(softplus(x)) = N/D with u = e^-|x| (vexp16_neg,
 * 2^-12.93; 0 below -110):
 *   x <= 0: N = u (u + 2), D = N + 2      (g ~ u for x << 0: relative)
 *   x >  0: N = 1 + 2u,    D = N + 2u^2   (n = 1/u, N and D divided by n^2)
 * g's relative error is u's damped (d ln g / d ln u in [-1, 1]) plus a few
 * roundings; one division. x = -inf: clamped to -FLT_MAX, times g = 0.
 * mish'(x) = g + 4x n(n+1)/Dn^2 (n = e^x, Dn = n^2 + 2n + 2) = (N D + 4x (1+u) W)/D^2,
 * W = u (x <= 0) or u^2 (x > 0), x taken as +-max(-110, -|x|) (W = 0 beyond
 * +-110, x = +-inf stays finite there): the root near -1.19 cancels in N D + 4x(1+u)W, absolute error
 * ~2^-22 there (u's own error enters as 0.05 of it), under the test's floor.
 * Vocabulary ops per vector (AVX-512, scalef): forward 19, backward 25. */
/* N = v (v + 2w), D = N + 2 w^2 with (v, w) = (u, 1) for x <= 0, (1, u)
 * for x > 0: the two forms above with the same roundings. u = e^-|x| from
 * nac = max(-110, -|x|) (NaN kept), also returned (|x| clamped). */
static inline V vmish16_nd(V x, V *nac, V *u, V *w, V *D, M *neg) {
    *nac = vmax(vset1(-110.0f), vor(x, vset1(-0.0f)));
    V n, t, r = vexp16_reduce_t(*nac, 1.0f, &n, &t);
    *u = vscale2n_et(vexp16_poly(r), n, t);
    *neg = vle(x, vzero());
    V v = vsel(*neg, *u, vset1(1.0f));
    *w = vsel(*neg, vset1(1.0f), *u);
    V N = vmul(v, vfma(*w, vset1(2.0f), v));
    *D = vfma(vadd(*w, *w), *w, N);
    return N;
}

#define VACT_K16_mish ~, k16_mish
static inline V k16_mish(V x, const vact_params *p) {
    (void)p;
    V nac, u, w, D;
    M neg;
    V N = vmish16_nd(x, &nac, &u, &w, &D, &neg);
    return vmul(vmax(vset1(-0x1.fffffep127f), x), vdiv(N, D));
}

/* T = 4x (1 + u) W = nac (c + c u) (u w), c = 4 for x <= 0 (x = nac for
 * x >= -110), -4 for x > 0 (x = -nac for x <= 110); beyond, W = u w = 0. */
#define VACT_KB16_mish ~, kb16_mish
static inline V kb16_mish(V x, V dy, const vact_params *p) {
    (void)p;
    V nac, u, w, D;
    M neg;
    V N = vmish16_nd(x, &nac, &u, &w, &D, &neg);
    V c = vsel(neg, vset1(4.0f), vset1(-4.0f));
    V T = vmul(vmul(nac, vfma(u, c, c)), vmul(u, w));
    return vmul(dy, vdiv(vfma(N, D, T), vmul(D, D)));
}

#endif
