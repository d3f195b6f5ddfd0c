/* silu(x) = x sigmoid(x): swish with beta = 1 (shared code in f_swish.h;
 * with beta = 1 the low part of beta*x is exactly 0). */
#include "f_swish.h"
static inline V k_silu(V x, const vact_params *p) { (void)p; return vswish_fwd(x, 1.0f); }
static inline V kb_silu(V x, V dy, const vact_params *p) { (void)p; return vswish_bwd(x, dy, 1.0f); }
