/* Test-only: the NEON vocabulary compiled on x86 through SIMDe
 * (<simde/arm/neon.h>, native aliases), built with -mavx2 -mfma so each NEON
 * intrinsic maps to an x86 instruction with the same IEEE result (FMLA ->
 * vfmadd, FRINTN -> vroundps nearest, ...). Defines vact__table_simde_neon,
 * reached only through vact__table_simde() (not a public ISA). */
#define VACT_NEON_SIMDE 1
#define SIMDE_ENABLE_NATIVE_ALIASES
#include "vocab.h"
#include "../kernels/all.h"
