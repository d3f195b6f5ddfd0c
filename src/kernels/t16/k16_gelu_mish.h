/* Output-sized bf16/f16 kernels of gelu (erf) and mish, forward
 * (VACT_K16_NAME, k16_NAME) and backward (VACT_KB16_NAME, kb16_NAME), on
 * the pieces of k16.h; the accuracy target is k16.h's.
 * Precondition: included at the end of k16.h. */
#ifndef VACT_T16_K16_GELU_MISH_H
#define VACT_T16_K16_GELU_MISH_H

#endif
