/* The fast tier's tanh.
 * Forward: vft_tanh (tanh_fast.h): 14 ops and one division.
 * Backward: tanh'(x) = 4E/(1 + E)^2, E = e^(-2|x|) (never 1 - tanh^2, which
 *   cancels), as Y/D^2 with Y = E/4 = 2^(-m-2) e^r and D = Y + 1/4 (the
 *   factor 4 folded into the scale, so D is one add): -|x| clamped to -20
 *   (vnclampabs; 2^(-m-2) >= 2^-60), m = round(2|x| log2 e) by the
 *   magic-bias sum whose bits shifted give 2^(-m-2), e^r by tanh_fast.h's
 *   vft_exp_2 (degree 5 in rh, 2^-23.2: e^r itself, not e^r - 1, needs no
 *   relative precision near rh = 0; one FMA fewer than 1 + rh s).
 *   |x| >= 20 (tanh' < 2^-55; matters only for a huge dy): the accurate
 *   kernel's exact scaling under a vector-wide branch (also a NaN x where
 *   vnclampabs gives -20 for it, AVX-512: NaN from x).
 *   15 ops and one division on AVX-512 (10 of them multiplies and FMAs). */
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
/* its two stages for the driver's software-pipelined loop */
#define VACT_STAGES_FAST_tanh ~, 1
VACT_STAGE1_OF(kf1_tanh, vact_tanh_fs, vact_ft_s, vft_tanh1)
static inline V kf2_tanh(vact_tanh_fs st, const vact_params *p) {
    (void)p;
    return vft_tanh2(st);
}
static inline V kfb_tanh(V x, V dy, const vact_params *p) {
    (void)p;
    V xc = vnclampabs(x, 20.0f);        /* -min(|x|, 20); NaN: kept or -20 (the tail's) */
    V nm, tm = vexp_round_(xc, 2.0f, VACT_MAGIC_B - 2.0f, &nm); /* -m; -m - 2 + 127 + magic */
    V rh = vexp_r1_(xc, nm, 2.0f);                         /* xc + m ln2/2 */
    V er = vft_exp_2(rh);                                  /* e^r */
    V Y = vmul(vpow2_t(tm), er); /* E/4 = 2^(-m-2) e^r */
    V D = vadd(Y, vset1(0.25f));                           /* (1 + E)/4 */
    V dx = vdiv(vmul(dy, Y), vmul(D, D));                  /* dy 4E/(1 + E)^2 */
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

#endif
