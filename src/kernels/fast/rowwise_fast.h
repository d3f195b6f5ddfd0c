/* The fast tier of softmax, log_softmax and glu (fast.h; docs/contract.md,
 * "Fast tier"): forward <= 4 ULP, backward <= 8 ULP of max(|r|, 2^-20),
 * softmax rows sum to 1 within 1e-5, the special rows of the accurate tier
 * (rowwise/row.h: one +inf -> one-hot, NaN -> NaN row, all -inf -> NaN).
 * Deterministic per ISA: the row sums run over VACT_W-lane accumulators in
 * a fixed order that depends on the row length and the ISA only; glu is
 * elementwise (a lane's result never depends on its neighbours: slow lanes
 * are selected lane by lane). Bits differ between ISAs.
 *
 * softmax: pass 1 the row max m (rowwise/row.h), pass 2 e = e^(x - P)
 * stored in y and summed (blocks of plain sums added with Fast2Sum, the
 * total in double: vact_fr_total), pass 3 y = e * fl(1/S). The pivot P is
 * m for m <= 0 and max(m, 16) for m > 0 (softmax is shift-invariant; e
 * stays normal where y >= 2^-20), so that x - P is exact as s + err by a
 * Fast2Sum wherever it matters (vact_fr_exp modes; without err an inexact
 * x - m costs up to 4 ULP for |s| in [8, 16)). x is first raised to
 * P - SLO so that -inf gives e = 0 (n = -127: 2^n from the bits of the
 * magic-bias sum is +0; scalef: e^-110 underflows). Then the degree-6
 * polynomial of math/exp.h (vexp_poly_h, 2^-27.6 relative) and p 2^n by
 * scalef (AVX-512) or the bits of t (others). Rows with |m| > 2^18 (and
 * m = -inf) take the accurate row (rare: P - SLO must round by < 2^-5).
 * log_softmax: the same sum without the store (P = m; 2Sum for m in
 * (0, 16)), L = log(S) + Slo/S, y = (x - m) - L
 * (|r| >= |x - m| and >= L: two roundings, ~1 ULP of max(|r|, 1)).
 * glu: a * sigmoid(b), e = e^-|b| by the same exp, 1/(1 + e) by vrcp_fast
 * and (where vrcp_fast is short of 2^-26, VACT_RCP_FAST_BITS) one more
 * Newton step; lanes with |b| > 87 (or NaN b) take the accurate lane
 * (rowwise/glu.h), selected lane by lane. Backward: the same e, sigmoid and
 * sigmoid' = e/(1 + e)^2; lanes with |a| or |dy| > 2^45 or |b| > 87 (or NaN)
 * take the accurate lane.
 * The backwards of softmax is the accurate one (already one FMA pass);
 * log_softmax's backward uses the fast exp for e^y. */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_FAST_ROWWISE_FAST_H
#define VACT_FAST_ROWWISE_FAST_H
#include <stddef.h>
#include "../driver.h"
#include "../math/exp.h"
#include "../math/log.h"
#include "../rowwise/row.h"
#include "../rowwise/softmax.h"
#include "../rowwise/log_softmax.h"
#include "../rowwise/glu.h"
#include "../math/recip.h"

/* p 2^n from t = n + VACT_MAGIC_B: vscale2n_t_ (math/exp.h); n = -127 gives
 * +0 off AVX-512 (the bits of t shifted), p 2^-127 with scalef */
/* e^(x - m) for x <= m (NaN kept) with |m| <= 2^18; mlo = fl(m - SLO),
 * nm = -m */
/* the clamp: e^-110 underflows to 0 in scalef; without it 2^-127 from the
 * bits is +0 */
#ifdef VACT_SCALEF
#define VACT_FR_SLO 110.0f
#else
#define VACT_FR_SLO 88.0f
#endif
/* x - P as s + err, exact where it matters, by the row's mode (P the
 * pivot, nm = -P):
 *   0: P = m <= 0, so |x| >= |P|: Fast2Sum with x first;
 *   1: P >= 16 (softmax: P = max(m, 16) for m > 0; log_softmax: m >= 16):
 *      Fast2Sum with -P first, exact for |x| <= P; x < -P has s < -2P and
 *      y <= e^(x - m) < e^-16 where only an absolute error counts, and err
 *      is then still within ulp(x) (<= y 2^-19: < 2^-41 absolute);
 *   2: 2Sum (any order). */
static inline V vact_fr_exp(V x, V pv, V nm, V mlo, int mode) {
    x = vmax(mlo, x);
    V s = vsub(x, pv), err;
    if (mode == 0) {
        err = vsub(nm, vsub(s, x));
    } else if (mode == 1) {
        err = vsub(x, vadd(s, pv));
    } else {
        V bb = vsub(s, x);
        err = vadd(vsub(x, vsub(s, bb)), vsub(nm, bb));
    }
    V t = vfma(s, vset1(VACT_LOG2E), vset1(VACT_MAGIC_B));
    V n = vsub(t, vset1(VACT_MAGIC_B));
    V r = vfma(n, vset1(-VACT_LN2_HI), s);
    r = vadd(r, vfma(n, vset1(-VACT_LN2_LO), err));
    return vscale2n_t_(vexp_poly_h(r), n, t);
}
/* e^y for y <= 0 (or NaN): y raised to -88 (n >= -127) */
static inline V vact_fr_exp_neg(V y) {
    V s = vmax(vset1(-VACT_FR_SLO), y);
    V t = vfma(s, vset1(VACT_LOG2E), vset1(VACT_MAGIC_B));
    V n = vsub(t, vset1(VACT_MAGIC_B));
    V r = vfma(n, vset1(-VACT_LN2_HI), s);
    r = vfma(n, vset1(-VACT_LN2_LO), r);
    return vscale2n_t_(vexp_poly_h(r), n, t);
}
/* The row sum of e in [0, 1]: blocks of 4 iterations of 4 vectors summed
 * plainly into b0..b3 (<= 4 terms a lane, b < 8), each block added to
 * T0..T3 (started at 4, so that |T| >= |b|) by Fast2Sum with the errors in
 * C0..C3; the remainder likewise as one last block; then T - 4 (exact) and
 * C lane by lane in double (8 chains in a fixed order). A plain float sum
 * costs up to ~6 ULP of every y on long rows (S's error is in every
 * element). */
typedef struct { V t[4], c[4]; } vact_fr_acc;
static inline void vact_fr_acc_add(vact_fr_acc *a, int k, V b) {
    V s = vadd(a->t[k], b);
    a->c[k] = vadd(a->c[k], vsub(b, vsub(s, a->t[k])));
    a->t[k] = s;
}
static inline double vact_fr_total(const vact_fr_acc *a) {
    float h[4 * VACT_W], c[4 * VACT_W];
    for (int k = 0; k < 4; k++) {
        vstore(h + k * VACT_W, a->t[k]);
        vstore(c + k * VACT_W, a->c[k]);
    }
    double d[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    for (int j = 0; j < 4 * VACT_W; j++) d[j & 7] += ((double)h[j] - 4.0) + (double)c[j];
    return ((d[0] + d[1]) + (d[2] + d[3])) + ((d[4] + d[5]) + (d[6] + d[7]));
}

/* Pass 2: the sum of e^(x - P) over the row (double), e stored in y if
 * store. */
#define VACT_FR_EXP4(o, STORE)                                                                     V e0 = vact_fr_exp(vload(x + (o)), mv, nm, mlo, mode);                                         V e1 = vact_fr_exp(vload(x + (o) + VACT_W), mv, nm, mlo, mode);                                V e2 = vact_fr_exp(vload(x + (o) + 2 * VACT_W), mv, nm, mlo, mode);                            V e3 = vact_fr_exp(vload(x + (o) + 3 * VACT_W), mv, nm, mlo, mode);                            if (STORE) {                                                                                 vstore(y + (o), e0);                                                                     vstore(y + (o) + VACT_W, e1);                                                            vstore(y + (o) + 2 * VACT_W, e2);                                                        vstore(y + (o) + 3 * VACT_W, e3);                                                    }
#define VACT_FR_EXPSUM(STORE)                                                                const V mv = vset1(P), nm = vset1(-P), mlo = vset1(P - VACT_FR_SLO);                    vact_fr_acc A;                                                                           for (int k = 0; k < 4; k++) A.t[k] = vset1(4.0f), A.c[k] = vzero();                      size_t i = 0;                                                                            for (; i + 16 * VACT_W <= n; i += 16 * VACT_W) {                                              V b0 = vzero(), b1 = vzero(), b2 = vzero(), b3 = vzero();                                 for (int q = 0; q < 4; q++) {                                                                VACT_FR_EXP4(i + (size_t)q * 4 * VACT_W, STORE)                                                 b0 = vadd(b0, e0);                                                                       b1 = vadd(b1, e1);                                                                       b2 = vadd(b2, e2);                                                                       b3 = vadd(b3, e3);                                                                   }                                                                                        vact_fr_acc_add(&A, 0, b0);                                                              vact_fr_acc_add(&A, 1, b1);                                                              vact_fr_acc_add(&A, 2, b2);                                                              vact_fr_acc_add(&A, 3, b3);                                                          }                                                                                        if (i < n) {                                                                                 V b0 = vzero(), b1 = vzero(), b2 = vzero(), b3 = vzero();                                 for (; i + 4 * VACT_W <= n; i += 4 * VACT_W) {                                                VACT_FR_EXP4(i, STORE)                                                                        b0 = vadd(b0, e0);                                                                       b1 = vadd(b1, e1);                                                                       b2 = vadd(b2, e2);                                                                       b3 = vadd(b3, e3);                                                                   }                                                                                        for (; i + VACT_W <= n; i += VACT_W) {                                                        V e0 = vact_fr_exp(vload(x + i), mv, nm, mlo, mode);                                           if (STORE) vstore(y + i, e0);                                                            b1 = vadd(b1, e0);                                                                   }                                                                                        if (i < n) { /* the tail: its padding lanes must add 0 */                                    size_t k = n - i;                                                                        float tb[VACT_W];                                                                        V e0 = vact_fr_exp(vload_n(x + i, k), mv, nm, mlo, mode);                                      if (STORE) vstore_n(y + i, e0, k);                                                       vstore(tb, e0);                                                                          b2 = vadd(b2, vload_n(tb, k));                                                       }                                                                                        vact_fr_acc_add(&A, 0, b0);                                                              vact_fr_acc_add(&A, 1, b1);                                                              vact_fr_acc_add(&A, 2, b2);                                                              vact_fr_acc_add(&A, 3, b3);                                                          }                                                                                        return vact_fr_total(&A);
__attribute__((always_inline)) static inline double vact_fr_expsum(size_t n, const float *x, float *y,
                                                                   float P, int mode, int store) {
    if (store) {
        VACT_FR_EXPSUM(1)
    } else {
        VACT_FR_EXPSUM(0)
    }
}
#undef VACT_FR_EXPSUM
#undef VACT_FR_EXP4

static void vact_softmax_fast_row(size_t n, const float *x, float *y) {
    float mf = vact_row_max(n, x, NULL);
    if (mf == VACT_RW_INF) {
        vact_row_inf(n, x, y, 0);
        return;
    }
    if (!(mf >= -0x1p18f && mf <= 0x1p18f)) { /* -inf, huge */
        vact_softmax_row(n, x, y);
        return;
    }
    double Sd = mf <= 0.0f ? vact_fr_expsum(n, x, y, mf, 0, 1)
                           : vact_fr_expsum(n, x, y, mf > 16.0f ? mf : 16.0f, 1, 1);
    const V iv = vset1((float)(1.0 / Sd));
    size_t i;
    for (i = 0; i + 2 * VACT_W <= n; i += 2 * VACT_W) {
        vstore(y + i, vmul(vload(y + i), iv));
        vstore(y + i + VACT_W, vmul(vload(y + i + VACT_W), iv));
    }
    if (i + VACT_W <= n) {
        vstore(y + i, vmul(vload(y + i), iv));
        i += VACT_W;
    }
    if (i < n) vstore_n(y + i, vmul(vload_n(y + i, n - i), iv), n - i);
}

static void vact_log_softmax_fast_row(size_t n, const float *x, float *y) {
    float mf = vact_row_max(n, x, NULL);
    if (mf == VACT_RW_INF) {
        vact_row_inf(n, x, y, 1);
        return;
    }
    if (!(mf >= -0x1p18f && mf <= 0x1p18f)) {
        vact_log_softmax_row(n, x, y);
        return;
    }
    double Sd = mf <= 0.0f ? vact_fr_expsum(n, x, NULL, mf, 0, 0)
              : mf >= 16.0f ? vact_fr_expsum(n, x, NULL, mf, 1, 0)
                            : vact_fr_expsum(n, x, NULL, mf, 2, 0);
    const V mv = vset1(mf);
    size_t i;
    float S = (float)Sd, Slo = (float)(Sd - (double)S);
    const V L = vset1(vact_log_softmax_L(S, Slo));
    for (i = 0; i + 2 * VACT_W <= n; i += 2 * VACT_W) {
        vstore(y + i, vsub(vsub(vload(x + i), mv), L));
        vstore(y + i + VACT_W, vsub(vsub(vload(x + i + VACT_W), mv), L));
    }
    for (; i < n; i += VACT_W) {
        size_t k = n - i < VACT_W ? n - i : VACT_W;
        vstore_n(y + i, vsub(vsub(vload_n(x + i, k), mv), L), k);
    }
}

/* dx = dy - e^y * sum(dy), the sum as in the accurate backward */
static void vact_log_softmax_fast_bwd_row(size_t n, const float *y, const float *dy, float *dx) {
    V16 acc = v16_set1(0.0f);
    vact_sum_part(n, dy, &acc);
    const V sum = vset1(v16_hsum(acc));
    size_t i = 0;
    for (; i + 2 * VACT_W <= n; i += 2 * VACT_W) {
        V a = vfnma(vact_fr_exp_neg(vload(y + i)), sum, vload(dy + i));
        V b = vfnma(vact_fr_exp_neg(vload(y + i + VACT_W)), sum, vload(dy + i + VACT_W));
        vstore(dx + i, a);
        vstore(dx + i + VACT_W, b);
    }
    for (; i < n; i += VACT_W) {
        size_t k = n - i < VACT_W ? n - i : VACT_W;
        vstore_n(dx + i, vfnma(vact_fr_exp_neg(vload_n(y + i, k)), sum, vload_n(dy + i, k)), k);
    }
}

static void KFN(row_softmax_fast)(size_t rows, size_t cols, const float *x, float *y) {
    for (size_t r = 0; r < rows; r++) vact_softmax_fast_row(cols, x + r * cols, y + r * cols);
}
static void KFN(row_softmax_fast_bwd)(size_t rows, size_t cols, const float *y, const float *dy,
                                      float *dx) {
    KFN(row_softmax_bwd)(rows, cols, y, dy, dx);
}
static void KFN(row_log_softmax_fast)(size_t rows, size_t cols, const float *x, float *y) {
    for (size_t r = 0; r < rows; r++) vact_log_softmax_fast_row(cols, x + r * cols, y + r * cols);
}
static void KFN(row_log_softmax_fast_bwd)(size_t rows, size_t cols, const float *y,
                                          const float *dy, float *dx) {
    for (size_t r = 0; r < rows; r++)
        vact_log_softmax_fast_bwd_row(cols, y + r * cols, dy + r * cols, dx + r * cols);
}

/* ---- glu ------------------------------------------------------------------ */
/* 1/d by vrcp_fast and, where that is short of ~26 bits, one more Newton
 * step */
static inline V vact_fr_rcp(V d) {
    V y = vrcp_fast(d);
#if VACT_RCP_FAST_BITS < 26
    y = vrecip_step(d, y);
#endif
    return y;
}
/* e = e^-|b| for |b| <= 87 (other lanes: garbage, never NaN-trapping) */
static inline V vact_fr_expnb(V b) {
    V s = vor(b, vset1(-0.0f)); /* -|b| */
    V t = vfma(s, vset1(VACT_LOG2E), vset1(VACT_MAGIC_B));
    V n = vsub(t, vset1(VACT_MAGIC_B));
    V r = vfma(n, vset1(-VACT_LN2_HI), s);
    r = vfma(n, vset1(-VACT_LN2_LO), r);
    return vscale2n_t_(vexp_poly_h(r), n, t);
}
static inline V vact_glu_fast_fwd(V a, V b) {
    V e = vact_fr_expnb(b);
    V d = vadd(vset1(1.0f), e);
    V p = vmul(a, vsel(vlt(b, vzero()), e, vset1(1.0f)));
    V y = vmul(p, vact_fr_rcp(d));
    M slow = mnot(vle(vabs(b), vset1(87.0f))); /* |b| > 87, NaN */
    if (many(slow)) y = vsel(slow, vact_glu_fwd(a, b), y);
    return y;
}
VACT_DEF_GLU_ROWS(row_glu_fast, vact_glu_fast_fwd)
/* da = dy sigmoid(b), db = (dy a) e/(1 + e)^2 */
static inline void vact_glu_fast_bwd(V a, V b, V g, V *da, V *db) {
    V e = vact_fr_expnb(b);
    V d = vadd(vset1(1.0f), e);
    V s1 = vact_fr_rcp(d);                    /* 1/(1 + e) */
    V sp = vmul(e, s1);                       /* e/(1 + e) */
    V sg = vsel(vlt(b, vzero()), sp, s1);
    *da = vmul(g, sg);
    *db = vmul(vmul(g, a), vmul(sp, s1));
    const V big = vset1(0x1p45f);
    M ok = mand(vle(vabs(b), vset1(87.0f)), mand(vle(vabs(a), big), vle(vabs(g), big)));
    M slow = mnot(ok);
    if (many(slow)) {
        V sa, sb;
        vact_glu_bwd(a, b, g, &sa, &sb);
        *da = vsel(slow, sa, *da);
        *db = vsel(slow, sb, *db);
    }
}
VACT_DEF_GLU_BWD_ROWS(row_glu_fast_bwd, vact_glu_fast_bwd)

#define VACT_FAST_softmax ~, 1
#define VACT_FAST_log_softmax ~, 1
#define VACT_FAST_glu ~, 1

#endif
