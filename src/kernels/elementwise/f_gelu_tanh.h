/* gelu_tanh(x) = x sigmoid(2u), 2u = c1 x + c3 x^3, c1 = 2 sqrt(2/pi),
 * c3 = c1 * 0.044715 (both as hi + lo), with e = e^-|2u| = (1 + S) 2^n.
 * g = c1 + c3 x^2 as gh + gl (c1h = c1 to 21 bits, a multiple of 2^-20, so
 * gh - c1h is exact for gh < 16; x^2 = x2 + x2l exactly); the forward and
 * the backward form gh and the reduction differently (each keeps its bits).
 * Forward (vgt_fwd_parts, k_gelu_tanh), one path for every lane, no branch:
 *   x is clamped below at -11 (-inf -> -0 by the path itself); lanes above
 *   11, +inf and NaN take x by a final select (gelu_tanh(x) = x in float
 *   from x ~ 5.2, and the path's garbage there is discarded).
 *   gh = RN(c1h + c3h x2) (one fma), gl = RN(c3h x2 - (gh - c1h)) (the
 *   whole rounding error of gh) + c3h x2l + c3l x2 + c1l.
 *   P = RN(-|x| gh), n = round(P log2 e); r = (P - n L1) + c with the first
 *   step exact (L1 = ln 2 to 13 bits, n L1 and P multiples of 2^-25 with
 *   |P - n L1| < 1/2) and c = -|x| gl + (the fma error of P) - n L2, so r
 *   rounds once; S = r + r^2 q(r) (vexp_s, not rounded into 1 + S).
 *   The quotient: numerator x (1 + S) (x < 0) or x as nh + nl (nh =
 *   fma(x, S, x), nh - x exact), d = RN(1 + e), y0 = nh/d (IEEE division),
 *   one residual correction rr = nl - (y0 e + (y0 - nh)) (written so that
 *   x = -0 keeps its sign) times 1/(1 + e) ~ 16/17 - 8/17 e, and 2^n
 *   applied last for x < 0 (vscale2n_e: n in [-162, 0], one rounding; the
 *   subnormal results, x in about [-10.77, -10.1], are rounded once more
 *   there, by at most half a subnormal ulp; -0 below).
 *   Error budget (the quotient against the exact x sigmoid(2u)): r once
 *   (0.5 ulp of r <= 2^-26 relative on e, weighted by 1/(1+e) <= 1 for
 *   x < 0, by e/(1+e) <= 1/2 for x >= 0), q(r) 2^-27.6, the residual
 *   correction's factor error (<= 10% of <= ~1 ulp), then the final
 *   rounding (0.5): src/common/functions.def has the exhaustive maximum.
 * Backward (vgt_parts, kb_gelu_tanh, x clamped to +-11): gh = c1h +
 *   RN(c3h x^2), gl = fms(c3h, x^2, gh - c1h) + c1l + c3h x2l + c3l x^2;
 *   rh = fma(-|x|, gh, -n L1) (one rounding), c = -|x| gl - n L2, r = rh + c.
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

/* ---- -|2u| and e^-|2u| ------------------------------------------------------ */
typedef struct { V na, gh, gl, n, S; } vgt_t;
/* the parts, with S = e^r - 1 of the reduced argument r */
static inline vgt_t vgt_make(V na, V gh, V gl, V n, V r) {
    vgt_t g = {na, gh, gl, n, vexp_s(r)};
    return g;
}

/* the backward's -|2u| = -|x| (gh + gl) and e^-|2u| = (1 + S) 2^n, |x| <= 11 */
static inline vgt_t vgt_parts(V x) {
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
    return vgt_make(na, gh, gl, n, r);
}

/* the forward's -|2u| = -|x| (gh + gl), e^-|2u| = (1 + S) 2^n, |x| <= 11 */
static inline vgt_t vgt_fwd_parts(V x) {
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
    return vgt_make(na, gh, gl, n, r);
}

static inline V k_gelu_tanh(V x, const vact_params *p) {
    (void)p;
    V xc = vmax(vset1(-VACT_GT_XMAX), x);                 /* NaN kept; lanes above 11: see the end */
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
