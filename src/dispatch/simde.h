/* Internal, test-only: the NEON kernels compiled on x86 through SIMDe. Built
 * into the test-only library vact_simde_test (tests/CMakeLists.txt), never
 * into vact or vact_static. */
#ifndef VACT_SIMDE_H
#define VACT_SIMDE_H
#include "../common/vact_internal.h"
/* vact__table_simde_neon when vact_simde_test was built with VACT_SIMDE_NEON and
 * this CPU runs AVX2+FMA (the flags that table is compiled with); else NULL.
 * Not a public ISA: vact_isa_select never picks it. */
const vact_table *vact__table_simde(void);
#endif
