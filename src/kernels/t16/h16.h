/* Piecewise-linear bf16 / f16 kernels on the stored bits (16-bit integer
 * lanes, the vocabulary's vh_* ops): forward VACT_H16_NAME / h16_NAME and
 * backward VACT_HB16_NAME / hb16_NAME, run by src/kernels/driver.h's
 * VACT_H16_LOOP / VACT_HB16_LOOP instead of the f32 kernel between 16-bit
 * loads and a store. Each gives exactly the bits of that path (the
 * f32 kernel on the exact widened input, NaN -> the type's default NaN t.dn)
 * for every input pattern: both types are sign-magnitude, so an int16 read
 * of the bits orders the non-negative values and puts every negative one
 * (-0 the lowest) below them. A function with a float parameter gets its
 * per-call constants from VACT_H16PREP_NAME (`~, h16prep_NAME`, driver.h),
 * which may also decline the parameters. tests/test_t16.c checks all 65536
 * inputs on every ISA against the reference and the scalar path, and
 * (test_bits) forward and backward with special dy, at edge parameters,
 * bit for bit against the f32 kernel.
 * Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c),
 * and driver.h's 16-bit helpers (vact_h16t, vact_h16_nan) before this file
 * (kernels/all.h: driver.h, then t16/k16.h, which includes this file). */
#ifndef VACT_T16_H16_H
#define VACT_T16_H16_H
#include "../../common/vact_internal.h" /* vact_params */
#include "../../common/half16.h"    /* vact_h16_kle, vact_h16_round, vact_h16_bits_of */

/* relu: k_relu's vmax(0, x) returns x for x > 0 and for x = -0 (the tie
 * gives the second operand), +0 for the other negatives: as int16, x - 1
 * (wrapping) is >= 0 exactly for x > 0 and for -0 (0x8000 - 1 = 0x7fff),
 * so max(x - 1, -1) + 1 is x there and 0 elsewhere (+0 -> -1 -> 0 too).
 * 3 ops, and 3 for the NaN. */
static inline VH vact_h16_relu(VH x) {
    const VH one = vh_set1(1);
    return vh_add(vh_max_s(vh_sub(x, one), vh_set1(0xffff)), one);
}
static inline VH h16_relu(VH x, vact_h16t t, const vact_params *p) {
    (void)p;
    return vact_h16_nan(x, vact_h16_relu(x), t);
}
#define VACT_H16_relu ~, h16_relu
#define VACT_H16ON_relu ~, 1

/* The backward of these functions: dy where it passes (pass), else dy
 * times a signed zero, whose sign bits (0 or 0x8000 per lane) are zs: that
 * zero with dy's sign flipped by zs, or NaN where dy is +-inf (inf * 0) or
 * NaN; a passed NaN dy is NaN too. NaN results are the default NaN, as the
 * _nd store makes them (a NaN x: the caller's vact_h16_nan). */
static inline VH vact_hb16_gate(MH pass, VH dy, VH zs, vact_h16t t) {
    VH r = vh_sel(pass, dy, vh_xor(vh_and(dy, vh_set1(0x8000)), zs));
    /* |dy| above this is a NaN result: inf where dy passes, inf - 1 where it is times 0 */
    VH lim = vh_sel(pass, vh_set1(t.inf), vh_set1((uint16_t)(t.inf - 1)));
    return vh_sel(vh_gt_s(vh_and(dy, vh_set1(0x7fff)), lim), vh_set1(t.dn), r);
}

/* relu's backward on the bits (driver.h's VACT_HB16): kb_relu gives dy for
 * x > 0, else dy * max(0, x) with max(0, x) = +0 for x < 0 and for +0, -0
 * for -0 (vmax's tie gives the second operand): a zero with dy's sign,
 * flipped for x = -0, and NaN where dy is +-inf (inf * 0) or NaN; x > 0
 * passes dy (NaN for a NaN dy); a NaN x gives NaN either way. x = -0 is the
 * lowest int16, so x > 0x8000 (signed) is x != -0. 13 ops per VACT_WH
 * lanes, no conversion. */
static inline VH hb16_relu(VH x, VH dy, vact_h16t t, const vact_params *p) {
    (void)p;
    const VH sgn = vh_set1(0x8000);
    VH zs = vh_sel(vh_gt_s(x, sgn), vh_set1(0), sgn);              /* x = -0: dy * -0 */
    MH pos = vh_gt_s(x, vh_set1(0));                                /* x > 0 (or a NaN x) */
    return vact_h16_nan(x, vact_hb16_gate(pos, dy, zs, t), t);
}
#define VACT_HB16_relu ~, hb16_relu
#define VACT_HB16ON_relu ~, 1

/* ---- the clamps and thresholds ----------------------------------------------
 * An order key: the int16 k(h) = h for h >= 0 (+0 and the positives), 0x7fff - h
 * (wrapping) for the negatives (-0 -> -1, -inf -> -32641; a negative NaN
 * below that), so that x < y as numbers implies k(x) < k(y), and -0, +0
 * are the adjacent keys -1, 0. A comparison with a float parameter a (not
 * NaN) is one with K(a) = the largest key whose value is <= a: x <= a iff
 * k(x) <= K(a) (both zeros fall on the same side: they are equal as
 * numbers and adjacent as keys). K(a) per call in plain C
 * (src/common/half16.h's vact_h16_kle: a's magnitude truncated to the
 * type, one step up for a negative a that is not a 16-bit value). */
static inline VH vact_h16_key(VH x) { return vh_sel(vh_gt_s(vh_set1(0), x), vh_sub(vh_set1(0x7fff), x), x); }
static inline int vact_h16_isbf(vact_h16t t) { return t.inf == 0x7f80; }
/* t.k = K(p->a); 0 (the f32 kernel instead) for a NaN a */
static inline int vact_h16prep_a(vact_h16t *t, const vact_params *p) {
    if (p->a != p->a) return 0;
    t->k = (uint16_t)vact_h16_kle(p->a, !vact_h16_isbf(*t));
    return 1;
}
/* the type's 1.0 and 6.0 */
static inline uint16_t vact_h16_one(vact_h16t t) { return vact_h16_isbf(t) ? 0x3f80 : 0x3c00; }
static inline uint16_t vact_h16_six(vact_h16t t) { return vact_h16_isbf(t) ? 0x40c0 : 0x4600; }

/* relu6: k_relu6's min(6, max(0, x)), relu's bits (above) capped at 6's
 * (x > 6 and +inf; a positive NaN too, made the default NaN after). 7 ops. */
static inline VH vact_h16_relu6(VH x, vact_h16t t) { return vh_min_s(vact_h16_relu(x), vh_set1(vact_h16_six(t))); }
static inline VH h16_relu6(VH x, vact_h16t t, const vact_params *p) {
    (void)p;
    return vact_h16_nan(x, vact_h16_relu6(x, t), t);
}
#define VACT_H16_relu6 ~, h16_relu6
#define VACT_H16ON_relu6 ~, 1
/* kb_relu6: dy where min(6, max(0, x)) == x (x in [0, 6], -0 too), else
 * dy * (y * 0) with y = +0 or 6: dy * +0. 15 ops. */
static inline VH hb16_relu6(VH x, VH dy, vact_h16t t, const vact_params *p) {
    (void)p;
    MH in = vh_eq(vact_h16_relu6(x, t), x);
    return vact_h16_nan(x, vact_hb16_gate(in, dy, vh_set1(0), t), t);
}
#define VACT_HB16_relu6 ~, hb16_relu6
#define VACT_HB16ON_relu6 ~, 1

/* hard_tanh: k_hard_tanh's min(1, max(-1, x)): |x| capped at 1's bits,
 * x's sign put back (x itself in [-1, 1], +-0 included). 6 ops. */
static inline VH h16_hard_tanh(VH x, vact_h16t t, const vact_params *p) {
    (void)p;
    VH ax = vh_and(x, vh_set1(0x7fff));
    VH r = vh_or(vh_min_s(ax, vh_set1(vact_h16_one(t))), vh_and(x, vh_set1(0x8000)));
    return vact_h16_nanax(ax, r, t);
}
#define VACT_H16_hard_tanh ~, h16_hard_tanh
#define VACT_H16ON_hard_tanh ~, 1
/* kb_hard_tanh: dy where y == x (|x| <= 1), else dy * (y * 0) with y = +-1,
 * x's sign: a zero with dy's sign flipped by x's. 14 ops. */
static inline VH hb16_hard_tanh(VH x, VH dy, vact_h16t t, const vact_params *p) {
    (void)p;
    VH ax = vh_and(x, vh_set1(0x7fff));
    MH in = vh_gt_s(vh_set1((uint16_t)(vact_h16_one(t) + 1)), ax);
    return vact_h16_nanax(ax, vact_hb16_gate(in, dy, vh_and(x, vh_set1(0x8000)), t), t);
}
#define VACT_HB16_hard_tanh ~, hb16_hard_tanh
#define VACT_HB16ON_hard_tanh ~, 1

/* threshold(x; a, b): k_threshold's x <= a ? b : x, with b rounded once
 * per call as the f32 path stores it (the default NaN for a NaN b;
 * vact_h16_round). 8 ops. */
static inline int h16prep_threshold(vact_h16t *t, const vact_params *p) {
    if (!vact_h16prep_a(t, p)) return 0;
    t->b = vact_h16_round(p->b, !vact_h16_isbf(*t));
    return 1;
}
static inline VH h16_threshold(VH x, vact_h16t t, const vact_params *p) {
    (void)p;
    VH r = vh_sel(vh_gt_s(vact_h16_key(x), vh_set1(t.k)), x, vh_set1(t.b));
    return vact_h16_nan(x, r, t);
}
/* kb_threshold: dy where x > a, else dy * min(0, |x|) = dy * +0. 15 ops. */
static inline VH hb16_threshold(VH x, VH dy, vact_h16t t, const vact_params *p) {
    (void)p;
    MH out = vh_gt_s(vact_h16_key(x), vh_set1(t.k));
    return vact_h16_nan(x, vact_hb16_gate(out, dy, vh_set1(0), t), t);
}
#define VACT_H16PREP_threshold ~, h16prep_threshold
#define VACT_H16_threshold ~, h16_threshold
#define VACT_H16ON_threshold ~, 1
#define VACT_HB16_threshold ~, hb16_threshold
#define VACT_HB16ON_threshold ~, 1

/* hard_shrink(x; a): k_hard_shrink's |x| <= a ? +0 : x (|x|'s key is its
 * bits). 5 ops. */
static inline VH h16_hard_shrink(VH x, vact_h16t t, const vact_params *p) {
    (void)p;
    VH ax = vh_and(x, vh_set1(0x7fff));
    return vact_h16_nanax(ax, vh_sel(vh_gt_s(ax, vh_set1(t.k)), x, vh_set1(0)), t);
}
/* kb_hard_shrink: dy where |x| > a, else dy * min(0, |x|) = dy * +0. 11 ops. */
static inline VH hb16_hard_shrink(VH x, VH dy, vact_h16t t, const vact_params *p) {
    (void)p;
    VH ax = vh_and(x, vh_set1(0x7fff));
    return vact_h16_nanax(ax, vact_hb16_gate(vh_gt_s(ax, vh_set1(t.k)), dy, vh_set1(0), t), t);
}
#define VACT_H16PREP_hard_shrink ~, vact_h16prep_a
#define VACT_H16_hard_shrink ~, h16_hard_shrink
#define VACT_H16ON_hard_shrink ~, 1
#define VACT_HB16_hard_shrink ~, hb16_hard_shrink
#define VACT_HB16ON_hard_shrink ~, 1

/* soft_shrink's backward (its forward, x -+ t, is arithmetic: the f32
 * kernel): kb_soft_shrink's dy where |x| > t, else dy * (c * 0) with the
 * clamp c = x there (t >= 0 finite; for t < 0 every number passes): a zero
 * with dy's sign flipped by x's. t = +inf (c * 0 NaN at x = +-inf) and NaN
 * take the f32 kernel. 13 ops. */
static inline int h16prep_soft_shrink(vact_h16t *t, const vact_params *p) {
    return p->a <= 0x1.fffffep127f && vact_h16prep_a(t, p);
}
static inline VH hb16_soft_shrink(VH x, VH dy, vact_h16t t, const vact_params *p) {
    (void)p;
    VH ax = vh_and(x, vh_set1(0x7fff));
    MH out = vh_gt_s(ax, vh_set1(t.k));
    return vact_h16_nanax(ax, vact_hb16_gate(out, dy, vh_and(x, vh_set1(0x8000)), t), t);
}
#define VACT_H16PREP_soft_shrink ~, h16prep_soft_shrink
#define VACT_HB16_soft_shrink ~, hb16_soft_shrink
#define VACT_HB16ON_soft_shrink ~, 1
/* its forward (f32 lanes, k_soft_shrink) stores plainly at 16M: driver.h's
 * VACT_STREAM16 */
#define VACT_NOSTREAM16_soft_shrink ~, 1

/* leaky_relu (f32 lanes, driver.h's per-call cases): k_leaky_relu's
 * x > 0 ? x : a x (its max / min / select give those bits), the case chosen
 * once per call instead of on every vector. Cases 1 and 2 as k_leaky_relu:
 * vmin(x, a x) for finite a > 1, the select for a NaN or infinite a; case
 * 0, vmax(x, a x) for finite a <= 1, a != 0; case 4, a = +-0:
 * vleaky_zero (x = -inf gives the limit -a). Where the vocabulary blends by
 * a sign bit in one op (VACT_SEL_SIGN_1OP: AVX2's vblendvps), case 3 takes
 * every finite a > +0 (bits 1 .. below +inf's) in f16: by x's sign bit
 * alone, no compare -- the same bits: x = +0 gives +0 = a * +0; -0, the
 * negatives and -inf give a x; +inf gives x; NaN x gives x's NaN either way
 * (below). Not in bf16, whose loads keep a signaling NaN as it is: the
 * blend would return a positive one unquieted, where a x is quiet (F16C
 * quiets it on the load). */
static inline int k16case_leaky_relu(const vact_params *p, int bf16) {
    if (!(p->a >= -0x1.fffffep127f && p->a <= 0x1.fffffep127f)) return 2; /* +-inf, NaN */
#ifdef VACT_SEL_SIGN_1OP
    if (!bf16 && vact_h16_bits_of(p->a) - 1u < 0x7f7fffffu) return 3;
#else
    (void)bf16;
#endif
    if (p->a == 0.0f) return 4;
    return p->a <= 1.0f ? 0 : 1; /* finite, nonzero */
}
static inline V k16v_leaky_relu(V x, const vact_params *p, int c) {
    V ax = vmul(vset1(p->a), x);
    if (c == 3) return vsel_sign(x, ax, x);
    if (c == 0) return vmax(x, ax);
    if (c == 1) return vmin(x, ax);
    if (c == 4) return vleaky_zero(x, vset1(p->a));
    return vsel(vgt(x, vzero()), x, ax);
}
/* Cases 0, 1 and 3 have a finite nonzero slope a: a NaN x gives x's own
 * NaN (a x propagates it, quieted; max, min and the blend return a NaN
 * operand, and x and a x are the same NaN but for the quiet bit), quieted
 * by the f16 conversions on every ISA, and in bf16 (cases 0 and 1) a x
 * itself, so the 16-bit loops store it as it is (driver.h's VACT_K16KEEP):
 * no NaN test per vector, and in f16 the bits of XNNPACK's f16 kernel,
 * which keeps the payload too. Cases 2 (a = +-inf or NaN: inf * 0 makes a
 * NaN whose sign differs between x86 and ARM) and 4 keep the default NaN.
 * The same non-NaN bits in every case: for a = +-inf the select gives what
 * the f32 kernel's max / min does (x for x > 0, a x below, NaN at +-0).
 * vact_bench leaky_relu.f16/fwd/{vact,xnnpack}/avx2/4096, old and new
 * library alternated 4 times (vact / XNNPACK in the same process):
 * 0.91-0.97x with the witness, 1.03-1.15x without (README, bf16 and f16
 * speed). */
static inline int k16keep_leaky_relu(int c) { return c == 0 || c == 1 || c == 3; }
#define VACT_K16KEEP_leaky_relu ~, k16keep_leaky_relu
#define VACT_K16V_leaky_relu ~, k16v_leaky_relu
#define VACT_K16CASE_leaky_relu ~, k16case_leaky_relu
#define VACT_K16VON_leaky_relu ~, 1
/* 4 vectors per iteration: 8 (before 2026-12-05) spilled the next
 * iteration's inputs to the stack on AVX2 (16 ymm registers); vact_bench
 * leaky_relu.f16/fwd/vact/avx2/4096 --peer_isa=avx2, old and new library
 * alternated 4 times: 15.5-16.6 Gelem/s against 13.5-15.1 at 8 and
 * 12.4-14.7 at 2 (XNNPACK's f16 kernel in the same runs: 16.1-17.8);
 * AVX-512 the same within the noise. */
#define VACT_UNROLL16_leaky_relu ~, 4

#endif
