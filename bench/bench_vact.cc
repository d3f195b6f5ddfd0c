// vact itself: every public function, forward and backward, on every ISA this
// machine supports (vact_isa_select before each benchmark's timed loop).
#include "bench_common.h"

#include <vact.h>

namespace vb {

namespace {

using Fwd = void (*)(size_t, const float *, float *);
using Bwd = void (*)(size_t, const float *, const float *, float *);

struct Elementwise {
    const char *name;
    Fwd fwd;
    Bwd bwd;
    Fwd fast;      // the fast tier (IMPL vact_fast), null for the exact functions
    Bwd fast_bwd;
};

// every elementwise function of src/common/functions.def at its default parameters
#define VB_ARGS_0(nm)
#define VB_ARGS_1(nm) , kDefault_##nm[0]
#define VB_ARGS_2(nm) , kDefault_##nm[0], kDefault_##nm[1]
#define VB_EW_FWD(nm, P, FN)                                                                             \
    [](size_t n, const float *x, float *y) { vact_##FN(n, x, y VACT_CAT(VB_ARGS_, VACT_P_COUNT(P))(nm)); }
#define VB_EW_BWD(nm, P, BN)                                                                             \
    [](size_t n, const float *x, const float *dy, float *dx) {                                           \
        vact_##BN(n, x, dy, dx VACT_CAT(VB_ARGS_, VACT_P_COUNT(P))(nm));                                 \
    }
#define VB_FAST_0(nm, P) nullptr, nullptr
#define VB_FAST_1(nm, P) VB_EW_FWD(nm, P, nm##_fast_f32), VB_EW_BWD(nm, P, nm##_fast_backward_f32)
#define VACT_EW(nm, P, F, U, S, R)                                                                       \
    Elementwise{#nm, VB_EW_FWD(nm, P, nm##_f32), VB_EW_BWD(nm, P, nm##_backward_f32),                    \
                VACT_CAT(VB_FAST_, R)(nm, P)},
const Elementwise kElementwise[] = {
#include "../src/common/functions.def"
};

// and their bf16 / f16 variants (benchmarked as FUNC "NAME.bf16" / "NAME.f16")
struct Elementwise16 {
    const char *name;
    Fwd16 bf16, f16;
    Bwd16 bwd_bf16, bwd_f16;
};
#define VB_T16_FWD(nm, P, T)                                                                                \
    [](size_t n, const uint16_t *x, uint16_t *y) { vact_##nm##_##T(n, x, y VACT_CAT(VB_ARGS_, VACT_P_COUNT(P))(nm)); }
#define VB_T16_BWD(nm, P, T)                                                                                \
    [](size_t n, const uint16_t *x, const uint16_t *dy, uint16_t *dx) {                                     \
        vact_##nm##_backward_##T(n, x, dy, dx VACT_CAT(VB_ARGS_, VACT_P_COUNT(P))(nm));                     \
    }
#define VACT_EW(nm, P, F, U, S, R)                                                                             \
    Elementwise16{#nm, VB_T16_FWD(nm, P, bf16), VB_T16_FWD(nm, P, f16), VB_T16_BWD(nm, P, bf16),           \
                  VB_T16_BWD(nm, P, f16)},
const Elementwise16 kElementwise16[] = {
#include "../src/common/functions.def"
};
static_assert(sizeof kElementwise16 / sizeof *kElementwise16 == sizeof kElementwise / sizeof *kElementwise,
              "kElementwise16 pairs with kElementwise by index");

using RowFwd = void (*)(size_t, size_t, const float *, float *);
using RowBwd = void (*)(size_t, size_t, const float *, const float *, float *);
struct RowWise {
    const char *name;
    RowFwd fwd;
    RowBwd bwd;
    RowFwd fast;   // the fast tier (IMPL vact_fast), null for sparsemax
    RowBwd fast_bwd;
    bool bwd_takes_log; // backward input is the forward's output in log space
    bool glu;           // output is rows x cols/2
};
// every row-wise function of the list; log_softmax's backward reads log-probabilities
constexpr bool is_log(const char *a) {
    const char *b = "log_softmax";
    while (*a && *a == *b) ++a, ++b;
    return *a == *b;
}
const RowWise kRowWise[] = {
#define VB_RFAST_0(nm) nullptr, nullptr
#define VB_RFAST_1(nm) vact_##nm##_fast_f32, vact_##nm##_fast_backward_f32
#define VACT_RW(nm, F, T, R)                                                                             \
    {#nm, vact_##nm##_f32, vact_##nm##_backward_f32, VACT_CAT(VB_RFAST_, R)(nm), is_log(#nm),             \
     ((F) & VACT_RW_HALF) != 0},
#include "../src/common/functions.def"
};

void register_vact_expr(const std::vector<vact_isa> &isas);
} // namespace

Fwd16 vact_fwd16(const std::string &name, bool bf) {
    for (const Elementwise16 &f : kElementwise16)
        if (name == f.name) return bf ? f.bf16 : f.f16;
    return nullptr;
}
Bwd16 vact_bwd16(const std::string &name, bool bf) {
    for (const Elementwise16 &f : kElementwise16)
        if (name == f.name) return bf ? f.bwd_bf16 : f.bwd_f16;
    return nullptr;
}
bool vact_select_isa(const std::string &isa) {
    vact_isa i;
    return vact_isa_from_name(isa.c_str(), &i) == 0 && vact_isa_select(i) == 0;
}

void register_vact() {
    if (config().peers_only && !config().vact_at_peer_isa) return;
    std::vector<vact_isa> isas;
    for (vact_isa i : {VACT_ISA_SCALAR, VACT_ISA_AVX2, VACT_ISA_AVX512, VACT_ISA_NEON})
        if (vact_isa_supported(i) && (!config().peers_only || config().peer_isa == vact_isa_name(i)))
            isas.push_back(i);

    for (const Elementwise &f : kElementwise) {
        for (vact_isa isa : isas) {
            const std::string in = vact_isa_name(isa);
            const char *label = vact_isa_name(isa);
            for (size_t n : elementwise_sizes()) {
                if (!size_ok(n, in) || (n == kBig && !big_ok(f.name, in))) continue;
                for (Dist d : dists(n))
                    for (int tier = 0; tier < 2; ++tier) {
                        Fwd fwd = tier ? f.fast : f.fwd;
                        Bwd bwd = tier ? f.fast_bwd : f.bwd;
                        if (!fwd) continue;
                        const char *impl = tier ? "vact_fast" : "vact";
                        add(f.name, "fwd", impl, in, size_token(n, d), [=](benchmark::State &st) {
                            vact_isa_select(isa);
                            const Bufs &b = bufs(n, d);
                            timed(st, n, kFwdBytes, label, [&] { fwd(n, b.x, b.y); });
                            mark_nan_output(st, b.y, n);
                        });
                        add(f.name, "bwd", impl, in, size_token(n, d), [=](benchmark::State &st) {
                            vact_isa_select(isa);
                            const Bufs &b = bufs(n, d);
                            timed(st, n, kBwdBytes, label, [&] { bwd(n, b.x, b.dy, b.dx); });
                            mark_nan_output(st, b.dx, n);
                        });
                    }
            }
        }
    }

    for (size_t fi = 0; fi < sizeof kElementwise16 / sizeof *kElementwise16; ++fi) {
        const Elementwise16 &f = kElementwise16[fi];
        const Elementwise &f32 = kElementwise[fi]; // the same list, the same order
        if (std::strcmp(f.name, f32.name) != 0) continue; // (never: both from functions.def)
        for (vact_isa isa : isas) {
            const std::string in = vact_isa_name(isa);
            const char *label = vact_isa_name(isa);
            for (size_t n : elementwise_sizes()) {
                if (!size_ok(n, in) || (n == kBig && !big_ok(f.name, in))) continue;
                for (Dist d : dists(n, true))
                    for (int t = 0; t < 2; ++t) {
                        const bool bf = t == 0;
                        Fwd16 fwd = bf ? f.bf16 : f.f16;
                        Bwd16 bwd = bf ? f.bwd_bf16 : f.bwd_f16;
                        const std::string func = std::string(f.name) + (bf ? ".bf16" : ".f16");
                        add(func, "fwd", "vact", in, size_token(n, d), [=](benchmark::State &st) {
                            vact_isa_select(isa);
                            const Bufs16 &b = bufs16(n, bf, d);
                            timed(st, n, kFwdBytes16, label, [&] { fwd(n, b.x, b.y); });
                            mark_nan_output16(st, b.y, n, bf);
                        });
                        add(func, "bwd", "vact", in, size_token(n, d), [=](benchmark::State &st) {
                            vact_isa_select(isa);
                            const Bufs16 &b = bufs16(n, bf, d);
                            timed(st, n, kBwdBytes16, label, [&] { bwd(n, b.x, b.dy, b.dx); });
                            mark_nan_output16(st, b.dx, n, bf);
                        });
                        if (n != kBig) continue;
                        // 16M: the 16-bit call and vact's own f32 one alternated (paired())
                        add(func, "fwd", "vact_pair", in, size_token(n, d), [=](benchmark::State &st) {
                            vact_isa_select(isa);
                            const Bufs16 &h = bufs16(n, bf, d);
                            const Bufs &b = bufs(n, d);
                            paired(st, n, label, [&] { fwd(n, h.x, h.y); }, [&] { f32.fwd(n, b.x, b.y); });
                            mark_nan_output16(st, h.y, n, bf);
                        });
                        add(func, "bwd", "vact_pair", in, size_token(n, d), [=](benchmark::State &st) {
                            vact_isa_select(isa);
                            const Bufs16 &h = bufs16(n, bf, d);
                            const Bufs &b = bufs(n, d);
                            paired(st, n, label, [&] { bwd(n, h.x, h.dy, h.dx); },
                                   [&] { f32.bwd(n, b.x, b.dy, b.dx); });
                            mark_nan_output16(st, h.dx, n, bf);
                        });
                    }
            }
        }
    }

    for (const RowWise &f : kRowWise) {
        for (vact_isa isa : isas) {
            const std::string in = vact_isa_name(isa);
            const char *label = vact_isa_name(isa);
            for (Rows r : row_sizes()) {
                const size_t n = r.rows * r.cols;
                RowWise g = f;
                // glu reads cols and writes cols/2 per row (6 bytes per input element);
                // its backward reads x (cols) and dy (cols/2) and writes dx (cols): 10.
                const size_t fb = g.glu ? 6 : kFwdBytes, bb = g.glu ? 10 : kBwdBytes;
                for (int tier = 0; tier < 2; ++tier) {
                    RowFwd fwd = tier ? g.fast : g.fwd;
                    RowBwd bwd = tier ? g.fast_bwd : g.bwd;
                    if (!fwd) continue;
                    const char *impl = tier ? "vact_fast" : "vact";
                    add(g.name, "fwd", impl, in, size_token(r), [=](benchmark::State &st) {
                        vact_isa_select(isa);
                        const Bufs &b = bufs(n, r.dist);
                        timed(st, n, fb, label, [&] { fwd(r.rows, r.cols, b.x, b.y); });
                        mark_nan_output(st, b.y, n);
                    });
                    // the softmax-family backward reads p / log p, the same for both distributions
                    if (r.dist != kUniform && !g.glu) continue;
                    add(g.name, "bwd", impl, in, size_token(r), [=](benchmark::State &st) {
                        vact_isa_select(isa);
                        const Bufs &b = bufs(n, r.dist);
                        const float *in0 = g.glu ? b.x : g.bwd_takes_log ? b.lp : b.p;
                        timed(st, n, bb, label, [&] { bwd(r.rows, r.cols, in0, b.dy, b.dx); });
                        mark_nan_output(st, b.dx, n);
                    });
                }
            }
        }
    }

    for (vact_isa isa : isas) {
        const std::string in = vact_isa_name(isa);
        const char *label = vact_isa_name(isa);
        for (Rows r : prelu_sizes()) {
            const size_t n = r.rows * r.cols;
            if (!size_ok(n, in)) continue;
            add("prelu", "fwd", "vact", in, size_token(r), [=](benchmark::State &st) {
                vact_isa_select(isa);
                const Bufs &b = bufs(n, r.dist);
                timed(st, n, kFwdBytes, label, [&] { vact_prelu_f32(r.rows, r.cols, b.x, kPreluAlpha, b.y); });
                mark_nan_output(st, b.y, n);
            });
            add("prelu", "bwd", "vact", in, size_token(r), [=](benchmark::State &st) {
                vact_isa_select(isa);
                const Bufs &b = bufs(n, r.dist);
                timed(st, n, kBwdBytes, label,
                      [&] { vact_prelu_backward_f32(r.rows, r.cols, b.x, kPreluAlpha, b.dy, b.dx, b.aux); });
                mark_nan_output(st, b.dx, n);
            });
        }
    }
    register_vact_expr(isas);
}

namespace {
// expressions (vact_expr): the article's max(alpha*x, x) (against leaky_relu)
// and x*sigmoid(beta*x) (against swish), compiled once, forward and backward
// (with dp), benchmarks expr_prelu and expr_swish
void register_vact_expr(const std::vector<vact_isa> &isas) {
    // builtin: the function it is compared with (its --vb_shuffle group; the
    // report's EXPR_PAIRS in scripts/bench_report.py)
    struct Ex { const char *name, *formula, *param; float value; const char *builtin; };
    static const Ex kEx[] = {{"expr_prelu", "max(alpha*x, x)", "alpha", 0.1f, "leaky_relu"},
                             {"expr_swish", "x*sigmoid(beta*x)", "beta", 1.0f, "swish"}};
    for (const Ex &ex : kEx) {
        char err[128];
        static std::vector<vact_expr *> keep; // alive for the whole run
        vact_expr *e = vact_expr_compile(ex.formula, ex.param, err, sizeof err);
        if (!e) continue;
        keep.push_back(e);
        const float *pv = &ex.value;
        for (vact_isa isa : isas) {
            const std::string in = vact_isa_name(isa);
            const char *label = vact_isa_name(isa);
            for (size_t n : elementwise_sizes()) {
                if (!size_ok(n, in) || n == kBig) continue;
                for (Dist d : dists(n)) {
                    add(ex.name, "fwd", "vact", in, size_token(n, d), [=](benchmark::State &st) {
                        vact_isa_select(isa);
                        const Bufs &b = bufs(n, d);
                        timed(st, n, kFwdBytes, label, [&] { vact_expr_f32(e, n, b.x, b.y, pv); });
                        mark_nan_output(st, b.y, n);
                    }, ex.builtin);
                    add(ex.name, "bwd", "vact", in, size_token(n, d), [=](benchmark::State &st) {
                        vact_isa_select(isa);
                        const Bufs &b = bufs(n, d);
                        float dp = 0;
                        timed(st, n, kBwdBytes, label,
                              [&] { vact_expr_backward_f32(e, n, b.x, b.dy, b.dx, pv, &dp); });
                        mark_nan_output(st, b.dx, n);
                    }, ex.builtin);
                }
            }
        }
    }
}
} // namespace

const char *run_vact(const std::string &func, bool bwd, size_t n, const float *x, const float *dy, float *out) {
    for (const Elementwise &e : kElementwise) {
        if (func != e.name) continue;
        if (bwd)
            e.bwd(n, x, dy, out);
        else
            e.fwd(n, x, out);
        return vact_isa_name(vact_isa_active());
    }
    return nullptr;
}

const char *run_vact_fast(const std::string &func, bool bwd, size_t n, const float *x, const float *dy, float *out) {
    for (const Elementwise &e : kElementwise) {
        if (func != e.name) continue;
        if (!e.fast) return nullptr;
        if (bwd)
            e.fast_bwd(n, x, dy, out);
        else
            e.fast(n, x, out);
        return vact_isa_name(vact_isa_active());
    }
    return nullptr;
}

} // namespace vb
