// Peer "eigen": Eigen 3 array expressions (libeigen3-dev), compiled twice:
// with VB_EIGEN_AVX512 (-mavx512f ...) and VB_EIGEN_AVX2 (-mavx2 -mfma).
// The namespace is renamed per copy so that the two instantiations of the
// same templates (with different ISA flags) cannot be merged by the linker.
#include "bench_common.h"

#include <vact.h>

#if defined(VB_EIGEN_AVX512)
#define Eigen vb_eigen_avx512
#elif defined(VB_EIGEN_AVX2)
#define Eigen vb_eigen_avx2
#else
#error "define VB_EIGEN_AVX512 or VB_EIGEN_AVX2"
#endif
#include <Eigen/Core>
#include <unsupported/Eigen/SpecialFunctions>

namespace vb {

namespace {

#if defined(VB_EIGEN_AVX512)
constexpr vact_isa kIsa = VACT_ISA_AVX512;
constexpr const char *kIsaName = "avx512";
#else
constexpr vact_isa kIsa = VACT_ISA_AVX2;
constexpr const char *kIsaName = "avx2";
#endif

using Arr = Eigen::Array<float, Eigen::Dynamic, 1>;
using CMap = Eigen::Map<const Arr>;
using MMap = Eigen::Map<Arr>;
using Fwd = void (*)(size_t, const float *, float *);
using Bwd = void (*)(size_t, const float *, const float *, float *);

using EigenFn = PeerFn;

inline Eigen::Index ix(size_t n) { return Eigen::Index(n); }

const EigenFn kEigen[] = {
    {"sigmoid", [](size_t n, const float *x, float *y) { MMap(y, ix(n)) = CMap(x, ix(n)).logistic(); },
     [](size_t n, const float *x, const float *dy, float *dx) {
         auto s = CMap(x, ix(n)).logistic();
         MMap(dx, ix(n)) = CMap(dy, ix(n)) * s * (1.0f - s);
     }},
    {"tanh", [](size_t n, const float *x, float *y) { MMap(y, ix(n)) = CMap(x, ix(n)).tanh(); },
     [](size_t n, const float *x, const float *dy, float *dx) {
         auto t = CMap(x, ix(n)).tanh();
         MMap(dx, ix(n)) = CMap(dy, ix(n)) * (1.0f - t * t);
     }},
    {"silu",
     [](size_t n, const float *x, float *y) {
         CMap X(x, ix(n));
         MMap(y, ix(n)) = X * X.logistic();
     },
     nullptr},
    {"gelu",
     [](size_t n, const float *x, float *y) {
         CMap X(x, ix(n));
         MMap(y, ix(n)) = 0.5f * X * (1.0f + (X * 0.70710678f).erf());
     },
     nullptr},
    {"exponential", [](size_t n, const float *x, float *y) { MMap(y, ix(n)) = CMap(x, ix(n)).exp(); }, nullptr},
};

} // namespace

#if defined(VB_EIGEN_AVX512)
void register_eigen_avx512() {
#else
void register_eigen_avx2() {
#endif
    register_peer_table(kEigen, sizeof kEigen / sizeof kEigen[0], "eigen", kIsa, kIsaName);
}

#if defined(VB_EIGEN_AVX512)
const char *run_eigen_avx512(const std::string &func, bool bwd, size_t n, const float *x, const float *dy,
                             float *out) {
#else
const char *run_eigen_avx2(const std::string &func, bool bwd, size_t n, const float *x, const float *dy,
                           float *out) {
#endif
    return run_peer_table(kEigen, sizeof kEigen / sizeof kEigen[0], kIsa, kIsaName, func, bwd, n, x, dy, out);
}

} // namespace vb
