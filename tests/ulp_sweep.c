/* The exhaustive accuracy sweep: every float (all 2^32 bit patterns, or every
 * stride-th with --stride) through each function's kernels on each ISA,
 * forward and backward (dy = 1), against the double references of
 * tests/support/ref.c, at the function's first test parameter set (--set K:
 * its K-th, 0-based, where it has one; swish's first, beta = 1, runs silu's
 * kernels, so its own are swept with --set 1, beta = 1.702). Not a
 * CTest test (it runs for minutes per function): scripts/ulp_sweep.sh runs
 * it and the README records its maxima.
 *   ulp_sweep [--tier fast|accurate] [--isa NAME]... [--stride S] [--set K] [NAME...]
 * Default: the fast tier of every function that has one, every ISA this
 * machine supports (plus neon-simde when built), stride 1.
 * Prints per function and ISA:
 *   SWEEP TIER NAME ISA fwd MAX @ X bwd MAX @ X nan N [set K: P1, P2]
 * with MAX in ULP as test_ulp measures it (the fast tier: of max(|r|,
 * 2^-20)) and N the count of NaN results from non-NaN inputs where the
 * reference is not NaN (also counted as an infinite error). Exit status 1 when
 * a maximum exceeds the tier's bound (fast: 4 / 8; accurate: the list's
 * stated fwd / bwd figures). */
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "vact_ref.h"
#include "vact_samples.h"
#include "dispatch/cpu.h"
#include "dispatch/simde.h"

#define CHUNK ((size_t)1 << 22)

typedef struct {
    double ef, eb;
    float xf, xb;
    size_t nan;
} acc;

/* One thread's share of a chunk: references, every ISA's kernels, errors. */
typedef struct {
    const ref_fn *f;
    const float *prm;
    const double *pd;
    int tier, nisa;
    const int *isas;
    double flo, bb;
    const float *x, *ones;
    float *y, *dx;
    double *rf, *rd;
    size_t n;
    acc ac[6];
} job;

static double argof(float x) { return isinf(x) ? copysign(1e300, x) : (double)x; }

static void *work(void *arg) {
    job *j = arg;
    const ref_fn *f = j->f;
    for (size_t i = 0; i < j->n; i++) {
        j->rf[i] = f->f(argof(j->x[i]), j->pd);
        j->rd[i] = f->df(argof(j->x[i]), j->pd);
    }
    for (int k = 0; k < j->nisa; k++) {
        const vact_table *t = j->isas[k] < 0 ? vact__table_simde() : vact__table_for((vact_isa)j->isas[k]);
        ref_call_fwd_tier(t, f, j->tier, j->prm, j->n, j->x, j->y);
        ref_call_bwd_tier(t, f, j->tier, j->prm, j->n, j->x, j->ones, j->dx);
        acc *a = &j->ac[k];
        for (size_t i = 0; i < j->n; i++) {
            const float x = j->x[i], y = j->y[i], dx = j->dx[i];
            if (isnan(x)) {
                if (!isnan(y) || !isnan(dx)) a->nan++; /* NaN in, NaN out */
                continue;
            }
            double ef;
            if (f->flags & VACT_PWL) ef = (float)j->rf[i] == y ? 0 : INFINITY;
            else ef = ref_err(y, j->rf[i], fmax(fabs(j->rf[i]), j->flo));
            double eb = ref_bwd_err(f, j->pd, x, 1.0f, dx, j->rd[i], j->bb, j->flo);
            if ((isnan(y) && !isnan(j->rf[i])) || (isnan(dx) && !isnan(j->rd[i]))) a->nan++;
            if (ef > a->ef || isnan(ef)) { a->ef = isnan(ef) ? INFINITY : ef; a->xf = x; }
            if (eb > a->eb || isnan(eb)) { a->eb = isnan(eb) ? INFINITY : eb; a->xb = x; }
        }
    }
    return NULL;
}

static void merge(acc *to, const acc *a) {
    if (a->ef > to->ef) { to->ef = a->ef; to->xf = a->xf; }
    if (a->eb > to->eb) { to->eb = a->eb; to->xb = a->xb; }
    to->nan += a->nan;
}

int main(int argc, char **argv) {
    int tier = 1;
    uint64_t stride = 1;
    int want_isa[8], nwant = 0;
    const char *names[64];
    int nnames = 0, set = 0;
    for (int a = 1; a < argc; a++) {
        if (!strcmp(argv[a], "--tier") && a + 1 < argc) {
            tier = !strcmp(argv[++a], "fast");
        } else if (!strcmp(argv[a], "--stride") && a + 1 < argc) {
            stride = strtoull(argv[++a], NULL, 0);
            if (!stride) stride = 1;
        } else if (!strcmp(argv[a], "--set") && a + 1 < argc) {
            set = atoi(argv[++a]);
            if (set < 0) set = 0;
        } else if (!strcmp(argv[a], "--isa") && a + 1 < argc) {
            const char *nm = argv[++a];
            vact_isa isa;
            if (!strcmp(nm, "neon-simde")) want_isa[nwant++] = -1;
            else if (!vact_isa_from_name(nm, &isa) && vact_isa_supported(isa) && nwant < 8) want_isa[nwant++] = (int)isa;
            else { fprintf(stderr, "ulp_sweep: ISA %s not available\n", nm); return 2; }
        } else if (nnames < 64) {
            if (!ref_find(argv[a])) { fprintf(stderr, "ulp_sweep: no function %s\n", argv[a]); return 2; }
            names[nnames++] = argv[a];
        }
    }
    int isas[6], nisa = 0;
    if (nwant) {
        memcpy(isas, want_isa, (size_t)nwant * sizeof *isas);
        nisa = nwant;
    } else {
        nisa = isa_list(isas);
        if (vact__table_simde()) isas[nisa++] = -1;
    }
    float *x = malloc(CHUNK * sizeof *x), *y = malloc(CHUNK * sizeof *y), *dx = malloc(CHUNK * sizeof *dx);
    float *ones = malloc(CHUNK * sizeof *ones);
    double *rf = malloc(CHUNK * sizeof *rf), *rd = malloc(CHUNK * sizeof *rd);
    for (size_t i = 0; i < CHUNK; i++) ones[i] = 1.0f;
    int fails = 0;
    for (size_t fi = 0; fi < ref_nfns; fi++) {
        const ref_fn *f = &ref_fns[fi];
        int want = nnames == 0;
        for (int k = 0; k < nnames; k++) want |= !strcmp(names[k], f->name);
        if (!want || (tier && !f->fast)) continue;
        const int si = set < f->nsets ? set : 0;
        const float *prm = f->sets[si];
        const double pd[2] = {prm[0], prm[1]};
        const double flo = tier ? REF_FAST_FLOOR : 0;
        const double bf = tier ? REF_FAST_FWD : f->ulp[0], bb = tier ? REF_FAST_BWD : f->ulp[1];
        job jobs[2];
        for (int h = 0; h < 2; h++) {
            job *j = &jobs[h];
            memset(j, 0, sizeof *j);
            j->f = f, j->prm = prm, j->pd = pd, j->tier = tier, j->nisa = nisa, j->isas = isas;
            j->flo = flo, j->bb = bb, j->ones = ones;
        }
        for (uint64_t base = 0; base < (1ull << 32); base += (uint64_t)CHUNK * stride) {
            size_t n = 0;
            for (uint64_t u = base; u < (1ull << 32) && n < CHUNK; u += stride) {
                uint32_t b = (uint32_t)u;
                memcpy(&x[n++], &b, 4);
            }
            const size_t half = n / 2;
            jobs[0].x = x, jobs[0].y = y, jobs[0].dx = dx, jobs[0].rf = rf, jobs[0].rd = rd, jobs[0].n = half;
            jobs[1].x = x + half, jobs[1].y = y + half, jobs[1].dx = dx + half, jobs[1].rf = rf + half;
            jobs[1].rd = rd + half, jobs[1].n = n - half;
            pthread_t th;
            int threaded = pthread_create(&th, NULL, work, &jobs[1]) == 0;
            work(&jobs[0]);
            if (threaded) pthread_join(th, NULL);
            else work(&jobs[1]);
        }
        acc ac[6];
        memset(ac, 0, sizeof ac);
        for (int k = 0; k < nisa; k++) {
            merge(&ac[k], &jobs[0].ac[k]);
            merge(&ac[k], &jobs[1].ac[k]);
        }
        for (int k = 0; k < nisa; k++) {
            const char *iname = isas[k] < 0 ? "neon-simde" : vact_isa_name((vact_isa)isas[k]);
            const acc *a = &ac[k];
            int bad = a->ef > bf || a->eb > bb || a->nan;
            char ps[64] = "";
            if (si) snprintf(ps, sizeof ps, "  [set %d: %g, %g]", si, (double)prm[0], (double)prm[1]);
            printf("SWEEP %-8s %-12s %-10s fwd %7.3f @ %-14.8g bwd %7.3f @ %-14.8g nan %zu%s%s\n",
                   tier ? "fast" : "accurate", f->name, iname, a->ef, (double)a->xf, a->eb, (double)a->xb, a->nan,
                   ps, bad ? "  FAIL" : "");
            fflush(stdout);
            fails += bad;
        }
    }
    free(x); free(y); free(dx); free(ones); free(rf); free(rd);
    return fails ? 1 : 0;
}
