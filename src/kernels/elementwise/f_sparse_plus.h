/* sparse_plus(x) = 0 for x <= -1, x for x >= 1, (x + 1)^2/4 between.
 * With xc = clamp(x, -1, 1) (NaN kept) the middle formula is continuous at
 * both ends (0 and 1); x > 1 selects x itself. xc + 1 is carried exactly as
 * s + sl (Fast2Sum, |1| >= |xc|): y = fma(s, s/4, s*sl/2), one rounding
 * of the exact square (fl(xc + 1)^2/4 would round three times).
 * Backward: (xc + 1)/2, which is 0 below -1 and 1 above 1 (one rounding of
 * xc + 1, exact halving). */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_F_SPARSE_PLUS_H
#define VACT_F_SPARSE_PLUS_H
#include "../../common/vact_internal.h" /* vact_params */

static inline V k_sparse_plus(V x, const vact_params *p) {
    (void)p;
    V one = vset1(1.0f);
    V xc = vmin(one, vmax(vset1(-1.0f), x));
    V s = vadd(xc, one);
    V sl = vsub(xc, vsub(s, one));
    V y = vfma(s, vmul(s, vset1(0.25f)), vmul(vmul(s, sl), vset1(0.5f)));
    return vsel(vgt(x, one), x, y);
}
static inline V kb_sparse_plus(V x, V dy, const vact_params *p) {
    (void)p;
    V xc = vmin(vset1(1.0f), vmax(vset1(-1.0f), x));
    V g = vmul(vadd(xc, vset1(1.0f)), vset1(0.5f));
    return vmul(dy, g);
}

#endif
