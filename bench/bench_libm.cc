// Peer "libm": the plain loop everyone writes first (one libm call per
// element, no vectorisation since the build has no -ffast-math). ISA "any".
#include "bench_common.h"

#include <cmath>

namespace vb {

namespace {
const PeerFn kLibm[] = {
    {"sigmoid",
     [](size_t n, const float *x, float *y) {
         for (size_t i = 0; i < n; ++i) y[i] = 1.0f / (1.0f + std::exp(-x[i]));
     },
     [](size_t n, const float *x, const float *dy, float *dx) {
         for (size_t i = 0; i < n; ++i) {
             float s = 1.0f / (1.0f + std::exp(-x[i]));
             dx[i] = dy[i] * s * (1.0f - s);
         }
     }},
    {"tanh",
     [](size_t n, const float *x, float *y) {
         for (size_t i = 0; i < n; ++i) y[i] = std::tanh(x[i]);
     },
     [](size_t n, const float *x, const float *dy, float *dx) {
         for (size_t i = 0; i < n; ++i) {
             float t = std::tanh(x[i]);
             dx[i] = dy[i] * (1.0f - t * t);
         }
     }},
    {"elu",
     [](size_t n, const float *x, float *y) {
         for (size_t i = 0; i < n; ++i) y[i] = x[i] > 0 ? x[i] : kElu * std::expm1(x[i]);
     },
     nullptr},
    {"silu",
     [](size_t n, const float *x, float *y) {
         for (size_t i = 0; i < n; ++i) y[i] = x[i] / (1.0f + std::exp(-x[i]));
     },
     nullptr},
    {"gelu",
     [](size_t n, const float *x, float *y) {
         for (size_t i = 0; i < n; ++i) y[i] = 0.5f * x[i] * std::erfc(-x[i] * 0.70710678f);
     },
     nullptr},
    {"gelu_tanh",
     [](size_t n, const float *x, float *y) {
         for (size_t i = 0; i < n; ++i) {
             float v = x[i];
             y[i] = 0.5f * v * (1.0f + std::tanh(0.7978845608f * (v + 0.044715f * v * v * v)));
         }
     },
     nullptr},
    {"softplus",
     [](size_t n, const float *x, float *y) {
         for (size_t i = 0; i < n; ++i) y[i] = std::fmax(x[i], 0.0f) + std::log1p(std::exp(-std::fabs(x[i])));
     },
     nullptr},
    {"mish",
     [](size_t n, const float *x, float *y) {
         for (size_t i = 0; i < n; ++i) {
             float sp = std::fmax(x[i], 0.0f) + std::log1p(std::exp(-std::fabs(x[i])));
             y[i] = x[i] * std::tanh(sp);
         }
     },
     nullptr},
    {"exponential",
     [](size_t n, const float *x, float *y) {
         for (size_t i = 0; i < n; ++i) y[i] = std::exp(x[i]);
     },
     nullptr},
};

void softmax_rows(size_t rows, size_t cols, const float *x, float *y) {
    for (size_t r = 0; r < rows; ++r, x += cols, y += cols) {
        float m = x[0];
        for (size_t i = 1; i < cols; ++i) m = std::fmax(m, x[i]);
        float s = 0;
        for (size_t i = 0; i < cols; ++i) s += (y[i] = std::exp(x[i] - m));
        const float inv = 1.0f / s;
        for (size_t i = 0; i < cols; ++i) y[i] *= inv;
    }
}

void log_softmax_rows(size_t rows, size_t cols, const float *x, float *y) {
    for (size_t r = 0; r < rows; ++r, x += cols, y += cols) {
        float m = x[0];
        for (size_t i = 1; i < cols; ++i) m = std::fmax(m, x[i]);
        float s = 0;
        for (size_t i = 0; i < cols; ++i) s += std::exp(x[i] - m);
        const float l = m + std::log(s);
        for (size_t i = 0; i < cols; ++i) y[i] = x[i] - l;
    }
}
} // namespace

// ISA "any": the scalar level, supported everywhere
const char *run_libm(const std::string &func, bool bwd, size_t n, const float *x, const float *dy, float *out) {
    return run_peer_table(kLibm, sizeof kLibm / sizeof kLibm[0], VACT_ISA_SCALAR, "any", func, bwd, n, x, dy, out);
}

void register_libm() {
    if (config().peers_only) return;
    register_peer_table(kLibm, sizeof kLibm / sizeof kLibm[0], "libm", VACT_ISA_SCALAR, "any");
    for (Rows r : row_sizes()) {
        const size_t n = r.rows * r.cols;
        add("softmax", "fwd", "libm", "any", size_token(r), [=](benchmark::State &st) {
            const Bufs &b = bufs(n, r.dist);
            timed(st, n, kFwdBytes, "any", [&] { softmax_rows(r.rows, r.cols, b.x, b.y); });
        });
        add("log_softmax", "fwd", "libm", "any", size_token(r), [=](benchmark::State &st) {
            const Bufs &b = bufs(n, r.dist);
            timed(st, n, kFwdBytes, "any", [&] { log_softmax_rows(r.rows, r.cols, b.x, b.y); });
        });
    }
}

} // namespace vb
