/* The fast tier's tanh.
 * Forward: vft_tanh (tanh_fast.h): 15 ops and one division.
 * Backward: tanh'(x) = 4E/(1 + E)^2, E = e^(-2|x|) (never 1 - tanh^2, which
 *   cancels), over 2^n as the forward: 4 2^-n e^r / (2^-n + e^r)^2, from the
 *   parts of tanh_fast.h on -|x| clamped to -20 (2^-n <= 2^58, no overflow
 *   in the square), 4 2^-n straight from the bits of the magic-bias sum.
 *   |x| >= 20 (tanh' < 2^-55; matters only for a huge dy): the accurate
 *   kernel's exact scaling under a vector-wide branch. 17 ops and
 *   one division. */
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
    V xc = vmax(vset1(-20.0f), vor(x, vset1(-0.0f)));     /* -min(|x|, 20) */
    V s, tm, rh = vft_exp2_parts(xc, 2.0f, &s, &tm);
    V pi4 = vasf(vishl(vasi(tm), 23));                     /* 4 2^-n */
    V er = vfma(rh, s, vset1(1.0f));                       /* e^r */
    V D = vfma(pi4, vset1(0.25f), er);                     /* 2^-n + e^r */
    V dx = vmul(dy, vdiv(vmul(pi4, er), vmul(D, D)));
    M tail = veq(xc, vset1(-20.0f));
    if (many(tail)) {
        V nax = vor(x, vset1(-0.0f));
        V n, r = vexp_reduce(vmax(vset1(-174.0f), vadd(nax, nax)), &n);
        V p2, p1 = vpow2_halves(n, &p2);
        V e1 = vmul(vmul(vexp_poly(r), vset1(4.0f)), p1);   /* 4 e^(2 nax) = e1 p2 */
        dx = vsel(tail, vmul(vmul(dy, e1), p2), dx);
    }
    return dx;
}
#define VACT_FAST_tanh ~, 1
#define VACT_UNROLL_FAST_tanh ~, 4

#endif
