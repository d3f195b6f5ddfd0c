/* WORK IN PROGRESS - NOT INCLUDED by fast.h (gelu's fast tier still uses the
 * accurate kernels). Status (scalar harness, every 13th float):
 *   forward max 4.5 ULP (x ~ -2.8; 4.1 at x ~ -4.66 and x ~ -0.066): over the
 *   4-ULP bound. The error budget, in units of 2^-23 relative: P Horner
 *   ~0.7-1.1, D Horner ~1.0-1.6 (positive coefficients: every step's
 *   rounding propagates at nearly full weight for a >= 1), (P + P s) 2^n
 *   0.5, the division 0.5; e^(-a^2/2) itself (exp.h, lo part) ~0.05. A
 *   relative error of e units is up to 2e ULP, so <= 3 ULP needs <= 1.5
 *   units: the rational P/D in a cannot get there; shifting the variable
 *   (b = a - 1 or 2.5) helps mid-range but breaks a ~ 0 (cancellation).
 *   Next: a well-conditioned Horner variable (t = 1/(1 + a), S(t) with
 *   decaying terms, t as hi + lo) or hi + lo final steps of P and D.
 *   Backward: VACT_FGELU_N* below belong to the earlier degree 4/5 D and
 *   must be regenerated as P - a D/sqrt(2 pi) for the current P, D
 *   (measured 5.0 ULP, dy = 1, with matching coefficients). */
/* The fast tier's gelu(x) = x Phi(x). With a = |x| clamped to 14.6 (gelu = x
 * or 0 in float beyond) and the upper normal tail Q(a) = erfc(a/sqrt2)/2:
 *   Q(a) = E R(a),  E = e^(-a^2/2),  R(a) = P(a)/D(a)
 * R = Q e^(a^2/2) (Mills ratio / sqrt(2 pi)) by a degree 4/5 rational
 * (weighted Lawson fit on [0, 7.5]: 2^-25.4 relative up to a = 5.2, relaxed
 * beyond, as the bound is absolute below 2^-20 (gelu(-5.1) ~ -2^-19.5);
 * D >= 1 and R in [0.027, 0.053] on [7.5, 14.6]). E by vfexp_lo with
 * -a^2/2 as hi + lo (FMA: a^2/2 ~ 14 near x = -5.3, where its rounding alone
 * would cost 2 ULP); E = 0 exactly at the clamp (-a^2/2 < -103.3).
 *   gelu = max(x, 0) - a Q      (x < 0: -a Q; x >= 0: x - x Q, Q <= 1/2)
 * Forward: 2 clamps, 3 for -a^2/2, e^z in 9 ops, 9 fma (P, D), mul, one
 *   division, max and fnma.
 * gelu'(x) = Phi(x) + x phi(x) = E B (x < 0) or 1 - E B (x >= 0), with
 *   B = R - a/sqrt(2 pi) = (P - (a/sqrt(2 pi)) D)/D (the root near
 *   x = -0.75 cancels in one fma; the bound there is absolute, 2^-4):
 *   g = (x < 0 ? E N : D - E N)/D, N = fnma(a c, D, P); dx = dy g.
 * NaN: a keeps it (vmin with the NaN second), E, N and g are NaN. */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_FAST_F_GELU_H
#define VACT_FAST_F_GELU_H
#include "../../common/vact_internal.h" /* vact_params */
#include "exp_fast.h"

#define VACT_FGELU_AMAX 14.6f
#define VACT_FGELU_RS2PI 0x1.988454p-2f /* 1/sqrt(2 pi) rounded */
#define VACT_FGELU_SHIFT 0.0f /* P, D in b = a - shift */
#define VACT_FGELU_P0 0x1.p-1f
#define VACT_FGELU_P1 0x1.27f6b6p-3f
#define VACT_FGELU_P2 0x1.ffceecp-6f
#define VACT_FGELU_P3 -0x1.f31edep-11f
#define VACT_FGELU_P4 0x1.bd575ap-14f
#define VACT_FGELU_P5 -0x1.e877fap-18f
#define VACT_FGELU_P6 0x1.ec6f2ap-23f
#define VACT_FGELU_D0 0x1.p+0f
#define VACT_FGELU_D1 0x1.163fe6p+0f
#define VACT_FGELU_D2 0x1.b802ap-2f
#define VACT_FGELU_D3 0x1.041152p-4f
#define VACT_FGELU_N0 0x1.ea91dcp-4f
#define VACT_FGELU_N1 0x1.965a6ep-12f
#define VACT_FGELU_N2 -0x1.d83cdap-4f
#define VACT_FGELU_N3 -0x1.8ae5a4p-4f
#define VACT_FGELU_N4 -0x1.32e3e4p-5f
#define VACT_FGELU_N5 -0x1.f5fd34p-8f
#define VACT_FGELU_N6 -0x1.6c4578p-11f

typedef struct { V a, n, s, P, D; } vfgelu_t;

/* a = min(|x|, 14.6) (NaN kept); E = e^(-a^2/2) = (1 + s) 2^n; P, D of
 * R = P/D (in b = a - 2.5) */
static inline vfgelu_t vfgelu_parts(V x, int fwd) {
    vfgelu_t g;
    V a = vmin(vset1(VACT_FGELU_AMAX), vabs(x));
    V ah = vmul(a, vset1(-0.5f));
    V z = vmul(a, ah);                                     /* -a^2/2 rounded */
    V zl = vfms(a, ah, z);                                 /* -a^2/2 = z + zl */
    V r = vexp_reduce_lo(z, zl, &g.n);
    g.s = vexp_s(r);
    V b = vsub(a, vset1(VACT_FGELU_SHIFT));
    if (fwd) {
        V P = vfma(vset1(VACT_FGELU_P6), b, vset1(VACT_FGELU_P5));
        P = vfma(P, b, vset1(VACT_FGELU_P4));
        P = vfma(P, b, vset1(VACT_FGELU_P3));
        P = vfma(P, b, vset1(VACT_FGELU_P2));
        P = vfma(P, b, vset1(VACT_FGELU_P1));
        g.P = vmul(vfma(P, b, vset1(VACT_FGELU_P0)), a); /* a P */
    } else {
        V P = vfma(vset1(VACT_FGELU_N6), a, vset1(VACT_FGELU_N5));
        P = vfma(P, a, vset1(VACT_FGELU_N4));
        P = vfma(P, a, vset1(VACT_FGELU_N3));
        P = vfma(P, a, vset1(VACT_FGELU_N2));
        P = vfma(P, a, vset1(VACT_FGELU_N1));
        g.P = vfma(P, a, vset1(VACT_FGELU_N0));
    }
    V D = vfma(vset1(VACT_FGELU_D3), b, vset1(VACT_FGELU_D2));
    D = vfma(D, b, vset1(VACT_FGELU_D1));
    g.D = vfma(D, b, vset1(1.0f));
    g.a = a;
    return g;
}
/* E P (or E N): (P + P s) 2^n, one rounding and the scaling */
static inline V vfgelu_ep(vfgelu_t g) { return vscale2n_e(vfma(g.P, g.s, g.P), g.n); }
static inline V kf_gelu(V x, const vact_params *p) {
    (void)p;
    vfgelu_t g = vfgelu_parts(x, 1);
    V q = vdiv(vfgelu_ep(g), g.D);                         /* a Q(a) */
    return vsub(vmax(vzero(), x), q);                      /* NaN: x's own */
}
static inline V kfb_gelu(V x, V dy, const vact_params *p) {
    (void)p;
    vfgelu_t g = vfgelu_parts(x, 0);
    V EN = vfgelu_ep(g);
    V s = vsel(vlt(x, vzero()), EN, vsub(g.D, EN));
    return vmul(dy, vdiv(s, g.D));
}
#define VACT_FAST_gelu ~, 1

#endif
