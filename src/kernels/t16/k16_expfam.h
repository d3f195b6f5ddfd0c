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
 * expm1(x) for x <= 0 by one range reduction: x = n ln2 + r (n = round(x/ln2)
 * in [-29, 0], x clamped to -20, where expm1 rounds to -1; one Cody-Waite
 * step, exact enough: |n| 2^-29.6 absolute in r), |r| <= ln2/2, and
 *   expm1(x) = 2^n expm1(r) + (2^n - 1)   (one FMA; 2^n - 1 exact),
 * expm1(r) = r + r^2 (C0 + C1 r + C2 r^2) (scripts/fitpoly.py expm1 2:
 * 2^-15.52 relative to expm1(r)). n = 0 (x >= -0.35): r = x, relative
 * accuracy down to the subnormals (no cancellation); n <= -1: the term
 * 2^n expm1(r) is at most 0.7 of |expm1(x)|, so its error enters damped.
 * Total < 2^-15.2. 2^n comes from the bits of the magic-bias sum (exponent
 * bias folded in, VACT_MAGIC_B): one shift. 11 ops for y = expm1(x).
 * Lanes x > 0 are discarded by the callers (garbage there, no traps);
 * NaN stays NaN (vmax keeps it, every later op propagates it).
 * Backward: e^x by vexp16_neg (2^-12.93) times the constant, two roundings. */
#define VACT_EM16_C0 0x1.000242p-1f
#define VACT_EM16_C1 0x1.57110ap-3f
#define VACT_EM16_C2 0x1.54dc2ap-5f
static inline V vexpm1_16(V x) {
    V xc = vmax(vset1(-20.0f), x);
    V t = vfma(xc, vset1(VACT_LOG2E), vset1(VACT_MAGIC_B));
    V n = vsub(t, vset1(VACT_MAGIC_B));
    V r = vfma(n, vset1(-VACT_LN2_HI), xc);
    V s = vasf(vishl(vasi(t), 23)); /* 2^n, n in [-29, 0] */
    V q = vfma(vfma(vset1(VACT_EM16_C2), r, vset1(VACT_EM16_C1)), r, vset1(VACT_EM16_C0));
    V p = vfma(vmul(r, r), q, r); /* expm1(r) */
    return vfma(s, p, vsub(s, vset1(1.0f)));
}

/* elu = x > 0 ? x : a expm1(x); -inf -> -a. 14 ops. */
#define VACT_K16_elu ~, k16_elu
static inline V k16_elu(V x, const vact_params *p) {
    return vsel(vgt(x, vzero()), x, vmul(vset1(p->a), vexpm1_16(x)));
}
/* elu' = x > 0 ? 1 : a e^x; dx = dy (a e^x) (x = -inf: dy * 0). 12 ops. */
#define VACT_KB16_elu ~, kb16_elu
static inline V kb16_elu(V x, V dy, const vact_params *p) {
    V g = vmul(vset1(p->a), vexp16_neg(vmin(vzero(), x)));
    return vmul(dy, vsel(vgt(x, vzero()), vset1(1.0f), g));
}

/* selu = L (x > 0 ? x : A expm1(x)), L and L A rounded to float (2^-25).
 * 15 ops; backward dy (x > 0 ? L : L A e^x), 13 ops. */
#define VACT_SELU16_L 0x1.0cfabep+0f  /* 1.05070098 */
#define VACT_SELU16_LA 0x1.c212ccp+0f /* 1.05070098 * 1.67326324 */
#define VACT_K16_selu ~, k16_selu
static inline V k16_selu(V x, const vact_params *p) {
    (void)p;
    M pos = vgt(x, vzero());
    V k = vsel(pos, vset1(VACT_SELU16_L), vset1(VACT_SELU16_LA));
    return vmul(k, vsel(pos, x, vexpm1_16(x)));
}
#define VACT_KB16_selu ~, kb16_selu
static inline V kb16_selu(V x, V dy, const vact_params *p) {
    (void)p;
    V g = vmul(vset1(VACT_SELU16_LA), vexp16_neg(vmin(vzero(), x)));
    return vmul(dy, vsel(vgt(x, vzero()), vset1(VACT_SELU16_L), g));
}

/* celu = x > 0 ? x : a expm1(x/a), a > 0 (the wrapper's domain); x/a as
 * x (1/a), 2^-23 relative in the argument, which is |q| e^q/|expm1(q)| 2^-23
 * <= 2^-22 relative in the result. x = -inf: q = -inf, clamped: -a.
 * Backward dy (x > 0 ? 1 : e^(x/a)). 15 and 13 ops. */
#define VACT_K16_celu ~, k16_celu
static inline V k16_celu(V x, const vact_params *p) {
    V q = vmul(x, vset1(1.0f / p->a));
    return vsel(vgt(x, vzero()), x, vmul(vset1(p->a), vexpm1_16(q)));
}
#define VACT_KB16_celu ~, kb16_celu
static inline V kb16_celu(V x, V dy, const vact_params *p) {
    V e = vexp16_neg(vmin(vzero(), vmul(x, vset1(1.0f / p->a))));
    return vmul(dy, vsel(vgt(x, vzero()), vset1(1.0f), e));
}

/* ---- exponential (backward) --------------------------------------------------
 * dx = dy e^x = (dy p) 2^n: x clamped to [-174, 175] (n in [-251, 253],
 * vscale2n's domain: dy e^x may be finite where e^x is not), k16.h's
 * reduction (one Cody-Waite step: |n| 2^-29.6 <= 2^-21.6 absolute in r)
 * and polynomial (2^-12.93). vscale2n rounds (dy p) 2^n once for
 * |dy p| >= 2^-100; for a tinier dy p its two roundings differ from one only
 * deep in the f32 subnormals (absolute 2^-149, far below a 16-bit ulp), and
 * scaling up a subnormal is exact. NaN x or dy: NaN. 10 ops. */
#define VACT_KB16_exponential ~, kb16_exponential
static inline V kb16_exponential(V x, V dy, const vact_params *p) {
    (void)p;
    V xc = vmin(vset1(175.0f), vmax(vset1(-174.0f), x));
    V n, r = vexp16_reduce(xc, &n);
    return vscale2n(vmul(dy, vexp16_poly(r)), n);
}

#endif
