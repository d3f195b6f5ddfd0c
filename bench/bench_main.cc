// vact benchmark suite: driver, sizes, buffers, TSC calibration.
//
//   vact_bench [--full] [--peer_isa=avx2 [--vact_at_peer_isa]] [--vb_shuffle=SEED]
//              [--vb_skip_isa=ISA] [Google Benchmark flags]
//
// Default ("quick") mode runs every function at n = 16, 256, 4096, 65536 on
// every SIMD ISA (scalar only at 4096), 16M for a subset (see big_ok) and
// rows of 1000 and 4000, each for >= 0.03 s, x uniform in [-10, 10], and again
// with x normal (sigma 2) at n = 4096 / rows of 4000 / prelu 64x64; --full adds
// scalar at every size, 16M for everything, bigger row batches, both
// distributions at every size and 0.2 s per run. --peer_isa=avx2 (or the
// environment variable VACT_BENCH_PEER_ISA) caps the peers whose ISA is a
// process-wide choice (oneDNN, XNNPACK) and registers only them; the report
// script runs that as a second pass (with ONEDNN_MAX_CPU_ISA=AVX2 as well).
// --vact_at_peer_isa adds every other row of that ISA (vact, SLEEF, Eigen)
// to the pass, so both sides of an AVX2 comparison come from one process
// (16M rows moved by 15-25% between processes, with the memory placement).
// --vb_shuffle=SEED (SEED > 0) runs the benchmarks in comparison groups
// (function, direction, size: every implementation, ISA and 16-bit type of
// one report row), the groups and the members of each in an order drawn
// from SEED; see register_all. --vb_skip_isa=avx2 leaves out every row of
// that ISA (the report's pass 1 on an AVX-512 machine: its pass 2 runs them).
#include "bench_common.h"

#include <vact.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <random>
#include <set>

#include <time.h>

#if defined(__x86_64__) || defined(__i386__)
#include <x86intrin.h>
#define VB_HAVE_TSC 1
#else
#define VB_HAVE_TSC 0
#endif

namespace vb {

namespace {
Config g_config;

float *alloc_floats(size_t n) {
    size_t bytes = ((n * sizeof(float)) + 63) / 64 * 64;
    void *p = std::aligned_alloc(64, bytes == 0 ? 64 : bytes);
    if (!p) {
        std::fprintf(stderr, "vact_bench: out of memory (%zu floats)\n", n);
        std::exit(2);
    }
    return static_cast<float *>(p);
}

// xorshift-based uniform floats (fast enough for 16M elements)
struct Rng {
    uint64_t s;
    explicit Rng(uint64_t seed) : s(seed) {}
    float uniform(float lo, float hi) {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        return lo + (hi - lo) * float(double(s >> 40) / double(uint64_t(1) << 24));
    }
    // Box-Muller: mean 0, standard deviation sigma (|x| < 5.8 sigma with 24-bit uniforms)
    float normal(float sigma) {
        const double u1 = (double(next24()) + 1.0) / double(uint64_t(1) << 24); // (0, 1]
        const double u2 = double(next24()) / double(uint64_t(1) << 24);
        return float(double(sigma) * std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2));
    }
    uint64_t next24() {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        return s >> 40;
    }
};

double g_tsc_hz = 0;

[[maybe_unused]] double calibrate_tsc() { // unused in vact_peer_accuracy (VB_NO_MAIN)
#if VB_HAVE_TSC
    // Both clocks are wall clocks, so preemption during the interval cancels out.
    using clk = std::chrono::steady_clock;
    auto t0 = clk::now();
    uint64_t c0 = __rdtsc();
    while (clk::now() - t0 < std::chrono::milliseconds(50)) {
    }
    uint64_t c1 = __rdtsc();
    auto t1 = clk::now();
    return double(c1 - c0) / std::chrono::duration<double>(t1 - t0).count();
#else
    return 1e9; // no TSC: "cpe" is then nanoseconds per element
#endif
}
} // namespace

const Config &config() { return g_config; }

double tsc_hz() { return g_tsc_hz; }

double thread_cpu_seconds() {
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + 1e-9 * double(ts.tv_nsec);
}

const float kPreluAlpha[64] = {
    0.01f, 0.02f, 0.03f, 0.04f, 0.05f, 0.06f, 0.07f, 0.08f, 0.09f, 0.10f, 0.11f, 0.12f, 0.13f,
    0.14f, 0.15f, 0.16f, 0.17f, 0.18f, 0.19f, 0.20f, 0.21f, 0.22f, 0.23f, 0.24f, 0.25f, 0.26f,
    0.27f, 0.28f, 0.29f, 0.30f, 0.31f, 0.32f, 0.33f, 0.34f, 0.35f, 0.36f, 0.37f, 0.38f, 0.39f,
    0.40f, 0.41f, 0.42f, 0.43f, 0.44f, 0.45f, 0.46f, 0.47f, 0.48f, 0.49f, 0.50f, 0.51f, 0.52f,
    0.53f, 0.54f, 0.55f, 0.56f, 0.57f, 0.58f, 0.59f, 0.60f, 0.61f, 0.62f, 0.63f, 0.64f};

const Bufs &bufs(size_t n, Dist d) {
    // The arrays live until exit (freed by the pool's destructors).
    using FreeFn = void (*)(void *);
    static std::vector<std::unique_ptr<float, FreeFn>> arrays;
    static std::map<std::pair<size_t, Dist>, std::unique_ptr<Bufs>> pool;
    auto alloc_floats = [](size_t m) {
        float *p = vb::alloc_floats(m);
        arrays.emplace_back(p, std::free);
        return p;
    };
    auto it = pool.find({n, d});
    if (it != pool.end()) return *it->second;
    auto b = std::make_unique<Bufs>();
    b->n = n;
    b->x = alloc_floats(n);
    b->dy = alloc_floats(n);
    b->p = alloc_floats(n);
    b->lp = alloc_floats(n);
    b->y = alloc_floats(n);
    b->dx = alloc_floats(n);
    b->aux = alloc_floats(n);
    // dy, p and lp are the same for both distributions (one stream), x of the
    // normal distribution comes from a second stream
    Rng r(0x9e3779b97f4a7c15ull ^ n), rn(0xd1b54a32d192ed03ull ^ n);
    for (size_t i = 0; i < n; ++i) {
        const float xu = r.uniform(-10.0f, 10.0f);
        b->x[i] = d == kNormal ? rn.normal(2.0f) : xu;
        b->dy[i] = r.uniform(-1.0f, 1.0f);
        float q = r.uniform(0.5f, 1.5f) / 1000.0f; // ~ a softmax row of ~1000
        b->p[i] = q;
        b->lp[i] = std::log(q);
        b->y[i] = 0.0f;
        b->dx[i] = 0.0f;
        b->aux[i] = 0.0f;
    }
    const Bufs &ref = *b;
    pool.emplace(std::make_pair(n, d), std::move(b));
    return ref;
}

const Bufs16 &bufs16(size_t n, bool bf, Dist d) {
    static std::map<std::pair<size_t, int>, std::unique_ptr<Bufs16, void (*)(Bufs16 *)>> pool;
    const int key = int(bf) | (int(d) << 1);
    auto it = pool.find({n, key});
    if (it != pool.end()) return *it->second;
    auto del = [](Bufs16 *b) {
        std::free(b->x);
        std::free(b->dy);
        std::free(b->y);
        std::free(b->dx);
        delete b;
    };
    std::unique_ptr<Bufs16, void (*)(Bufs16 *)> b(new Bufs16{}, del);
    auto alloc = [](size_t m) {
        size_t bytes = (m * sizeof(uint16_t) + 63) / 64 * 64;
        void *p = std::aligned_alloc(64, bytes == 0 ? 64 : bytes);
        if (!p) {
            std::fprintf(stderr, "vact_bench: out of memory (%zu halves)\n", m);
            std::exit(2);
        }
        std::memset(p, 0, bytes);
        return static_cast<uint16_t *>(p);
    };
    b->n = n;
    b->x = alloc(n);
    b->dy = alloc(n);
    b->y = alloc(n);
    b->dx = alloc(n);
    const Bufs &f = bufs(n, d);
    if (bf) {
        vact_f32_to_bf16(n, f.x, b->x);
        vact_f32_to_bf16(n, f.dy, b->dy);
    } else {
        vact_f32_to_f16(n, f.x, b->x);
        vact_f32_to_f16(n, f.dy, b->dy);
    }
    const Bufs16 &ref = *b;
    pool.emplace(std::make_pair(n, key), std::move(b));
    return ref;
}

std::vector<size_t> elementwise_sizes() { return {16, 256, 4096, 65536, kBig}; }

std::vector<Dist> dists(size_t n, bool t16) {
    if (g_config.full || (n == 4096 && !t16)) return {kUniform, kNormal};
    return {kUniform};
}

const char *dist_suffix(Dist d) { return d == kNormal ? ".n" : ""; }

bool size_ok(size_t n, const std::string &isa) {
    // quick mode: the scalar code (vact's fallback) only at n = 4096
    return g_config.full || isa != "scalar" || n == 4096;
}

bool big_ok(const std::string &func, const std::string &isa) {
    if (g_config.full) return true;
    if (isa == "scalar" || isa == "any") return func == "memcpy";
    static const std::set<std::string> subset = {"sigmoid", "tanh", "relu", "gelu", "silu",
                                                  "exponential", "memcpy"};
    return subset.count(func) != 0;
}

std::vector<Rows> row_sizes() {
    // normal: the report's row size (4 x 4000) in quick mode, every size with --full
    if (g_config.full)
        return {{16, 1000}, {4, 4000}, {256, 1000}, {64, 4000},
                {16, 1000, kNormal}, {4, 4000, kNormal}, {256, 1000, kNormal}, {64, 4000, kNormal}};
    return {{16, 1000}, {4, 4000}, {4, 4000, kNormal}};
}

std::vector<Rows> prelu_sizes() {
    std::vector<Rows> v;
    for (size_t n : elementwise_sizes()) {
        if (n < 64) continue;
        if (n == kBig && !g_config.full) continue;
        for (Dist d : dists(n)) v.push_back({n / 64, 64, d});
    }
    v.push_back({4096, 1}); // one alpha shared by every element (PyTorch's nn.PReLU() default)
    return v;
}

std::string size_token(size_t n, Dist d) { return std::to_string(n) + dist_suffix(d); }
std::string size_token(Rows r) { return std::to_string(r.rows) + "x" + std::to_string(r.cols) + dist_suffix(r.dist); }

// Every benchmark goes through add(), which keeps it until register_all():
// in this order, or with --vb_shuffle=SEED in rounds of comparison groups.
struct Entry {
    std::string name, group;
    std::function<void(benchmark::State &)> body;
};
std::vector<Entry> g_entries;

void add(const std::string &func, const std::string &dir, const std::string &impl, const std::string &isa,
         const std::string &size, std::function<void(benchmark::State &)> body, const std::string &group) {
    if (!g_config.skip_isa.empty() && isa == g_config.skip_isa) return;
    // the group: the function without its type suffix (".bf16", ".f16") or
    // the caller's, the direction and the size, so that one group holds every
    // implementation, ISA and type that the report compares in a row
    std::string base = group.empty() ? func.substr(0, func.find('.')) : group;
    g_entries.push_back({func + "/" + dir + "/" + impl + "/" + isa + "/" + size, base + "/" + dir + "/" + size,
                         std::move(body)});
}

// seed 0: the order of add(). Else the groups in a random order, each group's
// benchmarks one after another in a random order: with one repetition per
// process and a new seed per round (scripts/bench_report.sh), the benchmarks a
// ratio compares run seconds apart, so a burst of load from other jobs hits
// both sides of most ratios alike, and no implementation always runs first.
void register_all(unsigned seed) {
    std::vector<size_t> order(g_entries.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    if (seed) {
        std::mt19937 rng(seed);
        std::map<std::string, std::vector<size_t>> groups;
        std::vector<std::string> names;
        for (size_t i = 0; i < g_entries.size(); ++i) {
            auto &g = groups[g_entries[i].group];
            if (g.empty()) names.push_back(g_entries[i].group);
            g.push_back(i);
        }
        std::shuffle(names.begin(), names.end(), rng);
        order.clear();
        for (const std::string &n : names) {
            std::vector<size_t> &g = groups[n];
            std::shuffle(g.begin(), g.end(), rng);
            order.insert(order.end(), g.begin(), g.end());
        }
    }
    for (size_t i : order) {
        auto body = g_entries[i].body;
        benchmark::RegisterBenchmark(g_entries[i].name.c_str(), [body](benchmark::State &st) { body(st); })
            ->Unit(benchmark::kMicrosecond);
    }
}

// ---- the DRAM / cache roofline: memcpy of the bytes a forward moves ------
void register_roofline() {
    if (!g_config.peer_isa.empty()) return;
    std::set<size_t> sizes;
    for (size_t n : elementwise_sizes())
        if (n != kBig || big_ok("memcpy", "any")) sizes.insert(n);
    for (Rows r : row_sizes()) sizes.insert(r.rows * r.cols); // roofline of the row-wise functions
    for (size_t n : sizes) {
        add("memcpy", "fwd", "roofline", "any", size_token(n), [n](benchmark::State &st) {
            const Bufs &b = bufs(n);
            timed(st, n, kFwdBytes, "any", [&] { std::memcpy(b.y, b.x, n * sizeof(float)); });
        });
    }
}

} // namespace vb

namespace vb {

void register_peer_table(const PeerFn *tbl, size_t count, const char *impl, vact_isa isa, const char *isa_name) {
    if (config().peers_only && !(config().vact_at_peer_isa && config().peer_isa == isa_name)) return;
    if (!vact_isa_supported(isa)) return;
    for (size_t i = 0; i < count; i++) {
        const PeerFn &f = tbl[i];
        for (size_t n : elementwise_sizes()) {
            if (n == kBig && !big_ok(f.name, isa_name)) continue;
            PeerFwd fwd = f.fwd;
            PeerBwd bwd = f.bwd;
            for (Dist d : dists(n)) {
                add(f.name, "fwd", impl, isa_name, size_token(n, d), [=](benchmark::State &st) {
                    const Bufs &b = bufs(n, d);
                    timed(st, n, kFwdBytes, isa_name, [&] { fwd(n, b.x, b.y); });
                });
                if (bwd)
                    add(f.name, "bwd", impl, isa_name, size_token(n, d), [=](benchmark::State &st) {
                        const Bufs &b = bufs(n, d);
                        timed(st, n, kBwdBytes, isa_name, [&] { bwd(n, b.x, b.dy, b.dx); });
                    });
            }
        }
    }
}

const char *run_peer_table(const PeerFn *tbl, size_t count, vact_isa isa, const char *isa_name,
                           const std::string &func, bool bwd, size_t n, const float *x, const float *dy,
                           float *out) {
    if (!vact_isa_supported(isa)) return nullptr;
    for (size_t i = 0; i < count; i++) {
        const PeerFn &f = tbl[i];
        if (func != f.name) continue;
        if (bwd && !f.bwd) return nullptr;
        if (bwd)
            f.bwd(n, x, dy, out);
        else
            f.fwd(n, x, out);
        return isa_name;
    }
    return nullptr;
}

} // namespace vb

#if !defined(VB_NO_MAIN) // vact_peer_accuracy reuses the helpers above with its own main
int main(int argc, char **argv) {
    using vb::g_config;
    std::vector<char *> args;
    bool have_min_time = false;
    unsigned shuffle_seed = 0;
    for (int i = 0; i < argc; ++i) {
        const char *a = argv[i];
        if (i > 0 && std::strcmp(a, "--full") == 0) {
            g_config.full = true;
            continue;
        }
        if (i > 0 && std::strcmp(a, "--vact_at_peer_isa") == 0) {
            g_config.vact_at_peer_isa = true;
            continue;
        }
        if (i > 0 && std::strncmp(a, "--vb_shuffle=", 13) == 0) {
            shuffle_seed = unsigned(std::strtoul(a + 13, nullptr, 10));
            continue;
        }
        if (i > 0 && std::strncmp(a, "--vb_skip_isa=", 14) == 0) {
            g_config.skip_isa = a + 14;
            continue;
        }
        if (i > 0 && std::strncmp(a, "--peer_isa=", 11) == 0) {
            g_config.peer_isa = a + 11;
            continue;
        }
        if (std::strncmp(a, "--benchmark_min_time", 20) == 0) have_min_time = true;
        args.push_back(argv[i]);
    }
    if (g_config.peer_isa.empty()) {
        const char *e = std::getenv("VACT_BENCH_PEER_ISA");
        if (e && *e) g_config.peer_isa = e;
    }
    g_config.peers_only = !g_config.peer_isa.empty();
    static char quick_min[] = "--benchmark_min_time=0.03";
    static char full_min[] = "--benchmark_min_time=0.2";
    if (!have_min_time) args.push_back(g_config.full ? full_min : quick_min);
    int ac = int(args.size());
    args.push_back(nullptr);
    benchmark::Initialize(&ac, args.data());
    if (benchmark::ReportUnrecognizedArguments(ac, args.data())) return 1;

    vb::g_tsc_hz = vb::calibrate_tsc();
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4f", vb::g_tsc_hz / 1e9);
    benchmark::AddCustomContext("tsc_ghz", buf);
    benchmark::AddCustomContext("cpe_definition",
                                VB_HAVE_TSC ? "thread CPU time per element x calibrated TSC frequency (TSC reference cycles)"
                                            : "nanoseconds per element (no TSC)");
    std::string isas;
    for (vact_isa i : {VACT_ISA_SCALAR, VACT_ISA_AVX2, VACT_ISA_AVX512, VACT_ISA_NEON})
        if (vact_isa_supported(i)) isas += std::string(isas.empty() ? "" : ",") + vact_isa_name(i);
    benchmark::AddCustomContext("vact_isas", isas);
    benchmark::AddCustomContext("mode", g_config.full ? "full" : "quick");
    benchmark::AddCustomContext("peer_isa_cap", g_config.peer_isa.empty() ? "none" : g_config.peer_isa);

    if (!g_config.peer_isa.empty()) {
        vb::cap_xnnpack(g_config.peer_isa);
        vb::cap_onednn(g_config.peer_isa);
    }
    vb::register_vact();
    vb::register_onednn();
    vb::register_xnnpack();
    vb::register_sleef_avx512();
    vb::register_sleef_avx2();
    vb::register_eigen_avx512();
    vb::register_eigen_avx2();
    vb::register_libm();
    vb::register_roofline();
    vb::register_machine_avx512();
    vb::register_machine_avx2();
    vb::register_all(shuffle_seed);

    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
#endif
