/* avx2: the vocabulary operations of the fast tier only (hardware
 * estimates; their bits differ per ISA: docs/contract.md, "Fast tier").
 * Included by vocab.h; used only under src/kernels/fast/. */
#ifndef VACT_AVX2_VOCAB_FAST_H
#define VACT_AVX2_VOCAB_FAST_H
/* fast tier only: 1/a from the estimate (rcpps, |rel| <= 1.5 2^-12) and one
 * Newton step, |rel| < 2^-22 (bits differ per ISA) */
#define VACT_RCP_FAST_BITS 22 /* vrcp_fast's |rel| error < 2^-BITS */
static inline V vrcp_est(V a) { return _mm256_rcp_ps(a); }
#include "../common/vocab_rcp_fast.h" /* vrcp_fast: the estimate and one Newton step */
#include "../common/vocab_clampabs_fast.h" /* vclampabs, vnclampabs: two ops */
#include "../common/vocab_masked_fast.h" /* vmul_mask, vfma_mask: the op and a select */

#endif
