/* Piecewise-linear bf16 / f16 kernels on the stored bits (16-bit integer
 * lanes, the vocabulary's vh_* ops): forward VACT_H16_NAME / h16_NAME and
 * backward VACT_HB16_NAME / hb16_NAME, run by src/kernels/driver.h's
 * VACT_H16_LOOP / VACT_HB16_LOOP instead of the f32 kernel between 16-bit
 * loads and a store. Each gives exactly the bits of that path (the
 * f32 kernel on the exact widened input, NaN -> the type's default NaN t.dn)
 * for every input pattern: both types are sign-magnitude, so an int16 read
 * of the bits orders the non-negative values and puts every negative one
 * (-0 the lowest) below them. tests/test_t16.c checks all 65536 inputs on
 * every ISA against the reference and the scalar path (the backward also
 * against the f32 kernel with special dy: test_relu_special_dy).
 * Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c),
 * and driver.h's 16-bit helpers (vact_h16t, vact_h16_nan) before this file
 * (kernels/all.h: driver.h, then t16/k16.h, which includes this file). */
#ifndef VACT_T16_H16_H
#define VACT_T16_H16_H
#include <string.h>
#include "../../common/vact_internal.h" /* vact_params */

/* relu: k_relu's vmax(0, x) returns x for x > 0 and for x = -0 (the tie
 * gives the second operand), +0 for the other negatives: as int16, x - 1
 * (wrapping) is >= 0 exactly for x > 0 and for -0 (0x8000 - 1 = 0x7fff),
 * so max(x - 1, -1) + 1 is x there and 0 elsewhere (+0 -> -1 -> 0 too).
 * 3 ops, and 3 for the NaN. */
static inline VH h16_relu(VH x, vact_h16t t, const vact_params *p) {
    (void)p;
    const VH one = vh_set1(1);
    VH r = vh_add(vh_max_s(vh_sub(x, one), vh_set1(0xffff)), one);
    return vact_h16_nan(x, r, t);
}
#define VACT_H16_relu ~, h16_relu
#define VACT_H16ON_relu ~, 1

/* relu's backward on the bits (driver.h's VACT_HB16): kb_relu gives dy for
 * x > 0, else dy * max(0, x) with max(0, x) = +0 for x < 0 and for +0, -0
 * for -0 (vmax's tie gives the second operand): a zero with dy's sign,
 * flipped for x = -0 (adding 0x8000 flips the top bit), and NaN where dy is
 * +-inf (inf * 0) or NaN; x > 0 passes dy (NaN for a NaN dy); a NaN x
 * gives NaN either way. NaN results are the default NaN, as the _nd store
 * makes them. x = -0 is the lowest int16, so x > 0x8000 (signed) is
 * x != -0. 13 ops per VACT_WH lanes, no conversion. */
static inline VH hb16_relu(VH x, VH dy, vact_h16t t, const vact_params *p) {
    (void)p;
    const VH sgn = vh_set1(0x8000);
    VH s = vh_and(dy, sgn);                                         /* dy * +0 */
    VH z = vh_sel(vh_gt_s(x, sgn), s, vh_add(s, sgn));             /* x = -0: dy * -0 */
    MH pos = vh_gt_s(x, vh_set1(0));                                /* x > 0 (or a NaN x) */
    VH r = vh_sel(pos, dy, z);
    /* |dy| above this is a NaN result: inf where dy passes, inf - 1 where it is times 0 */
    VH lim = vh_sel(pos, vh_set1(t.inf), vh_set1((uint16_t)(t.inf - 1)));
    r = vh_sel(vh_gt_s(vh_and(dy, vh_set1(0x7fff)), lim), vh_set1(t.dn), r);
    return vact_h16_nan(x, r, t);
}
#define VACT_HB16_relu ~, hb16_relu
#define VACT_HB16ON_relu ~, 1

/* leaky_relu (f32 lanes, driver.h's per-call cases): k_leaky_relu's
 * x > 0 ? x : a x (its max / min / select give those bits), the case chosen
 * once per call instead of on every vector. Cases 1 and 2 as k_leaky_relu:
 * vmin(x, a x) for finite a > 1, the select for a NaN or infinite a; case
 * 0, vmax(x, a x) for finite a <= 1, a != 0; case 4, a = +-0: vleaky_zero (x = -inf gives the
 * limit -a). Where the vocabulary blends by a sign bit in one op
 * (VACT_SEL_SIGN_1OP: AVX2's vblendvps), case 3 takes every finite a > +0
 * (bits 1 .. below +inf's): by x's sign bit alone, no compare -- the same bits: x = +0 gives +0 = a * +0;
 * -0, the negatives and -inf give a x; +inf gives x; NaN x gives x's NaN
 * either way (below). */
static inline int k16case_leaky_relu(const vact_params *p) {
    if (!(p->a >= -0x1.fffffep127f && p->a <= 0x1.fffffep127f)) return 2; /* +-inf, NaN */
#ifdef VACT_SEL_SIGN_1OP
    uint32_t u;
    memcpy(&u, &p->a, sizeof u);
    if (u - 1u < 0x7f7fffffu) return 3;
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
 * NaN (a x propagates it; max, min and the blend return a NaN operand, and
 * x and a x are the same NaN), quieted by the f16 conversions on every ISA,
 * so the f16 loops store it as it is (driver.h's VACT_K16KEEP): no NaN test
 * per vector, and the bits of XNNPACK's f16 kernel, which keeps the payload
 * too. Cases 2 (a = +-inf or NaN: inf * 0 makes a NaN whose sign differs
 * between x86 and ARM) and 4 keep the default NaN. The same non-NaN bits
 * in every case: for a = +-inf the select gives what the f32 kernel's
 * max / min does (x for x > 0, a x below, NaN at +-0). vact_bench
 * leaky_relu.f16/fwd/{vact,xnnpack}/avx2/4096, old and new library
 * alternated 4 times (vact / XNNPACK in the same process): 0.91-0.97x with
 * the witness, 1.03-1.15x without (README, bf16 and f16 speed). */
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
