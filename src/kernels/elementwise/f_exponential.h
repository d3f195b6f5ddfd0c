/* exponential(x) = e^x. Backward dx = dy*e^x without an intermediate
 * overflow/underflow: e^x = e1 p2 (vexp_split_c), dx = (dy e1) p2, two
 * roundings. */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_F_EXPONENTIAL_H
#define VACT_F_EXPONENTIAL_H
#include "../../common/vact_internal.h" /* vact_params */
#include "../math/exp.h"

static inline V k_exponential(V x, const vact_params *p) { (void)p; return vexp(x); }
/* vexp's two stages for the driver's software-pipelined loop (VACT_STAGES) */
#define VACT_STAGES_exponential ~, 1
typedef struct {
    V r, n;
} vact_exponential_s;
static inline vact_exponential_s k1_exponential(V x, const vact_params *p) {
    (void)p;
    vact_exponential_s st;
    st.r = vexp_st1(x, &st.n);
    return st;
}
static inline V k2_exponential(vact_exponential_s st, const vact_params *p) {
    (void)p;
    return vexp_st2(st.r, st.n);
}
static inline V kb_exponential(V x, V dy, const vact_params *p) {
    (void)p;
    /* n in [-252, 254]: dy*e^x may be finite where e^x alone is not */
    V xc = vmin(vset1(175.0f), vmax(vset1(-174.0f), x));
    V p2, e1 = vexp_split_c(xc, &p2);
    V dx = vmul(vmul(dy, e1), p2);
    /* x < -174: times the rest e^(x + 174) (a large dy meets e^x down to
     * 2^-278) */
    M lo = vlt(x, vset1(-174.0f));
    if (many(lo)) dx = vsel(lo, vmul(dx, vexp_rest(x, 174.0f)), dx);
    return dx;
}

#endif
