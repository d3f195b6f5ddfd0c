/* Internal: CPU feature detection and the ISA decision, kept a pure function
 * of the CPUID / XCR0 words so tests can feed faked values. */
#ifndef VACT_CPU_H
#define VACT_CPU_H
#include <stdint.h>
#include "vact.h"
#include "../common/vact_internal.h"

typedef struct vact_x86_words {
    uint32_t max_leaf;   /* CPUID.0:EAX */
    uint32_t leaf1_ecx;  /* CPUID.1:ECX (FMA bit 12, OSXSAVE 27, AVX 28, F16C 29) */
    uint32_t leaf7_ebx;  /* CPUID.(7,0):EBX (AVX2 5, AVX512F 16, DQ 17, BW 30, VL 31) */
    uint64_t xcr0;       /* XGETBV(0), only read when OSXSAVE is set; else 0 */
    uint32_t leaf7_1_eax; /* CPUID.(7,1):EAX (AVX512_BF16 5) when CPUID.(7,0):EAX >= 1; else 0 */
} vact_x86_words;

/* Bit (1 << isa) set for each ISA the described CPU + OS can run (scalar always). */
unsigned vact__x86_decide(const vact_x86_words *w);
/* Whether the described CPU + OS runs the AVX512-BF16 bf16 functions
 * (src/avx512/kernels_bf16.c): AVX-512 as decided above and AVX512_BF16. */
int vact__x86_avx512bf16(const vact_x86_words *w);
/* Reads the real words (XGETBV only after OSXSAVE is seen). x86 only.
 * While a words hook is set (below), returns the real words AND-ed with it. */
int vact__x86_read(vact_x86_words *w);
/* Test-only hook (not in vact.h, hidden in libvact.so): while w != NULL,
 * vact__x86_read -- and so the real first-use detection, vact_isa_supported
 * and vact_cpu_features -- sees the real words AND-ed with *w (max_leaf: the
 * smaller). The decision only grows with bits set, so a fake can take
 * features away but never add one the CPU or OS lacks. Set it before the
 * process's first vact call (detection runs once); *w must stay valid while
 * set. Thread-safe (an atomic pointer); NULL (the default) is the shipped path. */
void vact__x86_set_words_hook(const vact_x86_words *w);

/* Bit (1 << isa) for each ISA built in and runnable here. */
unsigned vact__supported_mask(void);
/* The ISA the first call chooses given the supported mask and a VACT_ISA value
 * (NULL, empty or unknown = no cap). Pure. */
vact_isa vact__choose(unsigned supported_mask, const char *cap);
/* The table of one ISA, NULL when not built in: the table the dispatcher
 * uses for that ISA (for AVX-512 on a CPU with AVX512_BF16, the AVX-512
 * table with its bf16 functions from src/avx512/kernels_bf16.c, unless the
 * environment variable VACT_NO_AVX512BF16 is set to a non-empty value other
 * than "0" when the library first looks: see dispatch.c). */
const vact_table *vact__table_for(vact_isa isa);
/* Test-only: the AVX-512 table without (bf16 = 0) or with (bf16 = 1) the
 * AVX512-BF16 functions, whatever VACT_NO_AVX512BF16 says; NULL when not
 * built in or (bf16 = 1) the CPU lacks AVX512_BF16. */
const vact_table *vact__table_avx512_variant(int bf16);
/* src/avx512/kernels_bf16.c: puts its bf16 functions into *t. */
void vact__avx512bf16_patch(vact_table *t);
#endif
