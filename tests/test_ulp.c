/* Accuracy, special values and same-bits test of every elementwise function
 * and every primitive of the expressions (VACT_PRIM), forward and backward,
 * on every ISA this machine supports.
 *   test_ulp [NAME ...]   (default: all functions)
 * For each function, parameter set and ISA it prints the max ULP error
 * (forward; backward with dy = 1; backward with random dy; backward with a
 * wide random dy) and asserts:
 *   forward <= 2 ULP, backward <= 4 ULP (dy = 1), <= 6 ULP (random dy in
 *   +-[0.25, 4]); with |dy| in [2^-40, 2^128) <= 6 ULP too (squareplus:
 *   beyond the absolute |dy| 2^-149 its f32 f'(x) below the normal range
 *   carries, ref_wide_slack, docs/contract.md);
 *   piecewise-linear functions: correctly rounded (exact);
 *   NaN in -> NaN out (x or dy); odd functions keep the sign of zero;
 *   every ISA bitwise equal to the scalar path (any NaN equals any NaN);
 *   no maximum above the figure src/common/functions.def states;
 * and the fast tier of every function that has one (test_fast). */
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
#include "dispatch/cpu.h"
#include "dispatch/simde.h"

static float *g_x, *g_dyr, *g_dyw;
static size_t g_n;

static double argof(float x) { return isinf(x) ? copysign(1e300, x) : (double)x; }

static int same_bits(float a, float b) {
    if (isnan(a) && isnan(b)) return 1;
    return memcmp(&a, &b, 4) == 0;
}

typedef struct { double err; float x; } worst;

static void upd(worst *w, double e, float x) {
    if (e > w->err || isnan(e)) { w->err = isnan(e) ? INFINITY : e; w->x = x; }
}

/* the references of the sample at parameters pd */
static void refs(const ref_fn *f, const double *pd, size_t n, double *rf, double *rd) {
    for (size_t i = 0; i < n; i++) {
        rf[i] = f->f(argof(g_x[i]), pd);
        rd[i] = f->df(argof(g_x[i]), pd);
    }
}
/* forward, backward with dy = 1 and with the random dy of one tier (and
 * with the wide dy where d3 is not NULL) */
static void run_tier(const vact_table *t, const ref_fn *f, int tier, const float *prm, size_t n,
                     const float *ones, float *y, float *d1, float *d2, float *d3) {
    ref_call_fwd_tier(t, f, tier, prm, n, g_x, y);
    ref_call_bwd_tier(t, f, tier, prm, n, g_x, ones, d1);
    ref_call_bwd_tier(t, f, tier, prm, n, g_x, g_dyr, d2);
    if (d3) ref_call_bwd_tier(t, f, tier, prm, n, g_x, g_dyw, d3);
}
/* the table of ISA isa (-1: the NEON kernels via SIMDe) and its name */
static const vact_table *table_of(int isa, const char **name) {
    *name = isa < 0 ? "neon-simde" : vact_isa_name((vact_isa)isa);
    return isa < 0 ? vact__table_simde() : vact__table_for((vact_isa)isa);
}

static void test_fn(void **state) {
    const ref_fn *f = (const ref_fn *)*state;
    int isas[5], nisa = isa_list(isas);
    if (vact__table_simde()) isas[nisa++] = -1; /* extra column: NEON kernels via SIMDe */
    size_t n = g_n;
    double *rf = malloc(n * sizeof *rf), *rd = malloc(n * sizeof *rd);
    float *y = malloc(n * sizeof *y), *dx1 = malloc(n * sizeof *dx1), *dx2 = malloc(n * sizeof *dx2);
    float *sy = malloc(n * sizeof *sy), *sdx1 = malloc(n * sizeof *sdx1), *sdx2 = malloc(n * sizeof *sdx2);
    float *dx3 = malloc(n * sizeof *dx3), *sdx3 = malloc(n * sizeof *sdx3);
    float *ones = malloc(n * sizeof *ones);
    for (size_t i = 0; i < n; i++) ones[i] = 1.0f;
    int failures = 0;
    double mx[3] = {0, 0, 0}; /* max over parameter sets and ISAs */
    const int slack = ref_wide_slack(f->name, 0); /* the wide dy: with the documented slack */

    for (int ps = 0; ps < f->nsets; ps++) {
        const float *prm = f->sets[ps];
        double pd[2] = {prm[0], prm[1]};
        refs(f, pd, n, rf, rd);
        for (int k = 0; k < nisa; k++) {
            const char *iname;
            const vact_table *t = table_of(isas[k], &iname);
            float *yy = k ? y : sy, *d1 = k ? dx1 : sdx1, *d2 = k ? dx2 : sdx2, *d3 = k ? dx3 : sdx3;
            run_tier(t, f, 0, prm, n, ones, yy, d1, d2, d3);
            worst wf = {0, 0}, wb = {0, 0}, wg = {0, 0}, ww = {0, 0};
            size_t diff = 0;
            float diffx = 0;
            for (size_t i = 0; i < n; i++) {
                float x = g_x[i];
                double ef;
                if ((f->flags & VACT_PWL)) ef = ((float)rf[i] == yy[i]) ? 0 : INFINITY;
                else ef = ref_err(yy[i], rf[i], rf[i]);
                upd(&wf, ef, x);
                upd(&wb, ref_bwd_err(f, pd, x, 1.0f, d1[i], rd[i], 4.0, 0), x);
                upd(&wg, ref_bwd_err(f, pd, x, g_dyr[i], d2[i], rd[i], 6.0, 0), x);
                upd(&ww, ref_bwd_err_wide(f, pd, x, g_dyw[i], d3[i], rd[i], 6.0, 0, slack ? REF_WIDE_SLACK(g_dyw[i]) : 0), x);
                if (k && (!same_bits(yy[i], sy[i]) || !same_bits(d1[i], sdx1[i]) ||
                          !same_bits(d2[i], sdx2[i]) || !same_bits(d3[i], sdx3[i]))) {
                    if (!diff) diffx = x;
                    diff++;
                }
            }
            char pstr[64] = "";
            if (f->np == 1) snprintf(pstr, sizeof pstr, "(%g)", prm[0]);
            if (f->np == 2) snprintf(pstr, sizeof pstr, "(%g,%g)", prm[0], prm[1]);
            printf("ULP %-12s %-10s %-7s fwd %7.3f @ %-13.6g bwd %7.3f @ %-13.6g bwd(dy) %7.3f wide %7.3f  %s\n",
                   f->name, pstr, iname, wf.err, (double)wf.x, wb.err, (double)wb.x, wg.err, ww.err,
                   k ? (diff ? "DIFFERS" : "same-bits") : "reference-isa");
            double bf = (f->flags & VACT_PWL) ? 0 : 2, bb = (f->flags & VACT_PWL) ? 0 : 4, bg = (f->flags & VACT_PWL) ? 0 : 6;
            mx[0] = fmax(mx[0], wf.err);
            mx[1] = fmax(mx[1], wb.err);
            mx[2] = fmax(mx[2], wg.err);
            if (wf.err > bf) { printf("  FAIL fwd bound %g at x=%a\n", bf, (double)wf.x); failures++; }
            if (wb.err > bb) { printf("  FAIL bwd bound %g at x=%a\n", bb, (double)wb.x); failures++; }
            if (wg.err > bg) { printf("  FAIL bwd(dy) bound %g at x=%a\n", bg, (double)wg.x); failures++; }
            if (ww.err > bg) { printf("  FAIL bwd(wide dy) bound %g at x=%a\n", bg, (double)ww.x); failures++; }
            if (diff) {
                printf("  FAIL %zu values differ from scalar, first at x=%a\n", diff, (double)diffx);
                failures++;
            }

            /* special values */
            const float nan = __builtin_nanf("");
            const float sx[] = {nan, -nan, 0.0f, -0.0f, INFINITY, -INFINITY, 1.0f, -1.0f, 100.0f, -100.0f};
            const size_t ns = sizeof sx / sizeof sx[0];
            float sy2[16], sd[16], nd[16];
            for (size_t i = 0; i < ns; i++) nd[i] = nan;
            ref_call_fwd(t, f, prm, ns, sx, sy2);
            ref_call_bwd(t, f, prm, ns, sx, ones, sd);
            if (!isnan(sy2[0]) || !isnan(sy2[1])) { printf("  FAIL NaN in, not NaN out (fwd)\n"); failures++; }
            if (!isnan(sd[0]) || !isnan(sd[1])) { printf("  FAIL NaN x, not NaN dx\n"); failures++; }
            ref_call_bwd(t, f, prm, ns, sx, nd, sd);
            for (size_t i = 0; i < ns; i++)
                if (!isnan(sd[i])) { printf("  FAIL NaN dy, not NaN dx at x=%g\n", (double)sx[i]); failures++; }
            if ((f->flags & VACT_ODD) && (!signbit(sy2[3]) || signbit(sy2[2]))) {
                printf("  FAIL sign of zero not kept\n");
                failures++;
            }
        }
    }
    static const char *what[3] = {"fwd", "bwd", "bwd(dy)"};
    /* fwd and bwd (dy = 1) are maxima over every input: any sample stays
     * below them. bwd(dy) is the maximum over this sample's random dy, so it
     * is held only on the full sample (VACT_TEST_SCALE unset or 1) */
    const char *scale = getenv("VACT_TEST_SCALE");
    const int full = !scale || atoi(scale) <= 1;
    for (int k = 0; k < (full ? 3 : 2); k++)
        if (mx[k] > f->ulp[k]) {
            printf("  FAIL %s max %.3f ULP above the %.2f stated in functions.def\n", what[k], mx[k], f->ulp[k]);
            failures++;
        }
    free(rf); free(rd); free(y); free(dx1); free(dx2); free(sy); free(sdx1); free(sdx2); free(dx3); free(sdx3); free(ones);
    assert_int_equal(failures, 0);
}

/* The fast tier (VACT_TF): forward <= 4, backward <= 8 ULP (dy = 1, random
 * dy and the wide dy, the latter beyond |dy| 2^-126 where |f'(x)| <
 * 2^-126: a flushed f'(x)) of
 * max(|r|, 2^-20), no NaN from a finite input (a NaN counts as
 * an infinite error), NaN in -> NaN out, odd functions keep the sign of zero,
 * and at +-inf the accurate tier's value (the limits). Bits may differ
 * between ISAs, so there is no same-bits check here (test_tails holds each
 * ISA to one result per element). */
static void test_fast(void **state) {
    const ref_fn *f = (const ref_fn *)*state;
    int isas[5], nisa = isa_list(isas);
    if (vact__table_simde()) isas[nisa++] = -1;
    size_t n = g_n;
    double *rf = malloc(n * sizeof *rf), *rd = malloc(n * sizeof *rd);
    float *y = malloc(n * sizeof *y), *d1 = malloc(n * sizeof *d1), *d2 = malloc(n * sizeof *d2);
    float *d3 = malloc(n * sizeof *d3);
    float *ones = malloc(n * sizeof *ones);
    for (size_t i = 0; i < n; i++) ones[i] = 1.0f;
    int failures = 0;
    for (int ps = 0; ps < f->nsets; ps++) {
        const float *prm = f->sets[ps];
        double pd[2] = {prm[0], prm[1]};
        refs(f, pd, n, rf, rd);
        for (int k = 0; k < nisa; k++) {
            const char *iname;
            const vact_table *t = table_of(isas[k], &iname);
            run_tier(t, f, 1, prm, n, ones, y, d1, d2, d3);
            worst wf = {0, 0}, wb = {0, 0}, wg = {0, 0}, ww = {0, 0};
            for (size_t i = 0; i < n; i++) {
                float x = g_x[i];
                upd(&wf, ref_err(y[i], rf[i], fmax(fabs(rf[i]), REF_FAST_FLOOR)), x);
                upd(&wb, ref_bwd_err(f, pd, x, 1.0f, d1[i], rd[i], REF_FAST_BWD, REF_FAST_FLOOR), x);
                upd(&wg, ref_bwd_err(f, pd, x, g_dyr[i], d2[i], rd[i], REF_FAST_BWD, REF_FAST_FLOOR), x);
                /* the wide dy: the fast tier may flush an f'(x) below 2^-126
                 * (sigmoid's is 0 below e^-87.7 off AVX-512): |dy| 2^-126
                 * absolute where |f'(x)| < 2^-126 (docs/contract.md, "dy far
                 * from 1") */
                double sl = fabs(rd[i]) < 0x1p-126 ? fabs((double)g_dyw[i]) * 0x1p-126 : 0;
                upd(&ww, ref_bwd_err_wide(f, pd, x, g_dyw[i], d3[i], rd[i], REF_FAST_BWD, REF_FAST_FLOOR, sl), x);
            }
            char pstr[64] = "";
            if (f->np == 1) snprintf(pstr, sizeof pstr, "(%g)", prm[0]);
            if (f->np == 2) snprintf(pstr, sizeof pstr, "(%g,%g)", prm[0], prm[1]);
            printf("ULP-FAST %-12s %-10s %-10s fwd %7.3f @ %-13.6g bwd %7.3f @ %-13.6g bwd(dy) %7.3f @ %-13.6g wide %7.3f\n",
                   f->name, pstr, iname, wf.err, (double)wf.x, wb.err, (double)wb.x, wg.err, (double)wg.x, ww.err);
            if (wf.err > REF_FAST_FWD) { printf("  FAIL fast fwd bound %g at x=%a\n", REF_FAST_FWD, (double)wf.x); failures++; }
            if (wb.err > REF_FAST_BWD) { printf("  FAIL fast bwd bound %g at x=%a\n", REF_FAST_BWD, (double)wb.x); failures++; }
            if (wg.err > REF_FAST_BWD) { printf("  FAIL fast bwd(dy) bound %g at x=%a\n", REF_FAST_BWD, (double)wg.x); failures++; }
            if (ww.err > REF_FAST_BWD) { printf("  FAIL fast bwd(wide dy) bound %g at x=%a\n", REF_FAST_BWD, (double)ww.x); failures++; }

            const float nan = __builtin_nanf("");
            const float sx[] = {nan, -nan, 0.0f, -0.0f, INFINITY, -INFINITY};
            const size_t ns = sizeof sx / sizeof sx[0];
            float fy[8], ay[8], fd[8], ad[8], nd[8];
            for (size_t i = 0; i < ns; i++) nd[i] = nan;
            ref_call_fwd_tier(t, f, 1, prm, ns, sx, fy);
            ref_call_fwd_tier(t, f, 0, prm, ns, sx, ay);
            ref_call_bwd_tier(t, f, 1, prm, ns, sx, ones, fd);
            ref_call_bwd_tier(t, f, 0, prm, ns, sx, ones, ad);
            if (!isnan(fy[0]) || !isnan(fy[1])) { printf("  FAIL fast: NaN in, not NaN out (fwd)\n"); failures++; }
            if (!isnan(fd[0]) || !isnan(fd[1])) { printf("  FAIL fast: NaN x, not NaN dx\n"); failures++; }
            for (size_t i = 4; i < 6; i++)
                if (!(fy[i] == ay[i] || (isnan(fy[i]) && isnan(ay[i]))) ||
                    !(fd[i] == ad[i] || (isnan(fd[i]) && isnan(ad[i])))) {
                    printf("  FAIL fast at x=%g: %g, %g where the accurate tier gives %g, %g\n", (double)sx[i],
                           (double)fy[i], (double)fd[i], (double)ay[i], (double)ad[i]);
                    failures++;
                }
            ref_call_bwd_tier(t, f, 1, prm, ns, sx, nd, fd);
            for (size_t i = 0; i < ns; i++)
                if (!isnan(fd[i])) { printf("  FAIL fast: NaN dy, not NaN dx at x=%g\n", (double)sx[i]); failures++; }
            if ((f->flags & VACT_ODD) && (!signbit(fy[3]) || signbit(fy[2]))) {
                printf("  FAIL fast: sign of zero not kept\n");
                failures++;
            }
        }
    }
    free(rf); free(rd); free(y); free(d1); free(d2); free(d3); free(ones);
    assert_int_equal(failures, 0);
}

int main(int argc, char **argv) {
    g_x = samples_make(&g_n);
    g_dyr = malloc(g_n * sizeof *g_dyr);
    unsigned st = 12345;
    for (size_t i = 0; i < g_n; i++) {
        float v = rnd_uniform(&st, 0.25f, 4.0f);
        g_dyr[i] = (i & 1) ? -v : v;
    }
    g_dyw = malloc(g_n * sizeof *g_dyw); /* +-[1, 2) 2^k, k in [-40, 127] */
    for (size_t i = 0; i < g_n; i++) {
        float v = ldexpf(rnd_uniform(&st, 1.0f, 2.0f), -40 + (int)(rnd_uniform(&st, 0.0f, 1.0f) * 168.0f) % 168);
        g_dyw[i] = (i & 1) ? v : -v;
    }
    printf("samples: %zu inputs per function and parameter set\n", g_n);
    /* the functions and the primitives of the expressions (VACT_PRIM) */
    struct CMUnitTest *tests = calloc(2 * (ref_nfns + ref_nprims), sizeof *tests);
    char (*fast_names)[48] = calloc(2 * (ref_nfns + ref_nprims), sizeof *fast_names);
    size_t nt = 0;
    for (size_t i = 0; i < ref_nfns + ref_nprims; i++) {
        const ref_fn *f = i < ref_nfns ? &ref_fns[i] : &ref_prims[i - ref_nfns];
        int want = argc < 2;
        for (int a = 1; a < argc; a++) want |= !strcmp(argv[a], f->name);
        if (!want) continue;
        struct CMUnitTest t = {f->name, test_fn, NULL, NULL, (void *)f};
        tests[nt++] = t;
        if (f->fast) {
            snprintf(fast_names[nt], sizeof fast_names[nt], "%s_fast", f->name);
            struct CMUnitTest tf = {fast_names[nt], test_fast, NULL, NULL, (void *)f};
            tests[nt++] = tf;
        }
    }
    for (int a = 1; a < argc; a++)
        if (!ref_find(argv[a])) {
            printf("FAIL no function '%s' in src/common/functions.def\n", argv[a]);
            return 1;
        }
    int rc = _cmocka_run_group_tests("ulp", tests, nt, NULL, NULL);
    free(tests);
    free(fast_names);
    free(g_x);
    free(g_dyr);
    free(g_dyw);
    return rc;
}
