/* AVX512-BF16's vcvtne2ps2bf16 against vact's bf16 rounding (tests/test_t16.c's
 * reference, ref_bf16_bits: round to nearest even in integers, NaN -> (u >> 16) | 0x40),
 * the claim src/avx512/vocab.h's bf16 stores rest on: the instruction gives
 * the same bits for every f32 input that is not a subnormal or a NaN (the
 * classes vfpclassps 0xa1 sends to the integer rounding). Also reports what
 * it does with those two classes (informational: they never reach it).
 *   bf16_hw            a sample: 2^25 patterns by a stride with the low bits
 *                      varied, plus every subnormal's neighbourhood (CI)
 *   bf16_hw --all      every f32 bit pattern (scripts/check_bf16_hw.sh)
 * Exit 77 (skipped) when the CPU or the build lacks AVX512-BF16. */
#include <immintrin.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dispatch/cpu.h"
#include "vact_ref.h"


/* Only this function uses AVX-512 (the file is compiled without those
 * flags, so main's check runs on any x86-64 CPU before it). */
__attribute__((target("avx512f,avx512bw,avx512dq,avx512vl,avx512bf16"), noinline))
static int check(int all) {
    const uint64_t total = all ? (1ull << 32) : (1ull << 25);
    const uint64_t step = (1ull << 32) / total;
    enum { B = 1 << 16 };
    static uint32_t buf[B] __attribute__((aligned(64)));
    static uint16_t out[B] __attribute__((aligned(64)));
    /* [class]: 0 subnormal, 1 NaN, 2 the rest; differing from vact / flagged */
    uint64_t n[3] = {0, 0, 0}, diff[3] = {0, 0, 0}, flag_bad = 0, sub_zero = 0;
    uint32_t first = 0;
    for (uint64_t base = 0; base < total; base += B) {
        for (uint32_t i = 0; i < B; i++) {
            uint64_t k = base + i;
            uint32_t u = (uint32_t)(k * step);
            if (step > 1) u += (uint32_t)((i * 2654435761u) % step);
            if (!all && (k & 7) == 0) u = (uint32_t)((k >> 3) & 0x807fffffu); /* subnormals and zeros */
            buf[i] = u;
        }
        for (uint32_t i = 0; i < B; i += 32) {
            __m512 a = _mm512_load_ps((const float *)buf + i), b = _mm512_load_ps((const float *)buf + i + 16);
            _mm512_store_si512((void *)(out + i), (__m512i)_mm512_cvtne2ps_pbh(b, a));
            /* the fallback's classes, lane by lane */
            __mmask16 ma = _mm512_fpclass_ps_mask(a, 0xa1), mb = _mm512_fpclass_ps_mask(b, 0xa1);
            for (int j = 0; j < 32; j++) {
                uint32_t u = buf[i + j], m = u & 0x7fffffffu;
                int special = m > 0x7f800000u || (m && m < 0x00800000u);
                int f = j < 16 ? (ma >> j) & 1 : (mb >> (j - 16)) & 1;
                if (f != special) flag_bad++;
            }
        }
        for (uint32_t i = 0; i < B; i++) {
            uint32_t u = buf[i], m = u & 0x7fffffffu;
            int c = m > 0x7f800000u ? 1 : (m && m < 0x00800000u) ? 0 : 2;
            n[c]++;
            if (c == 0 && out[i] == ((u >> 16) & 0x8000)) sub_zero++;
            if (out[i] != ref_bf16_bits(u)) {
                if (c == 2 && !diff[2]) first = u;
                diff[c]++;
            }
        }
    }
    printf("bf16_hw: %llu f32 patterns; normal/zero/inf: %llu, %llu differ from vact's rounding%s\n",
           (unsigned long long)total, (unsigned long long)n[2], (unsigned long long)diff[2], diff[2] ? " FAIL" : "");
    if (diff[2]) printf("  first: 0x%08x\n", first);
    printf("bf16_hw: vfpclassps 0xa1 misclassified %llu lanes%s\n", (unsigned long long)flag_bad, flag_bad ? " FAIL" : "");
    printf("bf16_hw: (fallback) subnormal: %llu, %llu differ, %llu to a signed zero; NaN: %llu, %llu differ\n",
           (unsigned long long)n[0], (unsigned long long)diff[0], (unsigned long long)sub_zero,
           (unsigned long long)n[1], (unsigned long long)diff[1]);
    return diff[2] || flag_bad ? 1 : 0;
}

int main(int argc, char **argv) {
    if (!vact__table_avx512_variant(1)) {
        printf("bf16_hw: no AVX512-BF16 here (CPU or build): skipped\n");
        return 77;
    }
    return check(argc > 1 && !strcmp(argv[1], "--all"));
}
