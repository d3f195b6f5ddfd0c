// Peer "sleef": loops over SLEEF's vector functions (libsleef-dev).
// Compiled twice: with VB_SLEEF_AVX512 (-mavx512f ..., Sleef_*f16_u10avx512f)
// and with VB_SLEEF_AVX2 (-mavx2 -mfma, Sleef_*f8_u10avx2), so each vact ISA
// has a peer at the same level. Tails go through a padded local buffer.
#include "bench_common.h"

#include <vact.h>

#include <cstring>
#include <immintrin.h>
#include <sleef.h>

namespace vb {

namespace {

#if defined(VB_SLEEF_AVX512)
constexpr size_t W = 16;
constexpr vact_isa kIsa = VACT_ISA_AVX512;
constexpr const char *kIsaName = "avx512";
using V = __m512;
inline V ld(const float *p) { return _mm512_loadu_ps(p); }
inline void st(float *p, V v) { _mm512_storeu_ps(p, v); }
inline V set1(float a) { return _mm512_set1_ps(a); }
inline V add(V a, V b) { return _mm512_add_ps(a, b); }
inline V sub(V a, V b) { return _mm512_sub_ps(a, b); }
inline V mul(V a, V b) { return _mm512_mul_ps(a, b); }
inline V div(V a, V b) { return _mm512_div_ps(a, b); }
inline V vmax(V a, V b) { return _mm512_max_ps(a, b); }
inline V vabs(V a) { return _mm512_abs_ps(a); }
inline V pos_sel(V x, V a, V b) { // x > 0 ? a : b
    return _mm512_mask_blend_ps(_mm512_cmp_ps_mask(x, _mm512_setzero_ps(), _CMP_GT_OQ), b, a);
}
inline V vexp(V x) { return Sleef_expf16_u10avx512f(x); }
inline V vexpm1(V x) { return Sleef_expm1f16_u10avx512f(x); }
inline V vlog1p(V x) { return Sleef_log1pf16_u10avx512f(x); }
inline V vtanh(V x) { return Sleef_tanhf16_u10avx512f(x); }
inline V verf(V x) { return Sleef_erff16_u10avx512f(x); }
#elif defined(VB_SLEEF_AVX2)
constexpr size_t W = 8;
constexpr vact_isa kIsa = VACT_ISA_AVX2;
constexpr const char *kIsaName = "avx2";
using V = __m256;
inline V ld(const float *p) { return _mm256_loadu_ps(p); }
inline void st(float *p, V v) { _mm256_storeu_ps(p, v); }
inline V set1(float a) { return _mm256_set1_ps(a); }
inline V add(V a, V b) { return _mm256_add_ps(a, b); }
inline V sub(V a, V b) { return _mm256_sub_ps(a, b); }
inline V mul(V a, V b) { return _mm256_mul_ps(a, b); }
inline V div(V a, V b) { return _mm256_div_ps(a, b); }
inline V vmax(V a, V b) { return _mm256_max_ps(a, b); }
inline V vabs(V a) { return _mm256_andnot_ps(_mm256_set1_ps(-0.0f), a); }
inline V pos_sel(V x, V a, V b) { return _mm256_blendv_ps(b, a, _mm256_cmp_ps(x, _mm256_setzero_ps(), _CMP_GT_OQ)); }
inline V vexp(V x) { return Sleef_expf8_u10avx2(x); }
inline V vexpm1(V x) { return Sleef_expm1f8_u10avx2(x); }
inline V vlog1p(V x) { return Sleef_log1pf8_u10avx2(x); }
inline V vtanh(V x) { return Sleef_tanhf8_u10avx2(x); }
inline V verf(V x) { return Sleef_erff8_u10avx2(x); }
#else
#error "define VB_SLEEF_AVX512 or VB_SLEEF_AVX2"
#endif

template <class K>
inline void map1(size_t n, const float *x, float *y, K k) {
    size_t i = 0;
    for (; i + W <= n; i += W) st(y + i, k(ld(x + i)));
    if (i < n) {
        alignas(64) float t[W] = {};
        std::memcpy(t, x + i, (n - i) * sizeof(float));
        st(t, k(ld(t)));
        std::memcpy(y + i, t, (n - i) * sizeof(float));
    }
}

template <class K>
inline void map2(size_t n, const float *x, const float *dy, float *dx, K k) {
    size_t i = 0;
    for (; i + W <= n; i += W) st(dx + i, k(ld(x + i), ld(dy + i)));
    if (i < n) {
        alignas(64) float t[W] = {}, u[W] = {};
        std::memcpy(t, x + i, (n - i) * sizeof(float));
        std::memcpy(u, dy + i, (n - i) * sizeof(float));
        st(t, k(ld(t), ld(u)));
        std::memcpy(dx + i, t, (n - i) * sizeof(float));
    }
}

inline V sigmoid(V x) { return div(set1(1.0f), add(set1(1.0f), vexp(sub(set1(0.0f), x)))); }

using Fwd = void (*)(size_t, const float *, float *);
using Bwd = void (*)(size_t, const float *, const float *, float *);
using SleefFn = PeerFn;

const SleefFn kSleef[] = {
    {"sigmoid", [](size_t n, const float *x, float *y) { map1(n, x, y, sigmoid); },
     [](size_t n, const float *x, const float *dy, float *dx) {
         map2(n, x, dy, dx, [](V v, V d) {
             V s = sigmoid(v);
             return mul(d, mul(s, sub(set1(1.0f), s)));
         });
     }},
    {"tanh", [](size_t n, const float *x, float *y) { map1(n, x, y, vtanh); },
     [](size_t n, const float *x, const float *dy, float *dx) {
         map2(n, x, dy, dx, [](V v, V d) {
             V t = vtanh(v);
             return mul(d, sub(set1(1.0f), mul(t, t)));
         });
     }},
    {"exponential", [](size_t n, const float *x, float *y) { map1(n, x, y, vexp); }, nullptr},
    {"elu",
     [](size_t n, const float *x, float *y) {
         map1(n, x, y, [](V v) { return pos_sel(v, v, mul(set1(kElu), vexpm1(v))); });
     },
     nullptr},
    {"silu",
     [](size_t n, const float *x, float *y) {
         map1(n, x, y, [](V v) { return div(v, add(set1(1.0f), vexp(sub(set1(0.0f), v)))); });
     },
     nullptr},
    {"gelu",
     [](size_t n, const float *x, float *y) {
         map1(n, x, y, [](V v) {
             return mul(mul(set1(0.5f), v), add(set1(1.0f), verf(mul(v, set1(0.70710678f)))));
         });
     },
     nullptr},
    {"softplus",
     [](size_t n, const float *x, float *y) {
         map1(n, x, y, [](V v) { return add(vmax(v, set1(0.0f)), vlog1p(vexp(sub(set1(0.0f), vabs(v))))); });
     },
     nullptr},
};

} // namespace

#if defined(VB_SLEEF_AVX512)
void register_sleef_avx512() {
#else
void register_sleef_avx2() {
#endif
    register_peer_table(kSleef, sizeof kSleef / sizeof kSleef[0], "sleef", kIsa, kIsaName);
}

#if defined(VB_SLEEF_AVX512)
const char *run_sleef_avx512(const std::string &func, bool bwd, size_t n, const float *x, const float *dy,
                             float *out) {
#else
const char *run_sleef_avx2(const std::string &func, bool bwd, size_t n, const float *x, const float *dy,
                           float *out) {
#endif
    return run_peer_table(kSleef, sizeof kSleef / sizeof kSleef[0], kIsa, kIsaName, func, bwd, n, x, dy, out);
}

} // namespace vb
