/* Threads: the first-use dispatch raced by many threads, and vact_isa_select
 * racing calls. Each case runs in a fresh child process (fork + exec of this
 * binary, like test_dispatch's VACT_ISA children), so the very first vact call
 * of the process really is the one the threads race:
 *   --first CAP  VACT_ISA=CAP (or unset for "-"); T threads wait on a barrier,
 *                then each calls every function (each thread starting at a
 *                different one, some starting with vact_isa_active /
 *                vact_isa_supported / vact_cpu_features); afterwards every
 *                thread's results must equal the main thread's single-thread
 *                results, and every thread must have seen the one ISA the
 *                process chose (vact__choose of the mask and the cap).
 *   --select     S threads call vact_isa_select over the supported ISAs while
 *                the others call every function: results equal to the
 *                single-thread ones (every ISA gives the same bits, any NaN
 *                equal to any NaN).
 * The child's exit status is the verdict; under ThreadSanitizer (the tsan
 * preset) a data race report also fails the child. */
#define _GNU_SOURCE
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>
#include "dispatch/cpu.h"
#include "vact_child.h"

#define T 8       /* threads */
#define N 67      /* elements per call (odd: every ISA's tail path) */
#define ROWS 3    /* row-wise and prelu shape: ROWS x COLS = N - 1 */
#define COLS 22
#define ROUNDS 3  /* first-use races per cap */

static const char *g_self;
static const char *g_emulator; /* --emulator PATH: re-execute through it (qemu-user) */

/* ---- every function, as one call signature ------------------------------ */
typedef void (*call_fn)(const float *x, const float *dy, float *out);
#define ARGS_0(P)
#define ARGS_1(P) , VACT_P_DEF1(P)
#define ARGS_2(P) , VACT_P_DEF1(P), VACT_P_DEF2(P)
#define VACT_EW(name, P, F, U, S, R)                                                             \
    static void c_##name(const float *x, const float *dy, float *out) {                     \
        (void)dy;                                                                           \
        vact_##name##_f32(N, x, out VACT_CAT(ARGS_, VACT_P_COUNT(P))(P));                   \
    }                                                                                       \
    static void cb_##name(const float *x, const float *dy, float *out) {                    \
        vact_##name##_backward_f32(N, x, dy, out VACT_CAT(ARGS_, VACT_P_COUNT(P))(P));      \
    }
#define VACT_RW(name, F, T, R)                                                                    \
    static void c_##name(const float *x, const float *dy, float *out) {                     \
        (void)dy;                                                                           \
        vact_##name##_f32(ROWS, COLS, x, out);                                              \
    }                                                                                       \
    static void cb_##name(const float *x, const float *dy, float *out) {                    \
        vact_##name##_backward_f32(ROWS, COLS, x, dy, out);                                 \
    }
/* per-channel: alpha = the first COLS of dy, dalpha after dx in out */
#define VACT_PC(name)                                                                       \
    static void c_##name(const float *x, const float *dy, float *out) {                     \
        vact_##name##_f32(ROWS, COLS, x, dy, out);                                          \
    }                                                                                       \
    static void cb_##name(const float *x, const float *dy, float *out) {                    \
        vact_##name##_backward_f32(ROWS, COLS, x, dy, dy, out, out + ROWS * COLS);          \
    }
#include "common/functions.def"

static const call_fn g_calls[] = {
#define VACT_EW(name, P, F, U, S, R) c_##name, cb_##name,
#define VACT_RW(name, F, T, R) c_##name, cb_##name,
#define VACT_PC(name) c_##name, cb_##name,
#include "common/functions.def"
};
#define NC (sizeof g_calls / sizeof g_calls[0])
#define OUT (N + COLS) /* floats per result: prelu's dx and dalpha */

static float g_x[N], g_dy[N];
static float g_ref[NC][OUT];   /* single-thread results */
static float g_out[T][NC][OUT];

static void make_inputs(void) {
    uint32_t s = 12345;
    for (int i = 0; i < N; i++) {
        s = s * 1664525u + 1013904223u;
        g_x[i] = (float)(int32_t)s * 0x1p-27f; /* [-16, 16) */
        s = s * 1664525u + 1013904223u;
        g_dy[i] = (float)(int32_t)s * 0x1p-31f;
    }
    g_x[3] = 0.0f, g_x[4] = -0.0f, g_x[5] = __builtin_inff(), g_x[6] = -__builtin_inff();
    g_x[7] = 1e-40f, g_x[8] = 100.0f, g_x[9] = -100.0f;
    g_x[60] = __builtin_nanf(""); /* the last row (44..65) of the row-wise calls */
}

/* the bits, any NaN equal to any NaN */
static int same(const float *a, const float *b, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (memcmp(&a[i], &b[i], sizeof a[i]) && !(a[i] != a[i] && b[i] != b[i])) return 0;
    return 1;
}

static void run_all(float (*out)[OUT], size_t start) {
    for (size_t k = 0; k < NC; k++) {
        size_t c = (start + k) % NC;
        memset(out[c], 0, sizeof out[c]);
        g_calls[c](g_x, g_dy, out[c]);
    }
}

/* ---- children --------------------------------------------------------------- */
static pthread_barrier_t g_bar;
static vact_isa g_seen[T];
static atomic_int g_stop;
static atomic_int g_bad;

static void *first_worker(void *arg) {
    const size_t t = (size_t)arg;
    char buf[160];
    pthread_barrier_wait(&g_bar);
    switch (t % 4) { /* different first entries into the dispatcher */
    case 0: g_seen[t] = vact_isa_active(); break;
    case 1: (void)vact_isa_supported(VACT_ISA_AVX512); break;
    case 2: (void)vact_cpu_features(buf, sizeof buf); break;
    default: break; /* straight into a function */
    }
    run_all(g_out[t], t * 7);
    vact_isa now = vact_isa_active();
    if (t % 4 == 0 && g_seen[t] != now) atomic_fetch_add(&g_bad, 1);
    g_seen[t] = now;
    return NULL;
}

static int child_first(void) {
    make_inputs();
    pthread_t th[T];
    pthread_barrier_init(&g_bar, NULL, T);
    for (size_t t = 0; t < T; t++)
        if (pthread_create(&th[t], NULL, first_worker, (void *)t)) return 10;
    for (size_t t = 0; t < T; t++) pthread_join(th[t], NULL);
    pthread_barrier_destroy(&g_bar);
    const vact_isa isa = vact_isa_active();
    int bad = atomic_load(&g_bad) ? 11 : 0;
    if (isa != vact__choose(vact__supported_mask(), getenv("VACT_ISA"))) {
        fprintf(stderr, "active %s, want %s\n", vact_isa_name(isa),
                vact_isa_name(vact__choose(vact__supported_mask(), getenv("VACT_ISA"))));
        bad = 12;
    }
    run_all(g_ref, 0);
    for (size_t t = 0; t < T; t++) {
        if (g_seen[t] != isa) {
            fprintf(stderr, "thread %zu saw %s, process %s\n", t, vact_isa_name(g_seen[t]), vact_isa_name(isa));
            bad = 13;
        }
        for (size_t c = 0; c < NC; c++)
            if (memcmp(g_out[t][c], g_ref[c], sizeof g_ref[c])) { /* one ISA: the very same bits */
                fprintf(stderr, "thread %zu call %zu differs from the single-thread result\n", t, c);
                bad = 14;
            }
    }
    printf("%s\n", vact_isa_name(isa));
    return bad;
}

#define SELECTORS 2
static void *select_worker(void *arg) {
    const size_t t = (size_t)arg;
    pthread_barrier_wait(&g_bar);
    if (t < SELECTORS) {
        for (unsigned i = (unsigned)t; !atomic_load(&g_stop); i++) {
            vact_isa isa = (vact_isa)(i % VACT_ISA_COUNT);
            if (vact_isa_select(isa) != (vact_isa_supported(isa) ? 0 : -1)) atomic_fetch_add(&g_bad, 1);
        }
        return NULL;
    }
    for (int r = 0; r < 20; r++) {
        run_all(g_out[t], t * 5 + (size_t)r);
        for (size_t c = 0; c < NC; c++)
            if (!same(g_out[t][c], g_ref[c], OUT)) {
                fprintf(stderr, "thread %zu round %d call %zu differs from the single-thread result\n", t, r, c);
                atomic_fetch_add(&g_bad, 1);
            }
    }
    return NULL;
}

static int child_select(void) {
    make_inputs();
    if (vact_isa_select(VACT_ISA_SCALAR)) return 12;
    run_all(g_ref, 0);
    pthread_t th[T];
    pthread_barrier_init(&g_bar, NULL, T);
    for (size_t t = 0; t < T; t++)
        if (pthread_create(&th[t], NULL, select_worker, (void *)t)) return 10;
    for (size_t t = SELECTORS; t < T; t++) pthread_join(th[t], NULL);
    atomic_store(&g_stop, 1);
    for (size_t t = 0; t < SELECTORS; t++) pthread_join(th[t], NULL);
    pthread_barrier_destroy(&g_bar);
    return atomic_load(&g_bad) ? 11 : 0;
}

/* ---- parent ------------------------------------------------------------------ */
/* Runs ourselves with `mode arg`, VACT_ISA = cap (NULL: unset); the child's
 * stdout (first line) goes to out. Returns its exit status (-1: abnormal). */
static int run_child(const char *mode, const char *arg, const char *cap, char *out, size_t outlen) {
    return vact_test_run_child(g_emulator, g_self, cap, mode, arg, out, outlen);
}

static void test_first_use_race(void **s) {
    (void)s;
    const char *caps[] = {NULL, "scalar", "avx2", "avx512", "neon"};
    for (size_t i = 0; i < sizeof caps / sizeof caps[0]; i++) {
        const char *want = vact_isa_name(vact__choose(vact__supported_mask(), caps[i]));
        for (int r = 0; r < ROUNDS; r++) {
            char out[64];
            int st = run_child("--first", "-", caps[i], out, sizeof out);
            if (st != 0 || strcmp(out, want))
                fail_msg("VACT_ISA=%s round %d: child status %d, chose \"%s\", want %s", caps[i] ? caps[i] : "(unset)",
                         r, st, out, want);
        }
    }
}

static void test_select_race(void **s) {
    (void)s;
    char out[64];
    int st = run_child("--select", "-", NULL, out, sizeof out);
    if (st != 0) fail_msg("select race child status %d", st);
}

int main(int argc, char **argv) {
    g_self = argv[0];
    if (argc > 2 && !strcmp(argv[1], "--emulator")) g_emulator = argv[2];
    if (argc > 1 && !strcmp(argv[1], "--first")) return child_first();
    if (argc > 1 && !strcmp(argv[1], "--select")) return child_select();
    if (argc > 1 && !strcmp(argv[1], "--probe")) return 0; /* scripts/test.sh: can this binary start? */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_first_use_race),
        cmocka_unit_test(test_select_race),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
