/* Tails, misalignment, in-place and n = 0 for every elementwise function,
 * forward and backward, on every supported ISA, through the public API:
 * n = 0..70 at offsets 0..3 must give exactly the bits of one long aligned
 * call (an element's result never depends on n or its position), never
 * write outside [0, n), and in-place calls (y == x, dx == dy, dx == x) must
 * give the same bits. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "ref.h"
#include "samples.h"

static void pub_fwd(const char *nm, size_t n, const float *x, float *y, const float *p) {
#define C0(name) if (!strcmp(nm, #name)) { vact_##name##_f32(n, x, y); return; }
#define C1(name, a) if (!strcmp(nm, #name)) { vact_##name##_f32(n, x, y, p[0]); return; }
#define C2(name, a, b) if (!strcmp(nm, #name)) { vact_##name##_f32(n, x, y, p[0], p[1]); return; }
    VACT_FOR_EACH_UNARY(C0, C1, C2)
#undef C0
#undef C1
#undef C2
    fail_msg("unknown function %s", nm);
}
static void pub_bwd(const char *nm, size_t n, const float *x, const float *dy, float *dx, const float *p) {
#define C0(name) if (!strcmp(nm, #name)) { vact_##name##_backward_f32(n, x, dy, dx); return; }
#define C1(name, a) if (!strcmp(nm, #name)) { vact_##name##_backward_f32(n, x, dy, dx, p[0]); return; }
#define C2(name, a, b) if (!strcmp(nm, #name)) { vact_##name##_backward_f32(n, x, dy, dx, p[0], p[1]); return; }
    VACT_FOR_EACH_UNARY(C0, C1, C2)
#undef C0
#undef C1
#undef C2
    fail_msg("unknown function %s", nm);
}

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

static void test_fn(void **state) {
    const ref_fn *f = (const ref_fn *)*state;
    const float *p = f->sets[0];
    float x[N], dy[N], ry[N], rdx[N];
    unsigned st = 777;
    for (int i = 0; i < N; i++) {
        x[i] = rnd_uniform(&st, -12.0f, 12.0f);
        dy[i] = rnd_uniform(&st, -2.0f, 2.0f);
    }
    x[5] = 0.0f; x[6] = -0.0f; x[7] = INFINITY; x[8] = -INFINITY; x[9] = __builtin_nanf("");
    x[17] = 1e-40f; x[18] = -3e38f; x[33] = 100.0f; x[34] = -100.0f;
    dy[40] = __builtin_nanf("");
    int isas[4], nisa = isa_list(isas);
    for (int k = 0; k < nisa; k++) {
        assert_int_equal(vact_isa_select((vact_isa)isas[k]), 0);
        pub_fwd(f->name, N, x, ry, p);
        pub_bwd(f->name, N, x, dy, rdx, p);
        for (size_t n = 0; n <= 70; n++) {
            for (size_t off = 0; off < 4; off++) {
                size_t len = n + off + 8;
                float *in = malloc(len * sizeof *in), *g = malloc(len * sizeof *g), *out = malloc(len * sizeof *out);
                for (size_t i = 0; i < len; i++) { in[i] = out[i] = sentinel(); g[i] = sentinel(); }
                memcpy(in + off, x, n * sizeof *x);
                memcpy(g + off, dy, n * sizeof *dy);
                pub_fwd(f->name, n, in + off, out + off, p);
                check_run(out, ry, n, off, len, "forward", f->name, n);
                for (size_t i = 0; i < len; i++) out[i] = sentinel();
                pub_bwd(f->name, n, in + off, g + off, out + off, p);
                check_run(out, rdx, n, off, len, "backward", f->name, n);
                /* in place: y == x */
                memcpy(out, in, len * sizeof *out);
                pub_fwd(f->name, n, out + off, out + off, p);
                check_run(out, ry, n, off, len, "forward in place", f->name, n);
                /* dx == dy */
                memcpy(out, g, len * sizeof *out);
                pub_bwd(f->name, n, in + off, out + off, out + off, p);
                check_run(out, rdx, n, off, len, "backward dx==dy", f->name, n);
                /* dx == x */
                memcpy(out, in, len * sizeof *out);
                pub_bwd(f->name, n, out + off, g + off, out + off, p);
                check_run(out, rdx, n, off, len, "backward dx==x", f->name, n);
                free(in); free(g); free(out);
            }
        }
        /* n = 0 with NULL pointers */
        pub_fwd(f->name, 0, NULL, NULL, p);
        pub_bwd(f->name, 0, NULL, NULL, NULL, p);
    }
}

int main(void) {
    struct CMUnitTest tests[64];
    for (size_t i = 0; i < ref_nfns; i++) {
        struct CMUnitTest t = {ref_fns[i].name, test_fn, NULL, NULL, (void *)&ref_fns[i]};
        tests[i] = t;
    }
    return _cmocka_run_group_tests("tails", tests, ref_nfns, NULL, NULL);
}
