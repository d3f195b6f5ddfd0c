/* prelu(x; alpha): y = x > 0 ? x : alpha[c]*x. When every alpha is in
 * [-inf, 1] and not 0 (checked once, for calls of >= 8 rows, below 16
 * lanes), max(x, alpha*x) is the same select lane by lane (see f_leaky_relu.h: ties and NaN x give alpha*x)
 * without the compare + blend. Small widths run as one flat loop over the
 * periods of alpha (vact_prelu_flat); others in pairs of rows sharing the
 * alpha loads. */
/* Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_ROWWISE_PRELU_H
#define VACT_ROWWISE_PRELU_H
#include <stddef.h>
#include "../driver.h" /* VACT_FLATTEN */
#include "row.h"

/* mx: 1 the max form, 0 the select, 2 the select with x = -inf taken to
 * -FLT_MAX in lanes whose alpha is +-0 (some alpha is: the limit -alpha,
 * not 0 * -inf = NaN; a NaN x stays NaN through the vmax) */
static inline V vact_prelu1(V a, V al, int mx) {
    if (mx == 2) a = vsel(veq(al, vzero()), vmax(vset1(-0x1.fffffep127f), a), a);
    V ax = vmul(al, a);
    return mx == 1 ? vmax(a, ax) : vsel(vgt(a, vzero()), a, ax);
}
VACT_FLATTEN static inline void vact_prelu_rows(size_t rows, size_t channels, const float *x,
                                                const float *alpha, float *y, int mx) {
    size_t r = 0;
    for (; r + 2 <= rows; r += 2) {
        const float *x0 = x + r * channels, *x1 = x0 + channels;
        float *y0 = y + r * channels, *y1 = y0 + channels;
        size_t c = 0;
        for (; c + 2 * VACT_W <= channels; c += 2 * VACT_W) {
            V al0 = vload(alpha + c), al1 = vload(alpha + c + VACT_W);
            V a = vact_prelu1(vload(x0 + c), al0, mx), b = vact_prelu1(vload(x0 + c + VACT_W), al1, mx);
            V d = vact_prelu1(vload(x1 + c), al0, mx), e = vact_prelu1(vload(x1 + c + VACT_W), al1, mx);
            vstore(y0 + c, a);
            vstore(y0 + c + VACT_W, b);
            vstore(y1 + c, d);
            vstore(y1 + c + VACT_W, e);
        }
        for (; c < channels; c += VACT_W) {
            size_t k = channels - c < VACT_W ? channels - c : VACT_W;
            V al = vload_n(alpha + c, k);
            V a = vact_prelu1(vload_n(x0 + c, k), al, mx), d = vact_prelu1(vload_n(x1 + c, k), al, mx);
            vstore_n(y0 + c, a, k);
            vstore_n(y1 + c, d, k);
        }
    }
    for (; r < rows; r++) {
        const float *xr = x + r * channels;
        float *yr = y + r * channels;
        size_t c = 0;
        for (; c + 2 * VACT_W <= channels; c += 2 * VACT_W) {
            V a = vact_prelu1(vload(xr + c), vload(alpha + c), mx);
            V b = vact_prelu1(vload(xr + c + VACT_W), vload(alpha + c + VACT_W), mx);
            vstore(yr + c, a);
            vstore(yr + c + VACT_W, b);
        }
        for (; c < channels; c += VACT_W) {
            size_t k = channels - c < VACT_W ? channels - c : VACT_W;
            vstore_n(yr + c, vact_prelu1(vload_n(xr + c, k), vload_n(alpha + c, k), mx), k);
        }
    }
}
/* vact_prelu1's mode from one pass over alpha: 2 when some alpha is +-0,
 * else 1 when every alpha is in [-inf, 1] (NaN fails) and mx_wanted, else 0 */
static inline int vact_prelu_mode(size_t channels, const float *alpha, int mx_wanted) {
    const V one = vset1(1.0f);
    M zero = vlt(one, one), above = zero;
    size_t c = 0;
    for (; c + VACT_W <= channels; c += VACT_W) {
        V a = vload(alpha + c);
        zero = mor(zero, veq(a, vzero()));
        above = mor(above, mnot(vle(a, one)));
    }
    int z = many(zero), ab = many(above);
    for (; c < channels; c++) {
        z |= alpha[c] == 0.0f;
        ab |= !(alpha[c] <= 1.0f);
    }
    return z ? 2 : mx_wanted && !ab;
}
/* Rows are one flat array of n = rows * channels elements, and alpha has a
 * period: L = a multiple of lcm(channels, 2 VACT_W), >= 8 VACT_W floats,
 * alpha repeated L / channels times into an aligned buffer, so the alpha of
 * flat element i is buf[i mod L] and a loop over whole periods loads it in
 * step with x (a single channel, odd widths and small widths run at full
 * vectors, alpha loads aligned). Taken when L fits the buffer and the copy
 * is at most half of the work; each element's result is the same formula
 * as in the row loops. */
#define VACT_PRELU_LMAX 2048
/* lcm(a, b) for a, b >= 1 (gcd by Euclid) */
static inline size_t vact_lcm(size_t a, size_t b) {
    size_t g = a, h = b;
    while (h) {
        size_t t = g % h;
        g = h;
        h = t;
    }
    return a / g * b;
}
static inline size_t vact_prelu_period(size_t channels) {
    size_t L = vact_lcm(channels, 2 * VACT_W);
    while (L < 8 * VACT_W) L *= 2; /* >= 4 iterations per period */
    return L;
}
VACT_FLATTEN static inline void vact_prelu_flat(size_t n, size_t channels, size_t L, const float *x,
                                                const float *alpha, float *y, int mx) {
    _Alignas(64) float buf[VACT_PRELU_LMAX];
    for (size_t c = 0; c < channels; c++) buf[c] = alpha[c];
    for (size_t len = channels; len < L;) { /* doubling copies of whole vectors */
        size_t m = len <= L - len ? len : L - len;
        for (size_t k = 0; k < m; k += VACT_W)
            vstore_n(buf + len + k, vload_n(buf + k, m - k < VACT_W ? m - k : VACT_W), m - k < VACT_W ? m - k : VACT_W);
        len += m;
    }
    size_t i = 0;
    for (; i + L <= n; i += L)
        for (size_t j = 0; j < L; j += 2 * VACT_W) {
            V a = vact_prelu1(vload(x + i + j), vload(buf + j), mx);
            V b = vact_prelu1(vload(x + i + j + VACT_W), vload(buf + j + VACT_W), mx);
            vstore(y + i + j, a);
            vstore(y + i + j + VACT_W, b);
        }
    for (size_t j = 0; i < n; i += VACT_W, j += VACT_W) {
        size_t k = n - i < VACT_W ? n - i : VACT_W;
        vstore_n(y + i, vact_prelu1(vload_n(x + i, k), vload(buf + j), mx), k);
    }
}
static void KFN(prelu)(size_t rows, size_t channels, const float *x, const float *alpha, float *y) {
    /* The max form not on 16 lanes: there GCC folds the loads into the max
     * form's ops and re-loads x and alpha per use; the select form is kept. */
    int mx = vact_prelu_mode(channels, alpha, VACT_W < 16 && rows >= 8);
    size_t L = channels && channels <= VACT_PRELU_LMAX ? vact_prelu_period(channels) : 0;
    if (L && L <= VACT_PRELU_LMAX && 2 * L <= rows * channels)
        vact_prelu_flat(rows * channels, channels, L, x, alpha, y, mx);
    else
        vact_prelu_rows(rows, channels, x, alpha, y, mx);
}

/* dx = dy*(x > 0 ? 1 : alpha[c]) (NaN x -> NaN). dalpha[c] = sum over rows,
 * in row order, of dy*x where x < 0, compensated: the product's error by
 * FMA and each addition's by 2Sum go to a second accumulator. Channels in
 * blocks of 32 held in registers; every channel's sequence is the same on
 * every ISA. Below 32 channels, sums over virtual channels folded in order
 * (see KFN(prelu_bwd)). */
#define VACT_PRELU_NB (32 / VACT_W)
/* one vector of one row: returns dx, adds dy*x (x < 0) to hi + lo */
static inline V vact_prelu_b1(V a, V g, V al, V *hi, V *lo) {
    V d = vsel(vgt(a, vzero()), g, vmul(g, al));
    M neg = vlt(a, vzero());
    V pr = vmul(g, a);
    V pe = vsel(neg, vfms(g, a, pr), vzero()); /* the product's rounding error */
    pr = vsel(neg, pr, vzero());
    V s = vadd(*hi, pr);                        /* 2Sum */
    V bb = vsub(s, *hi);
    V e = vadd(vsub(*hi, vsub(s, bb)), vsub(pr, bb));
    *hi = s;
    *lo = vadd(*lo, vadd(e, pe));
    return vsel(visnan(a), a, d);
}
/* rows x channels plus a last partial row of `extra` (< channels)
 * elements, each channel's dalpha summed over its rows in row order */
static void vact_prelu_bwd_mat(size_t rows, size_t channels, size_t extra, const float *x, const float *alpha,
                               const float *dy, float *dx, float *dalpha) {
    const V inf = vset1(VACT_RW_INF);
    for (size_t c0 = 0; c0 < channels; c0 += 32) {
        V hi[VACT_PRELU_NB], lo[VACT_PRELU_NB], al[VACT_PRELU_NB];
        size_t kq[VACT_PRELU_NB], ke[VACT_PRELU_NB];
        for (int q = 0; q < VACT_PRELU_NB; q++) {
            size_t c = c0 + (size_t)q * VACT_W;
            kq[q] = c >= channels ? 0 : (channels - c < VACT_W ? channels - c : VACT_W);
            ke[q] = c >= extra ? 0 : (extra - c < VACT_W ? extra - c : VACT_W);
            hi[q] = lo[q] = vzero();
            al[q] = vload_n(alpha + c, kq[q]);
        }
        if (c0 + 32 <= channels) { /* a full block: plain loads */
            for (size_t r = 0; r < rows; r++)
                for (int q = 0; q < VACT_PRELU_NB; q++) {
                    size_t off = r * channels + c0 + (size_t)q * VACT_W;
                    vstore(dx + off, vact_prelu_b1(vload(x + off), vload(dy + off), al[q], &hi[q], &lo[q]));
                }
        } else {
            for (size_t r = 0; r < rows; r++)
                for (int q = 0; q < VACT_PRELU_NB; q++) {
                    if (!kq[q]) break;
                    size_t off = r * channels + c0 + (size_t)q * VACT_W;
                    V d = vact_prelu_b1(vload_n(x + off, kq[q]), vload_n(dy + off, kq[q]), al[q], &hi[q], &lo[q]);
                    vstore_n(dx + off, d, kq[q]);
                }
        }
        for (int q = 0; q < VACT_PRELU_NB; q++) { /* the partial row: zero-filled lanes add 0 */
            if (!ke[q]) break;
            size_t off = rows * channels + c0 + (size_t)q * VACT_W;
            V d = vact_prelu_b1(vload_n(x + off, ke[q]), vload_n(dy + off, ke[q]), al[q], &hi[q], &lo[q]);
            vstore_n(dx + off, d, ke[q]);
        }
        for (int q = 0; q < VACT_PRELU_NB; q++) {
            if (!kq[q]) break;
            V t = vsel(vlt(vabs(hi[q]), inf), vadd(hi[q], lo[q]), hi[q]);
            vstore_n(dalpha + c0 + (size_t)q * VACT_W, t, kq[q]);
        }
    }
}
/* Fewer than 32 channels would leave most lanes of a block idle: the rows
 * are read as one flat array of L = lcm(channels, 32) virtual channels (the
 * same L on every ISA), virtual channel v having alpha[v mod channels]; the
 * L / channels virtual sums of each channel are then added in order of v,
 * compensated (2Sum), in plain scalar code. */
#define VACT_PRELU_VMAX 992 /* lcm(31, 32) */
static void KFN(prelu_bwd)(size_t rows, size_t channels, const float *x, const float *alpha,
                           const float *dy, float *dx, float *dalpha) {
    size_t n = rows * channels, L = channels > 0 && channels < 32 ? vact_lcm(channels, 32) : 0;
    if (!L || n < 2 * L) {
        vact_prelu_bwd_mat(rows, channels, 0, x, alpha, dy, dx, dalpha);
        return;
    }
    float abuf[VACT_PRELU_VMAX], tbuf[VACT_PRELU_VMAX];
    for (size_t k = 0; k < L; k += channels)
        for (size_t c = 0; c < channels; c++) abuf[k + c] = alpha[c];
    vact_prelu_bwd_mat(n / L, L, n % L, x, abuf, dy, dx, tbuf);
    for (size_t c = 0; c < channels; c++) {
        float s = 0.0f, e = 0.0f;
        for (size_t v = c; v < L; v += channels) {
            float t = s + tbuf[v], bb = t - s;
            e += (s - (t - bb)) + (tbuf[v] - bb);
            s = t;
        }
        dalpha[c] = s - s == 0.0f ? s + e : s; /* +-inf or NaN: the plain sum */
    }
}

#endif
