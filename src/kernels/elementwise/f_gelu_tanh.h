/* gelu_tanh(x) = x sigmoid(2u), 2u = c1 x + c3 x^3, c1 = 2 sqrt(2/pi),
 * c3 = c1 * 0.044715 (both as hi + lo). Two decompositions of -|2u| and of
 * e = e^-|2u|, which round differently, so each path keeps its own:
 * Main path, |x| <= 9.5 (vgt_parts, k_gelu_tanh, and kb_gelu_tanh on x
 * clamped to +-11): g = c1 + c3 x^2 as gh + gl with
 *   c1h = c1 to 21 bits (a multiple of 2^-20, so gh - c1h is exact for
 *   gh < 16), gh = c1h + RN(c3h x^2), gl = fms(c3h, x^2, gh - c1h) (the
 *   whole rounding error of gh) + c1l + c3h x2l + c3l x^2 (x^2 = x2 + x2l).
 *   e = (1 + S) 2^n: n from exp.h's rounding of -|x| gh, rh = fma(-|x|, gh,
 *   -n L1) (one rounding, L1 = ln 2 to 13 bits), c = -|x| gl - n L2,
 *   r = rh + c, S = r + r^2 q(r) (vexp_s, S not rounded into 1 + S).
 *   Forward: a quotient with one residual correction (silu's former
 *   scheme; f_swish.h's vsig_quot is now cheaper) with the numerator
 *   x (1 + S) (x < 0) or x, as nh + nl (nh = fma(x, S, x), nh - x exact):
 *   y0 = nh/RN(1 + e) by IEEE division, one residual correction times
 *   1/(1 + e) ~ 16/17 - 8/17 e, and 2^n applied last (x < 0; vscale2n_e,
 *   exact here: |y0| < 14, n in [-110, 0], normal results).
 * Tail, |x| > 9.5 or NaN (vgt_tail_parts, vgt_fwd_tail, under a vector-wide
 * branch that only replaces those lanes): c1 + c3 x^2 as hi + lo (x^2 and
 * the products by their fma tails, the sum by an ordered Fast2Sum with the
 * full c1h), -|2u| = -|x| (gh + gl) straight into the reduction (-|x| gh -
 * n L1 in one fma) of e = p 2^n. With d = 1 + e (+ its exact tail):
 *   x >= 0: y = x * 1/d;   x < 0: y = (x * p/d) 2^n,
 * the quotient as q + c (vrecip12_2, one residual correction, p as hi + lo),
 * y = fma(x, q, x c) then one scaling (subnormal tail rounded once more).
 * |x| is clamped to 11 (no x^3 overflow; y = x above, -0 below).
 * gelu_tanh'(x) = sigmoid(2u) + x (c1 + 3 c3 x^2) e/(1+e)^2. */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_F_GELU_TANH_H
#define VACT_F_GELU_TANH_H
#include "../../common/vact_internal.h" /* vact_params */
#include "../math/exp.h"
#include "../math/recip.h"

#define VACT_GT_C1H20 0x1.98845p+0f     /* c1 to 21 bits: a multiple of 2^-20 */
#define VACT_GT_C1L20 0x1.9ea1b2p-23f   /* c1 - VACT_GT_C1H20, rounded */
#define VACT_GT_C3H 0x1.2444f2p-4f      /* c3 = 0.044715 c1 rounded */
#define VACT_GT_C3L 0x1.49b16ap-29f     /* c3 - VACT_GT_C3H, rounded */
#define VACT_GT_LN2_H13 0x1.62ep-1f     /* ln 2 to 13 bits: n L1 exact */
#define VACT_GT_LN2_L13 0x1.0bfbe8p-15f /* ln 2 - VACT_GT_LN2_H13, rounded */
#define VACT_GT_XMAX 11.0f              /* |x| clamp: x^3 finite; gelu_tanh = x or -0 beyond */

/* ---- main path -------------------------------------------------------------- */
typedef struct { V na, gh, gl, n, S; } vgt_t;

/* -|2u| = -|x| (gh + gl) and e^-|2u| = (1 + S) 2^n, for |x| <= 11 */
static inline vgt_t vgt_parts(V x) {
    vgt_t g;
    V na = vor(x, vset1(-0.0f));                           /* -|x| */
    V x2 = vmul(x, x);
    V x2l = vfms(x, x, x2);
    V ph = vmul(vset1(VACT_GT_C3H), x2);
    V gh = vadd(vset1(VACT_GT_C1H20), ph);                 /* c1 + c3 x^2 = gh + gl */
    V w = vsub(gh, vset1(VACT_GT_C1H20));                  /* exact: c1h on gh's grid */
    V gl = vfms(vset1(VACT_GT_C3H), x2, w);
    gl = vadd(gl, vfma(vset1(VACT_GT_C3H), x2l, vfma(vset1(VACT_GT_C3L), x2, vset1(VACT_GT_C1L20))));
    V n;
    vexp_round_(vmul(na, gh), 1.0f, VACT_MAGIC, &n);
    V rh = vfma(na, gh, vmul(n, vset1(-VACT_GT_LN2_H13)));
    V c = vfma(na, gl, vmul(n, vset1(-VACT_GT_LN2_L13)));
    V r = vadd(rh, c);
    g.S = vexp_s(r);                                       /* e^r - 1 */
    g.na = na;
    g.gh = gh;
    g.gl = gl;
    g.n = n;
    return g;
}

/* the forward's -|2u| = -|x| (gh + gl), e^-|2u| = (1 + S) 2^n, |x| <= 11 */
static inline vgt_t vgt_fwd_parts(V x) {
    vgt_t g;
    V na = vor(x, vset1(-0.0f));                           /* -|x| */
    V x2 = vmul(x, x);
    V x2l = vfms(x, x, x2);
    V gh = vfma(vset1(VACT_GT_C3H), x2, vset1(VACT_GT_C1H20)); /* c1 + c3 x^2 = gh + gl */
    V w = vsub(gh, vset1(VACT_GT_C1H20));                  /* exact: c1h on gh's grid */
    V gl = vfms(vset1(VACT_GT_C3H), x2, w);
    gl = vadd(gl, vfma(vset1(VACT_GT_C3H), x2l, vfma(vset1(VACT_GT_C3L), x2, vset1(VACT_GT_C1L20))));
    V P = vmul(na, gh), n;
    vexp_round_(P, 1.0f, VACT_MAGIC, &n);
    V rh = vfma(n, vset1(-VACT_GT_LN2_H13), P);            /* exact */
    V c = vfma(na, gl, vfms(na, gh, P));                   /* -|x| gl + the error of P */
    V r = vadd(rh, vfma(n, vset1(-VACT_GT_LN2_L13), c));
    g.S = vexp_s(r);                                       /* e^r - 1 */
    g.na = na;
    g.gh = gh;
    g.gl = gl;
    g.n = n;
    return g;
}

static inline V k_gelu_tanh(V x, const vact_params *p) {
    (void)p;
    V xc = vmax(vset1(-VACT_GT_XMAX), x);                 /* NaN kept; lanes above 11 replaced below */
    vgt_t g = vgt_fwd_parts(xc);
    V n = g.n, S = g.S;
    V e = vscale2n_e(vadd(vset1(1.0f), S), n);
    V d = vadd(vset1(1.0f), e);
    M neg = vlt(xc, vzero());
    V Ss = vsel(neg, S, vzero());
    V nh = vfma(xc, Ss, xc);                               /* x (1 + S), hi + lo */
    V nl = vfms(xc, Ss, vsub(nh, xc));
    V y0 = vdiv(nh, d);
    V rr = vsub(nl, vfma(y0, e, vsub(y0, nh)));            /* -0 for x = -0 */
    V y = vscale2n_e(vfma(rr, vrecip1p_lin(e), y0), vsel(neg, n, vzero()));
    return vsel(vle(x, vset1(VACT_GT_XMAX)), y, x);       /* x above 11, +inf, NaN */
}

/* gelu_tanh' = Q (1 + e + x k Z) / (1 + e)^2, k = c1 + 3 c3 x^2 = 3g - 2c1,
 * Q = e, Z = 1 (x < 0) or Q = 1, Z = e (x >= 0). x clamped to +-11 (NaN
 * kept), e = (1 + S) 2^n from vgt_parts (may underflow: the result is then
 * far below the 2^-4 floor of the bound). k = kh + kl (3 gh exact as hi +
 * lo); N = 1 + e + x k Z as fma(xZ, kh, d) + (xZ kl + dl) (the cancellation
 * near the root x ~ -1.5 lands in the first fma, d + dl = 1 + e exactly);
 * Q N = N + N S (x < 0, 2^n applied last); (1 + e)^2 as D2 + D2l, one
 * division and one residual correction (times a quadratic ~1/(1+e)^2). */
/* A e^2 + B e + C ~ 1/(1+e)^2 on e in [0, 1] within 10%: enough for the factor
 * of a residual correction */
#define VACT_GT_I2A 0x1.66bb16p-1f
#define VACT_GT_I2B -0x1.620b14p+0f
#define VACT_GT_I2C 0x1.ea77ecp-1f
static inline V kb_gelu_tanh(V x, V dy, const vact_params *p) {
    (void)p;
    V xc = vmax(vset1(-VACT_GT_XMAX), vmin(vset1(VACT_GT_XMAX), x)); /* NaN kept */
    vgt_t g = vgt_parts(xc);
    V e = vscale2n_e(vadd(vset1(1.0f), g.S), g.n);         /* may underflow: D is tiny there */
    V d = vadd(vset1(1.0f), e);
    V dl = vsub(e, vsub(d, vset1(1.0f)));
    M neg = vlt(xc, vzero());
    V th = vmul(vset1(3.0f), g.gh);                        /* k = 3g - 2c1 = kh + kl */
    V kh = vsub(th, vset1(2.0f * VACT_GT_C1H20));
    V kl = vadd(vfms(vset1(3.0f), g.gh, th), vfma(vset1(3.0f), g.gl, vset1(-2.0f * VACT_GT_C1L20)));
    V xZ = vmul(xc, vsel(neg, vset1(1.0f), e));
    V N = vadd(vfma(xZ, kh, d), vfma(xZ, kl, dl));        /* 1 + e + x k Z */
    V QN = vfma(N, vsel(neg, g.S, vzero()), N);           /* Q 2^-n N, Q = e or 1 */
    V D2 = vmul(d, d);                                     /* (1 + e)^2, hi + lo */
    V D2l = vfma(vadd(d, d), dl, vfms(d, d, D2));
    V R0 = vdiv(QN, D2);
    V rr = vfnma(R0, D2l, vfnma(R0, D2, QN));
    V i2 = vfma(vfma(e, vset1(VACT_GT_I2A), vset1(VACT_GT_I2B)), e, vset1(VACT_GT_I2C)); /* ~ 1/(1+e)^2 */
    V R = vscale2n_e(vfma(rr, i2, R0), vsel(neg, g.n, vzero()));
    return vmul(dy, vsel(visnan(x), x, R));
}

#endif
