// Registration stubs for the peers whose packages were not found at configure
// time (the suite builds and runs with any subset of peers, including none).
#include "bench_common.h"

namespace vb {

#if !defined(VB_HAVE_ONEDNN)
const char *run_onednn(const std::string &, bool, size_t, const float *, const float *, float *) { return nullptr; }
void register_onednn() {}
void cap_onednn(const std::string &) {}
#endif
#if !defined(VB_HAVE_XNNPACK)
const char *run_xnnpack(const std::string &, bool, size_t, const float *, const float *, float *) { return nullptr; }
void register_xnnpack() {}
void cap_xnnpack(const std::string &) {}
#endif
#if !defined(VB_HAVE_SLEEF_AVX2)
const char *run_sleef_avx2(const std::string &, bool, size_t, const float *, const float *, float *) { return nullptr; }
void register_sleef_avx2() {}
#endif
#if !defined(VB_HAVE_SLEEF_AVX512)
const char *run_sleef_avx512(const std::string &, bool, size_t, const float *, const float *, float *) { return nullptr; }
void register_sleef_avx512() {}
#endif
#if !defined(VB_HAVE_EIGEN_AVX2)
const char *run_eigen_avx2(const std::string &, bool, size_t, const float *, const float *, float *) { return nullptr; }
void register_eigen_avx2() {}
#endif
#if !defined(VB_HAVE_EIGEN_AVX512)
const char *run_eigen_avx512(const std::string &, bool, size_t, const float *, const float *, float *) { return nullptr; }
void register_eigen_avx512() {}
#endif

#if !defined(VB_HAVE_MACHINE_AVX512)
void register_machine_avx512() {}
#endif
#if !defined(VB_HAVE_MACHINE_AVX2)
void register_machine_avx2() {}
#endif

} // namespace vb
