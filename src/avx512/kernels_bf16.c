/* AVX512-BF16: the bf16 elementwise functions (forward and backward) and
 * vact_f32_to_bf16 compiled once more with the AVX-512 flags plus
 * -mavx512bf16, where src/avx512/vocab.h's bf16 stores take vcvtne2ps2bf16
 * (same bits as the integer rounding: see there). Only their functions are
 * built here; vact__avx512bf16_patch puts them into a copy of the AVX-512
 * table, which the dispatcher (src/dispatch/dispatch.c) uses on CPUs with
 * AVX512_BF16. */
#define KFN(name) vact_avx512bf16_##name
#define VACT_ONLY_BF16 1
#include "vocab.h"
#ifndef __AVX512BF16__
#error "kernels_bf16.c needs -mavx512bf16"
#endif
#include <stddef.h>
#include "../common/vact_internal.h"
#include "driver.h"
#include "vact_elementwise.h"
#include "t16/k16.h"

#define VACT_EW(name, P, F, U, S, R) VACT_DEF_UNARY_T(name, bf16, F)
#include "../common/functions.def"

void vact__avx512bf16_patch(vact_table *t) {
#define VACT_EW(name, P, F, U, S, R)                                                        \
    t->name##_bf16 = KFN(name##_bf16);                                                      \
    t->name##_bwd_bf16 = KFN(name##_bwd_bf16);
#include "../common/functions.def"
    t->f32_to_bf16 = KFN(f32_to_bf16);
    t->bf16_to_f32 = KFN(bf16_to_f32);
}
