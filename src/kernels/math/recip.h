/* Reciprocals without estimate instructions: a linear first guess and Newton
 * steps by FMA, IEEE operations only, so every ISA gives the same bits.
 * Precondition of every header under src/kernels/: the ISA's vocab.h is
 * included first (src/<isa>/kernels.c). */
#ifndef VACT_MATH_RECIP_H
#define VACT_MATH_RECIP_H

/* The minimax line for 1/d on d in [1, 2] is 24/17 - 8/17 d (|1 - d y| <=
 * 1/17), i.e. 1/(1 + e) ~ 16/17 - 8/17 e for e in [0, 1]. The constants are
 * those fractions rounded to float. */
#define VACT_RCP_24_17 0x1.696969p+0f  /* 24/17 */
#define VACT_RCP_16_17 0x1.e1e1e2p-1f  /* 16/17 */
#define VACT_RCP_M8_17 -0x1.e1e1e2p-2f /* -8/17 */

/* 1/(1 + e) ~ 16/17 - 8/17 e for e in [0, 1]: enough for the factor of a
 * residual correction that is itself ~ an ulp of the quotient */
static inline V vrecip1p_lin(V e) { return vfma(e, vset1(VACT_RCP_M8_17), vset1(VACT_RCP_16_17)); }

/* one Newton step for 1/d: y + y (1 - d y), squares the relative error */
static inline V vrecip_step(V d, V y) {
    V e = vfnma(d, y, vset1(1.0f));
    return vfma(y, e, y);
}
/* 1/d for d in [1, 2] from the linear guess and two Newton steps: relative
 * error ~2^-16, for quotients that get a residual correction afterwards */
static inline V vrecip12_2(V d) {
    V y = vfma(d, vset1(VACT_RCP_M8_17), vset1(VACT_RCP_24_17));
    return vrecip_step(d, vrecip_step(d, y));
}
/* 1/d for d in [1, 2], three Newton steps: relative error < 2^-31 */
static inline V vrecip12(V d) { return vrecip_step(d, vrecip12_2(d)); }

/* num / (d + dl) for d in [1, 2], |dl| <= ulp(d), given inv = vrecip12(d):
 * one residual correction, error ~0.5 ULP + 2^-30 relative. */
static inline V vdiv12(V num, V d, V dl, V inv) {
    V q = vmul(num, inv);
    V r = vfnma(q, d, num);
    r = vfnma(q, dl, r);
    return vfma(r, inv, q);
}

#endif
