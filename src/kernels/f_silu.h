/* silu(x) = x sigmoid(x): swish with beta = 1 (shared code in f_swish.h;
 * with beta = 1, b = x exactly, so the low-part arithmetic is compiled out). */
#include "f_swish.h"
static inline V k_silu(V x, const vact_params *p) { (void)p; return vswish_fwd(x, 1.0f, 1); }
static inline V kb_silu(V x, V dy, const vact_params *p) { (void)p; return vswish_bwd(x, dy, 1.0f, 1); }
