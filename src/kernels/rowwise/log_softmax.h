/* log_softmax: y = (x - max) - log(S): x - max as s + err (2Sum),
 * y = (s - L) + err with L = log(S) (vlog, once per row). y <= -L and
 * y <= x - max, so neither term cancels. */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_ROWWISE_LOG_SOFTMAX_H
#define VACT_ROWWISE_LOG_SOFTMAX_H
#include <stddef.h>
#include "../driver.h" /* V16 */
#include "../math/exp.h"
#include "../math/log.h"
#include "row.h"
#include "expsum.h"

static inline V vact_log_softmax_out(V a, V mv, V L) {
    V s = vsub(a, mv);
    V bb = vsub(s, a);
    V err = vsub(vsub(a, vsub(s, bb)), vadd(mv, bb));
    err = vsel(vlt(vabs(s), vset1(VACT_RW_INF)), err, vzero()); /* -inf, NaN */
    return vadd(vsub(s, L), err);
}
static inline float vact_log_softmax_L(float S, float Slo);
static inline void vact_log_softmax_outs(size_t n, const float *x, float *y, float mf, float Lf);
static void vact_log_softmax_row(size_t n, const float *x, float *y) {
    float mf = vact_row_max(n, x, NULL);
    if (mf == VACT_RW_INF) {
        vact_row_inf(n, x, y, 1);
        return;
    }
    float Slo, S = vact_expsum(n, x, NULL, mf, &Slo);
    vact_log_softmax_outs(n, x, y, mf, vact_log_softmax_L(S, Slo));
}
/* log(S + Slo) = log(S) + Slo/S to first order (|Slo/S| <= 2^-24) */
static inline float vact_log_softmax_L(float S, float Slo) {
    return vact_lane0(vlog(vset1(S))) + Slo / S;
}
static inline void vact_log_softmax_outs(size_t n, const float *x, float *y, float mf, float Lf) {
    const V mv = vset1(mf), L = vset1(Lf);
    size_t i = 0;
    for (; i + 2 * VACT_W <= n; i += 2 * VACT_W) {
        V a = vact_log_softmax_out(vload(x + i), mv, L);
        V b = vact_log_softmax_out(vload(x + i + VACT_W), mv, L);
        vstore(y + i, a);
        vstore(y + i + VACT_W, b);
    }
    for (; i < n; i += VACT_W) {
        size_t k = n - i < VACT_W ? n - i : VACT_W;
        vstore_n(y + i, vact_log_softmax_out(vload_n(x + i, k), mv, L), k);
    }
}

/* dx = dy - e^y * sum(dy) (one FMA rounding), the sum in V16 order. */
/* the sum of dy on a part of the row, carrying acc (start: zeros): parts of
 * a multiple of 16 elements give the whole row's acc (rowwise/t16.h) */
static inline void vact_sum_part(size_t n, const float *dy, V16 *accp) {
    V16 acc = *accp;
    size_t i = 0;
    for (; i + 16 <= n; i += 16)
        for (int j = 0; j < VACT_R; j++) acc.v[j] = vadd(acc.v[j], vload(dy + i + j * VACT_W));
    if (i < n) {
        V16 b = v16_load_n(dy + i, n - i);
        for (int j = 0; j < VACT_R; j++) acc.v[j] = vadd(acc.v[j], b.v[j]);
    }
    *accp = acc;
}
/* dx = dy - e^y * sum */
static inline void vact_log_softmax_bwd_out(size_t n, const float *y, const float *dy, float *dx,
                                            float sumf) {
    const V sum = vset1(sumf);
    size_t i;
    for (i = 0; i < n; i += VACT_W) {
        size_t k = n - i < VACT_W ? n - i : VACT_W;
        V a = vload_n(y + i, k), b = vload_n(dy + i, k);
        vstore_n(dx + i, vfnma(vexp(a), sum, b), k);
    }
}
static void vact_log_softmax_bwd_row(size_t n, const float *y, const float *dy, float *dx) {
    V16 acc = v16_set1(0.0f);
    vact_sum_part(n, dy, &acc);
    vact_log_softmax_bwd_out(n, y, dy, dx, v16_hsum(acc));
}

VACT_ROW_DEF(log_softmax)

#endif
