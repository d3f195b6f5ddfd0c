/* IEEE 754-2019 maximum and minimum, included at the end of every
 * src/<isa>/vocab.h (after its float ops):
 *   vmax_ieee(a, b)  the larger, +0 over -0; NaN when a or b is NaN
 *   vmin_ieee(a, b)  the smaller, -0 over +0; NaN when a or b is NaN
 * Every definition gives the same bits for every non-NaN result; a NaN's
 * payload is unspecified (docs/contract.md: all NaNs are equal): the
 * portable form below and AVX-512 return the NaN operand, quieted; AVX2 the
 * NaN 0xffffffff. A vocabulary with a shorter sequence defines
 * VACT_MINMAX_IEEE and its own (AVX-512: vrangeps and two vfixupimmps, 3
 * ops; AVX2: two maxps/minps whose and/or settles the ±0 tie and an or with
 * the unordered mask, 5 ops; its vmin_ieee needs no mask: 3 ops); this
 * portable form is 9 ops.
 *   vmax_ieee_nn(a, b)  (VACT_MINMAX_NN: AVX2, AVX-512) vmax_ieee where
 *                    neither a nor b is NaN, cheaper (AVX2 3 ops, AVX-512
 *                    one vrangeps); anything where one is: for
 *                    callers that know the NaN lanes some other way
 *                    (src/kernels/expr/ops.h's fused loop). */
#ifndef VACT_VOCAB_MINMAX_H
#define VACT_VOCAB_MINMAX_H

#ifndef VACT_MINMAX_IEEE
static inline V vmax_ieee(V a, V b) {
    V r = vsel(veq(a, b), vand(a, b), vmax(a, b));      /* +0 wins */
    return vsel(mor(visnan(a), visnan(b)), vadd(a, b), r);
}
static inline V vmin_ieee(V a, V b) {
    V r = vsel(veq(a, b), vor(a, b), vmin(a, b));       /* -0 wins */
    return vsel(mor(visnan(a), visnan(b)), vadd(a, b), r);
}
#endif

#endif
