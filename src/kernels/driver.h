/* Loop drivers: turn k_NAME / kb_NAME into full-array kernels (masked tail
 * through the same code path) and build the ISA's function table. */
#ifndef VACT_DRIVER_H
#define VACT_DRIVER_H

/* Inline the whole algorithm (and the vocabulary) into each loop. */
#define VACT_FLATTEN __attribute__((flatten))

#define VACT_DEF_UNARY(name)                                                            \
    VACT_FLATTEN static void KFN(name)(size_t n, const float *x, float *y, const vact_params *pp) { \
        const vact_params p = *pp;                                                      \
        size_t i = 0;                                                                   \
        for (; i + 2 * VACT_W <= n; i += 2 * VACT_W) {                                  \
            V a = vload(x + i), b = vload(x + i + VACT_W);                              \
            a = k_##name(a, &p);                                                        \
            b = k_##name(b, &p);                                                        \
            vstore(y + i, a);                                                           \
            vstore(y + i + VACT_W, b);                                                  \
        }                                                                               \
        for (; i < n; i += VACT_W) {                                                    \
            size_t k = n - i < VACT_W ? n - i : VACT_W;                                 \
            vstore_n(y + i, k_##name(vload_n(x + i, k), &p), k);                        \
        }                                                                               \
    }                                                                                   \
    VACT_FLATTEN static void KFN(name##_bwd)(size_t n, const float *x, const float *dy, float *dx, \
                                const vact_params *pp) {                                \
        const vact_params p = *pp;                                                      \
        size_t i = 0;                                                                   \
        for (; i + 2 * VACT_W <= n; i += 2 * VACT_W) {                                  \
            V a = vload(x + i), b = vload(x + i + VACT_W);                              \
            V da = vload(dy + i), db = vload(dy + i + VACT_W);                          \
            a = kb_##name(a, da, &p);                                                   \
            b = kb_##name(b, db, &p);                                                   \
            vstore(dx + i, a);                                                          \
            vstore(dx + i + VACT_W, b);                                                 \
        }                                                                               \
        for (; i < n; i += VACT_W) {                                                    \
            size_t k = n - i < VACT_W ? n - i : VACT_W;                                 \
            vstore_n(dx + i, kb_##name(vload_n(x + i, k), vload_n(dy + i, k), &p), k);  \
        }                                                                               \
    }

/* ---- 16-lane logical vectors for fixed-order reductions ---------------- */
#define VACT_R (16 / VACT_W)
typedef struct { V v[VACT_R]; } V16;

/* the first k (0..16) of p, zero-filled */
static inline V16 v16_load_n(const float *p, size_t k) {
    V16 r;
    for (int j = 0; j < VACT_R; j++) {
        size_t lo = (size_t)j * VACT_W;
        size_t kk = k <= lo ? 0 : (k - lo < VACT_W ? k - lo : VACT_W);
        r.v[j] = vload_n(p + lo, kk);
    }
    return r;
}
static inline void v16_store_n(float *p, V16 a, size_t k) {
    for (int j = 0; j < VACT_R; j++) {
        size_t lo = (size_t)j * VACT_W;
        size_t kk = k <= lo ? 0 : (k - lo < VACT_W ? k - lo : VACT_W);
        vstore_n(p + lo, a.v[j], kk);
    }
}
static inline V16 v16_set1(float f) {
    V16 r;
    for (int j = 0; j < VACT_R; j++) r.v[j] = vset1(f);
    return r;
}
/* lanes k..15 of a replaced by f (k in 0..16) */
static inline V16 v16_pad(V16 a, size_t k, float f) {
    float t[16];
    v16_store_n(t, a, 16);
    for (size_t i = k; i < 16; i++) t[i] = f;
    return v16_load_n(t, 16);
}
/* Sum of the 16 lanes in a fixed tree: t[i] += t[i+8], then +4, +2, +1. */
static inline float v16_hsum(V16 a) {
    float t[16];
    v16_store_n(t, a, 16);
    for (int w = 8; w >= 1; w /= 2)
        for (int i = 0; i < w; i++) t[i] = t[i] + t[i + w];
    return t[0];
}
/* Max of the 16 lanes scanned in lane order, m = t[i] > m ? t[i] : m from
 * m = t[0]: a NaN in lanes 1..15 is ignored, but a NaN in lane 0 is the
 * result; among equal values (+0 and -0) the lowest lane wins. Plain
 * scalar code, so the same on every ISA. */
static inline float v16_hmax(V16 a) {
    float t[16];
    v16_store_n(t, a, 16);
    float m = t[0];
    for (int i = 1; i < 16; i++) m = t[i] > m ? t[i] : m;
    return m;
}

#endif
