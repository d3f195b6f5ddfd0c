/*
 * vact: SIMD activation functions and their derivatives.
 *
 * The full contract is docs/contract.md; in short:
 *  - n first, then inputs, then outputs, then parameters.
 *  - Pointers aligned to float; any float offset is fine. n == 0 (rows == 0,
 *    cols == 0) writes nothing and accepts NULL. y may equal x, dx may equal
 *    dy or x (partial overlap is undefined).
 *  - No heap allocation, no change of MXCSR/FPCR, thread-safe, reentrant.
 *  - Backward: dx[i] = dy[i] * f'(x[i]); a NaN in x or dy gives a NaN in dx.
 *  - A parameter outside its domain (given per function below) makes every
 *    output of the call NaN: y[0..n) forward, dx[0..n) backward.
 *  - NaN in gives NaN out; +-inf gives the limit; subnormals are not flushed.
 *  - Every ISA (scalar, AVX2, AVX-512, NEON) returns bitwise identical
 *    results (any NaN equals any NaN).
 *  - Accuracy over every finite input: forward <= 2 ULP, backward <= 4 ULP
 *    (dy = 1) and <= 6 ULP (any dy); piecewise-linear functions are exact.
 *    Each function's measured maximum is stated once, in
 *    src/common/functions.def, and printed by `vact list`.
 */
#ifndef VACT_H
#define VACT_H

#include <stddef.h>
#include <stdint.h>

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
/* bf16 and f16: 16-bit storage types (the bits, in a uint16_t)        */
/* ------------------------------------------------------------------ */

typedef uint16_t vact_bf16; /* bfloat16: the high 16 bits of an IEEE binary32 */
typedef uint16_t vact_f16;  /* IEEE binary16 */

/* Conversions: to 16 bit rounded to nearest even (subnormals kept, overflow
 * to +-inf, NaN stays a NaN, made quiet); to f32 exact. */
void vact_f32_to_bf16(size_t n, const float *x, vact_bf16 *y);
void vact_bf16_to_f32(size_t n, const vact_bf16 *x, float *y);
void vact_f32_to_f16(size_t n, const float *x, vact_f16 *y);
void vact_f16_to_f32(size_t n, const vact_f16 *x, float *y);

/* ------------------------------------------------------------------ */
/* Elementwise functions                                               */
/* forward:  void vact_NAME_f32(size_t n, const float *x, float *y, ...) */
/* backward: void vact_NAME_backward_f32(size_t n, const float *x,     */
/*               const float *dy, float *dx, ...)                       */
/* and the same in bf16 and f16 (parameters stay float):                */
/*   vact_NAME_bf16(size_t n, const vact_bf16 *x, vact_bf16 *y, ...)    */
/*   vact_NAME_backward_bf16(n, x, dy, dx, ...), vact_NAME_f16, ...     */
/* 16 bit: f(exact input) rounded once to the output type, <= 1 ULP of  */
/* that type, exact where representable; a NaN result (and every output */
/* for a parameter outside its domain) is the NaN 0x7fc0 (bf16) /       */
/* 0x7e00 (f16), except vact_leaky_relu_bf16 / _f16 with a finite      */
/* nonzero alpha: a NaN x gives x itself, made quiet (as XNNPACK).      */
/* ------------------------------------------------------------------ */

#define VACT_T16_DECL(name, T, ...)                                              \
    void vact_##name##_##T(size_t n, const vact_##T *x, vact_##T *y __VA_ARGS__); \
    void vact_##name##_backward_##T(size_t n, const vact_##T *x, const vact_##T *dy, \
                                    vact_##T *dx __VA_ARGS__);
#define VACT_UNARY0(name)                                                        \
    void vact_##name##_f32(size_t n, const float *x, float *y);                  \
    void vact_##name##_backward_f32(size_t n, const float *x, const float *dy, float *dx); \
    VACT_T16_DECL(name, bf16, ) VACT_T16_DECL(name, f16, )
#define VACT_UNARY1(name, p1)                                                    \
    void vact_##name##_f32(size_t n, const float *x, float *y, float p1);        \
    void vact_##name##_backward_f32(size_t n, const float *x, const float *dy, float *dx, float p1); \
    VACT_T16_DECL(name, bf16, , float p1) VACT_T16_DECL(name, f16, , float p1)
#define VACT_UNARY2(name, p1, p2)                                                \
    void vact_##name##_f32(size_t n, const float *x, float *y, float p1, float p2); \
    void vact_##name##_backward_f32(size_t n, const float *x, const float *dy, float *dx, \
                                    float p1, float p2);                         \
    VACT_T16_DECL(name, bf16, , float p1, float p2) VACT_T16_DECL(name, f16, , float p1, float p2)

VACT_UNARY0(sigmoid)
/* tanh(x); odd, keeps the sign of zero; tanh(+-inf) = +-1. */
VACT_UNARY0(tanh)
/* relu(x) = max(0, x); relu'(0) = 0. Exact. */
VACT_UNARY0(relu)
/* relu6(x) = min(max(0, x), 6). Exact. */
VACT_UNARY0(relu6)
/* leaky_relu(x) = x > 0 ? x : alpha*x; alpha finite. Exact (one rounding). */
VACT_UNARY1(leaky_relu, alpha)
/* elu(x) = x > 0 ? x : alpha*(e^x - 1); alpha finite; elu(-inf) = -alpha. */
VACT_UNARY1(elu, alpha)
/* selu(x) = lambda*(x > 0 ? x : alpha*(e^x - 1)), alpha = 1.67326324, lambda = 1.05070098 exactly. */
VACT_UNARY0(selu)
/* celu(x) = max(0, x) + min(0, alpha*(e^(x/alpha) - 1)), x/alpha exact; alpha > 0, normal (>= 2^-126) and finite. */
VACT_UNARY1(celu, alpha)
/* silu(x) = x*sigmoid(x); silu(-inf) = 0 (either sign), silu(+inf) = +inf. */
VACT_UNARY0(silu)
/* swish(x) = x*sigmoid(beta*x) with the exact product beta*x; beta finite. */
VACT_UNARY1(swish, beta)
/* gelu(x) = x*Phi(x) = x/2*erfc(-x/sqrt 2), x/sqrt 2 exact; gelu(-inf) = 0. */
VACT_UNARY0(gelu)
/* gelu_tanh(x) = x/2*(1 + tanh(sqrt(2/pi)*(x + 0.044715x^3))), exact constants. */
VACT_UNARY0(gelu_tanh)
/* softplus(x) = log(1 + e^x); softplus(-inf) = 0, softplus(+inf) = +inf. */
VACT_UNARY0(softplus)
/* softsign(x) = x/(1 + |x|); odd, keeps the sign of zero; softsign(+-inf) = +-1. */
VACT_UNARY0(softsign)
/* mish(x) = x*tanh(softplus(x)); mish(-inf) = 0 (either sign). */
VACT_UNARY0(mish)
/* log_sigmoid(x) = -softplus(-x); log_sigmoid(-inf) = -inf, log_sigmoid(+inf) = 0. */
VACT_UNARY0(log_sigmoid)
/* hard_sigmoid(x) = relu6(x + 3)/6. */
VACT_UNARY0(hard_sigmoid)
/* hard_swish(x) = x*relu6(x + 3)/6. */
VACT_UNARY0(hard_swish)
/* hard_tanh(x) = min(max(x, -1), 1); keeps the sign of zero. Exact. */
VACT_UNARY0(hard_tanh)
/* tanh_shrink(x) = x - tanh(x); odd, keeps the sign of zero. */
VACT_UNARY0(tanh_shrink)
/* soft_shrink(x) = x > t ? x - t : x < -t ? x + t : 0; threshold t >= 0 and finite. Exact (one rounding). */
VACT_UNARY1(soft_shrink, threshold)
/* hard_shrink(x) = |x| > t ? x : 0; threshold t not NaN (+-inf allowed). Exact. */
VACT_UNARY1(hard_shrink, threshold)
/* threshold(x) = x > t ? x : value; threshold t not NaN, value any float (NaN included). Exact. */
VACT_UNARY2(threshold, threshold, value)
/* sparse_plus(x) = x <= -1 ? 0 : x >= 1 ? x : (x + 1)^2/4. */
VACT_UNARY0(sparse_plus)
/* squareplus(x) = (x + sqrt(x^2 + b))/2; b >= 0 and finite. */
VACT_UNARY1(squareplus, b)
/* exponential(x) = e^x; exponential(-inf) = 0. */
VACT_UNARY0(exponential)

#undef VACT_UNARY0
#undef VACT_UNARY1
#undef VACT_UNARY2
#undef VACT_T16_DECL

/* ------------------------------------------------------------------ */
/* Per-channel and row-wise functions (row-major)                      */
/* ------------------------------------------------------------------ */

/* Shapes (docs/contract.md "Shapes that cannot be valid"): rows == 0 or
 * cols == 0 writes nothing (NULL allowed); a shape of more than SIZE_MAX
 * bytes (rows * cols * sizeof(float) overflowing size_t) writes nothing. */

/* y[r][c] = x > 0 ? x : alpha[c]*x (exact); alpha is not checked. */
void vact_prelu_f32(size_t rows, size_t channels, const float *x, const float *alpha, float *y);
/* dx = dy * (x > 0 ? 1 : alpha[c]) (exact); dalpha[c] = sum over rows of dy*x
 * where x < 0, overwritten, summed in one fixed order on every ISA. rows == 0
 * sets dalpha[0..channels) to 0 and writes nothing else. */
void vact_prelu_backward_f32(size_t rows, size_t channels, const float *x, const float *alpha,
                             const float *dy, float *dx, float *dalpha);
/* y = e^(x - max) / sum e^(x - max) per row. A NaN makes the row NaN; one +inf
 * gives one-hot; a row of all -inf gives NaN. Rows sum to 1 within 1e-5. */
void vact_softmax_f32(size_t rows, size_t cols, const float *x, float *y);
/* dx = y * (dy - sum(y*dy)), from the forward's output y. */
void vact_softmax_backward_f32(size_t rows, size_t cols, const float *y, const float *dy, float *dx);
/* y = (x - max) - log(sum e^(x - max)) per row; NaN, +inf and all -inf rows as softmax
 * (one +inf: 0 there, -inf elsewhere). */
void vact_log_softmax_f32(size_t rows, size_t cols, const float *x, float *y);
/* dx = dy - e^y * sum(dy), from the forward's output y. */
void vact_log_softmax_backward_f32(size_t rows, size_t cols, const float *y, const float *dy, float *dx);
/* Euclidean projection of each row onto the probability simplex. */
void vact_sparsemax_f32(size_t rows, size_t cols, const float *x, float *y);
/* dx = [y > 0] * (dy - mean of dy over the support), from the output y. */
void vact_sparsemax_backward_f32(size_t rows, size_t cols, const float *y, const float *dy, float *dx);
/* x row = [a | b] (cols/2 each); y is rows x cols/2: a*sigmoid(b). cols must be
 * even: with an odd cols every output (rows x cols/2) is NaN. */
void vact_glu_f32(size_t rows, size_t cols, const float *x, float *y);
/* dy is rows x cols/2, dx is rows x cols: da = dy*sigmoid(b), db = dy*a*sigmoid'(b).
 * With an odd cols every output (rows x cols) is NaN. */
void vact_glu_backward_f32(size_t rows, size_t cols, const float *x, const float *dy, float *dx);

/* Row-wise in bf16 and f16: softmax, log_softmax and glu, the same shapes and
 * special rows as f32, the f32 result rounded once to the output type. */
void vact_softmax_bf16(size_t rows, size_t cols, const vact_bf16 *x, vact_bf16 *y);
void vact_softmax_backward_bf16(size_t rows, size_t cols, const vact_bf16 *y, const vact_bf16 *dy, vact_bf16 *dx);
void vact_softmax_f16(size_t rows, size_t cols, const vact_f16 *x, vact_f16 *y);
void vact_softmax_backward_f16(size_t rows, size_t cols, const vact_f16 *y, const vact_f16 *dy, vact_f16 *dx);
void vact_log_softmax_bf16(size_t rows, size_t cols, const vact_bf16 *x, vact_bf16 *y);
void vact_log_softmax_backward_bf16(size_t rows, size_t cols, const vact_bf16 *y, const vact_bf16 *dy, vact_bf16 *dx);
void vact_log_softmax_f16(size_t rows, size_t cols, const vact_f16 *x, vact_f16 *y);
void vact_log_softmax_backward_f16(size_t rows, size_t cols, const vact_f16 *y, const vact_f16 *dy, vact_f16 *dx);
void vact_glu_bf16(size_t rows, size_t cols, const vact_bf16 *x, vact_bf16 *y);
void vact_glu_backward_bf16(size_t rows, size_t cols, const vact_bf16 *x, const vact_bf16 *dy, vact_bf16 *dx);
void vact_glu_f16(size_t rows, size_t cols, const vact_f16 *x, vact_f16 *y);
void vact_glu_backward_f16(size_t rows, size_t cols, const vact_f16 *x, const vact_f16 *dy, vact_f16 *dx);
/* ------------------------------------------------------------------ */
/* Fast tier (f32): every function above that is not exact, and        */
/* softmax, log_softmax and glu, with the same signatures:             */
/*   vact_NAME_fast_f32(n, x, y, ...)                                  */
/*   vact_NAME_fast_backward_f32(n, x, dy, dx, ...)                    */
/* forward <= 4 ULP, backward <= 8 ULP (any dy), ulp taken of          */
/* max(|r|, 2^-20); the same special values, no NaN from a finite      */
/* input; deterministic per ISA, but the bits may differ between ISAs  */
/* (docs/contract.md, "Fast tier").                                     */
/* ------------------------------------------------------------------ */

#define VACT_FAST0(name)                                                          \
    void vact_##name##_fast_f32(size_t n, const float *x, float *y);              \
    void vact_##name##_fast_backward_f32(size_t n, const float *x, const float *dy, float *dx);
#define VACT_FAST1(name, p1)                                                      \
    void vact_##name##_fast_f32(size_t n, const float *x, float *y, float p1);    \
    void vact_##name##_fast_backward_f32(size_t n, const float *x, const float *dy, float *dx, float p1);
#define VACT_FAST2(name, p1, p2)                                                  \
    void vact_##name##_fast_f32(size_t n, const float *x, float *y, float p1, float p2); \
    void vact_##name##_fast_backward_f32(size_t n, const float *x, const float *dy, float *dx, \
                                         float p1, float p2);
VACT_FAST0(sigmoid)
VACT_FAST0(tanh)
VACT_FAST1(elu, alpha)
VACT_FAST0(selu)
VACT_FAST1(celu, alpha)
VACT_FAST0(silu)
VACT_FAST1(swish, beta)
VACT_FAST0(gelu)
VACT_FAST0(gelu_tanh)
VACT_FAST0(softplus)
VACT_FAST0(softsign)
VACT_FAST0(mish)
VACT_FAST0(log_sigmoid)
VACT_FAST0(hard_sigmoid)
VACT_FAST0(hard_swish)
VACT_FAST0(tanh_shrink)
VACT_FAST0(sparse_plus)
VACT_FAST1(squareplus, b)
VACT_FAST0(exponential)
#undef VACT_FAST0
#undef VACT_FAST1
#undef VACT_FAST2
void vact_softmax_fast_f32(size_t rows, size_t cols, const float *x, float *y);
void vact_softmax_fast_backward_f32(size_t rows, size_t cols, const float *y, const float *dy, float *dx);
void vact_log_softmax_fast_f32(size_t rows, size_t cols, const float *x, float *y);
void vact_log_softmax_fast_backward_f32(size_t rows, size_t cols, const float *y, const float *dy, float *dx);
void vact_glu_fast_f32(size_t rows, size_t cols, const float *x, float *y);
void vact_glu_fast_backward_f32(size_t rows, size_t cols, const float *x, const float *dy, float *dx);

/* ------------------------------------------------------------------ */
/* Your own activations (expressions)                                  */
/* ------------------------------------------------------------------ */

/* A formula in x and named parameters, compiled once, evaluated on vact's
 * kernels of the active ISA (same bits on every ISA), with its derivative by
 * reverse-mode AD. Grammar: numbers (C float literals), x, parameter names,
 * + - * /, unary -, ^ with an integer exponent (|k| <= 16), parentheses,
 * min(a,b), max(a,b) (NaN if either is NaN; min(+0,-0) = -0, max = +0), abs,
 * sqrt, exp, expm1, log, log1p, erf, erfc, and every elementwise activation
 * by its name: NAME(arg) with its default parameters or NAME(arg, p1[, p2]),
 * each parameter a number or a declared parameter (optionally negated). A
 * declared parameter may be the parameter of leaky_relu, elu and swish only
 * (their gradient is supported); elsewhere in an activation's parameter slot
 * write a number. At most 32 values (nodes) and 8 parameters. An expression
 * that is one activation gives exactly that activation's bits. */
typedef struct vact_expr vact_expr;
/* Compiles `formula` in the variable x and the named parameters (a comma-
 * separated list, e.g. "alpha,beta", or NULL). Returns NULL on error and, if
 * err is not NULL, writes a message with the 1-based column into err. */
vact_expr *vact_expr_compile(const char *formula, const char *params, char *err, size_t errlen);
void vact_expr_free(vact_expr *e);
/* p: the parameter values in the order given at compile time. No allocation;
 * one compiled expression may be used from several threads at once. */
void vact_expr_f32(const vact_expr *e, size_t n, const float *x, float *y, const float *p);
/* dx = dy * df/dx; dp[k] = sum over i of dy[i] * df/dp_k(x[i]) (overwritten; may
 * be NULL), summed in one fixed order on every ISA (it may depend on n). */
void vact_expr_backward_f32(const vact_expr *e, size_t n, const float *x, const float *dy,
                            float *dx, const float *p, float *dp);

#ifdef __cplusplus
}
#endif

#endif /* VACT_H */
