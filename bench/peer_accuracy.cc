// vact_peer_accuracy: max ULP error of vact and of each peer the suite was
// built with, next to the speed figures of vact_bench (bench/README.md).
//
//   vact_peer_accuracy [--csv FILE]
//
// Prints a markdown table; --csv also writes one line per (function, dir,
// peer, peer ISA): func,dir,impl,isa,max_ulp,max_ulp_normal,nan, with impl
// "vact" for vact itself (isa = its best ISA), read by scripts/bench_report.py
// to name the fastest peer that holds docs/contract.md's bounds.
//
// Same peer code as the benchmark (run_* in bench_*.cc), same parameters.
// vact runs at its best ISA, oneDNN/XNNPACK at their
// best ISA (the benchmark's AVX2 pass caps them; their code at AVX2 is taken
// to be as accurate, which is not measured here), SLEEF/Eigen at AVX-512 and
// at AVX2, the libm loop. Inputs (finite only, about 1.3M): a stride over all float bit
// patterns, plus dense grids over [-20, 20] and [-100, -80]. Backward uses
// dy = 1. The reference is tests/support/ref.c (double, stable formulas); the error is
// |y - r| / ulp(r), ulp(r) = 2^(max(floor(log2|r|), -126) - 23), inf counted as
// 2^128 (derivatives crossing zero away from 0: ulp(max(|r|, 2^-4)), as in
// tests/test_ulp.c). NaN outputs for finite inputs are counted separately (not in the max).
#include "bench_common.h"

#include <vact.h>

extern "C" {
#include "vact_ref.h" // tests/support (vact_testsupport)
}

#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace {

struct Peer {
    const char *name;
    vb::PeerRun run;
};

const Peer kPeers[] = {
    {"onednn", vb::run_onednn},
    {"xnnpack", vb::run_xnnpack},
    {"sleef", vb::run_sleef_avx512},
    {"sleef", vb::run_sleef_avx2},
    {"eigen", vb::run_eigen_avx512},
    {"eigen", vb::run_eigen_avx2},
    {"libm", vb::run_libm},
};

struct Fn {
    const char *name; // vact name = ref name
    double p0;        // parameter as the suite uses it
};
const Fn kFns[] = {
    {"sigmoid", 0},  {"tanh", 0},     {"elu", vb::kElu}, {"silu", 0},       {"swish", vb::kSwishBeta},
    {"gelu", 0},     {"gelu_tanh", 0}, {"softplus", 0},  {"mish", 0},       {"hard_swish", 0},
    {"exponential", 0}, {"relu", 0},     {"relu6", 0},      {"leaky_relu", vb::kLeaky}, {"hard_tanh", 0},
    {"log_sigmoid", 0},
};

std::vector<float> make_inputs() {
    std::vector<float> x;
    x.reserve(1400000);
    const uint64_t stride = 4099; // ~1.05M bit patterns spread over all 2^32
    for (uint64_t b = 0; b < (uint64_t(1) << 32); b += stride) {
        uint32_t u = uint32_t(b);
        float f;
        std::memcpy(&f, &u, sizeof f);
        if (std::isfinite(f)) x.push_back(f);
    }
    for (int i = 0; i <= 200000; ++i) x.push_back(float(-20.0 + 40.0 * i / 200000.0));
    for (int i = 0; i <= 50000; ++i) x.push_back(float(-100.0 + 20.0 * i / 50000.0));
    return x;
}

struct Err {
    double max = 0, max_normal = 0; // all results / results whose reference is normal
    float at = 0;
    size_t nan = 0;
};

// floor: derivatives that cross zero away from x = 0 (VACT_FLOOR in functions.def) are
// measured in ulp(max(|r|, 2^-4)) as tests/test_ulp.c does.
// kink: the backward of a piecewise-linear function may take either one-sided
// value at a kink (docs/contract.md), so the error there is the smaller of the two.
Err measure(const std::vector<float> &x, const std::vector<float> &y, const std::vector<double> &r, bool floor,
            ref_f kink = nullptr, const double *prm = nullptr) {
    Err e;
    for (size_t i = 0; i < x.size(); ++i) {
        if (std::isnan(y[i])) {
            ++e.nan;
            continue;
        }
        if (std::isnan(r[i])) continue;
        double d = ref_err(y[i], r[i], floor ? std::fmax(std::fabs(r[i]), 0.0625) : r[i]);
        if (kink && d > 0) {
            const double lo = kink(std::nextafter(double(x[i]), -INFINITY), prm);
            const double hi = kink(std::nextafter(double(x[i]), INFINITY), prm);
            d = std::fmin(d, std::fmin(ref_err(y[i], lo, lo), ref_err(y[i], hi, hi)));
        }
        if (std::fabs(r[i]) >= 0x1p-126 && d > e.max_normal) e.max_normal = d;
        if (d > e.max) {
            e.max = d;
            e.at = x[i];
        }
    }
    return e;
}

std::string fmt(const Err &e) {
    char b[96];
    if (e.max == 0)
        std::snprintf(b, sizeof b, "0");
    else
        std::snprintf(b, sizeof b, "%.3g @ %.9g", e.max, double(e.at));
    return b;
}

} // namespace

int main(int argc, char **argv) {
    FILE *csv = nullptr;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--csv") == 0 && i + 1 < argc) {
            csv = std::fopen(argv[++i], "w");
            if (!csv) {
                std::perror(argv[i]);
                return 1;
            }
            std::fprintf(csv, "func,dir,impl,isa,max_ulp,max_ulp_normal,nan\n");
        } else {
            std::fprintf(stderr, "usage: vact_peer_accuracy [--csv FILE]\n");
            return 2;
        }
    }
    const std::vector<float> x = make_inputs();
    const size_t n = x.size();
    const std::vector<float> dy(n, 1.0f);
    std::vector<float> yv(n), yp(n);
    std::vector<double> r(n);

    const char *vact_isa = vact_isa_name(vact_isa_active());
    std::printf("Peer accuracy: %zu finite inputs (bit-pattern stride + grids on [-20, 20], [-100, -80]), "
                "bwd with dy = 1; max ULP vs tests/support/ref.c (double) @ the x where it occurs; "
                "derivatives crossing zero away from 0 in ulp(max(|r|, 2^-4)) as in test_ulp; "
                "'normal r' = max over references |r| >= 2^-126 (ignores subnormal flushing); "
                "NaN = NaN outputs for finite x (not in the max). vact at %s, peers at AVX-512 where available.\n\n",
                n, vact_isa);
    std::printf("| function | dir | vact max ULP @ x | vact NaN | peer | peer max ULP @ x | peer max ULP, normal r | peer NaN |\n");
    std::printf("|---|---|---|---|---|---|---|---|\n");
    for (const Fn &f : kFns) {
        const ref_fn *rf = ref_find(f.name);
        if (!rf) continue;
        const double prm[2] = {double(float(f.p0)), 0};
        for (int bwd = 0; bwd < 2; ++bwd) {
            const ref_f ref = bwd ? rf->df : rf->f;
            const bool floor = bwd && (rf->flags & VACT_FLOOR);
            const ref_f kink = bwd && (rf->flags & VACT_KINK) ? ref : nullptr;
            // vact first: a peer may change the FP environment (oneDNN's JIT code runs with DAZ/FTZ)
            if (!vb::run_vact(f.name, bwd != 0, n, x.data(), dy.data(), yv.data())) continue;
            for (size_t i = 0; i < n; ++i) r[i] = ref(double(x[i]), prm);
            const Err ev = measure(x, yv, r, floor, kink, prm);
            if (csv)
                std::fprintf(csv, "%s,%s,vact,%s,%.6g,%.6g,%zu\n", f.name, bwd ? "bwd" : "fwd", vact_isa, ev.max,
                             ev.max_normal, ev.nan);
            bool any = false;
            for (const Peer &p : kPeers) {
                const char *pisa = p.run(f.name, bwd != 0, n, x.data(), dy.data(), yp.data());
                if (!pisa) continue;
                const Err ep = measure(x, yp, r, floor, kink, prm);
                if (csv)
                    std::fprintf(csv, "%s,%s,%s,%s,%.6g,%.6g,%zu\n", f.name, bwd ? "bwd" : "fwd", p.name, pisa,
                                 ep.max, ep.max_normal, ep.nan);
                std::printf("| %s | %s | %s | %zu | %s (%s) | %s | %.3g | %zu |\n", f.name, bwd ? "bwd" : "fwd",
                            fmt(ev).c_str(), ev.nan, p.name, pisa, fmt(ep).c_str(), ep.max_normal, ep.nan);
                any = true;
            }
            if (!any) // no peer built for this function and direction
                std::printf("| %s | %s | %s | %zu | - | - | - | - |\n", f.name, bwd ? "bwd" : "fwd", fmt(ev).c_str(),
                            ev.nan);
        }
    }
    if (csv) std::fclose(csv);
    return 0;
}
