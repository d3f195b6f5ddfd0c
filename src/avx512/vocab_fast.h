/* avx512: the vocabulary operations of the fast tier only (hardware
 * estimates; their bits differ per ISA: docs/contract.md, "Fast tier").
 * Included by vocab.h; used only under src/kernels/fast/. */
#ifndef VACT_AVX512_VOCAB_FAST_H
#define VACT_AVX512_VOCAB_FAST_H
/* fast tier only: 1/a from the estimate (rcp14, |rel| < 2^-14) and one
 * Newton step, |rel| < 2^-27 (bits differ per ISA) */
#define VACT_RCP_FAST_BITS 27 /* vrcp_fast's |rel| error < 2^-BITS */
static inline V vrcp_est(V a) { return _mm512_rcp14_ps(a); }
#include "../common/vocab_rcp_fast.h" /* vrcp_fast: the estimate and one Newton step */
/* fast tier only: -min(|x|, c) and min(|x|, c) for c > 0 in one vrangeps
 * each (imm 14: min-abs, sign set; imm 10: min-abs, sign cleared). A quiet
 * NaN x gives -c and c (vrangeps returns the other operand): the caller
 * takes its NaN from x elsewhere (VACT_CLAMPABS_NAN_LOST; the generic forms,
 * common/vocab_clampabs_fast.h, keep it) */
#define VACT_CLAMPABS_NAN_LOST 1
static inline V vnclampabs(V x, float c) { return _mm512_range_ps(x, vset1(c), 14); }
static inline V vabsmin(V x, float c) { return _mm512_range_ps(x, vset1(c), 10); }
/* fast tier only: tbl[bits(t) & 31] from a 32-entry table, one vpermt2ps
 * (the table in two registers); VACT_LUT32: the ISA has it */
#define VACT_LUT32 1
static inline V vlut32(const float *tbl, V t) {
    return _mm512_permutex2var_ps(_mm512_loadu_ps(tbl), vasi(t), _mm512_loadu_ps(tbl + 16));
}
#include "../common/vocab_clampabs_fast.h" /* vclampabs: two ops */
/* fast tier only: merge masking, one instruction each (the lanes where m is
 * false keep src, or a) */
#define VACT_MASKED_OPS 1
static inline V vmul_mask(M m, V a, V b, V src) { return _mm512_mask_mul_ps(src, m, a, b); }
static inline V vfma_mask(M m, V a, V b, V c) { return _mm512_mask_fmadd_ps(a, m, b, c); }
#include "../common/vocab_masked_fast.h"

#endif
