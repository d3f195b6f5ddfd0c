/* Reference formulas (double precision, stable forms):
 *  sigmoid      x>=0: 1/(1+e), x<0: e/(1+e), e = exp(-|x|);  d = e/(1+e)^2
 *  tanh         libm tanh;                                    d = 4e/(1+e)^2, e = exp(-2|x|)
 *  relu/relu6/leaky_relu/hard_tanh/soft_shrink/hard_shrink/threshold: definitions (exact)
 *  elu, selu    x>0 ? x : a*expm1(x);                         d = a*exp(x)
 *  celu         max(0,x) + min(0, a*expm1(x/a));              d = x>0 ? 1 : exp(x/a)
 *  silu, swish  x*sigmoid(bx);                                d = s + bx*s'(bx)
 *  gelu         x/2*erfc(-x/sqrt2);                           d = erfc(-x/sqrt2)/2 + x*exp(-x^2/2)/sqrt(2pi)
 *  gelu_tanh    x*sigmoid(2u), u = sqrt(2/pi)(x+0.044715x^3); d = s(2u) + 2x s'(2u) u'
 *  softplus     max(x,0) + log1p(exp(-|x|));                  d = sigmoid(x)
 *  softsign     x/(1+|x|);                                    d = 1/(1+|x|)^2
 *  mish         x*tanh(sp), sp = softplus(x);                 d = tanh(sp) + x*sigmoid(x)*4e/(1+e)^2, e = exp(-2sp)
 *  log_sigmoid  min(x,0) - log1p(exp(-|x|));                  d = sigmoid(-x)
 *  hard_sigmoid min(max(x+3,0),6)/6;  hard_swish x*that;  sparse_plus (x+1)^2/4 inside [-1,1]
 *  tanh_shrink  x - tanh(x), series x^3/3 - 2x^5/15 + 17x^7/315 - 62x^9/2835 for |x| < 0.01; d = tanh^2
 *  squareplus   x>=0: (x+s)/2, x<0: b/(2(s-x)), s = sqrt(x^2+b); d = x>=0: (1+x/s)/2, x<0: b/(2s(s-x))
 *  exponential  exp(x)
 * Infinite inputs are evaluated at +-1e300 (the limit), see test_ulp.c. */
#define _GNU_SOURCE
#include "vact_ref.h"
#include <math.h>
#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif
#include <string.h>

static double sig(double x) {
    double e = exp(-fabs(x));
    return x >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
}
static double dsig(double x) {
    double e = exp(-fabs(x));
    return e / ((1.0 + e) * (1.0 + e));
}
#define UNUSED (void)p
static double ref_f_sigmoid(double x, const double *p) { UNUSED; return sig(x); }
static double ref_d_sigmoid(double x, const double *p) { UNUSED; return dsig(x); }
static double ref_f_tanh(double x, const double *p) { UNUSED; return tanh(x); }
static double ref_d_tanh(double x, const double *p) {
    UNUSED;
    double e = exp(-2 * fabs(x));
    return 4 * e / ((1 + e) * (1 + e));
}
static double ref_f_relu(double x, const double *p) { UNUSED; return x > 0 ? x : 0; }
static double ref_d_relu(double x, const double *p) { UNUSED; return x > 0 ? 1 : 0; }
static double ref_f_relu6(double x, const double *p) { UNUSED; return x > 0 ? (x < 6 ? x : 6) : 0; }
static double ref_d_relu6(double x, const double *p) { UNUSED; return x > 0 && x < 6 ? 1 : 0; }
static double ref_f_leaky_relu(double x, const double *p) { return x > 0 ? x : p[0] * x; }
static double ref_d_leaky_relu(double x, const double *p) { return x > 0 ? 1 : p[0]; }
static double ref_f_elu(double x, const double *p) { return x > 0 ? x : p[0] * expm1(x); }
static double ref_d_elu(double x, const double *p) { return x > 0 ? 1 : p[0] * exp(x); }
static const double SELU_A = 1.67326324, SELU_L = 1.05070098;
static double ref_f_selu(double x, const double *p) { UNUSED; return SELU_L * (x > 0 ? x : SELU_A * expm1(x)); }
static double ref_d_selu(double x, const double *p) { UNUSED; return SELU_L * (x > 0 ? 1 : SELU_A * exp(x)); }
static double ref_f_celu(double x, const double *p) {
    double m = p[0] * expm1(x / p[0]);
    return (x > 0 ? x : 0) + (m < 0 ? m : 0);
}
static double ref_d_celu(double x, const double *p) { return x > 0 ? 1 : exp(x / p[0]); }
static double ref_f_silu(double x, const double *p) { UNUSED; return x * sig(x); }
static double ref_d_silu(double x, const double *p) { UNUSED; return sig(x) + x * dsig(x); }
static double ref_f_swish(double x, const double *p) { return x * sig(p[0] * x); }
static double ref_d_swish(double x, const double *p) { return sig(p[0] * x) + p[0] * x * dsig(p[0] * x); }
static double ref_f_gelu(double x, const double *p) { UNUSED; return 0.5 * x * erfc(-x / sqrt(2.0)); }
static double ref_d_gelu(double x, const double *p) {
    UNUSED;
    return 0.5 * erfc(-x / sqrt(2.0)) + x * exp(-0.5 * x * x) / sqrt(2 * M_PI);
}
static double gt_u(double x) { return sqrt(2 / M_PI) * (x + 0.044715 * x * x * x); }
static double ref_f_gelu_tanh(double x, const double *p) { UNUSED; return x * sig(2 * gt_u(x)); }
static double ref_d_gelu_tanh(double x, const double *p) {
    UNUSED;
    double u = gt_u(x), du = sqrt(2 / M_PI) * (1 + 3 * 0.044715 * x * x);
    double ds = dsig(2 * u); /* 0 in both tails, where du may be inf (x = +-1e300) */
    return sig(2 * u) + (ds == 0 ? 0 : 2 * x * ds * du);
}
static double sp(double x) { return (x > 0 ? x : 0) + log1p(exp(-fabs(x))); }
static double ref_f_softplus(double x, const double *p) { UNUSED; return sp(x); }
static double ref_d_softplus(double x, const double *p) { UNUSED; return sig(x); }
static double ref_f_softsign(double x, const double *p) { UNUSED; return x / (1 + fabs(x)); }
static double ref_d_softsign(double x, const double *p) { UNUSED; return 1 / ((1 + fabs(x)) * (1 + fabs(x))); }
static double ref_f_mish(double x, const double *p) { UNUSED; return x * tanh(sp(x)); }
static double ref_d_mish(double x, const double *p) {
    UNUSED;
    double s = sp(x), e = exp(-2 * s);
    return tanh(s) + x * sig(x) * 4 * e / ((1 + e) * (1 + e));
}
static double ref_f_log_sigmoid(double x, const double *p) { UNUSED; return (x < 0 ? x : 0) - log1p(exp(-fabs(x))); }
static double ref_d_log_sigmoid(double x, const double *p) { UNUSED; return sig(-x); }
static double ref_f_hard_sigmoid(double x, const double *p) { UNUSED; return ref_f_relu6(x + 3, p) / 6; }
static double ref_d_hard_sigmoid(double x, const double *p) { UNUSED; return x > -3 && x < 3 ? 1.0 / 6 : 0; }
static double ref_f_hard_swish(double x, const double *p) { UNUSED; return x * ref_f_relu6(x + 3, p) / 6; }
static double ref_d_hard_swish(double x, const double *p) {
    UNUSED;
    return x <= -3 ? 0 : x >= 3 ? 1 : (2 * x + 3) / 6;
}
static double ref_f_hard_tanh(double x, const double *p) { UNUSED; return x < -1 ? -1 : x > 1 ? 1 : x; }
static double ref_d_hard_tanh(double x, const double *p) { UNUSED; return x > -1 && x < 1 ? 1 : 0; }
static double ref_f_tanh_shrink(double x, const double *p) {
    UNUSED;
    if (fabs(x) < 0.01) {
        double x2 = x * x;
        return x * x2 * (1.0 / 3 + x2 * (-2.0 / 15 + x2 * (17.0 / 315 + x2 * (-62.0 / 2835))));
    }
    return x - tanh(x);
}
static double ref_d_tanh_shrink(double x, const double *p) { UNUSED; return tanh(x) * tanh(x); }
static double ref_f_soft_shrink(double x, const double *p) { return x > p[0] ? x - p[0] : x < -p[0] ? x + p[0] : 0; }
static double ref_d_soft_shrink(double x, const double *p) { return fabs(x) > p[0] ? 1 : 0; }
static double ref_f_hard_shrink(double x, const double *p) { return fabs(x) > p[0] ? x : 0; }
static double ref_d_hard_shrink(double x, const double *p) { return fabs(x) > p[0] ? 1 : 0; }
static double ref_f_threshold(double x, const double *p) { return x > p[0] ? x : p[1]; }
static double ref_d_threshold(double x, const double *p) { return x > p[0] ? 1 : 0; }
static double ref_f_sparse_plus(double x, const double *p) { UNUSED; return x <= -1 ? 0 : x >= 1 ? x : (x + 1) * (x + 1) / 4; }
static double ref_d_sparse_plus(double x, const double *p) { UNUSED; return x <= -1 ? 0 : x >= 1 ? 1 : (x + 1) / 2; }
/* s = sqrt(x^2 + b); x^2 would overflow at the +-1e300 standing for +-inf,
 * where s = |x| to double precision anyway (b is a float) */
static double sqp_s(double x, double b) { return fabs(x) > 1e150 ? fabs(x) : sqrt(x * x + b); }
static double ref_f_squareplus(double x, const double *p) {
    double s = sqp_s(x, p[0]);
    return x >= 0 ? (x + s) / 2 : p[0] / (2 * (s - x));
}
static double ref_d_squareplus(double x, const double *p) {
    double s = sqp_s(x, p[0]);
    if (s == 0) return 0; /* b = 0, x = 0: squareplus is relu there, relu'(0) = 0 */
    return x >= 0 ? (1 + x / s) / 2 : p[0] / (2 * s * (s - x));
}
static double ref_f_exponential(double x, const double *p) { UNUSED; return exp(x); }

static double ref_d_exponential(double x, const double *p) { return ref_f_exponential(x, p); }

/* Calls of the public entry points with the parameters p[0], p[1]. */
#define ARGS_0(P)
#define ARGS_1(P) , p[0]
#define ARGS_2(P) , p[0], p[1]
#define VACT_EW(name, P, F, U, S, R)                                                                  \
    static void pub_f_##name(size_t n, const float *x, float *y, const float *p) {               \
        (void)p;                                                                                 \
        vact_##name##_f32(n, x, y VACT_CAT(ARGS_, VACT_P_COUNT(P))(P));                          \
    }                                                                                            \
    static void pub_d_##name(size_t n, const float *x, const float *dy, float *dx, const float *p) { \
        (void)p;                                                                                 \
        vact_##name##_backward_f32(n, x, dy, dx VACT_CAT(ARGS_, VACT_P_COUNT(P))(P));            \
    }                                                                                            \
    VACT_IF_FAST(R,                                                                              \
    static void pub_ff_##name(size_t n, const float *x, float *y, const float *p) {              \
        (void)p;                                                                                 \
        vact_##name##_fast_f32(n, x, y VACT_CAT(ARGS_, VACT_P_COUNT(P))(P));                     \
    }                                                                                            \
    static void pub_fd_##name(size_t n, const float *x, const float *dy, float *dx, const float *p) { \
        (void)p;                                                                                 \
        vact_##name##_fast_backward_f32(n, x, dy, dx VACT_CAT(ARGS_, VACT_P_COUNT(P))(P));       \
    })
#include "common/functions.def"
/* the fast tier's part of a ref_fn: VACT_TF or VACT_TA */
#define REF_FAST_1(name) 1, offsetof(vact_table, name##_fast), offsetof(vact_table, name##_fast_bwd), \
    pub_ff_##name, pub_fd_##name
#define REF_FAST_0(name) 0, 0, 0, NULL, NULL

const ref_fn ref_fns[] = {
#define VACT_EW(name, P, F, U, S, R)                                                                  \
    {#name, VACT_P_COUNT(P), VACT_S_COUNT(S), VACT_S_INIT(S), ref_f_##name, ref_d_##name, F,     \
     {VACT_U_FWD(U), VACT_U_BWD(U), VACT_U_BWD_DY(U)}, {VACT_P_DOM1(P), VACT_P_DOM2(P)},        \
     offsetof(vact_table, name), offsetof(vact_table, name##_bwd), pub_f_##name, pub_d_##name,  \
     VACT_CAT(REF_FAST_, R)(name)},
#include "common/functions.def"
};
const size_t ref_nfns = sizeof ref_fns / sizeof ref_fns[0];

/* The primitives of the expressions (VACT_PRIM lines): no parameters, no
 * public entry point (pub_fwd / pub_bwd NULL). +inf arrives as 1e300 (the
 * limit): log and log1p give +inf there. */
static double ref_f_neg(double x, const double *p) { UNUSED; return -x; }
static double ref_d_neg(double x, const double *p) { UNUSED; (void)x; return -1; }
static double ref_f_abs(double x, const double *p) { UNUSED; return fabs(x); }
static double ref_d_abs(double x, const double *p) { UNUSED; return signbit(x) ? -1 : 1; }
static double ref_f_sqrt(double x, const double *p) { UNUSED; return sqrt(x); }
static double ref_d_sqrt(double x, const double *p) { UNUSED; return 0.5 / sqrt(x); }
static double ref_f_expm1(double x, const double *p) { UNUSED; return expm1(x); }
static double ref_d_expm1(double x, const double *p) { UNUSED; return exp(x); }
static double ref_f_log(double x, const double *p) { UNUSED; return x >= 1e300 ? INFINITY : log(x); }
static double ref_d_log(double x, const double *p) { UNUSED; return x < 0 ? NAN : 1 / x; }
static double ref_f_log1p(double x, const double *p) { UNUSED; return x >= 1e300 ? INFINITY : log1p(x); }
static double ref_d_log1p(double x, const double *p) { UNUSED; return x < -1 ? NAN : 1 / (1 + x); }
static double ref_f_erf(double x, const double *p) { UNUSED; return erf(x); }
static double ref_d_erf(double x, const double *p) { UNUSED; return 2 / sqrt(M_PI) * exp(-x * x); }
static double ref_f_erfc(double x, const double *p) { UNUSED; return erfc(x); }
static double ref_d_erfc(double x, const double *p) { UNUSED; return -2 / sqrt(M_PI) * exp(-x * x); }

const ref_fn ref_prims[] = {
#define VACT_PRIM(name, F, U)                                                                      \
    {#name, 0, 1, {{0, 0}, {0, 0}, {0, 0}, {0, 0}}, ref_f_##name, ref_d_##name, F,                \
     {VACT_U_FWD(U), VACT_U_BWD(U), VACT_U_BWD_DY(U)}, {0, 0},                                     \
     offsetof(vact_table, name), offsetof(vact_table, name##_bwd), NULL, NULL, REF_FAST_0(name)},
#include "common/functions.def"
};
const size_t ref_nprims = sizeof ref_prims / sizeof ref_prims[0];

const ref_fn *ref_find(const char *name) {
    for (size_t i = 0; i < ref_nfns; i++)
        if (!strcmp(ref_fns[i].name, name)) return &ref_fns[i];
    for (size_t i = 0; i < ref_nprims; i++)
        if (!strcmp(ref_prims[i].name, name)) return &ref_prims[i];
    return NULL;
}

double ref_ulp(double r) {
    r = fabs(r);
    int e = r > 0 ? ilogb(r) : -126;
    if (e < -126) e = -126;
    return ldexp(1.0, e - 23);
}

double ref_err(float y, double r, double ulp_of) {
    const double big = 0x1p128;
    double yd = y;
    if (isnan(yd) || isnan(r)) return isnan(yd) && isnan(r) ? 0 : INFINITY;
    if (isinf(yd) && isinf(r) && (yd > 0) == (r > 0)) return 0;
    if (isinf(yd)) yd = copysign(big, yd);
    if (fabs(r) > big) r = copysign(big, r);
    return fabs(yd - r) / ref_ulp(ulp_of);
}

void ref_call_fwd_tier(const vact_table *t, const ref_fn *f, int tier, const float *prm, size_t n,
                       const float *x, float *y) {
    vact_unary_fn fn;
    memcpy(&fn, (const char *)t + (tier ? f->off_fast_fwd : f->off_fwd), sizeof fn);
    vact_params p = {prm[0], prm[1]};
    fn(n, x, y, &p);
}
void ref_call_bwd_tier(const vact_table *t, const ref_fn *f, int tier, const float *prm, size_t n,
                       const float *x, const float *dy, float *dx) {
    vact_unary_bwd_fn fn;
    memcpy(&fn, (const char *)t + (tier ? f->off_fast_bwd : f->off_bwd), sizeof fn);
    vact_params p = {prm[0], prm[1]};
    fn(n, x, dy, dx, &p);
}
void ref_call_fwd(const vact_table *t, const ref_fn *f, const float *prm, size_t n, const float *x, float *y) {
    ref_call_fwd_tier(t, f, 0, prm, n, x, y);
}
void ref_call_bwd(const vact_table *t, const ref_fn *f, const float *prm, size_t n, const float *x,
                  const float *dy, float *dx) {
    ref_call_bwd_tier(t, f, 0, prm, n, x, dy, dx);
}

static int ref_same_bits(float a, float b) {
    if (isnan(a) && isnan(b)) return 1;
    return memcmp(&a, &b, 4) == 0;
}
/* ulp base of a backward value r = dy*d: |r|, or max(|r|, |dy|/16) for
 * VACT_FLOOR, and at least flo */
static double bwd_ulp_of(int flags, double r, float dy, double flo) {
    return fmax((flags & VACT_FLOOR) ? fmax(fabs(r), fabs((double)dy) / 16) : fabs(r), flo);
}
double ref_bwd_err(const ref_fn *f, const double *pd, float x, float dy, float dx, double d, double bound,
                   double flo) {
    double r = (double)dy * d;
    double e;
    if ((f->flags & VACT_PWL)) e = ref_same_bits((float)r, dx) || ((float)r == dx) ? 0 : INFINITY;
    else e = ref_err(dx, r, bwd_ulp_of(f->flags, r, dy, flo));
    if (e > bound && (f->flags & VACT_KINK) && isfinite(x)) {
        for (int s = -1; s <= 1; s += 2) {
            double d2 = f->df(nextafterf(x, s * INFINITY), pd);
            double r2 = (double)dy * d2;
            double e2;
            if ((f->flags & VACT_PWL)) e2 = ((float)r2 == dx) ? 0 : INFINITY;
            else e2 = ref_err(dx, r2, bwd_ulp_of(f->flags, r2, dy, flo));
            if (e2 < e) e = e2;
        }
    }
    return e;
}

int ref_wide_slack(const char *name, int t16) {
    (void)t16; /* the same in f32 and in bf16 / f16 (until 2026-12-07 also the
                * bf16 sigmoid, softplus, log_sigmoid, tanh, elu, selu, celu,
                * exponential) */
    return !strcmp(name, "squareplus");
}
double ref_bwd_err_wide(const ref_fn *f, const double *pd, float x, float dy, float dx, double d, double bound,
                        double flo, double sl) {
    double e = ref_bwd_err(f, pd, x, dy, dx, d, bound, flo);
    if (!(sl > 0) || e == 0 || !isfinite(e) || isinf(dx) || (f->flags & VACT_PWL)) return e;
    double ad = fabs((double)dx - (double)dy * d);
    if (!(ad > 0) || !isfinite(ad)) return e;
    return ad <= sl ? 0 : e * ((ad - sl) / ad); /* e = ad / ulp (or a kink's better side) */
}

uint16_t ref_bf16_bits(uint32_t u) {
    if ((u & 0x7fffffffu) > 0x7f800000u) return (uint16_t)((u >> 16) | 0x40);
    return (uint16_t)((u + 0x7fffu + ((u >> 16) & 1)) >> 16);
}

float ref_from_bf16(uint16_t h) {
    uint32_t u = (uint32_t)h << 16;
    float f;
    memcpy(&f, &u, 4);
    return f;
}
float ref_from_f16(uint16_t h) {
    uint32_t s = (uint32_t)(h & 0x8000) << 16, u;
    unsigned ex = (h >> 10) & 0x1f, m = h & 0x3ff;
    float f;
    if (ex == 31) {
        u = s | 0x7f800000u | (m << 13) | (m ? 0x400000u : 0);
    } else {
        float a = ex ? ldexpf((float)(m + 1024), (int)ex - 25) : ldexpf((float)m, -24);
        memcpy(&u, &a, 4);
        u |= s;
    }
    memcpy(&f, &u, 4);
    return f;
}
