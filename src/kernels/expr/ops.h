/* The binary operations and the integer power of the expressions
 * (src/dispatch/expr.c), whole-array loops with the masked tail:
 *   add sub mul div   IEEE, correctly rounded
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

static inline V vact_bmin_(V a, V b) {
    V r = vsel(veq(a, b), vor(a, b), vmin(a, b));       /* -0 wins */
    return vsel(mor(visnan(a), visnan(b)), vadd(a, b), r);
}
static inline V vact_bmax_(V a, V b) {
    V r = vsel(veq(a, b), vand(a, b), vmax(a, b));      /* +0 wins */
    return vsel(mor(visnan(a), visnan(b)), vadd(a, b), r);
}

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
VACT_DEF_BINARY(add, vadd(a, b))
VACT_DEF_BINARY(sub, vsub(a, b))
VACT_DEF_BINARY(mul, vmul(a, b))
VACT_DEF_BINARY(div, vdiv(a, b))
VACT_DEF_BINARY(min, vact_bmin_(a, b))
VACT_DEF_BINARY(max, vact_bmax_(a, b))

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
