// vact_peer_accuracy: max ULP error of vact and of each peer the suite was
// built with, next to the speed figures of vact_bench (bench/README.md).
//
//   vact_peer_accuracy [--csv FILE]
//
// Prints two markdown tables (vact: the accurate tier at the best ISA and the
// fast tier on every ISA, one column each; the peers: one row each, with
// whether they hold the accurate and the fast tier's bounds); --csv also
// writes one line per (function, dir, impl, ISA):
// func,dir,impl,isa,max_ulp,max_ulp_normal,nan,max_ulp_fast, with impl "vact"
// (accurate tier, isa = its best ISA), "vact_fast" (fast tier, one line per
// ISA) or the peer, read by scripts/bench_report.py to name the fastest peer
// that holds docs/contract.md's bounds (and the fastest within the fast tier's).
//
// Same peer code as the benchmark (run_* in bench_*.cc), same parameters.
// vact runs at its best ISA (its fast tier on each ISA, vact_isa_select), oneDNN/XNNPACK at their
// best ISA (the benchmark's AVX2 pass caps them; their code at AVX2 is taken
// to be as accurate, which is not measured here), SLEEF/Eigen at AVX-512 and
// at AVX2, the libm loop. Inputs (finite only, about 1.3M): a stride over all float bit
// patterns, plus dense grids over [-20, 20] and [-100, -80]. Backward uses
// dy = 1. The reference is tests/support/ref.c (double, stable formulas); the error is
// |y - r| / ulp(r), ulp(r) = 2^(max(floor(log2|r|), -126) - 23), inf counted as
// 2^128 (derivatives crossing zero away from 0: ulp(max(|r|, 2^-4)), as in
// tests/test_ulp.c). NaN outputs for finite inputs are counted separately (not in the max).
// max_ulp_fast is the fast tier's metric: ulp of max(|r|, 2^-20) (of
// max(|r|, 2^-4) for those derivatives), as test_ulp's test_fast.
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
    double max_fast = 0;            // in ulp(max(|r|, 2^-20)): the fast tier's metric
    float at = 0;
    size_t nan = 0;
};

// Error of y against r with ulp taken of max(|r|, flo).
// floor: derivatives that cross zero away from x = 0 (VACT_FLOOR in functions.def) are
// measured in ulp(max(|r|, 2^-4)) as tests/test_ulp.c does (both metrics).
// kink: the backward of a piecewise-linear function may take either one-sided
// value at a kink (docs/contract.md), so the error there is the smaller of the two.
double err_at(float x, float y, double r, double flo, ref_f kink, const double *prm) {
    double d = ref_err(y, r, std::fmax(std::fabs(r), flo));
    if (kink && d > 0) {
        const double lo = kink(std::nextafter(double(x), -INFINITY), prm);
        const double hi = kink(std::nextafter(double(x), INFINITY), prm);
        d = std::fmin(d, std::fmin(ref_err(y, lo, std::fmax(std::fabs(lo), flo)),
                                   ref_err(y, hi, std::fmax(std::fabs(hi), flo))));
    }
    return d;
}

Err measure(const std::vector<float> &x, const std::vector<float> &y, const std::vector<double> &r, bool floor,
            ref_f kink = nullptr, const double *prm = nullptr) {
    Err e;
    const double flo = floor ? 0.0625 : 0.0, flo_fast = std::fmax(flo, REF_FAST_FLOOR);
    for (size_t i = 0; i < x.size(); ++i) {
        if (std::isnan(y[i])) {
            ++e.nan;
            continue;
        }
        if (std::isnan(r[i])) continue;
        const double d = err_at(x[i], y[i], r[i], flo, kink, prm);
        if (std::fabs(r[i]) >= 0x1p-126 && d > e.max_normal) e.max_normal = d;
        if (d > e.max) {
            e.max = d;
            e.at = x[i];
        }
        const double df = err_at(x[i], y[i], r[i], flo_fast, kink, prm);
        if (df > e.max_fast) e.max_fast = df;
    }
    return e;
}

// within docs/contract.md's accurate bounds (2 ULP fwd, 4 bwd) / the fast tier's
// (4 fwd, 8 bwd of max(|r|, 2^-20)), no NaN from a finite input
bool ok_accurate(const Err &e, bool bwd) { return e.nan == 0 && e.max <= (bwd ? 4.0 : 2.0); }
bool ok_fast(const Err &e, bool bwd) { return e.nan == 0 && e.max_fast <= (bwd ? REF_FAST_BWD : REF_FAST_FWD); }

std::string fmt(const Err &e) {
    char b[96];
    if (e.max == 0)
        std::snprintf(b, sizeof b, "0");
    else
        std::snprintf(b, sizeof b, "%.3g @ %.9g", e.max, double(e.at));
    return b;
}

// one cell of the vact table: max ULP @ x, [fast metric], NaN count when any
std::string cell(const Err &e, bool fast_tier, bool bwd) {
    char b[64];
    std::string c = fmt(e);
    std::snprintf(b, sizeof b, " [%.3g]", e.max_fast);
    c += b;
    if (e.nan) {
        std::snprintf(b, sizeof b, " NaN %zu", e.nan);
        c += b;
    }
    const bool ok = fast_tier ? ok_fast(e, bwd) : ok_accurate(e, bwd);
    if (!ok) c += " **over**";
    return c;
}

void csv_line(FILE *csv, const char *func, bool bwd, const char *impl, const char *isa, const Err &e) {
    if (csv)
        std::fprintf(csv, "%s,%s,%s,%s,%.6g,%.6g,%zu,%.6g\n", func, bwd ? "bwd" : "fwd", impl, isa, e.max,
                     e.max_normal, e.nan, e.max_fast);
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
            std::fprintf(csv, "func,dir,impl,isa,max_ulp,max_ulp_normal,nan,max_ulp_fast\n");
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

    const vact_isa best = vact_isa_active();
    const char *best_name = vact_isa_name(best);
    std::vector<vact_isa> fast_isas; // the fast tier may differ between ISAs: each one
    for (vact_isa i : {VACT_ISA_SCALAR, VACT_ISA_AVX2, VACT_ISA_AVX512, VACT_ISA_NEON})
        if (vact_isa_supported(i)) fast_isas.push_back(i);

    std::printf("Peer accuracy: %zu finite inputs (bit-pattern stride + grids on [-20, 20], [-100, -80]), "
                "bwd with dy = 1; max ULP vs tests/support/ref.c (double) @ the x where it occurs; "
                "derivatives crossing zero away from 0 in ulp(max(|r|, 2^-4)) as in test_ulp; "
                "[fast] = max ULP of max(|r|, 2^-20), the fast tier's metric; "
                "'normal r' = max over references |r| >= 2^-126 (ignores subnormal flushing); "
                "NaN = NaN outputs for finite x (not in the max). Bounds: accurate tier <= 2 ULP fwd, <= 4 bwd; "
                "fast tier <= 4 fwd, <= 8 bwd in [fast]; both: no NaN from a finite x.\n\n",
                n);
    // measure everything first (vact before the peers: a peer may change the
    // FP environment, oneDNN's JIT code runs with DAZ/FTZ), print two tables
    struct Row {
        std::string func, dir, impl, isa;
        Err e;
        bool bwd;
    };
    std::vector<Row> vrows, prows;
    for (const Fn &f : kFns) {
        const ref_fn *rf = ref_find(f.name);
        if (!rf) continue;
        const double prm[2] = {double(float(f.p0)), 0};
        for (int bwd = 0; bwd < 2; ++bwd) {
            const char *dir = bwd ? "bwd" : "fwd";
            const ref_f ref = bwd ? rf->df : rf->f;
            const bool floor = bwd && (rf->flags & VACT_FLOOR);
            const ref_f kink = bwd && (rf->flags & VACT_KINK) ? ref : nullptr;
            vact_isa_select(best);
            if (!vb::run_vact(f.name, bwd != 0, n, x.data(), dy.data(), yv.data())) continue;
            for (size_t i = 0; i < n; ++i) r[i] = ref(double(x[i]), prm);
            const Err ev = measure(x, yv, r, floor, kink, prm);
            csv_line(csv, f.name, bwd, "vact", best_name, ev);
            vrows.push_back({f.name, dir, "vact", best_name, ev, bwd != 0});
            for (vact_isa fi : fast_isas) {
                vact_isa_select(fi);
                const char *fisa = vb::run_vact_fast(f.name, bwd != 0, n, x.data(), dy.data(), yv.data());
                if (!fisa) break; // no fast tier (piecewise-linear)
                const Err ef = measure(x, yv, r, floor, kink, prm);
                csv_line(csv, f.name, bwd, "vact_fast", fisa, ef);
                vrows.push_back({f.name, dir, "vact_fast", fisa, ef, bwd != 0});
            }
            vact_isa_select(best);
            for (const Peer &p : kPeers) {
                const char *pisa = p.run(f.name, bwd != 0, n, x.data(), dy.data(), yp.data());
                if (!pisa) continue;
                const Err ep = measure(x, yp, r, floor, kink, prm);
                csv_line(csv, f.name, bwd, p.name, pisa, ep);
                prows.push_back({f.name, dir, p.name, pisa, ep, bwd != 0});
            }
        }
    }

    // vact: one row per function and direction, one column per tier / ISA
    std::printf("vact: max ULP @ x [fast metric], NaN count when any, **over** = outside the tier's bounds. "
                "The accurate tier gives the same bits on every ISA (test_ulp), measured at %s; the fast tier "
                "may differ between ISAs, measured on each.\n\n",
                best_name);
    std::printf("| function | dir | vact accurate (%s) |", best_name);
    for (vact_isa fi : fast_isas) std::printf(" vact_fast (%s) |", vact_isa_name(fi));
    std::printf("\n|---|---|---|");
    for (size_t i = 0; i < fast_isas.size(); ++i) std::printf("---|");
    std::printf("\n");
    for (size_t i = 0; i < vrows.size();) {
        const Row &a = vrows[i];
        std::printf("| %s | %s | %s |", a.func.c_str(), a.dir.c_str(), cell(a.e, false, a.bwd).c_str());
        size_t j = i + 1, k = 0;
        for (; k < fast_isas.size(); ++k) {
            if (j < vrows.size() && vrows[j].impl == "vact_fast" && vrows[j].func == a.func && vrows[j].dir == a.dir &&
                vrows[j].isa == vact_isa_name(fast_isas[k]))
                std::printf(" %s |", cell(vrows[j++].e, true, a.bwd).c_str());
            else
                std::printf(" - |");
        }
        std::printf("\n");
        i = j;
    }

    // peers: one row per implementation
    std::printf("\nPeers (oneDNN / XNNPACK at their best ISA, SLEEF / Eigen at AVX-512 and AVX2, the libm loop); "
                "'accurate bounds': <= 2 ULP fwd, <= 4 bwd (the fastest such peer is the report's 'fastest "
                "correct peer'); 'fast bounds': <= 4 fwd, <= 8 bwd of max(|r|, 2^-20).\n\n");
    std::printf("| function | dir | peer | peer max ULP @ x | peer max ULP, normal r | [fast] | peer NaN | "
                "accurate bounds | fast bounds |\n");
    std::printf("|---|---|---|---|---|---|---|---|---|\n");
    for (const Row &p : prows)
        std::printf("| %s | %s | %s (%s) | %s | %.3g | %.3g | %zu | %s | %s |\n", p.func.c_str(), p.dir.c_str(),
                    p.impl.c_str(), p.isa.c_str(), fmt(p.e).c_str(), p.e.max_normal, p.e.max_fast, p.e.nan,
                    ok_accurate(p.e, p.bwd) ? "yes" : "no", ok_fast(p.e, p.bwd) ? "yes" : "no");
    if (prows.empty()) std::printf("| - | - | (no peer built) | - | - | - | - | - | - |\n");
    if (csv) std::fclose(csv);
    return 0;
}
