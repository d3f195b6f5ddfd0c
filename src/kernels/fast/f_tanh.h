/* The fast tier's tanh.
 * Forward: vft_tanh (tanh_fast.h): 15 ops and one division.
 * Backward: tanh'(x) = 4E/(1 + E)^2, E = e^(-2|x|) (never 1 - tanh^2, which
 *   cancels): E from the parts of tanh_fast.h on -|x| clamped to -40 (E
 *   normal), times 4 from the bits of the magic-bias sum (2^(n+2)), then
 *   one division by (1 + E)^2. |x| > 40 (E soon subnormal; matters only for
 *   a huge dy): the accurate kernel's exact scaling under a vector-wide
 *   branch. 17 ops and one division. */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_FAST_F_TANH_H
#define VACT_FAST_F_TANH_H
#include "../../common/vact_internal.h" /* vact_params */
#include "../math/exp.h"
#include "tanh_fast.h"

static inline V kf_tanh(V x, const vact_params *p) {
    (void)p;
    return vft_tanh(x);
}
static inline V kfb_tanh(V x, V dy, const vact_params *p) {
    (void)p;
    V nax = vor(x, vset1(-0.0f));                          /* -|x| */
    V xc = vmax(vset1(-40.0f), nax);
    /* the magic sum for m = -n with the bias 127 - 2m + 2... built directly:
     * n = -m, so 2^(n+2) needs the bits of 129 - m: t2 = 2 MAGIC_B' - tm */
    V s, tm, rh = vft_exp2_parts(xc, 0.0f, &s, &tm);
    V p4 = vasf(vishl(vasi(vsub(vset1(2.0f * VACT_MAGIC_B + 2.0f), tm)), 23)); /* 2^(n+2) */
    V E4 = vmul(p4, vfma(rh, s, vset1(1.0f)));            /* 4 e^(-2|x|) */
    V D = vfma(E4, vset1(0.25f), vset1(1.0f));
    V dx = vmul(dy, vdiv(E4, vmul(D, D)));
    M tail = vlt(nax, vset1(-40.0f));
    if (many(tail)) {
        V n, r = vexp_reduce(vmax(vset1(-174.0f), vadd(nax, nax)), &n);
        V p2, p1 = vpow2_halves(n, &p2);
        V e1 = vmul(vmul(vexp_poly(r), vset1(4.0f)), p1);   /* 4 e^(2 nax) = e1 p2 */
        dx = vsel(tail, vmul(vmul(dy, e1), p2), dx);
    }
    return dx;
}
#define VACT_FAST_tanh ~, 1

#endif
