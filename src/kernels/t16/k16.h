/* Output-sized kernels of the bf16 and f16 variants: k16_NAME (forward)
 * and kb16_NAME (backward) replace k_NAME / kb_NAME between the 16-bit
 * load and the one rounding to bf16 / f16 (src/kernels/driver.h,
 * VACT_DEF_UNARY_T) for the functions that `#define VACT_K16_NAME ~,
 * k16_NAME` / `VACT_KB16_NAME ~, kb16_NAME` here, in k16_gelu_mish.h and in
 * k16_expfam.h (k16_pw.h and k16_expfam.h also `VACT_KB16_bf16_NAME`, one
 * type's own backward; k16_expfam.h and k16_gelu_mish.h `VACT_K16_bf16_NAME`,
 * one type's own forward, held to bf16's own 2^-9 rather than the 2^-12.4
 * below); every other function keeps its accurate f32 kernels.
 *
 * One accuracy target serves both types: the f32 value before the rounding
 * within 2^-12.4 relative of the exact result (also where that result is a
 * bf16 or f16 subnormal or an f32 subnormal: the absolute error there is far
 * below 2^-133 / 2^-24), so the rounded result is within 0.5 + 2^-12.4 * 2^11
 * < 0.88 ULP of f16 (2^8 for bf16: < 0.55 ULP), and exact where the exact
 * result is representable. The kernels are written on the vocabulary like
 * every other (IEEE operations, no estimates), so the bits agree on every
 * ISA; tests/test_t16.c checks all 65536 inputs of each type.
 * Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_T16_K16_H
#define VACT_T16_K16_H
#include "../../common/vact_internal.h" /* vact_params */
#include "../math/exp.h"

/* The bf16 backward of the exponential family for large |x| (driver.h's
 * VACT_KB16BIG_NAME): the bound X beyond which the lanes take the accurate
 * f32 kernel, where f'(x) computed here in f32 would leave the normal range
 * and a bf16 dy up to 2^128 would magnify its absolute error. 80: e^-80 =
 * 2^-115.4, e^-|x| stays normal with 2^10 to spare. The f16 backward of
 * sigmoid, softplus and log_sigmoid clamps |x| at the same bound (f'(x) <
 * 2^-115 beyond: 0 in f16 for any dy), so that one unscaled e^-|x| serves
 * both types. */
#define VACT_KB16_X 80.0f
static inline float vact_kb16big_80(const vact_params *p) { (void)p; return VACT_KB16_X; }
/* type T's backward of a two-stage kernel from T's own stage 1
 * kb16s1_T_NAME (driver.h's VACT_KB16S1T) and the shared stage 2 */
#define VACT_KB16_T_OF_S1(name, T)                                                          \
    static inline V kb16_##T##_##name(V x, V dy, const vact_params *p) {                    \
        return kb16s2_##name(kb16s1_##T##_##name(x, p), dy, p);                             \
    }
/* bf16's stage 1 and backward of a two-stage NAME written once as
 * kb16s1_NAME_(x, p, c), c = 0: without the clamps that VACT_KB16BIG's f32
 * lanes make redundant (one op or two fewer, the same bits on the other
 * lanes) */
#define VACT_KB16_BF16_NC(name)                                                             \
    static inline V kb16s1_bf16_##name(V x, const vact_params *p) { return kb16s1_##name##_(x, p, 0); } \
    VACT_KB16_T_OF_S1(name, bf16)
/* vmax(lo, x) / vmin(hi, x) where c (a constant after inlining), else x */
static inline V vact_max_if(int c, float lo, V x) { return c ? vmax(vset1(lo), x) : x; }
static inline V vact_min_if(int c, float hi, V x) { return c ? vmin(vset1(hi), x) : x; }

/* e^r = 1 + r + r^2 (C0 + C1 r) for |r| <= 1.01 ln2/2: 2^-12.93 relative
 * (scripts/fitpoly.py exp 1), three FMAs by Horner */
#define VACT_E16_C0 0x1.020e96p-1f
#define VACT_E16_C1 0x1.553f98p-3f
static inline V vexp16_poly(V r) {
    V q = vfma(vset1(VACT_E16_C1), r, vset1(VACT_E16_C0));
    q = vfma(q, r, vset1(1.0f));
    return vfma(q, r, vset1(1.0f));
}
/* The one range reduction of the 16-bit kernels, exp.h's first half:
 * n = round(k x log2e) by the magic-bias rounding (vexp_round_) and
 * x - n ln2/k by its first Cody-Waite step only (vexp_r1_) (k a power
 * of two, +-: every constant an exact scaling of LOG2E and LN2_HI; the
 * error of LN2_HI, |n| |LN2_LO| <= |n| 2^-28.97, is negligible next to the
 * polynomials' 2^-12.93). k = 1: e^x = 2^n e^r; k = 2: e^2x = 2^n e^2r;
 * k = -1/2: e^(-x/2) = 2^n e^(-r/2) with x - n ln2/k = -2r. */
static inline V vexp16_reduce_k(V x, float k, V *n) {
    (void)vexp_round_(x, k, VACT_MAGIC, n);
    return vexp_r1_(x, *n, k);
}
/* x = n ln2 + r for x in [-110, 89] */
static inline V vexp16_reduce(V xc, V *n) { return vexp16_reduce_k(xc, 1.0f, n); }
/* The same reduction with VACT_MAGIC + 190 (even, like VACT_MAGIC: the same
 * n, ties included), returning the magic-bias sum t too, for vscale2n_et */
#define VACT_MAGIC_E (VACT_MAGIC + 190.0f)
static inline V vexp16_reduce_t(V x, float k, V *n, V *t) {
    *t = vexp_round_(x, k, VACT_MAGIC_E, n);
    return vexp_r1_(x, *n, k);
}
/* The same reduction with VACT_MAGIC_B (the exponent bias folded in):
 * returns r and the magic-bias sum in *t, whose bits shifted left by 23
 * are 2^n (normal n) */
static inline V vexp16_reduce_b(V x, float k, V *t) {
    V n;
    *t = vexp_round_(x, k, VACT_MAGIC_B, &n);
    return vexp_r1_(x, n, k);
}
/* vscale2n_e(p, n) given t = n + VACT_MAGIC_E (vexp16_reduce_t): scalef
 * (VACT_SCALEF), else (p 2^(n+63)) 2^-63 with 2^(n+63) from the bits of t
 * shifted left by 23 (its low 9 mantissa bits are n + 190, the exponent
 * field for n in [-189, 64]): the add of vscale2n_e's own magic saved
 * (3 ops instead of 4). p 2^(n+63) is exact wherever p 2^(n+64) is (the
 * domain of vscale2n_e: normal), so the bits are vscale2n_e's. */
static inline V vscale2n_et(V p, V n, V t) { return vscale2n_b_(p, n, vpow2_t(t), 0x1p-63f); }
/* a e^(b x) for b x <= 0 (or NaN, kept), x clamped at lo = -110/b (0 below):
 * the reduction with k = b (n = round(b x log2e), r' = x - n LN2_HI/b =
 * r/b, LN2_HI/b rounded once: |n| 2^-24 ln2 <= 2^-17.2 absolute in r) and
 * vexp16_poly's coefficients scaled by a b^k (a + a b r' + r'^2 (a b^2 C0 +
 * a b^3 C1 r'), rounded once each: 2^-22): the factors a and b cost no op
 * (elu', selu', celu'). 2^-12.93 + 2^-17.2 + roundings < 2^-12.8 relative.
 * vscale2n_e's one rounding of (a p) 2^n (its domain: n in [-159, 0] and
 * 2^-30 <= |a p| < 2^63 -- vscale2n_et forms p 2^(n+63) -- so |a| in
 * [2^-20, 2^20] or a = 0, b in the same range: the callers check), by
 * vscale2n_et. Beyond that domain, n down to -189 and |a p| < 2^63 (elu':
 * lo = -120, |a| <= 2^14), a p 2^(n+63) may round once more where it is
 * below the normal range: the result is then below 2^-189 |a p| and off
 * by at most 2^-149 absolute. 8 ops (AVX2: 10). */
/* without the clamp (xc >= lo given: the bf16 backward's lanes, VACT_KB16BIG) */
static inline V vexp16_neg_ab_nc(V xc, float a, float b) {
    V n, t, r = vexp16_reduce_t(xc, b, &n, &t);
    V q = vfma(vset1(a * (b * b * b) * VACT_E16_C1), r, vset1(a * (b * b) * VACT_E16_C0));
    q = vfma(q, r, vset1(a * b));
    return vscale2n_et(vfma(q, r, vset1(a)), n, t);
}
static inline V vexp16_neg_ab(V x, float a, float b, float lo) { return vexp16_neg_ab_nc(vmax(vset1(lo), x), a, b); }
/* e^x for x <= 0 (or NaN, kept): 0 below -110 (n >= -159: 2^n p rounds to
 * 0); n in [-159, 0], p in [1/2, 2]: vscale2n_e's domain. vexp16_neg_ab
 * with a = b = 1 (the reduction of vexp16_reduce, the polynomial of
 * vexp16_poly: the same ops). 8 ops (AVX2: 11). */
static inline V vexp16_neg(V x) { return vexp16_neg_ab(x, 1.0f, 1.0f, -110.0f); }
/* ---- the sigmoid family: S / (S + p) -----------------------------------
 * z = m ln2 + r (m = round(z log2e), one Cody-Waite step, |r| <= 1.01 ln2/2)
 * gives e^-z = 2^-m e^-r, so sigmoid(z) = 1/(1 + e^-z) = S/(S + p) with
 * S = 2^m (exact: a power of two, 0 for m <= -150) and p = e^-r in
 * [0.70, 1.42] (vexp16_poly at -r: its odd coefficients negated, the same
 * 2^-12.93). No select between z < 0 and z >= 0, one IEEE division, and no
 * overflow for z in [-121, 42] (m in [-175, 61]: vscale2n_et's domain).
 * 1 - sigmoid(z) = p/(S + p) and sigmoid'(z) = S p/(S + p)^2 come without
 * cancellation. The error of p enters damped: by p/(S + p) = 1 - sigmoid
 * in sigmoid, by |S - p|/(S + p) <= 1 in sigmoid'. */
/* p = e^-r of z (z in [-121, 44], or NaN: p NaN), *s = 2^m: 7 ops (AVX-512),
 * for z = sg x, sg = +-1, without forming -x: the reduction with
 * k = sg gives r_x = x - m LN2_HI/sg = sg r exactly (negation is exact),
 * and p = 1 - sg r_x + C0 r_x^2 - sg C1 r_x^3: the bits of vsig16_sp(sg x)
 * (every intermediate the same or its exact negative) */
/* in two parts (stage 1 and 2 of the staged silu forward): the reduction
 * r and *s, then p of r */
static inline V vsig16_red_s(V x, float sg, V *s) {
    V m, t, r = vexp16_reduce_t(x, sg, &m, &t);
    *s = vscale2n_et(vset1(1.0f), m, t);
    return r;
}
static inline V vsig16_poly_s(V r, float sg) {
    V q = vfma(vset1(-sg * VACT_E16_C1), r, vset1(VACT_E16_C0));
    q = vfma(q, r, vset1(-sg));
    return vfma(q, r, vset1(1.0f)); /* 1 - r + C0 r^2 - C1 r^3 */
}
static inline V vsig16_sp_s(V x, float sg, V *s) { return vsig16_poly_s(vsig16_red_s(x, sg, s), sg); }
static inline V vsig16_sp(V z, V *s) { return vsig16_sp_s(z, 1.0f, s); }
/* the clamp of the sigmoid family's argument: sigmoid(30) rounds to 1
 * (S + p rounds to S = 2^43), and S = 0 at -120 (m = -173): sigmoid is
 * exactly 1 / 0 beyond; NaN kept */
#define VACT_S16_LO -120.0f
#define VACT_S16_HI 30.0f
/* sigmoid itself is K/(K + E) below (vsigk16_fin), one op fewer off
 * AVX-512 than S/(S + p) (no 2^-64 factor for S). */
/* dy (sigma(z) + w1 sigma'(z)) = dy S (S + p (1 + w1))/(S + p)^2 for the
 * S, p of z: the derivative of x sigma(v(x)) at v = z, w1 = x v'(x) (silu,
 * swish: w1 = z; gelu_tanh: x v'). The sum
 * S + p (1 + w1) is one FMA: near the zero of the derivative (silu: z ~
 * -1.2785) the error of p enters as S w/(S + p)^2 p <= 2^-4 of it, far
 * below the floor |dy|/16. */
static inline V vsilu16_d(V s, V p, V w, V dy) {
    V d = vadd(s, p);
    V g = vdiv(vmul(s, vfma(p, w, s)), vmul(d, d));
    return vmul(dy, g);
}

/* ---- sigmoid and sigmoid': the scaled e^-ka ------------------------------
 * 2^c e^(-k a) (k = +-1 or 2) for k a in [-120, 30] (forward, sg = +1) or
 * [0, 120] (backward) (the caller
 * clamps; or NaN, kept): n = round(-k a log2e) by the magic-bias sum t
 * with the magic VACT_MAGIC + 127 + c (scalef) or VACT_MAGIC + c (n = t -
 * magic, exact), r = a + n LN2_HI/k (one Cody-Waite step, exact; the error
 * |n| 2^-29 <= 2^-21.6 of LN2_LO negligible), p = e^(-k r) = 1 - kr + C0
 * (kr)^2 - C1 (kr)^3 (vexp16_poly's 2^-12.93 relative), and the power
 * 2^(n + c) applied in one rounding: by scalef (VACT_SCALEF) to p with its
 * coefficients scaled by 2^c (exact), else by adding (n + c) << 23 to p's
 * bits: the low 9 bits of t's mantissa are n + c mod 2^9, so t's bits
 * shifted left by 23 are (n + c) << 23 mod 2^32 (negative n + c included),
 * and p in [0.70, 1.42] (exponent field 126 or 127) times 2^(n + c) is
 * exact where it is normal: the bits of the product p 2^(n + c) that this
 * took before, with an integer add (latency 1, off the FMA ports: 1.01-1.02x
 * the AVX2 sigmoid / tanh backward) for the product. The two magics differ
 * in parity, which would change n only at a tie; a tie (k a log2e a
 * half-integer: k log2e's odd 24-bit mantissa times a's odd one, times
 * 2^-1) needs |k a log2e| > 2^22, far outside. The same value on every ISA,
 * normal for n in [-43, 173] and c = -64, n in [-173, 0] and c = 64 or 66,
 * n in [-116, 116] and c = 0 (the callers). A NaN a (from a 16-bit load,
 * or the default NaN: the low 13 bits of its mantissa 0, so those of the
 * NaN t too) adds 0 to the NaN p.
 * 3 ops fewer than vscale2n_e off AVX-512. 9 ops (AVX2: 10). */
static inline float vact_pow2f_(int c) { /* 2^c, c in [-126, 127]: a constant after inlining */
    union { uint32_t u; float f; } v = {(uint32_t)(127 + c) << 23};
    return v.f;
}
/* in two parts (stage 1 and 2 of the staged sigmoid forward): the rounding
 * (t, and n in *n), then the rest */
static inline V vexp16_neg_c_rnd(V a, float k, int c, V *n) {
#ifdef VACT_SCALEF
    const float magic = VACT_MAGIC + 127.0f + (float)c;
#else
    const float magic = VACT_MAGIC + (float)c;
#endif
    return vexp_round_(a, -k, magic, n);
}
static inline V vexp16_neg_c_fin(V a, V n, V t, float k, int c) {
#ifdef VACT_SCALEF
    const float sc = vact_pow2f_(c);
#else
    const float sc = 1.0f;
    (void)c;
#endif
    V r = vexp_r1_(a, n, -k); /* a + n LN2_HI/k */
    V q = vfma(vset1(-sc * k * k * k * VACT_E16_C1), r, vset1(sc * k * k * VACT_E16_C0));
    q = vfma(q, r, vset1(-sc * k));
    V p = vfma(q, r, vset1(sc));
#ifdef VACT_SCALEF
    (void)t;
    return vscale2n(p, n);
#else
    return vasf(viadd(vasi(p), vishl(vasi(t), 23)));
#endif
}
static inline V vexp16_neg_c(V a, float k, int c) {
    V n, t = vexp16_neg_c_rnd(a, k, c, &n);
    return vexp16_neg_c_fin(a, n, t, k, c);
}
/* sigmoid(x) = K/(K + E), E = 2^-64 e^-x (vexp16_neg_c, x clamped to
 * [-120, 30]: sigmoid is 0 / 1 in 16 bits beyond), K = 2^-64: E in [2^-108,
 * 2^110], normal, so no overflow and the division rounds once also where
 * the result is subnormal. The error of E (2^-12.93 + 2^-21.6 + a rounding)
 * enters damped by E/(K + E) = 1 - sigmoid; two roundings more (K + E, the
 * quotient): <= 2^-12.9 relative. +inf -> 1, -inf -> 0, NaN kept. 11 ops
 * (AVX-512; AVX2: 12).
 * Backward: sigmoid'(x) = e/(1 + e)^2 = e/(t t), t = 1 + e, e = e^-|x|
 * (vexp16_neg_c with c = 0) for |x| <= 80 (clamped there: sigma' < 2^-115,
 * 0 in f16 for any dy; bf16's lanes beyond are the f32 kernel's,
 * VACT_KB16BIG): e in [2^-116, 1] and the quotient in [2^-118, 1/4], both
 * normal. The rounding of t (t in [1, 2], e's error enters sigma' damped by
 * (1 - e)/(1 + e) <= 1), of t t, the quotient and the product with dy:
 * 2^-12.93 + 2^-21.6 + 5 roundings relative. 4 ops after e; the
 * scaled form of f_sigmoid.h, E/fma(E, fma(E, 2^-64, 2), 2^64) with
 * E = 2^64 e, took one FMA more (AVX2 bf16: 0.93-0.96x). */
static inline V vsigk16_clamp(V x) { return vmin(vset1(VACT_S16_HI), vmax(vset1(VACT_S16_LO), x)); }
static inline V vsigk16_fin(V e) { return vdiv(vset1(0x1p-64f), vadd(vset1(0x1p-64f), e)); }
#define VACT_K16_sigmoid ~, k16_sigmoid
#define VACT_STAGES16_sigmoid ~, 1 /* driver.h's VACT_FWD16_LOOPS */
typedef struct {
    V xc, n, t;
} vact_sigmoid_16s;
static inline vact_sigmoid_16s k16s1_sigmoid(V x, const vact_params *p) {
    (void)p;
    vact_sigmoid_16s st;
    st.xc = vsigk16_clamp(x);
    st.t = vexp16_neg_c_rnd(st.xc, 1.0f, -64, &st.n);
    return st;
}
static inline V k16s2_sigmoid(vact_sigmoid_16s st, const vact_params *p) {
    (void)p;
    return vsigk16_fin(vexp16_neg_c_fin(st.xc, st.n, st.t, 1.0f, -64));
}
static inline V k16_sigmoid(V x, const vact_params *p) { return k16s2_sigmoid(k16s1_sigmoid(x, p), p); }
#define VACT_KB16_sigmoid ~, kb16_sigmoid
#define VACT_KB16BIG_sigmoid ~, vact_kb16big_80 /* |x| > 80: kb_sigmoid (bf16) */
#define VACT_STAGES16B_sigmoid ~, 1 /* driver.h's VACT_BWD16_LOOP_S */
typedef V vact_sigmoid_b16s;         /* E */
static inline V kb16s1_sigmoid_(V x, const vact_params *p, int c) {
    (void)p;
    return vexp16_neg_c(vact_min_if(c, VACT_KB16_X, vabs(x)), 1.0f, 0);
}
static inline V kb16s1_sigmoid(V x, const vact_params *p) { return kb16s1_sigmoid_(x, p, 1); }
static inline V kb16s2_sigmoid(V e, V dy, const vact_params *p) {
    (void)p;
    const V t = vadd(vset1(1.0f), e);
    return vmul(dy, vdiv(e, vmul(t, t)));
}
static inline V kb16_sigmoid(V x, V dy, const vact_params *p) { return kb16s2_sigmoid(kb16s1_sigmoid(x, p), dy, p); }
/* bf16: the lanes |x| > 80 are kb_sigmoid's (VACT_KB16BIG), so the others
 * need no clamp; NaN stays NaN (vexp16_neg_c). One op fewer; the same bits
 * where |x| <= 80. */
#define VACT_KB16S1_bf16_sigmoid ~, kb16s1_bf16_sigmoid
#define VACT_KB16_bf16_sigmoid ~, kb16_bf16_sigmoid
VACT_KB16_BF16_NC(sigmoid)

/* silu(x) = x sigmoid(x) = (x/(S + p)) S with x >= -120 (xl; x = -inf: -0):
 * the scaling by S last, exact unless the result is subnormal (one
 * rounding then); x/(S + p) cannot overflow (S + p >= 1 for x < 0,
 * S + p >= S for x >= 0). 12 ops. Backward: S (S + p (1 + x))/(S + p)^2
 * (vsilu16_d) on the clamped x: 17 ops. */
#define VACT_K16_silu ~, k16_silu
#define VACT_STAGES16_silu ~, 1 /* driver.h's VACT_FWD16_LOOPS */
typedef struct {
    V xl, r, s;
} vact_silu_16s;
static inline vact_silu_16s k16s1_silu(V x, const vact_params *p) {
    (void)p;
    vact_silu_16s st;
    st.xl = vmax(vset1(VACT_S16_LO), x);
    st.r = vsig16_red_s(vmin(vset1(VACT_S16_HI), st.xl), 1.0f, &st.s);
    return st;
}
static inline V k16s2_silu(vact_silu_16s st, const vact_params *p) {
    (void)p;
    V e = vsig16_poly_s(st.r, 1.0f);
    return vmul(vdiv(st.xl, vadd(st.s, e)), st.s);
}
static inline V k16_silu(V x, const vact_params *p) { return k16s2_silu(k16s1_silu(x, p), p); }
#define VACT_KB16_silu ~, kb16_silu
static inline V kb16_silu(V x, V dy, const vact_params *p) {
    (void)p;
    V z = vmin(vset1(VACT_S16_HI), vmax(vset1(VACT_S16_LO), x));
    V s, e = vsig16_sp(z, &s);
    return vsilu16_d(s, e, vadd(z, vset1(1.0f)), dy);
}

/* swish(x; beta) = x sigmoid(b), b = beta x rounded once (an error of
 * |b| 2^-24 <= 2^-17 in the exponent: the result matters only for b >= -103,
 * where |b| 2^-24 is < 2^-17.3): (x/(S + p)) S as silu's, x clamped to the
 * finite floats on the side where sigmoid(b) reaches 0 (x = -inf for
 * beta > 0, +inf for beta < 0: 0, not NaN). beta = 0: x/2 and dx = dy/2 for
 * every x (b would be NaN at x = +-inf). b = +-inf (overflow) clamps like
 * any b. S = 2^m is inexact or 0 for b < -103, where x e^b is still a
 * normal bf16 for |x| >= 2^15, reachable only with |beta| < 2^-7: such a
 * beta (one branch per call) takes the accurate f32 kernel. 14 ops;
 * backward (whose result there is below every 16-bit subnormal) vsilu16_d on
 * the clamped b (swish'(x) = silu'(b)): 18 ops. */
#define VACT_K16_swish ~, k16_swish
static inline V k16_swish(V x, const vact_params *p) {
    const float beta = p->a;
    if (beta == 0.0f) return vmul(x, vset1(0.5f));
    if (beta > -0x1p-7f && beta < 0x1p-7f) return k_swish(x, p); /* see above */
    V b = vmul(vset1(beta), x);
    V s, e = vsig16_sp(vmin(vset1(VACT_S16_HI), vmax(vset1(VACT_S16_LO), b)), &s);
    V xf = beta > 0.0f ? vmax(vset1(-0x1.fffffep127f), x) : vmin(vset1(0x1.fffffep127f), x);
    return vmul(vdiv(xf, vadd(s, e)), s);
}
#define VACT_KB16_swish ~, kb16_swish
static inline V kb16_swish(V x, V dy, const vact_params *p) {
    const float beta = p->a;
    if (beta == 0.0f) return vmul(dy, vset1(0.5f));
    V z = vmin(vset1(VACT_S16_HI), vmax(vset1(VACT_S16_LO), vmul(vset1(beta), x)));
    V s, e = vsig16_sp(z, &s);
    return vsilu16_d(s, e, vadd(z, vset1(1.0f)), dy);
}

/* gelu_tanh(x) = x (1 + tanh u)/2 = x sigmoid(v), v = 2u = x (2k0 + 2k1 x^2),
 * k0 = sqrt(2/pi), k1 = 0.044715 k0: v carries ~2^-22.4 relative error,
 * <= 2^-15.5 absolute for |v| <= 121 (the exponent's error). x is clamped
 * to [-11.3, 6.4] for v (v in [-121, 28.9]: no further clamp): sigmoid(v)
 * is exactly 1 at 6.4 (S + p rounds to S = 2^42) and 0 at -11.3 (S = 0),
 * and the exact results beyond round to x and 0. y = (xl/(S + p)) S with
 * xl = max(x, -11.3) (x = -inf: -0). 15 ops. The backward (both types):
 * k16_pw.h's pieces. */
#define VACT_GT16_K0 0x1.988454p+0f  /* 2 sqrt(2/pi) */
#define VACT_GT16_K1 0x1.2444f2p-4f  /* 2 * 0.044715 sqrt(2/pi) */
#define VACT_GT16_LO -11.3f
#define VACT_GT16_HI 6.4f
#define VACT_K16_gelu_tanh ~, k16_gelu_tanh
static inline V k16_gelu_tanh(V x, const vact_params *p) {
    (void)p;
    V xl = vmax(vset1(VACT_GT16_LO), x);
    V xc = vmin(vset1(VACT_GT16_HI), xl);
    V v = vmul(xc, vfma(vmul(xc, xc), vset1(VACT_GT16_K1), vset1(VACT_GT16_K0)));
    V s, e = vsig16_sp(v, &s);
    return vmul(vdiv(xl, vadd(s, e)), s);
}

/* tanh x = (1 - e^-z)/(1 + e^-z), z = 2x = m ln2 + 2h: with S = 2^m and
 * e^-2h - 1 = -h P(h), P(h) = 2 T(-2h) (e^r - 1 = r T(r), T = 1 + r (C0 +
 * C1 r + C2 r^2): scripts/fitpoly.py expm1 2, 2^-15.52 relative to e^r - 1,
 * coefficients scaled by powers of 2, exactly):
 *   tanh x = N/(2S - N), N = h P - (1 - S) = S - e^-2h,
 * N and the denominator 2S - N = S + e^-2h each one FMA (the second adds
 * N's rounding, |N| <= S + e^-2h: <= 2^-24 relative), no cancellation left: for m = 0 the numerator is h P
 * (relative 2^-15.5), for |m| >= 1 it is >= 0.2 > 2 |h P| (|m| = 1 is the
 * worst: error 2^-14.5). x clamped to [-9, 9] (tanh 9 = 1 - 2^-25). Signed
 * zero: m = 0 and h = x there, h P - (+0) is h P + (-0): +-0 kept (fms, not
 * fma with S - 1); the denominator 2 - (+-0) = 2. S = 2^m (m in [-26,
 * 26]) from the bits of the magic-bias sum (with the exponent bias): one
 * shift on every ISA. 13 ops. */
#define VACT_T16_P1 -0x1.0002420p+1f   /* -4 C0 */
#define VACT_T16_P2 0x1.57110ap+0f     /* 8 C1 */
#define VACT_T16_P3 -0x1.54dc2ap-1f    /* -16 C2 */
#define VACT_K16_tanh ~, k16_tanh
#define VACT_STAGES16_tanh ~, 1 /* driver.h's VACT_FWD16_LOOPS */
typedef struct {
    V h, t;
} vact_tanh_16s;
static inline vact_tanh_16s k16s1_tanh(V x, const vact_params *p) {
    (void)p;
    vact_tanh_16s r;
    V a = vmin(vset1(9.0f), vmax(vset1(-9.0f), x));
    r.h = vexp16_reduce_b(a, 2.0f, &r.t);
    return r;
}
static inline V k16s2_tanh(vact_tanh_16s st, const vact_params *p) {
    (void)p;
    V h = st.h;
    V q = vfma(vfma(vset1(VACT_T16_P3), h, vset1(VACT_T16_P2)), h, vset1(VACT_T16_P1));
    q = vfma(q, h, vset1(2.0f));
    V s = vpow2_t(st.t); /* 2^m, m in [-26, 26] */
    V num = vfms(h, q, vsub(vset1(1.0f), s));
    V den = vfms(s, vset1(2.0f), num);
    return vdiv(num, den);
}
static inline V k16_tanh(V x, const vact_params *p) { return k16s2_tanh(k16s1_tanh(x, p), p); }
/* tanh'(x) = 1 - tanh^2 = 4 e/(1 + e)^2, e = e^-2|x| (|x| clamped to 60:
 * tanh' ~ 2^-171 there): no 1 - t^2 cancellation for large |x|. As
 * kb16_sigmoid with k = 2 and the factor 4 in the scale: E = 2^66 e
 * (vexp16_neg_c, n + 66 in [-107, 66]), D = 2^64 (1 + e)^2 =
 * fma(E, (e + 2)/4, 2^64), (e + 2)/4 = fma(E, 2^-68, 1/2) (exact scalings of
 * f_sigmoid.h's e/fma(e, e + 2, 1)), E/D = 4 e/(1 + e)^2. 13 ops (AVX2:
 * 14). */
#define VACT_KB16_tanh ~, kb16_tanh
#define VACT_KB16BIG_tanh ~, kb16big_tanh /* |x| > 40 (e^-2|x| = 2^-115.4): kb_tanh (bf16) */
static inline float kb16big_tanh(const vact_params *p) { (void)p; return 40.0f; }
#define VACT_STAGES16B_tanh ~, 1
typedef V vact_tanh_b16s; /* E */
static inline V kb16s1_tanh_(V x, const vact_params *p, int c) {
    (void)p;
    return vexp16_neg_c(vact_min_if(c, 60.0f, vabs(x)), 2.0f, 66);
}
static inline V kb16s1_tanh(V x, const vact_params *p) { return kb16s1_tanh_(x, p, 1); }
static inline V kb16s2_tanh(V e, V dy, const vact_params *p) {
    (void)p;
    V d = vfma(e, vfma(e, vset1(0x1p-68f), vset1(0.5f)), vset1(0x1p64f));
    return vmul(dy, vdiv(e, d));
}
static inline V kb16_tanh(V x, V dy, const vact_params *p) { return kb16s2_tanh(kb16s1_tanh(x, p), dy, p); }
/* bf16: the lanes |x| > 40 are kb_tanh's (VACT_KB16BIG): no clamp (E =
 * 2^66 e^-2|x| >= 2^-49), as kb16s1_bf16_sigmoid */
#define VACT_KB16S1_bf16_tanh ~, kb16s1_bf16_tanh
#define VACT_KB16_bf16_tanh ~, kb16_bf16_tanh
VACT_KB16_BF16_NC(tanh)

/* e^x: clamped to [-110, 89] (0 below, inf above: n = 128), vscale2n's one
 * rounding for f32-subnormal results (bf16 subnormals). With scalef
 * (VACT_SCALEF) that is 3 ops for clamp and scale. Elsewhere vscale2n costs
 * 9 ops, so the lanes with |x| <= 87 (n in [-126, 126]: 2^n normal) take
 * p 2^n with 2^n from the bits of the magic-bias sum (with the exponent
 * bias; one shift) and one product, which rounds p 2^n once like vscale2n
 * (the same bits, subnormal results included); a NaN x gives a NaN p and
 * so a NaN product. A vector with a lane beyond (+-inf, |x| > 87: rare)
 * is redone whole by the clamped path under a vector-wide branch. */
static inline V vexp16_c_red(V x, V *n) { /* in two parts: the reduction, */
    V xc = vmin(vset1(89.0f), vmax(vset1(-110.0f), x));
    return vexp16_reduce(xc, n);
}
static inline V vexp16_c_fin(V r, V n) { return vscale2n(vexp16_poly(r), n); } /* the rest */
static inline V vexp16_c(V x) {
    V n, r = vexp16_c_red(x, &n);
    return vexp16_c_fin(r, n);
}
#define VACT_K16_exponential ~, k16_exponential
#define VACT_STAGES16_exponential ~, 1 /* driver.h's VACT_FWD16_LOOPS */
typedef struct {
    V x, r, n; /* n: the magic-bias sum t off AVX-512 */
} vact_exponential_16s;
static inline vact_exponential_16s k16s1_exponential(V x, const vact_params *p) {
    (void)p;
    vact_exponential_16s st;
    st.x = x;
#ifdef VACT_SCALEF
    st.r = vexp16_c_red(x, &st.n);
#else
    st.r = vexp16_reduce_b(x, 1.0f, &st.n);
#endif
    return st;
}
static inline V k16s2_exponential(vact_exponential_16s st, const vact_params *p) {
    (void)p;
#ifdef VACT_SCALEF
    return vexp16_c_fin(st.r, st.n);
#else
    V y = vmul(vexp16_poly(st.r), vpow2_t(st.n));
    if (many(vgt(vabs(st.x), vset1(87.0f)))) y = vexp16_c(st.x);
    return y;
#endif
}
static inline V k16_exponential(V x, const vact_params *p) { return k16s2_exponential(k16s1_exponential(x, p), p); }

/* hard_swish(x) = x relu6(x + 3)/6 as the f32 kernel's q = c (xc + 3),
 * rounded once (c = (1/6)(1 - 2^-24), f_hard_swish.h: q = 0 exactly at
 * xc = -3), times xm = max(x, -3) in one rounding, without the f32 kernel's
 * correction of c's -2^-24 (two ops): at most 3 2^-24 relative, far below
 * 2^-12.4, and exact where the result is x (x >= 3: x (1 - 2^-24) rounds
 * to x in 16 bits) or -0 (x <= -3, -inf). NaN kept (vmax, vmin). 4 ops. */
#define VACT_K16_hard_swish ~, k16_hard_swish
static inline V k16_hard_swish(V x, const vact_params *p) {
    (void)p;
    V xm = vmax(vset1(-3.0f), x);
    V q = vfma(vmin(vset1(3.0f), xm), vset1(VACT_HSW_C), vset1(VACT_HSW_3C));
    return vmul(xm, q);
}

/* hard_sigmoid in bf16 on VACT_BF16X2_PACK ISAs (driver.h's VACT_K16POST):
 * fl(1/6) (x + 3) rounded to bf16, then clamped to [+0, 1] on the words:
 * k_hard_sigmoid's bits (f_hard_sigmoid.h: min(max(x + 3, 0), 6) fl(1/6),
 * 6 fl(1/6) = 1 exactly; x + 3 is +0 or at least 2^-22 in magnitude, so
 * the product is not a zero of the wrong sign). */
#define VACT_K16POST_hard_sigmoid ~, 1
/* 4 vectors per iteration (both types; sparse_plus too): bf16 on AVX2 +4%
 * (hard_sigmoid) and +9% (sparse_plus) at n = 4096, f16 and AVX-512 within
 * the noise (vact_bench, the libraries alternated three times) */
#define VACT_UNROLL16_hard_sigmoid ~, 4
static inline V k16pre_hard_sigmoid(V x, const vact_params *p) {
    (void)p;
    return vmul(vadd(x, vset1(3.0f)), vset1(1.0f / 6.0f));
}
static inline VH k16post_hard_sigmoid(VH h, VH xw) {
    (void)xw;
    return vh_min_s(vh_max_s(h, vh_set1(0)), vh_set1(0x3f80));
}

/* softsign = x / (1 + |x|) with a = min(|x|, 2^100) (f_softsign.h's cap:
 * inf gives 1; NaN kept, vmin's second operand): one division, d = 1 + a
 * rounded once (2^-24), the quotient once: within 2^-22.9 relative, and
 * x's sign or-ed back (-0 -> -0). No Fast2Sum or residual correction (the
 * f32 kernel's, 9 ops more). 6 ops. */
#define VACT_K16_softsign ~, k16_softsign
static inline V k16_softsign(V x, const vact_params *p) {
    (void)p;
    V a = vmin(vset1(VACT_SOFTSIGN_AMAX), vabs(x));
    return vor(vdiv(a, vadd(vset1(1.0f), a)), vand(x, vset1(-0.0f)));
}
/* softsign' = 1/(1 + |x|)^2: i = 1/(1 + |x|) (no cap: x = +-inf gives
 * i = 0, dy * 0), dx = (dy i) i: 3 roundings more, within 2^-21.9, and a
 * large |dy| meets i before i^2 underflows; for |x| > 2^126 (bf16) i is an
 * f32 subnormal within 2^-21 of 1/(1 + |x|), still far inside bf16's
 * 2^-9 (docs/contract.md, "dy far from 1"; until 2026-12-07 dy (i i) with
 * the forward's cap at 2^100: 256 bf16 ULP with dy = 2^100). 5 ops. */
#define VACT_KB16_softsign ~, kb16_softsign
static inline V kb16_softsign(V x, V dy, const vact_params *p) {
    (void)p;
    V i = vdiv(vset1(1.0f), vadd(vset1(1.0f), vabs(x)));
    return vmul(vmul(dy, i), i);
}

/* squareplus(x; b) = (x + s)/2, s = sqrt(x^2 + b), and its derivative,
 * with one square root and one division, where b is in [2^-96, 2^100)
 * and |x| <= 2^63: q = x^2 + b by one FMA is then a normal float, s is
 * in [2^-48, 2^63.01] and s (s + |x|) <= 2^127.02 stays finite:
 *   forward  x >= 0: (x + s)/2            x < 0: (b/2) / (s + |x|)
 *   backward x >= 0: (s + x) / (2 s)      x < 0: (b/2) / (s (s + |x|))
 * (x < 0: b/(2(s - x)) without the cancellation, and that over s), each
 * a quotient num/den of selected operands; within 6 roundings, 2^-21.4
 * relative. Lanes with |x| > 2^63 (infinities included) take
 * f_squareplus.h's scaled kernel without its corrections (vsquareplus_f /
 * _df(.., 0)), selected lane by lane in a branch taken only when a vector
 * has such a lane, so a lane's bits never depend on its neighbours; a b
 * outside [2^-96, 2^100) takes that kernel for the whole call (and b = 0,
 * or b outside the domain, the f32 kernel). */
#define VACT_SQP16_BLO 0x1p-96f
#define VACT_SQP16_BHI 0x1p100f
#define VACT_SQP16_XHI 0x1p63f
static inline V vsquareplus16_(V x, float b, int bwd) {
    V a = vabs(x);
    V s = vsqrt(vfma(x, x, vset1(b)));
    M neg = vlt(x, vzero());
    V sa = vadd(s, a), num = vsel(neg, vset1(0.5f * b), sa); /* s + x where x >= 0 */
    V den = bwd ? vmul(s, vsel(neg, sa, vset1(2.0f))) : vsel(neg, sa, vset1(2.0f));
    V y = vdiv(num, den);
    M big = vgt(a, vset1(VACT_SQP16_XHI));
    if (many(big)) y = vsel(big, bwd ? vsquareplus_df(x, b, 0) : vsquareplus_f(x, b, 0), y);
    return y;
}
#define VACT_K16_squareplus ~, k16_squareplus
static inline V k16_squareplus(V x, const vact_params *p) {
    float b = p->a;
    if (!(b > 0.0f && b <= 0x1.fffffep127f)) return k_squareplus(x, p);
    if (!(b >= VACT_SQP16_BLO && b < VACT_SQP16_BHI)) return vsquareplus_f(x, b, 0);
    return vsquareplus16_(x, b, 0);
}
#define VACT_KB16_squareplus ~, kb16_squareplus
static inline V kb16_squareplus(V x, V dy, const vact_params *p) {
    float b = p->a;
    if (!(b > 0.0f && b <= 0x1.fffffep127f)) return kb_squareplus(x, dy, p);
    if (!(b >= VACT_SQP16_BLO && b < VACT_SQP16_BHI)) return vmul(dy, vsquareplus_df(x, b, 0));
    return vmul(dy, vsquareplus16_(x, b, 1));
}

/* sparse_plus: f_sparse_plus.h's (xc + 1)^2/4 with xc + 1 rounded once
 * and squared in two roundings, no Fast2Sum carry: within 3 2^-24
 * relative (k16pre_sparse_plus); x > 1 gives x itself (NaN kept by the
 * clamp). 7 ops.
 * In bf16 on VACT_BF16X2_PACK ISAs (driver.h's VACT_K16POST): q = (xc +
 * 1)^2/4 rounded, then the larger of it and x on the words. q >= x for x
 * <= 1 ((x + 1)^2/4 - x = (x - 1)^2/4; xc + 1 is exact for a bf16 x of
 * magnitude above 2^-16, and q ~ 1/4 > x below), q = 1 < x above 1, and
 * q = +0 for x < -1 (max with a negative word): k16_sparse_plus's bits.
 * 5 ops per vector and 1 per pair instead of 7 per vector. */
#define VACT_K16POST_sparse_plus ~, 1
#define VACT_UNROLL16_sparse_plus ~, 4
static inline V k16pre_sparse_plus(V x, const vact_params *p) {
    (void)p;
    V one = vset1(1.0f);
    V s = vadd(vmin(one, vmax(vset1(-1.0f), x)), one);
    return vmul(s, vmul(s, vset1(0.25f)));
}
#define VACT_K16_sparse_plus ~, k16_sparse_plus
static inline V k16_sparse_plus(V x, const vact_params *p) {
    return vsel(vgt(x, vset1(1.0f)), x, k16pre_sparse_plus(x, p));
}
static inline VH k16post_sparse_plus(VH h, VH xw) { return vh_max_s(h, xw); }

#include "k16_gelu_mish.h"
#include "k16_pw.h"
#include "k16_expfam.h"
#include "h16.h"

#endif
