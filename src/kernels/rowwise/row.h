/* Row-wise functions (softmax, log_softmax, sparsemax, glu) and prelu.
 * Each row's reductions go through V16 (16 logical lanes, each summing its
 * elements in index order, then the fixed tree of v16_hsum), so every ISA
 * computes the same sums bit for bit. Decisions (special rows, sparsemax's
 * search) are taken on those sums, so they agree on every ISA too. */
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
static void vact_row_inf(size_t n, const float *x, float *y, int logmode) {
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
    V t = vfma(xc, vset1(VACT_LOG2E), vset1(VACT_MAGIC));
    V nn = vsub(t, vset1(VACT_MAGIC));
    V r = vfma(nn, vset1(-VACT_LN2_HI), xc);           /* exact */
    r = vadd(r, err);
    r = vfma(nn, vset1(-VACT_LN2_LO), r);
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
    V t = vfma(s, vset1(VACT_LOG2E), vset1(VACT_MAGIC));
    V nn = vsub(t, vset1(VACT_MAGIC));
    V r = vfma(nn, vset1(-VACT_LN2_HI), s);
    r = vadd(r, err);
    r = vfma(nn, vset1(-VACT_LN2_LO), r);
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

/* ---- softmax ------------------------------------------------------------ */
/* Pass 1 the max; pass 2 e = e^(x - max) stored in y and summed (V16,
 * compensated: S + Slo); pass 3 y = e/(S + Slo) as q = e*(1/S) plus one
 * residual correction (~0.5 ULP, no vector division). */
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
static inline float vact_expsum(size_t n, const float *x, float *y, float mf, float *Slo) {
    const V mv = vset1(mf);
    V16 acc = v16_set1(1.0f), cmp = v16_set1(0.0f);
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
    return vact_sum2(acc, cmp, Slo);
}
#undef VACT_EXPSUM_LOOP

static void vact_softmax_row(size_t n, const float *x, float *y) {
    float mf = vact_row_max(n, x, NULL);
    if (mf == VACT_RW_INF) {
        vact_row_inf(n, x, y, 0);
        return;
    }
    /* m = -inf (all -inf): NaN sum, NaN row */
    float Slo, S = vact_expsum(n, x, y, mf, &Slo);
    /* y = e/(S + Slo): q = e*(1/S), then the residual e - q*S - q*Slo */
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
static void vact_softmax_bwd_row(size_t n, const float *y, const float *dy, float *dx) {
    V16 acc[4];
    for (int q = 0; q < 4; q++) acc[q] = v16_set1(0.0f);
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
    for (int j = 0; j < VACT_R; j++)
        acc[0].v[j] = vadd(vadd(acc[0].v[j], acc[1].v[j]), vadd(acc[2].v[j], acc[3].v[j]));
    const V dot = vset1(v16_hsum(acc[0]));
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

/* ---- log_softmax -------------------------------------------------------- */
/* y = (x - max) - log(S): x - max as s + err (2Sum), y = (s - L) + err with
 * L = log(S) (vlog, once per row). y <= -L and y <= x - max, so neither
 * term cancels. */
static inline V vact_log_softmax_out(V a, V mv, V L) {
    V s = vsub(a, mv);
    V bb = vsub(s, a);
    V err = vsub(vsub(a, vsub(s, bb)), vadd(mv, bb));
    err = vsel(vlt(vabs(s), vset1(VACT_RW_INF)), err, vzero()); /* -inf, NaN */
    return vadd(vsub(s, L), err);
}
static void vact_log_softmax_row(size_t n, const float *x, float *y) {
    float mf = vact_row_max(n, x, NULL);
    if (mf == VACT_RW_INF) {
        vact_row_inf(n, x, y, 1);
        return;
    }
    const V mv = vset1(mf);
    float Slo, S = vact_expsum(n, x, NULL, mf, &Slo);
    /* log(S + Slo) = log(S) + Slo/S to first order (|Slo/S| <= 2^-24) */
    const V L = vset1(vact_lane0(vlog(vset1(S))) + Slo / S);
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
static void vact_log_softmax_bwd_row(size_t n, const float *y, const float *dy, float *dx) {
    V16 acc = v16_set1(0.0f);
    size_t i = 0;
    for (; i + 16 <= n; i += 16)
        for (int j = 0; j < VACT_R; j++) acc.v[j] = vadd(acc.v[j], vload(dy + i + j * VACT_W));
    if (i < n) {
        V16 b = v16_load_n(dy + i, n - i);
        for (int j = 0; j < VACT_R; j++) acc.v[j] = vadd(acc.v[j], b.v[j]);
    }
    const V sum = vset1(v16_hsum(acc));
    for (i = 0; i < n; i += VACT_W) {
        size_t k = n - i < VACT_W ? n - i : VACT_W;
        V a = vload_n(y + i, k), b = vload_n(dy + i, k);
        vstore_n(dx + i, vfnma(vexp(a), sum, b), k);
    }
}

/* ---- sparsemax ---------------------------------------------------------- */
/* In z = x - max coordinates tau lies in [-1, 0) and solves
 * g(t) = sum max(z - t, 0) = 1. From t = -1 (g >= 1), Michelot's iteration
 * t <- (sum of z over z > t - 1)/count(z > t) (Newton on the convex
 * piecewise-linear g) increases to tau and stops when the support stops
 * shrinking: that support's t is tau. Random rows of 4000 take 5-9 passes.
 * Should it take more than VACT_SPM_NEWTON, a fixed number of bisection
 * steps on [t, 0] and the same finish (capped) follow. Counts and sums are
 * V16 sums, so every decision, hence every bit, is the same on every ISA.
 * O(n) per pass, no storage but y. */
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

/* ---- row drivers ---------------------------------------------------------- */
#define VACT_ROW_DEF(name)                                                                \
    static void KFN(row_##name)(size_t rows, size_t cols, const float *x, float *y) {     \
        for (size_t r = 0; r < rows; r++) vact_##name##_row(cols, x + r * cols, y + r * cols); \
    }                                                                                     \
    static void KFN(row_##name##_bwd)(size_t rows, size_t cols, const float *x,           \
                                      const float *dy, float *dx) {                       \
        for (size_t r = 0; r < rows; r++)                                                 \
            vact_##name##_bwd_row(cols, x + r * cols, dy + r * cols, dx + r * cols);      \
    }
VACT_ROW_DEF(softmax)
VACT_ROW_DEF(log_softmax)
VACT_ROW_DEF(sparsemax)

/* ---- glu ------------------------------------------------------------------ */
/* a*sigmoid(b) can be tiny (subnormal) while a is large, so e = e^-|b| is
 * kept as pe * 2^n (vexp_reduce / vexp_poly, |b| clamped at 300: beyond,
 * every product underflows), a and dy as m * 2^k with |m| in [1, 2), and
 * each result is w * 2^N with w = (mantissa products)/(1 + e) in [2^-3, 8]
 * and one rounding by vscale2n: subnormal results are computed, not
 * amplified. 1 + e = d + dl exactly, the quotients by a Newton reciprocal
 * of d (vrecip12) and one residual correction, as in f_sigmoid.h. Zero,
 * infinite or NaN a or dy take the plain products instead (IEEE specials). */
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
/* y = a*sigmoid(b). Rows ascending: y row r ends before x row r starts
 * (r >= 1), and in row 0 y[j] overwrites only a[j] after reading it, so
 * y == x works. */
static void KFN(row_glu)(size_t rows, size_t cols, const float *x, float *y) {
    const size_t h = cols / 2;
    for (size_t r = 0; r < rows; r++) {
        const float *a = x + r * cols, *b = a + h;
        float *o = y + r * h;
        size_t j = 0;
        for (; j + 2 * VACT_W <= h; j += 2 * VACT_W) {
            V y0 = vact_glu_fwd(vload(a + j), vload(b + j));
            V y1 = vact_glu_fwd(vload(a + j + VACT_W), vload(b + j + VACT_W));
            vstore(o + j, y0);
            vstore(o + j + VACT_W, y1);
        }
        for (; j < h; j += VACT_W) {
            size_t k = h - j < VACT_W ? h - j : VACT_W;
            vstore_n(o + j, vact_glu_fwd(vload_n(a + j, k), vload_n(b + j, k)), k);
        }
    }
}
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
/* Rows descending: dx row r (r >= 1) covers dy rows 2r and 2r+1, already
 * consumed, so dx == dy works; dx == x is elementwise. */
static void KFN(row_glu_bwd)(size_t rows, size_t cols, const float *x, const float *dy,
                             float *dx) {
    const size_t h = cols / 2;
    for (size_t r = rows; r-- > 0;) {
        const float *a = x + r * cols, *b = a + h, *g = dy + r * h;
        float *da = dx + r * cols, *db = da + h;
        for (size_t j = 0; j < h; j += VACT_W) {
            size_t k = h - j < VACT_W ? h - j : VACT_W;
            V va, vb;
            vact_glu_bwd(vload_n(a + j, k), vload_n(b + j, k), vload_n(g + j, k), &va, &vb);
            vstore_n(da + j, va, k);
            vstore_n(db + j, vb, k);
        }
    }
}

/* ---- prelu ---------------------------------------------------------------- */
/* y = x > 0 ? x : alpha[c]*x. When every alpha is in [-inf, 1] and not 0
 * (checked once, for calls of >= 8 rows, below 16 lanes), max(x, alpha*x) is the same
 * select lane by lane (see f_leaky_relu.h: ties and NaN x give alpha*x)
 * without the compare + blend. Rows go in pairs sharing the alpha loads. */
static inline V vact_prelu1(V a, V al, int mx) {
    V ax = vmul(al, a);
    return mx ? vmax(a, ax) : vsel(vgt(a, vzero()), a, ax);
}
VACT_FLATTEN static inline void vact_prelu_rows(size_t rows, size_t channels, const float *x,
                                                const float *alpha, float *y, int mx) {
    size_t r = 0;
    for (; r + 2 <= rows; r += 2) {
        const float *x0 = x + r * channels, *x1 = x0 + channels;
        float *y0 = y + r * channels, *y1 = y0 + channels;
        size_t c = 0;
        for (; c + 2 * VACT_W <= channels; c += 2 * VACT_W) {
            V al0 = vload(alpha + c), al1 = vload(alpha + c + VACT_W);
            V a = vact_prelu1(vload(x0 + c), al0, mx), b = vact_prelu1(vload(x0 + c + VACT_W), al1, mx);
            V d = vact_prelu1(vload(x1 + c), al0, mx), e = vact_prelu1(vload(x1 + c + VACT_W), al1, mx);
            vstore(y0 + c, a);
            vstore(y0 + c + VACT_W, b);
            vstore(y1 + c, d);
            vstore(y1 + c + VACT_W, e);
        }
        for (; c < channels; c += VACT_W) {
            size_t k = channels - c < VACT_W ? channels - c : VACT_W;
            V al = vload_n(alpha + c, k);
            V a = vact_prelu1(vload_n(x0 + c, k), al, mx), d = vact_prelu1(vload_n(x1 + c, k), al, mx);
            vstore_n(y0 + c, a, k);
            vstore_n(y1 + c, d, k);
        }
    }
    for (; r < rows; r++) {
        const float *xr = x + r * channels;
        float *yr = y + r * channels;
        size_t c = 0;
        for (; c + 2 * VACT_W <= channels; c += 2 * VACT_W) {
            V a = vact_prelu1(vload(xr + c), vload(alpha + c), mx);
            V b = vact_prelu1(vload(xr + c + VACT_W), vload(alpha + c + VACT_W), mx);
            vstore(yr + c, a);
            vstore(yr + c + VACT_W, b);
        }
        for (; c < channels; c += VACT_W) {
            size_t k = channels - c < VACT_W ? channels - c : VACT_W;
            vstore_n(yr + c, vact_prelu1(vload_n(xr + c, k), vload_n(alpha + c, k), mx), k);
        }
    }
}
/* every alpha in [-inf, 1] and != 0 (NaN fails) */
static inline int vact_prelu_mx_ok(size_t channels, const float *alpha) {
    const V one = vset1(1.0f);
    M bad = vlt(one, one);
    size_t c = 0;
    for (; c + VACT_W <= channels; c += VACT_W) {
        V a = vload(alpha + c);
        bad = mor(bad, mor(mnot(vle(a, one)), veq(a, vzero())));
    }
    int ok = !many(bad);
    for (; ok && c < channels; c++) ok = alpha[c] <= 1.0f && alpha[c] != 0.0f;
    return ok;
}
static void KFN(prelu)(size_t rows, size_t channels, const float *x, const float *alpha, float *y) {
    /* Not on 16 lanes: there GCC folds the loads into the max form's ops and
     * re-loads x and alpha per use (split loads when alpha is not 64-byte
     * aligned: 64x64 16 vs 23 Gelem/s); the select form is kept. */
    if (VACT_W < 16 && rows >= 8 && vact_prelu_mx_ok(channels, alpha))
        vact_prelu_rows(rows, channels, x, alpha, y, 1);
    else
        vact_prelu_rows(rows, channels, x, alpha, y, 0);
}

/* dx = dy*(x > 0 ? 1 : alpha[c]) (NaN x -> NaN). dalpha[c] = sum over rows,
 * in row order, of dy*x where x < 0, compensated: the product's error by
 * FMA and each addition's by 2Sum go to a second accumulator. Channels in
 * blocks of 32 held in registers; every channel's sequence is the same on
 * every ISA. */
#define VACT_PRELU_NB (32 / VACT_W)
/* one vector of one row: returns dx, adds dy*x (x < 0) to hi + lo */
static inline V vact_prelu_b1(V a, V g, V al, V *hi, V *lo) {
    V d = vsel(vgt(a, vzero()), g, vmul(g, al));
    M neg = vlt(a, vzero());
    V pr = vmul(g, a);
    V pe = vsel(neg, vfms(g, a, pr), vzero()); /* the product's rounding error */
    pr = vsel(neg, pr, vzero());
    V s = vadd(*hi, pr);                        /* 2Sum */
    V bb = vsub(s, *hi);
    V e = vadd(vsub(*hi, vsub(s, bb)), vsub(pr, bb));
    *hi = s;
    *lo = vadd(*lo, vadd(e, pe));
    return vsel(visnan(a), a, d);
}
static void KFN(prelu_bwd)(size_t rows, size_t channels, const float *x, const float *alpha,
                           const float *dy, float *dx, float *dalpha) {
    const V inf = vset1(VACT_RW_INF);
    for (size_t c0 = 0; c0 < channels; c0 += 32) {
        V hi[VACT_PRELU_NB], lo[VACT_PRELU_NB], al[VACT_PRELU_NB];
        size_t kq[VACT_PRELU_NB];
        for (int q = 0; q < VACT_PRELU_NB; q++) {
            size_t c = c0 + (size_t)q * VACT_W;
            kq[q] = c >= channels ? 0 : (channels - c < VACT_W ? channels - c : VACT_W);
            hi[q] = lo[q] = vzero();
            al[q] = vload_n(alpha + c, kq[q]);
        }
        if (c0 + 32 <= channels) { /* a full block: plain loads */
            for (size_t r = 0; r < rows; r++)
                for (int q = 0; q < VACT_PRELU_NB; q++) {
                    size_t off = r * channels + c0 + (size_t)q * VACT_W;
                    vstore(dx + off, vact_prelu_b1(vload(x + off), vload(dy + off), al[q], &hi[q], &lo[q]));
                }
        } else {
            for (size_t r = 0; r < rows; r++)
                for (int q = 0; q < VACT_PRELU_NB; q++) {
                    if (!kq[q]) break;
                    size_t off = r * channels + c0 + (size_t)q * VACT_W;
                    V d = vact_prelu_b1(vload_n(x + off, kq[q]), vload_n(dy + off, kq[q]), al[q], &hi[q], &lo[q]);
                    vstore_n(dx + off, d, kq[q]);
                }
        }
        for (int q = 0; q < VACT_PRELU_NB; q++) {
            if (!kq[q]) break;
            V t = vsel(vlt(vabs(hi[q]), inf), vadd(hi[q], lo[q]), hi[q]);
            vstore_n(dalpha + c0 + (size_t)q * VACT_W, t, kq[q]);
        }
    }
}
