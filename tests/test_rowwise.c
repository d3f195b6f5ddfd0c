/* Row-wise functions (softmax, log_softmax, sparsemax, glu) and prelu,
 * forward and backward, on every ISA this machine supports (through
 * vact_isa_select and the public API; plus the SIMDe-NEON table when built).
 *   test_rowwise [NAME ...]   (softmax log_softmax sparsemax glu prelu)
 * Asserts, per function:
 *   accuracy against a double reference (bounds in docs/contract.md "Row-wise
 *   functions" and "prelu"; the bounds used here are printed with the maxima);
 *   every ISA bitwise equal to scalar (any NaN equals any NaN) for rows of
 *   1..70 and odd or long sizes, special rows, in place (y == x, dx == dy,
 *   dx == y/x) equal to out of place;
 *   special rows: NaN anywhere -> NaN row, one +inf -> one-hot (several:
 *   equal shares), all -inf -> NaN;
 *   prelu exact, dalpha overwritten and within 1e-5 * sum|dy*x|. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "vact.h"
#include "vact_samples.h"
#include "dispatch/simde.h"

/* ---- implementations under test ------------------------------------------ */
typedef struct { int isa; const vact_table *t; const char *name; } impl_t;
static impl_t g_im[8];
static int g_nim;

enum { SOFTMAX, LOG_SOFTMAX, SPARSEMAX, GLU };
static const char *fn_name[] = {"softmax", "log_softmax", "sparsemax", "glu"};

static void sel(const impl_t *im) {
    if (!im->t) assert_int_equal(vact_isa_select((vact_isa)im->isa), 0);
}
/* g_fast: the fast tier's entry points (softmax, log_softmax, glu) */
static int g_fast;
static void run_fwd(const impl_t *im, int fn, size_t rows, size_t cols, const float *x, float *y) {
    sel(im);
    const vact_table *t = im->t;
    int f = g_fast;
    switch (fn) {
    case SOFTMAX:
        if (t) (f ? t->softmax_fast : t->softmax)(rows, cols, x, y);
        else (f ? vact_softmax_fast_f32 : vact_softmax_f32)(rows, cols, x, y);
        break;
    case LOG_SOFTMAX:
        if (t) (f ? t->log_softmax_fast : t->log_softmax)(rows, cols, x, y);
        else (f ? vact_log_softmax_fast_f32 : vact_log_softmax_f32)(rows, cols, x, y);
        break;
    case SPARSEMAX: if (t) t->sparsemax(rows, cols, x, y); else vact_sparsemax_f32(rows, cols, x, y); break;
    default:
        if (t) (f ? t->glu_fast : t->glu)(rows, cols, x, y);
        else (f ? vact_glu_fast_f32 : vact_glu_f32)(rows, cols, x, y);
        break;
    }
}
static void run_bwd(const impl_t *im, int fn, size_t rows, size_t cols, const float *x, const float *dy,
                    float *dx) {
    sel(im);
    const vact_table *t = im->t;
    int f = g_fast;
    switch (fn) {
    case SOFTMAX:
        if (t) (f ? t->softmax_fast_bwd : t->softmax_bwd)(rows, cols, x, dy, dx);
        else (f ? vact_softmax_fast_backward_f32 : vact_softmax_backward_f32)(rows, cols, x, dy, dx);
        break;
    case LOG_SOFTMAX:
        if (t) (f ? t->log_softmax_fast_bwd : t->log_softmax_bwd)(rows, cols, x, dy, dx);
        else (f ? vact_log_softmax_fast_backward_f32 : vact_log_softmax_backward_f32)(rows, cols, x, dy, dx);
        break;
    case SPARSEMAX: if (t) t->sparsemax_bwd(rows, cols, x, dy, dx); else vact_sparsemax_backward_f32(rows, cols, x, dy, dx); break;
    default:
        if (t) (f ? t->glu_fast_bwd : t->glu_bwd)(rows, cols, x, dy, dx);
        else (f ? vact_glu_fast_backward_f32 : vact_glu_backward_f32)(rows, cols, x, dy, dx);
        break;
    }
}
static void run_prelu(const impl_t *im, size_t rows, size_t ch, const float *x, const float *al, float *y) {
    sel(im);
    if (im->t) im->t->prelu(rows, ch, x, al, y);
    else vact_prelu_f32(rows, ch, x, al, y);
}
static void run_prelu_bwd(const impl_t *im, size_t rows, size_t ch, const float *x, const float *al,
                          const float *dy, float *dx, float *da) {
    sel(im);
    if (im->t) im->t->prelu_bwd(rows, ch, x, al, dy, dx, da);
    else vact_prelu_backward_f32(rows, ch, x, al, dy, dx, da);
}

/* ---- helpers ---------------------------------------------------------------- */
static int same_bits(float a, float b) {
    if (isnan(a) && isnan(b)) return 1;
    return memcmp(&a, &b, 4) == 0;
}
static size_t count_diff(size_t n, const float *a, const float *b) {
    size_t d = 0;
    for (size_t i = 0; i < n; i++) d += !same_bits(a[i], b[i]);
    return d;
}
static double ulp_of(double r) {
    r = fabs(r);
    int e = r > 0 ? ilogb(r) : -126;
    if (e < -126) e = -126;
    return ldexp(1.0, e - 23);
}
static float *fbuf(size_t n) {
    float *p = malloc((n ? n : 1) * sizeof *p);
    assert_non_null(p);
    return p;
}
static unsigned g_st = 2024u;
static float urand(float lo, float hi) { return rnd_uniform(&g_st, lo, hi); }

static int g_fail;
#define CHECK(cond, ...)                                                                   \
    do {                                                                                   \
        if (!(cond)) {                                                                     \
            if (g_fail < 40) { printf("  FAIL "); printf(__VA_ARGS__); printf("\n"); }     \
            g_fail++;                                                                      \
        }                                                                                  \
    } while (0)

/* ---- references (double) ------------------------------------------------------ */
static void ref_softmax(size_t n, const float *x, double *r) {
    double m = -INFINITY, s = 0;
    for (size_t i = 0; i < n; i++) m = fmax(m, x[i]);
    for (size_t i = 0; i < n; i++) s += exp((double)x[i] - m);
    for (size_t i = 0; i < n; i++) r[i] = exp((double)x[i] - m) / s;
}
static void ref_log_softmax(size_t n, const float *x, double *r) {
    double m = -INFINITY, s = 0;
    for (size_t i = 0; i < n; i++) m = fmax(m, x[i]);
    for (size_t i = 0; i < n; i++) s += exp((double)x[i] - m);
    double l = log(s);
    for (size_t i = 0; i < n; i++) r[i] = ((double)x[i] - m) - l;
}
static int cmp_desc(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? 1 : x > y ? -1 : 0;
}
/* sort-based: support size k = max{k : 1 + k z_(k) > sum_{j<=k} z_(j)} */
static void ref_sparsemax(size_t n, const float *x, double *r) {
    double *z = malloc(n * sizeof *z);
    for (size_t i = 0; i < n; i++) z[i] = x[i];
    qsort(z, n, sizeof *z, cmp_desc);
    double cum = 0, tau = 0;
    for (size_t k = 1; k <= n; k++) {
        cum += z[k - 1];
        if (1.0 + (double)k * z[k - 1] > cum) tau = (cum - 1.0) / (double)k;
    }
    for (size_t i = 0; i < n; i++) r[i] = fmax((double)x[i] - tau, 0.0);
    free(z);
}
static double ref_sig(double b) {
    double e = exp(-fabs(b));
    return b >= 0 ? 1 / (1 + e) : e / (1 + e);
}
static double ref_dsig(double b) {
    double e = exp(-fabs(b));
    return e / ((1 + e) * (1 + e));
}

/* ---- test sizes ------------------------------------------------------------- */
static const size_t big_cols[] = {71, 100, 127, 255, 1000, 1023, 4000, 4095, 4096, 4097};
#define NBIG (sizeof big_cols / sizeof big_cols[0])

/* The fast tier is deterministic per ISA (bits may differ between ISAs): a
 * row's result must not depend on the batch around it or on alignment. Each
 * row of the batch result `got` (from ISA k) against the row computed alone
 * from a copy at an odd offset; glu (elementwise) also element by element
 * (a lane's result never depends on its neighbours) for the first 200 and
 * every 13th after. x: the forward input, or for a backward (dy != NULL)
 * the backward's first input. */
static void check_det(int fn, int k, size_t rows, size_t cols, const float *x, const float *dy,
                      const float *got) {
    size_t nin = fn == GLU ? cols / 2 : cols;      /* dy per row */
    size_t nout = dy || fn != GLU ? cols : cols / 2; /* result per row */
    float *xb = fbuf(cols + 1), *db = fbuf(nin + 1), *ob = fbuf(nout + 1);
    for (size_t r = 0; r < rows; r++) {
        memcpy(xb + 1, x + r * cols, cols * sizeof *xb);
        if (dy) {
            memcpy(db + 1, dy + r * nin, nin * sizeof *db);
            run_bwd(&g_im[k], fn, 1, cols, xb + 1, db + 1, ob + 1);
        } else {
            run_fwd(&g_im[k], fn, 1, cols, xb + 1, ob + 1);
        }
        CHECK(!count_diff(nout, ob + 1, got + r * nout), "%s%s fast %s %zux%zu: row %zu alone differs (%zu)",
              fn_name[fn], dy ? " bwd" : "", g_im[k].name, rows, cols, r, count_diff(nout, ob + 1, got + r * nout));
    }
    if (fn == GLU) {
        size_t h = cols / 2;
        for (size_t r = 0; r < rows; r++)
            for (size_t j = 0; j < h; j += j < 200 ? 1 : 13) {
                float xe[2] = {x[r * cols + j], x[r * cols + h + j]}, ge = dy ? dy[r * h + j] : 0, oe[2];
                if (dy) {
                    run_bwd(&g_im[k], fn, 1, 2, xe, &ge, oe);
                    CHECK(same_bits(oe[0], got[r * cols + j]) && same_bits(oe[1], got[r * cols + h + j]),
                          "glu bwd fast %s: element %zu,%zu alone differs", g_im[k].name, r, j);
                } else {
                    run_fwd(&g_im[k], fn, 1, 2, xe, oe);
                    CHECK(same_bits(oe[0], got[r * h + j]), "glu fast %s: element %zu,%zu alone differs",
                          g_im[k].name, r, j);
                }
            }
    }
    free(xb); free(db); free(ob);
}

/* every ISA equal to scalar (fast tier: each ISA deterministic, check_det),
 * in place equal to out of place, for one input */
static void check_bits_fwd(int fn, size_t rows, size_t cols, const float *x) {
    size_t ny = fn == GLU ? rows * (cols / 2) : rows * cols;
    float *y0 = fbuf(ny), *y = fbuf(ny), *xi = fbuf(rows * cols);
    for (int k = 0; k < g_nim; k++) {
        float *yy = k ? y : y0;
        run_fwd(&g_im[k], fn, rows, cols, x, yy);
        if (k && !g_fast) CHECK(!count_diff(ny, y, y0), "%s %s %zux%zu: %zu values differ from scalar", fn_name[fn],
                     g_im[k].name, rows, cols, count_diff(ny, y, y0));
        if (g_fast) check_det(fn, k, rows, cols, x, NULL, yy);
        memcpy(xi, x, rows * cols * sizeof *xi);
        run_fwd(&g_im[k], fn, rows, cols, xi, xi);
        CHECK(!count_diff(ny, xi, yy), "%s %s %zux%zu: in place differs", fn_name[fn], g_im[k].name, rows, cols);
    }
    free(y0); free(y); free(xi);
}
/* the same for the backward (x = forward's input for glu, output y otherwise) */
static void check_bits_bwd(int fn, size_t rows, size_t cols, const float *x, const float *dy) {
    size_t n = rows * cols, ndy = fn == GLU ? rows * (cols / 2) : n;
    float *d0 = fbuf(n), *d = fbuf(n), *di = fbuf(n);
    for (int k = 0; k < g_nim; k++) {
        float *dd = k ? d : d0;
        run_bwd(&g_im[k], fn, rows, cols, x, dy, dd);
        if (k && !g_fast) CHECK(!count_diff(n, d, d0), "%s bwd %s %zux%zu: %zu values differ from scalar", fn_name[fn],
                     g_im[k].name, rows, cols, count_diff(n, d, d0));
        if (g_fast) check_det(fn, k, rows, cols, x, dy, dd);
        memcpy(di, dy, ndy * sizeof *di); /* dx == dy */
        run_bwd(&g_im[k], fn, rows, cols, x, di, di);
        CHECK(!count_diff(n, di, dd), "%s bwd %s %zux%zu: dx == dy differs", fn_name[fn], g_im[k].name, rows, cols);
        memcpy(di, x, n * sizeof *di); /* dx == x */
        run_bwd(&g_im[k], fn, rows, cols, di, dy, di);
        CHECK(!count_diff(n, di, dd), "%s bwd %s %zux%zu: dx == x differs", fn_name[fn], g_im[k].name, rows, cols);
    }
    free(d0); free(d); free(di);
}

/* random rows of every size 1..70 and the long ones, for every function */
static void bits_sweep(int fn, float lo, float hi) {
    for (size_t c = 1; c <= 70 + NBIG; c++) {
        size_t cols = c <= 70 ? c : big_cols[c - 71];
        if (fn == GLU) cols *= 2;
        size_t rows = cols < 80 ? 3 : 2;
        float *x = fbuf(rows * cols), *dy = fbuf(rows * cols), *y = fbuf(rows * cols);
        for (size_t i = 0; i < rows * cols; i++) x[i] = urand(lo, hi), dy[i] = urand(-1, 1);
        check_bits_fwd(fn, rows, cols, x);
        if (fn == GLU) {
            check_bits_bwd(fn, rows, cols, x, dy);
        } else {
            run_fwd(&g_im[0], fn, rows, cols, x, y);
            check_bits_bwd(fn, rows, cols, y, dy);
        }
        free(x); free(dy); free(y);
    }
}

/* ---- softmax / log_softmax ----------------------------------------------------- */
/* accuracy on random rows: fwd ulp (log_softmax: ulp(max(|r|, 1))), row sums,
 * backward within 4 ulp + 1e-5 * condition scale */
static void accuracy_softmax_k(int fn, int k) {
    /* the last two: |max| > 2^24 (inputs spaced 2 apart), the other exp path */
    /* fast tier also: offsets that keep |max| <= 2^18 (its fast rows), max
     * around 50 and -50, 1e5 (m - 88 rounds), a small positive max with
     * values far below -max, and maxima around 16 */
    const float ranges[] = {1.0f, 10.0f, 100.0f, 100.0f, 100.0f, 8.0f, 8.0f, 100.0f, 20.0f, 50.0f, 10.0f};
    const float offsets[] = {0.0f, 0.0f, 0.0f, 3e7f, -3e7f, 50.0f, -50.0f, 1e5f, 0.0f, -48.0f, 11.0f};
    const size_t nr = g_fast ? 11 : 5;
    double wf = 0, wb = 0, wsum = 0;
    for (size_t c = 1; c <= 70 + NBIG; c++) {
        size_t cols = c <= 70 ? c : big_cols[c - 71];
        for (size_t ri = 0; ri < nr; ri++) {
            size_t rows = cols < 80 ? 8 : 2;
            size_t n = rows * cols;
            float *x = fbuf(n), *y = fbuf(n), *dy = fbuf(n), *dx = fbuf(n);
            double *r = malloc(cols * sizeof *r);
            for (size_t i = 0; i < n; i++)
                x[i] = offsets[ri] + urand(-ranges[ri], ranges[ri]), dy[i] = urand(-1, 1);
            run_fwd(&g_im[k], fn, rows, cols, x, y);
            run_bwd(&g_im[k], fn, rows, cols, y, dy, dx);
            for (size_t rw = 0; rw < rows; rw++) {
                const float *xr = x + rw * cols, *yr = y + rw * cols, *gr = dy + rw * cols, *dr = dx + rw * cols;
                if (fn == SOFTMAX) ref_softmax(cols, xr, r);
                else ref_log_softmax(cols, xr, r);
                double s = 0;
                for (size_t i = 0; i < cols; i++) {
                    double u = fn == SOFTMAX ? ulp_of(g_fast ? fmax(fabs(r[i]), 0x1p-20) : r[i])
                                             : ulp_of(fmax(fabs(r[i]), 1.0));
                    double e = fabs(yr[i] - r[i]) / u;
                    if (!(e <= wf)) wf = isnan(e) ? INFINITY : e;
                    s += yr[i];
                }
                if (fn == SOFTMAX) {
                    if (!(fabs(s - 1) <= wsum)) wsum = fabs(s - 1);
                }
                /* backward from the float y */
                double dot = 0, adot = 0, sdy = 0, asdy = 0;
                for (size_t i = 0; i < cols; i++) {
                    dot += (double)yr[i] * gr[i];
                    adot += fabs((double)yr[i] * gr[i]);
                    sdy += gr[i];
                    asdy += fabs((double)gr[i]);
                }
                for (size_t i = 0; i < cols; i++) {
                    double rr, scale;
                    if (fn == SOFTMAX) {
                        rr = yr[i] * (gr[i] - dot);
                        scale = fabs((double)yr[i]) * (fabs((double)gr[i]) + adot);
                    } else {
                        double ey = exp((double)yr[i]);
                        rr = gr[i] - ey * sdy;
                        scale = fabs((double)gr[i]) + ey * asdy;
                    }
                    double err = fabs(dr[i] - rr);
                    /* in units of the allowed bound */
                    double e = g_fast ? err / (8 * ulp_of(fmax(fabs(rr), 0x1p-20)) + 1e-5 * scale)
                                      : err / (4 * ulp_of(rr) + 1e-5 * scale);
                    if (!(e <= wb)) wb = isnan(e) ? INFINITY : e;
                }
            }
            free(x); free(y); free(dy); free(dx); free(r);
        }
    }
    if (g_fast)
        printf("ROW-FAST %-6s %-12s fwd max %.3f ulp of max(|r|, %s) (bound 4)  bwd max %.3f of bound (8 ulp + 1e-5 scale)",
               g_im[k].name, fn_name[fn], wf, fn == SOFTMAX ? "2^-20" : "1", wb);
    else
        printf("ROW %-12s fwd max %.3f ulp (bound 4)  bwd max %.3f of bound (4 ulp + 1e-5 scale)",
               fn_name[fn], wf, wb);
    if (fn == SOFTMAX) printf("  |row sum - 1| max %.3g (bound 1e-5)", wsum);
    printf("\n");
    CHECK(wf <= 4.0, "%s fwd %.3f ulp > 4", fn_name[fn], wf);
    CHECK(wb <= 1.0, "%s bwd %.3f x bound", fn_name[fn], wb);
    CHECK(wsum <= 1e-5, "%s row sum off by %g", fn_name[fn], wsum);
}

/* the accurate tier on the first implementation (every ISA has its bits),
 * the fast tier on every ISA */
static void accuracy_softmax(int fn) {
    for (int k = 0; k < (g_fast ? g_nim : 1); k++) accuracy_softmax_k(fn, k);
}

/* special rows: NaN anywhere, +inf (one, several), all -inf, some -inf */
static void special_rows(int fn) {
    const float nan = __builtin_nanf(""), inf = INFINITY;
    const size_t sizes[] = {1, 2, 5, 16, 17, 33, 70, 1000};
    for (size_t si = 0; si < sizeof sizes / sizeof sizes[0]; si++) {
        size_t n = sizes[si];
        float *x = fbuf(n), *y = fbuf(n);
        size_t pos[] = {0, n / 2, n - 1};
        for (size_t pi = 0; pi < 3; pi++) {
            size_t p = pos[pi];
            /* NaN at p */
            for (size_t i = 0; i < n; i++) x[i] = urand(-5, 5);
            x[p] = nan;
            for (int k = 0; k < g_nim; k++) {
                run_fwd(&g_im[k], fn, 1, n, x, y);
                size_t bad = 0;
                for (size_t i = 0; i < n; i++) bad += !isnan(y[i]);
                CHECK(!bad, "%s %s n=%zu NaN at %zu: %zu non-NaN outputs", fn_name[fn], g_im[k].name, n, p, bad);
            }
            /* one +inf at p (and a -inf elsewhere) */
            for (size_t i = 0; i < n; i++) x[i] = urand(-5, 5);
            if (n > 2) x[(p + 1) % n] = -inf;
            x[p] = inf;
            for (int k = 0; k < g_nim; k++) {
                run_fwd(&g_im[k], fn, 1, n, x, y);
                size_t bad = 0;
                for (size_t i = 0; i < n; i++) {
                    float want = fn == LOG_SOFTMAX ? (i == p ? 0.0f : -inf) : (i == p ? 1.0f : 0.0f);
                    bad += y[i] != want;
                }
                CHECK(!bad, "%s %s n=%zu +inf at %zu: %zu wrong", fn_name[fn], g_im[k].name, n, p, bad);
            }
            /* +inf at p and a NaN: NaN row */
            if (n > 1) {
                x[(p + 1) % n] = nan;
                for (int k = 0; k < g_nim; k++) {
                    run_fwd(&g_im[k], fn, 1, n, x, y);
                    size_t bad = 0;
                    for (size_t i = 0; i < n; i++) bad += !isnan(y[i]);
                    CHECK(!bad, "%s %s n=%zu +inf and NaN: %zu non-NaN", fn_name[fn], g_im[k].name, n, bad);
                }
            }
        }
        /* several +inf: equal shares */
        if (n >= 3) {
            for (size_t i = 0; i < n; i++) x[i] = urand(-5, 5);
            x[0] = x[n / 2] = x[n - 1] = inf;
            for (int k = 0; k < g_nim; k++) {
                run_fwd(&g_im[k], fn, 1, n, x, y);
                size_t bad = 0;
                for (size_t i = 0; i < n; i++) {
                    int on = i == 0 || i == n / 2 || i == n - 1;
                    if (fn == LOG_SOFTMAX) bad += on ? fabs(y[i] + log(3.0)) > 2 * ulp_of(log(3.0)) : y[i] != -inf;
                    else bad += on ? y[i] != 1.0f / 3.0f : y[i] != 0.0f;
                }
                CHECK(!bad, "%s %s n=%zu three +inf: %zu wrong", fn_name[fn], g_im[k].name, n, bad);
            }
        }
        /* all -inf: NaN */
        for (size_t i = 0; i < n; i++) x[i] = -inf;
        for (int k = 0; k < g_nim; k++) {
            run_fwd(&g_im[k], fn, 1, n, x, y);
            size_t bad = 0;
            for (size_t i = 0; i < n; i++) bad += !isnan(y[i]);
            CHECK(!bad, "%s %s n=%zu all -inf: %zu non-NaN", fn_name[fn], g_im[k].name, n, bad);
        }
        /* some -inf: 0 (log: -inf) there, the rest as without them */
        if (n >= 2) {
            for (size_t i = 0; i < n; i++) x[i] = (i % 3 == 1) ? -inf : urand(-5, 5);
            float *y2 = fbuf(n), *x2 = fbuf(n);
            size_t m = 0;
            for (size_t i = 0; i < n; i++)
                if (i % 3 != 1) x2[m++] = x[i];
            for (int k = 0; k < g_nim; k++) {
                run_fwd(&g_im[k], fn, 1, n, x, y);
                size_t bad = 0;
                double s = 0;
                for (size_t i = 0; i < n; i++) {
                    if (i % 3 == 1) bad += fn == LOG_SOFTMAX ? y[i] != -inf : y[i] != 0.0f;
                    else bad += !isfinite(y[i]);
                    if (fn != LOG_SOFTMAX) s += y[i];
                }
                if (fn != LOG_SOFTMAX) bad += fabs(s - 1) > 1e-5;
                CHECK(!bad, "%s %s n=%zu some -inf: %zu wrong", fn_name[fn], g_im[k].name, n, bad);
            }
            free(y2); free(x2);
        }
        /* huge finite values: no NaN, no spurious inf */
        if (n >= 3 && fn != LOG_SOFTMAX) {
            for (size_t i = 0; i < n; i++) x[i] = (i % 2) ? -3e38f : 1e38f;
            x[n / 2] = 3e38f;
            for (int k = 0; k < g_nim; k++) {
                run_fwd(&g_im[k], fn, 1, n, x, y);
                size_t bad = 0;
                for (size_t i = 0; i < n; i++) bad += y[i] != (i == n / 2 ? 1.0f : 0.0f);
                CHECK(!bad, "%s %s n=%zu huge values: %zu wrong", fn_name[fn], g_im[k].name, n, bad);
            }
        }
        /* the special rows are bitwise the same on every ISA (and in place) */
        for (size_t i = 0; i < n; i++) x[i] = urand(-5, 5);
        x[n / 2] = inf;
        check_bits_fwd(fn, 1, n, x);
        free(x); free(y);
    }
}

/* backward: a NaN in y or dy gives NaN in dx (at least there) */
static void nan_bwd(int fn) {
    const size_t sizes[] = {1, 7, 16, 33, 100};
    for (size_t si = 0; si < sizeof sizes / sizeof sizes[0]; si++) {
        size_t n = sizes[si], p = n / 2;
        float *x = fbuf(n), *y = fbuf(n), *dy = fbuf(n), *dx = fbuf(n);
        for (size_t i = 0; i < n; i++) x[i] = urand(-3, 3), dy[i] = urand(-1, 1);
        run_fwd(&g_im[0], fn, 1, n, x, y);
        for (int w = 0; w < 2; w++) {
            float *t = w ? dy : y, keep = t[p];
            t[p] = __builtin_nanf("");
            for (int k = 0; k < g_nim; k++) {
                run_bwd(&g_im[k], fn, 1, n, y, dy, dx);
                CHECK(isnan(dx[p]), "%s bwd %s n=%zu: NaN %s gives %g", fn_name[fn], g_im[k].name, n,
                      w ? "dy" : "y", (double)dx[p]);
            }
            t[p] = keep;
        }
        free(x); free(y); free(dy); free(dx);
    }
}

/* both tiers (g_fast = 1: the fast tier's bounds and per-ISA determinism;
 * softmax there also around the fast kernel's pivot 16) */
static void test_softmax(void **st) {
    (void)st;
    g_fail = 0;
    for (g_fast = 0; g_fast < 2; g_fast++) {
        accuracy_softmax(SOFTMAX);
        special_rows(SOFTMAX);
        bits_sweep(SOFTMAX, -100, 100);
        bits_sweep(SOFTMAX, -1, 1);
        if (g_fast) bits_sweep(SOFTMAX, -20, 20);
        bits_sweep(SOFTMAX, 3e7f - 100, 3e7f + 100);
        nan_bwd(SOFTMAX);
    }
    g_fast = 0;
    assert_int_equal(g_fail, 0);
}
static void test_log_softmax(void **st) {
    (void)st;
    g_fail = 0;
    for (g_fast = 0; g_fast < 2; g_fast++) {
        accuracy_softmax(LOG_SOFTMAX);
        special_rows(LOG_SOFTMAX);
        bits_sweep(LOG_SOFTMAX, -100, 100);
        bits_sweep(LOG_SOFTMAX, -1, 1);
        bits_sweep(LOG_SOFTMAX, -3e7f - 100, -3e7f + 100);
        nan_bwd(LOG_SOFTMAX);
    }
    g_fast = 0;
    assert_int_equal(g_fail, 0);
}

/* ---- sparsemax ----------------------------------------------------------------- */
/* Forward bound: 4 ulp(r) + 2^-21 absolute: sparsemax is conditioned
 * absolutely (y = x - tau with tau an average over the support), and in
 * z = x - max coordinates the support lies in (-1, 0], where float carries
 * 2^-24 of absolute precision. */
static void test_sparsemax(void **st) {
    (void)st;
    g_fail = 0;
    const float ranges[] = {0.1f, 1.0f, 3.0f, 100.0f};
    double wf = 0, wb = 0, wsum = 0, wabs = 0;
    for (size_t c = 1; c <= 70 + NBIG; c++) {
        size_t cols = c <= 70 ? c : big_cols[c - 71];
        for (size_t ri = 0; ri < 4; ri++) {
            size_t rows = cols < 80 ? 6 : 2;
            size_t n = rows * cols;
            float *x = fbuf(n), *y = fbuf(n), *dy = fbuf(n), *dx = fbuf(n);
            double *r = malloc(cols * sizeof *r);
            for (size_t i = 0; i < n; i++) x[i] = urand(-ranges[ri], ranges[ri]), dy[i] = urand(-1, 1);
            if (ri == 0 && cols > 4) x[3] = 2.0f; /* a row with a dominant entry */
            run_fwd(&g_im[0], SPARSEMAX, rows, cols, x, y);
            run_bwd(&g_im[0], SPARSEMAX, rows, cols, y, dy, dx);
            for (size_t rw = 0; rw < rows; rw++) {
                const float *xr = x + rw * cols, *yr = y + rw * cols, *gr = dy + rw * cols, *dr = dx + rw * cols;
                ref_sparsemax(cols, xr, r);
                double s = 0;
                for (size_t i = 0; i < cols; i++) {
                    double err = fabs(yr[i] - r[i]);
                    double e = err / (4 * ulp_of(r[i]) + 0x1p-21);
                    if (!(e <= wf)) wf = isnan(e) ? INFINITY : e;
                    if (!(err <= wabs)) wabs = err;
                    CHECK(yr[i] >= 0, "sparsemax y < 0");
                    s += yr[i];
                }
                if (!(fabs(s - 1) <= wsum)) wsum = fabs(s - 1);
                double sum = 0, asum = 0;
                size_t k = 0;
                for (size_t i = 0; i < cols; i++)
                    if (yr[i] > 0) sum += gr[i], asum += fabs((double)gr[i]), k++;
                CHECK(k > 0, "sparsemax: empty support");
                double mean = k ? sum / (double)k : 0, amean = k ? asum / (double)k : 0;
                for (size_t i = 0; i < cols; i++) {
                    double rr = yr[i] > 0 ? gr[i] - mean : 0;
                    double e = fabs(dr[i] - rr) / (4 * ulp_of(rr) + 1e-5 * (fabs((double)gr[i]) + amean));
                    if (!(e <= wb)) wb = isnan(e) ? INFINITY : e;
                }
            }
            free(x); free(y); free(dy); free(dx); free(r);
        }
    }
    printf("ROW %-12s fwd max %.3f of bound (4 ulp + 2^-21; max |err| = 2^%.1f)  "
           "bwd max %.3f of bound (4 ulp + 1e-5 scale)  |row sum - 1| max %.3g (bound 1e-5)\n",
           "sparsemax", wf, wabs > 0 ? log2(wabs) : -INFINITY, wb, wsum);
    CHECK(wf <= 1.0, "sparsemax fwd %.3f x bound", wf);
    CHECK(wb <= 1.0, "sparsemax bwd %.3f x bound", wb);
    CHECK(wsum <= 1e-5, "sparsemax row sum off by %g", wsum);

    /* special rows and ties */
    const float nan = __builtin_nanf(""), inf = INFINITY;
    float x[37], y[37];
    for (size_t n = 1; n <= 37; n += 4) {
        for (size_t p = 0; p < n; p += 3) {
            for (size_t i = 0; i < n; i++) x[i] = urand(-2, 2);
            x[p] = nan;
            for (int k = 0; k < g_nim; k++) {
                run_fwd(&g_im[k], SPARSEMAX, 1, n, x, y);
                size_t bad = 0;
                for (size_t i = 0; i < n; i++) bad += !isnan(y[i]);
                CHECK(!bad, "sparsemax %s n=%zu NaN at %zu: %zu non-NaN", g_im[k].name, n, p, bad);
            }
            x[p] = inf;
            for (int k = 0; k < g_nim; k++) {
                run_fwd(&g_im[k], SPARSEMAX, 1, n, x, y);
                size_t bad = 0;
                for (size_t i = 0; i < n; i++) bad += y[i] != (i == p ? 1.0f : 0.0f);
                CHECK(!bad, "sparsemax %s n=%zu +inf at %zu: %zu wrong", g_im[k].name, n, p, bad);
            }
        }
        for (size_t i = 0; i < n; i++) x[i] = -inf;
        for (int k = 0; k < g_nim; k++) {
            run_fwd(&g_im[k], SPARSEMAX, 1, n, x, y);
            size_t bad = 0;
            for (size_t i = 0; i < n; i++) bad += !isnan(y[i]);
            CHECK(!bad, "sparsemax %s n=%zu all -inf: %zu non-NaN", g_im[k].name, n, bad);
        }
        /* all equal: uniform 1/n; a -inf entry: 0 */
        for (size_t i = 0; i < n; i++) x[i] = 0.25f;
        if (n > 1) x[n - 1] = -inf;
        size_t m = n > 1 ? n - 1 : 1;
        for (int k = 0; k < g_nim; k++) {
            run_fwd(&g_im[k], SPARSEMAX, 1, n, x, y);
            size_t bad = 0;
            for (size_t i = 0; i < n; i++) {
                double want = i < m ? 1.0 / (double)m : 0.0;
                bad += fabs(y[i] - want) > 4 * ulp_of(want) + 0x1p-22;
            }
            CHECK(!bad, "sparsemax %s n=%zu equal row: %zu wrong", g_im[k].name, n, bad);
        }
    }
    /* huge finite values */
    {
        float hx[5] = {1e38f, -3e38f, 3e38f, -1e30f, 2e38f}, hy[5];
        for (int k = 0; k < g_nim; k++) {
            run_fwd(&g_im[k], SPARSEMAX, 1, 5, hx, hy);
            CHECK(hy[0] == 0 && hy[1] == 0 && hy[2] == 1 && hy[3] == 0 && hy[4] == 0,
                  "sparsemax %s huge values", g_im[k].name);
        }
    }
    /* a large clustered row: many entries within 2^-18 of tau */
    {
        size_t n = 5000;
        float *xx = fbuf(n), *yy = fbuf(n);
        double *r = malloc(n * sizeof *r);
        for (size_t i = 0; i < n; i++) xx[i] = 1.0f + (float)(i % 200) * 0x1p-20f + (i % 7 == 0 ? -0.5f : 0.0f);
        run_fwd(&g_im[0], SPARSEMAX, 1, n, xx, yy);
        ref_sparsemax(n, xx, r);
        double e = 0;
        for (size_t i = 0; i < n; i++) e = fmax(e, fabs(yy[i] - r[i]) / (4 * ulp_of(r[i]) + 0x1p-21));
        printf("ROW sparsemax clustered row: %.3f of bound\n", e);
        CHECK(e <= 1.0, "sparsemax clustered row %.3f x bound", e);
        check_bits_fwd(SPARSEMAX, 1, n, xx);
        free(xx); free(yy); free(r);
    }
    bits_sweep(SPARSEMAX, -1, 1);
    bits_sweep(SPARSEMAX, -100, 100);
    nan_bwd(SPARSEMAX);
    assert_int_equal(g_fail, 0);
}

/* ---- glu ------------------------------------------------------------------------- */

/* worst ULP errors of glu forward (a*sigmoid(b)) and backward (da, db) over a
 * rows x cols batch against the double reference; NaN counts as infinite */
static void glu_worst(size_t rows, size_t cols, const float *x, const float *y, const float *dy,
                      const float *dx, double *wf, double *wa, double *wbb) {
    size_t h = cols / 2;
    for (size_t r = 0; r < rows; r++)
        for (size_t j = 0; j < h; j++) {
            double a = x[r * cols + j], b = x[r * cols + h + j], g = dy[r * h + j];
            double rf = a * ref_sig(b), ra = g * ref_sig(b), rb = g * a * ref_dsig(b);
            double fl = g_fast ? 0x1p-20 : 0; /* the fast tier: ulp of max(|r|, 2^-20) */
            double e1 = fabs(y[r * h + j] - rf) / ulp_of(fmax(fabs(rf), fl));
            double e2 = fabs(dx[r * cols + j] - ra) / ulp_of(fmax(fabs(ra), fl));
            double e3 = fabs(dx[r * cols + h + j] - rb) / ulp_of(fmax(fabs(rb), fl));
            if (!(e1 <= *wf)) *wf = isnan(e1) ? INFINITY : e1;
            if (!(e2 <= *wa)) *wa = isnan(e2) ? INFINITY : e2;
            if (!(e3 <= *wbb)) *wbb = isnan(e3) ? INFINITY : e3;
        }
}

static void glu_accuracy(int k) {
    double wf = 0, wa = 0, wbb = 0;
    for (size_t c = 1; c <= 70 + NBIG; c++) {
        size_t h = c <= 70 ? c : big_cols[c - 71], cols = 2 * h, rows = 3;
        float *x = fbuf(rows * cols), *y = fbuf(rows * h), *dy = fbuf(rows * h), *dx = fbuf(rows * cols);
        for (size_t i = 0; i < rows * cols; i++) x[i] = i < 2 * cols ? urand(-20, 20) : urand(-110, 110);
        for (size_t i = 0; i < rows * h; i++) {
            float v = urand(0.25f, 4.0f);
            dy[i] = (i & 1) ? -v : v;
        }
        run_fwd(&g_im[k], GLU, rows, cols, x, y);
        run_bwd(&g_im[k], GLU, rows, cols, x, dy, dx);
        glu_worst(rows, cols, x, y, dy, dx, &wf, &wa, &wbb);
        free(x); free(y); free(dy); free(dx);
    }
    /* wide rows: huge, tiny, subnormal and zero a and dy among ordinary ones
     * (vectors mixing the kernels' fast and split paths), |b| up to 150 */
    for (size_t c = 1; c <= 70 + NBIG; c++) {
        size_t h = c <= 70 ? c : big_cols[c - 71], cols = 2 * h, rows = 2;
        float *x = fbuf(rows * cols), *y = fbuf(rows * h), *dy = fbuf(rows * h), *dx = fbuf(rows * cols);
        const float odd_a[] = {1e25f, -1e25f, 1e-25f, -3e-30f, 1e-40f, -2e-44f, 0.0f, 7e18f};
        const float odd_g[] = {1e10f, -1e-30f, 3e-39f, -5e12f, 0.0f};
        for (size_t r = 0; r < rows; r++)
            for (size_t j = 0; j < h; j++) {
                float av = urand(-20, 20);
                if ((r * h + j) % 7 == 3) av = odd_a[(r * h + j) % 8];
                x[r * cols + j] = av;
                x[r * cols + h + j] = urand(-150, 150);
                float g = urand(0.25f, 4.0f);
                if ((r * h + j) % 5 == 1) g = odd_g[(r * h + j) % 5];
                dy[r * h + j] = g;
            }
        run_fwd(&g_im[k], GLU, rows, cols, x, y);
        run_bwd(&g_im[k], GLU, rows, cols, x, dy, dx);
        glu_worst(rows, cols, x, y, dy, dx, &wf, &wa, &wbb);
        if (k == 0) {
            check_bits_fwd(GLU, rows, cols, x);
            check_bits_bwd(GLU, rows, cols, x, dy);
        }
        free(x); free(y); free(dy); free(dx);
    }
    double bf = g_fast ? 4 : 2, bb = g_fast ? 8 : 6;
    printf("ROW%s %-6s %-12s fwd max %.3f ulp (bound %g)  bwd(dy) da %.3f db %.3f ulp (bound %g)%s\n",
           g_fast ? "-FAST" : "", g_fast ? g_im[k].name : "", "glu", wf, bf, wa, wbb, bb, g_fast ? " of max(|r|, 2^-20)" : "");
    CHECK(wf <= bf, "glu fwd %.3f ulp", wf);
    CHECK(wa <= bb && wbb <= bb, "glu bwd %.3f %.3f ulp", wa, wbb);
}
static void glu_tier(void) {
    for (int k = 0; k < (g_fast ? g_nim : 1); k++) glu_accuracy(k);
    /* specials: NaN in a or b -> NaN out (fwd, both bwd halves); +-inf a */
    {
        const float nan = __builtin_nanf(""), inf = INFINITY;
        float x[8] = {nan, 1.0f, inf, -inf, 2.0f, nan, 3.0f, 0.5f}, y[4], dy[4] = {1, 1, 1, 1}, dx[8];
        for (int k = 0; k < g_nim; k++) {
            run_fwd(&g_im[k], GLU, 1, 8, x, y);
            CHECK(isnan(y[0]) && isnan(y[1]) && y[2] == inf && y[3] == -inf, "glu %s specials fwd", g_im[k].name);
            run_bwd(&g_im[k], GLU, 1, 8, x, dy, dx);
            CHECK(isnan(dx[4]) && isnan(dx[1]) && isnan(dx[5]), "glu %s specials bwd", g_im[k].name);
        }
        float nd[4] = {nan, nan, nan, nan};
        float x2[8] = {1, -1, 0, 5, 0, -3, 30, -30};
        for (int k = 0; k < g_nim; k++) {
            run_bwd(&g_im[k], GLU, 1, 8, x2, nd, dx);
            size_t bad = 0;
            for (int i = 0; i < 8; i++) bad += !isnan(dx[i]);
            CHECK(!bad, "glu %s NaN dy: %zu non-NaN dx", g_im[k].name, bad);
        }
    }
    bits_sweep(GLU, -20, 20);
    if (g_fast) bits_sweep(GLU, -100, 100); /* lanes of the slow path (|b| > 87) among fast ones */
}
static void test_glu(void **st) {
    (void)st;
    g_fail = 0;
    glu_tier();
    g_fast = 1;
    glu_tier();
    g_fast = 0;
    assert_int_equal(g_fail, 0);
}

/* ---- prelu ------------------------------------------------------------------------- */
/* g_prelu_le1: every alpha in [-2, 1] and != 0 (forward's max(x, alpha*x) path) */
static int g_prelu_le1;
static void prelu_case(size_t rows, size_t ch, double *wd) {
    size_t n = rows * ch;
    float *x = fbuf(n), *al = fbuf(ch), *dy = fbuf(n), *y = fbuf(n), *dx = fbuf(n);
    float *y0 = fbuf(n), *dx0 = fbuf(n), *da = fbuf(ch), *da0 = fbuf(ch), *tmp = fbuf(n);
    for (size_t c = 0; c < ch; c++) al[c] = c % 5 == 0 ? 0.0f : urand(-2, 2);
    if (g_prelu_le1)
        for (size_t c = 0; c < ch; c++) {
            al[c] = c % 7 == 0 ? 1.0f : c % 7 == 1 ? -2.0f : urand(-2, 1);
            if (al[c] == 0 || al[c] > 1) al[c] = 0.5f;
        }
    for (size_t i = 0; i < n; i++) {
        x[i] = i % 11 == 0 ? 0.0f : urand(-3, 3);
        dy[i] = urand(-2, 2);
    }
    if (n > 7) x[7] = -0.0f;
    for (int k = 0; k < g_nim; k++) {
        const impl_t *im = &g_im[k];
        float *yy = k ? y : y0, *dd = k ? dx : dx0, *aa = k ? da : da0;
        run_prelu(im, rows, ch, x, al, yy);
        for (size_t c = 0; c < ch; c++) aa[c] = __builtin_nanf(""); /* garbage: must be overwritten */
        run_prelu_bwd(im, rows, ch, x, al, dy, dd, aa);
        size_t bad = 0, badd = 0;
        for (size_t r = 0; r < rows; r++)
            for (size_t c = 0; c < ch; c++) {
                size_t i = r * ch + c;
                float want = x[i] > 0 ? x[i] : (float)((double)al[c] * x[i]);
                bad += !(yy[i] == want);
                float d1 = x[i] > 0 ? dy[i] : (float)((double)dy[i] * al[c]);
                float d2 = x[i] >= 0 ? dy[i] : d1; /* kink: either side */
                badd += !(dd[i] == d1 || dd[i] == d2);
            }
        CHECK(!bad, "prelu %s %zux%zu: %zu fwd not exact", im->name, rows, ch, bad);
        CHECK(!badd, "prelu %s %zux%zu: %zu bwd not exact", im->name, rows, ch, badd);
        for (size_t c = 0; c < ch; c++) {
            double s = 0, as = 0;
            for (size_t r = 0; r < rows; r++) {
                double p = (double)dy[r * ch + c] * x[r * ch + c];
                if (x[r * ch + c] < 0) s += p, as += fabs(p);
            }
            double e = as > 0 ? fabs(aa[c] - s) / (1e-5 * as) : (aa[c] == 0 ? 0 : INFINITY);
            if (!(e <= *wd)) *wd = isnan(e) ? INFINITY : e;
        }
        if (k) {
            CHECK(!count_diff(n, y, y0) && !count_diff(n, dx, dx0) && !count_diff(ch, da, da0),
                  "prelu %s %zux%zu differs from scalar", im->name, rows, ch);
        }
        /* in place: y == x, dx == dy, dx == x */
        memcpy(tmp, x, n * sizeof *tmp);
        run_prelu(im, rows, ch, tmp, al, tmp);
        CHECK(!count_diff(n, tmp, y0), "prelu %s in place differs", im->name);
        memcpy(tmp, dy, n * sizeof *tmp);
        run_prelu_bwd(im, rows, ch, x, al, tmp, tmp, aa);
        CHECK(!count_diff(n, tmp, dx0) && !count_diff(ch, aa, da0), "prelu %s bwd dx == dy differs", im->name);
        memcpy(tmp, x, n * sizeof *tmp);
        run_prelu_bwd(im, rows, ch, tmp, al, dy, tmp, aa);
        CHECK(!count_diff(n, tmp, dx0) && !count_diff(ch, aa, da0), "prelu %s bwd dx == x differs", im->name);
    }
    free(x); free(al); free(dy); free(y); free(dx); free(y0); free(dx0); free(da); free(da0); free(tmp);
}

static void test_prelu(void **st) {
    (void)st;
    g_fail = 0;
    double wd = 0;
    for (size_t ch = 1; ch <= 70; ch++) prelu_case(1 + ch % 4, ch, &wd);
    prelu_case(100, 3, &wd);
    prelu_case(7, 129, &wd);
    prelu_case(33, 64, &wd);
    g_prelu_le1 = 1;
    for (size_t ch = 1; ch <= 40; ch++) prelu_case(8 + ch % 5, ch, &wd);
    prelu_case(64, 64, &wd);
    g_prelu_le1 = 0;
    prelu_case(20000, 5, &wd);
    prelu_case(4097, 1, &wd); /* one channel: the flat loop over periods, and a tail */
    prelu_case(513, 7, &wd);
    prelu_case(3, 1000, &wd);
    printf("ROW %-12s fwd/bwd exact; dalpha max %.4f of bound (1e-5 sum|dy x|)\n", "prelu", wd);
    CHECK(wd <= 1.0, "prelu dalpha %.3f x bound", wd);
    /* NaN x -> NaN dx; rows == 0 -> dalpha = 0 */
    {
        float x[3] = {__builtin_nanf(""), -1.0f, 2.0f}, al[3] = {0.5f, 0.5f, 0.5f}, dy[3] = {1, 1, 1};
        float dx[3], da[3] = {7, 7, 7}, y[3];
        for (int k = 0; k < g_nim; k++) {
            run_prelu(&g_im[k], 1, 3, x, al, y);
            run_prelu_bwd(&g_im[k], 1, 3, x, al, dy, dx, da);
            CHECK(isnan(y[0]) && isnan(dx[0]) && dx[1] == 0.5f && dx[2] == 1.0f, "prelu %s NaN", g_im[k].name);
            sel(&g_im[k]);
            da[0] = da[1] = da[2] = 7;
            vact_prelu_backward_f32(0, 3, NULL, al, NULL, NULL, da);
            CHECK(da[0] == 0 && da[1] == 0 && da[2] == 0, "prelu rows=0 dalpha not 0");
        }
    }
    /* +-inf: the limits, also where alpha is +-0 (-inf gives -alpha there,
     * not 0 * -inf = NaN): 6 channels, 1 row (the row loop) and 64 rows (the
     * flat loop over alpha's period, rows of 2), with and without a zero
     * alpha in the call (the select / max forms) */
    {
        enum { CH = 6, R = 64 };
        static const float al6[2][CH] = {{0.0f, -0.0f, 0.5f, 2.0f, 0.0f, -0.25f},
                                         {0.5f, -1.0f, 0.5f, 0.125f, 1.0f, -0.25f}};
        static const float x6[CH] = {-INFINITY, -INFINITY, -INFINITY, -INFINITY, INFINITY, -INFINITY};
        static float x[R * CH], y[R * CH];
        for (int v = 0; v < 2; v++)
            for (size_t rows = 1; rows <= R; rows += R - 1) {
                for (size_t i = 0; i < rows * CH; i++) x[i] = x6[i % CH];
                for (int k = 0; k < g_nim; k++) {
                    run_prelu(&g_im[k], rows, CH, x, al6[v], y);
                    size_t bad = 0;
                    for (size_t i = 0; i < rows * CH; i++) {
                        float a = al6[v][i % CH];
                        float want = x[i] > 0 ? x[i] : a == 0 ? -a : a * x[i];
                        bad += memcmp(&want, &y[i], 4) != 0;
                    }
                    CHECK(!bad, "prelu %s alphas %d, %zu rows: %zu of +-inf not the limit", g_im[k].name, v, rows,
                          bad);
                }
            }
    }
    assert_int_equal(g_fail, 0);
}

int main(int argc, char **argv) {
    for (int i = 0; i < VACT_ISA_COUNT; i++)
        if (vact_isa_supported((vact_isa)i)) g_im[g_nim++] = (impl_t){i, NULL, vact_isa_name((vact_isa)i)};
    if (vact__table_simde()) g_im[g_nim++] = (impl_t){-1, vact__table_simde(), "neon-simde"};
    printf("implementations:");
    for (int k = 0; k < g_nim; k++) printf(" %s", g_im[k].name);
    printf(" (the first is the reference for same-bits)\n");
    const struct CMUnitTest all[] = {
        cmocka_unit_test(test_softmax), cmocka_unit_test(test_log_softmax),
        cmocka_unit_test(test_sparsemax), cmocka_unit_test(test_glu), cmocka_unit_test(test_prelu),
    };
    const char *names[] = {"softmax", "log_softmax", "sparsemax", "glu", "prelu"};
    struct CMUnitTest tests[5];
    size_t nt = 0;
    for (size_t i = 0; i < 5; i++) {
        int want = argc < 2;
        for (int a = 1; a < argc; a++) want |= !strcmp(argv[a], names[i]);
        if (want) tests[nt++] = all[i];
    }
    /* a function of the list (tests/CMakeLists.txt passes each) without a test here */
    for (int a = 1; a < argc; a++) {
        int known = 0;
        for (size_t i = 0; i < 5; i++) known |= !strcmp(argv[a], names[i]);
        if (!known) {
            printf("FAIL no test for '%s' in test_rowwise.c\n", argv[a]);
            return 1;
        }
    }
    return _cmocka_run_group_tests("rowwise", tests, nt, NULL, NULL);
}
