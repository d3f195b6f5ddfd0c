/*
 * vact: SIMD activation functions and their derivatives.
 *
 * Conventions (see README.md):
 *  - n first, then inputs, then outputs, then parameters.
 *  - Any alignment; n == 0 accepts NULL pointers; y may equal x, dx may equal
 *    dy or x (partial overlap is undefined).
 *  - No heap allocation, no change of MXCSR/FPCR, thread-safe, reentrant.
 *  - Backward: dx[i] = dy[i] * f'(x[i]); a NaN in x or dy gives a NaN in dx.
 *  - Every ISA (scalar, AVX2, AVX-512, NEON) returns bitwise identical
 *    results (NaN payloads aside: any NaN is "NaN").
 *  - Accuracy: forward <= 2 ULP, backward (dy = 1) <= 4 ULP over every finite
 *    float input (the "ulp" line of each function gives the maximum measured
 *    by tests/test_ulp). Piecewise-linear functions are exact.
 */
#ifndef VACT_H
#define VACT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define VACT_VERSION_MAJOR 0
#define VACT_VERSION_MINOR 1
#define VACT_VERSION_PATCH 0

/* ------------------------------------------------------------------ */
/* Dispatch                                                            */
/* ------------------------------------------------------------------ */

typedef enum vact_isa {
    VACT_ISA_SCALAR = 0,
    VACT_ISA_AVX2 = 1,   /* AVX2 + FMA, OS-saved YMM state */
    VACT_ISA_AVX512 = 2, /* AVX-512 F+VL+DQ+BW, OS-saved ZMM/opmask state */
    VACT_ISA_NEON = 3    /* AArch64 Advanced SIMD */
} vact_isa;
#define VACT_ISA_COUNT 4 /* the values above are 0 .. VACT_ISA_COUNT - 1 */

/* The ISA every call uses now. The first call of any vact function picks the
 * best supported ISA, capped by the environment variable VACT_ISA
 * ("scalar", "avx2", "avx512", "neon"; unknown or empty values are ignored). */
vact_isa vact_isa_active(void);
/* 1 when the ISA is built into this library AND this CPU + OS can run it. */
int vact_isa_supported(vact_isa isa);
/* Make every later call use `isa`. Returns 0, or -1 (nothing changes) when
 * the ISA is not supported. Thread-safe. */
int vact_isa_select(vact_isa isa);
/* "scalar", "avx2", "avx512", "neon"; "unknown" for other values. */
const char *vact_isa_name(vact_isa isa);
/* The ISA called `name` ("scalar", "avx2", "avx512", "neon"): 0 and *isa set,
 * or -1 (nothing written) for any other string or NULL. */
int vact_isa_from_name(const char *name, vact_isa *isa);
/* Writes a one-line description of the CPU features the dispatcher reads
 * (x86: CPUID bits and XCR0 state; AArch64: Advanced SIMD) into buf, always
 * NUL-terminated when len > 0, like snprintf; returns the full length. */
size_t vact_cpu_features(char *buf, size_t len);

/* ------------------------------------------------------------------ */
/* Elementwise functions                                               */
/* forward:  void vact_NAME_f32(size_t n, const float *x, float *y, ...) */
/* backward: void vact_NAME_backward_f32(size_t n, const float *x,     */
/*               const float *dy, float *dx, ...)                       */
/* ------------------------------------------------------------------ */

#define VACT_UNARY0(name)                                                        \
    void vact_##name##_f32(size_t n, const float *x, float *y);                  \
    void vact_##name##_backward_f32(size_t n, const float *x, const float *dy, float *dx);
#define VACT_UNARY1(name, p1)                                                    \
    void vact_##name##_f32(size_t n, const float *x, float *y, float p1);        \
    void vact_##name##_backward_f32(size_t n, const float *x, const float *dy, float *dx, float p1);
#define VACT_UNARY2(name, p1, p2)                                                \
    void vact_##name##_f32(size_t n, const float *x, float *y, float p1, float p2); \
    void vact_##name##_backward_f32(size_t n, const float *x, const float *dy, float *dx, \
                                    float p1, float p2);

/* sigmoid(x) = 1/(1+e^-x); sigmoid(-inf)=0, sigmoid(+inf)=1.
 * sigmoid'(x) = e/(1+e)^2 with e = e^-|x|.  max ULP measured: fwd 1.53 (exhaustive), bwd 2.63 */
VACT_UNARY0(sigmoid)
/* tanh(x); odd, keeps the sign of zero; +-1 at +-inf.
 * tanh'(x) = 4e/(1+e)^2 with e = e^-2|x|.  max ULP measured: fwd 1.17 (exhaustive), bwd 3.22 (exhaustive) */
VACT_UNARY0(tanh)
/* relu(x) = max(0, x); relu'(0) = 0. Exact. */
VACT_UNARY0(relu)
/* relu6(x) = min(max(0, x), 6). Exact. */
VACT_UNARY0(relu6)
/* leaky_relu(x) = x > 0 ? x : alpha*x. Exact (one rounding of alpha*x). */
VACT_UNARY1(leaky_relu, alpha)
/* elu(x) = x > 0 ? x : alpha*(e^x - 1); elu(-inf) = -alpha.  max ULP measured: fwd 1.05, bwd 1.70 */
VACT_UNARY1(elu, alpha)
/* selu(x) = lambda*(x > 0 ? x : alpha*(e^x - 1)), alpha = 1.67326324,
 * lambda = 1.05070098 (the decimals, exactly as written).  max ULP measured: fwd 1.01, bwd 1.60 */
VACT_UNARY0(selu)
/* celu(x) = max(0,x) + min(0, alpha*(e^(x/alpha) - 1)), x/alpha exact.  max ULP measured: fwd 1.25, bwd 1.15 */
VACT_UNARY1(celu, alpha)
/* silu(x) = x*sigmoid(x); silu(-inf) = -0.  max ULP measured: fwd 1.70 (exhaustive), bwd 3.01 (exhaustive) */
VACT_UNARY0(silu)
/* swish(x) = x*sigmoid(beta*x) with the exact product beta*x.  max ULP measured: fwd 1.72, bwd 3.08 (exhaustive, beta 1.702 and 0.3) */
VACT_UNARY1(swish, beta)
/* gelu(x) = x*Phi(x) = x/2*erfc(-x/sqrt 2).  max ULP measured: fwd 1.64, bwd 2.35 (exhaustive: 1.75, 2.71) */
VACT_UNARY0(gelu)
/* gelu_tanh(x) = x/2*(1+tanh(sqrt(2/pi)(x+0.044715x^3))).  max ULP measured: fwd 1.38, bwd 3.34 (every float) */
VACT_UNARY0(gelu_tanh)
/* softplus(x) = log(1+e^x).  max ULP measured: fwd 1.65, bwd 1.49 */
VACT_UNARY0(softplus)
/* softsign(x) = x/(1+|x|); odd, keeps the sign of zero.  max ULP measured: fwd 0.75, bwd 1.89 */
VACT_UNARY0(softsign)
/* mish(x) = x*tanh(softplus(x)).  max ULP measured: fwd 1.07 (1.08 exhaustive), bwd 1.41 */
VACT_UNARY0(mish)
/* log_sigmoid(x) = -softplus(-x).  max ULP measured: fwd 1.65, bwd 1.49 */
VACT_UNARY0(log_sigmoid)
/* hard_sigmoid(x) = relu6(x+3)/6.  max ULP measured: fwd 1.33, bwd 0.33 */
VACT_UNARY0(hard_sigmoid)
/* hard_swish(x) = x*relu6(x+3)/6.  max ULP measured: fwd 1.46 (exhaustive on [-3,3]: 1.49), bwd 1.33 */
VACT_UNARY0(hard_swish)
/* hard_tanh(x) = min(max(x,-1),1); keeps the sign of zero. Exact. */
VACT_UNARY0(hard_tanh)
/* tanh_shrink(x) = x - tanh(x); keeps the sign of zero.  max ULP measured: fwd 1.56, bwd 2.50 */
VACT_UNARY0(tanh_shrink)
/* soft_shrink(x) = x > t ? x-t : x < -t ? x+t : 0. Exact up to one rounding. */
VACT_UNARY1(soft_shrink, threshold)
/* hard_shrink(x) = |x| > t ? x : 0. Exact. */
VACT_UNARY1(hard_shrink, threshold)
/* threshold(x) = x > t ? x : value. Exact. */
VACT_UNARY2(threshold, threshold, value)
/* sparse_plus(x) = x <= -1 ? 0 : x >= 1 ? x : (x+1)^2/4.  max ULP measured: fwd 0.50, bwd 0.50 */
VACT_UNARY0(sparse_plus)
/* squareplus(x) = (x + sqrt(x^2 + b))/2.  max ULP measured: fwd 1.23, bwd 2.97 */
VACT_UNARY1(squareplus, b)
/* exponential(x) = e^x.  max ULP measured: fwd 0.97, bwd 0.97 */
VACT_UNARY0(exponential)

#undef VACT_UNARY0
#undef VACT_UNARY1
#undef VACT_UNARY2

/* ------------------------------------------------------------------ */
/* Per-channel and row-wise functions (row-major)                      */
/* ------------------------------------------------------------------ */

/* y[r][c] = x > 0 ? x : alpha[c]*x. */
void vact_prelu_f32(size_t rows, size_t channels, const float *x, const float *alpha, float *y);
/* dx = dy * (x > 0 ? 1 : alpha[c]); dalpha[c] = sum over rows of dy*x where
 * x < 0 (overwritten; 0 when rows == 0), summed in one fixed order on every ISA. */
void vact_prelu_backward_f32(size_t rows, size_t channels, const float *x, const float *alpha,
                             const float *dy, float *dx, float *dalpha);
/* y = e^(x - max) / sum e^(x - max) per row. A NaN makes the row NaN; one +inf
 * gives one-hot; a row of all -inf gives NaN. Max ULP measured 1.67 (rows up
 * to 4097, |x| <= 100), rows sum to 1 within 5e-8. */
void vact_softmax_f32(size_t rows, size_t cols, const float *x, float *y);
/* dx = y * (dy - sum(y*dy)), from the forward's output y. */
void vact_softmax_backward_f32(size_t rows, size_t cols, const float *y, const float *dy, float *dx);
/* y = (x - max) - log(sum e^(x - max)). Max ULP measured 1.20 (ulp of max(|r|,1)). */
void vact_log_softmax_f32(size_t rows, size_t cols, const float *x, float *y);
/* dx = dy - e^y * sum(dy), from the forward's output y. */
void vact_log_softmax_backward_f32(size_t rows, size_t cols, const float *y, const float *dy, float *dx);
/* Euclidean projection of each row onto the probability simplex. */
void vact_sparsemax_f32(size_t rows, size_t cols, const float *x, float *y);
/* dx = [y > 0] * (dy - mean of dy over the support), from the output y. */
void vact_sparsemax_backward_f32(size_t rows, size_t cols, const float *y, const float *dy, float *dx);
/* cols even; x row = [a | b] (cols/2 each); y is rows x cols/2: a*sigmoid(b).
 * Max ULP measured: fwd 1.59; backward da 2.0, db 3.25. */
void vact_glu_f32(size_t rows, size_t cols, const float *x, float *y);
/* dy is rows x cols/2, dx is rows x cols: da = dy*sigmoid(b), db = dy*a*sigmoid'(b). */
void vact_glu_backward_f32(size_t rows, size_t cols, const float *x, const float *dy, float *dx);

#ifdef __cplusplus
}
#endif

#endif /* VACT_H */
