/* The fast tier's tanh pieces (f_tanh.h, and the functions built on tanh).
 *
 * tanh(x) = (e^(2x) - 1)/(e^(2x) + 1), e^(2x) = 2^n e^r, over 2^n:
 *   tanh(x) = N/D,  N = rh s - (2^-n - 1),  D = N + 2 2^-n,
 * (e^r = 1 + rh s) on x itself, no sign split:
 *   x clamped to +-9.02 (|tanh| = 1 in float beyond 9.0109; NaN kept; -0
 *   kept): vclampabs, two ops on every ISA (AVX-512's one-op vrangeps clamp
 *   would turn a NaN into +-9.02),
 *   n = round(2x log2 e) in [-26, 26] by the magic-bias sum, whose bits
 *   shifted give 2^-n directly (2^-n - 1: +0 for n = 0, exact for
 *   |n| <= 24; for n = -25, -26 and for n = 25, 26 it rounds, an error of the
 *   size of N's own rounding, inside the measured bound),
 *   rh = x - n ln2/2 in one FMA (one Cody-Waite step: |n| <= 26 and the
 *   rounding error of ln2/2 moves e^r by < 2^-30 relative, and N/D is the
 *   more insensitive to it the larger |n| is),
 *   s = (e^(2 rh) - 1)/rh = 2 + 4 rh q(2 rh), q the degree-4 expm1 fit of
 *   math/expm1.h (vexpm1_q, 2^-25.7 relative to e^r - 1) with coefficient j
 *   times 2^(j+2): so for n = 0, N = rh s keeps full relative precision
 *   near x = 0, where e^(2x) - 1 would cancel (and x = -0 gives -0: rh = -0
 *   from the FNMA with n = +0, N = -0 - (+0));
 *   one IEEE division (cheaper than an estimate, Newton and a residual
 *   correction on the targets measured).
 * 14 ops + 1 division on every ISA, one path for every x. (Measured on the
 * Zen 5 target, 2026-12: D = N + (pi + pi), the same bits with one FMA
 * fewer, Estrin for s, or an unroll of 2 or 8 give no speed; AVX-512's rcp14 +
 * a residual step instead of the division is 20% slower. Its two stages
 * under the driver's software-pipelined loop, the same ops and bits: 9-12%
 * faster in a standalone loop on both ISAs, 2026-12-06.) */
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
/* e^(2 rh) for |rh| <= ~0.18 directly, degree 5 (the backward, where e^r
 * need not keep relative precision near rh = 0): 1 + rh (2 + rh (...)),
 * near-minimax for the relative error (Lawson, as scripts/fitpoly.py, on
 * |rh| <= 1.01 ln2/4: 2^-23.2); 5 FMAs, one fewer than 1 + rh
 * vft_expm1_2(rh) */
static inline V vft_exp_2(V rh) {
    V q = vfma(vset1(0x1.0fa108p-2f), rh, vset1(0x1.57440ep-1f));
    q = vfma(q, rh, vset1(0x1.555aa0p+0f));
    q = vfma(q, rh, vset1(0x1.fffdaep+0f));
    q = vfma(q, rh, vset1(0x1.fffff6p+0f));
    return vfma(q, rh, vset1(1.0f));
}
/* tanh(x) for every float x (NaN kept, sign of zero kept), on x itself
 * clamped to +-9.02: e^(2 xc) = 2^n (1 + rh s), pi = 2^-n,
 *   tanh = (e^r - pi)/(e^r + pi),  N = rh s - (pi - 1),  D = N + 2 pi
 * (n = 0: pi - 1 = +0 exact, N = rh s keeps its relative precision and the
 * sign of -0; n < 0: 1 - pi = 1 - 2^|n|, exact for |n| <= 24) */
/* in two stages (f_tanh.h's kf1_tanh / kf2_tanh for the driver's
 * software-pipelined loop): the reduction, then the rest; vft_tanh is both */
typedef struct {
    V rh, pi;
} vact_ft_s;
static inline vact_ft_s vft_tanh1(V x) {
    V xc = vclampabs(x, -VACT_FT_NCLAMP);                 /* NaN kept */
    V tm = vfma(xc, vset1(-2.0f * VACT_LOG2E), vset1(VACT_MAGIC_B)); /* -n + 127 + magic */
    V n = vsub(vset1(VACT_MAGIC_B), tm);                  /* +0 for x = +-0 */
    vact_ft_s st;
    st.rh = vfnma(n, vset1(VACT_FT_LN2H), xc);            /* xc - n ln2/2: -0 kept */
    st.pi = vpow2_t(tm); /* 2^-n */
    return st;
}
static inline V vft_tanh2(vact_ft_s st) {
    V s = vft_expm1_2(st.rh);
    V N = vfms(st.rh, s, vsub(st.pi, vset1(1.0f)));
    V D = vfma(vset1(2.0f), st.pi, N);
    return vdiv(N, D);
}
static inline V vft_tanh(V x) { return vft_tanh2(vft_tanh1(x)); }

#endif
