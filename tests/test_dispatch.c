/* Dispatcher tests: names, supported/select semantics, the pure decision
 * function fed with faked CPUID/XCR0 words, the real first-use path on faked
 * words (vact__x86_set_words_hook, one child process per case), VACT_ISA caps
 * (one child process per value), and that every public call really goes
 * through the selected ISA. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
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

static const char *g_self;
static const char *g_emulator; /* --emulator PATH: re-execute through it (qemu-user) */

static void test_names(void **s) {
    (void)s;
    assert_string_equal(vact_isa_name(VACT_ISA_SCALAR), "scalar");
    assert_string_equal(vact_isa_name(VACT_ISA_AVX2), "avx2");
    assert_string_equal(vact_isa_name(VACT_ISA_AVX512), "avx512");
    assert_string_equal(vact_isa_name(VACT_ISA_NEON), "neon");
    assert_string_equal(vact_isa_name((vact_isa)17), "unknown");
}

static void test_select(void **s) {
    (void)s;
    assert_true(vact_isa_supported(VACT_ISA_SCALAR));
    assert_false(vact_isa_supported((vact_isa)-1));
    assert_false(vact_isa_supported((vact_isa)4));
#if defined(__x86_64__)
    assert_false(vact_isa_supported(VACT_ISA_NEON));
#elif defined(__aarch64__)
    assert_false(vact_isa_supported(VACT_ISA_AVX2));
    assert_false(vact_isa_supported(VACT_ISA_AVX512));
    assert_true(vact_isa_supported(VACT_ISA_NEON));
#endif
    vact_isa before = vact_isa_active();
    for (int i = 0; i < 4; i++) {
        if (vact_isa_supported((vact_isa)i)) {
            assert_int_equal(vact_isa_select((vact_isa)i), 0);
            assert_int_equal(vact_isa_active(), i);
        } else {
            vact_isa cur = vact_isa_active();
            assert_int_equal(vact_isa_select((vact_isa)i), -1);
            assert_int_equal(vact_isa_active(), cur); /* nothing changes */
        }
    }
    assert_int_equal(vact_isa_select((vact_isa)9), -1);
    assert_int_equal(vact_isa_select(before), 0);
}

/* bits */
#define ECX_FMA (1u << 12)
#define ECX_OSXSAVE (1u << 27)
#define ECX_AVX (1u << 28)
#define ECX_F16C (1u << 29)
#define EBX_AVX2 (1u << 5)
#define EBX_F (1u << 16)
#define EBX_DQ (1u << 17)
#define EBX_BW (1u << 30)
#define EBX_VL (1u << 31)
#define S (1u << VACT_ISA_SCALAR)
#define A2 (1u << VACT_ISA_AVX2)
#define A5 (1u << VACT_ISA_AVX512)

static void test_decide(void **s) {
    (void)s;
    const uint32_t ecx_all = ECX_FMA | ECX_OSXSAVE | ECX_AVX | ECX_F16C;
    const uint32_t ebx_all = EBX_AVX2 | EBX_F | EBX_DQ | EBX_BW | EBX_VL;
    struct { vact_x86_words w; unsigned want; const char *what; } c[] = {
        {{13, ecx_all, ebx_all, 0xe7, 0}, S | A2 | A5, "everything"},
        {{13, ecx_all, ebx_all, 0x07, 0}, S | A2, "OS saves YMM but not ZMM/opmask"},
        {{13, ecx_all, ebx_all, 0x67, 0}, S | A2, "no Hi16_ZMM state"},
        {{13, ecx_all, ebx_all, 0xc7, 0}, S | A2, "no opmask state"},
        {{13, ecx_all, ebx_all, 0xa7, 0}, S | A2, "no ZMM_Hi256 state"},
        {{13, ecx_all, ebx_all, 0xe3, 0}, S, "no SSE state"},
        {{13, ecx_all, ebx_all, 0x03, 0}, S, "OS does not save YMM"},
        {{13, ecx_all & ~ECX_OSXSAVE, ebx_all, 0, 0}, S, "no OSXSAVE (XGETBV not allowed)"},
        {{13, ecx_all & ~ECX_FMA, ebx_all, 0xe7, 0}, S, "AVX2 without FMA"},
        {{13, ecx_all & ~ECX_AVX, ebx_all, 0xe7, 0}, S, "no AVX"},
        {{13, ecx_all & ~ECX_F16C, ebx_all, 0xe7, 0}, S, "AVX2 without F16C"},
        {{13, ecx_all, ebx_all & ~EBX_AVX2, 0xe7, 0}, S, "no AVX2"},
        {{13, ecx_all, ebx_all & ~EBX_VL, 0xe7, 0}, S | A2, "AVX-512F without VL"},
        {{13, ecx_all, ebx_all & ~EBX_BW, 0xe7, 0}, S | A2, "AVX-512 without BW"},
        {{13, ecx_all, ebx_all & ~EBX_DQ, 0xe7, 0}, S | A2, "AVX-512 without DQ"},
        {{13, ecx_all, ebx_all & ~EBX_F, 0xe7, 0}, S | A2, "no AVX-512F"},
        {{6, ecx_all, ebx_all, 0xe7, 0}, S, "max leaf < 7"},
        {{0, 0, 0, 0, 0}, S, "nothing"},
    };
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
        unsigned got = vact__x86_decide(&c[i].w);
        if (got != c[i].want) fail_msg("%s: got %#x want %#x", c[i].what, got, c[i].want);
        if (vact__x86_avx512bf16(&c[i].w)) fail_msg("%s: AVX512_BF16 without its CPUID bit", c[i].what);
        /* with CPUID.(7,1):EAX bit 5: the bf16 functions exactly where AVX-512 runs */
        vact_x86_words b = c[i].w;
        b.leaf7_1_eax = 1u << 5;
        if (vact__x86_avx512bf16(&b) != !!(c[i].want & A5))
            fail_msg("%s + AVX512_BF16: got %d", c[i].what, vact__x86_avx512bf16(&b));
    }
}

static void test_choose(void **s) {
    (void)s;
    unsigned x86 = S | A2 | A5, arm = S | (1u << VACT_ISA_NEON);
    assert_int_equal(vact__choose(x86, NULL), VACT_ISA_AVX512);
    assert_int_equal(vact__choose(x86, ""), VACT_ISA_AVX512);
    assert_int_equal(vact__choose(x86, "bogus"), VACT_ISA_AVX512);
    assert_int_equal(vact__choose(x86, "avx2"), VACT_ISA_AVX2);
    assert_int_equal(vact__choose(x86, "scalar"), VACT_ISA_SCALAR);
    assert_int_equal(vact__choose(x86, "neon"), VACT_ISA_SCALAR);
    assert_int_equal(vact__choose(S | A2, "avx512"), VACT_ISA_AVX2);
    assert_int_equal(vact__choose(S, "avx512"), VACT_ISA_SCALAR);
    assert_int_equal(vact__choose(S | A2, NULL), VACT_ISA_AVX2);
    assert_int_equal(vact__choose(arm, NULL), VACT_ISA_NEON);
    assert_int_equal(vact__choose(arm, "scalar"), VACT_ISA_SCALAR);
    assert_int_equal(vact__choose(arm, "avx512"), VACT_ISA_SCALAR);
    assert_int_equal(vact__choose(arm, "neon"), VACT_ISA_NEON);
}

/* Run ourselves as a child with VACT_ISA set (or unset) and read the ISA it
 * chose on first use. */
static int child_isa(const char *val) {
    char buf[32];
    if (vact_test_run_child(g_emulator, g_self, val, "--child", NULL, buf, sizeof buf)) return -3;
    return atoi(buf);
}

#if defined(__x86_64__) || defined(__i386__)
#define VACT_X86 1
/* Run ourselves as a child that fakes the CPUID/XCR0 words (all of AVX2 and
 * AVX-512 in CPUID, the given XCR0) through vact__x86_set_words_hook before
 * its first vact call, and read "active supported-mask" back. */
static int child_fake(unsigned long long xcr0, unsigned *mask) {
    char arg[32], buf[64];
    int isa;
    snprintf(arg, sizeof arg, "%#llx", xcr0);
    if (vact_test_run_child(g_emulator, g_self, NULL, "--child-fake", arg, buf, sizeof buf)) return -3;
    if (sscanf(buf, "%d %u", &isa, mask) != 2) return -4;
    return isa;
}

static const vact_x86_words *fake_words(unsigned long long xcr0) {
    static vact_x86_words w;
    w.max_leaf = 13;
    w.leaf1_ecx = ECX_FMA | ECX_OSXSAVE | ECX_AVX | ECX_F16C;
    w.leaf7_ebx = EBX_AVX2 | EBX_F | EBX_DQ | EBX_BW | EBX_VL;
    w.xcr0 = xcr0;
    return &w;
}
#endif

/* The real first-use path (detection, choice, vact_isa_supported/select) on
 * faked words, in fresh processes. Faking "less" takes ISAs away; faking
 * "more" (every bit set) gives exactly what the CPU has. */
static void test_fake_words(void **s) {
    (void)s;
#ifdef VACT_X86
    const unsigned real = vact__supported_mask();
    const struct { unsigned long long xcr0; const char *what; } c[] = {
        {0xe7, "everything"},     {0xc7, "no opmask state"}, {0xa7, "no ZMM_Hi256 state"},
        {0x67, "no Hi16_ZMM state"}, {0x07, "no AVX-512 state"}, {0x03, "no YMM state"},
        {~0ull, "every bit"},
    };
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
        unsigned mask = 0;
        const int isa = child_fake(c[i].xcr0, &mask);
        const unsigned want = vact__x86_decide(fake_words(c[i].xcr0)) & real;
        if (mask != want || isa != (int)vact__choose(want, NULL))
            fail_msg("xcr0 %#llx (%s): child isa %d mask %#x, want isa %d mask %#x", c[i].xcr0, c[i].what, isa,
                     mask, (int)vact__choose(want, NULL), want);
    }
    /* the cases of the issue, on a CPU + OS with AVX-512 */
    if (real & A5) {
        unsigned mask;
        assert_int_equal(child_fake(0xc7, &mask), VACT_ISA_AVX2);
        assert_int_equal(child_fake(0xa7, &mask), VACT_ISA_AVX2);
        assert_int_equal(child_fake(0xe7, &mask), VACT_ISA_AVX512);
    }
    /* a fake can never add what the CPU lacks */
    static const vact_x86_words all = {~0u, ~0u, ~0u, ~0ull, ~0u};
    vact_x86_words r, f;
    vact__x86_set_words_hook(NULL);
    assert_int_equal(vact__x86_read(&r), 0);
    vact__x86_set_words_hook(&all);
    assert_int_equal(vact__x86_read(&f), 0);
    vact__x86_set_words_hook(NULL);
    assert_true(r.max_leaf == f.max_leaf && r.leaf1_ecx == f.leaf1_ecx && r.leaf7_ebx == f.leaf7_ebx &&
                r.xcr0 == f.xcr0 && r.leaf7_1_eax == f.leaf7_1_eax);
    assert_int_equal(child_fake(~0ull, &(unsigned){0}), (int)vact__choose(real, NULL));
#else
    skip();
#endif
}

static void test_env_cap(void **s) {
    (void)s;
    vact_isa best = vact__choose(vact__supported_mask(), NULL);
    assert_int_equal(child_isa(NULL), best);
    assert_int_equal(child_isa(""), best);
    assert_int_equal(child_isa("not-an-isa"), best);
    assert_int_equal(child_isa("scalar"), VACT_ISA_SCALAR);
    const char *names[] = {"scalar", "avx2", "avx512", "neon"};
    for (int i = 0; i < 4; i++) {
        int want = vact__choose(vact__supported_mask(), names[i]);
        if (vact_isa_supported((vact_isa)i)) assert_int_equal(want, i);
        assert_int_equal(child_isa(names[i]), want);
    }
#if defined(__x86_64__)
    if (vact_isa_supported(VACT_ISA_AVX512)) {
        assert_int_equal(child_isa("avx512"), VACT_ISA_AVX512);
        assert_int_equal(child_isa("avx2"), VACT_ISA_AVX2);
    }
#endif
}

/* Every public call goes through the selected table: select each ISA and
 * check a value and that nothing crashes with n = 0 and NULL pointers. */
static void test_public_calls(void **s) {
    (void)s;
    for (int i = 0; i < 4; i++) {
        if (vact_isa_select((vact_isa)i)) continue;
        float x[3] = {0.0f, 1.0f, -1.0f}, y[3];
        vact_sigmoid_f32(3, x, y);
        assert_true(y[0] == 0.5f);
        vact_sigmoid_f32(0, NULL, NULL);
        vact_sigmoid_backward_f32(0, NULL, NULL, NULL);
        vact_softmax_f32(0, 5, NULL, NULL);
        vact_prelu_f32(0, 3, NULL, NULL, NULL);
        float dal[3] = {7, 7, 7};
        vact_prelu_backward_f32(0, 3, NULL, NULL, NULL, NULL, dal);
        assert_true(dal[0] == 0 && dal[1] == 0 && dal[2] == 0);
    }
}

/* VACT_NO_AVX512BF16, read once at the first call: a child reports whether
 * the dispatched AVX-512 table is the AVX512-BF16 one (1) or the plain one
 * (0). Unset, empty and "0" keep the AVX512-BF16 table; any other value
 * turns it off. Skipped where the CPU or the build lacks AVX512-BF16. */
static int child_bf16(const char *val) {
    char buf[32];
    if (val) setenv("VACT_NO_AVX512BF16", val, 1);
    else unsetenv("VACT_NO_AVX512BF16");
    int rc = vact_test_run_child(g_emulator, g_self, NULL, "--child-bf16", NULL, buf, sizeof buf);
    unsetenv("VACT_NO_AVX512BF16");
    return rc ? -3 : atoi(buf);
}
static void test_bf16_env(void **state) {
    (void)state;
    if (!vact_isa_supported(VACT_ISA_AVX512) || !vact__table_avx512_variant(1)) skip();
    assert_int_equal(child_bf16(NULL), 1);
    assert_int_equal(child_bf16(""), 1);
    assert_int_equal(child_bf16("0"), 1);
    assert_int_equal(child_bf16("1"), 0);
    assert_int_equal(child_bf16("yes"), 0);
}

int main(int argc, char **argv) {
    g_self = argv[0];
    if (argc > 1 && !strcmp(argv[1], "--child-bf16")) {
        const vact_table *t = vact__table_for(VACT_ISA_AVX512);
        printf("%d\n", t && t == vact__table_avx512_variant(1) && t != vact__table_avx512_variant(0));
        return 0;
    }
    if (argc > 2 && !strcmp(argv[1], "--emulator")) g_emulator = argv[2];
    if (argc > 1 && !strcmp(argv[1], "--child")) {
        printf("%d\n", (int)vact_isa_active());
        return 0;
    }
#ifdef VACT_X86
    if (argc > 2 && !strcmp(argv[1], "--child-fake")) {
        vact__x86_set_words_hook(fake_words(strtoull(argv[2], NULL, 0)));
        const int isa = (int)vact_isa_active(); /* the first vact call */
        unsigned mask = 0;
        for (int i = 0; i < VACT_ISA_COUNT; i++) mask |= (unsigned)vact_isa_supported((vact_isa)i) << i;
        if (vact_isa_select(VACT_ISA_AVX512) == 0 && !((mask >> VACT_ISA_AVX512) & 1)) return 3;
        printf("%d %u\n", isa, mask);
        return 0;
    }
#endif
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names),  cmocka_unit_test(test_select),  cmocka_unit_test(test_decide),
        cmocka_unit_test(test_choose), cmocka_unit_test(test_fake_words), cmocka_unit_test(test_env_cap), cmocka_unit_test(test_public_calls),
        cmocka_unit_test(test_bf16_env),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
