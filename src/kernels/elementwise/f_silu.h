/* silu(x) = x sigmoid(x): swish with beta = 1 (f_swish.h), whose argument
 * needs no low part.
 * Forward: vsig_quot with e = e^-|x| from vexp_t8_nc (math/exp.h: an
 * 8-entry table 2^(j/8) with its rounding folded in, degree-4 e^r - 1; no
 * clamp: the tail lanes are redone) and the numerator by vsel_neg (e = 1 at
 * +-0, and a NaN x gives NaN(x) either way). Against the table-free
 * degree-6 Horner exp (vexp_neg_h_nc) it shortens the chain from x to e and
 * is more accurate: exhaustive maximum 1.810 -> 1.709 ULP (AVX-512, AVX2),
 * 1.11-1.13x faster on both (old and new library alternated); a 16-entry
 * table (vexp_t16_nc, one FMA fewer) was faster on AVX-512 but slower on
 * AVX2, where its lookups cost 2 permutes and a blend.
 * Tails (|x| > 86, where e would be subnormal, or x = +-inf): x > 86 gives
 * y = x; x < -86 gives y = (x e1) p2 with e^x = e1 p2 (vexp_split), the
 * power of two applied last so a subnormal result rounds (nearly) once;
 * x = -inf gives -0. Taken under a vector-wide branch that only replaces
 * tail lanes.
 * Backward: vswish_bwd with beta = 1 (the low-part arithmetic compiled out). */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_F_SILU_H
#define VACT_F_SILU_H
#include "../../common/vact_internal.h" /* vact_params */
#include "../math/exp.h"
#include "f_swish.h"

/* in two stages for the driver's software-pipelined loop (VACT_STAGES):
 * the exponential, then the quotient and the tail */
#define VACT_STAGES_silu ~, 1
typedef struct {
    V x, nx, e;
} vact_silu_s;
static inline vact_silu_s k1_silu(V x, const vact_params *p) {
    (void)p;
    /* -|x| written so that a NaN x passes through unchanged (see f_swish.h):
     * otherwise -NaN from e could meet +NaN from x m */
    vact_silu_s st;
    st.x = x;
    st.nx = vmin(vneg(x), x);
    st.e = vexp_t8_nc(st.nx);                 /* tail lanes unspecified, redone below */
    return st;
}
static inline V k2_silu(vact_silu_s st, const vact_params *p) {
    (void)p;
    V x = st.x, e = st.e, nx = st.nx;
    V y = vsig_quot(x, e, vsel_neg(x, e, vset1(1.0f))); /* e = 1 at +-0; NaN: all NaN(x) */
    M tail = vlt(nx, vset1(VACT_SWISH_TAIL));
    if (many(tail)) {
        M neg = vlt(x, vzero());
        V p2, e1 = vexp_split(x, &p2);
        V xn = vmax(vset1(-VACT_SWISH_XMAX), x);
        y = vsel(tail, vsel(neg, vmul(vmul(xn, e1), p2), x), y);
    }
    return y;
}
static inline V k_silu(V x, const vact_params *p) { return k2_silu(k1_silu(x, p), p); }
static inline V kb_silu(V x, V dy, const vact_params *p) { (void)p; return vswish_bwd(x, dy, 1.0f, 1); }

#endif
