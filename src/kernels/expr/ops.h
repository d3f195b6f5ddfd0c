/* The binary operations and the integer power of the expressions
 * (src/dispatch/expr.c), whole-array loops with the masked tail:
 *   add sub mul div   IEEE, correctly rounded
 *   (bins_OP: the same with one operand a scalar, either side; fused: a
 *   scalar operation and its binary consumer in one pass)
 *   min max           NaN when a or b is NaN; min(+0, -0) = -0, max = +0
 *   min_bwd max_bwd   da, db = dy where that operand is the result (a on a
 *                     tie), +0 for the other; both NaN when a or b is NaN
 *   powi              x^k, |k| <= VACT_POWI_MAX: the product carried as
 *                     hi + lo (exact residuals by fma), one final rounding;
 *                     k < 0: 1/(hi + lo) with one residual step; x^0 = 1
 *   powi_bwd          dy k x^(k-1): k x^(k-1) as hi + lo, one final fma
 * Precondition of every header under src/kernels/: the ISA's vocab.h is
 * included first (src/<isa>/kernels.c). */
#ifndef VACT_EXPR_OPS_H
#define VACT_EXPR_OPS_H
#include <stddef.h>
#include "../../common/vact_internal.h"

#define VACT_DEF_BINARY(name, EXPR)                                                      \
    VACT_FLATTEN static void KFN(bin_##name)(size_t n, const float *pa, const float *pb, \
                                             float *y) {                                 \
        size_t i = 0;                                                                    \
        for (; i + VACT_W <= n; i += VACT_W) {                                           \
            V a = vload(pa + i), b = vload(pb + i);                                      \
            vstore(y + i, EXPR);                                                         \
        }                                                                                \
        if (i < n) {                                                                     \
            size_t k = n - i;                                                            \
            V a = vload_n(pa + i, k), b = vload_n(pb + i, k);                            \
            vstore_n(y + i, EXPR, k);                                                    \
        }                                                                                \
    }
/* the same with one operand a scalar s: y = x OP s, or s OP x when swap
 * (the same vector operation as the array form: the same bits) */
#define VACT_DEF_BINARY_S(name, EXPR)                                                    \
    VACT_FLATTEN static void KFN(bins_##name)(size_t n, const float *px, float s,        \
                                              float *y, int swap) {                      \
        const V c = vset1(s);                                                            \
        size_t i = 0;                                                                    \
        if (!swap) {                                                                     \
            for (; i + VACT_W <= n; i += VACT_W) {                                       \
                V a = vload(px + i), b = c;                                              \
                vstore(y + i, EXPR);                                                     \
            }                                                                            \
            if (i < n) {                                                                 \
                V a = vload_n(px + i, n - i), b = c;                                     \
                vstore_n(y + i, EXPR, n - i);                                            \
            }                                                                            \
        } else {                                                                         \
            for (; i + VACT_W <= n; i += VACT_W) {                                       \
                V a = c, b = vload(px + i);                                              \
                vstore(y + i, EXPR);                                                     \
            }                                                                            \
            if (i < n) {                                                                 \
                V a = c, b = vload_n(px + i, n - i);                                     \
                vstore_n(y + i, EXPR, n - i);                                            \
            }                                                                            \
        }                                                                                \
    }
#define VACT_DEF_BINARY2(name, EXPR) VACT_DEF_BINARY(name, EXPR) VACT_DEF_BINARY_S(name, EXPR)
VACT_DEF_BINARY2(add, vadd(a, b))
VACT_DEF_BINARY2(sub, vsub(a, b))
VACT_DEF_BINARY2(mul, vmul(a, b))
VACT_DEF_BINARY2(div, vdiv(a, b))
VACT_DEF_BINARY2(min, vmin_ieee(a, b))
VACT_DEF_BINARY2(max, vmax_ieee(a, b))

/* fused: y = (x OP1 s) OP2 q in one pass, the bits of the two passes (the
 * forward of an expression computes a node x OP1 s used once, by OP2, here)
 *   k1: 0 x + s, 1 x * s, 2 x - s, 3 s - x, 4 x / s, 5 s / x
 *   k2 (t = x OP1 s): 0 t + q, 1 t * q, 2 min(t, q), 3 max(t, q), 4 t - q,
 *       5 q - t, 6 t / q, 7 q / t */
static inline __attribute__((always_inline)) V vact_fused1_(const int k1, V x, V c) {
    switch (k1) {
    case 0: return vadd(x, c);
    case 1: return vmul(x, c);
    case 2: return vsub(x, c);
    case 3: return vsub(c, x);
    case 4: return vdiv(x, c);
    default: return vdiv(c, x);
    }
}
static inline __attribute__((always_inline)) V vact_fused2_(const int k2, V t, V q) {
    switch (k2) {
    case 0: return vadd(t, q);
    case 1: return vmul(t, q);
    case 2: return vmin_ieee(t, q);
    case 3: return vmax_ieee(t, q);
    case 4: return vsub(t, q);
    case 5: return vsub(q, t);
    case 6: return vdiv(t, q);
    default: return vdiv(q, t);
    }
}
#define VACT_FUSED_CH 512
static inline __attribute__((always_inline)) void vact_fused_loop_(const int k1, const int k2, size_t n,
                                                                  const float *px, float s,
                                         const float *pq, float *y) {
    const V c = vset1(s);
    size_t i = 0;
#define VACT_FUSED_AT(j) vact_fused2_(k2, vact_fused1_(k1, vload(px + (j)), c), vload(pq + (j)))
#ifdef VACT_MINMAX_NN
    /* max(x OP1 s, q) where s is finite and nonzero, so that x OP1 s is NaN
     * only where x is (no inf * 0, inf - inf, 0 / 0, inf / inf), into a y
     * apart from both inputs: vmax_ieee_nn (common/vocab_minmax.h), exact
     * without NaN lanes, and an FMA witness of the inputs, NaN iff one is
     * (x and q: one FMA per vector; x alone when q is x, `max(alpha*x, x)`:
     * one per two); a chunk of VACT_FUSED_CH elements whose witness has a
     * NaN lane (or an inf - inf: a false alarm) is done again by vmax_ieee.
     * The same bits either way, a NaN's payload aside (left open by the
     * contract). `max(alpha*x, x)` at n = 4096 (vact_bench expr_prelu, the
     * libraries alternated, load 0.9-1.4): AVX2 18-20.6 Gelem/s against
     * 14.4-15.2 by vmax_ieee alone, AVX-512 36-42 against 22-30. */
    if (k2 == 3 && s == s && s != 0.0f && s - s == 0.0f && !vact__overlaps(y, px, n) && !vact__overlaps(y, pq, n)) {
        const int same = pq == px;
        while (i + 4 * VACT_W <= n) {
            const size_t i0 = i, e = n - i > VACT_FUSED_CH ? i + VACT_FUSED_CH : n;
            V w[4] = {vzero(), vzero(), vzero(), vzero()};
            for (; i + 4 * VACT_W <= e; i += 4 * VACT_W) {
                V xv[4], qv[4];
                for (int j = 0; j < 4; j++) {
                    xv[j] = vload(px + i + (size_t)j * VACT_W);
                    qv[j] = same ? xv[j] : vload(pq + i + (size_t)j * VACT_W);
                    vstore(y + i + (size_t)j * VACT_W, vmax_ieee_nn(vact_fused1_(k1, xv[j], c), qv[j]));
                }
                if (same) {
                    w[0] = vfma(xv[0], xv[1], w[0]);
                    w[1] = vfma(xv[2], xv[3], w[1]);
                } else {
                    for (int j = 0; j < 4; j++) w[j] = vfma(xv[j], qv[j], w[j]);
                }
            }
            if (many(visnan(vadd(vadd(w[0], w[1]), vadd(w[2], w[3])))))
                for (size_t j = i0; j < i; j += VACT_W) vstore(y + j, VACT_FUSED_AT(j));
        }
    }
#endif
    for (; i + 4 * VACT_W <= n; i += 4 * VACT_W) { /* unrolled as the elementwise drivers */
        V r0 = VACT_FUSED_AT(i), r1 = VACT_FUSED_AT(i + VACT_W);
        V r2 = VACT_FUSED_AT(i + 2 * VACT_W), r3 = VACT_FUSED_AT(i + 3 * VACT_W);
        vstore(y + i, r0);
        vstore(y + i + VACT_W, r1);
        vstore(y + i + 2 * VACT_W, r2);
        vstore(y + i + 3 * VACT_W, r3);
    }
    for (; i + VACT_W <= n; i += VACT_W) vstore(y + i, VACT_FUSED_AT(i));
#undef VACT_FUSED_AT
    if (i < n) {
        size_t k = n - i;
        vstore_n(y + i, vact_fused2_(k2, vact_fused1_(k1, vload_n(px + i, k), c), vload_n(pq + i, k)), k);
    }
}
static void KFN(fused)(size_t n, const float *px, float s, int k1, const float *pq, int k2, float *y) {
    switch (k1 * 8 + k2) {
#define VACT_FUSED_CASE(a, b)                                                            \
    case a * 8 + b: vact_fused_loop_(a, b, n, px, s, pq, y); break;
#define VACT_FUSED_ROW(a)                                                                \
    VACT_FUSED_CASE(a, 0) VACT_FUSED_CASE(a, 1) VACT_FUSED_CASE(a, 2) VACT_FUSED_CASE(a, 3) \
    VACT_FUSED_CASE(a, 4) VACT_FUSED_CASE(a, 5) VACT_FUSED_CASE(a, 6) VACT_FUSED_CASE(a, 7)
    VACT_FUSED_ROW(0) VACT_FUSED_ROW(1) VACT_FUSED_ROW(2) VACT_FUSED_ROW(3) VACT_FUSED_ROW(4)
    VACT_FUSED_ROW(5)
#undef VACT_FUSED_ROW
#undef VACT_FUSED_CASE
    default: break;
    }
}

/* acc[l] += s[l], s[16 + l], ... in element order, for the 16 lanes l (the
 * parameter sums of the backward; the same order and bits on every ISA) */
VACT_FLATTEN static void KFN(sum16)(size_t n, const float *s, float *acc) {
    V16 a = v16_load_n(acc, 16);
    size_t i = 0;
    for (; i + 16 <= n; i += 16)
        for (int j = 0; j < VACT_R; j++) a.v[j] = vadd(a.v[j], vload(s + i + (size_t)j * VACT_W));
    if (i < n) { /* the lanes past the end add -0: unchanged, -0 included */
        V16 b = v16_pad(v16_load_n(s + i, n - i), n - i, -0.0f);
        for (int j = 0; j < VACT_R; j++) a.v[j] = vadd(a.v[j], b.v[j]);
    }
    v16_store_n(acc, a, 16);
}

static inline void vact_minmax_bwd_(V a, V b, V g, int is_max, V *da, V *db) {
    M ta = is_max ? vge(a, b) : vle(a, b);
    M nan = mor(visnan(a), visnan(b));
    V nv = vadd(a, b);
    *da = vsel(nan, nv, vsel(ta, g, vzero()));
    *db = vsel(nan, nv, vsel(ta, vzero(), g));
}
#define VACT_DEF_MINMAX_BWD(name, is_max)                                                \
    VACT_FLATTEN static void KFN(name)(size_t n, const float *pa, const float *pb,       \
                                       const float *pg, float *da, float *db) {          \
        size_t i = 0;                                                                    \
        V u, v;                                                                          \
        for (; i + VACT_W <= n; i += VACT_W) {                                           \
            vact_minmax_bwd_(vload(pa + i), vload(pb + i), vload(pg + i), is_max, &u, &v); \
            vstore(da + i, u);                                                           \
            vstore(db + i, v);                                                           \
        }                                                                                \
        if (i < n) {                                                                     \
            size_t k = n - i;                                                            \
            vact_minmax_bwd_(vload_n(pa + i, k), vload_n(pb + i, k), vload_n(pg + i, k), \
                             is_max, &u, &v);                                            \
            vstore_n(da + i, u, k);                                                      \
            vstore_n(db + i, v, k);                                                      \
        }                                                                                \
    }
VACT_DEF_MINMAX_BWD(min_bwd, 0)
VACT_DEF_MINMAX_BWD(max_bwd, 1)

static inline M vact_finite_(V a) { return vlt(vabs(a), vset1(__builtin_inff())); }

/* x^m = hi + *lo for m >= 1 (lo = 0 where hi is not finite) */
static inline V vact_powi_hl_(V x, int m, V *lo) {
    V h = x, l = vzero();
    for (int j = 1; j < m; j++) {
        V nh = vmul(h, x);
        l = vfma(l, x, vfms(h, x, nh));
        h = nh;
    }
    *lo = vsel(vact_finite_(h), l, vzero());
    return h;
}
/* x^k = hi + *lo for any |k| <= VACT_POWI_MAX */
static inline V vact_powi_any_(V x, int k, V *lo) {
    if (k == 0) {
        *lo = vzero();
        return vset1(1.0f);
    }
    int m = k < 0 ? -k : k;
    V l, h = vact_powi_hl_(x, m, &l);
    if (k > 0) {
        *lo = l;
        return h;
    }
    V q = vdiv(vset1(1.0f), h);
    V e = vfnma(q, l, vfnma(q, h, vset1(1.0f)));       /* 1 - q (h + l) */
    M ok = mand(vact_finite_(q), mnot(veq(q, vzero())));
    *lo = vsel(ok, vmul(q, e), vzero());
    return q;
}

VACT_FLATTEN static void KFN(powi)(size_t n, const float *x, float *y, int k) {
    size_t i = 0;
    V l, h;
    for (; i + VACT_W <= n; i += VACT_W) {
        h = vact_powi_any_(vload(x + i), k, &l);
        vstore(y + i, vadd(h, l));
    }
    if (i < n) {
        h = vact_powi_any_(vload_n(x + i, n - i), k, &l);
        vstore_n(y + i, vadd(h, l), n - i);
    }
}

static inline V vact_powi_bwd_(V x, V dy, int k) {
    if (k == 0) return vmul(dy, vzero());
    V l, h = vact_powi_any_(x, k - 1, &l);
    V kf = vset1((float)k);
    V ph = vmul(kf, h);
    V pl = vfma(kf, l, vfms(kf, h, ph));               /* k (h + l) = ph + pl */
    pl = vsel(vact_finite_(ph), pl, vzero());
    V r = vfma(dy, ph, vmul(dy, pl));
    /* NaN x (x^(k-1) may be 1 or the product NaN): NaN */
    return vsel(visnan(x), x, r);
}

VACT_FLATTEN static void KFN(powi_bwd)(size_t n, const float *x, const float *dy, float *dx,
                                       int k) {
    size_t i = 0;
    for (; i + VACT_W <= n; i += VACT_W)
        vstore(dx + i, vact_powi_bwd_(vload(x + i), vload(dy + i), k));
    if (i < n)
        vstore_n(dx + i, vact_powi_bwd_(vload_n(x + i, n - i), vload_n(dy + i, n - i), k), n - i);
}

#endif
