/* Tails, misalignment, in-place and n = 0 for every elementwise function,
 * forward and backward, on every supported ISA, through the public API:
 * n = 0..70 at offsets 0..3 must give exactly the bits of one long aligned
 * call (an element's result never depends on n or its position), never
 * write outside [0, n), and in-place calls (y == x, dx == dy, dx == x) must
 * give the same bits. Large arrays (n > 2^20, where x86 kernels switch to
 * non-temporal stores after a masked head) are checked the same way at
 * offsets 0..3 on the SIMD ISAs. The fast tier (NAME_fast) is held to the
 * same: its bits may differ between ISAs, never between calls on one ISA. */
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

#define N 80
#define SENT 0x7fa5a5a5u
static int bits_eq(float a, float b) { return memcmp(&a, &b, 4) == 0; }
static float sentinel(void) { float f; uint32_t u = SENT; memcpy(&f, &u, 4); return f; }

static void check_run(const float *got, const float *want, size_t n, size_t off, size_t len, const char *what,
                      const char *fn, size_t nn) {
    for (size_t i = 0; i < len; i++) {
        if (i >= off && i < off + n) {
            if (!bits_eq(got[i], want[i - off]))
                fail_msg("%s %s n=%zu off=%zu: element %zu differs (%a vs %a)", fn, what, nn, off, i - off,
                         (double)got[i], (double)want[i - off]);
        } else if (!bits_eq(got[i], sentinel())) {
            fail_msg("%s %s n=%zu off=%zu: wrote outside the array at %zu", fn, what, nn, off, i);
        }
    }
}

/* x uniform in [-12, 12], dy in [-2, 2] (callers add special values) */
static void tail_inputs(float *x, float *dy, unsigned seed) {
    for (int i = 0; i < N; i++) {
        x[i] = rnd_uniform(&seed, -12.0f, 12.0f);
        dy[i] = rnd_uniform(&seed, -2.0f, 2.0f);
    }
}

static void test_fn(void **state) {
    const ref_fn *f = (const ref_fn *)*state;
    const float *p = f->sets[0];
    float x[N], dy[N], ry[N], rdx[N];
    tail_inputs(x, dy, 777);
    x[5] = 0.0f; x[6] = -0.0f; x[7] = INFINITY; x[8] = -INFINITY; x[9] = __builtin_nanf("");
    x[17] = 1e-40f; x[18] = -3e38f; x[33] = 100.0f; x[34] = -100.0f;
    dy[40] = __builtin_nanf("");
    int isas[4], nisa = isa_list(isas);
    for (int k = 0; k < nisa; k++) {
        assert_int_equal(vact_isa_select((vact_isa)isas[k]), 0);
        f->pub_fwd(N, x, ry, p);
        f->pub_bwd(N, x, dy, rdx, p);
        for (size_t n = 0; n <= 70; n++) {
            for (size_t off = 0; off < 4; off++) {
                size_t len = n + off + 8;
                float *in = malloc(len * sizeof *in), *g = malloc(len * sizeof *g), *out = malloc(len * sizeof *out);
                for (size_t i = 0; i < len; i++) { in[i] = out[i] = sentinel(); g[i] = sentinel(); }
                memcpy(in + off, x, n * sizeof *x);
                memcpy(g + off, dy, n * sizeof *dy);
                f->pub_fwd(n, in + off, out + off, p);
                check_run(out, ry, n, off, len, "forward", f->name, n);
                for (size_t i = 0; i < len; i++) out[i] = sentinel();
                f->pub_bwd(n, in + off, g + off, out + off, p);
                check_run(out, rdx, n, off, len, "backward", f->name, n);
                /* in place: y == x */
                memcpy(out, in, len * sizeof *out);
                f->pub_fwd(n, out + off, out + off, p);
                check_run(out, ry, n, off, len, "forward in place", f->name, n);
                /* dx == dy */
                memcpy(out, g, len * sizeof *out);
                f->pub_bwd(n, in + off, out + off, out + off, p);
                check_run(out, rdx, n, off, len, "backward dx==dy", f->name, n);
                /* dx == x */
                memcpy(out, in, len * sizeof *out);
                f->pub_bwd(n, out + off, g + off, out + off, p);
                check_run(out, rdx, n, off, len, "backward dx==x", f->name, n);
                free(in); free(g); free(out);
            }
        }
        /* n = 0 with NULL pointers */
        f->pub_fwd(0, NULL, NULL, p);
        f->pub_bwd(0, NULL, NULL, NULL, p);
    }
}

/* n = 2^20 + 37 (the non-temporal path of src/kernels/driver.h) at offsets
 * 0..3 from a 64-byte boundary, x the 80-element pattern repeated: every
 * element must be the bits of the short call, nothing written outside, and
 * in place the same. Scalar (no such path) and emulated NEON are skipped:
 * too slow for 2^20 elements and the same plain loop as test_fn checks. */
#define NBIG (((size_t)1 << 20) + 37)
static void check_big(const float *got, const float *want, size_t off, const char *what, const char *fn,
                      const char *isa) {
    for (size_t i = 0; i < NBIG + off + 16; i++) {
        int in = i >= off && i < off + NBIG;
        if (in ? !bits_eq(got[i], want[(i - off) % N]) : !bits_eq(got[i], sentinel()))
            fail_msg("%s %s %s n=%zu off=%zu: element %zu %s", fn, isa, what, NBIG, off, i,
                     in ? "differs from the short call" : "written outside the array");
    }
}
static void test_big(void **state) {
    const ref_fn *f = (const ref_fn *)*state;
    const float *p = f->sets[0];
    float x[N], dy[N], ry[N], rdx[N];
    tail_inputs(x, dy, 4242);
    x[3] = -INFINITY; x[4] = __builtin_nanf(""); x[11] = 1e-40f;
    size_t len = NBIG + 32;
    size_t bytes = (len * sizeof(float) + 63) / 64 * 64; /* C11: a multiple of the alignment */
    float *in = aligned_alloc(64, bytes), *g = aligned_alloc(64, bytes);
    float *out = aligned_alloc(64, bytes);
    assert_non_null(in); assert_non_null(g); assert_non_null(out);
    int isas[4], nisa = isa_list(isas);
    for (int k = 0; k < nisa; k++) {
        const char *isa = vact_isa_name((vact_isa)isas[k]);
        if (!strcmp(isa, "scalar") || (!strcmp(isa, "neon") && getenv("VACT_TEST_SCALE"))) continue;
        assert_int_equal(vact_isa_select((vact_isa)isas[k]), 0);
        f->pub_fwd(N, x, ry, p);
        f->pub_bwd(N, x, dy, rdx, p);
        for (size_t off = 0; off < 4; off++) {
            for (size_t i = 0; i < len; i++) in[i] = g[i] = out[i] = sentinel();
            for (size_t i = 0; i < NBIG; i++) { in[off + i] = x[i % N]; g[off + i] = dy[i % N]; }
            f->pub_fwd(NBIG, in + off, out + off, p);
            check_big(out, ry, off, "forward", f->name, isa);
            for (size_t i = 0; i < len; i++) out[i] = sentinel();
            f->pub_bwd(NBIG, in + off, g + off, out + off, p);
            check_big(out, rdx, off, "backward", f->name, isa);
            memcpy(out, in, len * sizeof *out);
            f->pub_fwd(NBIG, out + off, out + off, p);
            check_big(out, ry, off, "forward in place", f->name, isa);
            memcpy(out, g, len * sizeof *out);
            f->pub_bwd(NBIG, in + off, out + off, out + off, p);
            check_big(out, rdx, off, "backward dx==dy", f->name, isa);
        }
    }
    free(in); free(g); free(out);
}

int main(void) {
    /* every function, then the fast tier of those that have one (a copy of
     * its ref_fn calling the vact_NAME_fast_* entry points) */
    static ref_fn fns[128];
    static char fast_names[64][48];
    size_t nf = 0;
    for (size_t i = 0; i < ref_nfns; i++) fns[nf++] = ref_fns[i];
    for (size_t i = 0; i < ref_nfns && i < 64; i++) {
        if (!ref_fns[i].fast) continue;
        ref_fn g = ref_fns[i];
        snprintf(fast_names[i], sizeof fast_names[i], "%s_fast", g.name);
        g.name = fast_names[i];
        g.pub_fwd = g.pub_fast_fwd;
        g.pub_bwd = g.pub_fast_bwd;
        fns[nf++] = g;
    }
    static struct CMUnitTest tests[256];
    static char names[128][56];
    size_t nt = 0;
    for (size_t i = 0; i < nf; i++) {
        struct CMUnitTest t = {fns[i].name, test_fn, NULL, NULL, (void *)&fns[i]};
        tests[nt++] = t;
    }
    for (size_t i = 0; i < nf; i++) {
        snprintf(names[i], sizeof names[i], "%s_large", fns[i].name);
        struct CMUnitTest t = {names[i], test_big, NULL, NULL, (void *)&fns[i]};
        tests[nt++] = t;
    }
    return _cmocka_run_group_tests("tails", tests, nt, NULL, NULL);
}
