/* Pass 2 of softmax and log_softmax: the compensated row sum of
 * e^(x - max) (V16 order), e^(x - max) to ~0.6 ULP even where x - max
 * rounds. */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_ROWWISE_EXPSUM_H
#define VACT_ROWWISE_EXPSUM_H
#include <stddef.h>
#include "../driver.h" /* V16 */
#include "../math/exp.h"
#include "row.h"

/* e^(x - m) for x <= m (m the finite row max): x - m carried as s + err
 * (2Sum, exact), err folded into the reduced argument, so the result is
 * e^(x - m) to ~0.6 ULP even where x - m rounds (|x - m| up to 104).
 * Also returns s and err (err = 0 where s < -104 or not finite). */
static inline V vact_exp_sub(V x, V m, V *sp, V *errp) {
    V s = vsub(x, m);
    V bb = vsub(s, x);
    V err = vsub(vsub(x, vsub(s, bb)), vadd(m, bb));
    err = vsel(vge(s, vset1(-104.0f)), err, vzero()); /* -inf, NaN, underflow */
    V xc = vmax(vset1(-104.0f), s);                    /* NaN stays NaN */
    V nn, r = vexp_reduce_lo(xc, err, &nn);
    *sp = s;
    *errp = err;
    return vscale2n(vexp_poly(r), nn);
}

/* The same for a row max |m| <= 2^24 (the usual case), given mlo = m - 128
 * (exact): x is first raised to mlo (NaN kept), so s = x - m is finite in
 * [-128, 0] and needs no clamp or guard (e^s with n >= -185 underflows to 0
 * by the one rounding of vscale2n). */
static inline V vact_exp_sub_small(V x, V m, V mlo) {
    x = vmax(mlo, x);
    V s = vsub(x, m);
    V bb = vsub(s, x);
    V err = vsub(vsub(x, vsub(s, bb)), vadd(m, bb));
    V nn, r = vexp_reduce_lo(s, err, &nn);
    return vscale2n(vexp_poly(r), nn);
}

/* Compensated row sum of values in [0, 1] (or NaN): every logical lane's
 * accumulator starts at 1, so acc >= e and Fast2Sum (s = acc + e, err =
 * e - (s - acc)) is exact; the errors add up in a second V16. */
static inline void vact_acc2(V *acc, V *cmp, V e) {
    V s = vadd(*acc, e);
    *cmp = vadd(*cmp, vsub(e, vsub(s, *acc)));
    *acc = s;
}
/* The total as hi + *lo: lanes minus their start 1 (exact), then the fixed
 * v16_hsum tree with 2Sum on the hi parts, then one Fast2Sum. */
static inline float vact_sum2(V16 acc, V16 cmp, float *lo) {
    float h[16], l[16];
    v16_store_n(h, acc, 16);
    v16_store_n(l, cmp, 16);
    for (int i = 0; i < 16; i++) h[i] = h[i] - 1.0f;
    for (int w = 8; w >= 1; w /= 2)
        for (int i = 0; i < w; i++) {
            float s = h[i] + h[i + w], bb = s - h[i];
            float e = (h[i] - (s - bb)) + (h[i + w] - bb);
            h[i] = s;
            l[i] = (l[i] + l[i + w]) + e;
        }
    float s = h[0] + l[0];
    *lo = l[0] - (s - h[0]);
    return s;
}

/* Pass 2 of softmax and log_softmax: returns S (and *Slo) with S + Slo the
 * compensated sum of e^(x - m) in V16 order, storing e in y if y != NULL.
 * Rows with |m| <= 2^24 take vact_exp_sub_small, others vact_exp_sub (the
 * choice depends on m only: the same on every ISA). The tail's padding
 * lanes are -inf: e = 0 there. */
#define VACT_EXPSUM_LOOP(EXPF)                                                        \
    for (; i + 32 <= n; i += 32) {                                                    \
        V e0[VACT_R], e1[VACT_R];                                                     \
        for (int j = 0; j < VACT_R; j++) {                                            \
            e0[j] = EXPF(vload(x + i + j * VACT_W));                                  \
            e1[j] = EXPF(vload(x + i + 16 + j * VACT_W));                             \
        }                                                                             \
        for (int j = 0; j < VACT_R; j++) {                                            \
            if (y) {                                                                  \
                vstore(y + i + j * VACT_W, e0[j]);                                    \
                vstore(y + i + 16 + j * VACT_W, e1[j]);                               \
            }                                                                         \
            vact_acc2(&acc.v[j], &cmp.v[j], e0[j]);                                   \
            vact_acc2(&acc.v[j], &cmp.v[j], e1[j]);                                   \
        }                                                                             \
    }                                                                                 \
    for (; i < n; i += 16) {                                                          \
        size_t k = n - i < 16 ? n - i : 16;                                           \
        V16 a = v16_pad(v16_load_n(x + i, k), k, -VACT_RW_INF), e;                    \
        for (int j = 0; j < VACT_R; j++) e.v[j] = EXPF(a.v[j]);                       \
        if (y) v16_store_n(y + i, e, k);                                              \
        for (int j = 0; j < VACT_R; j++) vact_acc2(&acc.v[j], &cmp.v[j], e.v[j]);     \
    }
/* vact_expsum_part: the loop of vact_expsum on a part of the row, carrying
 * acc and cmp (start: v16_set1(1), v16_set1(0)): parts of a multiple of 32
 * elements (all but the last) give the sum of the whole row bit for bit
 * (the bf16/f16 rows of rowwise/t16.h). */
static inline void vact_expsum_part(size_t n, const float *x, float *y, float mf, V16 *accp,
                                    V16 *cmpp) {
    const V mv = vset1(mf);
    V16 acc = *accp, cmp = *cmpp;
    size_t i = 0;
    if (mf >= -0x1p24f && mf <= 0x1p24f) {
        const V mlo = vset1(mf - 128.0f);
#define VACT_EXPF_SMALL(v) vact_exp_sub_small((v), mv, mlo)
        VACT_EXPSUM_LOOP(VACT_EXPF_SMALL)
#undef VACT_EXPF_SMALL
    } else {
        V s_, e_;
#define VACT_EXPF_BIG(v) vact_exp_sub((v), mv, &s_, &e_)
        VACT_EXPSUM_LOOP(VACT_EXPF_BIG)
#undef VACT_EXPF_BIG
    }
    *accp = acc;
    *cmpp = cmp;
}
static inline float vact_expsum(size_t n, const float *x, float *y, float mf, float *Slo) {
    V16 acc = v16_set1(1.0f), cmp = v16_set1(0.0f);
    vact_expsum_part(n, x, y, mf, &acc, &cmp);
    return vact_sum2(acc, cmp, Slo);
}
#undef VACT_EXPSUM_LOOP

#endif
