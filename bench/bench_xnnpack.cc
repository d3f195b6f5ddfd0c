// Peer "xnnpack": XNNPACK operators (libxnnpack-dev + libpthreadpool-dev),
// created with xnn_create_*_nc_f32, set up once per benchmark with
// xnn_setup_*_nc_f32 and timed with xnn_run_operator on the caller's thread
// (threadpool = NULL: single-threaded). Forward only (XNNPACK is inference).
//
// ISA cap: XNNPACK has no option for it; it picks its micro-kernels in
// xnn_initialize from cpuinfo (libcpuinfo). With cpuinfo.h available
// (libcpuinfo-dev) --peer_isa=avx2 initialises cpuinfo first and clears its
// AVX-512 flags, so XNNPACK then picks its AVX2 kernels. Without the header
// the cap is unavailable and XNNPACK runs at its best ISA (the label says it).
#include "bench_common.h"

#include <xnnpack.h>
#if defined(VB_HAVE_CPUINFO)
#include <cpuinfo.h>
#endif

#include <cmath>
#include <cstdio>

namespace vb {

namespace {

bool g_capped = false;

bool xnn_ready() {
    static const bool ok = xnn_initialize(nullptr) == xnn_status_success;
    return ok;
}

const char *isa_label() {
#if defined(VB_HAVE_CPUINFO)
    if (!cpuinfo_initialize()) return "unknown";
    return cpuinfo_has_x86_avx512f() ? "avx512" : cpuinfo_has_x86_avx2() ? "avx2" : "sse";
#else
    return __builtin_cpu_supports("avx512f") ? "avx512" : __builtin_cpu_supports("avx2") ? "avx2" : "sse";
#endif
}

// An operator created for channels = n (one contiguous row) and batch 1.
using Create = xnn_status (*)(size_t n, xnn_operator_t *op);
using Setup = xnn_status (*)(xnn_operator_t op, size_t batch, const float *x, float *y);

struct Unary {
    const char *name;
    Create create;
    Setup setup;
};

#define VB_XNN_SETUP(op)                                                                   \
    [](xnn_operator_t o, size_t batch, const float *x, float *y) {                         \
        return xnn_setup_##op##_nc_f32(o, batch, x, y, nullptr);                           \
    }

const Unary kUnary[] = {
    {"sigmoid", [](size_t n, xnn_operator_t *o) { return xnn_create_sigmoid_nc_f32(n, n, n, 0, o); },
     VB_XNN_SETUP(sigmoid)},
    {"elu", [](size_t n, xnn_operator_t *o) { return xnn_create_elu_nc_f32(n, n, n, kElu, 0, o); },
     VB_XNN_SETUP(elu)},
    {"leaky_relu", [](size_t n, xnn_operator_t *o) { return xnn_create_leaky_relu_nc_f32(n, n, n, kLeaky, 0, o); },
     VB_XNN_SETUP(leaky_relu)},
    {"hard_swish", [](size_t n, xnn_operator_t *o) { return xnn_create_hardswish_nc_f32(n, n, n, 0, o); },
     VB_XNN_SETUP(hardswish)},
    {"relu", [](size_t n, xnn_operator_t *o) { return xnn_create_clamp_nc_f32(n, n, n, 0.0f, INFINITY, 0, o); },
     VB_XNN_SETUP(clamp)},
    {"relu6", [](size_t n, xnn_operator_t *o) { return xnn_create_clamp_nc_f32(n, n, n, 0.0f, 6.0f, 0, o); },
     VB_XNN_SETUP(clamp)},
    {"hard_tanh", [](size_t n, xnn_operator_t *o) { return xnn_create_clamp_nc_f32(n, n, n, -1.0f, 1.0f, 0, o); },
     VB_XNN_SETUP(clamp)},
};

// The f16 operators of this XNNPACK (Debian's 2022 build: clamp, hardswish,
// leaky_relu; no f16 sigmoid, elu, tanh, gelu or softmax), registered as
// FUNC "NAME.f16" against vact's f16 entry points. On x86 they need F16C and
// AVX2 (creation fails without them: the benchmark then reports an error).
using Setup16 = xnn_status (*)(xnn_operator_t op, size_t batch, const void *x, void *y);
struct Unary16 {
    const char *name;
    Create create;
    Setup16 setup;
};
#define VB_XNN_SETUP16(op)                                                                 \
    [](xnn_operator_t o, size_t batch, const void *x, void *y) {                           \
        return xnn_setup_##op##_nc_f16(o, batch, x, y, nullptr);                           \
    }
const Unary16 kUnary16[] = {
    {"leaky_relu", [](size_t n, xnn_operator_t *o) { return xnn_create_leaky_relu_nc_f16(n, n, n, kLeaky, 0, o); },
     VB_XNN_SETUP16(leaky_relu)},
    {"hard_swish", [](size_t n, xnn_operator_t *o) { return xnn_create_hardswish_nc_f16(n, n, n, 0, o); },
     VB_XNN_SETUP16(hardswish)},
    {"relu", [](size_t n, xnn_operator_t *o) { return xnn_create_clamp_nc_f16(n, n, n, 0.0f, INFINITY, 0, o); },
     VB_XNN_SETUP16(clamp)},
    {"relu6", [](size_t n, xnn_operator_t *o) { return xnn_create_clamp_nc_f16(n, n, n, 0.0f, 6.0f, 0, o); },
     VB_XNN_SETUP16(clamp)},
    {"hard_tanh", [](size_t n, xnn_operator_t *o) { return xnn_create_clamp_nc_f16(n, n, n, -1.0f, 1.0f, 0, o); },
     VB_XNN_SETUP16(clamp)},
};

// Times op (already created); deletes it.
void run_op(benchmark::State &st, xnn_operator_t op, size_t elems, size_t bpe) {
    if (op == nullptr) {
        st.SkipWithError("xnnpack operator creation failed");
        return;
    }
    timed(st, elems, bpe, isa_label(), [&] { xnn_run_operator(op, nullptr); });
    xnn_delete_operator(op);
}

// The f16 operator of f over b's n elements, created and set up; null on failure.
xnn_operator_t op16(const Unary16 &f, size_t n, const Bufs16 &b) {
    xnn_operator_t op = nullptr;
    if (f.create(n, &op) != xnn_status_success || f.setup(op, 1, b.x, b.y) != xnn_status_success) {
        if (op) xnn_delete_operator(op);
        return nullptr;
    }
    return op;
}

} // namespace

void cap_xnnpack(const std::string &isa) {
#if defined(VB_HAVE_CPUINFO)
    if (isa != "avx2") return;
    if (!cpuinfo_initialize()) return;
    // cpuinfo_initialize runs once; xnn_initialize (later) reuses this state.
    cpuinfo_isa.avx512f = cpuinfo_isa.avx512pf = cpuinfo_isa.avx512er = cpuinfo_isa.avx512cd = false;
    cpuinfo_isa.avx512dq = cpuinfo_isa.avx512bw = cpuinfo_isa.avx512vl = cpuinfo_isa.avx512ifma = false;
    cpuinfo_isa.avx512vbmi = cpuinfo_isa.avx512vbmi2 = cpuinfo_isa.avx512bitalg = false;
    cpuinfo_isa.avx512vpopcntdq = cpuinfo_isa.avx512vnni = cpuinfo_isa.avx512bf16 = false;
    cpuinfo_isa.avx512vp2intersect = cpuinfo_isa.avx512_4vnniw = cpuinfo_isa.avx512_4fmaps = false;
    g_capped = true;
#else
    std::fprintf(stderr, "vact_bench: XNNPACK cannot be capped to %s (built without cpuinfo.h)\n", isa.c_str());
#endif
}

void register_xnnpack() {
    if (!config().peer_isa.empty() && !g_capped) return; // would only repeat the uncapped run
    if (!xnn_ready()) {
        std::fprintf(stderr, "vact_bench: xnn_initialize failed, XNNPACK skipped\n");
        return;
    }
    const std::string isa = isa_label();
    for (const Unary &u : kUnary) {
        for (size_t n : elementwise_sizes()) {
            if (n == kBig && !big_ok(u.name, isa)) continue;
            Unary f = u;
            for (Dist d : dists(n))
                add(f.name, "fwd", "xnnpack", isa, size_token(n, d), [f, n, d](benchmark::State &st) {
                    const Bufs &b = bufs(n, d);
                    xnn_operator_t op = nullptr;
                    if (f.create(n, &op) != xnn_status_success || f.setup(op, 1, b.x, b.y) != xnn_status_success) {
                        if (op) xnn_delete_operator(op);
                        op = nullptr;
                    }
                    run_op(st, op, n, kFwdBytes);
                });
        }
    }
    for (const Unary16 &u : kUnary16) {
        for (size_t n : elementwise_sizes()) {
            if (n == kBig && !big_ok(u.name, isa)) continue;
            Unary16 f = u;
            for (Dist d : dists(n, true))
                add(std::string(f.name) + ".f16", "fwd", "xnnpack", isa, size_token(n, d),
                    [f, n, d](benchmark::State &st) {
                        const Bufs16 &b = bufs16(n, false, d);
                        run_op(st, op16(f, n, b), n, kFwdBytes16);
                    });
            // 16M: vact's f16 call and XNNPACK's alternated (paired(), as oneDNN's)
            const Fwd16 vf = n == kBig ? vact_fwd16(f.name, false) : nullptr;
            if (!vf) continue;
            for (Dist d : dists(n, true))
                add(std::string(f.name) + ".f16", "fwd", "xnnpack_pair", isa, size_token(n, d),
                    [f, n, d, vf, isa](benchmark::State &st) {
                        const Bufs16 &b = bufs16(n, false, d);
                        xnn_operator_t op = op16(f, n, b);
                        if (op == nullptr) return st.SkipWithError("xnnpack operator creation failed");
                        if (!vact_select_isa(isa)) {
                            xnn_delete_operator(op);
                            return st.SkipWithError("vact: no such ISA");
                        }
                        paired(st, n, isa_label(), [&] { vf(n, b.x, b.y); },
                               [&] { xnn_run_operator(op, nullptr); });
                        xnn_delete_operator(op);
                    });
        }
    }
    for (Rows r : row_sizes()) {
        const size_t n = r.rows * r.cols;
        add("softmax", "fwd", "xnnpack", isa, size_token(r), [r, n](benchmark::State &st) {
            const Bufs &b = bufs(n, r.dist);
            xnn_operator_t op = nullptr;
            if (xnn_create_softmax_nc_f32(r.cols, r.cols, r.cols, 0, &op) != xnn_status_success ||
                xnn_setup_softmax_nc_f32(op, r.rows, b.x, b.y, nullptr) != xnn_status_success) {
                if (op) xnn_delete_operator(op);
                op = nullptr;
            }
            run_op(st, op, n, kFwdBytes);
        });
    }
    for (Rows r : prelu_sizes()) {
        const size_t n = r.rows * r.cols;
        add("prelu", "fwd", "xnnpack", isa, size_token(r), [r, n](benchmark::State &st) {
            const Bufs &b = bufs(n, r.dist);
            xnn_operator_t op = nullptr;
            if (xnn_create_prelu_nc_f32(r.cols, r.cols, r.cols, kPreluAlpha, 0, &op) != xnn_status_success ||
                xnn_setup_prelu_nc_f32(op, r.rows, b.x, b.y, nullptr) != xnn_status_success) {
                if (op) xnn_delete_operator(op);
                op = nullptr;
            }
            run_op(st, op, n, kFwdBytes);
        });
    }
}

const char *run_xnnpack(const std::string &func, bool bwd, size_t n, const float *x, const float *, float *out) {
    if (bwd || !xnn_ready()) return nullptr; // inference only
    for (const Unary &u : kUnary) {
        if (func != u.name) continue;
        xnn_operator_t op = nullptr;
        const bool ok = u.create(n, &op) == xnn_status_success && u.setup(op, 1, x, out) == xnn_status_success &&
                        xnn_run_operator(op, nullptr) == xnn_status_success;
        if (op) xnn_delete_operator(op);
        return ok ? isa_label() : nullptr;
    }
    return nullptr;
}

} // namespace vb
