/* A derivative d with d(-a) = 1 - d(a) (gelu', gelu_tanh'), bounded, smooth
 * and within far less than its bound's floor of 0 / 1 beyond |x| = 7: as
 * E(a) = d(-a) on a = min(|x|, 7) in 8 pieces of width 1 around the integers
 * (round(a) by the magic sum u = a + 1.5 2^23, whose low bits index vlut8:
 * one permute on every ISA; v = a - round(a) exactly, in [-1/2, 1/2]; piece
 * 0 is [0, 1/2], piece 7 [6.5, 7]), E = P_k(v) of degree deg by
 * Horner, d = E for x < 0 and 1 - E for x >= 0 (one select on the sign).
 * No exponential, no division: abs, min, add, 2 sub, deg + 1 lookups, deg
 * fma, sub, select = 2 deg + 8 ops per vector on AVX-512 and AVX2 (26 at
 * degree 9, the f32 tables; the f16 and bf16 ones in
 * src/kernels/t16/k16_pw.h, in a rather than v at degrees 5 and 4:
 * 2 deg + 6 = 16 and 14),
 * the same bits on every ISA.
 * The tables (scripts/fit_gelu_bwd.py) hold P_0(0) = 1/2 (d(+-0)) and
 * P_7(0) = 0 (the 16-bit ones: P_7 = 0), so d(-inf) = 0 and d(+inf) = 1 exactly. A NaN x: vmin keeps
 * it (its second operand), v and so E are NaN.
 * tb[j][k] is coefficient j of piece k.
 * Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_MATH_PW8SYM_H
#define VACT_MATH_PW8SYM_H
#include "exp.h" /* VACT_MAGIC */

/* sum of c[j][piece] v^j, j = 0..deg, by Horner (fma), the piece's
 * coefficients per lane by vlut8 on the low 3 bits of idx's bits (also
 * gelu's forward, elementwise/f_gelu.h) */
static inline V vhorner_lut8(const float (*c)[8], int deg, V idx, V v) {
    V P = vlut8(c[deg], idx);
    for (int i = deg - 1; i >= 0; i--) P = vfma(P, v, vlut8(c[i], idx));
    return P;
}

#define VACT_PW8_DEG 9 /* the f32 tables' degree */
/* centred: each piece k a polynomial in v = a - k (centred = 1), or in a
 * itself (centred = 0: two subtractions fewer, 2 deg + 6 ops; for tables
 * whose terms stay small next to the tolerance, bf16's, k16_pw.h) */
static inline V vpw8_sym_c(V x, const float (*tb)[8], int deg, int centred) {
    V a = vmin(vset1(7.0f), vabs(x));                       /* NaN kept */
    V u = vadd(a, vset1(VACT_MAGIC));                       /* round(a) + 1.5 2^23 */
    V v = centred ? vsub(a, vsub(u, vset1(VACT_MAGIC))) : a; /* exact */
    V E = vhorner_lut8(tb, deg, u, v);
    return vsel_neg(x, E, vsub(vset1(1.0f), E));
}
static inline V vpw8_sym(V x, const float (*tb)[8], int deg) { return vpw8_sym_c(x, tb, deg, 1); }

#endif
