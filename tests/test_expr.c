/* Expressions (vact_expr_*): the primitives' accuracy and cross-ISA bits are
 * test_ulp's (ulp_NAME of the VACT_PRIM lines); here:
 *   builtin_bits  NAME(x[, params]) gives the built-in's bits, forward and
 *                 backward, every activation, parameter set and ISA
 *   powi          x^k, k in [-6, 9]: fwd <= 2 ULP, bwd <= 4 ULP (double pow)
 *   binary        + - * / are IEEE; min/max NaN and the sign of zero
 *   ad_fd         dx against central differences of a double reference, and
 *                 dp against the double sum of dy * (central difference in p)
 *   mish_formula  x*tanh(softplus(x)) against the built-in mish: measured and
 *                 held to the stated distance
 *   dp_sum        dp of max(alpha*x, x) against the double sum of dy*x (x < 0)
 *   isa_same      y, dx, dp bitwise equal on every ISA (vact_isa_select), n
 *                 with a tail block
 *   fused_ops     scalar operands and fused pairs of the forward: every
 *                 operation and side, every ISA, the bits of C's IEEE float
 *                 operations (min/max: IEEE 754-2019)
 *   fused_chunks  the fused max's NaN check per chunk (AVX2, AVX-512): chunks with
 *                 and without NaN, infinities, a tail, every ISA
 *   inplace       y over x, dx over x or dy: the bits of separate arrays
 *   errors        each kind of bad formula: NULL, the message and its column
 *   threads       one compiled expression from 4 threads: the same bits */
#include <math.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "vact.h"
#include "vact_ref.h"
#include "vact_samples.h"

/* the stated distance of x*tanh(softplus(x)) from mish, in ULP of mish's
 * result taken of max(|mish(x)|, 2^-4) (mish' crosses zero), finite x:
 * measured on test_expr's sample (scalar, AVX2, AVX-512), printed by the test */
#define MISH_FORMULA_ULP 3.5 /* measured 3.00 */

static int same_bits(float a, float b) {
    if (isnan(a) && isnan(b)) return 1;
    return memcmp(&a, &b, 4) == 0;
}

static vact_expr *compile_ok(const char *f, const char *p) {
    char err[256];
    vact_expr *e = vact_expr_compile(f, p, err, sizeof err);
    if (!e) printf("compile '%s' failed: %s\n", f, err);
    assert_non_null(e);
    return e;
}

static float *g_x;
static size_t g_n;

/* ---- builtin_bits --------------------------------------------------------- */
static void test_builtin_bits(void **state) {
    (void)state;
    int isas[5], nisa = isa_list(isas);
    size_t n = g_n;
    float *y1 = malloc(n * 4), *y2 = malloc(n * 4), *dy = malloc(n * 4);
    unsigned st = 7;
    for (size_t i = 0; i < n; i++) dy[i] = rnd_uniform(&st, -4.0f, 4.0f);
    int bad = 0;
    for (size_t f = 0; f < ref_nfns; f++) {
        const ref_fn *r = &ref_fns[f];
        for (int s = 0; s < r->nsets; s++) {
            char formula[128];
            const float *pr = r->sets[s];
            if (r->np == 0) snprintf(formula, sizeof formula, "%s(x)", r->name);
            else if (r->np == 1) snprintf(formula, sizeof formula, "%s(x, %a)", r->name, (double)pr[0]);
            else snprintf(formula, sizeof formula, "%s(x, %a, %a)", r->name, (double)pr[0], (double)pr[1]);
            vact_expr *e = compile_ok(formula, NULL);
            for (int k = 0; k < nisa; k++) {
                assert_int_equal(vact_isa_select((vact_isa)isas[k]), 0);
                size_t d = 0;
                r->pub_fwd(n, g_x, y1, pr);
                vact_expr_f32(e, n, g_x, y2, NULL);
                for (size_t i = 0; i < n; i++) d += !same_bits(y1[i], y2[i]);
                r->pub_bwd(n, g_x, dy, y1, pr);
                vact_expr_backward_f32(e, n, g_x, dy, y2, NULL, NULL);
                for (size_t i = 0; i < n; i++) d += !same_bits(y1[i], y2[i]);
                if (d) {
                    printf("FAIL %s on %s: %zu values differ from the built-in\n", formula,
                           vact_isa_name((vact_isa)isas[k]), d);
                    bad++;
                }
            }
            vact_expr_free(e);
        }
    }
    /* a declared parameter in the slot: the same bits as the built-in */
    vact_expr *e = compile_ok("swish(x, beta)", "beta");
    const float beta = 1.702f;
    vact_swish_f32(n, g_x, y1, beta);
    vact_expr_f32(e, n, g_x, y2, &beta);
    for (size_t i = 0; i < n; i++) bad += !same_bits(y1[i], y2[i]);
    vact_expr_free(e);
    free(y1); free(y2); free(dy);
    assert_int_equal(bad, 0);
}

/* ---- powi ------------------------------------------------------------------ */
static void test_powi(void **state) {
    (void)state;
    enum { N = 20000 };
    float *x = malloc(N * 4), *y = malloc(N * 4), *dx = malloc(N * 4), *dy = malloc(N * 4);
    unsigned st = 11;
    for (size_t i = 0; i < N; i++) {
        x[i] = rnd_uniform(&st, 0.05f, 12.0f) * ((i & 1) ? -1.0f : 1.0f);
        dy[i] = 1.0f;
    }
    int bad = 0;
    for (int k = -6; k <= 9; k++) {
        char f[32];
        snprintf(f, sizeof f, "x^%d", k);
        vact_expr *e = compile_ok(f, NULL);
        vact_expr_f32(e, N, x, y, NULL);
        vact_expr_backward_f32(e, N, x, dy, dx, NULL, NULL);
        double ef = 0, eb = 0;
        for (size_t i = 0; i < N; i++) {
            double r = pow(x[i], k), d = k * pow(x[i], k - 1);
            if (fabs(r) < 1e37 && fabs(r) > 1e-37) ef = fmax(ef, ref_err(y[i], r, r));
            if (fabs(d) < 1e37 && fabs(d) > 1e-37) eb = fmax(eb, ref_err(dx[i], d, d));
        }
        printf("x^%-3d fwd %.3f ULP  bwd %.3f ULP\n", k, ef, eb);
        if (ef > 2 || eb > 4) bad++;
        vact_expr_free(e);
    }
    free(x); free(y); free(dx); free(dy);
    assert_int_equal(bad, 0);
}

/* ---- binary ---------------------------------------------------------------- */
static void test_binary(void **state) {
    (void)state;
    const float nan = __builtin_nanf("");
    float a[] = {1.5f, -2.0f, 0.0f, -0.0f, nan, 3.0f, 0.0f, -0.0f, INFINITY};
    float b[] = {0.25f, 7.0f, -0.0f, 0.0f, 1.0f, nan, 0.0f, -0.0f, -INFINITY};
    enum { N = sizeof a / sizeof a[0] };
    float ab[2 * N], y[2 * N];
    /* x = a (first N), b is a constant per call: evaluate a op b elementwise
     * by the formula in x and the parameter b */
    vact_expr *emin = compile_ok("min(x, b)", "b"), *emax = compile_ok("max(x, b)", "b");
    vact_expr *eops[4] = {compile_ok("x + b", "b"), compile_ok("x - b", "b"), compile_ok("x * b", "b"),
                          compile_ok("x / b", "b")};
    for (size_t i = 0; i < N; i++) {
        float mn, mx;
        vact_expr_f32(emin, 1, &a[i], &mn, &b[i]);
        vact_expr_f32(emax, 1, &a[i], &mx, &b[i]);
        if (isnan(a[i]) || isnan(b[i])) {
            assert_true(isnan(mn) && isnan(mx));
        } else if (a[i] == b[i]) {
            assert_true(mn == a[i] && mx == a[i]);
            assert_int_equal(!!signbit(mn), signbit(a[i]) || signbit(b[i]));
            assert_int_equal(!!signbit(mx), signbit(a[i]) && signbit(b[i]));
        } else {
            assert_true(mn == (a[i] < b[i] ? a[i] : b[i]) && mx == (a[i] > b[i] ? a[i] : b[i]));
        }
        float r[4], w[4] = {a[i] + b[i], a[i] - b[i], a[i] * b[i], a[i] / b[i]};
        for (int o = 0; o < 4; o++) {
            vact_expr_f32(eops[o], 1, &a[i], &r[o], &b[i]);
            assert_true(same_bits(r[o], w[o]));
        }
    }
    (void)ab; (void)y;
    vact_expr_free(emin); vact_expr_free(emax);
    for (int o = 0; o < 4; o++) vact_expr_free(eops[o]);
}

/* ---- ad_fd ----------------------------------------------------------------- */
static double sp(double x) { return fmax(x, 0) + log1p(exp(-fabs(x))); }
static double sg(double x) { return 1 / (1 + exp(-x)); }
typedef struct {
    const char *f, *params;
    double (*ref)(double x, const double *p);
    float p[2];
    float lo, hi; /* |x| in [lo, hi], both signs */
} fd_case;
static double r_mish(double x, const double *p) { (void)p; return x * tanh(sp(x)); }
static double r_prelu(double x, const double *p) { return fmax(p[0] * x, x); }
static double r_swish(double x, const double *p) { return x * sg(p[0] * x); }
static double r_mix(double x, const double *p) { (void)p; return erf(x) * expm1(x / 4) + log1p(x * x); }
static double r_pow(double x, const double *p) { (void)p; return x * x * x - 2 / (x * x) + fabs(x); }
static double r_minsig(double x, const double *p) { (void)p; return fmin(x, 1) / (1 + exp(-x)); }
static double r_logsqrt(double x, const double *p) { return log(1 + x * x) + sqrt(fabs(x) + p[0]); }
static double r_erfc(double x, const double *p) { return erfc(x) - x / (p[0] + x * x) * p[1]; }
static double r_leaky(double x, const double *p) { return x > 0 ? x : p[0] * x; }
static double r_elu(double x, const double *p) { return x > 0 ? x : p[0] * expm1(x); }
static double r_quad(double x, const double *p) { return p[0] * x * x + p[1] - tanh(x); }
static double r_nsw(double x, const double *p) { return x * sg(-p[0] * x) + 1 / x; }
static const fd_case g_fd[] = {
    {"x*tanh(softplus(x))", NULL, r_mish, {0, 0}, 0.01f, 8},
    {"max(alpha*x, x)", "alpha", r_prelu, {0.1f, 0}, 0.01f, 8},
    {"x*sigmoid(beta*x)", "beta", r_swish, {1.5f, 0}, 0.01f, 8},
    {"swish(x, beta)", "beta", r_swish, {0.7f, 0}, 0.01f, 8},
    {"swish(x, -beta) + 1/x", "beta", r_nsw, {0.7f, 0}, 0.1f, 8},
    {"erf(x)*expm1(x/4) + log1p(x*x)", NULL, r_mix, {0, 0}, 0.01f, 5},
    {"x^3 - 2*x^-2 + abs(x)", NULL, r_pow, {0, 0}, 0.3f, 3},
    {"min(x, 1) / (1 + exp(-x))", NULL, r_minsig, {0, 0}, 0.01f, 8},
    {"log(1 + x*x) + sqrt(abs(x) + c)", "c", r_logsqrt, {1.5f, 0}, 0.01f, 8},
    {"erfc(x) - x/(a + x^2)*b", "a,b", r_erfc, {2.0f, 0.5f}, 0.01f, 4},
    {"leaky_relu(x, alpha)", "alpha", r_leaky, {0.2f, 0}, 0.01f, 8},
    {"elu(x, alpha)", "alpha", r_elu, {1.3f, 0}, 0.01f, 8},
    {"a*x^2 + b - tanh(x)", "a,b", r_quad, {0.3f, -1.0f}, 0.01f, 5},
};

static void test_ad_fd(void **state) {
    (void)state;
    enum { N = 3000 };
    float *x = malloc(N * 4), *dy = malloc(N * 4), *y = malloc(N * 4), *dx = malloc(N * 4);
    int bad = 0;
    for (size_t c = 0; c < sizeof g_fd / sizeof g_fd[0]; c++) {
        const fd_case *fc = &g_fd[c];
        vact_expr *e = compile_ok(fc->f, fc->params);
        unsigned st = 99 + (unsigned)c;
        for (size_t i = 0; i < N; i++) {
            x[i] = rnd_uniform(&st, fc->lo, fc->hi) * ((i & 1) ? -1.0f : 1.0f);
            dy[i] = rnd_uniform(&st, 0.25f, 2.0f);
        }
        float dp[2] = {0, 0};
        vact_expr_f32(e, N, x, y, fc->p);
        vact_expr_backward_f32(e, N, x, dy, dx, fc->p, dp);
        double pd[2] = {fc->p[0], fc->p[1]}, edx = 0, ey = 0, sdp[2] = {0, 0}, sabs[2] = {0, 0};
        for (size_t i = 0; i < N; i++) {
            double xi = x[i], h = 1e-6 * fmax(1, fabs(xi));
            double r = fc->ref(xi, pd);
            double d = (fc->ref(xi + h, pd) - fc->ref(xi - h, pd)) / (2 * h);
            ey = fmax(ey, fabs(y[i] - r) / (1 + fabs(r)));
            edx = fmax(edx, fabs(dx[i] - dy[i] * d) / (1 + fabs(dy[i] * d)));
            for (int k = 0; k < 2; k++) {
                double q[2] = {pd[0], pd[1]}, hp = 1e-6 * fmax(1, fabs(pd[k]));
                q[k] = pd[k] + hp;
                double fp = fc->ref(xi, q);
                q[k] = pd[k] - hp;
                double g = (fp - fc->ref(xi, q)) / (2 * hp);
                sdp[k] += dy[i] * g;
                sabs[k] += fabs(dy[i] * g);
            }
        }
        int np = fc->params ? (strchr(fc->params, ',') ? 2 : 1) : 0;
        double edp = 0;
        for (int k = 0; k < np; k++) edp = fmax(edp, fabs(dp[k] - sdp[k]) / (1 + sabs[k]));
        printf("AD %-34s y %.2e  dx %.2e  dp %.2e (relative)\n", fc->f, ey, edx, edp);
        if (ey > 1e-5 || edx > 1e-4 || edp > 1e-4) {
            printf("  FAIL\n");
            bad++;
        }
        vact_expr_free(e);
    }
    free(x); free(dy); free(y); free(dx);
    assert_int_equal(bad, 0);
}

/* ---- mish_formula ---------------------------------------------------------- */
static void test_mish_formula(void **state) {
    (void)state;
    int isas[5], nisa = isa_list(isas);
    size_t n = g_n;
    float *y1 = malloc(n * 4), *y2 = malloc(n * 4);
    vact_expr *e = compile_ok("x*tanh(softplus(x))", NULL);
    double worst = 0;
    float wx = 0;
    for (int k = 0; k < nisa; k++) {
        vact_isa_select((vact_isa)isas[k]);
        vact_mish_f32(n, g_x, y1);
        vact_expr_f32(e, n, g_x, y2, NULL);
        for (size_t i = 0; i < n; i++) {
            /* x = -inf: the formula's -inf * 0 is NaN (mish gives 0) */
            if (isinf(g_x[i]) || (isnan(y1[i]) && isnan(y2[i]))) continue;
            double r = y1[i];
            double d = ref_err(y2[i], r, fmax(fabs(r), 0.0625));
            if (d > worst || isnan(d)) { worst = isnan(d) ? INFINITY : d; wx = g_x[i]; }
        }
    }
    printf("x*tanh(softplus(x)) vs mish: max %.3f ULP (of max(|mish|, 2^-4)) at x = %g; stated %.1f\n",
           worst, (double)wx, MISH_FORMULA_ULP);
    vact_expr_free(e);
    free(y1); free(y2);
    assert_true(worst <= MISH_FORMULA_ULP);
}

/* ---- dp_sum ---------------------------------------------------------------- */
static void test_dp_sum(void **state) {
    (void)state;
    enum { N = 100003 };
    float *x = malloc(N * 4), *dy = malloc(N * 4), *dx = malloc(N * 4);
    unsigned st = 5;
    double s = 0, sa = 0;
    for (size_t i = 0; i < N; i++) {
        x[i] = rnd_uniform(&st, -3.0f, 3.0f);
        dy[i] = rnd_uniform(&st, -1.0f, 1.0f);
        if (x[i] < 0) { s += (double)dy[i] * x[i]; sa += fabs((double)dy[i] * x[i]); }
    }
    vact_expr *e = compile_ok("max(alpha*x, x)", "alpha");
    const float alpha = 0.1f;
    float dp = 0;
    vact_expr_backward_f32(e, N, x, dy, dx, &alpha, &dp);
    printf("dp %.9g, double %.9g, |diff|/sum|terms| %.2e\n", (double)dp, s, fabs(dp - s) / sa);
    assert_true(fabs(dp - s) <= 1e-6 * sa);
    /* n = 0: the empty sum */
    dp = 7;
    vact_expr_backward_f32(e, 0, x, dy, dx, &alpha, &dp);
    assert_true(dp == 0.0f);
    vact_expr_free(e);
    free(x); free(dy); free(dx);
}

/* ---- isa_same -------------------------------------------------------------- */
static void test_isa_same(void **state) {
    (void)state;
    static const struct { const char *f, *p; float v[2]; } cases[] = {
        {"max(alpha*x, x)", "alpha", {0.1f, 0}},
        {"x*sigmoid(beta*x)", "beta", {1.0f, 0}},
        {"x*tanh(softplus(x))", NULL, {0, 0}},
        {"erf(x)*expm1(x/4) + log1p(x*x) - sqrt(abs(x))", NULL, {0, 0}},
        {"(x^3 - 2*x^-2) / (1 + exp(-a*x)) + min(x, b)", "a,b", {0.5f, -0.25f}},
        {"swish(x, beta) + elu(x, a) + erfc(x)*log(abs(x))", "beta,a", {1.3f, 0.7f}},
    };
    int isas[5], nisa = isa_list(isas);
    size_t n = 3 * 256 + 77;
    float *x = malloc(n * 4), *dy = malloc(n * 4), *y[2], *dx[2];
    for (int j = 0; j < 2; j++) { y[j] = malloc(n * 4); dx[j] = malloc(n * 4); }
    for (size_t i = 0; i < n; i++) { x[i] = g_x[(i * 7919) % g_n]; }
    unsigned st = 3;
    for (size_t i = 0; i < n; i++) dy[i] = rnd_uniform(&st, -2.0f, 2.0f);
    int bad = 0;
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        vact_expr *e = compile_ok(cases[c].f, cases[c].p);
        float dp[2][2] = {{0, 0}, {0, 0}};
        for (int k = 0; k < nisa; k++) {
            int j = k ? 1 : 0;
            vact_isa_select((vact_isa)isas[k]);
            vact_expr_f32(e, n, x, y[j], cases[c].v);
            vact_expr_backward_f32(e, n, x, dy, dx[j], cases[c].v, dp[j]);
            if (!k) continue;
            size_t d = 0;
            for (size_t i = 0; i < n; i++) d += !same_bits(y[0][i], y[1][i]) + !same_bits(dx[0][i], dx[1][i]);
            d += !same_bits(dp[0][0], dp[1][0]) + !same_bits(dp[0][1], dp[1][1]);
            printf("%-50s %-7s %s\n", cases[c].f, vact_isa_name((vact_isa)isas[k]), d ? "DIFFERS" : "same-bits");
            bad += d != 0;
        }
        vact_expr_free(e);
    }
    for (int j = 0; j < 2; j++) { free(y[j]); free(dx[j]); }
    free(x); free(dy);
    assert_int_equal(bad, 0);
}

/* ---- fused_ops -------------------------------------------------------------- */
/* The forward computes x OP s with a scalar operand (s a constant or
 * parameter), and such a node used once by a binary consumer inside the
 * consumer's pass (src/kernels/expr/ops.h, fused): every producer (either
 * side), every consumer (either side), on every ISA, against the same IEEE
 * float operations in C, bit for bit (NaN: a NaN); min/max by the IEEE
 * 754-2019 rules (vocab_minmax.h). */
static float ieee_max(float a, float b) {
    if (isnan(a) || isnan(b)) return a + b;
    if (a == b) return signbit(a) ? b : a;
    return a > b ? a : b;
}
static float ieee_min(float a, float b) {
    if (isnan(a) || isnan(b)) return a + b;
    if (a == b) return signbit(a) ? a : b;
    return a < b ? a : b;
}
static float prod_ref(int k, float x, float s) {
    switch (k) {
    case 0: return x * s; case 1: return s * x; case 2: return x + s; case 3: return s + x;
    case 4: return x - s; case 5: return s - x; case 6: return x / s; default: return s / x;
    }
}
static float cons_ref(int k, float t, float q) {
    switch (k) {
    case 0: return t + q; case 1: return q + t; case 2: return t * q; case 3: return q * t;
    case 4: return ieee_min(t, q); case 5: return ieee_min(q, t); case 6: return ieee_max(t, q);
    case 7: return ieee_max(q, t); case 8: return t - q; case 9: return q - t; case 10: return t / q;
    default: return q / t;
    }
}
static void test_fused_ops(void **state) {
    (void)state;
    static const char *prod[8] = {"a*x", "x*a", "x+a", "a+x", "x-a", "a-x", "x/a", "a/x"};
    static const char *cons[12] = {"(%s) + %s", "%2$s + (%1$s)", "(%s) * %s", "%2$s * (%1$s)",
                                   "min(%s, %s)", "min(%2$s, %1$s)", "max(%s, %s)", "max(%2$s, %1$s)",
                                   "(%s) - %s", "%2$s - (%1$s)", "(%s) / %s", "%2$s / (%1$s)"};
    static const char *qs[2] = {"x", "abs(x)"};
    static const float av[] = {0.1f, -2.5f, 0.0f, -0.0f, INFINITY};
    const float nan = __builtin_nanf("");
    float xs[64] = {0.0f, -0.0f, 1.0f, -1.0f, INFINITY, -INFINITY, nan, 1e-45f, -1e-45f, 1e-39f,
                    3.5f, -2.25f, 1e30f, -1e-30f, 0.1f, -0.1f, 2.5f, -0.25f, 0.25f};
    unsigned st = 11;
    for (int i = 19; i < 64; i++) xs[i] = rnd_uniform(&st, -8.0f, 8.0f);
    enum { NX = 64 * 5 + 3 }; /* the main loop, the single-vector loop and a tail */
    float x[NX], y[NX];
    for (int i = 0; i < NX; i++) x[i] = xs[(i * 13) % 64];
    int isas[5], nisa = isa_list(isas), bad = 0, checked = 0;
    char f[96];
    for (int pk = 0; pk < 8; pk++)
        for (int ck = -1; ck < 12; ck++)
            for (int qk = 0; qk < (ck < 0 ? 1 : 2); qk++) {
                if (ck < 0) snprintf(f, sizeof f, "%s", prod[pk]);
                else snprintf(f, sizeof f, cons[ck], prod[pk], qs[qk]);
                vact_expr *e = compile_ok(f, "a");
                for (int k = 0; k < nisa; k++) {
                    vact_isa_select((vact_isa)isas[k]);
                    for (size_t a = 0; a < sizeof av / sizeof av[0]; a++) {
                        vact_expr_f32(e, NX, x, y, &av[a]);
                        for (int i = 0; i < NX; i++) {
                            float t = prod_ref(pk, x[i], av[a]), q = qk ? fabsf(x[i]) : x[i];
                            float r = ck < 0 ? t : cons_ref(ck, t, q);
                            checked++;
                            if (!same_bits(y[i], r) && bad++ < 5)
                                printf("%s a=%g %s x=%a: %a, want %a\n", f, (double)av[a],
                                       vact_isa_name((vact_isa)isas[k]), (double)x[i], (double)y[i], (double)r);
                        }
                    }
                }
                vact_expr_free(e);
            }
    printf("fused_ops: %d values, %d differ\n", checked, bad);
    assert_int_equal(bad, 0);
}

/* The fused max's chunks (ops.h, VACT_MINMAX_NN: AVX2, AVX-512): max(a*x, q) with a
 * finite nonzero a checks its inputs for NaN once per chunk of 512 elements
 * and redoes a chunk that has one. Chunks without a NaN, with one NaN, with
 * infinities of both signs (a false alarm of the witness), and a tail, for
 * q = x (the witness on x alone), abs(x) and sqrt(x) (NaN where x < 0: only
 * the check tells those lanes, m1 & m2 loses their NaN), a = 0.1, 3, -2 and
 * inf (not that path): every ISA, the bits of the IEEE maximum. */
static void test_fused_chunks(void **state) {
    (void)state;
    enum { N = 4 * 512 + 37 };
    float *x = malloc(N * 4), *y = malloc(N * 4);
    unsigned st = 17;
    for (int i = 0; i < N; i++) x[i] = rnd_uniform(&st, -10.0f, 10.0f);
    x[512 + 300] = __builtin_nanf("");
    x[2 * 512 + 5] = INFINITY;
    x[2 * 512 + 77] = -INFINITY;
    x[2 * 512 + 78] = 0.0f;
    x[3 * 512 + 9] = -0.0f;
    x[N - 3] = __builtin_nanf("");
    static const char *fs[3] = {"max(a*x, x)", "max(a*x, abs(x))", "max(a*x, sqrt(x))"};
    static const float av[] = {0.1f, 3.0f, -2.0f, INFINITY};
    int isas[5], nisa = isa_list(isas), bad = 0, bad_isa[5] = {0};
    for (int f = 0; f < 3; f++) {
        vact_expr *e = compile_ok(fs[f], "a");
        for (int k = 0; k < nisa; k++) {
            vact_isa_select((vact_isa)isas[k]);
            for (size_t a = 0; a < sizeof av / sizeof av[0]; a++) {
                vact_expr_f32(e, N, x, y, &av[a]);
                for (int i = 0; i < N; i++) {
                    float r = ieee_max(av[a] * x[i], f == 2 ? sqrtf(x[i]) : f ? fabsf(x[i]) : x[i]);
                    if (!same_bits(y[i], r) && bad_isa[k]++ >= 0 && bad++ < 5)
                        printf("%s a=%g %s x[%d]=%a: %a, want %a\n", fs[f], (double)av[a],
                               vact_isa_name((vact_isa)isas[k]), i, (double)x[i], (double)y[i], (double)r);
                }
            }
        }
        vact_expr_free(e);
    }
    printf("fused_chunks: %d differ (", bad);
    for (int k = 0; k < nisa; k++) printf("%s%s %d", k ? ", " : "", vact_isa_name((vact_isa)isas[k]), bad_isa[k]);
    printf(")\n");
    free(x); free(y);
    assert_int_equal(bad, 0);
}

/* ---- inplace ---------------------------------------------------------------- */
/* y over x, dx over x or over dy (the backward writes dx directly only when
 * it overlaps neither): the bits of separate arrays; a node used twice
 * (x*x, max(x, x)); n with a tail block; dp the same */
static void test_inplace(void **state) {
    (void)state;
    static const struct { const char *f, *p; float v[2]; } cases[] = {
        {"max(alpha*x, x)", "alpha", {0.1f, 0}},
        {"x*x + max(x, x) - x/x", NULL, {0, 0}},
        {"x*sigmoid(beta*x) - (2 - x)*beta", "beta", {1.3f, 0}},
        {"min(a, x) * (x + a) / (a - x)", "a", {0.5f, 0}},
    };
    const size_t n = 3 * 2048 + 100;
    float *x = malloc(n * 4), *dy = malloc(n * 4), *y = malloc(n * 4), *dx = malloc(n * 4),
          *w = malloc(n * 4);
    unsigned st = 5;
    for (size_t i = 0; i < n; i++) {
        x[i] = g_x[(i * 31) % g_n];
        dy[i] = rnd_uniform(&st, -2.0f, 2.0f);
    }
    size_t bad = 0;
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        vact_expr *e = compile_ok(cases[c].f, cases[c].p);
        float dp0[2] = {0, 0}, dp1[2] = {0, 0};
        vact_expr_f32(e, n, x, y, cases[c].v);
        vact_expr_backward_f32(e, n, x, dy, dx, cases[c].v, dp0);
        memcpy(w, x, n * 4); /* y over x */
        vact_expr_f32(e, n, w, w, cases[c].v);
        for (size_t i = 0; i < n; i++) bad += !same_bits(w[i], y[i]);
        memcpy(w, x, n * 4); /* dx over x */
        vact_expr_backward_f32(e, n, w, dy, w, cases[c].v, dp1);
        for (size_t i = 0; i < n; i++) bad += !same_bits(w[i], dx[i]);
        bad += !same_bits(dp0[0], dp1[0]) + !same_bits(dp0[1], dp1[1]);
        memcpy(w, dy, n * 4); /* dx over dy */
        vact_expr_backward_f32(e, n, x, w, w, cases[c].v, dp1);
        for (size_t i = 0; i < n; i++) bad += !same_bits(w[i], dx[i]);
        bad += !same_bits(dp0[0], dp1[0]) + !same_bits(dp0[1], dp1[1]);
        vact_expr_free(e);
    }
    printf("inplace: %zu differ\n", bad);
    free(x); free(dy); free(y); free(dx); free(w);
    assert_int_equal(bad, 0);
}

/* ---- errors ---------------------------------------------------------------- */
static void test_errors(void **state) {
    (void)state;
    static const struct { const char *f, *p, *msg; int col; } bad[] = {
        {"x +", NULL, "unexpected end", 4},
        {"x * (1 + x", NULL, "expected ')'", 11},
        {"x)", NULL, "unbalanced", 2},
        {"x $ 2", NULL, "unexpected '$'", 3},
        {"foo(x)", NULL, "unknown function 'foo'", 1},
        {"2*y", NULL, "unknown name 'y'", 3},
        {"x*beta", "alpha", "unknown name 'beta'", 3},
        {"leaky_relu(x, gamma)", "alpha", "'gamma' is not a declared parameter", 15},
        {"min(x)", NULL, "takes 2 arguments", 6},
        {"max(x, 1, 2)", NULL, "takes 2 arguments", 1},
        {"tanh(x, 1)", NULL, "takes 1 argument", 1},
        {"leaky_relu(x, 1, 2)", NULL, "takes 1 or 2 arguments", 1},
        {"x^1.5", NULL, "integer exponent", 3},
        {"x^17", NULL, "out of range", 3},
        {"swish(x, 2*beta)", "beta", "must be a number or a declared parameter", 10},
        {"squareplus(x, b)", "b", "not supported", 1},
        {"1.5.2", NULL, "malformed number", 4},
        {"sigmoid", NULL, "is a function", 1},
        {"", NULL, "unexpected end", 1},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char err[256] = "";
        vact_expr *e = vact_expr_compile(bad[i].f, bad[i].p, err, sizeof err);
        char want[32];
        snprintf(want, sizeof want, "column %d:", bad[i].col);
        printf("%-24s -> %s\n", bad[i].f, err);
        assert_null(e);
        assert_non_null(strstr(err, bad[i].msg));
        assert_non_null(strstr(err, want));
    }
    /* too many values */
    char big[1024] = "x";
    for (int i = 0; i < 40; i++) strcat(big, "+x");
    char err[256];
    assert_null(vact_expr_compile(big, NULL, err, sizeof err));
    assert_non_null(strstr(err, "too large"));
    /* bad parameter lists */
    assert_null(vact_expr_compile("x", "a,,b", err, sizeof err));
    assert_null(vact_expr_compile("x", "x", err, sizeof err));
    assert_null(vact_expr_compile("x", "a,a", err, sizeof err));
    /* err may be NULL */
    assert_null(vact_expr_compile("x +", NULL, NULL, 0));
}

/* ---- threads --------------------------------------------------------------- */
typedef struct { const vact_expr *e; size_t n; const float *x, *dy; float *y, *dx; float dp; } job;
static void *run_job(void *arg) {
    job *j = arg;
    const float p = 0.3f;
    for (int r = 0; r < 20; r++) {
        vact_expr_f32(j->e, j->n, j->x, j->y, &p);
        vact_expr_backward_f32(j->e, j->n, j->x, j->dy, j->dx, &p, &j->dp);
    }
    return NULL;
}
static void test_threads(void **state) {
    (void)state;
    enum { T = 4, N = 5000 };
    vact_expr *e = compile_ok("x*sigmoid(beta*x) + max(beta*x, x)", "beta");
    float *x = malloc(N * 4), *dy = malloc(N * 4);
    unsigned st = 1;
    for (size_t i = 0; i < N; i++) { x[i] = rnd_uniform(&st, -6, 6); dy[i] = rnd_uniform(&st, -1, 1); }
    job jobs[T + 1];
    pthread_t th[T];
    for (int t = 0; t <= T; t++) {
        jobs[t] = (job){e, N, x, dy, malloc(N * 4), malloc(N * 4), 0};
    }
    run_job(&jobs[T]);
    for (int t = 0; t < T; t++) pthread_create(&th[t], NULL, run_job, &jobs[t]);
    for (int t = 0; t < T; t++) pthread_join(th[t], NULL);
    for (int t = 0; t < T; t++) {
        assert_memory_equal(jobs[t].y, jobs[T].y, N * 4);
        assert_memory_equal(jobs[t].dx, jobs[T].dx, N * 4);
        assert_true(same_bits(jobs[t].dp, jobs[T].dp));
    }
    for (int t = 0; t <= T; t++) { free(jobs[t].y); free(jobs[t].dx); }
    free(x); free(dy);
    vact_expr_free(e);
}

int main(void) {
    /* every 8th input of the shared sample (the primitives' full sweep is test_ulp's) */
    g_x = samples_make(&g_n);
    size_t k = 0;
    for (size_t i = 0; i < g_n; i += 8) g_x[k++] = g_x[i];
    g_n = k;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_builtin_bits), cmocka_unit_test(test_powi),
        cmocka_unit_test(test_binary),       cmocka_unit_test(test_ad_fd),
        cmocka_unit_test(test_mish_formula), cmocka_unit_test(test_dp_sum),
        cmocka_unit_test(test_isa_same),     cmocka_unit_test(test_errors),
        cmocka_unit_test(test_threads),      cmocka_unit_test(test_fused_ops),
        cmocka_unit_test(test_fused_chunks),
        cmocka_unit_test(test_inplace),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    free(g_x);
    return rc;
}
