/* Output-sized bf16/f16 kernels of the exponential family: elu, selu, celu,
 * softplus, log_sigmoid, tanh_shrink forward (VACT_K16_NAME, k16_NAME) and
 * backward (VACT_KB16_NAME, kb16_NAME), and exponential's backward, on the
 * pieces of k16.h; the accuracy target is k16.h's (2^-12.4 relative before
 * the one rounding). Op counts are vocabulary ops per vector on AVX-512
 * (scalef: vscale2n_e is one op there, four elsewhere).
 * Precondition: included at the end of k16.h. */
#ifndef VACT_T16_K16_EXPFAM_H
#define VACT_T16_K16_EXPFAM_H

/* ---- elu, selu, celu ---------------------------------------------------------
 * a expm1(b x) for b x <= 0 by one range reduction: x = n ln2/b + r'
 * (n = round(b x log2e) in [-29, 0], x clamped to -20/b, where expm1 rounds
 * to -1; one Cody-Waite step, r' = x - n LN2_HI/b, exact for b = 1, else
 * LN2_HI/b rounded once: <= 2^-18.7 absolute in r = b r'), |r| <= ln2/2, and
 *   a expm1(b x) = (2^(n+1) r') U(r') + (2^(n+1) (a/2) - a)   (two FMAs),
 * U(r') = (a b/2) u(b r'), expm1(r) = r u(r) = r (1 + C0 r + C1 r^2 +
 * C2 r^3) (scripts/fitpoly.py expm1 2: 2^-15.52 relative to expm1(r)),
 * a/2 and b folded into U's coefficients (rounded once each: 2^-22; the
 * halving keeps |U| <= 0.6 |a|, no overflow for any finite a; a tiny a
 * loses bits only where the result is far below a 16-bit subnormal ulp), so
 * the factor a costs no op. 2^(n+1) comes from the bits of the magic-bias
 * sum (exponent bias 128 folded in): one shift; 2^(n+1) r' is exact.
 * n = 0 (b x >= -0.35): the second term is 0 (a - a), the result r' U
 * rounded once: relative accuracy down to the subnormals (no
 * cancellation); n <= -1: the first term is at most 0.7 of the result, so
 * its error enters damped. Total < 2^-15.2. 11 ops for a expm1(b x).
 * Lanes x > 0 are discarded by the callers (garbage there, no traps);
 * NaN stays NaN (vmax keeps it, every later op propagates it).
 * Backward: e^x by vexp16_neg (2^-12.93) times alpha (elu), or k16.h's
 * vexp16_neg_ab with the constant / 1/alpha folded in (selu, celu: < 2^-12.8)
 * (lanes x > 0 go through them too, garbage, discarded). */
#define VACT_EM16_C0 0x1.000242p-1f
#define VACT_EM16_C1 0x1.57110ap-3f
#define VACT_EM16_C2 0x1.54dc2ap-5f
/* in two parts (the stages of bf16's elu forward): the reduction (r', and
 * the magic-bias sum *t: 2^(n+1) in its bits), then the rest, with U of
 * degree 3 (C0..C2, deg = 3) or, for bf16 alone, of degree 2 (deg = 2:
 * u(r) = 1 + D0 r + D1 r^2, scripts/fitpoly.py expm1 1: 2^-11.05 relative
 * to expm1(r); the first term at most 0.7 of the result for n <= -1, so
 * < 2^-10.9 in all, within the 2^-9 of <= 1 bf16 ULP; one FMA fewer). */
#define VACT_EM16B_D0 0x1.01ec3cp-1f
#define VACT_EM16B_D1 0x1.560a84p-3f
static inline V vexpm1_16_ab_red(V x, float b, V *t) {
    V xc = vmax(vset1(-20.0f / b), x);
    V n;
    *t = vexp_round_(xc, b, VACT_MAGIC + 128.0f, &n);
    return vexp_r1_(xc, n, b);
}
static inline V vexpm1_16_ab_fin(V r, V t, float a, float b, int deg) {
    const float h = 0.5f * a;
    V s2 = vpow2_t(t); /* 2^(n+1), n in [-29, 0] */
    V u;
    if (deg == 2) {
        u = vfma(vset1(h * (b * b * b) * VACT_EM16B_D1), r, vset1(h * (b * b) * VACT_EM16B_D0));
    } else {
        u = vfma(vset1(h * (b * b * b * b) * VACT_EM16_C2), r, vset1(h * (b * b * b) * VACT_EM16_C1));
        u = vfma(u, r, vset1(h * (b * b) * VACT_EM16_C0));
    }
    u = vfma(u, r, vset1(h * b));
    V sr = vmul(s2, r); /* before the last use of s2 (no register copy) */
    V c = vfma(s2, vset1(h), vset1(-a));
    return vfma(sr, u, c);
}
/* expm1(x) alone (a = b = 1) in the earlier form, 2^n p + (2^n - 1) with
 * p = r + r^2 (C0 + C1 r + C2 r^2) (the same polynomial, the same bound):
 * as many ops, but one constant fewer live in the loop, which AVX2's 16
 * registers need (f16's elu and tanh_shrink' spill with vexpm1_16_ab_fin's
 * a b^k in U). */
/* in two parts (stage 1 and 2 of the staged elu forward): the reduction
 * (r, and the magic-bias sum *t), then the rest */
static inline V vexpm1_16_red(V x, V *t) {
    return vexp16_reduce_b(vmax(vset1(-20.0f), x), 1.0f, t);
}
static inline V vexpm1_16_fin(V r, V t) {
    V s = vpow2_t(t); /* 2^n, n in [-29, 0] */
    V q = vfma(vfma(vset1(VACT_EM16_C2), r, vset1(VACT_EM16_C1)), r, vset1(VACT_EM16_C0));
    V p = vfma(vmul(r, r), q, r); /* expm1(r) */
    return vfma(s, p, vsub(s, vset1(1.0f)));
}
static inline V vexpm1_16(V x) {
    V t, r = vexpm1_16_red(x, &t);
    return vexpm1_16_fin(r, t);
}

/* elu = x > 0 ? x : a expm1(x); -inf -> -a. 14 ops (f16: a in U's
 * coefficients saves the product by a on AVX-512 but spills on AVX2). */
#define VACT_K16_elu ~, k16_elu
#define VACT_STAGES16_elu ~, 1 /* driver.h's VACT_FWD16_LOOPS */
typedef struct {
    V x, r, t;
} vact_elu_16s;
static inline vact_elu_16s k16s1_elu(V x, const vact_params *p) {
    (void)p;
    vact_elu_16s st;
    st.x = x;
    st.r = vexpm1_16_red(x, &st.t);
    return st;
}
static inline V k16s2_elu(vact_elu_16s st, const vact_params *p) {
    return vsel(vgt(st.x, vzero()), st.x, vmul(vset1(p->a), vexpm1_16_fin(st.r, st.t)));
}
static inline V k16_elu(V x, const vact_params *p) { return k16s2_elu(k16s1_elu(x, p), p); }
/* bf16: vexpm1_16_ab_red / _fin with a in U's coefficients and U of degree 2
 * (< 2^-10.9 relative, above): 12 ops, two FP ops fewer than f16's (the
 * product by a and one FMA). The same state, its t biased for 2^(n+1). */
#define VACT_K16S1_bf16_elu ~, k16s1_bf16_elu
#define VACT_K16S2_bf16_elu ~, k16s2_bf16_elu
#define VACT_K16_bf16_elu ~, k16_bf16_elu
static inline vact_elu_16s k16s1_bf16_elu(V x, const vact_params *p) {
    (void)p;
    vact_elu_16s st;
    st.x = x;
    st.r = vexpm1_16_ab_red(x, 1.0f, &st.t);
    return st;
}
static inline V k16s2_bf16_elu(vact_elu_16s st, const vact_params *p) {
    return vsel(vgt(st.x, vzero()), st.x, vexpm1_16_ab_fin(st.r, st.t, p->a, 1.0f, 2));
}
static inline V k16_bf16_elu(V x, const vact_params *p) { return k16s2_bf16_elu(k16s1_bf16_elu(x, p), p); }
/* elu' = x > 0 ? 1 : a e^x; dx = dy (a e^x) (x = -inf: dy * 0). 11 ops.
 * a e^x by vexp16_neg_ab (a in the polynomial's coefficients, a e^x
 * rounded once), clamped at x = -120. For bf16 the lanes |x| > 60 take the
 * f32 kernel kb_elu (driver.h's VACT_KB16BIG: with |a| >= 2^-20, a e^x is
 * normal for x >= -60, so a dy up to 2^128 never meets a subnormal
 * f'(x)); f16's dy (< 2^16) times a subnormal's 2^-150 is far below its
 * ulp. |a| outside [2^-20, 2^14] (and a NaN a) runs the f32 kernel's elu'
 * (driver.h's VACT_KB16FB, once per call; a = 3e6 gave 22 bf16 ULP at
 * x = -104 with dy = 1 until 2026-12-07; test_t16's extra sets hold
 * a = 2^14, 3e6 and 1e-7). Until 2026-12-07 it was a times vexp16_neg(x),
 * clamped at -110, whose subnormal e^x carried 2^-150 times |a| into dx
 * (35.8 bf16 ULP beyond |dy| 2^-149 with a = 2.5 and test_t16's wide dy),
 * and the bf16 lanes x < -80 took no f32 kernel (254 ULP with dy = 2^127). */
#define VACT_KB16_elu ~, kb16_elu
#define VACT_KB16FB_elu ~, kb16fb_elu
static inline int kb16fb_elu(const vact_params *p) {
    const float aa = p->a < 0.0f ? -p->a : p->a;
    return !(aa >= 0x1p-20f && aa <= 0x1p14f);
}
#define VACT_KB16BIG_elu ~, kb16big_elu /* |x| > 60: kb_elu (bf16) */
static inline float kb16big_elu(const vact_params *p) { (void)p; return 60.0f; }
#define VACT_STAGES16B_elu ~, 1 /* driver.h's VACT_BWD16_LOOP_S */
typedef V vact_elu_b16s;         /* elu'(x) */
static inline V kb16s1_elu_(V x, const vact_params *p, int c) {
    V g = vexp16_neg_ab_nc(vact_max_if(c, -120.0f, x), p->a, 1.0f);
    return vsel(vgt(x, vzero()), vset1(1.0f), g);
}
static inline V kb16s1_elu(V x, const vact_params *p) { return kb16s1_elu_(x, p, 1); }
static inline V kb16s2_elu(V g, V dy, const vact_params *p) {
    (void)p;
    return vmul(dy, g);
}
static inline V kb16_elu(V x, V dy, const vact_params *p) { return kb16s2_elu(kb16s1_elu(x, p), dy, p); }
/* bf16: the lanes |x| > 60 are kb_elu's (VACT_KB16BIG): no clamp, one op
 * fewer, the same bits where |x| <= 60 (x > 0: garbage, discarded as
 * before) */
#define VACT_KB16S1_bf16_elu ~, kb16s1_bf16_elu
#define VACT_KB16_bf16_elu ~, kb16_bf16_elu
VACT_KB16_BF16_NC(elu)

/* selu = x > 0 ? L x : L A expm1(x), L and L A rounded to float (2^-25).
 * 14 ops; backward dy (x > 0 ? L : L A e^x), 11 ops. */
#define VACT_SELU16_L 0x1.0cfabep+0f  /* 1.05070098 */
#define VACT_SELU16_LA 0x1.c212ccp+0f /* 1.05070098 * 1.67326324 */
#define VACT_K16_selu ~, k16_selu
static inline V k16_selu_(V x, int deg) {
    V t, r = vexpm1_16_ab_red(x, 1.0f, &t);
    return vsel(vgt(x, vzero()), vmul(vset1(VACT_SELU16_L), x), vexpm1_16_ab_fin(r, t, VACT_SELU16_LA, 1.0f, deg));
}
static inline V k16_selu(V x, const vact_params *p) {
    (void)p;
    return k16_selu_(x, 3);
}
/* bf16: U of degree 2 (vexpm1_16_ab_fin), one FMA fewer */
#define VACT_K16_bf16_selu ~, k16_bf16_selu
static inline V k16_bf16_selu(V x, const vact_params *p) {
    (void)p;
    return k16_selu_(x, 2);
}
#define VACT_KB16_selu ~, kb16_selu
#define VACT_KB16BIG_selu ~, vact_kb16big_80
#define VACT_STAGES16B_selu ~, 1
typedef V vact_selu_b16s; /* selu'(x) */
static inline V kb16s1_selu_(V x, const vact_params *p, int c) {
    (void)p;
    V g = vexp16_neg_ab_nc(vact_max_if(c, -110.0f, x), VACT_SELU16_LA, 1.0f);
    return vsel(vgt(x, vzero()), vset1(VACT_SELU16_L), g);
}
static inline V kb16s1_selu(V x, const vact_params *p) { return kb16s1_selu_(x, p, 1); }
static inline V kb16s2_selu(V g, V dy, const vact_params *p) {
    (void)p;
    return vmul(dy, g);
}
static inline V kb16_selu(V x, V dy, const vact_params *p) { return kb16s2_selu(kb16s1_selu(x, p), dy, p); }
#define VACT_KB16S1_bf16_selu ~, kb16s1_bf16_selu /* as elu's (|x| > 80: kb_selu) */
#define VACT_KB16_bf16_selu ~, kb16_bf16_selu
VACT_KB16_BF16_NC(selu)

/* celu = x > 0 ? x : a expm1(x/a), a > 0 (the wrapper's domain), in
 * [2^-20, 2^20] here (a branch on the parameter in every vector, the same
 * way each time; else the accurate f32 kernel):
 * vexpm1_16_ab_red / _fin with b = 1/a (rounded: a b = 1 + d,
 * |d| <= 2^-24, in U's coefficients); x b vs x/a: 2^-23 relative in the argument,
 * |q| e^q/|expm1(q)| 2^-23 <= 2^-22 in the result. x = -inf: clamped to
 * -20a, -a (1 - e^-20) rounds to -a. 13 ops.
 * Backward dy (x > 0 ? 1 : e^(x b)): vexp16_neg_ab with b, 11 ops; for
 * a outside that range the call runs kb_celu (VACT_KB16FB). */
#define VACT_K16_celu ~, k16_celu
static inline V k16_celu_(V x, const vact_params *p, int deg) {
    const float a = p->a;
    if (!(a >= 0x1p-20f && a <= 0x1p20f)) return k_celu(x, p);
    V t, r = vexpm1_16_ab_red(x, 1.0f / a, &t);
    return vsel(vgt(x, vzero()), x, vexpm1_16_ab_fin(r, t, a, 1.0f / a, deg));
}
static inline V k16_celu(V x, const vact_params *p) { return k16_celu_(x, p, 3); }
/* bf16: U of degree 2 (vexpm1_16_ab_fin), one FMA fewer */
#define VACT_K16_bf16_celu ~, k16_bf16_celu
static inline V k16_bf16_celu(V x, const vact_params *p) { return k16_celu_(x, p, 2); }
#define VACT_KB16_celu ~, kb16_celu
/* a outside [2^-20, 2^20]: the call runs kb_celu (driver.h's VACT_KB16FB,
 * once per call, not a branch per vector) */
#define VACT_KB16FB_celu ~, kb16fb_celu
static inline int kb16fb_celu(const vact_params *p) { return !(p->a >= 0x1p-20f && p->a <= 0x1p20f); }
#define VACT_KB16BIG_celu ~, kb16big_celu /* |x| > 80 a: kb_celu (bf16) */
static inline float kb16big_celu(const vact_params *p) {
    return p->a >= 0x1p-20f && p->a <= 0x1p20f ? VACT_KB16_X * p->a : 0.0f; /* else kb_celu anyway */
}
static inline V kb16_celu_(V x, V dy, const vact_params *p, int c) {
    const float a = p->a; /* in [2^-20, 2^20] (kb16fb_celu) */
    V e = vexp16_neg_ab_nc(vact_max_if(c, -110.0f * a, x), 1.0f, 1.0f / a);
    return vmul(dy, vsel(vgt(x, vzero()), vset1(1.0f), e));
}
static inline V kb16_celu(V x, V dy, const vact_params *p) { return kb16_celu_(x, dy, p, 1); }
/* bf16: as elu's, without the clamp (|x| > 80 a: kb_celu) */
#define VACT_KB16_bf16_celu ~, kb16b_celu
static inline V kb16b_celu(V x, V dy, const vact_params *p) { return kb16_celu_(x, dy, p, 0); }

/* ---- exponential (backward) --------------------------------------------------
 * dx = dy e^x = (dy p) 2^n: x clamped to [-174, 175] (n in [-251, 253],
 * vscale2n's domain: dy e^x may be finite where e^x is not), k16.h's
 * reduction (one Cody-Waite step: |n| 2^-29.6 <= 2^-21.6 absolute in r)
 * and polynomial (2^-12.93). vscale2n rounds (dy p) 2^n once for
 * |dy p| >= 2^-100; for a tinier dy p its two roundings differ from one only
 * deep in the f32 subnormals (absolute 2^-149, far below a 16-bit ulp), and
 * scaling up a subnormal is exact. NaN x or dy: NaN. 10 ops (AVX-512). */
static inline V vexp16_dy_nc(V xc, V dy) { /* xc in [-174, 175] given (or NaN) */
    V n, r = vexp16_reduce(xc, &n);
    return vscale2n(vmul(dy, vexp16_poly(r)), n);
}
static inline V vexp16_dy_c(V x, V dy) { return vexp16_dy_nc(vmin(vset1(175.0f), vmax(vset1(-174.0f), x)), dy); }
/* f16 (bf16: kb16b_exponential below). Off AVX-512 (vscale2n: 9 ops) as
 * k16_exponential: lanes |x| <= 87 take
 * (dy p) 2^n with 2^n normal from the bits of the magic-bias sum, one
 * rounding, as scalef (AVX-512) gives (vscale2n's too for |dy p| >=
 * 2^-100); the lanes beyond (rare; under a vector-wide branch) are redone
 * by the clamped path above, whose vscale2n may round twice for a tiny dy:
 * only those lanes, so no lane depends on its neighbours. 7 ops + the
 * test. */
#define VACT_KB16_exponential ~, kb16_exponential
#define VACT_KB16BIG_exponential ~, kb16big_exponential /* |x| > 87: kb_exponential (bf16) */
static inline float kb16big_exponential(const vact_params *p) { (void)p; return 87.0f; }
/* c = 0 (bf16): the lanes |x| > 87 are the f32 kernel's (driver.h's
 * VACT_KB16BIG, kb16big_exponential), so neither the clamp nor the branch
 * (7 ops off AVX-512; the same bits where |x| <= 87) */
static inline V kb16_exponential_(V x, V dy, const vact_params *p, int c) {
    (void)p;
#ifdef VACT_SCALEF
    return c ? vexp16_dy_c(x, dy) : vexp16_dy_nc(x, dy);
#else
    V t, r = vexp16_reduce_b(x, 1.0f, &t);
    V g = vmul(vmul(dy, vexp16_poly(r)), vpow2_t(t));
    if (c) {
        M big = vgt(vabs(x), vset1(87.0f));
        if (many(big)) g = vsel(big, vexp16_dy_c(x, dy), g); /* only those lanes: vscale2n rounds */
    }                                                         /* twice below |dy p| = 2^-100 */
    return g;
#endif
}
static inline V kb16_exponential(V x, V dy, const vact_params *p) { return kb16_exponential_(x, dy, p, 1); }
#define VACT_KB16_bf16_exponential ~, kb16b_exponential
static inline V kb16b_exponential(V x, V dy, const vact_params *p) { return kb16_exponential_(x, dy, p, 0); }

/* ---- softplus, log_sigmoid ---------------------------------------------------
 * softplus(x) = max(x, 0) + log1p(u), log_sigmoid(x) = min(x, 0) - log1p(u),
 * u = e^-|x| in [0, 1] (vexp16_neg, 2^-12.93; 0 below -110), both terms of
 * one sign (no cancellation). log1p(u) = u + u^2 Q(u) on [0, 1] without
 * range reduction, Q of degree 3 (scripts/fitpoly.py log1p16 3 -12.45:
 * 2^-13.53 relative, relative down to u -> 0, softplus ~ u for x << 0,
 * subnormals included), fitted with u's error in the weight: u's 2^-12.93
 * enters log1p(u) times u/((1 + u) log1p(u)) <= 1 (-> 1 only at u -> 0,
 * where Q's error -> 0), and the sum with |x| only damps: the sum of both
 * and 2^-21 for the roundings is < 2^-12.45 on every u. +-inf: u = 0, the
 * max/min term is the result; NaN: through u (the max/min lose it).
 * 15 ops. Backward: softplus' = sigmoid(x), log_sigmoid' = sigmoid(-x)
 * (below). */
#define VACT_L1P16_C0 -0x1.fe072ep-2f
#define VACT_L1P16_C1 0x1.3e73bep-2f
#define VACT_L1P16_C2 -0x1.509434p-3f
#define VACT_L1P16_C3 0x1.6daa9cp-5f
/* log1p(e^-|x|) */
static inline V vsoftplus16_l(V x) {
    V u = vexp16_neg(vor(x, vset1(-0.0f)));
    V q = vfma(vset1(VACT_L1P16_C3), u, vset1(VACT_L1P16_C2));
    q = vfma(q, u, vset1(VACT_L1P16_C1));
    q = vfma(q, u, vset1(VACT_L1P16_C0));
    return vfma(vmul(u, u), q, u);
}
#define VACT_K16_softplus ~, k16_softplus
static inline V k16_softplus(V x, const vact_params *p) {
    (void)p;
    return vadd(vmax(x, vzero()), vsoftplus16_l(x));
}
/* the backward of both: sigmoid(sg x) = 1/(1 + E), E = e^(-sg x)
 * (vexp16_neg_c with c = 0) for x in [-80, 80] (E in [2^-116, 2^116],
 * normal: no overflow in 1 + E), then dy/(1 + E) in one division: E's
 * 2^-12.93 + 2^-21.6 enters damped by E/(1 + E), and two roundings. x is
 * clamped there (sigmoid rounds to 0 / 1 in f16 beyond; c = 0: without,
 * bf16's lanes |x| > 80 are the f32 kernel's, VACT_KB16BIG). NaN kept
 * (through E, or dy). 2 ops after E, in two stages
 * (E, then dx): the staged loop measured 1.17-1.22x the plain one, with
 * dy (1/(K + E)) (K = 2^-64, k16.h's sigmoid), on AVX2 bf16. */
static inline V kb16_sig_e_(V x, float sg, int c) {
    return vexp16_neg_c(vact_min_if(c, VACT_KB16_X, vact_max_if(c, -VACT_KB16_X, x)), sg, 0);
}
static inline V kb16_sig_dx_(V e, V dy) { return vdiv(dy, vadd(vset1(1.0f), e)); }
/* the two-stage backward of NAME, whose derivative is sigmoid(sg x)
 * (softplus: sg = 1, log_sigmoid: sg = -1), written once for both: state
 * E, stage 2 dy/(1 + E), and bf16's stage 1 without the clamp
 * (VACT_KB16_BF16_NC) */
#define VACT_KB16_SIG_(name, sg)                                                            \
    typedef V vact_##name##_b16s; /* E */                                                   \
    static inline V kb16s1_##name##_(V x, const vact_params *p, int c) {                    \
        (void)p;                                                                            \
        return kb16_sig_e_(x, sg, c);                                                       \
    }                                                                                       \
    static inline V kb16s1_##name(V x, const vact_params *p) { return kb16s1_##name##_(x, p, 1); } \
    static inline V kb16s2_##name(V e, V dy, const vact_params *p) {                        \
        (void)p;                                                                            \
        return kb16_sig_dx_(e, dy);                                                         \
    }                                                                                       \
    static inline V kb16_##name(V x, V dy, const vact_params *p) {                          \
        return kb16s2_##name(kb16s1_##name(x, p), dy, p);                                   \
    }                                                                                       \
    VACT_KB16_BF16_NC(name)
#define VACT_KB16_softplus ~, kb16_softplus
#define VACT_KB16BIG_softplus ~, vact_kb16big_80
#define VACT_STAGES16B_softplus ~, 1 /* driver.h's VACT_BWD16_LOOP_S */
#define VACT_KB16S1_bf16_softplus ~, kb16s1_bf16_softplus
#define VACT_KB16_bf16_softplus ~, kb16_bf16_softplus
VACT_KB16_SIG_(softplus, 1.0f)
#define VACT_K16_log_sigmoid ~, k16_log_sigmoid
static inline V k16_log_sigmoid(V x, const vact_params *p) {
    (void)p;
    return vsub(vmin(x, vzero()), vsoftplus16_l(x));
}
#define VACT_KB16_log_sigmoid ~, kb16_log_sigmoid /* as softplus's, mirrored */
#define VACT_KB16BIG_log_sigmoid ~, vact_kb16big_80
#define VACT_STAGES16B_log_sigmoid ~, 1
#define VACT_KB16S1_bf16_log_sigmoid ~, kb16s1_bf16_log_sigmoid
#define VACT_KB16_bf16_log_sigmoid ~, kb16_bf16_log_sigmoid
VACT_KB16_SIG_(log_sigmoid, -1.0f)

/* ---- tanh_shrink -------------------------------------------------------------
 * tanh_shrink(x) = x - tanh(x), odd.
 * |x| < 1: x^3 (1/3 + u P(u)), u = x^2, P of degree 3 (scripts/fitpoly.py
 *   tshr 3 1.0: 2^-16.6 relative), no cancellation; x u t keeps the sign
 *   (-0 -> -0); where x^3 is an f32 subnormal the absolute error is 2^-149.
 * |x| >= 1: sign(x) ((|x| - 1) + 2e/(1 + e)), e = e^-2|x| <= e^-2
 *   (vexp16_neg, 2^-12.93), one division; |x| - 1 is exact and the quotient
 *   (<= 0.24, all of the result at |x| = 1) carries e's error times
 *   1/(1 + e) <= 1: < 2^-12.8. +-inf: e = 0, +-inf; NaN: big path.
 * 26 ops.
 * tanh_shrink'(x) = tanh(x)^2 (squaring doubles tanh's relative error):
 * tanh|x| = -m/(2 + m), m = expm1(-2|x|) (vexpm1_16 above, 2^-15.2 relative,
 * relative down to x -> 0: no cancellation, no second path); m's error
 * enters tanh times 2/(2 + m) <= 2, tanh^2 twice that: < 2^-13 with the
 * roundings (and far less where m is near -1: there m's error is 2^-24).
 * x = +-inf: m = -1, tanh^2 = 1; -0: 0. dx = (dy tanh) tanh (a large |dy|
 * meets tanh before tanh^2 underflows). 17 ops. */
#define VACT_TSH16_P0 -0x1.10d9b6p-3f
#define VACT_TSH16_P1 0x1.b15960p-5f
#define VACT_TSH16_P2 -0x1.2c66e6p-6f
#define VACT_TSH16_P3 0x1.ea0902p-9f
#define VACT_TSH16_THIRD 0x1.555556p-2f
#define VACT_K16_tanh_shrink ~, k16_tanh_shrink
static inline V k16_tanh_shrink(V x, const vact_params *p) {
    (void)p;
    V nax = vor(x, vset1(-0.0f));
    V e = vexp16_neg(vadd(nax, nax));
    V yb = vadd(vsub(vset1(-1.0f), nax), vdiv(vadd(e, e), vadd(vset1(1.0f), e)));
    yb = vor(yb, vand(x, vset1(-0.0f)));
    V u = vmul(x, x);
    V q = vfma(vfma(vset1(VACT_TSH16_P3), u, vset1(VACT_TSH16_P2)), u, vset1(VACT_TSH16_P1));
    q = vfma(q, u, vset1(VACT_TSH16_P0));
    V ys = vmul(vmul(x, u), vfma(u, q, vset1(VACT_TSH16_THIRD)));
    return vsel(vgt(nax, vset1(-1.0f)), ys, yb);
}
#define VACT_KB16_tanh_shrink ~, kb16_tanh_shrink
static inline V kb16_tanh_shrink(V x, V dy, const vact_params *p) {
    (void)p;
    V nax = vor(x, vset1(-0.0f));
    V m = vexpm1_16(vadd(nax, nax));
    V t = vdiv(m, vsub(vset1(-2.0f), m));
    return vmul(vmul(dy, t), t); /* not dy (t t): t^2 underflows first (|x| < 2^-63) */
}

#endif
