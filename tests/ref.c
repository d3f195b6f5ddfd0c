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
#include "ref.h"
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
static double f_sigmoid(double x, const double *p) { UNUSED; return sig(x); }
static double d_sigmoid(double x, const double *p) { UNUSED; return dsig(x); }
static double f_tanh(double x, const double *p) { UNUSED; return tanh(x); }
static double d_tanh(double x, const double *p) {
    UNUSED;
    double e = exp(-2 * fabs(x));
    return 4 * e / ((1 + e) * (1 + e));
}
static double f_relu(double x, const double *p) { UNUSED; return x > 0 ? x : 0; }
static double d_relu(double x, const double *p) { UNUSED; return x > 0 ? 1 : 0; }
static double f_relu6(double x, const double *p) { UNUSED; return x > 0 ? (x < 6 ? x : 6) : 0; }
static double d_relu6(double x, const double *p) { UNUSED; return x > 0 && x < 6 ? 1 : 0; }
static double f_leaky(double x, const double *p) { return x > 0 ? x : p[0] * x; }
static double d_leaky(double x, const double *p) { return x > 0 ? 1 : p[0]; }
static double f_elu(double x, const double *p) { return x > 0 ? x : p[0] * expm1(x); }
static double d_elu(double x, const double *p) { return x > 0 ? 1 : p[0] * exp(x); }
static const double SELU_A = 1.67326324, SELU_L = 1.05070098;
static double f_selu(double x, const double *p) { UNUSED; return SELU_L * (x > 0 ? x : SELU_A * expm1(x)); }
static double d_selu(double x, const double *p) { UNUSED; return SELU_L * (x > 0 ? 1 : SELU_A * exp(x)); }
static double f_celu(double x, const double *p) {
    double m = p[0] * expm1(x / p[0]);
    return (x > 0 ? x : 0) + (m < 0 ? m : 0);
}
static double d_celu(double x, const double *p) { return x > 0 ? 1 : exp(x / p[0]); }
static double f_silu(double x, const double *p) { UNUSED; return x * sig(x); }
static double d_silu(double x, const double *p) { UNUSED; return sig(x) + x * dsig(x); }
static double f_swish(double x, const double *p) { return x * sig(p[0] * x); }
static double d_swish(double x, const double *p) { return sig(p[0] * x) + p[0] * x * dsig(p[0] * x); }
static double f_gelu(double x, const double *p) { UNUSED; return 0.5 * x * erfc(-x / sqrt(2.0)); }
static double d_gelu(double x, const double *p) {
    UNUSED;
    return 0.5 * erfc(-x / sqrt(2.0)) + x * exp(-0.5 * x * x) / sqrt(2 * M_PI);
}
static double gt_u(double x) { return sqrt(2 / M_PI) * (x + 0.044715 * x * x * x); }
static double f_gelu_tanh(double x, const double *p) { UNUSED; return x * sig(2 * gt_u(x)); }
static double d_gelu_tanh(double x, const double *p) {
    UNUSED;
    double u = gt_u(x), du = sqrt(2 / M_PI) * (1 + 3 * 0.044715 * x * x);
    double ds = dsig(2 * u); /* 0 in both tails, where du may be inf (x = +-1e300) */
    return sig(2 * u) + (ds == 0 ? 0 : 2 * x * ds * du);
}
static double sp(double x) { return (x > 0 ? x : 0) + log1p(exp(-fabs(x))); }
static double f_softplus(double x, const double *p) { UNUSED; return sp(x); }
static double d_softplus(double x, const double *p) { UNUSED; return sig(x); }
static double f_softsign(double x, const double *p) { UNUSED; return x / (1 + fabs(x)); }
static double d_softsign(double x, const double *p) { UNUSED; return 1 / ((1 + fabs(x)) * (1 + fabs(x))); }
static double f_mish(double x, const double *p) { UNUSED; return x * tanh(sp(x)); }
static double d_mish(double x, const double *p) {
    UNUSED;
    double s = sp(x), e = exp(-2 * s);
    return tanh(s) + x * sig(x) * 4 * e / ((1 + e) * (1 + e));
}
static double f_log_sigmoid(double x, const double *p) { UNUSED; return (x < 0 ? x : 0) - log1p(exp(-fabs(x))); }
static double d_log_sigmoid(double x, const double *p) { UNUSED; return sig(-x); }
static double f_hard_sigmoid(double x, const double *p) { UNUSED; return f_relu6(x + 3, p) / 6; }
static double d_hard_sigmoid(double x, const double *p) { UNUSED; return x > -3 && x < 3 ? 1.0 / 6 : 0; }
static double f_hard_swish(double x, const double *p) { UNUSED; return x * f_relu6(x + 3, p) / 6; }
static double d_hard_swish(double x, const double *p) {
    UNUSED;
    return x <= -3 ? 0 : x >= 3 ? 1 : (2 * x + 3) / 6;
}
static double f_hard_tanh(double x, const double *p) { UNUSED; return x < -1 ? -1 : x > 1 ? 1 : x; }
static double d_hard_tanh(double x, const double *p) { UNUSED; return x > -1 && x < 1 ? 1 : 0; }
static double f_tanh_shrink(double x, const double *p) {
    UNUSED;
    if (fabs(x) < 0.01) {
        double x2 = x * x;
        return x * x2 * (1.0 / 3 + x2 * (-2.0 / 15 + x2 * (17.0 / 315 + x2 * (-62.0 / 2835))));
    }
    return x - tanh(x);
}
static double d_tanh_shrink(double x, const double *p) { UNUSED; return tanh(x) * tanh(x); }
static double f_soft_shrink(double x, const double *p) { return x > p[0] ? x - p[0] : x < -p[0] ? x + p[0] : 0; }
static double d_soft_shrink(double x, const double *p) { return fabs(x) > p[0] ? 1 : 0; }
static double f_hard_shrink(double x, const double *p) { return fabs(x) > p[0] ? x : 0; }
static double d_hard_shrink(double x, const double *p) { return fabs(x) > p[0] ? 1 : 0; }
static double f_threshold(double x, const double *p) { return x > p[0] ? x : p[1]; }
static double d_threshold(double x, const double *p) { return x > p[0] ? 1 : 0; }
static double f_sparse_plus(double x, const double *p) { UNUSED; return x <= -1 ? 0 : x >= 1 ? x : (x + 1) * (x + 1) / 4; }
static double d_sparse_plus(double x, const double *p) { UNUSED; return x <= -1 ? 0 : x >= 1 ? 1 : (x + 1) / 2; }
/* s = sqrt(x^2 + b); x^2 would overflow at the +-1e300 standing for +-inf,
 * where s = |x| to double precision anyway (b is a float) */
static double sqp_s(double x, double b) { return fabs(x) > 1e150 ? fabs(x) : sqrt(x * x + b); }
static double f_squareplus(double x, const double *p) {
    double s = sqp_s(x, p[0]);
    return x >= 0 ? (x + s) / 2 : p[0] / (2 * (s - x));
}
static double d_squareplus(double x, const double *p) {
    double s = sqp_s(x, p[0]);
    return x >= 0 ? (1 + x / s) / 2 : p[0] / (2 * s * (s - x));
}
static double f_exponential(double x, const double *p) { UNUSED; return exp(x); }

#define OFF(name) offsetof(vact_table, name), offsetof(vact_table, name##_bwd)
#define P0 0, 1, {{0, 0}}
/* name, params, f, df, exact, kink_any, floor_bwd, odd */
const ref_fn ref_fns[] = {
    {"sigmoid", P0, f_sigmoid, d_sigmoid, 0, 0, 0, 0, OFF(sigmoid)},
    {"tanh", P0, f_tanh, d_tanh, 0, 0, 0, 1, OFF(tanh)},
    {"relu", P0, f_relu, d_relu, 1, 0, 0, 0, OFF(relu)},
    {"relu6", P0, f_relu6, d_relu6, 1, 1, 0, 0, OFF(relu6)},
    {"leaky_relu", 1, 3, {{0.01f}, {0.2f}, {-1.5f}}, f_leaky, d_leaky, 1, 1, 0, 0, OFF(leaky_relu)},
    {"elu", 1, 3, {{1.0f}, {0.3f}, {2.5f}}, f_elu, d_elu, 0, 1, 0, 0, OFF(elu)},
    {"selu", P0, f_selu, d_selu, 0, 1, 0, 0, OFF(selu)},
    {"celu", 1, 3, {{1.0f}, {0.3f}, {2.5f}}, f_celu, d_celu, 0, 1, 0, 0, OFF(celu)},
    {"silu", P0, f_silu, d_silu, 0, 0, 1, 0, OFF(silu)},
    {"swish", 1, 3, {{1.0f}, {1.702f}, {0.3f}}, f_swish, d_swish, 0, 0, 1, 0, OFF(swish)},
    {"gelu", P0, f_gelu, d_gelu, 0, 0, 1, 0, OFF(gelu)},
    {"gelu_tanh", P0, f_gelu_tanh, d_gelu_tanh, 0, 0, 1, 0, OFF(gelu_tanh)},
    {"softplus", P0, f_softplus, d_softplus, 0, 0, 0, 0, OFF(softplus)},
    {"softsign", P0, f_softsign, d_softsign, 0, 0, 0, 1, OFF(softsign)},
    {"mish", P0, f_mish, d_mish, 0, 0, 1, 0, OFF(mish)},
    {"log_sigmoid", P0, f_log_sigmoid, d_log_sigmoid, 0, 0, 0, 0, OFF(log_sigmoid)},
    {"hard_sigmoid", P0, f_hard_sigmoid, d_hard_sigmoid, 0, 1, 0, 0, OFF(hard_sigmoid)},
    {"hard_swish", P0, f_hard_swish, d_hard_swish, 0, 1, 0, 0, OFF(hard_swish)},
    {"hard_tanh", P0, f_hard_tanh, d_hard_tanh, 1, 1, 0, 1, OFF(hard_tanh)},
    {"tanh_shrink", P0, f_tanh_shrink, d_tanh_shrink, 0, 0, 0, 1, OFF(tanh_shrink)},
    {"soft_shrink", 1, 3, {{0.5f}, {0.0f}, {2.0f}}, f_soft_shrink, d_soft_shrink, 1, 1, 0, 0, OFF(soft_shrink)},
    {"hard_shrink", 1, 3, {{0.5f}, {0.0f}, {2.0f}}, f_hard_shrink, d_hard_shrink, 1, 1, 0, 0, OFF(hard_shrink)},
    {"threshold", 2, 3, {{0.5f, -1.0f}, {0.0f, 0.0f}, {-2.0f, 7.5f}}, f_threshold, d_threshold, 1, 1, 0, 0, OFF(threshold)},
    {"sparse_plus", P0, f_sparse_plus, d_sparse_plus, 0, 1, 0, 0, OFF(sparse_plus)},
    {"squareplus", 1, 3, {{4.0f}, {1.0f}, {0.25f}}, f_squareplus, d_squareplus, 0, 0, 0, 0, OFF(squareplus)},
    {"exponential", P0, f_exponential, f_exponential, 0, 0, 0, 0, OFF(exponential)},
};
const size_t ref_nfns = sizeof ref_fns / sizeof ref_fns[0];

const ref_fn *ref_find(const char *name) {
    for (size_t i = 0; i < ref_nfns; i++)
        if (!strcmp(ref_fns[i].name, name)) return &ref_fns[i];
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

void ref_call_fwd(const vact_table *t, const ref_fn *f, const float *prm, size_t n, const float *x, float *y) {
    vact_unary_fn fn;
    memcpy(&fn, (const char *)t + f->off_fwd, sizeof fn);
    vact_params p = {prm[0], prm[1]};
    fn(n, x, y, &p);
}
void ref_call_bwd(const vact_table *t, const ref_fn *f, const float *prm, size_t n, const float *x,
                  const float *dy, float *dx) {
    vact_unary_bwd_fn fn;
    memcpy(&fn, (const char *)t + f->off_bwd, sizeof fn);
    vact_params p = {prm[0], prm[1]};
    fn(n, x, dy, dx, &p);
}
