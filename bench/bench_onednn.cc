// Peer "onednn": oneDNN (libdnnl-dev, 2.x C++ API) eltwise forward/backward,
// softmax_v2 (accurate and log) forward/backward and prelu forward/backward,
// single-threaded (OpenMP runtime set to 1 thread). Its ISA is a process-wide
// choice: capped by ONEDNN_MAX_CPU_ISA or by --peer_isa (dnnl_set_max_cpu_isa);
// the label is what dnnl_get_effective_cpu_isa() reports.
#include "bench_common.h"

#include <oneapi/dnnl/dnnl.hpp>

#include <dlfcn.h>

#include <cstring>

#include <unordered_map>

namespace vb {

namespace {

using dnnl::algorithm;
using dnnl::memory;
using dnnl::prop_kind;
using Args = std::unordered_map<int, memory>;

dnnl::engine &eng() {
    static dnnl::engine e(dnnl::engine::kind::cpu, 0);
    return e;
}
dnnl::stream &strm() {
    static dnnl::stream s(eng());
    return s;
}

void single_thread() {
    // oneDNN here uses the OpenMP runtime it links; ask it for one thread
    // without making the suite itself depend on OpenMP.
    using SetThreads = void (*)(int);
    if (void *f = dlsym(RTLD_DEFAULT, "omp_set_num_threads")) reinterpret_cast<SetThreads>(f)(1);
}

const char *isa_label() {
    static std::string s;
    if (s.empty()) {
        unsigned v = unsigned(dnnl_get_effective_cpu_isa());
        const unsigned avx512_core = unsigned(dnnl_cpu_isa_avx512_core), avx2 = unsigned(dnnl_cpu_isa_avx2);
        s = (v & avx512_core) == avx512_core ? "avx512" : (v & avx2) == avx2 ? "avx2" : "sse41";
    }
    return s.c_str();
}

struct Elt {
    const char *name;
    algorithm alg;
    float a, b;
};

const Elt kElt[] = {
    {"sigmoid", algorithm::eltwise_logistic, 0, 0},
    {"tanh", algorithm::eltwise_tanh, 0, 0},
    {"relu", algorithm::eltwise_relu, 0, 0},
    {"relu6", algorithm::eltwise_clip_v2, 0, 6},
    {"leaky_relu", algorithm::eltwise_relu, kLeaky, 0},
    {"elu", algorithm::eltwise_elu, kElu, 0},
    {"silu", algorithm::eltwise_swish, 1, 0},
    {"swish", algorithm::eltwise_swish, kSwishBeta, 0},
    {"gelu", algorithm::eltwise_gelu_erf, 0, 0},
    {"gelu_tanh", algorithm::eltwise_gelu_tanh, 0, 0},
    {"softplus", algorithm::eltwise_soft_relu, 0, 0},
    {"mish", algorithm::eltwise_mish, 0, 0},
    {"log_sigmoid", algorithm::eltwise_logsigmoid, 0, 0},
    {"hard_swish", algorithm::eltwise_hardswish, 0, 0},
    {"hard_tanh", algorithm::eltwise_clip_v2, -1, 1},
    {"exponential", algorithm::eltwise_exp, 0, 0},
};

memory::desc md1(size_t n, memory::data_type t = memory::data_type::f32) {
    return memory::desc({memory::dim(n)}, t, memory::format_tag::a);
}
memory::desc md2(size_t r, size_t c) {
    return memory::desc({memory::dim(r), memory::dim(c)}, memory::data_type::f32, memory::format_tag::ab);
}
memory mem(const memory::desc &d, const float *p) { return memory(d, eng(), const_cast<float *>(p)); }
memory mem16(const memory::desc &d, const uint16_t *p) { return memory(d, eng(), const_cast<uint16_t *>(p)); }

constexpr memory::data_type kF32 = memory::data_type::f32, kBf16 = memory::data_type::bf16;
dnnl::eltwise_forward::primitive_desc elt_fwd_pd(const Elt &e, size_t n, prop_kind pk,
                                                 memory::data_type t = kF32) {
    return dnnl::eltwise_forward::primitive_desc({pk, e.alg, md1(n, t), e.a, e.b}, eng());
}
dnnl::eltwise_backward::primitive_desc elt_bwd_pd(const Elt &e, size_t n, memory::data_type t = kF32) {
    return dnnl::eltwise_backward::primitive_desc({e.alg, md1(n, t), md1(n, t), e.a, e.b}, eng(),
                                                  elt_fwd_pd(e, n, prop_kind::forward_training, t));
}
// the implementation oneDNN picked ("ref" = its reference C loop, not a peer worth timing)
template <class PD>
bool jit_impl(const PD &pd) {
    const char *s = pd.impl_info_str();
    return s && !strstr(s, "ref");
}

template <class Prim>
void run(benchmark::State &st, size_t elems, size_t bpe, const Prim &prim, Args &args) {
    timed(st, elems, bpe, isa_label(), [&] { prim.execute(strm(), args); });
    strm().wait();
}

bool probe(void (*f)()) {
    try {
        f();
        return true;
    } catch (const dnnl::error &) {
        return false;
    }
}

} // namespace

void cap_onednn(const std::string &isa) {
    if (isa == "avx2")
        dnnl_set_max_cpu_isa(dnnl_cpu_isa_avx2);
    else if (isa == "scalar" || isa == "sse41")
        dnnl_set_max_cpu_isa(dnnl_cpu_isa_sse41);
}

void register_onednn() {
    single_thread();
    const std::string isa = isa_label();
    for (const Elt &e : kElt) {
        bool has_fwd = true, has_bwd = true;
        try {
            (void)elt_fwd_pd(e, 16, prop_kind::forward_inference);
        } catch (const dnnl::error &) {
            has_fwd = false;
        }
        try {
            (void)elt_bwd_pd(e, 16);
        } catch (const dnnl::error &) {
            has_bwd = false;
        }
        for (size_t n : elementwise_sizes()) {
            if (n == kBig && !big_ok(e.name, isa)) continue;
            for (Dist d : dists(n)) {
                if (has_fwd)
                    add(e.name, "fwd", "onednn", isa, size_token(n, d), [e, n, d](benchmark::State &st) {
                        const Bufs &b = bufs(n, d);
                        dnnl::eltwise_forward prim(elt_fwd_pd(e, n, prop_kind::forward_inference));
                        Args args{{DNNL_ARG_SRC, mem(md1(n), b.x)}, {DNNL_ARG_DST, mem(md1(n), b.y)}};
                        run(st, n, kFwdBytes, prim, args);
                    });
                if (has_bwd)
                    add(e.name, "bwd", "onednn", isa, size_token(n, d), [e, n, d](benchmark::State &st) {
                        const Bufs &b = bufs(n, d);
                        dnnl::eltwise_backward prim(elt_bwd_pd(e, n));
                        Args args{{DNNL_ARG_SRC, mem(md1(n), b.x)},
                                  {DNNL_ARG_DIFF_DST, mem(md1(n), b.dy)},
                                  {DNNL_ARG_DIFF_SRC, mem(md1(n), b.dx)}};
                        run(st, n, kBwdBytes, prim, args);
                    });
            }
        }
    }

    // bf16 eltwise ("NAME.bf16", against vact's bf16 entry points) where this
    // CPU runs oneDNN's JIT for it (AVX512-BF16 / AVX-512 with emulation);
    // not when it falls back to its reference loop
    for (const Elt &e : kElt) {
        bool has_fwd = false, has_bwd = false;
        try {
            has_fwd = jit_impl(elt_fwd_pd(e, 16, prop_kind::forward_inference, kBf16));
        } catch (const dnnl::error &) {
        }
        try {
            has_bwd = jit_impl(elt_bwd_pd(e, 16, kBf16));
        } catch (const dnnl::error &) {
        }
        const std::string func = std::string(e.name) + ".bf16";
        for (size_t n : elementwise_sizes()) {
            if (n == kBig && !big_ok(e.name, isa)) continue;
            for (Dist d : dists(n, true)) {
                if (has_fwd)
                    add(func, "fwd", "onednn", isa, size_token(n, d), [e, n, d](benchmark::State &st) {
                        const Bufs16 &b = bufs16(n, true, d);
                        dnnl::eltwise_forward prim(elt_fwd_pd(e, n, prop_kind::forward_inference, kBf16));
                        Args args{{DNNL_ARG_SRC, mem16(md1(n, kBf16), b.x)},
                                  {DNNL_ARG_DST, mem16(md1(n, kBf16), b.y)}};
                        run(st, n, kFwdBytes16, prim, args);
                    });
                if (has_bwd)
                    add(func, "bwd", "onednn", isa, size_token(n, d), [e, n, d](benchmark::State &st) {
                        const Bufs16 &b = bufs16(n, true, d);
                        dnnl::eltwise_backward prim(elt_bwd_pd(e, n, kBf16));
                        Args args{{DNNL_ARG_SRC, mem16(md1(n, kBf16), b.x)},
                                  {DNNL_ARG_DIFF_DST, mem16(md1(n, kBf16), b.dy)},
                                  {DNNL_ARG_DIFF_SRC, mem16(md1(n, kBf16), b.dx)}};
                        run(st, n, kBwdBytes16, prim, args);
                    });
                if (n != kBig) continue;
                // 16M: vact's bf16 call and oneDNN's alternated (paired(): the
                // memory bandwidth drifts between separate benchmarks)
                const Fwd16 vf = vact_fwd16(e.name, true);
                const Bwd16 vb = vact_bwd16(e.name, true);
                if (has_fwd && vf)
                    add(func, "fwd", "onednn_pair", isa, size_token(n, d), [e, n, d, vf, isa](benchmark::State &st) {
                        const Bufs16 &b = bufs16(n, true, d);
                        dnnl::eltwise_forward prim(elt_fwd_pd(e, n, prop_kind::forward_inference, kBf16));
                        Args args{{DNNL_ARG_SRC, mem16(md1(n, kBf16), b.x)},
                                  {DNNL_ARG_DST, mem16(md1(n, kBf16), b.y)}};
                        if (!vact_select_isa(isa)) return st.SkipWithError("vact: no such ISA");
                        paired(st, n, isa_label(), [&] { vf(n, b.x, b.y); },
                               [&] { prim.execute(strm(), args); strm().wait(); });
                    });
                if (has_bwd && vb)
                    add(func, "bwd", "onednn_pair", isa, size_token(n, d), [e, n, d, vb, isa](benchmark::State &st) {
                        const Bufs16 &b = bufs16(n, true, d);
                        dnnl::eltwise_backward prim(elt_bwd_pd(e, n, kBf16));
                        Args args{{DNNL_ARG_SRC, mem16(md1(n, kBf16), b.x)},
                                  {DNNL_ARG_DIFF_DST, mem16(md1(n, kBf16), b.dy)},
                                  {DNNL_ARG_DIFF_SRC, mem16(md1(n, kBf16), b.dx)}};
                        if (!vact_select_isa(isa)) return st.SkipWithError("vact: no such ISA");
                        paired(st, n, isa_label(), [&] { vb(n, b.x, b.dy, b.dx); },
                               [&] { prim.execute(strm(), args); strm().wait(); });
                    });
            }
        }
    }

    // softmax / log_softmax (softmax_v2, axis 1 of rows x cols)
    struct Sm {
        const char *name;
        algorithm alg;
        bool log;
    };
    for (Sm s : {Sm{"softmax", algorithm::softmax_accurate, false}, Sm{"log_softmax", algorithm::softmax_log, true}}) {
        for (Rows r : row_sizes()) {
            const size_t n = r.rows * r.cols;
            add(s.name, "fwd", "onednn", isa, size_token(r), [s, r, n](benchmark::State &st) {
                const Bufs &b = bufs(n, r.dist);
                memory::desc d = md2(r.rows, r.cols);
                dnnl::softmax_v2_forward prim(
                    dnnl::softmax_v2_forward::primitive_desc({prop_kind::forward_inference, s.alg, d, d, 1}, eng()));
                Args args{{DNNL_ARG_SRC, mem(d, b.x)}, {DNNL_ARG_DST, mem(d, b.y)}};
                run(st, n, kFwdBytes, prim, args);
            });
            if (r.dist != kUniform) continue; // backward reads p / log p: the same for both distributions
            add(s.name, "bwd", "onednn", isa, size_token(r), [s, r, n](benchmark::State &st) {
                const Bufs &b = bufs(n, r.dist);
                memory::desc d = md2(r.rows, r.cols);
                dnnl::softmax_v2_forward::primitive_desc hint({prop_kind::forward_training, s.alg, d, d, 1}, eng());
                dnnl::softmax_v2_backward prim(
                    dnnl::softmax_v2_backward::primitive_desc({s.alg, d, d, d, 1}, eng(), hint));
                Args args{{DNNL_ARG_DST, mem(d, s.log ? b.lp : b.p)},
                          {DNNL_ARG_DIFF_DST, mem(d, b.dy)},
                          {DNNL_ARG_DIFF_SRC, mem(d, b.dx)}};
                run(st, n, kBwdBytes, prim, args);
            });
        }
    }

    // prelu: weights 1 x channels, broadcast over rows
    const bool prelu_ok = probe([] {
        memory::desc d = md2(4, 64), w = md2(1, 64);
        dnnl::prelu_forward::primitive_desc f({prop_kind::forward_training, d, w}, eng());
        (void)dnnl::prelu_backward::primitive_desc({d, w, d, w}, eng(), f);
    });
    if (prelu_ok) {
        for (Rows r : prelu_sizes()) {
            const size_t n = r.rows * r.cols;
            add("prelu", "fwd", "onednn", isa, size_token(r), [r, n](benchmark::State &st) {
                const Bufs &b = bufs(n, r.dist);
                memory::desc d = md2(r.rows, r.cols), w = md2(1, r.cols);
                dnnl::prelu_forward prim(
                    dnnl::prelu_forward::primitive_desc({prop_kind::forward_inference, d, w}, eng()));
                Args args{{DNNL_ARG_SRC, mem(d, b.x)}, {DNNL_ARG_WEIGHTS, mem(w, kPreluAlpha)}, {DNNL_ARG_DST, mem(d, b.y)}};
                run(st, n, kFwdBytes, prim, args);
            });
            add("prelu", "bwd", "onednn", isa, size_token(r), [r, n](benchmark::State &st) {
                const Bufs &b = bufs(n, r.dist);
                memory::desc d = md2(r.rows, r.cols), w = md2(1, r.cols);
                dnnl::prelu_forward::primitive_desc hint({prop_kind::forward_training, d, w}, eng());
                dnnl::prelu_backward prim(dnnl::prelu_backward::primitive_desc({d, w, d, w}, eng(), hint));
                Args args{{DNNL_ARG_SRC, mem(d, b.x)},          {DNNL_ARG_WEIGHTS, mem(w, kPreluAlpha)},
                          {DNNL_ARG_DIFF_DST, mem(d, b.dy)},    {DNNL_ARG_DIFF_SRC, mem(d, b.dx)},
                          {DNNL_ARG_DIFF_WEIGHTS, mem(w, b.aux)}};
                run(st, n, kBwdBytes, prim, args);
            });
        }
    }
}

const char *run_onednn(const std::string &func, bool bwd, size_t n, const float *x, const float *dy, float *out) {
    single_thread();
    for (const Elt &e : kElt) {
        if (func != e.name) continue;
        try {
            if (bwd) {
                dnnl::eltwise_backward prim(elt_bwd_pd(e, n));
                Args args{{DNNL_ARG_SRC, mem(md1(n), x)}, {DNNL_ARG_DIFF_DST, mem(md1(n), dy)},
                          {DNNL_ARG_DIFF_SRC, mem(md1(n), out)}};
                prim.execute(strm(), args);
            } else {
                dnnl::eltwise_forward prim(elt_fwd_pd(e, n, prop_kind::forward_inference));
                Args args{{DNNL_ARG_SRC, mem(md1(n), x)}, {DNNL_ARG_DST, mem(md1(n), out)}};
                prim.execute(strm(), args);
            }
            strm().wait();
        } catch (const dnnl::error &) {
            return nullptr;
        }
        return isa_label();
    }
    return nullptr;
}

} // namespace vb
