/* scalar: the vocabulary operations of the fast tier only (hardware
 * estimates; their bits differ per ISA: docs/contract.md, "Fast tier").
 * Included by vocab.h; used only under src/kernels/fast/. */
#ifndef VACT_SCALAR_VOCAB_FAST_H
#define VACT_SCALAR_VOCAB_FAST_H
/* fast tier only: 1/a (here exact division; the vector ISAs use their
 * estimates, bits differ per ISA) */
#define VACT_RCP_FAST_BITS 24 /* vrcp_fast's |rel| error < 2^-BITS */
static inline V vrcp_fast(V a) { return 1.0f / a; }
#include "../common/vocab_clampabs_fast.h" /* vclampabs, vnclampabs: two ops */
#include "../common/vocab_masked_fast.h" /* vmul_mask, vfma_mask: the op and a select */

#endif
