/* Powers of two from a vocabulary's int ops, included at the end of every
 * src/<isa>/vocab.h (after its int and float ops).
 *
 * vpow2_halves(n, &p2): 2^n1, with *p2 = 2^n2, n1 = floor(n/2), n2 = n - n1,
 * for an integer-valued n in [-252, 254], so that both factors are normal
 * floats and p 2^n = (p 2^n1) 2^n2 rounds at most twice, never overflowing
 * early.
 *
 * Unless the vocabulary has a one-rounding scale instruction (it defines
 * VACT_SCALEF and its own vscale2n / vscale2n_e: AVX-512's scalef), the two
 * scalings of the vocabulary are built here:
 *   vscale2n(p, n)   = (p 2^n1) 2^n2: the first product is exact for |p| >=
 *                      2^-100, so the result rounds once.
 *   vscale2n_e(p, n) = (p 2^(n+64)) 2^-64, 2^(n+64) from the bits of
 *                      n + 0x1.8p23 + 191 shifted left by 23 (the magic-bias
 *                      sum puts n + 64 + 127 in the low bits): 4 ops, and the
 *                      same bits as vscale2n whenever p 2^(n+64) is exact
 *                      (src/kernels/README.md). */
#ifndef VACT_VOCAB_POW2_H
#define VACT_VOCAB_POW2_H

static inline V vpow2_halves(V n, V *p2) {
    VI ni = vcvtt_f2i(n);
    VI n1 = visra(ni, 1), n2 = visub(ni, n1);
    *p2 = vasf(vishl(viadd(n2, viset1(127)), 23));
    return vasf(vishl(viadd(n1, viset1(127)), 23));
}

/* The fast tier's 2^(n/16) (src/kernels/fast/exp_fast.h): t = VACT_MAGIC16 +
 * nq, the magic-bias sum that rounds to a multiple nq of 1/16 (ulp(t) =
 * 1/16, the low 4 bits of t's bits are 16 nq mod 16, vlut16's index).
 * vexp2_t16(p, t) = p * 2^floor(nq), rounded once, for floor(nq) in
 * [-190, 63] and |p| in [1/2, 2] (or NaN): scalef on AVX-512 (its exponent
 * is floored), else (p * 2^(k+64)) * 2^-64 with 2^(k+64) = the bits of t
 * shifted right by 4 then left by 23 (the magic carries the + 191). */
#ifndef VACT_SCALEF
#define VACT_MAGIC16 (0x1.8p19f + 191.0f)
static inline V vexp2_t16(V p, V t) {
    V s = vasf(vishl(visrl(vasi(t), 4), 23));
    return vmul(vmul(p, s), vset1(0x1p-64f));
}
static inline V vscale2n(V p, V n) {
    V p2, p1 = vpow2_halves(n, &p2);
    return vmul(vmul(p, p1), p2);
}
static inline V vscale2n_e(V p, V n) {
    V s = vasf(vishl(vasi(vadd(n, vset1(0x1.8p23f + 191.0f))), 23));
    return vmul(vmul(p, s), vset1(0x1p-64f));
}
#endif

#endif
