/* Test-only accessor of the SIMDe-NEON table (see simde.h). */
#include "simde.h"
#include "cpu.h"

const vact_table *vact_table_simde(void) {
#ifdef VACT_HAVE_SIMDE_NEON
    if (vact_supported_mask() & (1u << VACT_ISA_AVX2)) return &vact_table_simde_neon;
#endif
    return NULL;
}
