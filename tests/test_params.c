/* Parameters and shapes defined at every value, on every supported ISA,
 * through the public API:
 *   - a parameter outside its domain (src/common/functions.def) makes every
 *     output of the call NaN, forward and backward;
 *   - at the edges of the domain (0, the smallest subnormal, FLT_MAX, +-inf
 *     where allowed) a finite x gives the reference within the contract's
 *     bounds (forward 2 ULP, backward 4; piecewise-linear exact), no NaN
 *     where the reference has none, and the same bits on every ISA;
 *     (bf16 and f16: the type's default NaN, 0x7fc0 and 0x7e00);
 *   - glu with an odd cols writes NaN to every output and nothing past it;
 *   - rows * cols (or channels) overflowing size_t writes nothing;
 *   - swish at beta = 1 gives silu's bits (every tier and type). */
#include <float.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "vact_ref.h"
#include "vact_samples.h"

#define NX 64
static float g_x[NX];
static int g_isas[VACT_ISA_COUNT], g_nisa;

static int same_bits(float a, float b) { return (a != a && b != b) || !memcmp(&a, &b, 4); }

/* values outside / at the edge of each domain */
static size_t outside(int dom, float *v) {
    const float nan = __builtin_nanf(""), inf = INFINITY;
    size_t k = 0;
    switch (dom) {
    case VACT_D_NOTNAN: v[k++] = nan; v[k++] = -nan; break;
    case VACT_D_FINITE: v[k++] = nan; v[k++] = inf; v[k++] = -inf; break;
    case VACT_D_POS: v[k++] = nan; v[k++] = inf; v[k++] = -inf; v[k++] = 0.0f; v[k++] = -0.0f;
        v[k++] = -FLT_TRUE_MIN; v[k++] = -1.0f; v[k++] = FLT_TRUE_MIN; v[k++] = 0x1.fffffcp-127f; break;
    case VACT_D_NONNEG: v[k++] = nan; v[k++] = inf; v[k++] = -inf; v[k++] = -FLT_TRUE_MIN; v[k++] = -1.0f;
        break;
    default: break;
    }
    return k;
}
static size_t edges(int dom, float *v) {
    size_t k = 0;
    if (dom != VACT_D_POS && dom != VACT_D_NONNEG) { v[k++] = -FLT_MAX; v[k++] = -1.0f; v[k++] = -FLT_TRUE_MIN; }
    if (dom != VACT_D_POS) { v[k++] = 0.0f; v[k++] = -0.0f; }
    if (dom != VACT_D_POS) v[k++] = FLT_TRUE_MIN;
    v[k++] = FLT_MIN; v[k++] = 1e-20f; v[k++] = 1e-3f; v[k++] = 1.0f; v[k++] = 1e3f; v[k++] = 1e20f;
    v[k++] = FLT_MAX;
    if (dom == VACT_D_NOTNAN || dom == VACT_D_ANY) { v[k++] = INFINITY; v[k++] = -INFINITY; }
    return k;
}

static int all_nan(const float *y, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (y[i] == y[i]) return 0;
    return 1;
}

/* the bf16 (t = 0) and f16 (t = 1) entry points of every elementwise
 * function, forward and backward, with the parameters p[0], p[1] */
typedef void (*call16)(int t, size_t n, const uint16_t *x, uint16_t *y, const uint16_t *dy, uint16_t *dx,
                       const float *p);
#define ARGS_0(P)
#define ARGS_1(P) , p[0]
#define ARGS_2(P) , p[0], p[1]
#define VACT_EW(name, P, F, U, S, R)                                                                        \
    static void c16_##name(int t, size_t n, const uint16_t *x, uint16_t *y, const uint16_t *dy,          \
                           uint16_t *dx, const float *p) {                                              \
        (void)p;                                                                                       \
        if (t) {                                                                                       \
            vact_##name##_f16(n, x, y VACT_CAT(ARGS_, VACT_P_COUNT(P))(P));                            \
            vact_##name##_backward_f16(n, x, dy, dx VACT_CAT(ARGS_, VACT_P_COUNT(P))(P));              \
        } else {                                                                                       \
            vact_##name##_bf16(n, x, y VACT_CAT(ARGS_, VACT_P_COUNT(P))(P));                           \
            vact_##name##_backward_bf16(n, x, dy, dx VACT_CAT(ARGS_, VACT_P_COUNT(P))(P));             \
        }                                                                                              \
    }
#include "common/functions.def"
static const struct { const char *name; call16 fn; } g_c16[] = {
#define VACT_EW(name, P, F, U, S, R) {#name, c16_##name},
#include "common/functions.def"
};
static call16 find16(const char *name) {
    for (size_t i = 0; i < sizeof g_c16 / sizeof g_c16[0]; i++)
        if (!strcmp(g_c16[i].name, name)) return g_c16[i].fn;
    return NULL;
}
/* 1 when every one of n 16-bit outputs is the type's default NaN */
static int all_nan16(const uint16_t *y, size_t n, uint16_t dnan) {
    for (size_t i = 0; i < n; i++)
        if (y[i] != dnan) return 0;
    return 1;
}

static double err_of(const ref_fn *f, float y, double r, int bwd) {
    if (f->flags & VACT_PWL) return same_bits((float)r, y) || (float)r == y ? 0 : INFINITY;
    double uo = bwd && (f->flags & VACT_FLOOR) ? fmax(fabs(r), 1.0 / 16) : r;
    return ref_err(y, r, uo);
}

static void test_domains(void **state) {
    (void)state;
    int bad = 0;
    float y[NX], dx[NX], ones[NX], ry[NX], rdx[NX];
    for (int i = 0; i < NX; i++) ones[i] = 1.0f;
    for (size_t fi = 0; fi < ref_nfns; fi++) {
        const ref_fn *f = &ref_fns[fi];
        for (int slot = 0; slot < f->np; slot++) {
            /* the other parameter at its first test set's value */
            float vals[24];
            size_t nv = outside(f->dom[slot], vals);
            for (size_t v = 0; v < nv; v++) {
                float p[2] = {f->sets[0][0], f->sets[0][1]};
                p[slot] = vals[v];
                for (int k = 0; k < g_nisa; k++) {
                    vact_isa_select((vact_isa)g_isas[k]);
                    f->pub_fwd(NX, g_x, y, p);
                    f->pub_bwd(NX, g_x, ones, dx, p);
                    if (!all_nan(y, NX) || !all_nan(dx, NX)) {
                        printf("FAIL %s param %d = %g outside its domain on %s: not every output NaN\n", f->name,
                               slot + 1, (double)vals[v], vact_isa_name((vact_isa)g_isas[k]));
                        bad++;
                    }
                    if (f->fast) { /* the fast tier: the same */
                        f->pub_fast_fwd(NX, g_x, y, p);
                        f->pub_fast_bwd(NX, g_x, ones, dx, p);
                        if (!all_nan(y, NX) || !all_nan(dx, NX)) {
                            printf("FAIL %s_fast param %d = %g outside its domain on %s: not every output NaN\n",
                                   f->name, slot + 1, (double)vals[v], vact_isa_name((vact_isa)g_isas[k]));
                            bad++;
                        }
                    }
                    /* bf16 and f16: every output the type's default NaN */
                    for (int t = 0; t < 2; t++) {
                        uint16_t hx[NX], hy[NX], hd[NX], hdx[NX];
                        const uint16_t one = t ? 0x3c00 : 0x3f80, dnan = t ? 0x7e00 : 0x7fc0;
                        for (int i = 0; i < NX; i++) { hx[i] = (uint16_t)(0x3000 + 97 * i); hd[i] = one; }
                        find16(f->name)(t, NX, hx, hy, hd, hdx, p);
                        if (!all_nan16(hy, NX, dnan) || !all_nan16(hdx, NX, dnan)) {
                            printf("FAIL %s %s param %d = %g outside its domain on %s: not every output %#x\n",
                                   f->name, t ? "f16" : "bf16", slot + 1, (double)vals[v],
                                   vact_isa_name((vact_isa)g_isas[k]), dnan);
                            bad++;
                        }
                    }
                }
            }
            nv = edges(f->dom[slot], vals);
            for (size_t v = 0; v < nv; v++) {
                float p[2] = {f->sets[0][0], f->sets[0][1]};
                p[slot] = vals[v];
                const double pd[2] = {p[0], p[1]};
                double worst_f = 0, worst_b = 0;
                size_t diff = 0;
                for (int k = 0; k < g_nisa; k++) {
                    vact_isa_select((vact_isa)g_isas[k]);
                    float *yy = k ? y : ry, *dd = k ? dx : rdx;
                    f->pub_fwd(NX, g_x, yy, p);
                    f->pub_bwd(NX, g_x, ones, dd, p);
                    for (int i = 0; i < NX; i++) {
                        worst_f = fmax(worst_f, err_of(f, yy[i], f->f(g_x[i], pd), 0));
                        double e = err_of(f, dd[i], f->df(g_x[i], pd), 1);
                        if (e > 4 && (f->flags & VACT_KINK)) /* either side at a kink */
                            for (int s = -1; s <= 1; s += 2)
                                e = fmin(e, err_of(f, dd[i], f->df(nextafterf(g_x[i], s * INFINITY), pd), 1));
                        worst_b = fmax(worst_b, e);
                        if (k) diff += !same_bits(yy[i], ry[i]) + !same_bits(dd[i], rdx[i]);
                    }
                }
                const double bf = (f->flags & VACT_PWL) ? 0 : 2, bb = (f->flags & VACT_PWL) ? 0 : 4;
                if (worst_f > bf || worst_b > bb || diff) {
                    printf("FAIL %s param %d = %g: max ULP fwd %g bwd %g, %zu values differ between ISAs\n",
                           f->name, slot + 1, (double)vals[v], worst_f, worst_b, diff);
                    bad++;
                }
                /* the fast tier at the domain's edges: its bounds on every ISA */
                for (int k = 0; f->fast && k < g_nisa; k++) {
                    vact_isa_select((vact_isa)g_isas[k]);
                    f->pub_fast_fwd(NX, g_x, y, p);
                    f->pub_fast_bwd(NX, g_x, ones, dx, p);
                    double wf = 0, wb = 0;
                    for (int i = 0; i < NX; i++) {
                        double r = f->f(g_x[i], pd), d = f->df(g_x[i], pd);
                        wf = fmax(wf, ref_err(y[i], r, fmax(fabs(r), REF_FAST_FLOOR)));
                        double uo = fmax(fabs(d), (f->flags & VACT_FLOOR) ? 1.0 / 16 : REF_FAST_FLOOR);
                        double e = ref_err(dx[i], d, uo);
                        if (e > REF_FAST_BWD && (f->flags & VACT_KINK))
                            for (int sd = -1; sd <= 1; sd += 2) {
                                double d2 = f->df(nextafterf(g_x[i], sd * INFINITY), pd);
                                e = fmin(e, ref_err(dx[i], d2, fmax(fabs(d2), uo)));
                            }
                        wb = fmax(wb, e);
                    }
                    if (wf > REF_FAST_FWD || wb > REF_FAST_BWD) {
                        printf("FAIL %s_fast param %d = %g on %s: max ULP fwd %g bwd %g\n", f->name, slot + 1,
                               (double)vals[v], vact_isa_name((vact_isa)g_isas[k]), wf, wb);
                        bad++;
                    }
                }
            }
        }
    }
    vact_isa_select((vact_isa)g_isas[g_nisa - 1]);
    assert_int_equal(bad, 0);
}

/* the value at x = +-inf (xi): a piecewise-linear function's own value
 * there (threshold at th = -inf gives v), or where that is 0 * inf, the
 * limit; other functions the limit, the reference at +-1e300, or at
 * +-FLT_MAX where a huge parameter overflows the double there (swish'
 * with beta = FLT_MAX: beta x = inf, inf * 0) */
static void inf_ref(const ref_fn *f, const double *pd, float xi, double *rf, double *rd) {
    double big[3] = {xi, copysign(1e300, xi), copysign(FLT_MAX, xi)};
    for (int j = (f->flags & VACT_PWL) ? 0 : 1; j < 3; j++) {
        *rf = f->f(big[j], pd);
        if (!isnan(*rf)) break;
    }
    for (int j = (f->flags & VACT_PWL) ? 0 : 1; j < 3; j++) {
        *rd = f->df(big[j], pd);
        if (!isnan(*rd)) break;
    }
}

/* a bf16 (t = 0) or f16 (t = 1) value as a double */
static double h2d(int t, uint16_t h) { return t ? ref_from_f16(h) : ref_from_bf16(h); }
/* y (16-bit) within 1 ULP of the type of r (exact: the rounded r; a zero of
 * either sign, as err_of; the caller checks the sign where it matters); NaN
 * only for NaN; the infinity of r's sign exactly where r rounds beyond the
 * largest finite value */
static int near16(int t, uint16_t y, double r, int exact) {
    double yd = h2d(t, y), mx = t ? 65504.0 : 0x1.fep127;
    if (isnan(r) || isnan(yd)) return isnan(r) && isnan(yd);
    if (isinf(yd) || fabs(r) >= mx * (1 + (t ? 0x1p-12 : 0x1p-9)))
        return isinf(yd) && (yd > 0) == (r > 0) && fabs(r) >= mx * (1 + (t ? 0x1p-12 : 0x1p-9));
    int e = r != 0 ? ilogb(r) : -1000, emin = t ? -14 : -126;
    double ulp = ldexp(1.0, (e < emin ? emin : e) - (t ? 10 : 7));
    if (exact) return fabs(yd - r) <= ulp / 2;
    return fabs(yd - r) <= ulp;
}

/* y against the limit r: the infinity of r's sign where r is beyond the
 * floats (err_of alone would measure a finite y in ulp(r) ~ 2^970 and
 * pass it), else err_of's bound; a piecewise-linear forward's zero with r's
 * sign (leaky_relu with slope +0 gives -0 at -inf) */
static int lim_ok(const ref_fn *f, float y, double r, int bwd, double bound) {
    if (!isnan(r) && fabs(r) >= 0x1.ffffffp127) return isinf(y) && (y > 0) == (r > 0);
    if ((f->flags & VACT_PWL) && !bwd && r == 0 && y == 0 && !signbit(y) != !signbit(r)) return 0;
    return err_of(f, y, r, bwd) <= bound;
}

/* +-inf at every parameter edge: the limit (the reference at +-1e300),
 * forward and backward (dy = 1), on every ISA, accurate and fast tier.
 * (leaky_relu at a = +-0 once gave 0 * -inf = NaN at x = -inf.) */
static void test_inf_edges(void **state) {
    (void)state;
    int bad = 0;
    const float xi[4] = {-INFINITY, INFINITY, -INFINITY, INFINITY}, ones[4] = {1, 1, 1, 1};
    for (size_t fi = 0; fi < ref_nfns; fi++) {
        const ref_fn *f = &ref_fns[fi];
        for (int slot = 0; slot < (f->np ? f->np : 1); slot++) {
            float vals[24];
            size_t nv = f->np ? edges(f->dom[slot], vals) : 1;
            for (size_t v = 0; v < nv; v++) {
                float p[2] = {f->sets[0][0], f->sets[0][1]};
                if (f->np) p[slot] = vals[v];
                const double pd[2] = {p[0], p[1]};
                for (int k = 0; k < g_nisa; k++) {
                    vact_isa_select((vact_isa)g_isas[k]);
                    /* bf16 (t = 0) and f16 (t = 1): within 1 ULP of the type */
                    for (int t = 0; t < 2; t++) {
                        const uint16_t hx[4] = {t ? 0xfc00 : 0xff80, t ? 0x7c00 : 0x7f80, t ? 0xfc00 : 0xff80,
                                                t ? 0x7c00 : 0x7f80};
                        const uint16_t one = t ? 0x3c00 : 0x3f80, hd[4] = {one, one, one, one};
                        uint16_t hy[4], hdx[4];
                        find16(f->name)(t, 4, hx, hy, hd, hdx, p);
                        for (int i = 0; i < 4; i++) {
                            double rf, rd;
                            inf_ref(f, pd, xi[i], &rf, &rd);
                            int zs = (f->flags & VACT_PWL) && rf == 0 && h2d(t, hy[i]) == 0 &&
                                     !signbit(h2d(t, hy[i])) != !signbit(rf); /* a zero's sign, as lim_ok */
                            if (zs || !near16(t, hy[i], rf, f->flags & VACT_PWL) ||
                                !near16(t, hdx[i], rd, f->flags & VACT_PWL)) {
                                printf("FAIL %s %s (%g, %g) on %s at x = %g: y %#x (want %g), dx %#x (want %g)\n",
                                       f->name, t ? "f16" : "bf16", (double)p[0], (double)p[1],
                                       vact_isa_name((vact_isa)g_isas[k]), (double)xi[i], hy[i], rf, hdx[i], rd);
                                bad++;
                            }
                        }
                    }
                    for (int tier = 0; tier <= (f->fast ? 1 : 0); tier++) {
                        float y[4], dx[4];
                        if (tier) {
                            f->pub_fast_fwd(4, xi, y, p);
                            f->pub_fast_bwd(4, xi, ones, dx, p);
                        } else {
                            f->pub_fwd(4, xi, y, p);
                            f->pub_bwd(4, xi, ones, dx, p);
                        }
                        for (int i = 0; i < 4; i++) {
                            double rf, rd;
                            inf_ref(f, pd, xi[i], &rf, &rd);
                            double bf = (f->flags & VACT_PWL) ? 0 : tier ? REF_FAST_FWD : 2;
                            double bb = (f->flags & VACT_PWL) ? 0 : tier ? REF_FAST_BWD : 4;
                            if (!lim_ok(f, y[i], rf, 0, bf) || !lim_ok(f, dx[i], rd, 1, bb)) {
                                printf("FAIL %s%s (%g, %g) on %s at x = %g: y %g (want %g), dx %g (want %g)\n", f->name,
                                       tier ? "_fast" : "", (double)p[0], (double)p[1],
                                       vact_isa_name((vact_isa)g_isas[k]), (double)xi[i], (double)y[i], rf,
                                       (double)dx[i], rd);
                                bad++;
                            }
                        }
                    }
                }
            }
        }
    }
    vact_isa_select((vact_isa)g_isas[g_nisa - 1]);
    assert_int_equal(bad, 0);
}

#define SENT 0x7fa5a5a5u
static float sentinel(void) { uint32_t u = SENT; float f; memcpy(&f, &u, 4); return f; }
static size_t count_sent(const float *a, size_t n) {
    size_t c = 0;
    const uint32_t u = SENT;
    for (size_t i = 0; i < n; i++) c += !memcmp(&a[i], &u, 4);
    return c;
}

static void test_shapes(void **state) {
    (void)state;
    int bad = 0;
    enum { R = 3, C = 7, CAP = 64 };
    float x[CAP], dy[CAP], y[CAP], dx[CAP], al[CAP], da[CAP];
    for (int i = 0; i < CAP; i++) { x[i] = (float)i / 8 - 2; dy[i] = 1.0f; al[i] = 0.25f; }
    for (int k = 0; k < g_nisa; k++) {
        vact_isa_select((vact_isa)g_isas[k]);
        const char *in = vact_isa_name((vact_isa)g_isas[k]);
        /* glu, odd cols: rows x cols/2 NaN forward, rows x cols NaN backward, nothing after */
        for (size_t c2 = 1; c2 <= 2 * C + 1; c2 += 2) {
            const int fast = c2 > C; /* the second round: the fast tier */
            const size_t cols = fast ? c2 - C - 1 : c2;
            for (int i = 0; i < CAP; i++) y[i] = dx[i] = sentinel();
            if (fast) {
                vact_glu_fast_f32(R, cols, x, y);
                vact_glu_fast_backward_f32(R, cols, x, dy, dx);
            } else {
                vact_glu_f32(R, cols, x, y);
                vact_glu_backward_f32(R, cols, x, dy, dx);
            }
            size_t ny = R * (cols / 2), nd = R * cols;
            if (!all_nan(y, ny) || count_sent(y + ny, CAP - ny) != CAP - ny) {
                printf("FAIL glu%s %s cols=%zu: forward not %zu NaN then untouched\n", fast ? "_fast" : "", in, cols, ny);
                bad++;
            }
            if (!all_nan(dx, nd) || count_sent(dx + nd, CAP - nd) != CAP - nd) {
                printf("FAIL glu%s %s cols=%zu: backward not %zu NaN then untouched\n", fast ? "_fast" : "", in, cols, nd);
                bad++;
            }
        }
        /* element counts that overflow size_t: nothing written */
        const size_t huge = SIZE_MAX / 2 + 3;
        for (int i = 0; i < CAP; i++) y[i] = dx[i] = da[i] = sentinel();
        vact_softmax_f32(huge, 2, x, y);
        vact_softmax_backward_f32(2, huge, x, dy, dx);
        vact_log_softmax_f32(huge, 4, x, y);
        vact_log_softmax_backward_f32(huge, 4, x, dy, dx);
        vact_sparsemax_f32(huge, 2, x, y);
        vact_sparsemax_backward_f32(huge, 2, x, dy, dx);
        vact_glu_f32(huge, 2, x, y);
        vact_glu_backward_f32(huge, 2, x, dy, dx);
        vact_softmax_fast_f32(huge, 2, x, y);
        vact_softmax_fast_backward_f32(2, huge, x, dy, dx);
        vact_log_softmax_fast_f32(huge, 4, x, y);
        vact_log_softmax_fast_backward_f32(huge, 4, x, dy, dx);
        vact_glu_fast_f32(huge, 2, x, y);
        vact_glu_fast_backward_f32(huge, 2, x, dy, dx);
        vact_prelu_f32(huge, 2, x, al, y);
        vact_prelu_backward_f32(2, huge, x, al, dy, dx, da);
        vact_prelu_backward_f32(huge, 2, x, al, dy, dx, da);
        vact_prelu_backward_f32(0, SIZE_MAX / 2, x, al, dy, dx, da); /* channels * 4 overflows */
        if (count_sent(y, CAP) != CAP || count_sent(dx, CAP) != CAP || count_sent(da, CAP) != CAP) {
            printf("FAIL %s: a shape whose size overflows wrote something\n", in);
            bad++;
        }
    }
    vact_isa_select((vact_isa)g_isas[g_nisa - 1]);
    assert_int_equal(bad, 0);
}

/* swish at beta = 1 is silu's kernels (src/kernels/driver.h, VACT_UNIT_GO):
 * the same bits in every tier and type, forward and backward, on every ISA
 * (the general kernel differs from silu's in about 2% of the last bits) */
static int differs_f32(const float *a, const float *b, size_t n) {
    size_t d = 0;
    for (size_t i = 0; i < n; i++) d += !same_bits(a[i], b[i]);
    return d != 0;
}
static void test_unit_param(void **state) {
    (void)state;
    size_t n;
    float *x = samples_make(&n);
    float *dy = malloc(n * sizeof *dy), *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b);
    unsigned st = 5;
    for (size_t i = 0; i < n; i++) dy[i] = rnd_uniform(&st, -2.0f, 2.0f);
    enum { H = 65536 };
    uint16_t *hx = malloc(H * 2), *hdy = malloc(H * 2), *ha = malloc(H * 2), *hb = malloc(H * 2);
    for (size_t i = 0; i < H; i++) { hx[i] = (uint16_t)i; hdy[i] = (uint16_t)(0x3c00 ^ (i & 0x83ff)); }
    int bad = 0;
    for (int k = 0; k < g_nisa; k++) {
        assert_int_equal(vact_isa_select((vact_isa)g_isas[k]), 0);
        const char *isa = vact_isa_name((vact_isa)g_isas[k]);
        int d[8];
        vact_swish_f32(n, x, a, 1.0f); vact_silu_f32(n, x, b); d[0] = differs_f32(a, b, n);
        vact_swish_backward_f32(n, x, dy, a, 1.0f); vact_silu_backward_f32(n, x, dy, b);
        d[1] = differs_f32(a, b, n);
        vact_swish_fast_f32(n, x, a, 1.0f); vact_silu_fast_f32(n, x, b); d[2] = differs_f32(a, b, n);
        vact_swish_fast_backward_f32(n, x, dy, a, 1.0f); vact_silu_fast_backward_f32(n, x, dy, b);
        d[3] = differs_f32(a, b, n);
        /* every 16-bit pattern; dy's bits a spread of both signs and scales */
        vact_swish_bf16(H, hx, ha, 1.0f); vact_silu_bf16(H, hx, hb); d[4] = memcmp(ha, hb, H * 2) != 0;
        vact_swish_backward_bf16(H, hx, hdy, ha, 1.0f); vact_silu_backward_bf16(H, hx, hdy, hb);
        d[5] = memcmp(ha, hb, H * 2) != 0;
        vact_swish_f16(H, hx, ha, 1.0f); vact_silu_f16(H, hx, hb); d[6] = memcmp(ha, hb, H * 2) != 0;
        vact_swish_backward_f16(H, hx, hdy, ha, 1.0f); vact_silu_backward_f16(H, hx, hdy, hb);
        d[7] = memcmp(ha, hb, H * 2) != 0;
        static const char *what[] = {"f32 fwd", "f32 bwd", "fast fwd", "fast bwd",
                                     "bf16 fwd", "bf16 bwd", "f16 fwd", "f16 bwd"};
        for (int j = 0; j < 8; j++)
            if (d[j]) {
                printf("FAIL %s: swish(x, 1) %s differs from silu\n", isa, what[j]);
                bad++;
            }
    }
    free(x); free(dy); free(a); free(b); free(hx); free(hdy); free(ha); free(hb);
    assert_int_equal(bad, 0);
}

int main(void) {
    g_nisa = isa_list(g_isas);
    /* finite inputs: both signs, 0, subnormal, the exp edges, huge */
    static const float pick[] = {0.0f, -0.0f, 1e-40f, -1e-40f, 1e-20f, -1e-20f, 0.1f, -0.1f, 0.5f, -0.5f,
                                 1.0f, -1.0f, 2.0f, -2.0f, 3.0f, -3.0f, 5.0f, -5.0f, 10.0f, -10.0f,
                                 20.0f, -20.0f, 50.0f, -50.0f, 88.0f, -88.0f, 89.0f, -89.0f, 104.0f, -104.0f,
                                 200.0f, -200.0f, 1e10f, -1e10f, 1e30f, -1e30f, FLT_MAX, -FLT_MAX};
    size_t k = 0;
    for (; k < sizeof pick / sizeof pick[0]; k++) g_x[k] = pick[k];
    unsigned st = 7;
    for (; k < NX; k++) g_x[k] = rnd_uniform(&st, -30.0f, 30.0f);
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_domains), cmocka_unit_test(test_inf_edges),
                                       cmocka_unit_test(test_shapes), cmocka_unit_test(test_unit_param)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
