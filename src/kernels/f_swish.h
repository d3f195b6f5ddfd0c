/* swish(x; beta) = x sigmoid(b), b = beta*x taken EXACTLY as bh + bl
 * (bh = fl(beta x), bl = fma(beta, x, -bh)); silu is beta = 1 (f_silu.h).
 * e = e^-|b| = eh + el (about 2^-26 relative): the low part of b and ln2_lo
 * go into the reduced argument as rh + rlow, e^r = 1 + r + r^2 q(r) is summed
 * as ph + pl (Fast2Sum), times 2^n (exact). An error d in the argument is a
 * relative error |b| d in the result (~88 ULP at the underflow edge
 * otherwise). 1 + e = d + dl (exact up to el's own error); quotients by one
 * IEEE division (by d) and one residual correction against d + dl:
 *   b >= 0: y = x/(1+e);  b < 0: y = x e/(1+e), x e kept as hi + lo.
 * swish'(x) = sigmoid(b) + b sigmoid'(b) = s t with s = sigmoid(b) and
 *   b >= 0: t = 1 + b e/(1+e)       (no cancellation)
 *   b < 0:  t = (1 + b + e)/(1+e)   (1 + bh exact near the zero crossing at
 *           b ~ -1.28, so the only amplified error is e's own).
 * Tails (|b| > 86, where e would be subnormal, or x = +-inf): b > 86 gives
 * y = x, dx = dy; b < -86 gives y = (x p) 2^n, dx = dy p (1 + b) 2^n, the
 * power of two applied last in two exact halves, so subnormal results round
 * once. Taken under a vector-wide branch that only replaces tail lanes. */
#ifndef VACT_F_SWISH_H
#define VACT_F_SWISH_H
#include "vexpm1.h"

typedef struct {
    V bh, bl, ah, al; /* beta x = bh + bl; -|beta x| = ah + al */
    V eh, el, d, dl;  /* e^(ah+al) = eh + el; 1 + e = d + dl */
    M neg, tail;      /* bh < 0; ah < -86 (|b| > 86 or inf) */
} vswish_t;

/* e^(ah + al) = (ph + pl) 2^n; returns the magic-bias sum (n = t - MAGIC) */
static inline V vswish_exp(V ah, V al, int no_al, V *ph, V *pl) {
    V t = vfma(ah, vset1(VACT_LOG2E), vset1(VACT_MAGIC_B));
    V n = vsub(t, vset1(VACT_MAGIC_B));
    V r1 = vfma(n, vset1(-VACT_LN2_HI), ah);           /* exact */
    V rl = no_al ? vmul(n, vset1(-VACT_LN2_LO)) : vfma(n, vset1(-VACT_LN2_LO), al);
    V rh = vadd(r1, rl);
    V rlow = vadd(vsub(r1, rh), rl);
    V r2 = vmul(rh, rh);
    V u = vfma(vexpm1_q_estrin(rh, r2), r2, rlow);            /* e^r - 1 - rh */
    V v = vadd(rh, u);
    V vl = vadd(vsub(rh, v), u);
    *ph = vadd(vset1(1.0f), v);
    *pl = vadd(vadd(vsub(vset1(1.0f), *ph), v), vl);
    return t;
}
/* unit = 1: silu (beta = 1, b = x exactly, no low part to carry) */
static inline vswish_t vswish_parts(V x, float beta, int unit) {
    vswish_t w;
    V bt = vset1(beta);
    w.bh = unit ? x : vmul(bt, x);
    w.bl = unit ? vzero() : vfms(bt, x, w.bh);
    /* -|bh| and (bh >= 0 ? -bl : bl), written so that a NaN bh passes
     * through unchanged: every NaN in the chain is then the same NaN (that
     * of beta*x), whatever operand order the compiler picks */
    w.ah = vmin(vneg(w.bh), w.bh);
    w.al = unit ? vzero() : vsel(vge(w.bh, vzero()), vneg(w.bl), w.bl);
    V ph, pl, t = vswish_exp(w.ah, w.al, unit, &ph, &pl);
    V s = vasf(vishl(vasi(t), 23)); /* 2^n, n >= -126 */
    w.eh = vmul(ph, s);
    w.el = vmul(pl, s);
    w.d = vadd(vset1(1.0f), w.eh);
    w.dl = vadd(vsub(w.eh, vsub(w.d, vset1(1.0f))), w.el);
    w.neg = vlt(w.bh, vzero());
    w.tail = vlt(w.ah, vset1(-86.0f));
    return w;
}
/* (nh + nl) / (d + dl) from q ~ nh/d (within a few ulp) by one residual
 * correction; inv ~ 1/d needs only ~4 bits (the correction is ~1 ulp) */
static inline V vswish_fix(const vswish_t *w, V nh, V nl, V q, V inv) {
    V r = vfnma(q, w->d, nh);
    r = vfnma(q, w->dl, r);
    r = vadd(r, nl);
    return vfma(r, inv, q);
}
/* tail: e^(ah + al) = (*ph + *pl) 2^n1 * p2 (p2 = 2^n2) for ah < -86,
 * ah clamped to -150; returns 2^n1 */
static inline V vswish_tail_exp(const vswish_t *w, V *ahc, V *ph, V *pl, V *p2) {
    *ahc = vmax(vset1(-150.0f), w->ah);
    V alc = vmin(vmax(w->al, vset1(-1.0f)), vset1(1.0f)); /* NaN (x = inf) -> -1 */
    V n = vsub(vswish_exp(*ahc, alc, 0, ph, pl), vset1(VACT_MAGIC_B));
    VI ni = vcvtt_f2i(n);
    VI n1 = visra(ni, 1), n2 = visub(ni, n1);
    *p2 = vasf(vishl(viadd(n2, viset1(127)), 23));
    return vasf(vishl(viadd(n1, viset1(127)), 23));
}
static inline V vswish_fwd(V x, float beta, int unit) {
    vswish_t w = vswish_parts(x, beta, unit);
    V m = vsel(w.neg, w.eh, vset1(1.0f));
    V ml = vsel(w.neg, w.el, vzero());
    V nh = vmul(x, m);
    V nl = vfma(x, ml, vfms(x, m, nh));
    /* IEEE quotient by d, then the residual against d + dl with the
     * linear guess 1/d ~ 24/17 - 8/17 d (|1 - d guess| <= 1/17) */
    V inv = vfma(w.d, vset1(-0x1.e1e1e2p-2f), vset1(0x1.696969p+0f));
    V y = vswish_fix(&w, nh, nl, vdiv(nh, w.d), inv);
    if (many(w.tail)) {
        V ahc, ph, pl, p2, p1 = vswish_tail_exp(&w, &ahc, &ph, &pl, &p2);
        V xn = vmin(vset1(0x1p64f), vmax(vset1(-0x1p64f), x));
        V y1 = vmul(vfma(xn, ph, vmul(xn, pl)), p1);
        V yt = vsel(w.neg, vmul(y1, p2), x);
        y = vsel(w.tail, yt, y);
    }
    return y;
}
static inline V vswish_bwd(V x, V dy, float beta, int unit) {
    vswish_t w = vswish_parts(x, beta, unit);
    V m = vsel(w.neg, w.eh, vset1(1.0f));
    V ml = vsel(w.neg, w.el, vzero());
    V inv = vdiv(vset1(1.0f), w.d);                   /* one IEEE division */
    V s = vswish_fix(&w, m, ml, vmul(m, inv), inv);   /* sigmoid(b) */
    /* b < 0: N = (1 + bh) + e + bl; b >= 0: e */
    V g1 = vadd(vset1(1.0f), w.bh);
    V nh = vadd(g1, w.eh);
    V nl = vadd(vsub(g1, vsub(nh, w.eh)), w.el);      /* ~exact tail */
    if (!unit) nl = vadd(nl, w.bl);
    V cn = vsel(w.neg, nh, w.eh);
    V c = vswish_fix(&w, cn, vsel(w.neg, nl, w.el), vmul(cn, inv), inv);
    V t = vsel(w.neg, c, vfma(w.bh, c, vset1(1.0f)));
    V dx = vmul(dy, vmul(s, t));
    if (many(w.tail)) {
        V ahc, ph, pl, p2, p1 = vswish_tail_exp(&w, &ahc, &ph, &pl, &p2);
        V gt = vmul(vmul(vadd(ph, pl), vadd(vset1(1.0f), ahc)), p1);
        V dt = vsel(w.neg, vmul(vmul(dy, gt), p2), dy);
        dx = vsel(w.tail, dt, dx);
    }
    return dx;
}
static inline V k_swish(V x, const vact_params *p) { return vswish_fwd(x, p->a, 0); }
static inline V kb_swish(V x, V dy, const vact_params *p) { return vswish_bwd(x, dy, p->a, 0); }
#endif
