/* The fast tier's gelu_tanh(x) = x sigmoid(z), z = 2u = x g,
 * g = c1 + c3 x^2, c1 = 2 sqrt(2/pi), c3 = 0.044715 c1.
 *   An error of d in z is a relative error of about d in sigmoid(z) for
 *   z < 0, and |z| reaches ~15 where the result is still above the 2^-20
 *   floor (x ~ -4.7), so -|z| is carried as zh - zm:
 *   g = gh + gl with c1h = c1 to 21 bits (a multiple of 2^-20, so w = gh -
 *   c1h is exact for gh < 16), gh = fma(c3h, x^2, c1h) rounded once, gl =
 *   fms(c3h, x2, w) (gh's whole rounding error) + c3h x2l + c3l x^2 + c1l
 *   (x^2 = x2 + x2l); zh = -|x| gh, zm = zh + |x| gh + |x| gl (FMAs).
 *   e = e^-|z| = e^(zh - zm): exp_fast.h's scheme (vfexp_lo) with zm and
 *   n ln2's low part folded into the reduced argument and 2^(j/16) as hi +
 *   lo (the table's rounding, up to 1/2 ulp, was most of the error: e is
 *   within 0.58 ulp for |x| <= 5; with vfexp_lo itself the forward
 *   measured 3.55 ULP instead of 3.18, for 3 ops less).
 *   -|x| is clamped to -10.8: zh >= -107.2, e = 0 below ~-103.3 (x < ~-10.7
 *   gives -0, the limit; x > ~10.4 gives x/1 = x), no x^3 overflow.
 *   Forward: y = (x < 0 ? x e : x)/(1 + e), one division (on Zen 5 cheaper
 *   than vrcp_fast and its Newton step).
 * gelu_tanh'(x): the accurate tier's kernel (elementwise/f_gelu_tanh.h: 8
 *   pieces of degree 9, 27 ops per vector), faster than the form the fast
 *   tier had (e^-|z| as above and one division: 41 ops on AVX-512, 33 on
 *   AVX2; 2.7 and 1.1 Gelem/s against the accurate kernel's 4.7 and 2.5,
 *   vact_bench, n = 4096, 2026-12-05) and within the accurate bound.
 * Exhaustive sweep (the fast tier's metric, AVX-512 and AVX2): forward
 * 3.18 ULP (x ~ -1.84); the backward is the accurate tier's.
 * Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_FAST_F_GELU_TANH_H
#define VACT_FAST_F_GELU_TANH_H
#include "../../common/vact_internal.h" /* vact_params */
#include "exp_fast.h"
#include "../elementwise/f_gelu_tanh.h" /* kb_gelu_tanh */

#define VACT_FGT_C1H 0x1.98845p+0f    /* c1 to 21 bits: a multiple of 2^-20 */
#define VACT_FGT_C1L 0x1.9ea1b2p-23f  /* c1 - VACT_FGT_C1H, rounded */
#define VACT_FGT_C3H 0x1.2444f2p-4f   /* c3 = 0.044715 c1 rounded */
#define VACT_FGT_C3L 0x1.49b16ap-29f  /* c3 - VACT_FGT_C3H, rounded */
#define VACT_FGT_XMAX 10.8f           /* |x| clamp: -|z| >= -107.2 */

/* 2^(j/16) - vact_exp_t16[j], rounded to float */
static const float vact_fgt_t16lo[16] = {
    0x0.0p+0f, 0x1.9f3122p-25f, -0x1.c15742p-27f, 0x1.ceac48p-25f, 0x1.4636e2p-25f, 0x1.824684p-25f,
    -0x1.593abcp-25f, -0x1.5bd5ecp-27f, 0x1.9fcef4p-26f, -0x1.829fd0p-25f, 0x1.15506ep-27f, 0x1.51f848p-27f,
    -0x1.a94b14p-26f, -0x1.3d56b2p-27f, -0x1.822dbcp-27f, 0x1.52486cp-27f};

/* e^(zh - zm), zh in [-110, 0] (or NaN), |zm| <= ulp(zh): vfexp_lo with
 * ln 2 and 2^(j/16) as hi + lo */
static inline V vfgt_exp(V zh, V zm) {
    V t = vfexp_t(zh);
    V nq = vsub(t, vset1(VACT_MAGIC16));
    V r = vsub(vfma(nq, vset1(-VACT_LN2_HI), zh), vfma(nq, vset1(VACT_LN2_LO), zm));
    V T = vlut16(vact_exp_t16, t);
    V Tl = vlut16(vact_fgt_t16lo, t);
    V q = vfma(vset1(VACT_EXP16_C3), r, vset1(VACT_EXP16_C2));
    q = vfma(q, r, vset1(1.0f));
    return vexp2_t16(vadd(T, vfma(vmul(T, r), q, Tl)), t);
}
/* e = e^-|z| for na = -|x| clamped to -XMAX (or NaN); *gh, *w = gh - c1h, *gl */
static inline V vfgt_e(V na, V *gho, V *wo, V *glo) {
    V x2 = vmul(na, na);
    V x2l = vfms(na, na, x2);
    V gh = vfma(vset1(VACT_FGT_C3H), x2, vset1(VACT_FGT_C1H));
    V w = vsub(gh, vset1(VACT_FGT_C1H)); /* exact */
    V gl = vfms(vset1(VACT_FGT_C3H), x2, w);
    gl = vadd(gl, vfma(vset1(VACT_FGT_C3H), x2l, vfma(vset1(VACT_FGT_C3L), x2, vset1(VACT_FGT_C1L))));
    V zh = vmul(na, gh);
    V zm = vfnma(na, gl, vfnma(na, gh, zh)); /* zh - (-|z|) */
    *gho = gh;
    *wo = w;
    *glo = gl;
    return vfgt_exp(zh, zm);
}

#define VACT_FAST_gelu_tanh ~, 1
static inline V kf_gelu_tanh(V x, const vact_params *p) {
    (void)p;
    V gh, w, gl;
    V na = vmax(vset1(-VACT_FGT_XMAX), vor(x, vset1(-0.0f))); /* NaN kept */
    V e = vfgt_e(na, &gh, &w, &gl);
    return vdiv(vsel(vlt(x, vzero()), vmul(na, e), x), vadd(vset1(1.0f), e));
}
static inline V kfb_gelu_tanh(V x, V dy, const vact_params *p) { return kb_gelu_tanh(x, dy, p); }

#endif
