/* silu(x) = x sigmoid(x).
 * Forward (beta = 1, so the argument needs no low part): the sigmoid scheme
 * of f_sigmoid.h with the numerator x m, m = x < 0 ? e : 1, e = e^-|x| from
 * vexp_neg_h, kept exact as nh + nl (nl = fms(x, m, nh), 0 for x >= 0):
 *   q = nh/RN(1 + e) by IEEE division, residual
 *   r = (nh - q) - q e + nl (nh - q exact, q in [nh/2, nh]; q e exact in the
 *   FMA), q += r/(1+e) with 1/(1+e) ~ 16/17 - 8/17 e.
 * The error is that of e (one rounding, fully passed on for x < 0) plus the
 * final rounding: max 1.70 ULP (exhaustive over all floats), against 0.8 for the hi + lo swish
 * code at ~1.6x the cost.
 * Tails (|x| > 86, where e would be subnormal, or x = +-inf): x > 86 gives
 * y = x; x < -86 gives y = (x e1) p2 with e^x = e1 p2 (vexp_split), the
 * power of two applied last so a subnormal result rounds (nearly) once;
 * x = -inf gives -0. Taken under a vector-wide branch that only replaces
 * tail lanes.
 * Backward: swish with beta = 1 (f_swish.h: sigmoid(x) + x q (1 - q) from
 * q = e/(1+e) by one division and one residual correction; b = x exactly,
 * so the low-part arithmetic is compiled out). */
#include "f_swish.h"
static inline V k_silu(V x, const vact_params *p) {
    (void)p;
    /* -|x|, written so that a NaN x passes through unchanged: every NaN in
     * the chain is then the same NaN, whatever operand order the compiler
     * picks (otherwise -NaN from e meets +NaN from x m) */
    V nx = vmin(vneg(x), x);
    V e = vexp_neg_h(nx);
    M neg = vlt(x, vzero());
    V y = vsig_quot(x, e, neg);
    M tail = vlt(nx, vset1(-86.0f));
    if (many(tail)) {
        V p2, e1 = vexp_split(x, &p2);
        V xn = vmax(vset1(-0x1p64f), x);
        y = vsel(tail, vsel(neg, vmul(vmul(xn, e1), p2), x), y);
    }
    return y;
}
static inline V kb_silu(V x, V dy, const vact_params *p) { (void)p; return vswish_bwd(x, dy, 1.0f, 1); }
