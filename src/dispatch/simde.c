/* Test-only accessor of the SIMDe-NEON table (see simde.h). */
#include "simde.h"
#include "cpu.h"

const vact_table *vact__table_simde(void) {
#ifdef VACT_HAVE_SIMDE_NEON
    /* the CPU's own AVX2+FMA bit, whether or not the AVX2 kernels are built */
    vact_x86_words w;
    if (vact__x86_read(&w) == 0 && (vact__x86_decide(&w) & (1u << VACT_ISA_AVX2)))
        return &vact__table_simde_neon;
#endif
    return NULL;
}
