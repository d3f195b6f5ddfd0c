/* The upper normal tail Q(a) = erfc(a/sqrt2)/2 = Phi(-a) for a >= 0, in parts:
 *   Q(a) = e^(-a^2/2) t S(t - tc),  t = 1/(1 + k a), k = 0.7,
 * S a degree-12 polynomial (scripts/fitpoly.py gelu: 2^-26.4 relative) that is
 * flat ([0.3, 0.5]) and barely sensitive to the rounding of t (its last Horner
 * step's sum kept as hi + lo, the product before it rounded: < 2^-26.3
 * relative, for fewer ops than a full hi + lo).
 * t = th (1 + rt) (1 + k a by its exact tail, one division and a residual
 * step); e^(-a^2/2) = (1 + s)(1 + rl) 2^n with -a^2/2 = a (-a/2) as hi + lo,
 * r1 = -a^2/2 - n ln2hi exact (fma, float ln2) and every lower part in rl
 * (|rl| < 2^-17, so e^rl = 1 + rl to 2^-35).
 * vnormq_w multiplies the parts with one rounding in the hi part (Wh = P1 + P1 s
 * by one fma and its exact error), no separate hi + lo for t or p.
 * erfc(z) = 2 Q(z sqrt2), erf(z) = 1 - 2 Q(z sqrt2)
 * (z >= 0), never 1 + erf for the lower tail: Phi(x) = Q(-x) directly.
 * Valid for a in [0, 14.6] (a NaN gives NaN parts); callers clamp a there
 * (Q(14.6) ~ 2^-158: below every float, and 1 - Q = 1 long before).
 * Precondition of every header under src/kernels/: the ISA's vocab.h is
 * included first (src/<isa>/kernels.c). */
#ifndef VACT_MATH_ERFC_H
#define VACT_MATH_ERFC_H
#include "exp.h"

#define VACT_NQ_K 0x1.666666p-1f       /* k = float(0.7) (scripts/fitpoly.py gelu) */
#define VACT_NQ_TC 0x1.16d1p-1f        /* tc, the centre of t's range (scripts/fitpoly.py gelu) */
#define VACT_NQ_AMAX 0x1.d33334p+3f    /* 14.6 rounded: the clamp of a */
#define VACT_NQ_S0 0x1.bdabd0p-2f      /* S's constant term (scripts/fitpoly.py gelu) */
#define VACT_NQ_SQRT2_HI 0x1.6a09e6p+0f /* sqrt 2 rounded to float */
#define VACT_NQ_SQRT2_LO 0x1.9fcef4p-26f /* sqrt 2 - VACT_NQ_SQRT2_HI, rounded */

typedef struct { V th, rt, S, Sl, s, rl, n; } vnormq_t;

/* Q(a + al) = th (1 + rt)(S + Sl)(1 + s)(1 + rl) 2^n for a in [0, VACT_NQ_AMAX],
 * |al| <= ulp(a)/2 */
static inline vnormq_t vnormq_parts(V a, V al) {
    vnormq_t g;
    V D = vfma(vset1(VACT_NQ_K), a, vset1(1.0f));
    V Dl = vfma(vset1(VACT_NQ_K), a, vsub(vset1(1.0f), D));   /* 1 - D exact, D >= 1 */
    Dl = vfma(vset1(VACT_NQ_K), al, Dl);
    g.th = vdiv(vset1(1.0f), D);
    g.rt = vfnma(g.th, Dl, vfnma(g.th, D, vset1(1.0f)));   /* t = th (1 + rt) */
    V v = vsub(g.th, vset1(VACT_NQ_TC));
    /* S(v) - S0 by Horner, coefficients c12..c1 (scripts/fitpoly.py gelu,
     * v = t - tc over t in [1/(1 + 14.6 k), 1]) */
    V S = vfma(vset1(0x1.6e63f4p-3f), v, vset1(-0x1.4a9036p-2f));
    S = vfma(S, v, vset1(0x1.c17b46p-4f));
    S = vfma(S, v, vset1(0x1.42f52ap-3f));
    S = vfma(S, v, vset1(-0x1.d4939p-3f));
    S = vfma(S, v, vset1(0x1.2ea232p-3f));
    S = vfma(S, v, vset1(0x1.de1c58p-8f));
    S = vfma(S, v, vset1(-0x1.2c2b46p-3f));
    S = vfma(S, v, vset1(0x1.5aae2cp-3f));
    S = vfma(S, v, vset1(-0x1.eb9634p-6f));
    S = vfma(S, v, vset1(-0x1.873a46p-3f));
    S = vfma(S, v, vset1(0x1.ccadc8p-3f));
    V sv = vmul(S, v);                                     /* last step: S + Sl */
    g.S = vadd(vset1(VACT_NQ_S0), sv);                     /* |sv| < 0.11 */
    g.Sl = vadd(vsub(vset1(VACT_NQ_S0), g.S), sv);         /* sv's rounding dropped */
    /* e^(-a^2/2), a^2 = hi + lo */
    V b = vmul(a, vset1(-0.5f));                           /* exact but for a < 2^-125 */
    V ah = vmul(a, b);                                     /* -a^2/2 = ah + ahl */
    V ahl = vfnma(a, al, vfms(a, b, ah));
    vexp_round_(ah, 1.0f, VACT_MAGIC, &g.n);               /* exp.h's reduction, */
    V r1 = vexp_r1_(ah, g.n, 1.0f);                        /* its exact first step; */
    g.rl = vfma(g.n, vset1(-VACT_LN2_LO), ahl);            /* the low parts: |rl| < 2^-17, e^rl = 1 + rl */
    g.s = vexp_s(r1);                                      /* e^(r1 + rl) = (1 + s)(1 + rl) */
    return g;
}

/* Q(a) 2^-n = W = Wh + Wl (t S p, one rounding in Wh): P1 = th S, Wh = P1 + P1 s
 * (one fma; its error P1 s + (P1 - Wh) is exact to 2^-24 relative: P1 - Wh
 * is exact, Wh/P1 in [0.7, 1.42]), the lo parts of t, S, p and th S added */
static inline V vnormq_w(vnormq_t g, V *Wl) {
    V P1 = vmul(g.th, g.S);
    V E1 = vfma(g.th, g.Sl, vfms(g.th, g.S, P1));         /* t S = P1 + E1 + P1 rt */
    V Wh = vfma(P1, g.s, P1);
    V L = vfma(P1, g.s, vsub(P1, Wh));
    L = vfma(Wh, vadd(g.rt, g.rl), L);
    *Wl = vfma(E1, g.s, vadd(L, E1));
    return Wh;
}

/* erfc(z) for every float z (NaN kept): 2 Q(z sqrt2) for z >= 0, 2 - 2 Q(-z sqrt2)
 * below, z sqrt2 carried as hi + lo. */
static inline V verfc(V z) {
    V az = vabs(z);
    V a = vmul(az, vset1(VACT_NQ_SQRT2_HI));
    V al = vfms(az, vset1(VACT_NQ_SQRT2_HI), a);
    al = vfma(az, vset1(VACT_NQ_SQRT2_LO), al);
    M big = vgt(a, vset1(VACT_NQ_AMAX));
    a = vsel(big, vset1(VACT_NQ_AMAX), a);                 /* NaN kept */
    vnormq_t g = vnormq_parts(a, vsel(big, vzero(), al));
    V Wl, Wh = vnormq_w(g, &Wl);
    V q = vscale2n(vmul(vadd(Wh, Wl), vset1(2.0f)), g.n);
    return vsel(vlt(z, vzero()), vsub(vset1(2.0f), q), q);
}

#endif
