/* Run-time ISA selection: first-use init, VACT_ISA cap, vact_isa_select. */
#include <stdatomic.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sched.h>
#include "cpu.h"

#if defined(__aarch64__) && defined(__linux__)
#include <sys/auxv.h>
#ifndef HWCAP_ASIMD
#define HWCAP_ASIMD (1 << 1)
#endif
#endif


typedef struct { vact_isa isa; const vact_table *table; } vact_choice;
#ifdef VACT_HAVE_AVX2
#define VACT_T_AVX2 &vact__table_avx2
#else
#define VACT_T_AVX2 NULL
#endif
#ifdef VACT_HAVE_AVX512
#define VACT_T_AVX512 &vact__table_avx512
#else
#define VACT_T_AVX512 NULL
#endif
#ifdef VACT_HAVE_NEON
#define VACT_T_NEON &vact__table_neon
#else
#define VACT_T_NEON NULL
#endif
static const vact_choice g_choices[VACT_ISA_COUNT] = {
    {VACT_ISA_SCALAR, &vact__table_scalar},
    {VACT_ISA_AVX2, VACT_T_AVX2},
    {VACT_ISA_AVX512, VACT_T_AVX512},
    {VACT_ISA_NEON, VACT_T_NEON},
};
static _Atomic(const vact_choice *) g_active;

/* AVX512-BF16: on a CPU with it, AVX-512 is the AVX-512 table with the bf16
 * functions of src/avx512/kernels_bf16.c (vcvtne2ps2bf16, the same bits),
 * built once on first use. VACT_NO_AVX512BF16 set to a non-empty value
 * other than "0" when it is built keeps the plain AVX-512 table (internal,
 * for tests and A/B measurements; tests reach both tables through
 * vact__table_avx512_variant). */
#ifdef VACT_HAVE_AVX512BF16
static vact_table g_tab_bf16;
static const vact_choice g_choice_bf16 = {VACT_ISA_AVX512, &g_tab_bf16};
/* 0 not yet, 1 being built, 2 built and used, 3 built, not used
 * (VACT_NO_AVX512BF16), 4 the CPU lacks it */
static atomic_int g_bf16_state;
static int bf16_state(void) {
    int s = atomic_load_explicit(&g_bf16_state, memory_order_acquire);
    if (s >= 2) return s;
    int zero = 0;
    if (atomic_compare_exchange_strong_explicit(&g_bf16_state, &zero, 1, memory_order_acq_rel,
                                                memory_order_acquire)) {
        vact_x86_words w;
        s = 4;
        if (vact__x86_read(&w) == 0 && vact__x86_avx512bf16(&w)) {
            g_tab_bf16 = vact__table_avx512;
            vact__avx512bf16_patch(&g_tab_bf16);
            const char *off = getenv("VACT_NO_AVX512BF16");
            s = off && *off && strcmp(off, "0") ? 3 : 2;
        }
        atomic_store_explicit(&g_bf16_state, s, memory_order_release);
        return s;
    }
    /* another thread is building it (a copy of a table and a few stores) */
    while ((s = atomic_load_explicit(&g_bf16_state, memory_order_acquire)) == 1) sched_yield();
    return s;
}
#endif

static const vact_choice *choice_of(vact_isa isa) {
#ifdef VACT_HAVE_AVX512BF16
    if (isa == VACT_ISA_AVX512 && bf16_state() == 2) return &g_choice_bf16;
#endif
    return &g_choices[isa];
}

const vact_table *vact__table_for(vact_isa isa) {
    return (unsigned)isa < VACT_ISA_COUNT ? choice_of(isa)->table : NULL;
}

const vact_table *vact__table_avx512_variant(int bf16) {
    if (!bf16) return g_choices[VACT_ISA_AVX512].table;
#ifdef VACT_HAVE_AVX512BF16
    if (g_choices[VACT_ISA_AVX512].table && bf16_state() != 4) return &g_tab_bf16;
#endif
    return NULL;
}

static unsigned detect_mask(void) {
    unsigned m = 1u << VACT_ISA_SCALAR;
#if defined(__x86_64__) || defined(__i386__)
    vact_x86_words w;
    if (vact__x86_read(&w) == 0) m = vact__x86_decide(&w);
#elif defined(__aarch64__)
#if defined(__linux__)
    if (getauxval(AT_HWCAP) & HWCAP_ASIMD) m |= 1u << VACT_ISA_NEON;
#else
    m |= 1u << VACT_ISA_NEON; /* Advanced SIMD is mandatory on AArch64 */
#endif
#endif
    /* keep only what is built in */
    for (int i = 0; i < VACT_ISA_COUNT; i++)
        if (!vact__table_for((vact_isa)i)) m &= ~(1u << i);
    return m;
}

static atomic_uint g_mask; /* 0 = not yet detected (scalar bit is always set) */

unsigned vact__supported_mask(void) {
    unsigned m = atomic_load_explicit(&g_mask, memory_order_acquire);
    if (!m) {
        m = detect_mask(); /* idempotent: racing threads compute the same */
        atomic_store_explicit(&g_mask, m, memory_order_release);
    }
    return m;
}

/* Fallback chains: each ISA's "below it". */
static vact_isa below(vact_isa isa) {
    switch (isa) {
    case VACT_ISA_AVX512: return VACT_ISA_AVX2;
    default: return VACT_ISA_SCALAR;
    }
}

vact_isa vact__choose(unsigned mask, const char *cap) {
    static const vact_isa order[] = {VACT_ISA_AVX512, VACT_ISA_NEON, VACT_ISA_AVX2, VACT_ISA_SCALAR};
    vact_isa want = VACT_ISA_SCALAR;
    int capped = 0;
    if (cap && *cap) {
        for (int i = 0; i < VACT_ISA_COUNT; i++)
            if (!strcmp(cap, vact_isa_name((vact_isa)i))) { want = (vact_isa)i; capped = 1; }
    }
    if (capped) {
        while (want != VACT_ISA_SCALAR && !(mask & (1u << want))) want = below(want);
        return want;
    }
    for (int i = 0; i < VACT_ISA_COUNT; i++)
        if (mask & (1u << order[i])) return order[i];
    return VACT_ISA_SCALAR;
}

static const vact_choice *active(void) {
    const vact_choice *c = atomic_load_explicit(&g_active, memory_order_acquire);
    if (!c) {
        const vact_choice *mine = choice_of(vact__choose(vact__supported_mask(), getenv("VACT_ISA")));
        const vact_choice *expected = NULL;
        if (atomic_compare_exchange_strong_explicit(&g_active, &expected, mine, memory_order_acq_rel,
                                                    memory_order_acquire))
            c = mine;
        else
            c = expected;
    }
    return c;
}

const vact_table *vact__table_get(void) { return active()->table; }

#pragma GCC visibility push(default)
vact_isa vact_isa_active(void) { return active()->isa; }

int vact_isa_supported(vact_isa isa) {
    if ((unsigned)isa >= VACT_ISA_COUNT) return 0;
    return (vact__supported_mask() >> isa) & 1u;
}

int vact_isa_select(vact_isa isa) {
    if (!vact_isa_supported(isa)) return -1;
    atomic_store_explicit(&g_active, choice_of(isa), memory_order_release);
    return 0;
}

int vact_isa_from_name(const char *name, vact_isa *isa) {
    for (int i = 0; name && i < VACT_ISA_COUNT; i++)
        if (!strcmp(name, vact_isa_name((vact_isa)i))) {
            *isa = (vact_isa)i;
            return 0;
        }
    return -1;
}

size_t vact_cpu_features(char *buf, size_t len) {
    int k;
#if defined(__x86_64__) || defined(__i386__)
    vact_x86_words w;
    if (vact__x86_read(&w) != 0) {
        k = snprintf(buf, len, "x86: no CPUID");
    } else {
        const uint32_t c = w.leaf1_ecx, b = w.leaf7_ebx;
        k = snprintf(buf, len, "x86: cpuid max leaf %u,%s%s%s%s%s%s%s%s%s; xcr0 %#llx (ymm %s, zmm/opmask %s)",
                     w.max_leaf, (c >> 27) & 1 ? " osxsave" : "", (c >> 28) & 1 ? " avx" : "",
                     (c >> 12) & 1 ? " fma" : "", (b >> 5) & 1 ? " avx2" : "", (b >> 16) & 1 ? " avx512f" : "",
                     (b >> 17) & 1 ? " avx512dq" : "", (b >> 30) & 1 ? " avx512bw" : "",
                     (b >> 31) & 1 ? " avx512vl" : "", (w.leaf7_1_eax >> 5) & 1 ? " avx512_bf16" : "",
                     (unsigned long long)w.xcr0,
                     (w.xcr0 & 0x6) == 0x6 ? "saved" : "not saved",
                     (w.xcr0 & 0xe6) == 0xe6 ? "saved" : "not saved");
    }
#elif defined(__aarch64__)
    k = snprintf(buf, len, "aarch64: Advanced SIMD %s",
                 (vact__supported_mask() >> VACT_ISA_NEON) & 1 ? "present" : "absent");
#else
    k = snprintf(buf, len, "unknown architecture");
#endif
    return k < 0 ? 0 : (size_t)k;
}

const char *vact_isa_name(vact_isa isa) {
    switch (isa) {
    case VACT_ISA_SCALAR: return "scalar";
    case VACT_ISA_AVX2: return "avx2";
    case VACT_ISA_AVX512: return "avx512";
    case VACT_ISA_NEON: return "neon";
    default: return "unknown";
    }
}
#pragma GCC visibility pop
