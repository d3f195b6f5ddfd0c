/* gelu_tanh(x) = x sigmoid(2u), 2u = c1 x + c3 x^3, c1 = 2 sqrt(2/pi),
 * c3 = c1 * 0.044715 (both as hi + lo), with e = e^-|2u| = (1 + S) 2^n.
 * g = c1 + c3 x^2 as gh + gl (c1h = c1 to 21 bits, a multiple of 2^-20, so
 * gh - c1h is exact for gh < 16; x^2 = x2 + x2l exactly); the forward and
 * the forward forms gh and the reduction as below.
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
 * Backward: gelu_tanh'(x) = sigmoid(2u) + x (c1 + 3 c3 x^2) e/(1+e)^2 as
 *   piecewise polynomials (kb_gelu_tanh below). */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_F_GELU_TANH_H
#define VACT_F_GELU_TANH_H
#include "../../common/vact_internal.h" /* vact_params */
#include "../math/exp.h"
#include "../math/recip.h"
#include "../math/pw8sym.h"

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

/* gelu_tanh'(-a) = 1 - gelu_tanh'(a): math/pw8sym.h with E(a) =
 * sigmoid(-2u) - a (c1 + 3 c3 a^2) sigmoid'(2u), 2u = c1 a + c3 a^3 (below
 * 2^-30 from a = 6), 8 pieces of degree 9 (scripts/fit_gelu_bwd.py
 * gelu_tanh 9), 27 ops per vector (the form before, e^-|2u| with hi + lo
 * parts, one division and a residual correction: 56 on AVX-512, 44 on
 * AVX2). vact_gelu_tanh_b[j][k] = c_j of piece k. */
static const float vact_gelu_tanh_b[VACT_PW8_DEG + 1][8] = {
    {0x1p-1f, -0x1.53d226p-4f, -0x1.60a99ep-4f, -0x1.7b9708p-7f,
     -0x1.5f66f6p-12f, -0x1.9f191p-20f, -0x1.a7f0fap-31f, 0x0p+0f},
    {-0x1.988454p-1f, -0x1.efeb64p-3f, 0x1.b9db38p-4f, 0x1.043d9cp-5f,
     0x1.826a78p-10f, 0x1.4d5576p-17f, 0x1.d4ff3p-28f, 0x1.441ee4p-37f},
    {0x1.79d85ep-20f, 0x1.718562p-2f, 0x1.77c6eep-9f, -0x1.1d6b28p-5f,
     -0x1.80b3bap-9f, -0x1.fa81f2p-16f, -0x1.f4ec0ep-26f, 0x1.032ff2p-31f},
    {0x1.11a976p-2f, -0x1.4e93a4p-4f, -0x1.2703ep-4f, 0x1.0bdc46p-6f,
     0x1.c0e2c2p-9f, 0x1.e16872p-15f, 0x1.583562p-24f, 0x1.4dedcp-27f},
    {0x1.42ab92p-12f, -0x1.41f1b6p-4f, 0x1.5c0068p-5f, 0x1.31b9p-10f,
     -0x1.468ffap-9f, -0x1.3e3766p-14f, -0x1.568bd2p-23f, 0x1.acc952p-24f},
    {-0x1.01e6f4p-4f, 0x1.335002p-5f, -0x1.353f2ap-9f, -0x1.546b3cp-8f,
     0x1.122bc4p-10f, 0x1.32e062p-14f, 0x1.022dd6p-22f, 0x1.35af16p-21f},
    {0x1.7ee5aep-8f, 0x1.fdb58ep-8f, -0x1.b35642p-8f, 0x1.27fa34p-9f,
     -0x1.c6ae3ap-14f, -0x1.b67928p-15f, -0x1.28bf6ep-22f, 0x1.06b1e4p-19f},
    {-0x1.60b1a4p-10f, -0x1.f94008p-8f, 0x1.476d54p-9f, -0x1.9bdfc8p-14f,
     -0x1.2d35dcp-13f, 0x1.c2cfeep-16f, 0x1.233346p-22f, 0x1.03ccfcp-18f},
    {0x1.7f9ecap-7f, -0x1.b3d678p-14f, 0x1.65d8eep-16f, -0x1.bf172cp-13f,
     0x1.4f0b2p-14f, -0x1.13b046p-17f, -0x1.1d3fdcp-22f, 0x1.151998p-18f},
    {-0x1.94fbc8p-8f, 0x1.12e9ap-10f, -0x1.30fa7ep-12f, 0x1.ee575p-15f,
     -0x1.72a52cp-17f, 0x1.c275ap-22f, 0x1.5c05bcp-23f, 0x1.ecb7dcp-20f},
};
static inline V kb_gelu_tanh(V x, V dy, const vact_params *p) {
    (void)p;
    return vmul(dy, vpw8_sym(x, vact_gelu_tanh_b, VACT_PW8_DEG));
}

#endif
