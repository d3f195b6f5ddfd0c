/* The fast tier's gelu(x) = x Phi(x) and gelu'(x) = Phi(x) + x phi(x), as
 * piecewise polynomials whose coefficients come per lane from small tables
 * (vlut32: one vpermt2ps on AVX-512, VACT_LUT32; vlut16: one vpermps on
 * AVX-512, one TBL on NEON; vlut8 on AVX2, where a 16-entry lookup costs two
 * permutes and a blend, VACT_LUT16_SLOW): no exp, no division. Tables:
 * scripts/fit_fgelu.py (modes fwd32, fwd16, fwd8, bwd), fitted
 * near-minimax and tuned against these kernels' own float evaluation.
 *
 * Forward. With a = min(|x|, AMAX) and g(a) = a Q(a), Q(a) = Phi(-a) the
 * upper normal tail:
 *   gelu(x) = max(x, 0) - g(a)    (x < 0: -g, no 1 - Q cancellation;
 *                                  x >= 0: x - x Q(x), Q <= 1/2)
 * g on [0, AMAX] in N pieces, in piece i a degree-D polynomial in u = a - c_i
 * (c_i and the coefficients from the tables) by Estrin's scheme: u2 = u u,
 * the pairs p_2j + p_2j+1 u, then Horner in u2 over the pairs. One multiply
 * more than Horner, about half its dependent chain: +4-10% on AVX-512, +2-10%
 * on AVX2 (vact_bench, 4096, A/B in one session; rows move 5-10% between
 * runs on the 2-core machine; the tables were tuned under Horner, and
 * retuning under this order finds no float step that lowers a piece's max:
 * 2.86, 1.47, 2.67 ULP on the fit's grid for the 32-, 16- and 8-piece
 * sets, were 2.39, 1.35, 2.43). The piece is the low
 * bits of the magic-bias sum t = fma(min(a, A1), a + K, 1.5 2^23 DS), i.e.
 * round(s / DS) mod N with s = min(a, A1)(a + K): pieces narrow as a grows
 * (g's log-slope is about -a, and its relative accuracy is what counts), and
 * widen again past A1 (6.2 or 6.5; a set with A1 = AMAX skips the min), well into the tail where |gelu| < 2^-20
 * (a > 5.2) and the bound is absolute. c_i is the point of the piece (its middle to its upper end)
 * where the float evaluation errs least: with u <= 0 the terms of the
 * e^(-c u)-like sum share their sign and its roundings do not grow, the
 * middle halves |u|. The first piece has c = 0 and P(0) = 0 (relative
 * accuracy as a -> 0; gelu(-0) = -0); the last has c = AMAX and P(0) = 0, so
 * g = 0 exactly at the clamp: gelu(+-inf) = +inf, 0 as the accurate tier;
 * beyond it the error is g(|x|) <= g(7.6) ~ 2^-43 (1 ULP of 2^-20).
 *   32 pieces of degree 5 (AVX-512; AMAX = 7.6, A1 = 6.2, DS = 4): max 2.88
 *   ULP over every float; 16 pieces of degree 7 (NEON, scalar; A1 = 6.5,
 *   DS = 8): 1.47 on the fit's grid; 8 pieces of degree 9 (AVX2; A1 = AMAX,
 *   DS = 16): 2.80 over every float. (Degree 6 in 16 pieces or 8 in 8
 *   misses: 2^-21.7 and 2^-22.8 relative at best for the approximation
 *   alone; 8 in 8 pieces with DS = 16: 4.1 ULP (DS = 14, 18, 22 are no
 *   sets: DS must be a power of two, the magic sum rounds s to a multiple
 *   of ulp(1.5 2^23 DS), 16 for 14 and 18, 32 for 22), with A1 = 6.0,
 *   6.25, 6.4, 6.5: 20, 4.0, 4.8, 4.2 on the grid (AMAX = 7.5, A1 = 6.25:
 *   3.6, and no gain over degree 9 on AVX2 beyond the noise); 32 pieces of
 *   degree 5 with A1 = 6.5: 3.8, 5.9: 15.6. Not shipped either: P ~ sqrt(Q)
 *   with gelu = max(x, 0) - (a P) P, half the log-slope, about 8 bits more
 *   at the same degree, but its three roundings (P counts twice) leave
 *   about 3 ULP before any approximation error: 8 pieces of degree 7 at
 *   3.0-6.4 ULP per piece;
 *   s = a min(a, A1) (K = 0, no add): the first piece spans [0, 1.4] or
 *   more, 15 ULP at degree 8.)
 * Ops per vector: abs-min (AVX-512: one vrangeps), min (unless A1 = AMAX),
 *   add, fma (t), D + 2 lookups (c and the coefficients), sub (u), mul
 *   (u2), D fma, max, sub. AVX-512: 20 per 16 lanes (7 vpermt2ps, 6 FMAs
 *   and a multiply; 25 with 16 pieces of degree 7); Eigen's rational erf
 *   (wrong below x ~ -4 in relative terms): 19 per 16 lanes (15 multiplies
 *   and FMAs, a min, a max, an add) and a division. AVX2: 28 per 8 lanes
 *   (11 vpermps, 10 FMAs, a multiply), Eigen 19 and a division. On the
 *   Zen 5 measured (independent ops, 2026-12-05/06): FMAs and multiplies
 *   issue on two pipes, vpermps on two (one shared with the FMAs, one with
 *   the adds), add/sub/min/max/shifts on the two add pipes, logic on all
 *   four: Eigen is bound by its 15 on the FMA pipes (7.5 cycles), vact's 22
 *   FMAs and permutes need three pipes (7.3). Unrolled 4 in one loop, the
 *   kernel stayed at 0.9-1.0x Eigen on AVX2: its dependent chain (about 36
 *   cycles) kept the scheduler full. In two stages (kf1_gelu: the piece and
 *   u; kf2_gelu: the lookups and the polynomial) under the driver's
 *   software-pipelined loop (VACT_STAGES_FAST), the same ops and bits: 1.11x
 *   Eigen on AVX2 (was 0.96x) and 1.34x on AVX-512 (was 1.26x), vact_bench
 *   4096, max of 30 short runs in one A/B session, 2026-12-06. Earlier
 *   (standalone loop, 2026-12-05): Horner (27 ops, a chain 16 cycles
 *   longer) took 8% more time than Estrin, Estrin with u^4 (29 ops, 4
 *   cycles shorter) 5% more; degree 8 by Estrin (26 ops) 6% less, but no
 *   degree-8 set holds 4 ULP (above). Not shipped either (2026-12-05): p_9
 *   packed into the low 16 bits of c's entries (c = the entry, p_9 = the
 *   entry << 16, one vpslld for one vpermps, p_9 at 8 bits with p_0..p_8
 *   refitted around it; AMAX = 7.625, whose low bits are 0, the end pieces'
 *   p_9 = 0): 2.97 ULP over every float, but no faster (0.89-0.95x Eigen,
 *   as the shipped set in the same A/B session, load 5).
 * NaN: max(x, 0) keeps it (vmax with the NaN second), whatever g is (a is
 *   NaN, or AMAX with AVX-512's one-vrangeps vabsmin).
 *
 * Backward. gelu'(x) on [-7, 6] (x clamped there, NaN kept) in 16 pieces of
 * width 1 around the integers: t = x + 1.5 2^23, u = x - (t - 1.5 2^23)
 * exactly, d = P_i(u) of degree 8 (vlut16 on every ISA), dx = dy d. The
 * bound is absolute near d's root (x ~ -0.75) and in the tails: ulp of
 * max(|d|, 1/16); |gelu'(-7)| < 2^-33 and |1 - gelu'(6)| < 2^-24, so the end
 * pieces have P(0) = 0 at -7 and 1 at 6: gelu'(-inf) = 0 and gelu'(+inf) = 1
 * exactly, as the accurate tier. Max 2.37 ULP over every float (dy = 1),
 * about 5 with any dy (dy's mantissa can double it; degree 7: 3.2, 6.6).
 * Ops: max, min, add, 2 sub, 9 lookups, 8 fma, mul: 22 per vector (18 on the
 * FMA and permute ports); AVX2's vlut16 adds a permute and a blend each
 * (43 ops), so AVX2 (VACT_LUT16_SLOW) takes the accurate tier's kernel
 * instead (elementwise/f_gelu.h: 8 pieces of degree 9 by vlut8, 27 ops,
 * within the accurate bound).
 * NaN in x or dy: NaN (u is NaN; dy multiplies). */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_FAST_F_GELU_H
#define VACT_FAST_F_GELU_H
#include "../../common/vact_internal.h" /* vact_params */
#include "../math/exp.h"                /* VACT_MAGIC */
#include "../elementwise/f_gelu.h"       /* kb_gelu */

#if defined(VACT_LUT32)
/* forward, 32 pieces of degree 5 (scripts/fit_fgelu.py fwd32) */
#define VACT_FGELU32_AMAX 0x1.e66666p+2f
#define VACT_FGELU32_A1 0x1.8cccccp+2f
#define VACT_FGELU32_K 0x1.91f618p+3f
#define VACT_FGELU32_MDS 0x1.8p+25f
static const float vact_fgelu32_c[32] = {0x0p+0f, 0x1.3c6b84p-2f, 0x1.809a16p-1f, 0x1.008ebp+0f,
    0x1.459732p+0f, 0x1.6dace4p+0f, 0x1.b57478p+0f, 0x1.ee583cp+0f,
    0x1.1bf668p+1f, 0x1.3f93cp+1f, 0x1.56a192p+1f, 0x1.6d42eap+1f,
    0x1.912d3ep+1f, 0x1.a409dp+1f, 0x1.c6636ap+1f, 0x1.db0866p+1f,
    0x1.f4678cp+1f, 0x1.091d9cp+2f, 0x1.154928p+2f, 0x1.1edbdep+2f,
    0x1.297af8p+2f, 0x1.363fbap+2f, 0x1.4086cep+2f, 0x1.4bc73cp+2f,
    0x1.56dc24p+2f, 0x1.61c77p+2f, 0x1.6c8aecp+2f, 0x1.77283cp+2f,
    0x1.81a0ecp+2f, 0x1.927c5p+2f, 0x1.b2c98p+2f, 0x1.e66666p+2f};
static const float vact_fgelu32_p[6][32] = {
    {0x0p+0f, 0x1.df42eep-4f, 0x1.5c19d2p-3f, 0x1.448da4p-3f,
     0x1.08f0bap-3f, 0x1.c01662p-4f, 0x1.322bc8p-4f, 0x1.a6fdecp-5f,
     0x1.e207dap-6f, 0x1.0063e8p-6f, 0x1.45fa3cp-7f, 0x1.94322p-8f,
     0x1.61f6f6p-9f, 0x1.bc0c5ep-10f, 0x1.669d86p-11f, 0x1.915fc2p-12f,
     0x1.7b46a4p-13f, 0x1.2a884cp-14f, 0x1.0bcb92p-15f, 0x1.15d008p-16f,
     0x1.053566p-17f, 0x1.967396p-19f, 0x1.714254p-20f, 0x1.2e2962p-21f,
     0x1.e63986p-23f, 0x1.80f16cp-24f, 0x1.2c1728p-25f, 0x1.cd057cp-27f,
     0x1.5d257ap-28f, 0x1.1479e2p-30f, 0x1.48189p-35f, 0x0p+0f},
    {0x1p-1f, 0x1.0b6618p-2f, 0x1.167358p-12f, -0x1.57692ep-4f,
     -0x1.fd0822p-4f, -0x1.07e928p-3f, -0x1.d54b6cp-4f, -0x1.7b830ap-4f,
     -0x1.fe4ce6p-5f, -0x1.362166p-5f, -0x1.a98b84p-6f, -0x1.1aa0e4p-6f,
     -0x1.115a42p-7f, -0x1.67d0c4p-8f, -0x1.3b4b32p-9f, -0x1.716cfcp-10f,
     -0x1.703b6ep-11f, -0x1.338024p-12f, -0x1.20bc8cp-13f, -0x1.360b66p-14f,
     -0x1.2e75d8p-15f, -0x1.eb17a8p-17f, -0x1.cd17c4p-18f, -0x1.86ae0ep-19f,
     -0x1.44eb6ep-20f, -0x1.097deep-21f, -0x1.aa9e3ep-23f, -0x1.514cfp-24f,
     -0x1.069e0ap-25f, -0x1.b22c7ep-28f, -0x1.161942p-32f, -0x1.b58df2p-37f},
    {-0x1.988436p-2f, -0x1.72e03p-2f, -0x1.ba5c2ap-3f, -0x1.ec527cp-4f,
     -0x1.1658ap-5f, 0x1.7ca0dap-9f, 0x1.5d22c2p-5f, 0x1.b5d768p-5f,
     0x1.978cf4p-5f, 0x1.3278p-5f, 0x1.d55236p-6f, 0x1.56543p-6f,
     0x1.78639cp-7f, 0x1.06f69ep-7f, 0x1.fc8758p-9f, 0x1.3a6c48p-9f,
     0x1.4d66p-10f, 0x1.29d26cp-11f, 0x1.2661e4p-12f, 0x1.487668p-13f,
     0x1.4dbdacp-14f, 0x1.1bde88p-15f, 0x1.14408ep-16f, 0x1.e61b76p-18f,
     0x1.a2f52ap-19f, 0x1.621bc4p-20f, 0x1.25d002p-21f, 0x1.df1272p-23f,
     0x1.80179cp-24f, 0x1.4ba128p-26f, 0x1.bf8ecap-31f, -0x1.9f4b4ep-33f},
    {-0x1.be3d2ep-16f, 0x1.393fd6p-4f, 0x1.08d884p-3f, 0x1.eea48p-4f,
     0x1.6f3cbp-4f, 0x1.12d69cp-4f, 0x1.d2f76ap-6f, 0x1.619942p-8f,
     -0x1.7c5ba8p-7f, -0x1.0ce95ap-6f, -0x1.00a5cep-6f, -0x1.b736d6p-7f,
     -0x1.24b394p-7f, -0x1.bc139p-8f, -0x1.e83778p-9f, -0x1.42df5cp-9f,
     -0x1.71048cp-10f, -0x1.64ff5cp-11f, -0x1.76784ep-12f, -0x1.b4649p-13f,
     -0x1.d06114p-14f, -0x1.9fe7bcp-15f, -0x1.a5416cp-16f, -0x1.823bd4p-17f,
     -0x1.5a0e22p-18f, -0x1.2f67b2p-19f, -0x1.049a94p-20f, -0x1.b71e7ap-22f,
     -0x1.6b3d66p-23f, -0x1.4935e4p-25f, -0x1.e6966cp-30f, -0x1.352e1p-30f},
    {0x1.126baap-4f, 0x1.afc404p-5f, 0x1.110e38p-8f, -0x1.581efep-6f,
     -0x1.24fd84p-5f, -0x1.2b9facp-5f, -0x1.f40e88p-6f, -0x1.59a3d4p-6f,
     -0x1.216d34p-7f, -0x1.9bbcfp-12f, 0x1.3c7bccp-9f, 0x1.ebd584p-9f,
     0x1.ff47c8p-9f, 0x1.bd23fcp-9f, 0x1.29defep-9f, 0x1.b183f6p-10f,
     0x1.1195d6p-10f, 0x1.21cc06p-11f, 0x1.4600aap-12f, 0x1.953924p-13f,
     0x1.c779ep-14f, 0x1.b0bd4ep-15f, 0x1.cb01aep-16f, 0x1.b9030ap-17f,
     0x1.9cb096p-18f, 0x1.78da0ap-19f, 0x1.503954p-20f, 0x1.25a95p-21f,
     0x1.f6a8bcp-23f, 0x1.f4391p-25f, 0x1.da1436p-29f, -0x1.6bbc76p-29f},
    {-0x1.f4b2c4p-9f, -0x1.0c0b04p-6f, -0x1.89ca1ap-6f, -0x1.3df906p-6f,
     -0x1.38c88ep-7f, 0x1.0bfb78p-11f, 0x1.c77902p-8f, 0x1.26f1ap-7f,
     0x1.029a86p-7f, 0x1.5cc59ep-8f, 0x1.6b7458p-9f, 0x1.badd64p-11f,
     -0x1.4236c4p-12f, -0x1.905742p-11f, -0x1.beaf16p-11f, -0x1.795e4ep-11f,
     -0x1.19397cp-11f, -0x1.7c972ep-12f, -0x1.dfaae6p-13f, -0x1.1d812p-13f,
     -0x1.439a24p-14f, -0x1.5fbd18p-15f, -0x1.70dc06p-16f, -0x1.79526ap-17f,
     -0x1.729e62p-18f, -0x1.60a6a8p-19f, -0x1.493c68p-20f, -0x1.2aecap-21f,
     -0x1.094dfcp-22f, -0x1.15cf2p-24f, -0x1.1e2b8p-28f, -0x1.366beep-29f},
};
/* max 2.391 ULP on the grid */
#elif defined(VACT_LUT16_SLOW)
/* forward, 8 pieces of degree 9, A1 = AMAX (scripts/fit_fgelu.py fwd8 9 16 7.6) */
#define VACT_FGELU8_AMAX 0x1.e66666p+2f
#define VACT_FGELU8_A1 0x1.e66666p+2f
#define VACT_FGELU8_K 0x1.ea713p+2f
#define VACT_FGELU8_MDS 0x1.8p+27f
static const float vact_fgelu8_c[8] = {0x0p+0f, 0x1.0c5806p+1f, 0x1.b907f6p+1f, 0x1.17e112p+2f,
    0x1.47847p+2f, 0x1.78f7f4p+2f, 0x1.b08546p+2f, 0x1.e66666p+2f};
static const float vact_fgelu8_p[10][8] = {
    {0x0p+0f, 0x1.358176p-5f, 0x1.015ebap-10f, 0x1.c15684p-16f,
     0x1.a96906p-21f, 0x1.867b5ap-27f, 0x1.9f7618p-35f, 0x0p+0f},
    {0x1p-1f, -0x1.32b47ap-4f, -0x1.b6cc04p-9f, -0x1.e915p-14f,
     -0x1.0f741ap-18f, -0x1.1f14p-24f, -0x1.5eaacep-32f, -0x1.2f6c0cp-35f},
    {-0x1.988452p-2f, 0x1.b2b93p-5f, 0x1.550cc8p-8f, 0x1.f7ee22p-13f,
     0x1.4d0b64p-17f, 0x1.99db9cp-23f, 0x1.2178d2p-30f, -0x1.c91ce6p-30f},
    {-0x1.5ebe84p-21f, -0x1.90c9fcp-8f, -0x1.385794p-8f, -0x1.4463cep-12f,
     -0x1.0491cep-16f, -0x1.79bdf2p-22f, -0x1.370ec2p-29f, -0x1.113c9p-25f},
    {0x1.1060a8p-4f, -0x1.c2c618p-7f, 0x1.641e26p-9f, 0x1.21341ap-12f,
     0x1.229678p-16f, 0x1.f80e94p-22f, 0x1.e8b738p-29f, -0x1.468f66p-22f},
    {-0x1.9acda8p-15f, 0x1.1723ccp-7f, -0x1.c2c1b8p-11f, -0x1.7411cep-13f,
     -0x1.e845ep-17f, -0x1.02791cp-21f, -0x1.2bcf88p-28f, -0x1.b6b128p-20f},
    {-0x1.414574p-7f, -0x1.23e6bap-10f, -0x1.0c54a4p-17f, 0x1.56e14p-14f,
     0x1.3d8f18p-17f, 0x1.a4b064p-22f, 0x1.28a0fep-28f, -0x1.5a2e24p-18f},
    {-0x1.7140bep-12f, -0x1.7fe762p-11f, 0x1.6c171ap-14f, -0x1.91c45ep-16f,
     -0x1.41c7cep-18f, -0x1.17f022p-22f, -0x1.cc273ep-29f, -0x1.3e71b6p-17f},
    {0x1.ac4952p-10f, 0x1.2b758ap-11f, -0x1.e7e2bep-14f, 0x1.add678p-18f,
     0x1.fb56d4p-20f, 0x1.47aacep-23f, 0x1.50c06ap-29f, -0x1.3bf014p-17f},
    {-0x1.58753ap-12f, 0x1.464488p-13f, -0x1.4cc1d6p-16f, 0x1.44a176p-18f,
     -0x1.24588p-21f, -0x1.20a786p-24f, -0x1.3b1cc6p-29f, -0x1.0537e4p-18f},
};
/* max 2.426 ULP on the grid */
#else
/* forward, 16 pieces of degree 7 (scripts/fit_fgelu.py fwd16) */
#define VACT_FGELU16_AMAX 0x1.e66666p+2f
#define VACT_FGELU16_A1 0x1.ap+2f
#define VACT_FGELU16_K 0x1.656a56p+3f
#define VACT_FGELU16_MDS 0x1.8p+26f
static const float vact_fgelu16_c[16] = {0x0p+0f, 0x1.559f5ep-1f, 0x1.563a7cp+0f, 0x1.f27624p+0f,
    0x1.41796ap+1f, 0x1.84ffbep+1f, 0x1.b35b9cp+1f, 0x1.e00c44p+1f,
    0x1.0d7b94p+2f, 0x1.29ap+2f, 0x1.3d53ecp+2f, 0x1.5531e4p+2f,
    0x1.6c45acp+2f, 0x1.82a224p+2f, 0x1.9c7bb8p+2f, 0x1.e66666p+2f};
static const float vact_fgelu16_p[8][16] = {
    {0x0p+0f, 0x1.58c834p-3f, 0x1.f04ef2p-4f, 0x1.9ae63p-5f,
     0x1.eea974p-7f, 0x1.d8aafap-9f, 0x1.2b0ef6p-10f, 0x1.5b2fdcp-12f,
     0x1.c1acbcp-15f, 0x1.027cd8p-17f, 0x1.d95f6ap-20f, 0x1.174b54p-22f,
     0x1.33634p-25f, 0x1.3da23p-28f, 0x1.9974fp-32f, 0x0p+0f},
    {0x1p-1f, 0x1.41822ep-5f, -0x1.054faap-3f, -0x1.74747ep-4f,
     -0x1.2d227ep-5f, -0x1.615cf8p-7f, -0x1.f711b4p-9f, -0x1.43054p-10f,
     -0x1.d6f59p-13f, -0x1.2b7512p-15f, -0x1.24920ap-17f, -0x1.737324p-20f,
     -0x1.b4aa76p-23f, -0x1.df147cp-26f, -0x1.498748p-29f, -0x1.c7b812p-37f},
    {-0x1.988454p-2f, -0x1.fc686cp-3f, -0x1.1cb39ap-6f, 0x1.b7b5a6p-5f,
     0x1.2c7a56p-5f, 0x1.d2f636p-7f, 0x1.80bacp-8f, 0x1.16691ap-9f,
     0x1.d0c5d8p-12f, 0x1.4a9cdp-14f, 0x1.5abedcp-16f, 0x1.dc74dep-19f,
     0x1.2c8236p-21f, 0x1.5f5516p-24f, 0x1.02cd8p-27f, -0x1.cf646ep-33f},
    {0x1.97e196p-21f, 0x1.028714p-3f, 0x1.49acfap-4f, 0x1.0a13dep-8f,
     -0x1.0d84eap-6f, -0x1.564946p-7f, -0x1.5902bcp-8f, -0x1.225a94p-9f,
     -0x1.1cb2p-11f, -0x1.cc4478p-14f, -0x1.052a5cp-15f, -0x1.874cap-18f,
     -0x1.0a500ap-20f, -0x1.4d3b5ep-23f, -0x1.07eecp-26f, -0x1.893a14p-30f},
    {0x1.10482ep-4f, 0x1.d80afcp-7f, -0x1.2810ecp-5f, -0x1.4dedd8p-6f,
     -0x1.0aac96p-12f, 0x1.08cbe6p-8f, 0x1.7cf32cp-9f, 0x1.8d942cp-10f,
     0x1.de45bap-12f, 0x1.c1ad32p-14f, 0x1.1714cep-15f, 0x1.cc5ecep-18f,
     0x1.54748p-20f, 0x1.ca55fcp-23f, 0x1.879714p-26f, -0x1.360484p-28f},
    {0x1.1fd034p-13f, -0x1.82d9b8p-6f, -0x1.6cf9b8p-9f, 0x1.29834p-7f,
     0x1.0fd9a4p-8f, -0x1.b45e5ep-13f, -0x1.c11e78p-11f, -0x1.608f9ep-11f,
     -0x1.1cc97cp-12f, -0x1.436004p-14f, -0x1.beaa92p-16f, -0x1.9b093cp-18f,
     -0x1.4d671ep-20f, -0x1.e629aep-23f, -0x1.c3906ap-26f, -0x1.0062eap-27f},
    {-0x1.5af6b2p-7f, 0x1.3aec24p-11f, 0x1.8c9cecp-8f, -0x1.29ef2cp-13f,
     -0x1.0542fep-9f, -0x1.9385e6p-11f, -0x1.255716p-15f, 0x1.405de8p-13f,
     0x1.d4a1acp-14f, 0x1.598da6p-15f, 0x1.14dc3ep-16f, 0x1.23b042p-18f,
     0x1.07f228p-20f, 0x1.a5d02p-23f, 0x1.ba36acp-26f, -0x1.a521ap-28f},
    {0x1.636a14p-10f, 0x1.8b8d38p-9f, -0x1.1a61dap-10f, -0x1.ae2a62p-10f,
     -0x1.3c4fd8p-14f, 0x1.350458p-12f, 0x1.8f880ep-13f, 0x1.2d489ap-16f,
     -0x1.be7b5ap-16f, -0x1.3707fep-16f, -0x1.fc4cb6p-18f, -0x1.420504p-19f,
     -0x1.497cf2p-21f, -0x1.234a1ap-23f, -0x1.5051ap-26f, -0x1.1e57ccp-29f},
};
/* max 1.350 ULP on the grid */
#endif

/* backward, 16 pieces of degree 8 on [-7, 6], piece i in entry i mod 16 (scripts/fit_fgelu.py bwd) */
static const float vact_fgelu_b[9][16] = {
    {0x1p-1f, 0x1.15542ap+0f, 0x1.15d1cp+0f, 0x1.030edep+0f,
     0x1.002102p+0f, 0x1.000078p+0f, 0x1p+0f, 0x0p+0f,
     0x0p+0f, 0x0p+0f, -0x1.30acfcp-25f, -0x1.df9f92p-18f,
     -0x1.080eb6p-11f, -0x1.876f5ap-7f, -0x1.5d1c06p-4f, -0x1.55429ap-4f},
    {0x1.98845p-1f, 0x1.ef8e58p-3f, -0x1.ba4b44p-4f, -0x1.fc47a2p-6f,
     -0x1.eb28b8p-10f, -0x1.1ed838p-15f, -0x1.353256p-17f, 0x0p+0f,
     0x0p+0f, -0x1.18cadcp-26f, -0x1.bb93aap-23f, -0x1.1ed82ap-15f,
     -0x1.eb28ep-10f, -0x1.fc4792p-6f, -0x1.ba4b4cp-4f, 0x1.ef8e62p-3f},
    {0x1.1cee5p-21f, -0x1.73ab48p-2f, 0x1.393f5p-19f, 0x1.1055fcp-5f,
     0x1.a4d5ccp-9f, 0x1.4463ep-14f, -0x1.8b74d2p-12f, 0x0p+0f,
     0x0p+0f, 0x1.657e86p-21f, -0x1.39213ep-21f, -0x1.4760cap-14f,
     -0x1.a4fe5ep-9f, -0x1.104afp-5f, 0x1.0ea592p-23f, 0x1.73aacap-2f},
    {-0x1.10567cp-2f, 0x1.4a5c9p-4f, 0x1.26dd7ap-4f, -0x1.0a3e9p-6f,
     -0x1.b0af86p-9f, -0x1.d7d7eep-14f, -0x1.8bd8ecp-8f, 0x0p+0f,
     0x0p+0f, -0x1.661bf8p-17f, -0x1.1d36a2p-20f, -0x1.d7d8d8p-14f,
     -0x1.b0abe4p-9f, -0x1.0a417cp-6f, 0x1.26df36p-4f, 0x1.4a5ap-4f},
    {-0x1.baaf36p-17f, 0x1.4a82ep-4f, -0x1.70ee06p-5f, -0x1.b3bc08p-14f,
     0x1.21a5eap-9f, 0x1.0cd92p-13f, -0x1.848912p-5f, 0x0p+0f,
     0x0p+0f, 0x1.5f711p-14f, -0x1.769112p-20f, -0x1.de0bb8p-14f,
     -0x1.1e81f2p-9f, -0x1.734ae4p-23f, 0x1.709038p-5f, -0x1.4a631ap-4f},
    {0x1.e95a96p-5f, -0x1.28dc06p-5f, 0x1.5f2fbap-9f, 0x1.314d9ap-8f,
     -0x1.d2f6a2p-11f, -0x1.658448p-14f, -0x1.9e5684p-3f, 0x0p+0f,
     0x0p+0f, -0x1.76cbbp-12f, -0x1.74329ap-20f, -0x1.657cd4p-14f,
     -0x1.d38eacp-11f, 0x1.31c82p-8f, 0x1.5cedfcp-9f, -0x1.28b1bap-5f},
    {0x1.7ec144p-14f, -0x1.24ea1ap-7f, 0x1.07efeap-7f, -0x1.efe42p-10f,
     -0x1.fef8cap-17f, -0x1.69523cp-15f, -0x1.e992p-2f, 0x0p+0f,
     0x0p+0f, 0x1.bad728p-11f, -0x1.2aba56p-20f, -0x1.9191f2p-15f,
     -0x1.1f1694p-13f, 0x1.4e40bp-9f, -0x1.fe880ep-8f, 0x1.1f68d8p-7f},
    {-0x1.2376dp-7f, 0x1.b69816p-8f, -0x1.5659d4p-9f, 0x1.5291e6p-12f,
     0x1.66cc02p-14f, -0x1.4ca19cp-16f, -0x1.2d3abep-1f, 0x0p+0f,
     0x0p+0f, -0x1.107a7cp-10f, -0x1.b816eep-21f, -0x1.4ce67cp-16f,
     0x1.742b9ep-14f, 0x1.3d1026p-12f, -0x1.50474p-9f, 0x1.b38658p-8f},
    {-0x1.8d548ep-13f, 0x1.65406p-11f, -0x1.c442cep-11f, -0x1.194d1ap-10f,
     0x1.f6cfd4p-13f, 0x1.87cc4ap-13f, -0x1.2d313cp-2f, 0x0p+0f,
     0x0p+0f, 0x1.1070bp-11f, -0x1.c30d9p-22f, -0x1.51584p-18f,
     0x1.04d26ep-14f, -0x1.e16624p-13f, 0x1.815e06p-12f, -0x1.8c9c3cp-12f},
};
/* max 2.330 ULP on the grid */

#define VACT_FGELU_XL 7.0f /* the backward's clamps */
#define VACT_FGELU_XR 6.0f

/* the forward's table set: 32 pieces of degree 5 where a 32-entry lookup is
 * one instruction (AVX-512), 8 pieces of degree 9 where a 16-entry lookup is
 * slow (AVX2), else 16 pieces of degree 7 */
#if defined(VACT_LUT32)
#define VACT_FG(name) VACT_FGELU32_##name
#define VACT_FG_LUT vlut32
#define VACT_FG_C vact_fgelu32_c
#define VACT_FG_P vact_fgelu32_p
#define VACT_FG_DEG 5
#elif defined(VACT_LUT16_SLOW)
#define VACT_FG(name) VACT_FGELU8_##name
#define VACT_FG_LUT vlut8
#define VACT_FG_C vact_fgelu8_c
#define VACT_FG_P vact_fgelu8_p
#define VACT_FG_DEG 9
#else
#define VACT_FG(name) VACT_FGELU16_##name
#define VACT_FG_LUT vlut16
#define VACT_FG_C vact_fgelu16_c
#define VACT_FG_P vact_fgelu16_p
#define VACT_FG_DEG 7
#endif
/* in two stages for the driver's software-pipelined loop (VACT_STAGES_FAST):
 * stage 1 the piece and u, stage 2 the lookups and the polynomial */
#define VACT_STAGES_FAST_gelu ~, 1
typedef struct {
    V t, u, r0;
} vact_gelu_fs;
static inline vact_gelu_fs kf1_gelu(V x, const vact_params *p) {
    (void)p;
    V a = vabsmin(x, VACT_FG(AMAX));            /* min(|x|, AMAX); NaN: kept or AMAX */
    V a1 = VACT_FG(A1) < VACT_FG(AMAX) ? vmin(a, vset1(VACT_FG(A1))) : a; /* a set with A1 = AMAX: no min */
    vact_gelu_fs st;
    st.t = vfma(a1, vadd(a, vset1(VACT_FG(K))), vset1(VACT_FG(MDS)));
    st.u = vsub(a, VACT_FG_LUT(VACT_FG_C, st.t));
    st.r0 = vmax(vzero(), x);                              /* NaN: x's own (vmax) */
    return st;
}
static inline V kf2_gelu(vact_gelu_fs st, const vact_params *p) {
    (void)p;
    V t = st.t, u = st.u;
    V u2 = vmul(u, u); /* Estrin: pairs q_j = p_2j + p_2j+1 u, then Horner in u^2 */
    V g = VACT_FG_DEG % 2 ? vfma(VACT_FG_LUT(VACT_FG_P[VACT_FG_DEG], t), u, VACT_FG_LUT(VACT_FG_P[VACT_FG_DEG - 1], t))
                          : VACT_FG_LUT(VACT_FG_P[VACT_FG_DEG], t);
#pragma GCC unroll 16
    for (int j = (VACT_FG_DEG - 1) / 2 - VACT_FG_DEG % 2; j >= 0; j--)
        g = vfma(g, u2, vfma(VACT_FG_LUT(VACT_FG_P[2 * j + 1], t), u, VACT_FG_LUT(VACT_FG_P[2 * j], t)));
    return vsub(st.r0, g);
}
static inline V kf_gelu(V x, const vact_params *p) { return kf2_gelu(kf1_gelu(x, p), p); }

static inline V kfb_gelu(V x, V dy, const vact_params *p) {
#ifdef VACT_LUT16_SLOW
    return kb_gelu(x, dy, p); /* 27 ops against 43 with vlut16's permutes and blends */
#else
    (void)p;
    V xc = vmin(vset1(VACT_FGELU_XR), vmax(vset1(-VACT_FGELU_XL), x)); /* NaN kept */
    V t = vadd(xc, vset1(VACT_MAGIC));
    V u = vsub(xc, vsub(t, vset1(VACT_MAGIC)));           /* exact, |u| <= 1/2 */
    V d = vfma(vlut16(vact_fgelu_b[8], t), u, vlut16(vact_fgelu_b[7], t));
    d = vfma(d, u, vlut16(vact_fgelu_b[6], t));
    d = vfma(d, u, vlut16(vact_fgelu_b[5], t));
    d = vfma(d, u, vlut16(vact_fgelu_b[4], t));
    d = vfma(d, u, vlut16(vact_fgelu_b[3], t));
    d = vfma(d, u, vlut16(vact_fgelu_b[2], t));
    d = vfma(d, u, vlut16(vact_fgelu_b[1], t));
    d = vfma(d, u, vlut16(vact_fgelu_b[0], t));
    return vmul(dy, d);
#endif
}
#define VACT_FAST_gelu ~, 1

#endif
