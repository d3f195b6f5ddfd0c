/* The fast tier's tanh pieces (f_tanh.h, and the functions built on tanh).
 *
 * tanh(|x|) = (1 - E)/(1 + E), E = e^(-2|x|) = 2^n e^r, written as
 *   tanh(|x|) = N/D,  N = (2^-n - 1) - rh s,  D = 2^(1-n) - N,
 * (numerator and denominator divided by 2^n, e^r = 1 + rh s):
 *   -|x| clamped to -9.02 (tanh = 1 in float beyond 9.0109; NaN kept),
 *   m = -n = round(2|x| log2 e) in [0, 26] by the magic-bias sum, whose bits
 *   shifted give 2^-n directly (2^-n - 1 exact),
 *   rh = -|x| + m ln2/2 in one FMA (one Cody-Waite step: |m| <= 26 and the
 *   rounding error of ln2/2 moves e^r by < 2^-30 relative, and N/D is the
 *   more insensitive to it the larger m is),
 *   s = (e^(2 rh) - 1)/rh = 2 + 4 rh q(2 rh), q the degree-4 expm1 fit of
 *   math/expm1.h (vexpm1_q, 2^-25.7 relative to e^r - 1) with coefficient j
 *   times 2^(j+2): so for m = 0, N = -rh s keeps full relative precision
 *   near x = 0, where 1 - e^(-2|x|) would cancel;
 *   one IEEE division (cheaper than an estimate, Newton and a residual
 *   correction on the targets measured), the sign of x or-ed back (-0 kept).
 * 15 ops + 1 division, one path for every x; 2.55 ULP (a stride-7 sweep of
 * all floats). */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_FAST_TANH_FAST_H
#define VACT_FAST_TANH_FAST_H
#include "../math/exp.h"

#define VACT_FT_NCLAMP -9.02f
#define VACT_FT_LN2H 0x1.62e430p-2f /* ln2/2 rounded */

/* s = (e^(2 rh) - 1)/rh for |rh| <= ~0.18: 2 + 4 rh q(2 rh) */
static inline V vft_expm1_2(V rh) {
    V q = vfma(vset1(64.0f * 0x1.6beb2ep-10f), rh, vset1(32.0f * 0x1.122dp-7f));
    q = vfma(q, rh, vset1(16.0f * 0x1.55568p-5f));
    q = vfma(q, rh, vset1(8.0f * 0x1.5554aap-3f));
    q = vfma(q, rh, vset1(4.0f * 0x1.fffffep-2f));
    return vfma(q, rh, vset1(2.0f));
}
/* e^(2 xc) = 2^n (1 + rh s) for xc in [-64, 0] (NaN kept): returns rh, *s,
 * and the magic-bias sum *tm of -n + 127 + bias (its bits shifted left by 23
 * are 2^(bias - n), bias a small integer) */
static inline V vft_exp2_parts(V xc, float bias, V *s, V *tm) {
    *tm = vfma(xc, vset1(-2.0f * VACT_LOG2E), vset1(VACT_MAGIC_B + bias));
    V m = vsub(*tm, vset1(VACT_MAGIC_B + bias));           /* -n */
    V rh = vfma(m, vset1(VACT_FT_LN2H), xc);
    *s = vft_expm1_2(rh);
    return rh;
}
/* tanh(x) for every float x (NaN kept, sign of zero kept) */
static inline V vft_tanh(V x) {
    V xc = vmax(vset1(VACT_FT_NCLAMP), vor(x, vset1(-0.0f))); /* -min(|x|, 9.02) */
    V s, tm, rh = vft_exp2_parts(xc, 0.0f, &s, &tm);
    V pi = vasf(vishl(vasi(tm), 23));                     /* 2^-n */
    V N = vfnma(rh, s, vsub(pi, vset1(1.0f)));
    V D = vfms(vset1(2.0f), pi, N);
    return vor(vdiv(N, D), vand(x, vset1(-0.0f)));         /* N/D >= +0 */
}

#endif
