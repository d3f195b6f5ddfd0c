/* mish(x) = x tanh(softplus(x)) = x t(t+2)/(t(t+2)+2), t = e^x.
 * With u = e^-|x| = p 2^n (p = 1 + s from the exp parts), v = u (x <= 0) or
 * 2u (x > 0):
 *   x <= 0: mish = (x t) g, g = (2 + t)/(2 + t(2 + t))
 *   x >  0: mish = x g,     g = (1 + 2u)/(1 + 2u + 2u u)
 * i.e. g = A/D with A = alpha + v (alpha = 2 or 1), D = F + v H (F = 2 or A,
 * H = A or u), D in [1, 5]. A and D are carried as hi + lo (Fast2Sum and the
 * fma product tail), g = q + c from 1/D_h and one residual correction, x t =
 * (a + a s) 2^n as hi + lo (fma(a, s, a) and its tail fma(a, s, a - hi)), so
 * the product rounds once (then the 2^n scaling rounds the subnormal tail
 * once more).
 * mish'(x) = tanh(sp) + 4x t(1+t)/(t^2+2t+2)^2 = m1 (A + m2 Y) / D,
 * Y = 4x (1 + u) / D, (m1, m2) = (t, 1) for x <= 0, (1, u^2) for x > 0:
 * every factor as hi + lo (double-float products, 2Sum), since A and Y
 * cancel towards the root x ~ -1.19. */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_F_MISH_H
#define VACT_F_MISH_H
#include "../../common/vact_internal.h" /* vact_params */
#include "../math/exp.h"

#define VACT_MISH_AMIN -110.0f /* clamp of -|x|: |x e^x| < 2^-150 below, mish rounds to -0 */
#define VACT_MISH_PMAX 0x1p100f /* cap of x in the correction term: x = +inf times c = 0 would be NaN */
#define VACT_MISH_XMAX 1e4f    /* |x| clamp in the backward: 4x (1 + u)/D stays finite (mish' is
                                * 1 or 0 in float beyond) */

typedef struct { V a, s, n, ph, pl, u, v, Ah, Al, Dh, Dl; M neg; } vmish_t;

static inline vmish_t vmish_parts(V x) {
    vmish_t m;
    /* -|x|; NaN -> -110, so that x itself is the only NaN source */
    m.a = vmax(vneg(vabs(x)), vset1(VACT_MISH_AMIN));
    V r = vexp_reduce(m.a, &m.n);
    m.s = vexp_s(r);
    m.ph = vadd(vset1(1.0f), m.s);
    m.pl = vadd(vsub(vset1(1.0f), m.ph), m.s);
    m.u = vscale2n_e(m.ph, m.n);                          /* e^-|x| */
    m.neg = vle(x, vzero());
    m.v = vsel(m.neg, m.u, vadd(m.u, m.u));
    V al = vsel(m.neg, vset1(2.0f), vset1(1.0f));
    m.Ah = vadd(al, m.v);
    m.Al = vsub(m.v, vsub(m.Ah, al));                     /* al >= v: exact */
    V H = vsel(m.neg, m.Ah, m.u);
    V ph = vmul(m.v, H);
    V pl = vfms(m.v, H, ph);
    V F = vsel(m.neg, vset1(2.0f), m.Ah);
    m.Dh = vadd(F, ph);                                   /* F >= ph */
    m.Dl = vadd(vadd(vsub(ph, vsub(m.Dh, F)), pl), vmul(m.Al, vsel(m.neg, m.v, vset1(1.0f))));
    return m;
}

/* ---- forward ---------------------------------------------------------------
 * Five forms, one division: y' = Pb K0 - Pb Q, Q = Num/D, Num and D
 * quadratics in z with per-form coefficients (8-entry tables indexed by the
 * low bits of the magic-bias sum t, n clamped to >= -2, + 3 for x > 0). */
#define VACT_MISH_M64 (VACT_MAGIC + 191.0f) /* magic + 127 + 64: t's bits << 23 = 2^(n+64) */
/* index (bits(ti) & 7): 0, 1 c-pos (x > 0, n <= -1), 2 s-pos (x > 0, n = 0),
 * 5 c-neg (x <= 0, n <= -2), 6 s-neg1 (n = -1), 7 s-neg0 (n = 0); 3, 4 unused */
static const float vact_mish_tk[8] = {1.0f, 1.0f, 3.0f, 0.0f, 0.0f, 2.0f, 6.0f, 4.0f};
static const float vact_mish_ta[8] = {0.5f, 0.5f, 2.5f, 0.0f, 0.0f, 2.0f, 13.0f, 5.0f};
static const float vact_mish_tb2[8] = {1.0f, 1.0f, 0x1.333334p-1f, 0.0f, 0.0f, 1.0f, -0x1.3b13bp+0f, -0x1.999998p-2f};
static const float vact_mish_tb1[8] = {0.0f, 0.0f, 0x1.99999cp-1f, 0.0f, 0.0f, 1.0f, -0x1.d89d8ap+2f, -0x1.999998p+0f};
static const float vact_mish_tb0[8] = {0.0f, 0.0f, 0x1p-24f, 0.0f, 0.0f, 0.0f, 0x1.8p-23f, 0x1p-23f};
static const float vact_mish_tk0[8] = {1.0f, 1.0f, 0x1.333334p-1f, 0.0f, 0.0f, 1.0f, 0x1.89d89ep-1f, 0x1.333334p-1f};
static const float vact_mish_tp[8] = {0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 1.0f, 0.0f, 0.0f};

/* y 2^n for n in [-159, 0], S = 2^(n+64) (the bits of t << 23), where
 * y 2^(n+64) is exact: one rounding either way */
static inline V vmish_scale(V y, V n, V S) {
#ifdef VACT_SCALEF
    (void)S;
    return vscale2n(y, n);
#else
    (void)n;
    return vmul(vmul(y, S), vset1(0x1p-64f));
#endif
}

static inline V k_mish(V x, const vact_params *p) {
    (void)p;
    V a = vmax(vor(x, vset1(-0.0f)), vset1(VACT_MISH_AMIN)); /* -|x|; NaN -> -110 */
    V n, t, r = vexp_reduce_(a, a, 0, 1.0f, VACT_MISH_M64, &n, &t);
    V s = vexp_s(r);                                        /* e^a = (1 + s) 2^n */
    V S = vasf(vishl(vasi(t), 23));                         /* 2^(n+64), n in [-159, 0] */
    V e = vmul(vfma(s, S, S), vset1(0x1p-64f));
    M neg = vle(x, vzero());
    V ti = vadd(vmax(t, vset1(VACT_MISH_M64 - 2.0f)), vsel(neg, vzero(), vset1(3.0f)));
    V z = vsel(vge(n, vsel(neg, vset1(-1.0f), vzero())), s, e);
    V D = vfma(z, vadd(z, vlut8(vact_mish_tk, ti)), vlut8(vact_mish_ta, ti));
    V Num = vfma(vfma(vlut8(vact_mish_tb2, ti), z, vlut8(vact_mish_tb1, ti)), z, vlut8(vact_mish_tb0, ti));
    V Q = vdiv(Num, D);
    V base = vmax(vset1(VACT_MISH_AMIN), x);                /* NaN kept */
    V Pb = vfma(a, vmul(s, vlut8(vact_mish_tp, ti)), base);  /* a = base on c-neg lanes, finite */
    V y = vfma(Pb, vlut8(vact_mish_tk0, ti), vfnma(vmin(Pb, vset1(VACT_MISH_PMAX)), Q, vzero()));
    return vsel(neg, vmish_scale(y, n, S), y);
}

/* a*b of hi + lo numbers (bl, al small), result hi + lo */
static inline V vmish_mul2(V ah, V al, V bh, V bl, V *lo) {
    V h = vmul(ah, bh);
    *lo = vadd(vfms(ah, bh, h), vfma(ah, bl, vmul(al, bh)));
    return h;
}

static inline V kb_mish(V x, V dy, const vact_params *p) {
    (void)p;
    vmish_t m = vmish_parts(x);
    V tl = vsel(m.neg, vscale2n(m.pl, m.n), vzero());     /* t = u + tl (x <= 0) */
    V ih = vdiv(vset1(1.0f), m.Dh);
    V il = vmul(vfnma(ih, m.Dl, vfnma(ih, m.Dh, vset1(1.0f))), ih);
    V oh = vadd(vset1(1.0f), m.u);
    V ol = vadd(vadd(vsub(vset1(1.0f), oh), m.u), tl);    /* 1 + t */
    V x4 = vmul(vset1(4.0f), vmax(vset1(-VACT_MISH_XMAX), vmin(vset1(VACT_MISH_XMAX), x)));
    V w = vmul(oh, x4);                                    /* x4 exact */
    V wl = vadd(vfms(oh, x4, w), vmul(ol, x4));
    V Yl, Y = vmish_mul2(w, wl, ih, il, &Yl);             /* 4x (1 + u) / D */
    V m2 = vsel(m.neg, vset1(1.0f), vmul(m.u, m.u));
    V mh = vmul(m2, Y);
    V ml = vfma(m2, Yl, vfms(m2, Y, mh));
    V sh = vadd(m.Ah, mh);                                 /* A + m2 Y: 2Sum */
    V bb = vsub(sh, m.Ah);
    V sl = vadd(vadd(vsub(m.Ah, vsub(sh, bb)), vsub(mh, bb)), vadd(m.Al, ml));
    V Kl, K = vmish_mul2(vsel(m.neg, m.u, vset1(1.0f)), tl, sh, sl, &Kl);
    V dl, d = vmish_mul2(K, Kl, ih, il, &dl);
    return vmul(dy, vadd(d, dl));
}

#endif
