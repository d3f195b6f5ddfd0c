/* x86 CPU detection: CPUID + XGETBV. Built with baseline flags only. */
#include <stdatomic.h>
#include "cpu.h"

static _Atomic(const vact_x86_words *) g_words_hook; /* test-only, NULL when shipped */

void vact__x86_set_words_hook(const vact_x86_words *w) {
    atomic_store_explicit(&g_words_hook, w, memory_order_release);
}

unsigned vact__x86_decide(const vact_x86_words *w) {
    unsigned m = 1u << VACT_ISA_SCALAR;
    const uint32_t ecx = w->leaf1_ecx;
    const int osxsave = (ecx >> 27) & 1, avx = (ecx >> 28) & 1, fma = (ecx >> 12) & 1;
    const int f16c = (ecx >> 29) & 1; /* vcvtph2ps / vcvtps2ph: the f16 loads and stores */
    if (!osxsave || !avx) return m;
    const uint64_t ymm_state = 0x6;  /* XMM | YMM */
    const uint64_t zmm_state = 0xe6; /* XMM | YMM | opmask | ZMM_Hi256 | Hi16_ZMM */
    if ((w->xcr0 & ymm_state) != ymm_state || w->max_leaf < 7) return m;
    const uint32_t b = w->leaf7_ebx;
    const int avx2 = (b >> 5) & 1;
    if (avx2 && fma && f16c) m |= 1u << VACT_ISA_AVX2;
    else return m;
    const int f = (b >> 16) & 1, dq = (b >> 17) & 1, bw = (b >> 30) & 1, vl = (b >> 31) & 1;
    if (f && dq && bw && vl && (w->xcr0 & zmm_state) == zmm_state) m |= 1u << VACT_ISA_AVX512;
    return m;
}

int vact__x86_avx512bf16(const vact_x86_words *w) {
    return ((vact__x86_decide(w) >> VACT_ISA_AVX512) & 1u) && ((w->leaf7_1_eax >> 5) & 1u);
}

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
/* the words a CPU has when it has what both *w and *f describe */
static void and_words(vact_x86_words *w, const vact_x86_words *f) {
    if (f->max_leaf < w->max_leaf) w->max_leaf = f->max_leaf;
    w->leaf1_ecx &= f->leaf1_ecx;
    w->leaf7_ebx &= f->leaf7_ebx;
    w->leaf7_1_eax &= f->leaf7_1_eax;
    w->xcr0 &= f->xcr0;
}
int vact__x86_read(vact_x86_words *w) {
    unsigned a, b, c, d;
    w->max_leaf = w->leaf1_ecx = w->leaf7_ebx = w->leaf7_1_eax = 0;
    w->xcr0 = 0;
    if (!__get_cpuid(0, &a, &b, &c, &d)) return -1;
    w->max_leaf = a;
    __cpuid(1, a, b, c, d);
    w->leaf1_ecx = c;
    if (w->max_leaf >= 7) {
        __cpuid_count(7, 0, a, b, c, d);
        w->leaf7_ebx = b;
        if (a >= 1) { /* subleaf 1 exists */
            __cpuid_count(7, 1, a, b, c, d);
            w->leaf7_1_eax = a;
        }
    }
    if ((w->leaf1_ecx >> 27) & 1) { /* OSXSAVE: XGETBV is allowed */
        uint32_t lo, hi;
        __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
        w->xcr0 = ((uint64_t)hi << 32) | lo;
    }
    const vact_x86_words *f = atomic_load_explicit(&g_words_hook, memory_order_acquire);
    if (f) and_words(w, f);
    return 0;
}
#else
int vact__x86_read(vact_x86_words *w) {
    w->max_leaf = w->leaf1_ecx = w->leaf7_ebx = w->leaf7_1_eax = 0;
    w->xcr0 = 0;
    return -1;
}
#endif
