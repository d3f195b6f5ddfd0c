/* softmax: pass 1 the max; pass 2 e = e^(x - max) stored in y and summed
 * (vact_expsum, compensated: S + Slo); pass 3 y = e/(S + Slo) as
 * q = e*(1/S) plus one residual correction (~0.5 ULP, no vector division). */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_ROWWISE_SOFTMAX_H
#define VACT_ROWWISE_SOFTMAX_H
#include <stddef.h>
#include "../driver.h" /* V16 */
#include "row.h"
#include "expsum.h"

static inline void vact_softmax_div(size_t n, float *y, float S, float Slo);
static void vact_softmax_row(size_t n, const float *x, float *y) {
    float mf = vact_row_max(n, x, NULL);
    if (mf == VACT_RW_INF) {
        vact_row_inf(n, x, y, 0);
        return;
    }
    /* m = -inf (all -inf): NaN sum, NaN row */
    float Slo, S = vact_expsum(n, x, y, mf, &Slo);
    vact_softmax_div(n, y, S, Slo);
}
/* y = e/(S + Slo) in place: q = e*(1/S), then the residual e - q*S - q*Slo */
static inline void vact_softmax_div(size_t n, float *y, float S, float Slo) {
    const V sv = vset1(S), sl = vset1(Slo), iv = vset1(1.0f / S);
    size_t i = 0;
    for (; i + 2 * VACT_W <= n; i += 2 * VACT_W) {
        V a = vload(y + i), b = vload(y + i + VACT_W);
        V qa = vmul(a, iv), qb = vmul(b, iv);
        qa = vfma(vfnma(qa, sl, vfnma(qa, sv, a)), iv, qa);
        qb = vfma(vfnma(qb, sl, vfnma(qb, sv, b)), iv, qb);
        vstore(y + i, qa);
        vstore(y + i + VACT_W, qb);
    }
    for (; i < n; i += VACT_W) {
        size_t k = n - i < VACT_W ? n - i : VACT_W;
        V a = vload_n(y + i, k), qa = vmul(a, iv);
        vstore_n(y + i, vfma(vfnma(qa, sl, vfnma(qa, sv, a)), iv, qa), k);
    }
}

/* dx = y*(dy - sum(y*dy)), the dot product by FMA into four V16
 * accumulators taking the 16-element blocks in turn (block b into acc[b % 4];
 * four independent FMA chains instead of one latency-bound chain), combined
 * lane-wise as (acc0 + acc1) + (acc2 + acc3), then the v16_hsum tree: one
 * fixed order on every ISA. */
/* vact_softmax_dot_part: the accumulation on a part of the row, carrying
 * acc[4] (start: zeros): parts of a multiple of 64 elements (all but the
 * last) give the whole row's acc bit for bit (rowwise/t16.h). */
static inline void vact_softmax_dot_part(size_t n, const float *y, const float *dy, V16 *acc) {
    size_t i = 0;
    for (; i + 64 <= n; i += 64)
        for (int q = 0; q < 4; q++)
            for (int j = 0; j < VACT_R; j++) {
                size_t o = i + 16 * (size_t)q + (size_t)j * VACT_W;
                acc[q].v[j] = vfma(vload(y + o), vload(dy + o), acc[q].v[j]);
            }
    for (int q = 0; i < n; i += 16, q++) {
        size_t k = n - i < 16 ? n - i : 16;
        V16 a = v16_load_n(y + i, k), b = v16_load_n(dy + i, k);
        for (int j = 0; j < VACT_R; j++) acc[q].v[j] = vfma(a.v[j], b.v[j], acc[q].v[j]);
    }
}
static inline float vact_softmax_dot_end(V16 *acc) {
    for (int j = 0; j < VACT_R; j++)
        acc[0].v[j] = vadd(vadd(acc[0].v[j], acc[1].v[j]), vadd(acc[2].v[j], acc[3].v[j]));
    return v16_hsum(acc[0]);
}
/* dx = y*(dy - dot) */
static inline void vact_softmax_bwd_out(size_t n, const float *y, const float *dy, float *dx,
                                        float dotf) {
    const V dot = vset1(dotf);
    size_t i;
    for (i = 0; i + 2 * VACT_W <= n; i += 2 * VACT_W) { /* full vectors, then the masked tail */
        V a0 = vmul(vload(y + i), vsub(vload(dy + i), dot));
        V a1 = vmul(vload(y + i + VACT_W), vsub(vload(dy + i + VACT_W), dot));
        vstore(dx + i, a0);
        vstore(dx + i + VACT_W, a1);
    }
    for (; i < n; i += VACT_W) {
        size_t k = n - i < VACT_W ? n - i : VACT_W;
        V a = vload_n(y + i, k), b = vload_n(dy + i, k);
        vstore_n(dx + i, vmul(a, vsub(b, dot)), k);
    }
}
static void vact_softmax_bwd_row(size_t n, const float *y, const float *dy, float *dx) {
    V16 acc[4];
    for (int q = 0; q < 4; q++) acc[q] = v16_set1(0.0f);
    vact_softmax_dot_part(n, y, dy, acc);
    vact_softmax_bwd_out(n, y, dy, dx, vact_softmax_dot_end(acc));
}

VACT_ROW_DEF(softmax)

#endif
