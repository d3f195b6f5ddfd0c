/* Golden-file test: every elementwise function, forward and backward, each
 * parameter set stored in tests/golden/golden.bin (written from the scalar
 * path on x86, see golden.h), recomputed with every ISA this machine supports
 * (plus the SIMDe-NEON build on x86) and compared bit for bit, NaN == NaN.
 * Each record is computed twice per ISA: the whole array in one call (ends in
 * a tail) and in chunks of 1..19 elements from a misaligned copy.
 *   test_golden [FILE]   (default: the checked-in file) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "golden.h"
#include "vact_ref.h"
#include "vact_samples.h"
#include "dispatch/cpu.h"
#include "dispatch/simde.h"

#ifndef VACT_GOLDEN_FILE
#define VACT_GOLDEN_FILE "tests/golden/golden.bin"
#endif

typedef struct {
    char name[GOLDEN_NAME];
    uint32_t np;
    float p[2];
    float *y, *dx;
} grec;

static size_t g_n;
static float *g_x, *g_dy;
static grec *g_rec;
static size_t g_nrec;

typedef struct { size_t first, count; } group;

static int load(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return -1;
    }
    char magic[8];
    uint32_t n, nrec;
    if (fread(magic, 1, 8, f) != 8 || memcmp(magic, GOLDEN_MAGIC, 8) || golden_get_u32(f, &n) ||
        golden_get_u32(f, &nrec) || !n || n > (1u << 24) || nrec > 4096) {
        fprintf(stderr, "%s: not a vact golden file\n", path);
        fclose(f);
        return -1;
    }
    g_n = n;
    g_nrec = nrec;
    g_x = malloc(n * sizeof *g_x);
    g_dy = malloc(n * sizeof *g_dy);
    g_rec = calloc(nrec, sizeof *g_rec);
    int bad = 0;
    for (size_t i = 0; i < n; i++) bad |= golden_get_f32(f, &g_x[i]);
    for (size_t i = 0; i < n; i++) bad |= golden_get_f32(f, &g_dy[i]);
    for (size_t r = 0; r < nrec && !bad; r++) {
        grec *g = &g_rec[r];
        bad |= fread(g->name, 1, GOLDEN_NAME, f) != GOLDEN_NAME;
        g->name[GOLDEN_NAME - 1] = 0;
        bad |= golden_get_u32(f, &g->np) | golden_get_f32(f, &g->p[0]) | golden_get_f32(f, &g->p[1]);
        g->y = malloc(n * sizeof *g->y);
        g->dx = malloc(n * sizeof *g->dx);
        for (size_t i = 0; i < n; i++) bad |= golden_get_f32(f, &g->y[i]);
        for (size_t i = 0; i < n; i++) bad |= golden_get_f32(f, &g->dx[i]);
    }
    fclose(f);
    if (bad) fprintf(stderr, "%s: truncated\n", path);
    return bad ? -1 : 0;
}

static int same_bits(float a, float b) {
    if (a != a && b != b) return 1;
    return memcmp(&a, &b, 4) == 0;
}

/* mismatches of got against want; prints the first */
static size_t compare(const grec *g, const char *iname, const char *what, const float *want,
                      const float *got) {
    size_t d = 0;
    for (size_t i = 0; i < g_n; i++) {
        if (same_bits(want[i], got[i])) continue;
        if (!d)
            printf("  FAIL %s %s(%g,%g) %s: x=%a dy=%a golden %a got %a\n", iname, g->name,
                   (double)g->p[0], (double)g->p[1], what, (double)g_x[i], (double)g_dy[i],
                   (double)want[i], (double)got[i]);
        d++;
    }
    if (d) printf("       %zu of %zu values differ\n", d, g_n);
    return d;
}

/* the kernels called in chunks of 1, 2, ..., 19 elements on misaligned copies */
static void chunked(const vact_table *t, const ref_fn *f, const float *prm, int bwd, float *out) {
    float *xb = malloc((g_n + 1) * sizeof *xb), *db = malloc((g_n + 1) * sizeof *db);
    float *ob = malloc((g_n + 1) * sizeof *ob);
    memcpy(xb + 1, g_x, g_n * sizeof *xb);
    memcpy(db + 1, g_dy, g_n * sizeof *db);
    size_t len = 1;
    for (size_t i = 0; i < g_n; i += len, len = len % 19 + 1) {
        size_t k = g_n - i < len ? g_n - i : len;
        if (bwd) ref_call_bwd(t, f, prm, k, xb + 1 + i, db + 1 + i, ob + 1 + i);
        else ref_call_fwd(t, f, prm, k, xb + 1 + i, ob + 1 + i);
    }
    memcpy(out, ob + 1, g_n * sizeof *out);
    free(xb); free(db); free(ob);
}

static void test_group(void **state) {
    const group *gr = (const group *)*state;
    int isas[5], nisa = isa_list(isas);
    if (vact__table_simde()) isas[nisa++] = -1;
    float *y = malloc(g_n * sizeof *y);
    size_t fails = 0;
    for (size_t r = gr->first; r < gr->first + gr->count; r++) {
        const grec *g = &g_rec[r];
        const ref_fn *f = ref_find(g->name);
        if (!f || (uint32_t)f->np != g->np) {
            printf("  FAIL %s: no such function (with %u parameters) in this library\n", g->name,
                   (unsigned)g->np);
            fails++;
            continue;
        }
        for (int k = 0; k < nisa; k++) {
            const vact_table *t = isas[k] < 0 ? vact__table_simde() : vact__table_for((vact_isa)isas[k]);
            const char *iname = isas[k] < 0 ? "neon-simde" : vact_isa_name((vact_isa)isas[k]);
            size_t d = 0;
            ref_call_fwd(t, f, g->p, g_n, g_x, y);
            d += compare(g, iname, "fwd", g->y, y);
            ref_call_bwd(t, f, g->p, g_n, g_x, g_dy, y);
            d += compare(g, iname, "bwd", g->dx, y);
            chunked(t, f, g->p, 0, y);
            d += compare(g, iname, "fwd chunked", g->y, y);
            chunked(t, f, g->p, 1, y);
            d += compare(g, iname, "bwd chunked", g->dx, y);
            printf("GOLDEN %-12s (%g,%g) %-10s %s\n", g->name, (double)g->p[0], (double)g->p[1], iname,
                   d ? "DIFFERS" : "same-bits");
            fails += d != 0;
        }
    }
    free(y);
    assert_int_equal(fails, 0);
}

int main(int argc, char **argv) {
    const char *path = argc > 1 ? argv[1] : VACT_GOLDEN_FILE;
    if (load(path)) return 1;
    printf("golden: %s, %zu inputs, %zu records\n", path, g_n, g_nrec);
    /* every function and parameter set of src/common/functions.def must have
     * its record: a function added to the list without regenerating the file
     * (scripts/make_golden.sh) fails here */
    size_t missing = 0;
    for (size_t i = 0; i < ref_nfns; i++)
        for (int ps = 0; ps < ref_fns[i].nsets; ps++) {
            const float *prm = ref_fns[i].sets[ps];
            int found = 0;
            for (size_t r = 0; r < g_nrec; r++)
                found |= !strcmp(g_rec[r].name, ref_fns[i].name) && same_bits(g_rec[r].p[0], prm[0]) &&
                         same_bits(g_rec[r].p[1], prm[1]);
            if (!found) {
                printf("FAIL %s (%g,%g) has no record in the golden file (scripts/make_golden.sh)\n",
                       ref_fns[i].name, (double)prm[0], (double)prm[1]);
                missing++;
            }
        }
    if (missing) return 1;
    /* one test per function (its records are consecutive) */
    group *groups = calloc(g_nrec + 1, sizeof *groups);
    struct CMUnitTest *tests = calloc(g_nrec + 1, sizeof *tests);
    size_t ng = 0;
    for (size_t r = 0; r < g_nrec; r++) {
        if (ng && !strcmp(g_rec[groups[ng - 1].first].name, g_rec[r].name)) {
            groups[ng - 1].count++;
            continue;
        }
        groups[ng].first = r;
        groups[ng].count = 1;
        struct CMUnitTest t = {g_rec[r].name, test_group, NULL, NULL, &groups[ng]};
        tests[ng++] = t;
    }
    int rc = _cmocka_run_group_tests("golden", tests, ng, NULL, NULL);
    for (size_t r = 0; r < g_nrec; r++) { free(g_rec[r].y); free(g_rec[r].dx); }
    free(g_rec); free(g_x); free(g_dy); free(groups); free(tests);
    return rc;
}
