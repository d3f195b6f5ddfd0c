/* The 16-bit backward of gelu and gelu_tanh (driver.h's VACT_KB16, and
 * VACT_KB16T for bf16's own tables below): no exponential and no division,
 * math/pw8sym.h's 8 pieces of width 1 on min(|x|, 7), in f16 at degree 5,
 * each piece a polynomial in |x| itself, not in |x| - k (vpw8_sym_c with
 * centred = 0: 17 ops with dy's multiply; the largest terms, ~2^1.5 on
 * pieces 1-2, round to 2^-21 absolute, far below the floor), fitted to
 * 2^-12 relative (half an f16 ULP at the bottom of a binade, with room for
 * a random dy's mantissa), floored at 2^-16 (the test's |dy|/16) and 2^-25
 * (half the f16 subnormal step), by scripts/fit_gelu_bwd.py --f16a gelu 5 /
 * --f16a gelu_tanh 5 (0.20 / 0.18 of that at most; 0.574 / 0.568 f16 ULP
 * over every f16 input, dy = 1 or random, in the script; the centred
 * tables before 2026-12-07, `--f16`, 19 ops: 0.574 / 0.564; degree 4: 2.8
 * of it, 1.7 ULP). Piece 7, [6.5, 7], is 0 (|E| < 2^-29 there).
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
        {0x1p-1f, 0x1.f70a9ep-2f, 0x1.04ca16p+0f, 0x1.9b2408p-2f,
         -0x1.b5d2a8p+0f, -0x1.95a0b6p-2f, -0x1.104f52p-6f, 0x0p+0f},
        {-0x1.98821cp-1f, -0x1.77f1bep-1f, -0x1.23867ep+1f, -0x1.6182fep+0f,
         0x1.d7b6dap+0f, 0x1.7daafep-2f, 0x1.b5fcfcp-7f, 0x0p+0f},
        {-0x1.a784dp-12f, -0x1.81e688p-3f, 0x1.9dae88p+0f, 0x1.2bc54cp+0f,
         -0x1.997374p-1f, -0x1.1fdcbap-3f, -0x1.19ee8ap-8f, 0x0p+0f},
        {0x1.139546p-2f, 0x1.1ca48ap-1f, -0x1.fb4436p-2f, -0x1.b6aeccp-2f,
         0x1.65b9d4p-3f, 0x1.b2fcf2p-6f, 0x1.6b1ed8p-11f, 0x0p+0f},
        {-0x1.57d5fcp-7f, -0x1.ec41c8p-3f, 0x1.04f5cap-4f, 0x1.2bc146p-4f,
         -0x1.3a6ab8p-6f, -0x1.492c28p-9f, -0x1.d3df3cp-15f, 0x0p+0f},
        {-0x1.7ad1fp-5f, 0x1.0a9f16p-5f, -0x1.1a9952p-9f, -0x1.3bacd8p-8f,
         0x1.bc9c3ap-11f, 0x1.8f1dcep-14f, 0x1.e26f88p-20f, 0x0p+0f},
    },
    {
        {0x1p-1f, 0x1.f73c44p-2f, 0x1.f8af8ep-1f, 0x1.23db8ep-1f,
         -0x1.eabf18p+0f, -0x1.5ae83cp-2f, -0x1.d04852p-9f, 0x0p+0f},
        {-0x1.9882p-1f, -0x1.786c62p-1f, -0x1.1923b2p+1f, -0x1.a6bfbcp+0f,
         0x1.0aabd6p+1f, 0x1.4b432cp-2f, 0x1.7a150cp-9f, 0x0p+0f},
        {-0x1.bc3d14p-12f, -0x1.7f5f3p-3f, 0x1.8afb7ep+0f, 0x1.5695fcp+0f,
         -0x1.d2079cp-1f, -0x1.fa856cp-4f, -0x1.ec8cacp-11f, 0x0p+0f},
        {0x1.1516b2p-2f, 0x1.1dc0cep-1f, -0x1.dd0512p-2f, -0x1.e9f916p-2f,
         0x1.9921bp-3f, 0x1.838608p-6f, 0x1.40c906p-13f, 0x0p+0f},
        {-0x1.687cb8p-7f, -0x1.f30b24p-3f, 0x1.debc6cp-5f, 0x1.49aa9cp-4f,
         -0x1.68c4f4p-6f, -0x1.28a9fep-9f, -0x1.a1c3b4p-17f, 0x0p+0f},
        {-0x1.80a94ep-5f, 0x1.12e014p-5f, -0x1.e2ba9cp-10f, -0x1.56f456p-8f,
         0x1.ff1b42p-11f, 0x1.6b909ep-14f, 0x1.b32a2p-22f, 0x0p+0f},
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
    return vmul(dy, vpw8_sym_c(x, vact_pw16_b[0], VACT_PW16_DEG, 0));
}
#define VACT_KB16_gelu_tanh ~, kb16_pw_gelu_tanh
static inline V kb16_pw_gelu_tanh(V x, V dy, const vact_params *p) {
    (void)p;
    return vmul(dy, vpw8_sym_c(x, vact_pw16_b[1], VACT_PW16_DEG, 0));
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
