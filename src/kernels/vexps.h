/* e^r - 1 for |r| <= ~0.35 from the vexp_poly coefficients (vexp.h), before
 * the + 1: with e^a = (1 + s) 2^n, products like a e^a = (a + a s) 2^n round
 * once (fma) instead of twice. */
#ifndef VACT_VEXPS_H
#define VACT_VEXPS_H

static inline V vexp_s(V r) { return vfma(vexp_q(r), vmul(r, r), r); }

#endif
