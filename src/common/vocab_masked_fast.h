/* The fast tier's merge-masked operations (included by src/<isa>/vocab_fast.h),
 * written once on the vocabulary: an operation and a select in one, the lanes
 * where m is false keep an operand:
 *   vmul_mask(m, a, b, src) = m ? a b : src
 *   vfma_mask(m, a, b, c)   = m ? fma(a, b, c) : a
 * Generic form: the operation, then vsel. An ISA with merge masking defines
 * VACT_MASKED_OPS and its own (AVX-512: the select is free). */
#ifndef VACT_VOCAB_MASKED_FAST_H
#define VACT_VOCAB_MASKED_FAST_H

#ifndef VACT_MASKED_OPS
static inline V vmul_mask(M m, V a, V b, V src) { return vsel(m, vmul(a, b), src); }
static inline V vfma_mask(M m, V a, V b, V c) { return vsel(m, vfma(a, b, c), a); }
#endif

#endif
