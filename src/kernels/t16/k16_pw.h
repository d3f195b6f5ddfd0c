/* The 16-bit backward of gelu and gelu_tanh (driver.h's VACT_KB16, and
 * VACT_KB16T for bf16's own tables below): no exponential and no division,
 * math/pw8sym.h's 8 pieces of width 1 on min(|x|, 7), in f16 at degree 5
 * (19 ops with dy's multiply), fitted to
 * 2^-12 relative (half an f16 ULP at the bottom of a binade, with room for
 * a random dy's mantissa), floored at 2^-16 (the test's |dy|/16) and 2^-25
 * (half the f16 subnormal step), by scripts/fit_gelu_bwd.py --f16 gelu 5 /
 * --f16 gelu_tanh 5 (0.19 / 0.17 of that at most; 0.574 / 0.564 f16 ULP
 * over every f16 input, dy = 1 or random; degree 4: 2.8 of it, 1.7 ULP).
 * Both derivatives cross zero away from 0, so their error is taken in ULP
 * of max(|r|, |dy|/16) in both types (docs/contract.md: f32's 2^-4 floor
 * for these derivatives, times dy): in bf16 that allows 2^-9 relative
 * above the floor and an absolute 2^-13 |dy| below it, which the f16 fit
 * held with room (0.500 / 0.509 bf16 ULP over every bf16 input; bf16 now
 * runs its own degree-4 fit, below). So the
 * bf16 tail (|gelu'(-a)| < 2^-33.9 beyond a = 7) needs no relative
 * accuracy, as in the f32 backward (math/pw8sym.h), and bf16 no longer
 * takes e^(-a^2/2) times a rational and a division there (the kernels
 * before 2026-12-06: 22 and 21 ops and a division; vact_bench A/B in the
 * note of that day).
 * Precondition: included at the end of k16.h. */
#ifndef VACT_T16_K16_PW_H
#define VACT_T16_K16_PW_H
#include "../math/pw8sym.h"

#define VACT_PW16_DEG 5
/* vact_pw16_b[f][j][k] = c_j of piece k, f = 0 gelu, 1 gelu_tanh */
static const float vact_pw16_b[2][VACT_PW16_DEG + 1][8] = {
    {
        {0x1p-1f, -0x1.55403cp-4f, -0x1.5d1f96p-4f, -0x1.876562p-7f,
         -0x1.081576p-11f, -0x1.e1423ep-18f, -0x1.36175cp-25f, 0x0p+0f},
        {-0x1.98821cp-1f, -0x1.ef9dd4p-3f, 0x1.ba420ep-4f, 0x1.fc43dcp-6f,
         0x1.eb18aap-10f, 0x1.1f553ap-15f, 0x1.c0c552p-23f, 0x1.c9821ap-28f},
        {-0x1.a784dp-12f, 0x1.736976p-2f, 0x1.0f225p-12f, -0x1.10ffdcp-5f,
         -0x1.a47d3p-9f, -0x1.400a84p-14f, -0x1.21163p-21f, 0x1.a61e26p-24f},
        {0x1.139546p-2f, -0x1.47ce9ep-4f, -0x1.26a24ep-4f, 0x1.0a9f6cp-6f,
         0x1.b1815ap-9f, 0x1.d1aa18p-14f, 0x1.0cd006p-20f, 0x1.2e2f12p-21f},
        {-0x1.57d5fcp-7f, -0x1.3df59cp-4f, 0x1.594b6p-5f, 0x1.e79f1cp-11f,
         -0x1.2448bap-9f, -0x1.15cdc6p-13f, -0x1.f2d64ap-20f, 0x1.578dbep-20f},
        {-0x1.7ad1fp-5f, 0x1.0a9f9ap-5f, -0x1.1a8adap-9f, -0x1.3bad4cp-8f,
         0x1.bc9c12p-11f, 0x1.8f1dd4p-14f, 0x1.e26f86p-20f, 0x1.184b9ap-20f},
    },
    {
        {0x1p-1f, -0x1.53d02cp-4f, -0x1.60acbep-4f, -0x1.7b8e38p-7f,
         -0x1.5f6f0cp-12f, -0x1.a661d2p-20f, -0x1.0831d4p-30f, 0x0p+0f},
        {-0x1.9882p-1f, -0x1.effab2p-3f, 0x1.b9d35ep-4f, 0x1.043d3p-5f,
         0x1.82521ep-10f, 0x1.5000b4p-17f, 0x1.0ec06ep-27f, 0x1.dd8902p-39f},
        {-0x1.bc3d14p-12f, 0x1.714be6p-2f, 0x1.954062p-9f, -0x1.1e0b1ap-5f,
         -0x1.805fcep-9f, -0x1.d9ddf2p-16f, -0x1.1087bcp-26f, 0x1.d49d92p-35f},
        {0x1.1516b2p-2f, -0x1.4bf25cp-4f, -0x1.26d734p-4f, 0x1.0bf266p-6f,
         0x1.c23436p-9f, 0x1.d089a8p-15f, 0x1.d18b5p-25f, 0x1.8a5e5ap-32f},
        {-0x1.687cb8p-7f, -0x1.36e5eap-4f, 0x1.47e206p-5f, 0x1.04b104p-9f,
         -0x1.4a9f34p-9f, -0x1.94209p-14f, -0x1.39863ep-22f, 0x1.fe19c6p-31f},
        {-0x1.80a94ep-5f, 0x1.12e036p-5f, -0x1.e2be38p-10f, -0x1.56f538p-8f,
         0x1.ff1b9cp-11f, 0x1.6b90a4p-14f, 0x1.b32a32p-22f, 0x1.141c98p-30f},
    },
};

/* bf16 alone: the same pieces at degree 4, each a polynomial in a itself
 * rather than in a - k (vpw8_sym_c with centred = 0: 15 ops with dy's
 * multiply instead of 17; the largest term, |c_2| a^2 ~ 2^0.5 (6.3) on piece
 * 2, rounds to far below the tolerance), fitted to bf16's tolerance, 8
 * times f16's: 2^-9 relative (half a bf16 ULP at the top of a binade),
 * floored at 2^-13 (half a bf16 ULP of the test's |dy|/16 at the top of
 * dy's binade), by scripts/fit_gelu_bwd.py --bf16a gelu 4 / --bf16a
 * gelu_tanh 4 (0.34 / 0.35 of that at most, piece 1; 0.574 / 0.550 bf16
 * ULP over every bf16 input with dy = 1, 0.667 / 0.649 with random dy in
 * the script: the centred tables' figures; degree 3: 2.2 ULP). Piece 7,
 * [6.5, 7], is 0: |E| <= 2^-29 there, so d(-inf) = 0 and d(+inf) = 1
 * exactly, as the centred tables' P_7(0) = 0 gives.
 * vact_pwb16_b[f][j][k] as vact_pw16_b. */
#define VACT_PWB16_DEG 4
static const float vact_pwb16_b[2][VACT_PWB16_DEG + 1][8] = {
    {
        {0x1p-1f, 0x1.07009p-1f, 0x1.e494fap-1f, -0x1.6ef91ep-1f,
         -0x1.b89378p-1f, -0x1.abc062p-4f, -0x1.78e94ap-9f, 0x0p+0f},
        {-0x1.985c8ep-1f, -0x1.ba2d4ep-1f, -0x1.0c4468p+1f, 0x1.06cacap-1f,
         0x1.8b121p-1f, 0x1.444688p-4f, 0x1.e608a6p-10f, 0x0p+0f},
        {-0x1.5bf396p-8f, 0x1.984c4p-4f, 0x1.6f41f4p+0f, -0x1.b9dd52p-4f,
         -0x1.0b139cp-2f, -0x1.713426p-6f, -0x1.d628cp-12f, 0x0p+0f},
        {0x1.2f354p-2f, 0x1.f7dbeep-3f, -0x1.9f4c8ep-2f, 0x1.d47bbep-10f,
         0x1.42764ep-5f, 0x1.760d26p-9f, 0x1.9454c6p-15f, 0x0p+0f},
        {-0x1.1f98fap-4f, -0x1.43f70ep-4f, 0x1.550c8ap-5f, 0x1.1ba62p-10f,
         -0x1.253328p-9f, -0x1.1c7be8p-13f, -0x1.04d116p-19f, 0x0p+0f},
    },
    {
        {0x1p-1f, 0x1.076fp-1f, 0x1.d91032p-1f, -0x1.4b673ep-1f,
         -0x1.e0faap-1f, -0x1.2d0468p-4f, -0x1.dac1d2p-12f, 0x0p+0f},
        {-0x1.985be8p-1f, -0x1.bc9bfp-1f, -0x1.05435ep+1f, 0x1.a39cb8p-2f,
         0x1.b3efccp-1f, 0x1.ce4a8p-5f, 0x1.3592eep-12f, 0x0p+0f},
        {-0x1.61fcaep-8f, 0x1.c09702p-4f, 0x1.63509ap+0f, -0x1.b09274p-5f,
         -0x1.296b1ap-2f, -0x1.0a4f16p-6f, -0x1.2eaea2p-14f, 0x0p+0f},
        {0x1.3120f4p-2f, 0x1.e91d2p-3f, -0x1.8e7302p-2f, -0x1.60669ap-7f,
         0x1.69ed08p-5f, 0x1.10c7f4p-9f, 0x1.06f56ep-17f, 0x0p+0f},
        {-0x1.25688cp-4f, -0x1.3d5394p-4f, 0x1.443c0cp-5f, 0x1.1644b8p-9f,
         -0x1.4b4bdp-9f, -0x1.a329dep-14f, -0x1.5688b6p-22f, 0x0p+0f},
    },
};

#define VACT_KB16_gelu ~, kb16_pw_gelu
static inline V kb16_pw_gelu(V x, V dy, const vact_params *p) {
    (void)p;
    return vmul(dy, vpw8_sym(x, vact_pw16_b[0], VACT_PW16_DEG));
}
#define VACT_KB16_gelu_tanh ~, kb16_pw_gelu_tanh
static inline V kb16_pw_gelu_tanh(V x, V dy, const vact_params *p) {
    (void)p;
    return vmul(dy, vpw8_sym(x, vact_pw16_b[1], VACT_PW16_DEG));
}

#define VACT_KB16_bf16_gelu ~, kb16b_pw_gelu
static inline V kb16b_pw_gelu(V x, V dy, const vact_params *p) {
    (void)p;
    return vmul(dy, vpw8_sym_c(x, vact_pwb16_b[0], VACT_PWB16_DEG, 0));
}
#define VACT_KB16_bf16_gelu_tanh ~, kb16b_pw_gelu_tanh
static inline V kb16b_pw_gelu_tanh(V x, V dy, const vact_params *p) {
    (void)p;
    return vmul(dy, vpw8_sym_c(x, vact_pwb16_b[1], VACT_PWB16_DEG, 0));
}

#endif
