/* neon kernels: the write-once algorithms compiled for AArch64 Advanced SIMD. */
#include "vocab.h"
#include "../kernels/all.h"
