/* sparsemax. In z = x - max coordinates tau lies in [-1, 0) and solves
 * g(t) = sum max(z - t, 0) = 1. From t = -1 (g >= 1), Michelot's iteration
 * t <- (sum of z over z > t - 1)/count(z > t) (Newton on the convex
 * piecewise-linear g) increases to tau and stops when the support stops
 * shrinking: that support's t is tau. Random rows of 4000 take 5-9 passes.
 * Should it take more than VACT_SPM_NEWTON, a fixed number of bisection
 * steps on [t, 0] and the same finish (capped) follow. Counts and sums are
 * V16 sums, so every decision, hence every bit, is the same on every ISA.
 * O(n) per pass, no storage but y. */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_ROWWISE_SPARSEMAX_H
#define VACT_ROWWISE_SPARSEMAX_H
#include <stddef.h>
#include "../driver.h" /* V16 */
#include "row.h"

#define VACT_SPM_NEWTON 16
#define VACT_SPM_BISECT 12
#define VACT_SPM_FINISH 32

/* 16 values of z (lanes past k read as -inf: they count nowhere) */
static inline V16 vact_spm_z(const float *z, size_t k) {
    V16 a = v16_load_n(z, k);
    return k == 16 ? a : v16_pad(a, k, -VACT_RW_INF);
}
/* g(t) = sum max(z - t, 0): 4 x 16 logical lanes, combined in a fixed order */
static inline float vact_spm_g(size_t n, const float *z, float t) {
    const V tv = vset1(t);
    V16 a0 = v16_set1(0.0f), a1 = a0, a2 = a0, a3 = a0;
    size_t i = 0;
    for (; i + 64 <= n; i += 64)
        for (int j = 0; j < VACT_R; j++) {
            const float *p = z + i + j * VACT_W;
            a0.v[j] = vadd(a0.v[j], vmax(vsub(vload(p), tv), vzero()));
            a1.v[j] = vadd(a1.v[j], vmax(vsub(vload(p + 16), tv), vzero()));
            a2.v[j] = vadd(a2.v[j], vmax(vsub(vload(p + 32), tv), vzero()));
            a3.v[j] = vadd(a3.v[j], vmax(vsub(vload(p + 48), tv), vzero()));
        }
    for (; i < n; i += 16) {
        V16 v = vact_spm_z(z + i, n - i < 16 ? n - i : 16);
        for (int j = 0; j < VACT_R; j++) a0.v[j] = vadd(a0.v[j], vmax(vsub(v.v[j], tv), vzero()));
    }
    for (int j = 0; j < VACT_R; j++) a0.v[j] = vadd(vadd(a0.v[j], a1.v[j]), vadd(a2.v[j], a3.v[j]));
    return v16_hsum(a0);
}
/* count and sum of z over z > t: 2 x 16 logical lanes, combined in a fixed order */
static inline void vact_spm_acc(V z, V tv, V *c, V *s) {
    M in = vgt(z, tv);
    *c = vadd(*c, vsel(in, vset1(1.0f), vzero()));
    *s = vadd(*s, vsel(in, z, vzero()));
}
static inline void vact_spm_stats(size_t n, const float *z, float t, float *cnt, float *sum) {
    const V tv = vset1(t);
    V16 c0 = v16_set1(0.0f), s0 = c0, c1 = c0, s1 = c0;
    size_t i = 0;
    for (; i + 32 <= n; i += 32)
        for (int j = 0; j < VACT_R; j++) {
            vact_spm_acc(vload(z + i + j * VACT_W), tv, &c0.v[j], &s0.v[j]);
            vact_spm_acc(vload(z + i + 16 + j * VACT_W), tv, &c1.v[j], &s1.v[j]);
        }
    for (; i < n; i += 16) {
        V16 v = vact_spm_z(z + i, n - i < 16 ? n - i : 16);
        for (int j = 0; j < VACT_R; j++) vact_spm_acc(v.v[j], tv, &c0.v[j], &s0.v[j]);
    }
    for (int j = 0; j < VACT_R; j++) {
        c0.v[j] = vadd(c0.v[j], c1.v[j]);
        s0.v[j] = vadd(s0.v[j], s1.v[j]);
    }
    *cnt = v16_hsum(c0);
    *sum = v16_hsum(s0);
}

/* z = x - max is written to y first (elementwise: in place works), every
 * later pass reads z from y. */
static void vact_sparsemax_row(size_t n, const float *x, float *y) {
    int nan;
    float mf = vact_row_max(n, x, &nan);
    if (nan || mf == -VACT_RW_INF) {
        vact_row_fill(n, y, VACT_RW_NAN);
        return;
    }
    if (mf == VACT_RW_INF) {
        vact_row_inf(n, x, y, 0);
        return;
    }
    const V mv = vset1(mf);
    for (size_t i = 0; i < n; i += VACT_W) {
        size_t k = n - i < VACT_W ? n - i : VACT_W;
        vstore_n(y + i, vsub(vload_n(x + i, k), mv), k);
    }
    float c, s, tau = -1.0f;
    vact_spm_stats(n, y, tau, &c, &s);
    int done = 0;
    for (int it = 0; it < VACT_SPM_NEWTON && !done; it++) {
        float t2 = (s - 1.0f) / c, c2, s2;
        vact_spm_stats(n, y, t2, &c2, &s2);
        tau = t2;
        if (c2 >= c) done = 1; /* same support: tau is its threshold */
        else c = c2, s = s2;   /* the statistics of z > tau */
    }
    if (!done) {
        float lo = tau, hi = 0.0f;
        for (int it = 0; it < VACT_SPM_BISECT; it++) {
            float mid = 0.5f * (lo + hi);
            if (vact_spm_g(n, y, mid) >= 1.0f) lo = mid;
            else hi = mid;
        }
        vact_spm_stats(n, y, lo, &c, &s);
        tau = (s - 1.0f) / c;
        for (int it = 0; it < VACT_SPM_FINISH; it++) {
            float c2, s2;
            vact_spm_stats(n, y, tau, &c2, &s2);
            if (c2 >= c) break;
            c = c2;
            s = s2;
            tau = (s - 1.0f) / c;
        }
    }
    const V tv = vset1(tau);
    for (size_t i = 0; i < n; i += VACT_W) {
        size_t k = n - i < VACT_W ? n - i : VACT_W;
        vstore_n(y + i, vmax(vsub(vload_n(y + i, k), tv), vzero()), k);
    }
}

/* dx = [y > 0] * (dy - mean of dy over y > 0); the indicator is y*0 off the
 * support, so a NaN y gives NaN (and NaN dy anywhere gives NaN). */
static void vact_sparsemax_bwd_row(size_t n, const float *y, const float *dy, float *dx) {
    const V one = vset1(1.0f);
    V16 c = v16_set1(0.0f), s = c;
    for (size_t i = 0; i < n; i += 16) {
        size_t k = n - i < 16 ? n - i : 16;
        V16 a = v16_load_n(y + i, k), b = v16_load_n(dy + i, k);
        for (int j = 0; j < VACT_R; j++) {
            M in = vgt(a.v[j], vzero()); /* padding lanes are +0: out */
            c.v[j] = vadd(c.v[j], vsel(in, one, vzero()));
            s.v[j] = vadd(s.v[j], vsel(in, b.v[j], vzero()));
        }
    }
    float cnt = v16_hsum(c), sum = v16_hsum(s);
    const V mean = vset1(cnt > 0.0f ? sum / cnt : 0.0f);
    for (size_t i = 0; i < n; i += VACT_W) {
        size_t k = n - i < VACT_W ? n - i : VACT_W;
        V a = vload_n(y + i, k), b = vload_n(dy + i, k);
        V ind = vsel(vgt(a, vzero()), one, vmul(a, vzero()));
        vstore_n(dx + i, vmul(vsub(b, mean), ind), k);
    }
}

VACT_ROW_DEF(sparsemax)

#endif
