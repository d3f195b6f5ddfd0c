/* gelu(x) = x Phi(x) = max(x, 0) - Z, Z = |x| Q(|x|), Q(a) = erfc(a/sqrt2)/2
 * the upper normal tail (x < 0: -Z, no 1 - erf cancellation; x >= 0:
 * x - x Q with Phi = 1 - Q >= 1/2, so Z's error weighs at most 1 in ULP).
 * Forward, no division: with a = |x| clamped to 14.6 (beyond which gelu = x
 * or 0 in float; NaN -> 14.6, its own NaN from max(x, 0)),
 *   Q(a) = e^T, T = -a^2/2 + L(a), L(a) = log Q(a) + a^2/2 in [-3.6, -ln2].
 * 8 bins k = round(a/2) (2k = (a + 1.5 2^24) - 1.5 2^24, whose low bits
 * index vlut8: one permute on every ISA), v = a - 2k exact (in [-1, 1]; bin
 * 0 [0, 1]), and -a^2/2 = -2k^2 - 2kv - v^2/2 with 2kv EXACT (2k <= 14 times
 * v, a multiple of ulp(a) with |v| <= 1: at most 24 bits in every bin), so
 * that no hi + lo of a^2 is needed: -2k^2, -v^2/2 and L go into per-bin
 * tables (scripts/gen_gelu_tables.py), Ch + Pt(v), Pt of degree 6 with
 * float coefficients (< 2^-25.4 absolute, bin 1), Ch a multiple of 2^-20
 * (in bin 0, where no 2kv takes the slope, Ch is the middle of the range).
 * With C = ln2 rounded to a multiple of 2^-20 and lambda = C/ln2, the tables
 * fit lambda T + 2kv + 64 C, so that with m = n + 64 (n = round(Te log2 e)
 * by the magic-bias sum tt, from the degree-2 estimate Te = (Ch + c0) +
 * ((c1 - 2k) + c2 v) v of T, which does not wait for Pt's Horner chain)
 *   rho = ((Ch - m C) - 2kv) + Pt = lambda (T - n ln2)
 * where Ch - m C (a multiple of 2^-20 below 16) and its difference with 2kv
 * (of 2^-22 below 2) are exact: no ln2 lo part (it is lambda, taken by the
 * tables and by the exponential), rho rounds twice (Pt, |Pt| < 0.83: 2^-25;
 * the sum, |rho| < 0.39: 2^-26) besides the fit. rho's range is ln2/2
 * widened by the estimate's error Pt - (c0 + c1 v + c2 v^2), in [-0.032,
 * 0.012] (bin 0 and bin 1), so q is fitted on [-0.382, 0.362].
 * e^(rho/lambda) - 1 =
 * s = rho + rho (delta + rho q(rho)) (1 + delta = 1/lambda, q of degree 4,
 * gen_gelu_tables.py: 2^-27.4), Zb = As + As s by one fma from As = a
 * 2^(n+64), exact (a in [0, 14.6], n + 64 in [-96, 63]: normal or 0; by
 * vscale2n_t_, 2^(n+64) from the bits of tt where there is no scalef) and
 * off the chain, Zb normal (a Q(a) 2^64 > 2^-94), so it rounds as (a + a s)
 * then scaled would, where a (1 + s) >= 2^-126; and gelu = max(x, 0) - Zb
 * 2^-64 by one fma, which rounds once (a subnormal result included), the
 * same bits everywhere.
 * Budget (relative errors before Zb's rounding, x < 0): fit 2^-25.4, Pt
 * 2^-25 (where |Pt| >= 1/2: v near +-1 in bins 1 to 6; the old hi + lo form
 * rounded v P without -v^2/2 there, 2^-27 from bin 2 on), rho 2^-26,
 * exponential 2^-27.4, s's rounding 2^-26 / (1 + s), then Zb 0.5 ULP (x >= 0:
 * Z's errors weigh Z/gelu <= 1, and the last rounding): exhaustive max 1.834
 * ULP at x = -10.96 (AVX-512 and AVX2; n from T2 = (Ch - 2kv) + Pt, the
 * form before: 1.818 at x = -4.959; the hi + lo form: 1.650). 38 ops per
 * AVX-512 vector and 39 on AVX2 (scripts/kernel_ops.py; n from T2: 36, 37;
 * the hi + lo form: 42, 45).
 * Speed. On the Zen 5 measured (independent zmm ops, 2026-12-06): FMAs and
 * multiplies issue on two pipes; adds, min/max, shifts, rounding and
 * vscalefps (one per cycle) on the two others; vpermps on one of each; logic
 * on all four. Of the 38 ops, 20 are FMAs (19 with Te's c1 - 2k as a
 * subtraction, not an fma): 10 cycles per vector at best, yet the kernel
 * took about 15.5: its chain of dependent ops (about 70 cycles from x to
 * the result) fills the scheduler before the FMA pipes do. Hence the two
 * stages (k1_gelu up to rho, As and max(x, 0); k2_gelu the exponential and
 * the result) and the driver's software-pipelined loop, which runs stage 1
 * of the next two vectors next to stage 2 of these two (VACT_STAGES):
 * +14% on both ISAs (vact_bench 4096, max of 30 short runs, 2026-12-06:
 * 0.65x Eigen on AVX-512, 0.62x on AVX2, were 0.57x and 0.56x). Before it,
 * n from Te instead of T2 (+7-8%: the chain from v to rho is 29 cycles
 * instead of 45), and As off the chain (one scaling less on it, 1-2%). Not
 * kept: Pt by Estrin's scheme (its extra roundings: 2.04-2.14 ULP in bins
 * 0 and 1), q by Estrin's (1.834 ULP too, but an FMA-pipe op more and 2-5%
 * slower; so was s = rho (1 + delta) + rho^2 q); rho from X = Ch - 2kv with
 * its exact error by a fast two-sum (2 ops more, no faster); the final fma
 * as max(x, 0) - scalef(p, n) on AVX-512 (no faster); GCC's
 * pre-register-allocation scheduler (-fschedule-insns -fsched-pressure):
 * +3-7% here, but 10-30% slower for a dozen other kernels when set for the
 * whole object, and the per-function optimize attribute is fragile.
 * gelu'(x) = Phi(x) + x phi(x) = E(a) for x < 0 and 1 - E(a) for x >= 0,
 * E(a) = Q(a) - a phi(a) (E(7) ~ 2^-33.9): math/pw8sym.h's 8 pieces of
 * degree 9, no exponential and no division, 27 ops per vector (the form
 * before, Q(a) in parts from erfc.h with a division, a degree-12
 * polynomial, e^(-a^2/2) and hi + lo corrections: 56 on AVX-512, 41 on
 * AVX2; 3.1-3.5x slower). The error is the evaluation's (the fit alone:
 * 0.02 ULP), largest in piece 1 near the root x ~ -0.75 where the floor
 * makes the bound absolute: exhaustive 2.004 ULP at x = -0.514 (degree 8:
 * 2.33 on the fit's grid). */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_F_GELU_H
#define VACT_F_GELU_H
#include "../../common/vact_internal.h" /* vact_params */
#include "../math/erfc.h" /* VACT_NQ_AMAX, exp.h */
#include "../math/pw8sym.h"

/* the tables (scripts/gen_gelu_tables.py): C, delta, q, and per bin k Ch
 * and Pt's coefficients, vact_gelu_c[j] = c_j */
#define VACT_GELU_C 0x1.62e42p-1f /* ln2 rounded to a multiple of 2^-20 */
#define VACT_GELU_DELTA 0x1.6fdadep-21f /* ln2/VACT_GELU_C - 1 */
#define VACT_GELU_Q0 0x1.000012p-1f
#define VACT_GELU_Q1 0x1.55548cp-3f
#define VACT_GELU_Q2 0x1.555e6ap-5f
#define VACT_GELU_Q3 0x1.125eacp-7f
#define VACT_GELU_Q4 0x1.665572p-10f
#define VACT_GELU_D 6
static const float vact_gelu_ch[8] = {0x1.58c124p+5f, 0x1.44a02cp+5f, 0x1.1002a6p+5f, 0x1.79fe8p+4f, 0x1.2b229ep+3f, -0x1.1bd5e4p+3f, -0x1.f0c9a8p+4f, -0x1.c99cd4p+5f};
static const float vact_gelu_c[VACT_GELU_D + 1][8] = {
    {0x1.25daep-1f, -0x1.929fb4p-20f, 0x1.aa828p-20f, 0x1.52652ep-21f, 0x1.171ce2p-22f, 0x1.7c95ap-23f, 0x1.4dd962p-22f, 0x1.349ecap-21f},
    {-0x1.98844ep-1f, -0x1.7e2bd4p-2f, -0x1.ce09a6p-3f, -0x1.449052p-3f, -0x1.f119dcp-4f, -0x1.91c2f4p-4f, -0x1.50b722p-4f, -0x1.219eb4p-4f},
    {-0x1.45f148p-2f, -0x1.c57d2ap-2f, -0x1.e81a68p-2f, -0x1.f3b7cep-2f, -0x1.f8aa52p-2f, -0x1.fb29e2p-2f, -0x1.fc959p-2f, -0x1.fd76d2p-2f},
    {-0x1.29fcf6p-5f, -0x1.441e76p-7f, -0x1.85fbe2p-9f, -0x1.2fc6d2p-10f, -0x1.1fa198p-11f, -0x1.38343ep-12f, -0x1.757a9ep-13f, -0x1.e02796p-14f},
    {0x1.41312p-8f, 0x1.aebd1ap-10f, 0x1.9f3e44p-12f, 0x1.fa9b8p-14f, 0x1.82507p-15f, 0x1.5b80d4p-16f, 0x1.618f4ap-17f, 0x1.8be99p-18f},
    {-0x1.368472p-13f, -0x1.01271p-12f, -0x1.c0c9b8p-15f, -0x1.b83352p-17f, -0x1.11a184p-18f, -0x1.97271ap-20f, -0x1.692b94p-21f, -0x1.64297ap-22f},
    {-0x1.0a440cp-14f, 0x1.d3019ap-16f, 0x1.c387a4p-18f, 0x1.779e7ap-20f, 0x1.82075cp-22f, 0x1.1b52d2p-23f, 0x1.f73b4ep-25f, 0x1.8a3014p-27f},
};

/* in two stages for the driver's software-pipelined loop (VACT_STAGES) */
#define VACT_STAGES_gelu ~, 1
typedef struct {
    V rho, As, r0;
} vact_gelu_s;
static inline vact_gelu_s k1_gelu(V x, const vact_params *p) {
    (void)p;
    V a = vmin(vabs(x), vset1(VACT_NQ_AMAX));              /* NaN -> 14.6 */
    V u = vadd(a, vset1(0x1.8p24f));                        /* 2 round(a/2) + 1.5 2^24 */
    V k2 = vsub(u, vset1(0x1.8p24f));                       /* 2k */
    V v = vsub(a, k2);                                      /* exact */
    V Pt = vhorner_lut8(vact_gelu_c, VACT_GELU_D, u, v);   /* math/pw8sym.h */
    V ch = vlut8(vact_gelu_ch, u);
    /* Te = (ch + c0) + ((c1 - 2k) + c2 v) v; c0..c2 are Pt's own lookups
     * (the compiler shares them) */
    V p12 = vfma(vlut8(vact_gelu_c[2], u), v, vsub(vlut8(vact_gelu_c[1], u), k2));
    V Te = vfma(p12, v, vadd(ch, vlut8(vact_gelu_c[0], u))); /* T to degree 2 */
    V tt = vfma(Te, vset1(VACT_LOG2E), vset1(VACT_MAGIC_B));
    V m = vsub(tt, vset1(VACT_MAGIC_B));                    /* n + 64 */
    V r1 = vfnma(k2, v, vfma(m, vset1(-VACT_GELU_C), ch)); /* both exact */
    vact_gelu_s st;
    st.rho = vadd(r1, Pt);                                  /* lambda (T - n ln2) */
    st.As = vscale2n_t_(a, m, tt);                          /* a 2^(n+64), exact */
    st.r0 = vmax(vzero(), x);                               /* -0, NaN: x's own */
    return st;
}
static inline V k2_gelu(vact_gelu_s st, const vact_params *p) {
    (void)p;
    V rho = st.rho;
    V q = vfma(vset1(VACT_GELU_Q4), rho, vset1(VACT_GELU_Q3));
    q = vfma(q, rho, vset1(VACT_GELU_Q2));
    q = vfma(q, rho, vset1(VACT_GELU_Q1));
    q = vfma(q, rho, vset1(VACT_GELU_Q0));
    V s = vfma(rho, vfma(rho, q, vset1(VACT_GELU_DELTA)), rho); /* e^(rho/lambda) - 1 */
    V Zb = vfma(st.As, s, st.As);                           /* |x| Q(|x|) 2^64 */
    return vfma(Zb, vset1(-0x1p-64f), st.r0);
}
static inline V k_gelu(V x, const vact_params *p) { return k2_gelu(k1_gelu(x, p), p); }

/* the backward's table (scripts/fit_gelu_bwd.py 9): vact_gelu_b[j][k] = c_j
 * of piece k */
static const float vact_gelu_b[VACT_PW8_DEG + 1][8] = {
    {0x1p-1f, -0x1.55429ap-4f, -0x1.5d1c06p-4f, -0x1.876f5ap-7f,
     -0x1.080eb4p-11f, -0x1.df9f96p-18f, -0x1.30accp-25f, 0x0p+0f},
    {-0x1.988454p-1f, -0x1.ef8e58p-3f, 0x1.ba4b44p-4f, 0x1.fc47a2p-6f,
     0x1.eb28b8p-10f, 0x1.1ed83ap-15f, 0x1.bba0b4p-23f, 0x1.61704ap-26f},
    {0x1.79b678p-20f, 0x1.73aab8p-2f, 0x1.34ac6cp-22f, -0x1.104af4p-5f,
     -0x1.a4fe68p-9f, -0x1.4760b2p-14f, -0x1.39232p-21f, 0x1.1f8704p-20f},
    {0x1.105062p-2f, -0x1.4a5f5p-4f, -0x1.26dcf6p-4f, 0x1.0a3e1p-6f,
     0x1.b0b01ep-9f, 0x1.d7d7p-14f, 0x1.1cdfaap-20f, 0x1.714612p-16f},
    {0x1.4253b2p-12f, -0x1.4a5b76p-4f, 0x1.708834p-5f, 0x1.7550dp-30f,
     -0x1.1e80fp-9f, -0x1.de0d92p-14f, -0x1.767e3cp-20f, 0x1.da8132p-13f},
    {-0x1.f89302p-5f, 0x1.29619ep-5f, -0x1.6190fap-9f, -0x1.3100bcp-8f,
     0x1.d2990cp-11f, 0x1.6598dap-14f, 0x1.791754p-20f, 0x1.569d02p-10f},
    {0x1.7df28cp-8f, 0x1.1db0ccp-7f, -0x1.fcd8dap-8f, 0x1.4e194ap-9f,
     -0x1.1f88d4p-13f, -0x1.9179e8p-15f, -0x1.2b32e4p-20f, 0x1.22a4cp-8f},
    {-0x1.ca062ep-10f, -0x1.d374cap-8f, 0x1.6b1458p-9f, -0x1.7ff378p-12f,
     -0x1.4b0326p-14f, 0x1.4a7b26p-16f, 0x1.83e1d2p-21f, 0x1.1f685ap-7f},
    {0x1.7d2118p-7f, -0x1.185de8p-12f, 0x1.4a7476p-12f, -0x1.dc5abp-13f,
     0x1.06b508p-14f, -0x1.52df46p-18f, -0x1.bf492ap-22f, 0x1.32882ap-7f},
    {-0x1.8f52d4p-8f, 0x1.e15902p-11f, -0x1.9233f8p-12f, 0x1.dd87f6p-14f,
     -0x1.25b84ep-16f, 0x1.1a5326p-22f, 0x1.734e08p-23f, 0x1.10727p-8f},
};

static inline V kb_gelu(V x, V dy, const vact_params *p) {
    (void)p;
    return vmul(dy, vpw8_sym(x, vact_gelu_b, VACT_PW8_DEG));
}

#endif
