/* Included once per ISA after that ISA's vocab.h: every algorithm, the loop
 * drivers, and the ISA's function table. */
#include <stddef.h>
#include "../common/vact_internal.h"
#include "driver.h"
#include "vexp.h"

#include "f_sigmoid.h"
#include "f_tanh.h"
#include "f_relu.h"
#include "f_relu6.h"
#include "f_leaky_relu.h"
#include "f_elu.h"
#include "f_selu.h"
#include "f_celu.h"
#include "f_silu.h"
#include "f_swish.h"
#include "f_gelu.h"
#include "f_gelu_tanh.h"
#include "f_softplus.h"
#include "f_softsign.h"
#include "f_mish.h"
#include "f_log_sigmoid.h"
#include "f_hard_sigmoid.h"
#include "f_hard_swish.h"
#include "f_hard_tanh.h"
#include "f_tanh_shrink.h"
#include "f_soft_shrink.h"
#include "f_hard_shrink.h"
#include "f_threshold.h"
#include "f_sparse_plus.h"
#include "f_squareplus.h"
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
