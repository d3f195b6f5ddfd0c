/* glu(a, b) = a sigmoid(b), a and b the two halves of a row.
 * a*sigmoid(b) can be tiny (subnormal) while a is large, so e = e^-|b| is
 * kept as pe * 2^n (vexp_reduce / vexp_poly, |b| clamped at 300: beyond,
 * every product underflows), a and dy as m * 2^k with |m| in [1, 2), and
 * each result is w * 2^N with w = (mantissa products)/(1 + e) in [2^-3, 8]
 * and one rounding by vscale2n: subnormal results are computed, not
 * amplified. 1 + e = d + dl exactly, the quotients by a Newton reciprocal
 * of d (vrecip12) and one residual correction. Zero,
 * infinite or NaN a or dy take the plain products instead (IEEE specials). */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_ROWWISE_GLU_H
#define VACT_ROWWISE_GLU_H
#include <stddef.h>
#include <stdint.h>
#include "../math/exp.h"
#include "../math/recip.h"
#include "row.h"

/* v = m 2^k with |m| in [1, 2) (sign kept) for finite nonzero v, subnormals
 * first scaled by 2^24 */
static inline V vact_split(V v, V *k) {
    M sub = vlt(vabs(v), vset1(0x1p-126f));
    VI iv = vasi(vsel(sub, vmul(v, vset1(0x1p24f)), v));
    V ex = vcvt_i2f(viand(visrl(iv, 23), viset1(0xff)));
    *k = vsub(ex, vsel(sub, vset1(151.0f), vset1(127.0f)));
    return vasf(vior(viand(iv, viset1((int32_t)0x807fffff)), viset1(0x3f800000)));
}
static inline M vact_finite_nz(V v) {
    V m = vabs(v);
    return mand(vlt(m, vset1(VACT_RW_INF)), vgt(m, vzero()));
}
/* returns 1/d; e = e^-|b| = pe * 2^n, d + dl = 1 + e */
static inline V vact_glu_parts(V b, V *e, V *pe, V *n, V *d, V *dl) {
    V xb = vmax(vset1(-300.0f), vor(b, vset1(-0.0f))); /* -|b|, NaN kept */
    V r = vexp_reduce(xb, n);                           /* exact down to -300 */
    *pe = vexp_poly(r);
    *e = vscale2n(*pe, vmax(vset1(-252.0f), *n));
    *d = vadd(vset1(1.0f), *e);
    *dl = vsub(*e, vsub(*d, vset1(1.0f)));
    return vrecip12(*d);
}
/* |v| in [2^-k, 2^k] in every lane (NaN: no) */
static inline int vact_all_in(V v, float lo, float hi) {
    V m = vabs(v);
    return !many(mnot(mand(vge(m, vset1(lo)), vle(m, vset1(hi)))));
}
/* When every |a| is in [2^-60, 2^60] the split is skipped: w = a*f/(1+e)
 * is then exactly w' * 2^ka with the same mantissa bits (every
 * intermediate stays normal, |w| in the vscale2n range), so both paths
 * give the same bits in every lane. */
static inline V vact_glu_fwd(V a, V b) {
    V e, pe, n, d, dl, inv = vact_glu_parts(b, &e, &pe, &n, &d, &dl);
    M neg = vlt(b, vzero());
    V f = vsel(neg, pe, vset1(1.0f));
    V nn = vsel(neg, n, vzero());
    V lo = vset1(-252.0f);
    if (vact_all_in(a, 0x1p-60f, 0x1p60f)) {
        V p = vmul(a, f), pl = vfms(a, f, p);
        V q = vmul(p, inv);
        V r = vfnma(q, dl, vfnma(q, d, p));
        return vscale2n(vfma(vadd(r, pl), inv, q), vmax(lo, nn));
    }
    V ka, ma = vact_split(a, &ka);
    V p = vmul(ma, f), pl = vfms(ma, f, p);             /* ma*f = p + pl exactly */
    V q = vmul(p, inv);
    V r = vfnma(q, dl, vfnma(q, d, p));
    V w = vfma(vadd(r, pl), inv, q);                    /* ma*f/(1 + e) */
    V y = vscale2n(w, vmax(lo, vadd(ka, nn)));
    V alt = vmul(vmul(a, vsel(neg, e, vset1(1.0f))), inv);
    return vsel(vact_finite_nz(a), y, alt);
}
/* y = a*sigmoid(b) by the vector kernel K(a, b). Rows ascending: y row r
 * ends before x row r starts (r >= 1), and in row 0 y[j] overwrites only
 * a[j] after reading it, so y == x works. (The fast tier's glu uses it too.) */
#define VACT_DEF_GLU_ROWS(fname, K)                                                           \
    static void KFN(fname)(size_t rows, size_t cols, const float *x, float *y) {             \
        const size_t h = cols / 2;                                                            \
        for (size_t r = 0; r < rows; r++) {                                                   \
            const float *a = x + r * cols, *b = a + h;                                        \
            float *o = y + r * h;                                                             \
            size_t j = 0;                                                                     \
            for (; j + 2 * VACT_W <= h; j += 2 * VACT_W) {                                    \
                V y0 = K(vload(a + j), vload(b + j));                                         \
                V y1 = K(vload(a + j + VACT_W), vload(b + j + VACT_W));                       \
                vstore(o + j, y0);                                                            \
                vstore(o + j + VACT_W, y1);                                                   \
            }                                                                                 \
            for (; j < h; j += VACT_W) {                                                      \
                size_t k = h - j < VACT_W ? h - j : VACT_W;                                   \
                vstore_n(o + j, K(vload_n(a + j, k), vload_n(b + j, k)), k);                  \
            }                                                                                 \
        }                                                                                     \
    }
VACT_DEF_GLU_ROWS(row_glu, vact_glu_fwd)
/* da = dy*sigmoid(b), db = dy*a*sigmoid'(b), sigmoid' = [e/(1+e)]*[1/(1+e)]
 * (never s(1-s)), both scaled as above. */
static inline void vact_glu_bwd(V a, V b, V g, V *da, V *db) {
    V e, pe, n, d, dl, inv = vact_glu_parts(b, &e, &pe, &n, &d, &dl);
    M neg = vlt(b, vzero());
    V s1 = vdiv12(vset1(1.0f), d, dl, inv); /* 1/(1+e) */
    V sp = vdiv12(pe, d, dl, inv);          /* e/(1+e) = sp * 2^n */
    V lo = vset1(-252.0f);
    V sg = vsel(neg, sp, s1), nn = vsel(neg, n, vzero()), sd = vmul(sp, s1);
    if (vact_all_in(g, 0x1p-45f, 0x1p45f) && vact_all_in(a, 0x1p-45f, 0x1p45f)) {
        /* same bits as the split below: g*a within 2^+-90, all normal */
        *da = vscale2n(vmul(g, sg), vmax(lo, nn));
        *db = vscale2n(vmul(vmul(g, a), sd), vmax(lo, n));
        return;
    }
    V kg, mg = vact_split(g, &kg), ka, ma = vact_split(a, &ka);
    V ya = vscale2n(vmul(mg, sg), vmax(lo, vadd(kg, nn)));
    V yb = vscale2n(vmul(vmul(mg, ma), sd), vmax(lo, vadd(vadd(kg, ka), n)));
    /* plain products for zero / non-finite a or dy */
    V se = vdiv12(e, d, dl, inv);
    V aa = vmul(g, vsel(neg, se, s1));
    V ab = vmul(g, vmul(a, vmul(se, s1)));
    M okg = vact_finite_nz(g);
    *da = vsel(okg, ya, aa);
    *db = vsel(mand(okg, vact_finite_nz(a)), yb, ab);
}
/* da, db by the vector kernel KB(a, b, dy, &da, &db). Rows descending: dx
 * row r (r >= 1) covers dy rows 2r and 2r+1, already consumed, so dx == dy
 * works; dx == x is elementwise. (The fast tier's glu uses it too.) */
#define VACT_DEF_GLU_BWD_ROWS(fname, KB)                                                      \
    static void KFN(fname)(size_t rows, size_t cols, const float *x, const float *dy, float *dx) { \
        const size_t h = cols / 2;                                                            \
        for (size_t r = rows; r-- > 0;) {                                                     \
            const float *a = x + r * cols, *b = a + h, *g = dy + r * h;                       \
            float *da = dx + r * cols, *db = da + h;                                          \
            size_t j = 0;                                                                     \
            for (; j + VACT_W <= h; j += VACT_W) {                                            \
                V va, vb;                                                                     \
                KB(vload(a + j), vload(b + j), vload(g + j), &va, &vb);                       \
                vstore(da + j, va);                                                           \
                vstore(db + j, vb);                                                           \
            }                                                                                 \
            if (j < h) {                                                                      \
                size_t k = h - j;                                                             \
                V va, vb;                                                                     \
                KB(vload_n(a + j, k), vload_n(b + j, k), vload_n(g + j, k), &va, &vb);        \
                vstore_n(da + j, va, k);                                                      \
                vstore_n(db + j, vb, k);                                                      \
            }                                                                                 \
        }                                                                                     \
    }
VACT_DEF_GLU_BWD_ROWS(row_glu_bwd, vact_glu_bwd)

#endif
