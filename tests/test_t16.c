/* bf16 and f16: every elementwise function exhaustively, the row-wise
 * functions marked VACT_T16 and the conversions, on every ISA this machine
 * runs (and the NEON kernels through SIMDe on x86).
 *   test_t16 NAME            an elementwise or row-wise function of the list
 *   test_t16 conversions     the four conversions on a sample of f32 patterns
 *   test_t16 conversions --all   every f32 bit pattern (by hand:
 *                                scripts/check_conversions.sh)
 * Elementwise, for each type, parameter set and ISA, over every 16-bit
 * pattern: forward and backward (dy = 1), backward with random dy in
 * +-[0.25, 4] and with a wide random dy (over the type's range; the
 * kernel ref_wide_slack names, squareplus: within 1 ULP beyond the absolute
 * |dy| 2^-149 of an f32 f'(x) below the normal range, docs/contract.md) against the
 * double reference (tests/support/ref.c) within 1 ULP of the output type
 * (bf16 2^(e-7), f16 2^(e-10), subnormal ulp 2^-133 / 2^-24), with the f32
 * test's rules (VACT_FLOOR: ulp of max(|r|, |dy|/16); VACT_KINK: either
 * side); exact where the exact result is representable (forward, and
 * backward unless VACT_FLOOR); +-inf only when the exact result rounds to
 * it; NaN in -> the default NaN out (x or dy; leaky_relu's f16 forward
 * with a finite nonzero slope: x's own NaN, quieted, nan_out); odd functions keep the sign
 * of zero; every ISA bitwise equal to the scalar path. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "vact_ref.h"
#include "vact_samples.h"
#include "dispatch/cpu.h"
#include "dispatch/simde.h"

/* ---- plain-C references of the conversions -------------------------------- */
static float f_of(uint32_t u) { float f; memcpy(&f, &u, 4); return f; }
static uint32_t u_of(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }

static uint16_t ref_to_bf16(float f) { return ref_bf16_bits(u_of(f)); }
/* binary16 by arithmetic on doubles (independent of the library's bit tricks) */
static uint16_t ref_to_f16(float f) {
    uint32_t u = u_of(f);
    uint16_t s = (uint16_t)((u >> 16) & 0x8000);
    double a = fabs((double)f);
    if (isnan(f)) return (uint16_t)(s | 0x7e00 | ((u >> 13) & 0x3ff));
    if (a >= 65520.0) return (uint16_t)(s | 0x7c00);
    if (a < 0x1p-14) return (uint16_t)(s | (uint16_t)nearbyint(a * 0x1p24)); /* FE_TONEAREST */
    int e;
    double m = frexp(a, &e); /* a = m 2^e, m in [0.5, 1) */
    double q = nearbyint(m * 2048.0); /* 11 bits */
    if (q == 2048.0) { q = 1024.0; e++; }
    return (uint16_t)(s | (uint16_t)((e + 14) << 10) | ((uint16_t)q - 1024));
}

/* ---- the two types ---------------------------------------------------------- */
typedef struct {
    const char *name;
    int emin, p;        /* ulp(v) = 2^(max(floor(log2|v|), emin) - p) */
    double maxf, ovf;   /* largest finite; |r| >= ovf rounds to inf */
    uint16_t nan;       /* the default NaN */
    uint16_t (*to)(float);
    float (*from)(uint16_t);
} htype;
static const htype g_types[2] = {
    {"bf16", -126, 7, 0x1.fep127, 0x1.ffp127, 0x7fc0, ref_to_bf16, ref_from_bf16},
    {"f16", -14, 10, 65504.0, 65520.0, 0x7e00, ref_to_f16, ref_from_f16},
};
/* the forward's NaN for a NaN input x: the default NaN, but x itself,
 * quieted, for leaky_relu with a finite nonzero slope (driver.h's
 * VACT_K16KEEP; in f16 the bits XNNPACK's f16 kernel gives too) */
static uint16_t nan_out(const htype *t, const char *name, float a, uint16_t x) {
    if (!strcmp(name, "leaky_relu") && a != 0 && isfinite(a)) return (uint16_t)(x | (t->nan == 0x7e00 ? 0x0200 : 0x0040));
    return t->nan;
}
static double ulp_t(const htype *t, double v) {
    int e;
    frexp(fabs(v), &e); /* |v| in [2^(e-1), 2^e) */
    e -= 1;
    if (v == 0 || e < t->emin) e = t->emin;
    return ldexp(1.0, e - t->p);
}
static int representable(const htype *t, double r) {
    if (r == 0) return 1;
    if (!isfinite(r) || fabs(r) > t->maxf) return isinf(r);
    double q = r / ulp_t(t, r);
    return q == nearbyint(q);
}
/* |y - r| in ulp_t(uo); inf as 2^(emax+1); inf where r rounds below it: INFINITY */
static double err_t(const htype *t, float y, double r, double uo) {
    double yd = y;
    if (isnan(yd) || isnan(r)) return isnan(yd) && isnan(r) ? 0 : INFINITY;
    if (isinf(yd)) {
        if (fabs(r) < t->ovf) return INFINITY;
        return (yd > 0) == (r > 0) ? 0 : INFINITY;
    }
    double big = 2 * t->maxf + ulp_t(t, t->maxf); /* 2^(emax+1) */
    if (fabs(r) > big) r = copysign(big, r);
    return fabs(yd - r) / ulp_t(t, uo);
}

/* ---- the tables to test ------------------------------------------------------ */
/* every ISA's dispatched table (AVX-512: with the AVX512-BF16 bf16 functions
 * on a CPU with them), the NEON kernels through SIMDe (-1) and, on a CPU with
 * AVX512_BF16, the other AVX-512 table (-2: without them, or with them when
 * VACT_NO_AVX512BF16 is set) */
static int g_isas[7], g_nisa;
static const vact_table *g_other512;
static const char *g_other512_name;
static const vact_table *tab(int k) {
    return g_isas[k] == -1 ? vact__table_simde()
           : g_isas[k] == -2 ? g_other512 : vact__table_for((vact_isa)g_isas[k]);
}
static const char *tname(int k) {
    return g_isas[k] == -1 ? "neon-simde" : g_isas[k] == -2 ? g_other512_name : vact_isa_name((vact_isa)g_isas[k]);
}

typedef struct { size_t f[2], b[2]; } offs; /* [type]: forward, backward */
static const offs g_offs[] = {
#define VACT_EW(name, P, F, U, S, R)                                                        \
    {{offsetof(vact_table, name##_bf16), offsetof(vact_table, name##_f16)},             \
     {offsetof(vact_table, name##_bwd_bf16), offsetof(vact_table, name##_bwd_f16)}},
#include "common/functions.def"
};
static void call_f(const vact_table *t, size_t off, const float *prm, size_t n, const uint16_t *x, uint16_t *y) {
    vact_unary16_fn fn;
    memcpy(&fn, (const char *)t + off, sizeof fn);
    vact_params p = {prm[0], prm[1]};
    fn(n, x, y, &p);
}
static void call_b(const vact_table *t, size_t off, const float *prm, size_t n, const uint16_t *x,
                   const uint16_t *dy, uint16_t *dx) {
    vact_unary16_bwd_fn fn;
    memcpy(&fn, (const char *)t + off, sizeof fn);
    vact_params p = {prm[0], prm[1]};
    fn(n, x, dy, dx, &p);
}

static double g_max[2][3]; /* [type][fwd, bwd, bwd(dy)] over everything run */

/* error of one backward value (dy * d), kink sides as in test_ulp */
static double bwd_err(const htype *ht, const ref_fn *f, const double *pd, float x, float dy, float dx,
                      double d, int *exact_bad, double slack) {
    double r = (double)dy * d;
    int floor_ = (f->flags & VACT_FLOOR) != 0;
    double e = err_t(ht, dx, r, floor_ ? fmax(fabs(r), fabs((double)dy) / 16) : r);
    int ex = !floor_ && representable(ht, r) && !(isnan(r) && isnan(dx)) && (double)dx != r;
    if ((e > 1.0 || ex) && (f->flags & VACT_KINK) && isfinite(x)) {
        for (int s = -1; s <= 1; s += 2) {
            double r2 = (double)dy * f->df(nextafterf(x, s * INFINITY), pd);
            double e2 = err_t(ht, dx, r2, floor_ ? fmax(fabs(r2), fabs((double)dy) / 16) : r2);
            if (e2 < e) e = e2;
            if (ex && (double)dx == r2) ex = 0;
        }
    }
    if (slack > 0 && e > 0 && isfinite(e) && !isinf(dx)) { /* the wide dy's limit (REF_WIDE_SLACK) */
        double ad = fabs((double)dx - r);
        if (ad <= slack) e = 0, ex = 0;
        else if (isfinite(ad)) e *= (ad - slack) / ad;
    }
    if (ex) (*exact_bad)++;
    return e;
}

/* One special input in an otherwise ordinary block of 64 (every position:
 * each lane of up to four vectors of 16): a NaN (payloads, both signs), a
 * subnormal input, an input whose forward or backward (dy = 1) result is a
 * subnormal or the smallest normal of the type (where an f32 subnormal may
 * round up), among ordinary inputs with normal results. Every lane must be
 * the scalar bits (sy / sd1: the results of every 16-bit input). This is
 * what AVX512-BF16's fallback (src/avx512/vocab.h) must catch in one lane
 * of a vector: vcvtne2ps2bf16 takes f32 subnormals as zero and keeps NaN
 * payloads. */
static int lone_lanes(const vact_table *t, const offs *o, int ty, const float *prm, const uint16_t *sy,
                      const uint16_t *sd1) {
    const htype *ht = &g_types[ty];
    uint16_t sp[64], ord[8], x[64], one[64], y[64];
    int ns = 0, no = 0, bad = 0;
    static const uint16_t nans[2][4] = {{0x7f81, 0x7fc1, 0xffff, 0xffa0}, {0x7c01, 0x7e01, 0xffff, 0xfd00}};
    for (int i = 0; i < 4; i++) sp[ns++] = nans[ty][i];
    sp[ns++] = 0x0001;
    sp[ns++] = 0x8003;
    const uint16_t minn = ty ? 0x0400 : 0x0080, inf = ty ? 0x7c00 : 0x7f80;
    /* inputs whose result is at the bottom of the range (subnormal or the
     * smallest normal, forward or backward), from both ends of both signs:
     * the tiny inputs (f(x) ~ x) and the large ones (exp tails underflowing,
     * e.g. silu(-90)), up to 14 of each */
    for (int q = 0; q < 4; q++) {
        const int sign = q & 1, down = q >> 1, cap = ns + 14;
        for (uint32_t k = 0; k < 32768 && ns < cap; k += 7) {
            uint32_t i = (down ? 0x7fffu - k : k) | (sign ? 0x8000u : 0u);
            uint16_t a = sy[i] & 0x7fff, b = sd1[i] & 0x7fff;
            if ((a && a <= minn) || (b && b <= minn)) sp[ns++] = (uint16_t)i;
        }
    }
    for (uint32_t i = 0; i < 65536 && no < 8; i += 4099) { /* ordinary: finite in, normal out */
        float xf = ht->from((uint16_t)i);
        uint16_t a = sy[i] & 0x7fff, b = sd1[i] & 0x7fff;
        if (isfinite(xf) && a > minn && a < inf && b > minn && b < inf)
            ord[no++] = (uint16_t)i;
    }
    if (no == 0) { /* no such inputs (a function with only 0 / inf results) */
        printf("  lone lane: %s: no ordinary input, not run\n", ht->name);
        return 0;
    }
    for (int i = 0; i < 64; i++) one[i] = ht->to(1.0f);
    for (int s = 0; s < ns; s++)
        for (int j = 0; j < 64; j++) {
            for (int i = 0; i < 64; i++) x[i] = ord[(i + j) % no];
            x[j] = sp[s];
            call_f(t, o->f[ty], prm, 64, x, y);
            for (int i = 0; i < 64; i++)
                if (y[i] != sy[x[i]]) {
                    if (!bad) printf("  FAIL lone lane %d of 64: x=0x%04x (lane %d) fwd 0x%04x, want 0x%04x\n", j, sp[s], i, y[i], sy[x[i]]);
                    bad++;
                }
            call_b(t, o->b[ty], prm, 64, x, one, y);
            for (int i = 0; i < 64; i++)
                if (y[i] != sd1[x[i]]) {
                    if (!bad) printf("  FAIL lone lane %d of 64: x=0x%04x (lane %d) bwd 0x%04x, want 0x%04x\n", j, sp[s], i, y[i], sd1[x[i]]);
                    bad++;
                }
        }
    return bad != 0;
}

/* Parameter sets beyond the list's, per function (both tests below):
 * ulp = 1, also in the exhaustive test against the double reference
 * (test_ew): leaky_relu's 16-bit loops pick a kernel per slope (above 1,
 * subnormal: AVX2's sign-bit blend for finite a > +0 in f16, max / min in
 * bf16; +-0, whose x = -inf gives the limit -a; +-inf and NaN, whose NaN
 * results are the default NaN); squareplus's 16-bit kernel takes b in
 * [2^-96, 2^100) and |x| <= 2^63 by one quotient and the rest by the f32
 * kernel's scaling (b below 2^-100 scaled, x where b >= 2^100), and b = 0
 * as relu; elu's backward takes alpha times its e^x for |alpha| <= 2^14
 * (1e-7, 2^14) and the f32 kernel's elu' above (3e6, which failed the
 * kernel before 2026-12-07 by 22 bf16 ULP: alpha times an f32-subnormal
 * e^x).
 * ulp = 0, only bit for bit against the f32 kernel (test_bits, the
 * piecewise-linear functions): thresholds at +-0, between a type's values,
 * below its smallest subnormal, beyond its largest finite, +-inf, and NaN
 * (not in the API's domain: the f32 kernel's loops then), values that
 * round to inf or are NaN or lie halfway. */
typedef struct { const char *name; int ulp, n; float p[22][2]; } extra_sets;
static const extra_sets g_extra[] = {
    {"threshold", 0, 22, {{-0.0f, 7}, {0.0f, -1}, {-1e-42f, 2}, {1e-42f, 0}, {0.3f, NAN}, {-2.7f, 1e30f},
                       {INFINITY, 3}, {-INFINITY, 3}, {70000, 1}, {-70000, 1}, {1e-30f, -0.0f},
                       {6.0e-8f, 0.2f}, {-3.0e-8f, 0.2f}, {NAN, 1}, {65504.5f, 3e-6f}, {-65519.0f, -1e-8f},
                       {0x1.0p-14f, 65519.0f}, {-0x1.ff8p-15f, -65520.0f},
                       /* values halfway between two bf16 / f16 values (ties to even, down and up) */
                       {0.5f, 1.00390625f}, {0.5f, 1.01171875f}, {0.5f, 1.00048828125f}, {0.5f, 1.00146484375f}}},
    {"hard_shrink", 0, 11, {{0.0f, 0}, {-0.0f, 0}, {-1, 0}, {1e-42f, 0}, {0.3f, 0}, {70000, 0}, {INFINITY, 0},
                         {-INFINITY, 0}, {9e-8f, 0}, {1.00390625f, 0}, {NAN, 0}}},
    {"soft_shrink", 0, 9, {{0.0f, 0}, {0.3f, 0}, {1e-42f, 0}, {70000, 0}, {1e30f, 0}, {INFINITY, 0},
                        {-INFINITY, 0}, {-1, 0}, {NAN, 0}}},
    {"leaky_relu", 1, 7, {{2.5f, 0}, {1e-40f, 0}, {0.0f, 0}, {-0.0f, 0}, {INFINITY, 0}, {-INFINITY, 0}, {NAN, 0}}},
    {"elu", 1, 3, {{1e-7f, 0}, {16384.0f, 0}, {3e6f, 0}}},
    {"squareplus", 1, 10, {{0.0f, 0}, {1e-30f, 0}, {1e-42f, 0}, {0x1.8p100f, 0}, {3e38f, 0}, {1e10f, 0}, {7e-4f, 0},
                        {0x1p-96f, 0}, {0x1.fffffep99f, 0}, {0x1p100f, 0}}},
};
/* f's extra sets (ulp_only: those with ulp = 1), their count in *n */
static const float (*extra_for(const ref_fn *f, int ulp_only, int *n))[2] {
    for (size_t e = 0; e < sizeof g_extra / sizeof *g_extra; e++)
        if (!strcmp(g_extra[e].name, f->name) && (g_extra[e].ulp || !ulp_only)) {
            *n = g_extra[e].n;
            return g_extra[e].p;
        }
    *n = 0;
    return NULL;
}

static void test_ew(void **state) {
    const ref_fn *f = (const ref_fn *)*state;
    const offs *o = &g_offs[f - ref_fns];
    const size_t n = 65536;
    uint16_t *x = malloc(n * 2), *one = malloc(n * 2), *dyr = malloc(n * 2), *dyw = malloc(n * 2);
    uint16_t *y = malloc(n * 2), *d1 = malloc(n * 2), *d2 = malloc(n * 2), *d3 = malloc(n * 2);
    uint16_t *sy = malloc(n * 2), *sd1 = malloc(n * 2), *sd2 = malloc(n * 2), *sd3 = malloc(n * 2);
    uint16_t *ip1 = malloc(n * 2), *ip2 = malloc(n * 2);
    double *rf = malloc(n * sizeof *rf), *rd = malloc(n * sizeof *rd);
    int failures = 0;
    const int slack = ref_wide_slack(f->name, 1); /* the wide dy: with the documented slack */
    for (int ty = 0; ty < 2; ty++) {
        const htype *ht = &g_types[ty];
        unsigned st = 777, sw = 4242; /* sw: the wide dy's own stream */
        for (size_t i = 0; i < n; i++) {
            x[i] = (uint16_t)i;
            one[i] = ht->to(1.0f);
            float v = rnd_uniform(&st, 0.25f, 4.0f);
            dyr[i] = ht->to((i & 1) ? -v : v);
            /* the wide dy: +-[1, 2) 2^k over the type's range (bf16: k in
             * [-40, 126], f16: [-24, 14]) */
            int k = ty == 0 ? -40 + (int)(rnd_uniform(&sw, 0.0f, 1.0f) * 167.0f) % 167
                            : -24 + (int)(rnd_uniform(&sw, 0.0f, 1.0f) * 39.0f) % 39;
            float w = ldexpf(rnd_uniform(&sw, 1.0f, 2.0f), k);
            dyw[i] = ht->to((i & 1) ? w : -w);
        }
        int nextra; /* g_extra's sets with ulp = 1 */
        const float (*xp)[2] = extra_for(f, 1, &nextra);
        for (int ps = 0; ps < f->nsets + nextra; ps++) {
            const float *prm = ps < f->nsets ? f->sets[ps] : xp[ps - f->nsets];
            double pd[2] = {prm[0], prm[1]};
            for (size_t i = 0; i < n; i++) {
                float xf = ht->from(x[i]);
                double a = isinf(xf) ? copysign(1e300, xf) : (double)xf;
                rf[i] = f->f(a, pd);
                rd[i] = f->df(a, pd);
            }
            for (int k = 0; k < g_nisa; k++) {
                const vact_table *t = tab(k);
                uint16_t *yy = k ? y : sy, *e1 = k ? d1 : sd1, *e2 = k ? d2 : sd2, *e3 = k ? d3 : sd3;
                call_f(t, o->f[ty], prm, n, x, yy);
                call_b(t, o->b[ty], prm, n, x, one, e1);
                call_b(t, o->b[ty], prm, n, x, dyr, e2);
                call_b(t, o->b[ty], prm, n, x, dyw, e3);
                double wf = 0, wb = 0, wg = 0, ww = 0;
                float xf_w = 0, xb_w = 0;
                int exact_bad = 0, nan_bad = 0, diff = 0;
                for (size_t i = 0; i < n; i++) {
                    float xf = ht->from(x[i]);
                    float yv = ht->from(yy[i]);
                    if (k && (yy[i] != sy[i] || e1[i] != sd1[i] || e2[i] != sd2[i] || e3[i] != sd3[i])) diff++;
                    if (isnan(xf)) { /* the references are for numbers */
                        if (yy[i] != nan_out(ht, f->name, prm[0], x[i]) || e1[i] != ht->nan) nan_bad++;
                        continue;
                    }
                    double ef = err_t(ht, yv, rf[i], rf[i]);
                    if (representable(ht, rf[i]) && !isnan(rf[i]) && (double)yv != rf[i]) {
                        if (!exact_bad) printf("  inexact fwd at x=%a: %a, exact %a\n", (double)xf, (double)yv, rf[i]);
                        exact_bad++;
                    }
                    if (ef > wf) { wf = ef; xf_w = xf; }
                    double eb = bwd_err(ht, f, pd, xf, 1.0f, ht->from(e1[i]), rd[i], &exact_bad, 0);
                    if (eb > wb) { wb = eb; xb_w = xf; }
                    double eg = bwd_err(ht, f, pd, xf, ht->from(dyr[i]), ht->from(e2[i]), rd[i], &exact_bad, 0);
                    if (eg > wg) wg = eg;
                    float dw = ht->from(dyw[i]);
                    double ew = bwd_err(ht, f, pd, xf, dw, ht->from(e3[i]), rd[i], &exact_bad, slack ? REF_WIDE_SLACK(dw) : 0);
                    if (ew > ww) ww = ew;
                }
                char pstr[64] = "";
                if (f->np == 1) snprintf(pstr, sizeof pstr, "(%g)", prm[0]);
                if (f->np == 2) snprintf(pstr, sizeof pstr, "(%g,%g)", prm[0], prm[1]);
                printf("T16 %-12s %-4s %-10s %-10s fwd %5.3f @ %-12.6g bwd %5.3f @ %-12.6g bwd(dy) %5.3f wide %5.3f  %s\n",
                       f->name, ht->name, pstr, tname(k), wf, (double)xf_w, wb, (double)xb_w, wg, ww,
                       k ? (diff ? "DIFFERS" : "same-bits") : "reference-isa");
                g_max[ty][0] = fmax(g_max[ty][0], wf);
                g_max[ty][1] = fmax(g_max[ty][1], wb);
                g_max[ty][2] = fmax(g_max[ty][2], wg);
                if (wf > 1 || wb > 1 || wg > 1 || ww > 1) { printf("  FAIL above 1 ULP\n"); failures++; }
                if (exact_bad) { printf("  FAIL %d results not exact where representable\n", exact_bad); failures++; }
                if (nan_bad) { printf("  FAIL %d NaN inputs without the expected NaN out\n", nan_bad); failures++; }
                if (diff) { printf("  FAIL %d results differ from scalar\n", diff); failures++; }
                /* NaN dy -> NaN dx; odd: sign of zero */
                uint16_t nd[4] = {ht->nan, ht->nan, ht->nan, ht->nan}, sx[4] = {0, 0x8000, ht->to(1.0f), ht->to(-2.0f)}, so[4];
                call_b(t, o->b[ty], prm, 4, sx, nd, so);
                for (int i = 0; i < 4; i++)
                    if (so[i] != ht->nan) { printf("  FAIL NaN dy, not NaN dx\n"); failures++; break; }
                call_f(t, o->f[ty], prm, 2, sx, so);
                if ((f->flags & VACT_ODD) && (so[0] != 0 || so[1] != 0x8000)) {
                    printf("  FAIL sign of zero not kept\n");
                    failures++;
                }
                /* tails: every n < 3 vectors, offset by one element, same bits,
                 * forward and backward (dy = 1 and the random dy) */
                for (size_t m = 0; m < 50; m++) {
                    uint16_t tx[64], tyv[64], tdy[64];
                    size_t src[64];
                    for (size_t i = 0; i < m; i++) {
                        src[i] = (i * 2654435761u + m) & 0xffff;
                        tx[i] = x[src[i]];
                        tdy[i] = dyr[src[i]];
                    }
                    call_f(t, o->f[ty], prm, m, tx, tyv + 1);
                    for (size_t i = 0; i < m; i++)
                        if (tyv[1 + i] != sy[tx[i]]) { printf("  FAIL tail n=%zu\n", m); failures++; break; }
                    call_b(t, o->b[ty], prm, m, tx, one, tyv + 1);
                    for (size_t i = 0; i < m; i++)
                        if (tyv[1 + i] != sd1[src[i]]) { printf("  FAIL backward tail n=%zu\n", m); failures++; break; }
                    call_b(t, o->b[ty], prm, m, tx, tdy, tyv + 1);
                    for (size_t i = 0; i < m; i++)
                        if (tyv[1 + i] != sd2[src[i]]) { printf("  FAIL backward tail (dy) n=%zu\n", m); failures++; break; }
                }
                /* in place (y = x, dx = dy): the same bits (the f16 loops fix
                 * up NaNs in the block they just stored, reading y back) */
                memcpy(ip1, x, n * 2);
                call_f(t, o->f[ty], prm, n, ip1, ip1);
                memcpy(ip2, dyr, n * 2);
                call_b(t, o->b[ty], prm, n, x, ip2, ip2);
                size_t ipd = 0;
                for (size_t i = 0; i < n; i++) ipd += ip1[i] != yy[i] || ip2[i] != e2[i];
                if (ipd) { printf("  FAIL %zu results differ in place\n", ipd); failures++; }
                if (k) failures += lone_lanes(t, o, ty, prm, sy, sd1);
            }
        }
    }
    free(x); free(one); free(dyr); free(dyw); free(y); free(d1); free(d2); free(d3); free(sy); free(sd1); free(sd2); free(sd3);
    free(rf); free(rd);
    free(ip1); free(ip2);
    assert_int_equal(failures, 0);
}

/* ---- row-wise --------------------------------------------------------------- */
/* The 16-bit result must be the f32 row kernel's (same ISA) on the converted
 * input, rounded once (NaN: the default NaN); forward also against double
 * within 1 ULP of the type (log_softmax: ulp of max(|r|, 1)), softmax rows
 * summing to 1 within 2^-p; every ISA the scalar bits. */
static void round_row(const htype *ht, size_t n, const float *f, uint16_t *h) {
    for (size_t i = 0; i < n; i++) h[i] = isnan(f[i]) ? ht->nan : ht->to(f[i]);
}
static int g_rw; /* 0 softmax, 1 log_softmax, 2 glu */
static void test_rw(void **state) {
    (void)state;
    static const size_t colsv[] = {1, 2, 3, 7, 16, 17, 31, 64, 65, 100, 1023, 1024, 1025, 2048, 2049, 4097};
    const size_t rows = 3, maxc = 4097 + 1;
    const size_t N = rows * maxc;
    uint16_t *x = malloc(N * 2), *dy = malloc(N * 2), *y = malloc(N * 2), *dx = malloc(N * 2);
    uint16_t *sy = malloc(N * 2), *sdx = malloc(N * 2), *want = malloc(N * 2);
    float *xf = malloc(N * 4), *dyf = malloc(N * 4), *yf = malloc(N * 4);
    int failures = 0;
    for (int ty = 0; ty < 2; ty++) {
        const htype *ht = &g_types[ty];
        double wmax = 0, smax = 0;
        for (size_t ci = 0; ci < sizeof colsv / sizeof colsv[0]; ci++) {
            size_t cols = colsv[ci] + (g_rw == 2 && (colsv[ci] & 1));
            size_t n = rows * cols, nout = g_rw == 2 ? rows * cols / 2 : n;
            unsigned st = 99 + (unsigned)cols;
            for (size_t i = 0; i < n; i++) {
                x[i] = ht->to(rnd_uniform(&st, -8.0f, 8.0f));
                dy[i] = ht->to(rnd_uniform(&st, -2.0f, 2.0f));
            }
            if (cols > 2) x[cols + 1] = ht->to(-INFINITY); /* row 1 holds a -inf */
            for (size_t i = 0; i < n; i++) { xf[i] = ht->from(x[i]); dyf[i] = ht->from(dy[i]); }
            for (int k = 0; k < g_nisa; k++) {
                const vact_table *t = tab(k);
                uint16_t *yy = k ? y : sy, *dd = k ? dx : sdx;
                vact_row16_fn fw;
                vact_row16_bwd_fn bw;
                vact_row_fn f32;
                vact_row_bwd_fn b32;
                if (g_rw == 0) { fw = ty ? t->softmax_f16 : t->softmax_bf16; bw = ty ? t->softmax_bwd_f16 : t->softmax_bwd_bf16; f32 = t->softmax; b32 = t->softmax_bwd; }
                else if (g_rw == 1) { fw = ty ? t->log_softmax_f16 : t->log_softmax_bf16; bw = ty ? t->log_softmax_bwd_f16 : t->log_softmax_bwd_bf16; f32 = t->log_softmax; b32 = t->log_softmax_bwd; }
                else { fw = ty ? t->glu_f16 : t->glu_bf16; bw = ty ? t->glu_bwd_f16 : t->glu_bwd_bf16; f32 = t->glu; b32 = t->glu_bwd; }
                fw(rows, cols, x, yy);
                f32(rows, cols, xf, yf);
                round_row(ht, nout, yf, want);
                int bad = 0;
                for (size_t i = 0; i < nout; i++) bad += yy[i] != want[i];
                /* backward from the 16-bit forward output (softmax family) or x (glu) */
                const uint16_t *bin = g_rw == 2 ? x : yy;
                float *binf = malloc(n * 4);
                for (size_t i = 0; i < n; i++) binf[i] = ht->from(bin[i]);
                bw(rows, cols, bin, dy, dd);
                b32(rows, cols, binf, dyf, yf);
                round_row(ht, n, yf, want);
                for (size_t i = 0; i < n; i++) bad += dd[i] != want[i];
                free(binf);
                if (bad) { printf("  FAIL %s %s cols=%zu: %d values not the rounded f32 kernel's\n", tname(k), ht->name, cols, bad); failures++; }
                if (k) {
                    int diff = memcmp(yy, sy, nout * 2) || memcmp(dd, sdx, n * 2);
                    if (diff) { printf("  FAIL %s %s cols=%zu differs from scalar\n", tname(k), ht->name, cols); failures++; }
                    continue;
                }
                /* against double */
                for (size_t r = 0; r < rows; r++) {
                    const float *xr = xf + r * cols;
                    if (g_rw == 2) {
                        size_t h = cols / 2;
                        for (size_t j = 0; j < h; j++) {
                            double a = xr[j], b = xr[h + j], rr = a / (1 + exp(-b));
                            double e = err_t(ht, ht->from(yy[r * h + j]), rr, rr);
                            wmax = fmax(wmax, e);
                        }
                        continue;
                    }
                    double m = -INFINITY, s = 0;
                    for (size_t j = 0; j < cols; j++) m = fmax(m, xr[j]);
                    for (size_t j = 0; j < cols; j++) s += exp(xr[j] - m);
                    double sum = 0;
                    for (size_t j = 0; j < cols; j++) {
                        double rr = g_rw == 0 ? exp(xr[j] - m) / s : (xr[j] - m) - log(s);
                        float v = ht->from(yy[r * cols + j]);
                        double e = err_t(ht, v, rr, g_rw == 0 ? rr : fmax(fabs(rr), 1.0));
                        if (isinf(rr) && isinf(v) && (rr > 0) == (v > 0)) e = 0;
                        wmax = fmax(wmax, e);
                        sum += v;
                    }
                    if (g_rw == 0) smax = fmax(smax, fabs(sum - 1));
                }
            }
        }
        printf("T16 %-12s %-4s fwd max %.3f ulp (bound 1)%s  |row sum - 1| max %.3g (bound 2^-%d)\n",
               g_rw == 0 ? "softmax" : g_rw == 1 ? "log_softmax" : "glu", ht->name, wmax, "", smax, ht->p);
        if (wmax > 1) { printf("  FAIL fwd above 1 ULP\n"); failures++; }
        if (smax > ldexp(1, -ht->p)) { printf("  FAIL row sum\n"); failures++; }
        /* special rows: a NaN row, a +inf row, all -inf (softmax family) */
        if (g_rw != 2) {
            uint16_t sx[6] = {ht->to(1.0f), ht->to(INFINITY), ht->to(2.0f), ht->to(INFINITY), 0, 0}, so[6];
            vact_row16_fn fw = g_rw == 0 ? (ty ? tab(0)->softmax_f16 : tab(0)->softmax_bf16)
                                         : (ty ? tab(0)->log_softmax_f16 : tab(0)->log_softmax_bf16);
            fw(1, 4, sx, so);
            uint16_t on = g_rw == 0 ? ht->to(0.5f) : ht->to(-(float)log(2.0)), off = g_rw == 0 ? 0 : ht->to(-INFINITY);
            if (so[0] != off || so[1] != on || so[2] != off || so[3] != on) { printf("  FAIL +inf row\n"); failures++; }
            sx[2] = ht->nan;
            fw(1, 4, sx, so);
            for (int i = 0; i < 4; i++) if (so[i] != ht->nan) { printf("  FAIL NaN row\n"); failures++; break; }
        }
    }
    free(x); free(dy); free(y); free(dx); free(sy); free(sdx); free(want); free(xf); free(dyf); free(yf);
    assert_int_equal(failures, 0);
}

/* ---- conversions -------------------------------------------------------------- */
static int g_all;
static void test_conv(void **state) {
    (void)state;
    const size_t B = (size_t)1 << 20;
    float *xf = malloc(B * 4), *back = malloc(B * 4);
    uint16_t *h = malloc(B * 2), *hs = malloc(B * 2);
    int failures = 0;
    const char *scale = getenv("VACT_TEST_SCALE");
    int sc = scale && atoi(scale) > 1 ? atoi(scale) : 1;
    /* CI: 2^25 patterns by a stride of 128 with the low bits varied, plus the
     * neighbourhoods of every rounding boundary via the stride; --all: 2^32 */
    uint64_t total = g_all ? ((uint64_t)1 << 32) : ((uint64_t)1 << 25) / (uint64_t)sc;
    uint64_t step = g_all ? 1 : ((uint64_t)1 << 32) / total;
    for (int k = 0; k < g_nisa; k++) {
        const vact_table *t = tab(k);
        uint64_t bad[4] = {0, 0, 0, 0};
        for (uint64_t base = 0; base < total; base += B) {
            size_t m = total - base < B ? (size_t)(total - base) : B;
            for (size_t i = 0; i < m; i++) {
                uint32_t u = (uint32_t)((base + i) * step);
                if (step > 1) u += (uint32_t)((i * 2654435761u) % step); /* vary the low bits */
                xf[i] = f_of(u);
            }
            for (int ty = 0; ty < 2; ty++) {
                const htype *ht = &g_types[ty];
                (ty ? t->f32_to_f16 : t->f32_to_bf16)(m, xf, h);
                for (size_t i = 0; i < m; i++)
                    if (h[i] != ht->to(xf[i])) {
                        if (!bad[ty]) printf("  %s %s: %a (0x%08x) -> 0x%04x, want 0x%04x\n", tname(k), ht->name,
                                             (double)xf[i], u_of(xf[i]), h[i], ht->to(xf[i]));
                        bad[ty]++;
                    }
            }
        }
        /* from 16 bit: every pattern */
        for (size_t i = 0; i < 65536; i++) hs[i] = (uint16_t)i;
        for (int ty = 0; ty < 2; ty++) {
            const htype *ht = &g_types[ty];
            (ty ? t->f16_to_f32 : t->bf16_to_f32)(65536, hs, back);
            for (size_t i = 0; i < 65536; i++)
                if (u_of(back[i]) != u_of(ht->from((uint16_t)i))) {
                    if (!bad[2 + ty]) printf("  %s %s -> f32: 0x%04zx -> 0x%08x, want 0x%08x\n", tname(k), ht->name, i,
                                             u_of(back[i]), u_of(ht->from((uint16_t)i)));
                    bad[2 + ty]++;
                }
        }
        printf("T16 conversions %-10s %llu f32 patterns: to bf16 %llu bad, to f16 %llu bad; from bf16 %llu bad, from f16 %llu bad (65536 each)\n",
               tname(k), (unsigned long long)total, (unsigned long long)bad[0], (unsigned long long)bad[1],
               (unsigned long long)bad[2], (unsigned long long)bad[3]);
        if (bad[0] || bad[1] || bad[2] || bad[3]) failures++;
    }
    /* the public entry points and n = 0 */
    float one = 1.0f, o2;
    uint16_t hb = 0, hf = 0;
    vact_f32_to_bf16(1, &one, &hb);
    vact_f32_to_f16(1, &one, &hf);
    vact_f32_to_bf16(0, NULL, NULL);
    if (hb != 0x3f80 || hf != 0x3c00) failures++;
    vact_f16_to_f32(1, &hf, &o2);
    if (o2 != 1.0f) failures++;
    free(xf); free(back); free(h); free(hs);
    assert_int_equal(failures, 0);
}

/* celu's 16-bit kernels fold 1/alpha into the reduction for alpha in
 * [2^-20, 2^20] and take the accurate f32 kernel outside: both sides of both
 * ends, every input of both types, forward and backward (dy = 1) within
 * 1 ULP and the same bits on every ISA. */
static int test_alpha_edges(const ref_fn *f) {
    static const float al[] = {0x1p-21f, 0x1p-20f, 0x1.000002p-20f, 0x1.fffffep19f, 0x1p20f, 0x1p21f};
    const offs *o = &g_offs[f - ref_fns];
    const size_t n = 65536;
    uint16_t *x = malloc(n * 2), *one = malloc(n * 2), *y = malloc(n * 2), *d = malloc(n * 2);
    uint16_t *sy = malloc(n * 2), *sd = malloc(n * 2);
    int failures = 0;
    for (int ty = 0; ty < 2; ty++) {
        const htype *ht = &g_types[ty];
        for (size_t i = 0; i < n; i++) { x[i] = (uint16_t)i; one[i] = ht->to(1.0f); }
        for (size_t ai = 0; ai < sizeof al / sizeof al[0]; ai++) {
            const float prm[2] = {al[ai], 0};
            const double pd[2] = {al[ai], 0};
            for (int k = 0; k < g_nisa; k++) {
                const vact_table *t = tab(k);
                uint16_t *yy = k ? y : sy, *dd = k ? d : sd;
                call_f(t, o->f[ty], prm, n, x, yy);
                call_b(t, o->b[ty], prm, n, x, one, dd);
                double wf = 0, wb = 0;
                int diff = 0, exact_bad = 0;
                for (size_t i = 0; i < n; i++) {
                    float xf = ht->from(x[i]);
                    if (k && (yy[i] != sy[i] || dd[i] != sd[i])) diff++;
                    if (isnan(xf)) continue;
                    double a = isinf(xf) ? copysign(1e300, xf) : (double)xf;
                    wf = fmax(wf, err_t(ht, ht->from(yy[i]), f->f(a, pd), f->f(a, pd)));
                    wb = fmax(wb, bwd_err(ht, f, pd, xf, 1.0f, ht->from(dd[i]), f->df(a, pd), &exact_bad, 0));
                }
                printf("T16 %s %s alpha %a %s: fwd %.3f bwd %.3f %s\n", f->name, ht->name, (double)al[ai], tname(k), wf,
                       wb, diff ? "DIFFERS" : "");
                if (wf > 1 || wb > 1 || diff || exact_bad) { printf("  FAIL alpha edge\n"); failures++; }
            }
        }
    }
    free(x); free(one); free(y); free(d); free(sy); free(sd);
    return failures;
}

/* From 2M elements the 16-bit forward loops of the cheap kernels stream
 * (non-temporal pair stores after a head that aligns the output:
 * src/kernels/driver.h, VACT_STREAM16), the others store plainly, and the
 * backward runs its prefetching copy of the main loops (VACT_PREFETCH_;
 * relu's integer loop after an aligning head): n = 2^21 + 37 at output
 * offsets 0-3, 13 and 31 elements and in place, every ISA. The forward
 * against the scalar bits of each pattern; the backward (dy all patterns in
 * another order) against the scalar path's bits on the same arrays. */
static int test_big_n(const ref_fn *f) {
    const offs *o = &g_offs[f - ref_fns];
    const size_t np = 65536, n = ((size_t)1 << 21) + 37;
    static const size_t offv[] = {0, 1, 2, 3, 13, 31, (size_t)-1}; /* -1: in place */
    const size_t noff = sizeof offv / sizeof offv[0];
    uint16_t *pat = malloc(np * 2), *lut = malloc(np * 2), *x = malloc(n * 2), *dy = malloc(n * 2),
             *rb = malloc(n * 2), *yb = malloc((n + 32) * 2);
    const float *prm = f->sets[0];
    int failures = 0;
    for (size_t i = 0; i < np; i++) pat[i] = (uint16_t)i;
    for (size_t i = 0; i < n; i++) x[i] = (uint16_t)(i * 40503u), dy[i] = (uint16_t)(i * 25033u + 7);
    for (int ty = 0; ty < 2; ty++) {
        call_f(tab(0), o->f[ty], prm, np, pat, lut);
        call_b(tab(0), o->b[ty], prm, n, x, dy, rb);
        for (int k = 1; k < g_nisa; k++) {
            for (int dir = 0; dir < 2; dir++) {
                for (size_t oi = 0; oi < noff; oi++) {
                    const int inpl = offv[oi] == (size_t)-1;
                    uint16_t *y = inpl ? yb : yb + offv[oi];
                    size_t bad = 0;
                    if (dir == 0) {
                        if (inpl) memcpy(y, x, n * 2);
                        call_f(tab(k), o->f[ty], prm, n, inpl ? y : x, y);
                        for (size_t i = 0; i < n; i++) bad += y[i] != lut[x[i]];
                    } else {
                        if (inpl) memcpy(y, dy, n * 2);
                        call_b(tab(k), o->b[ty], prm, n, x, inpl ? y : dy, y);
                        for (size_t i = 0; i < n; i++) bad += y[i] != rb[i];
                    }
                    if (bad) {
                        printf("  FAIL %s %s %s %s n=%zu %s %zu: %zu results differ\n", f->name, g_types[ty].name,
                               dir ? "bwd" : "fwd", tname(k), n, inpl ? "in place" : "offset", inpl ? 0 : offv[oi], bad);
                        failures++;
                    }
                }
            }
        }
    }
    printf("T16 %s big n=%zu (fwd, bwd; offsets 0-3, 13, 31, in place): %s\n", f->name, n,
           failures ? "FAIL" : "same bits");
    free(pat); free(lut); free(x); free(dy); free(rb); free(yb);
    return failures;
}

/* The piecewise-linear functions (VACT_PWL) return input bits, dy's bits,
 * signed zeros or constants, and their 16-bit variants must be exactly the
 * f32 kernel's result on the widened input, rounded once (NaN: the default
 * NaN, or nan_out's for the forward). relu, relu6, hard_tanh, threshold and
 * hard_shrink (and soft_shrink's backward) compute them on the bits
 * (src/kernels/t16/h16.h), with thresholds compared as order keys found
 * once per call. Every x pattern, forward, and backward against special dy
 * (signed zeros, +-1, subnormals, the largest finite, +-inf, quiet and
 * signaling NaNs of both signs), on every ISA, against the f32 kernel of
 * the scalar table, for the function's parameter sets and all of its
 * g_extra sets (above). The exhaustive test takes dy finite and the sets
 * the double reference covers. */
static int test_bits(const ref_fn *f) {
    const offs *o = &g_offs[f - ref_fns];
    const size_t nx = 65536;
    int failures = 0, nextra;
    const float (*xp)[2] = extra_for(f, 0, &nextra);
    const int nsets = f->nsets + nextra;
    uint16_t *x = malloc(nx * 2), *dy = malloc(nx * 2), *dx = malloc(nx * 2);
    float *xf = malloc(nx * 4), *dyf = malloc(nx * 4), *dxf = malloc(nx * 4);
    for (int ps = 0; ps < nsets; ps++) {
        const float *prm = ps < f->nsets ? f->sets[ps] : xp[ps - f->nsets];
        for (int ty = 0; ty < 2; ty++) {
            const htype *ht = &g_types[ty];
            const uint16_t inf = ty ? 0x7c00 : 0x7f80;
            const uint16_t sp[] = {0x0000, 0x8000, ht->to(1.0f), ht->to(-1.0f), 0x0001, 0x8001, (uint16_t)(inf - 1),
                                   (uint16_t)(0x8000 | (inf - 1)), inf, (uint16_t)(0x8000 | inf), ht->nan,
                                   (uint16_t)(0x8000 | ht->nan), (uint16_t)(inf + 1), (uint16_t)(0x8000 | (inf + 1))};
            for (size_t i = 0; i < nx; i++) {
                x[i] = (uint16_t)i;
                xf[i] = ht->from(x[i]);
            }
            ref_call_fwd(tab(0), f, prm, nx, xf, dxf);
            for (int k = 0; k < g_nisa; k++) {
                call_f(tab(k), o->f[ty], prm, nx, x, dx);
                size_t bad = 0, first = 0;
                for (size_t i = 0; i < nx; i++) {
                    uint16_t want = isnan(dxf[i]) ? (isnan(xf[i]) ? nan_out(ht, f->name, prm[0], x[i]) : ht->nan)
                                                  : ht->to(dxf[i]);
                    if (dx[i] != want && !bad++) first = i;
                }
                if (bad) {
                    printf("  FAIL %s(%g,%g) %s fwd %s: %zu results differ from the f32 kernel's (x 0x%04zx: 0x%04x)\n",
                           f->name, prm[0], prm[1], ht->name, tname(k), bad, first, dx[first]);
                    failures++;
                }
            }
            for (size_t j = 0; j < sizeof sp / sizeof *sp; j++) {
                for (size_t i = 0; i < nx; i++) {
                    dy[i] = sp[j];
                    dyf[i] = ht->from(dy[i]);
                }
                ref_call_bwd(tab(0), f, prm, nx, xf, dyf, dxf);
                for (int k = 0; k < g_nisa; k++) {
                    call_b(tab(k), o->b[ty], prm, nx, x, dy, dx);
                    size_t bad = 0, first = 0;
                    for (size_t i = 0; i < nx; i++) {
                        uint16_t want = isnan(dxf[i]) ? ht->nan : ht->to(dxf[i]);
                        if (dx[i] != want && !bad++) first = i;
                    }
                    if (bad) {
                        printf("  FAIL %s(%g,%g) %s bwd %s dy 0x%04x: %zu results differ from the f32 kernel's (x 0x%04zx: 0x%04x)\n",
                               f->name, prm[0], prm[1], ht->name, tname(k), sp[j], bad, first, dx[first]);
                        failures++;
                    }
                }
            }
        }
    }
    printf("T16 %s fwd and bwd (special dy), every x, %d parameter sets: %s\n", f->name, nsets,
           failures ? "FAIL" : "the f32 kernel's bits");
    free(x); free(dy); free(dx); free(xf); free(dyf); free(dxf);
    return failures;
}

int main(int argc, char **argv) {
    g_nisa = isa_list(g_isas);
    if (vact__table_simde()) g_isas[g_nisa++] = -1;
    if (vact_isa_supported(VACT_ISA_AVX512)) {
        const vact_table *plain = vact__table_avx512_variant(0), *ext = vact__table_avx512_variant(1);
        if (ext) {
            int on = vact__table_for(VACT_ISA_AVX512) == ext;
            g_other512 = on ? plain : ext;
            g_other512_name = on ? "avx512-nobf" : "avx512-bf16";
            g_isas[g_nisa++] = -2;
        } else {
            printf("T16 AVX512-BF16: not on this CPU (the AVX-512 table only)\n");
        }
    }
    if (argc < 2) { printf("usage: test_t16 NAME | conversions [--all]\n"); return 1; }
    struct CMUnitTest t = {argv[1], NULL, NULL, NULL, NULL};
    const ref_fn *f = ref_find(argv[1]);
    if (f) {
        t.test_func = test_ew;
        t.initial_state = (void *)f;
    } else if (!strcmp(argv[1], "softmax") || !strcmp(argv[1], "log_softmax") || !strcmp(argv[1], "glu")) {
        t.test_func = test_rw;
        g_rw = !strcmp(argv[1], "softmax") ? 0 : !strcmp(argv[1], "log_softmax") ? 1 : 2;
    } else if (!strcmp(argv[1], "conversions")) {
        t.test_func = test_conv;
        g_all = argc > 2 && !strcmp(argv[2], "--all");
    } else {
        printf("FAIL no 16-bit function '%s'\n", argv[1]);
        return 1;
    }
    int rc = _cmocka_run_group_tests("t16", &t, 1, NULL, NULL);
    if (f && !strcmp(f->name, "celu") && test_alpha_edges(f)) rc = 1;
    /* the big-array loops: streaming forward, the integer ones (relu;
     * threshold with its per-call key; soft_shrink's backward alone), the
     * per-call cases (leaky_relu); plain forward, an output-sized
     * (exponential, sigmoid) and an accurate kernel (gelu); every backward
     * prefetched, sigmoid's two-stage one among them */
    if (f && (f->flags & VACT_PWL) && test_bits(f)) rc = 1;
    if (f && (!strcmp(f->name, "relu") || !strcmp(f->name, "leaky_relu") || !strcmp(f->name, "exponential") ||
              !strcmp(f->name, "threshold") || !strcmp(f->name, "soft_shrink") ||
              !strcmp(f->name, "sigmoid") || !strcmp(f->name, "gelu")) && test_big_n(f))
        rc = 1;
    if (f)
        printf("T16 MAX %s bf16 fwd %.3f bwd %.3f bwd(dy) %.3f | f16 fwd %.3f bwd %.3f bwd(dy) %.3f\n", f->name,
               g_max[0][0], g_max[0][1], g_max[0][2], g_max[1][0], g_max[1][1], g_max[1][2]);
    return rc;
}
