// "machine": the vector issue rate of this core, for the report's limit table
// (scripts/bench_report.py): how many independent vector FMAs (and, apart,
// divisions) one thread retires per second at this ISA's width. A kernel that
// executes K vector operations per W elements cannot beat rate * W / K
// elements/s; the report compares vact's measured speed with that bound
// (operation counts from scripts/kernel_ops.py).
// Compiled twice: VB_MACHINE_AVX512 (zmm) and VB_MACHINE_AVX2 (ymm).
#include "bench_common.h"

#include <immintrin.h>

namespace vb {

namespace {
#if defined(VB_MACHINE_AVX512)
using V = __m512;
inline V set1(float f) { return _mm512_set1_ps(f); }
inline V fma(V a, V b, V c) { return _mm512_fmadd_ps(a, b, c); }
inline V div(V a, V b) { return _mm512_div_ps(a, b); }
constexpr vact_isa kIsa = VACT_ISA_AVX512;
constexpr const char *kIsaName = "avx512";
#elif defined(VB_MACHINE_AVX2)
using V = __m256;
inline V set1(float f) { return _mm256_set1_ps(f); }
inline V fma(V a, V b, V c) { return _mm256_fmadd_ps(a, b, c); }
inline V div(V a, V b) { return _mm256_div_ps(a, b); }
constexpr vact_isa kIsa = VACT_ISA_AVX2;
constexpr const char *kIsaName = "avx2";
#else
#error "define VB_MACHINE_AVX512 or VB_MACHINE_AVX2"
#endif

constexpr size_t kIter = 512;

// 12 independent chains (more than FMA latency x ports), 12 * kIter ops per call
#define VB_CHAINS(OP)                                                                           \
    for (size_t i = 0; i < kIter; ++i) {                                                         \
        OP(a0); OP(a1); OP(a2); OP(a3); OP(a4); OP(a5); OP(a6); OP(a7); OP(a8); OP(a9); OP(a10); \
        OP(a11);                                                                                 \
        __asm__ volatile("" : "+x"(a0), "+x"(a1), "+x"(a2), "+x"(a3), "+x"(a4), "+x"(a5), "+x"(a6), \
                         "+x"(a7), "+x"(a8), "+x"(a9), "+x"(a10), "+x"(a11));                    \
    }

template <int Kind>
__attribute__((noinline)) float chains(float seed) {
    V a0 = set1(seed), a1 = set1(seed + 1), a2 = set1(seed + 2), a3 = set1(seed + 3), a4 = set1(seed + 4),
      a5 = set1(seed + 5), a6 = set1(seed + 6), a7 = set1(seed + 7), a8 = set1(seed + 8), a9 = set1(seed + 9),
      a10 = set1(seed + 10), a11 = set1(seed + 11);
    const V m = set1(0.999f), b = set1(1e-3f), one = set1(1.0f);
    if (Kind == 0) {
#define VB_FMA(x) x = fma(x, m, b)
        VB_CHAINS(VB_FMA)
    } else {
#define VB_DIV(x) x = div(one, x)
        VB_CHAINS(VB_DIV)
    }
    V s = a0;
    for (V t : {a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11}) s = fma(s, one, t);
    float out[sizeof(V) / sizeof(float)];
    std::memcpy(out, &s, sizeof out);
    return out[0];
}
} // namespace

#if defined(VB_MACHINE_AVX512)
void register_machine_avx512() {
#else
void register_machine_avx2() {
#endif
    if (config().peers_only && !(config().vact_at_peer_isa && config().peer_isa == kIsaName)) return;
    if (!vact_isa_supported(kIsa)) return;
    // items = vector instructions; cpe = TSC cycles per instruction
    add("vec_fma", "fwd", "machine", kIsaName, "4096", [](benchmark::State &st) {
        float acc = 0;
        timed(st, 12 * kIter, 0, kIsaName, [&] { acc += chains<0>(acc * 1e-30f + 1.0f); });
        benchmark::DoNotOptimize(acc);
    });
    add("vec_div", "fwd", "machine", kIsaName, "4096", [](benchmark::State &st) {
        float acc = 0;
        timed(st, 12 * kIter, 0, kIsaName, [&] { acc += chains<1>(acc * 1e-30f + 1.0f); });
        benchmark::DoNotOptimize(acc);
    });
}

} // namespace vb
