// Shared helpers of the vact benchmark suite (bench/README.md).
//
// Every benchmark is named  FUNC/DIR/IMPL/ISA/SIZE  where
//   FUNC  a vact function name (sigmoid, softmax, prelu, ...; "memcpy" for the roofline);
//         NAME.bf16 / NAME.f16 for the 16-bit variants (vact's and the peers' of that type)
//   DIR   fwd | bwd
//   IMPL  vact | onednn | xnnpack | sleef | eigen | libm | roofline
//   ISA   scalar | avx2 | avx512 | neon (what the code runs, capped where the peer allows)
//         or "any" for code without an ISA level (libm loop, memcpy)
//   IMPL  vact_fast is vact's fast tier (vact_NAME_fast_f32 / _fast_backward_f32)
//   SIZE  n for elementwise functions, ROWSxCOLS for row-wise ones, ROWSxCHANNELS for prelu,
//         then the input distribution of x: no suffix = uniform [-10, 10],
//         ".n" = normal (mean 0, sigma 2); e.g. 4096, 4096.n, 4x4000.n, 64x64.n
//         (dy is uniform [-1, 1] and the softmax-family backward inputs p / log p
//         are the same for both, so softmax/log_softmax bwd run uniform only)
// scripts/bench_report.py parses exactly this.
#ifndef VACT_BENCH_COMMON_H
#define VACT_BENCH_COMMON_H

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "vact.h"
#include "../src/common/functions.h"

namespace vb {

// Options of one run (parsed in bench_main.cc before Google Benchmark's own flags).
struct Config {
    bool full = false;       // --full: every function at 16M, scalar at 16M, big row batches
    std::string peer_isa;    // --peer_isa=avx2: cap oneDNN / XNNPACK (process-wide) and register only them
    bool peers_only = false; // set with peer_isa
    bool vact_at_peer_isa = false; // --vact_at_peer_isa: with peer_isa, also vact's, SLEEF's and
                                   // Eigen's rows of that ISA (one process for the whole comparison)
    std::string skip_isa;    // --vb_skip_isa=avx2: register no row of that ISA (the report's
                             // pass 1 on an AVX-512 machine, whose pass 2 runs them all)
};
const Config &config();

// Input distributions of x (the SIZE suffix above).
enum Dist : int { kUniform = 0, kNormal = 1 };
// The distributions run at n elements: uniform always; normal at n = 4096 in
// quick mode, at every size with --full (16-bit variants: normal only with --full).
std::vector<Dist> dists(size_t n, bool t16 = false);
const char *dist_suffix(Dist d); // "" or ".n"

// Sizes of the suite.
std::vector<size_t> elementwise_sizes();              // 16, 256, 4096, 65536 (+16M, see big_ok)
constexpr size_t kBig = size_t(1) << 24;               // 16M
bool big_ok(const std::string &func, const std::string &isa); // 16M for this function/ISA in this mode?
bool size_ok(size_t n, const std::string &isa);                // elementwise size n for this ISA in this mode?
struct Rows {
    size_t rows, cols;
    Dist dist = kUniform; // of x
};
std::vector<Rows> row_sizes();   // softmax family and glu: rows of 1000 and 4000 (normal: 4x4000, --full: all)
std::vector<Rows> prelu_sizes(); // prelu: 64 channels, n and distributions as elementwise
std::string size_token(size_t n, Dist d = kUniform);
std::string size_token(Rows r);

// Inputs, allocated once per element count and distribution and reused (64-byte aligned).
// x uniform in [-10, 10] (kUniform) or normal with mean 0 and sigma 2 (kNormal);
// the rest the same for both: dy uniform in [-1, 1], p a positive "probability" row
// (softmax backward input), lp = log of p (log_softmax backward input),
// alpha a per-channel slope; y/dx/aux outputs.
struct Bufs {
    float *x, *dy, *p, *lp, *y, *dx, *aux;
    size_t n;
};
const Bufs &bufs(size_t n, Dist d = kUniform);
// The same x and dy rounded to bf16 (bf = true) or f16, and 16-bit outputs.
struct Bufs16 {
    uint16_t *x, *dy, *y, *dx;
    size_t n;
};
const Bufs16 &bufs16(size_t n, bool bf, Dist d = kUniform);
// "nan_out" of a 16-bit output (as mark_nan_output)
inline void mark_nan_output16(benchmark::State &st, const uint16_t *out, size_t n, bool bf) {
    size_t m = n < 64 ? n : 64, nan = 0;
    for (size_t i = 0; i < m; ++i) nan += bf ? (out[i] & 0x7fff) > 0x7f80 : (out[i] & 0x7fff) > 0x7c00;
    st.counters["nan_out"] = (m > 0 && nan == m) ? 1.0 : 0.0;
}
extern const float kPreluAlpha[64];

// Calibrated TSC frequency in Hz (measured once at start-up against CLOCK_MONOTONIC).
double tsc_hz();

// Thread CPU time in seconds.
double thread_cpu_seconds();

// Timed loop + counters: items_per_second (elements/s), bytes_per_second,
// cpe (cycles per element = thread CPU time per element x the calibrated TSC
// frequency: TSC reference cycles, not core cycles when the core turbos).
template <class F>
inline void timed(benchmark::State &st, size_t elems, size_t bytes_per_elem, const char *isa, F &&f) {
    const double c0 = thread_cpu_seconds();
    for (auto _ : st) {
        f();
        benchmark::ClobberMemory();
    }
    const double c1 = thread_cpu_seconds();
    const double it = double(st.iterations());
    st.SetItemsProcessed(int64_t(it * double(elems)));
    st.SetBytesProcessed(int64_t(it * double(elems) * double(bytes_per_elem)));
    st.counters["cpe"] = benchmark::Counter((c1 - c0) * tsc_hz() / (it * double(elems)));
    st.SetLabel(isa);
}

// Two functions over the same elements, a and b, called alternately (each
// iteration one call of each, which first alternating), so that both see the
// machine's memory in the same state: at n = 16M the memory bandwidth of the
// shared machine drifts by up to 40% over seconds, which separate benchmarks
// of a and b (run seconds apart) take into their ratio. Counters: "ratio" =
// the median over the iterations of time(b) / time(a) (a's speed over b's),
// "a_ips" and "b_ips" = a's and b's elements/s (each over its own calls' time).
template <class A, class B>
inline void paired(benchmark::State &st, size_t elems, const char *isa, A &&a, B &&b) {
    using clk = std::chrono::steady_clock;
    std::vector<double> r;
    double ta = 0, tb = 0;
    bool afirst = true;
    for (auto _ : st) {
        clk::time_point t0, t1, t2;
        if (afirst) {
            t0 = clk::now(); a(); benchmark::ClobberMemory();
            t1 = clk::now(); b(); benchmark::ClobberMemory();
            t2 = clk::now();
        } else {
            t0 = clk::now(); b(); benchmark::ClobberMemory();
            t1 = clk::now(); a(); benchmark::ClobberMemory();
            t2 = clk::now();
        }
        const double d1 = std::chrono::duration<double>(t1 - t0).count();
        const double d2 = std::chrono::duration<double>(t2 - t1).count();
        const double da = afirst ? d1 : d2, db = afirst ? d2 : d1;
        ta += da, tb += db;
        if (da > 0) r.push_back(db / da);
        afirst = !afirst;
    }
    std::sort(r.begin(), r.end());
    const size_t m = r.size();
    st.counters["ratio"] = m ? (m % 2 ? r[m / 2] : (r[m / 2 - 1] + r[m / 2]) / 2) : 0.0;
    st.counters["b_ips"] = tb > 0 ? double(st.iterations()) * double(elems) / tb : 0.0;
    st.counters["a_ips"] = ta > 0 ? double(st.iterations()) * double(elems) / ta : 0.0;
    st.SetLabel(isa);
}

// vact's bf16 (bf) or f16 function NAME at its default parameters, for the
// peers' paired 16M rows (IMPL "PEER_pair": paired() with a = vact's call at
// the peer's ISA, b = the peer's, so "ratio" is vact's speed over the peer's);
// null if vact has no such function. vact_select_isa: vact_isa_select by name.
using Fwd16 = void (*)(size_t, const uint16_t *, uint16_t *);
using Bwd16 = void (*)(size_t, const uint16_t *, const uint16_t *, uint16_t *);
Fwd16 vact_fwd16(const std::string &name, bool bf);
Bwd16 vact_bwd16(const std::string &name, bool bf);
bool vact_select_isa(const std::string &isa);

// Counter "nan_out" = 1 when the first (up to 64) outputs are all NaN: the
// function is still a placeholder, its speed means nothing (the report says so).
inline void mark_nan_output(benchmark::State &st, const float *out, size_t n) {
    size_t m = n < 64 ? n : 64, nan = 0;
    for (size_t i = 0; i < m; ++i) nan += out[i] != out[i];
    st.counters["nan_out"] = (m > 0 && nan == m) ? 1.0 : 0.0;
}

// Register FUNC/DIR/IMPL/ISA/SIZE with a body taking the State. `group`:
// the function whose comparison group it runs in under --vb_shuffle (default
// FUNC without its ".bf16" / ".f16" suffix; an expression names the built-in
// it is compared with).
void add(const std::string &func, const std::string &dir, const std::string &impl,
         const std::string &isa, const std::string &size, std::function<void(benchmark::State &)> body,
         const std::string &group = "");

// Parameters of the parametrised functions: the defaults of the function list
// (src/common/functions.def), kDefault_NAME[slot]; vact and the peers use the same.
#define VACT_EW(name, P, F, U, S, R) constexpr float kDefault_##name[2] = {VACT_P_DEF1(P), VACT_P_DEF2(P)};
#include "../src/common/functions.def"
constexpr float kLeaky = kDefault_leaky_relu[0], kElu = kDefault_elu[0], kSwishBeta = kDefault_swish[0];

// An elementwise peer's kernels (backward may be null), and the shared
// registration / single-call loops over a table of them (bench_main.cc).
using PeerFwd = void (*)(size_t, const float *, float *);
using PeerBwd = void (*)(size_t, const float *, const float *, float *);
struct PeerFn {
    const char *name;
    PeerFwd fwd;
    PeerBwd bwd; // may be null
};
void register_peer_table(const PeerFn *tbl, size_t count, const char *impl, vact_isa isa, const char *isa_name);
const char *run_peer_table(const PeerFn *tbl, size_t count, vact_isa isa, const char *isa_name,
                           const std::string &func, bool bwd, size_t n, const float *x, const float *dy,
                           float *out);

// Bytes moved per element.
constexpr size_t kFwdBytes = 8;  // read x, write y
constexpr size_t kBwdBytes = 12; // read x (or y), read dy, write dx
constexpr size_t kFwdBytes16 = 4; // the same in bf16 / f16 (FUNC "NAME.bf16", "NAME.f16")
constexpr size_t kBwdBytes16 = 6;

// Peer registration (each defined in its own file, a no-op stub when the
// package was not found at configure time).
void register_vact();
void register_libm();
void register_machine_avx512();
void register_machine_avx2();
void register_roofline();
void register_sleef_avx2();
void register_sleef_avx512();
void register_eigen_avx2();
void register_eigen_avx512();
void register_onednn();
void register_xnnpack();
// Called before anything else when --peer_isa is given (XNNPACK needs the cap
// before its initialisation).
void cap_xnnpack(const std::string &isa);
void cap_onednn(const std::string &isa);

// Accuracy entry points (vact_peer_accuracy, peer_accuracy.cc): run FUNC of one
// implementation once on n floats, forward (x -> out) or backward (x, dy -> out),
// with the parameters above. vact runs at its active ISA, the peers at AVX-512
// (oneDNN / XNNPACK at their best ISA). Returns the ISA label, or nullptr when
// the implementation lacks FUNC/DIR (or was not built: stubs in bench_stubs.cc).
using PeerRun = const char *(*)(const std::string &func, bool bwd, size_t n, const float *x, const float *dy,
                                float *out);
const char *run_vact(const std::string &func, bool bwd, size_t n, const float *x, const float *dy, float *out);
// vact's fast tier at the active ISA (nullptr: FUNC has no fast tier)
const char *run_vact_fast(const std::string &func, bool bwd, size_t n, const float *x, const float *dy, float *out);
const char *run_onednn(const std::string &func, bool bwd, size_t n, const float *x, const float *dy, float *out);
const char *run_xnnpack(const std::string &func, bool bwd, size_t n, const float *x, const float *dy, float *out);
const char *run_sleef_avx512(const std::string &func, bool bwd, size_t n, const float *x, const float *dy,
                             float *out);
const char *run_eigen_avx512(const std::string &func, bool bwd, size_t n, const float *x, const float *dy,
                             float *out);
const char *run_sleef_avx2(const std::string &func, bool bwd, size_t n, const float *x, const float *dy, float *out);
const char *run_eigen_avx2(const std::string &func, bool bwd, size_t n, const float *x, const float *dy, float *out);
const char *run_libm(const std::string &func, bool bwd, size_t n, const float *x, const float *dy, float *out);

} // namespace vb

#endif
