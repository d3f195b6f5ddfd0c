/* Shared by the row-wise functions (softmax, log_softmax, sparsemax, glu)
 * and prelu. Each row's reductions go through V16 (16 logical lanes, each
 * summing its elements in index order, then the fixed tree of v16_hsum), so
 * every ISA computes the same sums bit for bit. Decisions (special rows,
 * sparsemax's search) are taken on those sums, so they agree on every ISA
 * too. */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_ROWWISE_ROW_H
#define VACT_ROWWISE_ROW_H
#include <stddef.h>
#include "../driver.h" /* V16, VACT_FLATTEN */
#include "../math/log.h"

#define VACT_RW_INF __builtin_inff()
#define VACT_RW_NAN __builtin_nanf("")

static inline float vact_lane0(V v) {
    float t[VACT_W];
    vstore(t, v);
    return t[0];
}

/* Max of a row, NaN ignored (-inf when there is no other value); *nan set
 * when the row holds a NaN (if nan != NULL). Max is exact, so 4 x 16
 * logical lanes (the same on every ISA, signed zeros included). */
static inline float vact_row_max(size_t n, const float *x, int *nan) {
    V16 m0 = v16_set1(-VACT_RW_INF), m1 = m0, m2 = m0, m3 = m0;
    V16 q = v16_set1(0.0f);
    const V one = vset1(1.0f);
    size_t i = 0;
    for (; i + 64 <= n; i += 64) {
        for (int j = 0; j < VACT_R; j++) {
            V a = vload(x + i + j * VACT_W), b = vload(x + i + 16 + j * VACT_W);
            V c = vload(x + i + 32 + j * VACT_W), d = vload(x + i + 48 + j * VACT_W);
            m0.v[j] = vmax(a, m0.v[j]); /* NaN a -> m */
            m1.v[j] = vmax(b, m1.v[j]);
            m2.v[j] = vmax(c, m2.v[j]);
            m3.v[j] = vmax(d, m3.v[j]);
            if (nan) {
                M u = mor(mor(visnan(a), visnan(b)), mor(visnan(c), visnan(d)));
                q.v[j] = vsel(u, one, q.v[j]);
            }
        }
    }
    for (; i < n; i += 16) {
        size_t k = n - i < 16 ? n - i : 16;
        V16 a = k == 16 ? v16_load_n(x + i, 16) : v16_pad(v16_load_n(x + i, k), k, -VACT_RW_INF);
        for (int j = 0; j < VACT_R; j++) {
            m0.v[j] = vmax(a.v[j], m0.v[j]);
            if (nan) q.v[j] = vsel(visnan(a.v[j]), one, q.v[j]);
        }
    }
    for (int j = 0; j < VACT_R; j++) {
        m0.v[j] = vmax(m0.v[j], vmax(m1.v[j], vmax(m2.v[j], m3.v[j])));
    }
    if (nan) *nan = v16_hsum(q) != 0.0f;
    return v16_hmax(m0);
}

/* A row whose max is +inf: NaN anywhere -> NaN row; else the +inf entries
 * share equally (on = 1/count, or -log(count) for log_softmax), others off. */
__attribute__((unused)) static void vact_row_inf(size_t n, const float *x, float *y, int logmode) {
    size_t cnt = 0;
    int nan = 0;
    for (size_t i = 0; i < n; i++) {
        if (x[i] != x[i]) nan = 1;
        else if (x[i] == VACT_RW_INF) cnt++;
    }
    float on, off;
    if (nan) {
        on = off = VACT_RW_NAN;
    } else if (logmode) {
        on = -vact_lane0(vlog(vset1((float)cnt)));
        off = -VACT_RW_INF;
    } else {
        on = 1.0f / (float)cnt;
        off = 0.0f;
    }
    for (size_t i = 0; i < n; i++) y[i] = x[i] == VACT_RW_INF ? on : off;
}

static inline void vact_row_fill(size_t n, float *y, float v) {
    for (size_t i = 0; i < n; i++) y[i] = v;
}

/* The row loops of a function with vact_NAME_row / vact_NAME_bwd_row. */
#define VACT_ROW_DEF(name)                                                                \
    static void KFN(row_##name)(size_t rows, size_t cols, const float *x, float *y) {     \
        for (size_t r = 0; r < rows; r++) vact_##name##_row(cols, x + r * cols, y + r * cols); \
    }                                                                                     \
    static void KFN(row_##name##_bwd)(size_t rows, size_t cols, const float *x,           \
                                      const float *dy, float *dx) {                       \
        for (size_t r = 0; r < rows; r++)                                                 \
            vact_##name##_bwd_row(cols, x + r * cols, dy + r * cols, dx + r * cols);      \
    }

#endif
