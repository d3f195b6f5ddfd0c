/* neon: the vocabulary operations of the fast tier only (hardware
 * estimates; their bits differ per ISA: docs/contract.md, "Fast tier").
 * Included by vocab.h; used only under src/kernels/fast/. */
#ifndef VACT_NEON_VOCAB_FAST_H
#define VACT_NEON_VOCAB_FAST_H
/* fast tier only: 1/a from the estimate (FRECPE, |rel| < 2^-8) and two
 * Newton steps (FRECPS), |rel| < 2^-22 (bits differ per ISA) */
#define VACT_RCP_FAST_BITS 22 /* vrcp_fast's |rel| error < 2^-BITS */
static inline V vrcp_fast(V a) {
    V y = vrecpeq_f32(a);
    y = vmulq_f32(y, vrecpsq_f32(a, y));
    return vmulq_f32(y, vrecpsq_f32(a, y));
}
#include "../common/vocab_clampabs_fast.h" /* vclampabs, vnclampabs: two ops */
#include "../common/vocab_masked_fast.h" /* vmul_mask, vfma_mask: the op and a select */

#endif
