/* Included once per ISA by src/<isa>/kernels.c after that ISA's vocab.h:
 * every algorithm, the loop drivers, and the ISA's function table. */
#include <stddef.h>
#include "../common/vact_internal.h"
#include "driver.h"

/* every elementwise/f_NAME.h and rowwise/NAME.h of src/common/functions.def
 * (generated at configure time by cmake/VactFunctions.cmake) */
#include "vact_elementwise.h"
#include "vact_rowwise.h"

#define VACT_EW(name, P, F, U, S) VACT_DEF_UNARY(name)
#include "../common/functions.def"

const vact_table VACT_TABLE = {
#define VACT_EW(name, P, F, U, S) .name = KFN(name), .name##_bwd = KFN(name##_bwd),
#define VACT_RW(name, F) .name = KFN(row_##name), .name##_bwd = KFN(row_##name##_bwd),
#define VACT_PC(name) .name = KFN(name), .name##_bwd = KFN(name##_bwd),
#include "../common/functions.def"
};
