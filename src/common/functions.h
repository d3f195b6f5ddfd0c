/* Helpers for src/common/functions.def, the one list of functions. Usage:
 *   #define VACT_EW(name, P, F, U, S, R) ... (any of VACT_EW, VACT_RW(name, F, T, R),
 *                                             VACT_PC;
 *   #include "functions.def"                  the others default to nothing and
 *                                             all three are #undef'd after)
 * and read the parts of P (params), U (ulp) and S (test sets) with the
 * accessors below. Plain C and C++ (the benchmarks include it too). */
#ifndef VACT_FUNCTIONS_H
#define VACT_FUNCTIONS_H

/* flags of an elementwise function */
#define VACT_SMOOTH 0
#define VACT_PWL 1
#define VACT_KINK 2
#define VACT_FLOOR 4
#define VACT_ODD 8
/* flags of a row-wise function */
#define VACT_RW_BWD_X 0
#define VACT_RW_BWD_Y 1
#define VACT_RW_HALF 2
/* types of a row-wise function: VACT_T16 also bf16 and f16, VACT_T32 f32
 * only; VACT_IF_T16(T, ...) expands to ... for VACT_T16, to nothing else */
#define VACT_T16 1
#define VACT_T32 0
#define VACT_IF_T16(T, ...) VACT_CAT(VACT_IF_T16_, T)(__VA_ARGS__)
#define VACT_IF_T16_1(...) __VA_ARGS__
#define VACT_IF_T16_0(...)

/* tiers (the last column of VACT_EW and VACT_RW): VACT_TF the accurate
 * tier and the fast tier (vact_NAME_fast_f32, ...: every function that is not
 * piecewise-linear, and softmax, log_softmax, glu), VACT_TA the accurate tier
 * only; VACT_IF_FAST(R, ...) expands to ... for VACT_TF, to nothing else */
#define VACT_TF 1
#define VACT_TA 0
#define VACT_IF_FAST(R, ...) VACT_CAT(VACT_IF_T16_, R)(__VA_ARGS__)

/* parameter domains: outside it every output of the call is NaN */
#define VACT_D_ANY 0    /* any float, NaN included (the formula decides) */
#define VACT_D_NOTNAN 1 /* any float but NaN (+-inf allowed) */
#define VACT_D_FINITE 2 /* finite */
#define VACT_D_POS 3    /* positive and normal: 2^-126 <= p < inf */
#define VACT_D_NONNEG 4 /* 0 <= p < inf */

/* PARAMS: (count, name1, default1, domain1, name2, default2, domain2); an
 * unused name is `_` */
#define VACT_P0 (0, _, 0.0f, VACT_D_ANY, _, 0.0f, VACT_D_ANY)
#define VACT_P1(n1, d1, m1) (1, n1, d1, m1, _, 0.0f, VACT_D_ANY)
#define VACT_P2(n1, d1, m1, n2, d2, m2) (2, n1, d1, m1, n2, d2, m2)
#define VACT_NOSETS (1, (0, 0), (0, 0), (0, 0), (0, 0))

#define VACT_P_COUNT(P) VACT_P_COUNT_ P
#define VACT_P_COUNT_(c, n1, d1, m1, n2, d2, m2) c
#define VACT_P_NAME1(P) VACT_P_NAME1_ P
#define VACT_P_NAME1_(c, n1, d1, m1, n2, d2, m2) n1
#define VACT_P_NAME2(P) VACT_P_NAME2_ P
#define VACT_P_NAME2_(c, n1, d1, m1, n2, d2, m2) n2
#define VACT_P_DEF1(P) VACT_P_DEF1_ P
#define VACT_P_DEF1_(c, n1, d1, m1, n2, d2, m2) d1
#define VACT_P_DEF2(P) VACT_P_DEF2_ P
#define VACT_P_DEF2_(c, n1, d1, m1, n2, d2, m2) d2
#define VACT_P_DOM1(P) VACT_P_DOM1_ P
#define VACT_P_DOM1_(c, n1, d1, m1, n2, d2, m2) m1
#define VACT_P_DOM2(P) VACT_P_DOM2_ P
#define VACT_P_DOM2_(c, n1, d1, m1, n2, d2, m2) m2
#define VACT_STR_(x) #x
#define VACT_STR(x) VACT_STR_(x)
#define VACT_P_STR1(P) VACT_STR(VACT_P_NAME1(P))
#define VACT_P_STR2(P) VACT_STR(VACT_P_NAME2(P))

/* ULP: (fwd, bwd, bwd_dy) */
#define VACT_U_FWD(U) VACT_U_FWD_ U
#define VACT_U_FWD_(f, b, g) f
#define VACT_U_BWD(U) VACT_U_BWD_ U
#define VACT_U_BWD_(f, b, g) b
#define VACT_U_BWD_DY(U) VACT_U_BWD_DY_ U
#define VACT_U_BWD_DY_(f, b, g) g

/* TESTS: (count, (a, b) x 4) -> count, and {{a, b}, ...} */
#define VACT_S_COUNT(S) VACT_S_COUNT_ S
#define VACT_S_COUNT_(c, s1, s2, s3, s4) c
#define VACT_S_INIT(S) VACT_S_INIT_ S
#define VACT_S_INIT_(c, s1, s2, s3, s4) {VACT_S_PAIR s1, VACT_S_PAIR s2, VACT_S_PAIR s3, VACT_S_PAIR s4}
#define VACT_S_PAIR(a, b) {a, b}

/* token pasting after expansion (dispatch on VACT_P_COUNT) */
#define VACT_CAT_(a, b) a##b
#define VACT_CAT(a, b) VACT_CAT_(a, b)

#endif
