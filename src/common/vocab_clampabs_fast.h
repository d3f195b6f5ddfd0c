/* The fast tier's clamps of |x| (included by src/<isa>/vocab_fast.h),
 * written once on the vocabulary, c > 0 (vmin/vmax return their second
 * operand for a NaN, so NaN is kept):
 *   vclampabs(x, c)  = copysign(min(|x|, c), x)  (-0 kept), two ops
 *   vnclampabs(x, c) = -min(|x|, c)
 *   vabsmin(x, c)    = min(|x|, c)
 * An ISA with a one-instruction form of the last two defines them itself
 * and VACT_CLAMPABS_NAN_LOST when its form returns -c / c for a NaN x
 * (AVX-512's vrangeps): then the kernel must take its NaN from x itself. */
#ifndef VACT_VOCAB_CLAMPABS_FAST_H
#define VACT_VOCAB_CLAMPABS_FAST_H

static inline V vclampabs(V x, float c) { return vmin(vset1(c), vmax(vset1(-c), x)); }
#ifndef VACT_CLAMPABS_NAN_LOST
static inline V vnclampabs(V x, float c) { return vmax(vset1(-c), vor(x, vset1(-0.0f))); }
static inline V vabsmin(V x, float c) { return vmin(vset1(c), vabs(x)); }
#endif

#endif
