/* e^r - 1 for |r| <= ~0.35 from the vexp_poly coefficients (vexp.h), before
 * the + 1: with e^a = (1 + s) 2^n, products like a e^a = (a + a s) 2^n round
 * once (fma) instead of twice. */
#ifndef VACT_VEXPS_H
#define VACT_VEXPS_H

static inline V vexp_s(V r) {
    V q = vfma(vset1(0x1.6a1a72p-10f), r, vset1(0x1.123fc6p-7f));
    q = vfma(q, r, vset1(0x1.555916p-5f));
    q = vfma(q, r, vset1(0x1.55548ap-3f));
    q = vfma(q, r, vset1(0x1.fffffcp-2f));
    return vfma(q, vmul(r, r), r);
}

#endif
