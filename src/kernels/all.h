/* Included once per ISA after that ISA's vocab.h: every algorithm, the loop
 * drivers, and the ISA's function table. */
#include <stddef.h>
#include "../common/vact_internal.h"
#include "driver.h"
#include "vexp.h"

/* Placeholder for a function not written yet: NaN everywhere. */
#define VACT_STUB(name)                                                                   \
    static inline V k_##name(V x, const vact_params *p) { (void)p; (void)x; return vset1(__builtin_nanf("")); } \
    static inline V kb_##name(V x, V dy, const vact_params *p) { (void)p; (void)x; (void)dy; return vset1(__builtin_nanf("")); }

#include "f_sigmoid.h"
VACT_STUB(tanh)
VACT_STUB(relu)
VACT_STUB(relu6)
VACT_STUB(leaky_relu)
VACT_STUB(elu)
VACT_STUB(selu)
VACT_STUB(celu)
VACT_STUB(silu)
VACT_STUB(swish)
VACT_STUB(gelu)
VACT_STUB(gelu_tanh)
VACT_STUB(softplus)
VACT_STUB(softsign)
VACT_STUB(mish)
VACT_STUB(log_sigmoid)
VACT_STUB(hard_sigmoid)
VACT_STUB(hard_swish)
VACT_STUB(hard_tanh)
VACT_STUB(tanh_shrink)
VACT_STUB(soft_shrink)
VACT_STUB(hard_shrink)
VACT_STUB(threshold)
VACT_STUB(sparse_plus)
VACT_STUB(squareplus)
#include "f_exponential.h"

#include "rowwise.h"

#define VACT_DEF_U0(name) VACT_DEF_UNARY(name)
#define VACT_DEF_U1(name, a) VACT_DEF_UNARY(name)
#define VACT_DEF_U2(name, a, b) VACT_DEF_UNARY(name)
VACT_FOR_EACH_UNARY(VACT_DEF_U0, VACT_DEF_U1, VACT_DEF_U2)

#define VACT_ENT_U0(name) .name = KFN(name), .name##_bwd = KFN(name##_bwd),
#define VACT_ENT_U1(name, a) VACT_ENT_U0(name)
#define VACT_ENT_U2(name, a, b) VACT_ENT_U0(name)
#define VACT_ENT_R(name) .name = KFN(row_##name), .name##_bwd = KFN(row_##name##_bwd),
const vact_table VACT_TABLE = {
    VACT_FOR_EACH_UNARY(VACT_ENT_U0, VACT_ENT_U1, VACT_ENT_U2)
    VACT_FOR_EACH_ROWWISE(VACT_ENT_R)
    .prelu = KFN(prelu),
    .prelu_bwd = KFN(prelu_bwd),
};
