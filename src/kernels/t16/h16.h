/* Piecewise-linear bf16 / f16 forward kernels on the stored bits (16-bit
 * integer lanes, the vocabulary's vh_* ops): VACT_H16_NAME / h16_NAME, run
 * by src/kernels/driver.h's VACT_H16_LOOP instead of the f32 kernel between
 * a 16-bit load and store. Each gives exactly the bits of that path (the
 * f32 kernel on the exact widened input, NaN -> the type's default NaN t.dn)
 * for every input pattern: both types are sign-magnitude, so an int16 read
 * of the bits orders the non-negative values and puts every negative one
 * (-0 the lowest) below them. tests/test_t16.c checks all 65536 inputs on
 * every ISA against the reference and the scalar path.
 * Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_T16_H16_H
#define VACT_T16_H16_H
#include "../../common/vact_internal.h" /* vact_params */

/* NaN lanes (|x| above the infinity's bits) -> the default NaN */
static inline VH vact_h16_nan(VH x, VH r, vact_h16t t) {
    return vh_sel(vh_gt_s(vh_and(x, vh_set1(0x7fff)), vh_set1(t.inf)), vh_set1(t.dn), r);
}

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

#endif
