/* The bf16 and f16 row-wise kernels of the functions marked VACT_T16 in
 * src/common/functions.def (softmax, log_softmax, glu).
 *
 * Design (no heap, the same bits on every ISA): a row is staged through a
 * fixed stack block of VACT_T16_BLK floats (a multiple of 64): each part of
 * the row is converted exactly to f32 (vload_T), goes through the f32 row
 * algorithm's pieces, and the results are rounded once to the output type
 * (vstore_T; a NaN result stored as the default NaN). The reductions carry
 * their V16 accumulators from part to part (vact_expsum_part,
 * vact_softmax_dot_part, vact_sum_part): parts of a multiple of 64
 * elements keep the fixed reduction order of the whole row, so S, Slo, the
 * dot product and sum(dy) are those of the f32 row kernel on the converted
 * row, and the result is that kernel's value rounded once (the row max is
 * combined from the parts' maxima, exact; only the sign of a zero max may
 * differ from the f32 kernel's, which changes no result). Softmax's
 * e^(x - max) is computed again in pass 3 (the f32 kernel keeps it in y,
 * which is 16 bit here), by the same code, so the same values.
 * glu is elementwise across the two halves: vact_glu_fwd / vact_glu_bwd on
 * 16-bit loads, no staging. */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_ROWWISE_T16_H
#define VACT_ROWWISE_T16_H
#include <stddef.h>
#include <stdint.h>
#include "../driver.h"
#include "row.h"
#include "expsum.h"
#include "softmax.h"
#include "log_softmax.h"
#include "glu.h"

#define VACT_T16_BLK 1024 /* floats per stage block (4 KiB), a multiple of 64 */

#define VACT_T16_ROWS(T)                                                                  \
    static inline void vact_from_##T(size_t n, const uint16_t *s, float *d) {             \
        size_t i = 0;                                                                     \
        for (; i + VACT_W <= n; i += VACT_W) vstore(d + i, vload_##T(s + i));             \
        if (i < n) vstore_n(d + i, vload_##T##_n(s + i, n - i), n - i);                   \
    }                                                                                     \
    static inline void vact_to_##T(size_t n, const float *s, uint16_t *d) {               \
        size_t i = 0;                                                                     \
        for (; i + VACT_W <= n; i += VACT_W) vstore_##T(d + i, vact_nan_default(vload(s + i))); \
        if (i < n) vstore_##T##_n(d + i, vact_nan_default(vload_n(s + i, n - i)), n - i); \
    }                                                                                     \
    /* the row max (NaN ignored, -inf if none) and, when it is +inf, the                  \
     * special row of vact_row_inf written; returns 1 then */                             \
    static int vact_max_##T(size_t n, const uint16_t *x, uint16_t *y, int logmode, float *mfp) { \
        float buf[VACT_T16_BLK];                                                          \
        float mf = -VACT_RW_INF;                                                          \
        for (size_t c = 0; c < n; c += VACT_T16_BLK) {                                    \
            size_t k = n - c < VACT_T16_BLK ? n - c : VACT_T16_BLK;                       \
            vact_from_##T(k, x + c, buf);                                                 \
            float m = vact_row_max(k, buf, NULL);                                         \
            mf = m > mf ? m : mf;                                                         \
        }                                                                                 \
        *mfp = mf;                                                                        \
        if (mf != VACT_RW_INF) return 0;                                                  \
        size_t cnt = 0;                                                                   \
        int nan = 0;                                                                      \
        for (size_t c = 0; c < n; c += VACT_T16_BLK) {                                    \
            size_t k = n - c < VACT_T16_BLK ? n - c : VACT_T16_BLK;                       \
            vact_from_##T(k, x + c, buf);                                                 \
            for (size_t i = 0; i < k; i++) {                                              \
                if (buf[i] != buf[i]) nan = 1;                                            \
                else if (buf[i] == VACT_RW_INF) cnt++;                                    \
            }                                                                             \
        }                                                                                 \
        float on, off;                                                                    \
        if (nan) on = off = VACT_RW_NAN;                                                  \
        else if (logmode) on = -vact_lane0(vlog(vset1((float)cnt))), off = -VACT_RW_INF;  \
        else on = 1.0f / (float)cnt, off = 0.0f;                                          \
        for (size_t c = 0; c < n; c += VACT_T16_BLK) {                                    \
            size_t k = n - c < VACT_T16_BLK ? n - c : VACT_T16_BLK;                       \
            vact_from_##T(k, x + c, buf);                                                 \
            for (size_t i = 0; i < k; i++) buf[i] = buf[i] == VACT_RW_INF ? on : off;     \
            vact_to_##T(k, buf, y + c);                                                   \
        }                                                                                 \
        return 1;                                                                         \
    }                                                                                     \
    static float vact_expsum_##T(size_t n, const uint16_t *x, float mf, float *Slo) {     \
        float buf[VACT_T16_BLK];                                                          \
        V16 acc = v16_set1(1.0f), cmp = v16_set1(0.0f);                                   \
        for (size_t c = 0; c < n; c += VACT_T16_BLK) {                                    \
            size_t k = n - c < VACT_T16_BLK ? n - c : VACT_T16_BLK;                       \
            vact_from_##T(k, x + c, buf);                                                 \
            vact_expsum_part(k, buf, NULL, mf, &acc, &cmp);                               \
        }                                                                                 \
        return vact_sum2(acc, cmp, Slo);                                                  \
    }                                                                                     \
    static void vact_softmax_row_##T(size_t n, const uint16_t *x, uint16_t *y) {          \
        float mf;                                                                         \
        if (vact_max_##T(n, x, y, 0, &mf)) return;                                        \
        float Slo, S = vact_expsum_##T(n, x, mf, &Slo);                                   \
        float buf[VACT_T16_BLK];                                                          \
        for (size_t c = 0; c < n; c += VACT_T16_BLK) {                                    \
            size_t k = n - c < VACT_T16_BLK ? n - c : VACT_T16_BLK;                       \
            V16 acc = v16_set1(1.0f), cmp = v16_set1(0.0f); /* unused */                  \
            vact_from_##T(k, x + c, buf);                                                 \
            vact_expsum_part(k, buf, buf, mf, &acc, &cmp);                                \
            vact_softmax_div(k, buf, S, Slo);                                             \
            vact_to_##T(k, buf, y + c);                                                   \
        }                                                                                 \
    }                                                                                     \
    static void vact_softmax_bwd_row_##T(size_t n, const uint16_t *y, const uint16_t *dy, \
                                         uint16_t *dx) {                                  \
        float by[VACT_T16_BLK], bd[VACT_T16_BLK];                                         \
        V16 acc[4];                                                                       \
        for (int q = 0; q < 4; q++) acc[q] = v16_set1(0.0f);                              \
        for (size_t c = 0; c < n; c += VACT_T16_BLK) {                                    \
            size_t k = n - c < VACT_T16_BLK ? n - c : VACT_T16_BLK;                       \
            vact_from_##T(k, y + c, by);                                                  \
            vact_from_##T(k, dy + c, bd);                                                 \
            vact_softmax_dot_part(k, by, bd, acc);                                        \
        }                                                                                 \
        const float dot = vact_softmax_dot_end(acc);                                      \
        for (size_t c = 0; c < n; c += VACT_T16_BLK) {                                    \
            size_t k = n - c < VACT_T16_BLK ? n - c : VACT_T16_BLK;                       \
            vact_from_##T(k, y + c, by);                                                  \
            vact_from_##T(k, dy + c, bd);                                                 \
            vact_softmax_bwd_out(k, by, bd, by, dot);                                     \
            vact_to_##T(k, by, dx + c);                                                   \
        }                                                                                 \
    }                                                                                     \
    static void vact_log_softmax_row_##T(size_t n, const uint16_t *x, uint16_t *y) {      \
        float mf;                                                                         \
        if (vact_max_##T(n, x, y, 1, &mf)) return;                                        \
        float Slo, S = vact_expsum_##T(n, x, mf, &Slo);                                   \
        const float L = vact_log_softmax_L(S, Slo);                                       \
        float buf[VACT_T16_BLK];                                                          \
        for (size_t c = 0; c < n; c += VACT_T16_BLK) {                                    \
            size_t k = n - c < VACT_T16_BLK ? n - c : VACT_T16_BLK;                       \
            vact_from_##T(k, x + c, buf);                                                 \
            vact_log_softmax_outs(k, buf, buf, mf, L);                                    \
            vact_to_##T(k, buf, y + c);                                                   \
        }                                                                                 \
    }                                                                                     \
    static void vact_log_softmax_bwd_row_##T(size_t n, const uint16_t *y, const uint16_t *dy, \
                                             uint16_t *dx) {                              \
        float by[VACT_T16_BLK], bd[VACT_T16_BLK];                                         \
        V16 acc = v16_set1(0.0f);                                                         \
        for (size_t c = 0; c < n; c += VACT_T16_BLK) {                                    \
            size_t k = n - c < VACT_T16_BLK ? n - c : VACT_T16_BLK;                       \
            vact_from_##T(k, dy + c, bd);                                                 \
            vact_sum_part(k, bd, &acc);                                                   \
        }                                                                                 \
        const float sum = v16_hsum(acc);                                                  \
        for (size_t c = 0; c < n; c += VACT_T16_BLK) {                                    \
            size_t k = n - c < VACT_T16_BLK ? n - c : VACT_T16_BLK;                       \
            vact_from_##T(k, y + c, by);                                                  \
            vact_from_##T(k, dy + c, bd);                                                 \
            vact_log_softmax_bwd_out(k, by, bd, by, sum);                                 \
            vact_to_##T(k, by, dx + c);                                                   \
        }                                                                                 \
    }                                                                                     \
    /* glu: rows ascending forward, descending backward, as the f32 kernel                \
     * (so y == x and dx == dy work) */                                                   \
    static void KFN(row_glu_##T)(size_t rows, size_t cols, const uint16_t *x, uint16_t *y) { \
        const size_t h = cols / 2;                                                        \
        for (size_t r = 0; r < rows; r++) {                                               \
            const uint16_t *a = x + r * cols, *b = a + h;                                 \
            uint16_t *o = y + r * h;                                                      \
            for (size_t j = 0; j < h; j += VACT_W) {                                      \
                size_t k = h - j < VACT_W ? h - j : VACT_W;                               \
                V v = vact_glu_fwd(vload_##T##_n(a + j, k), vload_##T##_n(b + j, k));     \
                vstore_##T##_n(o + j, vact_nan_default(v), k);                            \
            }                                                                             \
        }                                                                                 \
    }                                                                                     \
    static void KFN(row_glu_bwd_##T)(size_t rows, size_t cols, const uint16_t *x,         \
                                     const uint16_t *dy, uint16_t *dx) {                  \
        const size_t h = cols / 2;                                                        \
        for (size_t r = rows; r-- > 0;) {                                                 \
            const uint16_t *a = x + r * cols, *b = a + h, *g = dy + r * h;                \
            uint16_t *da = dx + r * cols, *db = da + h;                                   \
            for (size_t j = 0; j < h; j += VACT_W) {                                      \
                size_t k = h - j < VACT_W ? h - j : VACT_W;                               \
                V va, vb;                                                                 \
                vact_glu_bwd(vload_##T##_n(a + j, k), vload_##T##_n(b + j, k),            \
                             vload_##T##_n(g + j, k), &va, &vb);                          \
                vstore_##T##_n(da + j, vact_nan_default(va), k);                          \
                vstore_##T##_n(db + j, vact_nan_default(vb), k);                          \
            }                                                                             \
        }                                                                                 \
    }

VACT_T16_ROWS(bf16)
VACT_T16_ROWS(f16)

/* The row loops of softmax / log_softmax in both types (VACT_ROW16_DEF(name),
 * from the list in all.h; glu defines its own above). */
#define VACT_ROW16_DEF_T(name, T)                                                         \
    static void KFN(row_##name##_##T)(size_t rows, size_t cols, const uint16_t *x, uint16_t *y) { \
        for (size_t r = 0; r < rows; r++)                                                 \
            vact_##name##_row_##T(cols, x + r * cols, y + r * cols);                      \
    }                                                                                     \
    static void KFN(row_##name##_bwd_##T)(size_t rows, size_t cols, const uint16_t *x,    \
                                          const uint16_t *dy, uint16_t *dx) {             \
        for (size_t r = 0; r < rows; r++)                                                 \
            vact_##name##_bwd_row_##T(cols, x + r * cols, dy + r * cols, dx + r * cols);  \
    }
#define VACT_ROW16_DEF_glu
#define VACT_ROW16_DEF_softmax VACT_ROW16_DEF_T(softmax, bf16) VACT_ROW16_DEF_T(softmax, f16)
#define VACT_ROW16_DEF_log_softmax                                                        \
    VACT_ROW16_DEF_T(log_softmax, bf16) VACT_ROW16_DEF_T(log_softmax, f16)
#define VACT_ROW16_DEF(name) VACT_ROW16_DEF_##name

#endif
