/* mish(x) = x tanh(softplus(x)), mish'(x) = tanh(sp) + x sech^2(sp) sigmoid(x).
 * HEADER_COMMENT_PLACEHOLDER */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_F_MISH_H
#define VACT_F_MISH_H
#include "../../common/vact_internal.h" /* vact_params */
#include "../math/exp.h"

#define VACT_MISH_AMIN -110.0f  /* forward clamp of -|x|: |x e^x| < 2^-150 below, mish rounds to -0 */
#define VACT_MISH_PMAX 0x1p100f /* cap of x in the correction term: x = +inf times Q = 0 would be NaN */
#define VACT_MISH_BMIN -87.0f   /* backward clamp of -|x|: n >= -126, 2^n normal */
#define VACT_MISH_XMAX 110.0f   /* backward |x| clamp (mish' is 1 or ~0 beyond) */

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

/* ---- backward --------------------------------------------------------------
 * mish' = M (B0 + Bx x + (Pc(z) + x Px(z)) / D2(z)), per form (the forward's
 * index, n clamped to >= -2 from the same magic-bias sum with the exponent
 * bias): Pc, Px of degree 4 and the monic quartic D2 = D^2 from tables
 * (scripts/gen_mish_tables.py), M = e on c-neg lanes, else 1. */
static const float vact_mishb_d3[8] = {0x1p+1f, 0x1p+1f, 0x1.8p+2f, 0.0f, 0.0f, 0x1p+2f, 0x1.8p+3f, 0x1p+3f};
static const float vact_mishb_d2[8] = {0x1p+1f, 0x1p+1f, 0x1.cp+3f, 0.0f, 0.0f, 0x1p+3f, 0x1.fp+5f, 0x1.ap+4f};
static const float vact_mishb_d1[8] = {1.0f, 1.0f, 0x1.ep+3f, 0.0f, 0.0f, 0x1p+3f, 0x1.38p+7f, 0x1.4p+5f};
static const float vact_mishb_d0[8] = {0x1p-2f, 0x1p-2f, 0x1.9p+2f, 0.0f, 0.0f, 0x1p+2f, 0x1.52p+7f, 0x1.9p+4f};
static const float vact_mishb_pc0[8] = {0.0f, 0.0f, -0x1.4p-23f, 0.0f, 0.0f, 0.0f, -0x1.38p-20f, -0x1.4p-21f};
static const float vact_mishb_pc1[8] = {0.0f, 0.0f, -0x1.000004p+1f, 0.0f, 0.0f, -0x1p+1f, 0x1.8p+5f, 0x1.fffffcp+2f};
static const float vact_mishb_pc2[8] = {-0x1p-1f, -0x1p-1f, -0x1.f33336p+1f, 0.0f, 0.0f, -0x1p+2f, 0x1.e27626p+4f, 0x1.0cccccp+3f};
static const float vact_mishb_pc3[8] = {-1.0f, -1.0f, -0x1.4ccccep+1f, 0.0f, 0.0f, -0x1.8p+1f, 0x1.d89d8ap+2f, 0x1.999998p+1f};
static const float vact_mishb_pc4[8] = {-1.0f, -1.0f, -0x1.333334p-1f, 0.0f, 0.0f, -1.0f, 0x1.3b13bp-1f, 0x1.999998p-2f};
static const float vact_mishb_px0[8] = {0.0f, 0.0f, 0x1.8p-25f, 0.0f, 0.0f, 0.0f, -0x1.5p-21f, 0x1.8p-23f};
static const float vact_mishb_px1[8] = {0.0f, 0.0f, 0x1.9999a8p-3f, 0.0f, 0.0f, -0x1p+2f, 0x1.3b13bp+4f, -0x1.99999p-1f};
static const float vact_mishb_px2[8] = {1.0f, 1.0f, -0x1.eb8518p-2f, 0.0f, 0.0f, -0x1p+3f, -0x1.9c0614p+0f, -0x1.147aep+2f};
static const float vact_mishb_px3[8] = {1.0f, 1.0f, -0x1.d70a3cp-1f, 0.0f, 0.0f, -0x1p+2f, -0x1.b442a8p+1f, -0x1.47ae14p+1f};
static const float vact_mishb_px4[8] = {0.0f, 0.0f, -0x1.47ae14p-2f, 0.0f, 0.0f, -1.0f, -0x1.22d71ap-2f, -0x1.47ae14p-2f};
static const float vact_mishb_B0[8] = {1.0f, 1.0f, 0x1.333334p-1f, 0.0f, 0.0f, 1.0f, 0x1.89d89ep-2f, 0x1.333334p-1f};
static const float vact_mishb_Bx[8] = {0.0f, 0.0f, 0x1.47ae14p-2f, 0.0f, 0.0f, 1.0f, 0x1.22d71ap-2f, 0x1.47ae14p-2f};

static inline V kb_mish(V x, V dy, const vact_params *p) {
    (void)p;
    V a = vmax(vor(x, vset1(-0.0f)), vset1(VACT_MISH_BMIN)); /* -|x|; NaN -> -87 */
    V n, t, r = vexp_reduce_(a, a, 0, 1.0f, VACT_MAGIC_B, &n, &t);
    V s = vexp_s(r);
    V S = vasf(vishl(vasi(t), 23));                         /* 2^n, n in [-126, 0] */
    V e = vfma(s, S, S);
    M neg = vle(x, vzero());
    V ti = vadd(vmax(t, vset1(VACT_MAGIC_B - 2.0f)), vsel(neg, vzero(), vset1(3.0f)));
    V z = vsel(vge(n, vsel(neg, vset1(-1.0f), vzero())), s, e);
    V xc = vmax(vset1(-VACT_MISH_XMAX), vmin(vset1(VACT_MISH_XMAX), x)); /* NaN kept */
    V Pc = vfma(vlut8(vact_mishb_pc4, ti), z, vlut8(vact_mishb_pc3, ti));
    Pc = vfma(Pc, z, vlut8(vact_mishb_pc2, ti));
    Pc = vfma(Pc, z, vlut8(vact_mishb_pc1, ti));
    Pc = vfma(Pc, z, vlut8(vact_mishb_pc0, ti));
    V Px = vfma(vlut8(vact_mishb_px4, ti), z, vlut8(vact_mishb_px3, ti));
    Px = vfma(Px, z, vlut8(vact_mishb_px2, ti));
    Px = vfma(Px, z, vlut8(vact_mishb_px1, ti));
    Px = vfma(Px, z, vlut8(vact_mishb_px0, ti));
    V D2 = vfma(vadd(z, vlut8(vact_mishb_d3, ti)), z, vlut8(vact_mishb_d2, ti));
    D2 = vfma(D2, z, vlut8(vact_mishb_d1, ti));
    D2 = vfma(D2, z, vlut8(vact_mishb_d0, ti));
    V Q = vdiv(vfma(xc, Px, Pc), D2);
    V lin = vfma(vlut8(vact_mishb_Bx, ti), xc, vlut8(vact_mishb_B0, ti));
    V Mf = vsel(vlt(ti, vset1(VACT_MAGIC_B - 1.5f)), e, vset1(1.0f)); /* c-neg lanes */
    return vmul(dy, vfma(Mf, lin, vmul(Mf, Q)));
}

#endif
