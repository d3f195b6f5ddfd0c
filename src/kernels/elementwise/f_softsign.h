/* softsign(x) = x / (1 + |x|), odd: computed on a = |x| (capped at 2^100 so
 * inf gives 1 and nothing overflows) and the sign or-ed back (-0 -> -0).
 * 1 + a = d + dl exactly (Fast2Sum on max/min). One IEEE division:
 *   a < 1:  q = a/d, plus the residual (a - q (d + dl)) / d with
 *           1/d ~ 1 - q;
 *   a >= 1: i = 1/d, plus the residual, i.e. 1/(d + dl), result 1 - i (i <= 1/2, so
 *           the subtraction costs nothing; a/d itself would carry d's
 *           rounding error into a result near 1).
 * softsign'(x) = 1/(1 + |x|)^2 = i^2 with i = 1/(d + dl) as above;
 * dx = (dy i) i, so that a large |dy| meets i^2 before it underflows; where
 * |x| > 2^60 (a vector-wide branch; 1/(1 + |x|)^2 = 1/x^2 to 2^-59 there,
 * and the cap of a would give dy 2^-200 beyond 2^100) dx = (dy/|x|)/|x|:
 * two roundings, no overflow (|x| > 1), and where dy/|x| is subnormal dx
 * is below 2^-186. +-inf: dy/inf = 0 (NaN dy: NaN). */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_F_SOFTSIGN_H
#define VACT_F_SOFTSIGN_H
#include "../../common/vact_internal.h" /* vact_params */

#define VACT_SOFTSIGN_AMAX 0x1p100f /* |x| cap: 1 + a and its inverse stay finite and normal */

/* 1 + a = *d + *dl, a = min(|x|, 2^100) (NaN kept) */
static inline V vsoftsign_den(V x, V *a, V *d, V *dl) {
    *a = vmin(vset1(VACT_SOFTSIGN_AMAX), vabs(x));
    *d = vadd(vset1(1.0f), *a);
    V hi = vmax(*a, vset1(1.0f)), lo = vmin(*a, vset1(1.0f));
    *dl = vsub(lo, vsub(*d, hi));
    return *a;
}
static inline V k_softsign(V x, const vact_params *p) {
    (void)p;
    V a, d, dl;
    vsoftsign_den(x, &a, &d, &dl);
    M small = vlt(a, vset1(1.0f));
    V num = vsel(small, a, vset1(1.0f));
    V q = vdiv(num, d);
    V r = vfnma(q, dl, vfnma(q, d, num)); /* num - q (d + dl) */
    V w = vsel(small, vsub(vset1(1.0f), q), q); /* ~ 1/d */
    V z = vfma(r, w, q);
    V y = vsel(small, z, vsub(vset1(1.0f), z));
    return vor(y, vand(x, vset1(-0.0f)));
}
static inline V kb_softsign(V x, V dy, const vact_params *p) {
    (void)p;
    V a, d, dl;
    vsoftsign_den(x, &a, &d, &dl);
    V i = vdiv(vset1(1.0f), d);
    i = vfma(vfnma(i, dl, vfnma(i, d, vset1(1.0f))), i, i); /* 1/(d + dl) */
    V dx = vmul(vmul(dy, i), i); /* not dy (i i): i^2 underflows first (|x| > 2^63) */
    M big = vgt(a, vset1(0x1p60f)); /* a capped at 2^100: (dy/|x|)/|x| there */
    if (many(big)) {
        V ax = vabs(x);
        dx = vsel(big, vdiv(vdiv(dy, ax), ax), dx);
    }
    return dx;
}

#endif
