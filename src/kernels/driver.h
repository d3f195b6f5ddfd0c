/* Loop drivers: turn k_NAME / kb_NAME into full-array kernels (masked tail
 * through the same code path); V16, the 16-lane logical vectors of the
 * fixed-order reductions.
 * Precondition: the ISA's vocab.h is included first (src/<isa>/kernels.c). */
#ifndef VACT_DRIVER_H
#define VACT_DRIVER_H
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Inline the whole algorithm (and the vocabulary) into each loop. */
#define VACT_FLATTEN __attribute__((flatten))

/* Large arrays (n >= VACT_NT_MIN elements, 4 MiB per array) on ISAs with
 * non-temporal stores (VACT_NT): the output goes around the caches, so DRAM
 * sees no read-for-ownership of y (8 instead of 12 bytes per element forward).
 * y is first brought to a vector boundary by one masked partial vector (the
 * same kernel: every element's result is the same as on the plain path). */
#define VACT_NT_MIN ((size_t)1 << 20)
/* elements before p reaches a VACT_W * 4 byte boundary (p 4-byte aligned) */
static inline size_t vact_nt_head(const float *p) {
    const size_t a = VACT_W * sizeof(float);
    return ((a - ((uintptr_t)p & (a - 1))) & (a - 1)) / sizeof(float);
}
static inline int vact_nt_ok(size_t n, const float *p) {
    return VACT_NT && n >= VACT_NT_MIN && ((uintptr_t)p & (sizeof(float) - 1)) == 0;
}

/* Software prefetch in the backward loops (two input streams): each
 * iteration asks for the lines VACT_PF bytes past the ones it loads, one
 * prefetch per 64-byte line of x and of dy (a hint: no fault past the end,
 * no value changes), where on (a constant) is set: in the loops for large
 * arrays only, the f32 backward's non-temporal loop (from VACT_NT_MIN
 * elements) and a copy of the 16-bit backward's main loops (from 2
 * VACT_NT_MIN, as the 16-bit streaming); the loops for smaller arrays are
 * the same code as without it. VACT_PF comes from the
 * ISA's vocab.h (0, none: scalar, NEON, where it was not measured).
 * Measured on 2026-12-06 (vact_bench 16M vact_pair rows, the old and new
 * library alternated, 3 rounds, bf16): the 16-bit backward's ratio to f32
 * 1.44-1.87x -> 1.64-2.20x (exponential, hard_swish, leaky_relu, relu,
 * sigmoid on both ISAs; AVX-512 relu 1.76x -> 1.69x and AVX2 sigmoid 1.66x
 * -> 1.64x the two that fell), while the f32 backward itself became
 * 1.07-1.34x faster (one round); the 16-bit forward (one input stream)
 * gained nothing, so it has none. */
#ifndef VACT_PF
#define VACT_PF 0
#endif
#define VACT_PREFETCH_(on, ptr, bytes)                                                  \
    do {                                                                                \
        if (VACT_PF && (on))                                                            \
            for (size_t o_ = 0; o_ < (size_t)(bytes); o_ += 64)                         \
                __builtin_prefetch((const void *)((uintptr_t)(ptr) + VACT_PF + o_));    \
    } while (0)

/* Forward main-loop unroll: 2 vectors, or VACT_UNROLL_name's (written
 * `#define VACT_UNROLL_relu6 ~, 4` in f_relu6.h) for kernels of a few ops,
 * where two loads + two stores per iteration leave the FP ports idle. The
 * remainder (< unroll vectors) goes through the masked tail loop. */
#define VACT_SECOND_(a, b, ...) b
#define VACT_SECOND(...) VACT_SECOND_(__VA_ARGS__)
#define VACT_UNROLL(name) VACT_SECOND(VACT_UNROLL_##name, 2, ~)

#define VACT_UNARY_LOOP(K, U, STORE)                                                    \
    for (; i + (U) * VACT_W <= n; i += (U) * VACT_W) {                                  \
        V v[U];                                                                         \
        for (int j = 0; j < (U); j++) v[j] = vload(x + i + (size_t)j * VACT_W);         \
        for (int j = 0; j < (U); j++) v[j] = K(v[j], &p);                               \
        for (int j = 0; j < (U); j++) STORE(y + i + (size_t)j * VACT_W, v[j]);          \
    }
/* The software-pipelined forward main loop of a kernel written in two stages
 * (`#define VACT_STAGES_gelu ~, 1` in f_gelu.h, with its state type
 * vact_gelu_s, k1_gelu: x -> state and k2_gelu: state -> y, and k_gelu(x) =
 * k2_gelu(k1_gelu(x), p); in the fast tier VACT_STAGES_FAST_NAME, with
 * vact_NAME_fs, kf1_NAME, kf2_NAME and kf_NAME): each iteration runs stage 1
 * of the next U vectors next to stage 2 of the current U, so that a kernel
 * bound by its long chain of dependent ops finds independent work in the
 * scheduler's window. Every element goes through the same ops as k_NAME's
 * (the same bits); the loads of the next vectors come before the stores of
 * the current ones, which is safe in place (y == x). Leaves fewer than U
 * vectors to the loops below. Measured on the Zen 5 target (2026-12-06):
 * +4% to +21% for gelu, exponential, elu, selu and silu and the fast gelu
 * and tanh; no gain for kernels bound by a division (tanh) or by their op
 * count (the fast elu, the bf16 gelu backward). The 16-bit loops do the
 * same (VACT_FWD16_LOOPS, VACT_BWD16_LOOP_S): at n = 4096 +9% to +13% for
 * the sigmoid and tanh backward on AVX2, +4% to +9% for the bf16 forward
 * of sigmoid, tanh, elu, silu and exponential (vact_bench, the two
 * libraries alternated, 2026-12-06). Not kept: the exponential backward in
 * two stages (AVX2 -24%: its state spills), softplus' and log_sigmoid'
 * (+-5%). */
#define VACT_STAGES(name) VACT_SECOND(VACT_STAGES_##name, 0, ~)
/* a stage-1 kernel K1 that is a shared helper F (x -> its state type T0),
 * with the kernel's state type S as T0 */
#define VACT_STAGE1_OF(K1, S, T0, F)                                                    \
    typedef T0 S;                                                                       \
    static inline S K1(V x, const vact_params *p) {                                     \
        (void)p;                                                                        \
        return F(x);                                                                    \
    }
#define VACT_UNARY_LOOP_P0(K1, K2, S, U, STORE)
#define VACT_UNARY_LOOP_P1(K1, K2, S, U, STORE)                                         \
    if (i + 2 * (U) * VACT_W <= n) {                                                    \
        S s[U], t[U];                                                                   \
        for (int j = 0; j < (U); j++) s[j] = K1(vload(x + i + (size_t)j * VACT_W), &p); \
        for (; i + 2 * (U) * VACT_W <= n; i += (U) * VACT_W) {                          \
            for (int j = 0; j < (U); j++) t[j] = K1(vload(x + i + (size_t)((U) + j) * VACT_W), &p); \
            for (int j = 0; j < (U); j++) STORE(y + i + (size_t)j * VACT_W, K2(s[j], &p)); \
            for (int j = 0; j < (U); j++) s[j] = t[j];                                  \
        }                                                                               \
        for (int j = 0; j < (U); j++) STORE(y + i + (size_t)j * VACT_W, K2(s[j], &p));  \
        i += (U) * VACT_W;                                                              \
    }
#define VACT_UNARY_LOOP_PIPE(P, K1, K2, S, U, STORE) VACT_CAT(VACT_UNARY_LOOP_P, P)(K1, K2, S, U, STORE)

/* PF: x and dy prefetched ahead (VACT_PREFETCH_: the large arrays' loop) */
#define VACT_UNARY_BWD_LOOP(KB, STORE, PF)                                              \
    for (; i + 2 * VACT_W <= n; i += 2 * VACT_W) {                                      \
        VACT_PREFETCH_(PF, x + i, 8 * VACT_W);                                          \
        VACT_PREFETCH_(PF, dy + i, 8 * VACT_W);                                         \
        V a = vload(x + i), b = vload(x + i + VACT_W);                                  \
        V da = vload(dy + i), db = vload(dy + i + VACT_W);                              \
        a = KB(a, da, &p);                                                              \
        b = KB(b, db, &p);                                                              \
        STORE(dx + i, a);                                                               \
        STORE(dx + i + VACT_W, b);                                                      \
    }

/* A function equal to another one at a unit parameter says so in its
 * f_NAME.h (`#define VACT_UNIT_swish ~, 1` and `#define VACT_UNIT_TO_swish
 * silu`, the other one earlier in the list): each of its loops (f32 of both
 * tiers, bf16, f16; forward and backward) hands a call whose first
 * parameter is 1 to the other's loop of the same kind (KFN(other##SFX)), so
 * every caller of the table (the public functions, the expressions) gets the
 * other's kernels there. The choice depends on the parameter only: the same
 * bits on every ISA. */
#define VACT_KFN_X(fname) KFN(fname)
#define VACT_UNIT_GO(name, SFX, args)                                                   \
    VACT_CAT(VACT_UNIT_GO_, VACT_SECOND(VACT_UNIT_##name, 0, ~))(name, SFX, args)
#define VACT_UNIT_GO_0(name, SFX, args)
#define VACT_UNIT_GO_1(name, SFX, args)                                                 \
    if (pp->a == 1.0f) {                                                                \
        VACT_KFN_X(VACT_CAT(VACT_UNIT_TO_##name, SFX)) args;                            \
        return;                                                                         \
    }

/* The full-array forward KFN(name##SFX) and backward KFN(name##SFX##_bwd) of
 * the vector kernels K (forward) and KB (backward), forward unroll U (SFX
 * empty, or _fast for the fast tier). */
#define VACT_DEF_UNARY_K(name, SFX, K, KB, U, P, K1, K2, S)                            \
    VACT_FLATTEN static void KFN(name##SFX)(size_t n, const float *x, float *y, const vact_params *pp) { \
        VACT_UNIT_GO(name, SFX, (n, x, y, pp))                                          \
        const vact_params p = *pp;                                                      \
        size_t i = 0;                                                                   \
        if (vact_nt_ok(n, y)) {                                                         \
            size_t h = vact_nt_head(y);                                                 \
            if (h) vstore_n(y, K(vload_n(x, h), &p), h);                                \
            i = h;                                                                      \
            VACT_UNARY_LOOP_PIPE(P, K1, K2, S, U, vstore_nt)                            \
            VACT_UNARY_LOOP(K, U, vstore_nt)                                            \
            vact_nt_fence();                                                            \
        }                                                                               \
        VACT_UNARY_LOOP_PIPE(P, K1, K2, S, U, vstore)                                   \
        VACT_UNARY_LOOP(K, U, vstore)                                                   \
        for (; i < n; i += VACT_W) {                                                    \
            size_t k = n - i < VACT_W ? n - i : VACT_W;                                 \
            vstore_n(y + i, K(vload_n(x + i, k), &p), k);                               \
        }                                                                               \
    }                                                                                   \
    VACT_FLATTEN static void KFN(name##SFX##_bwd)(size_t n, const float *x, const float *dy, float *dx, \
                                const vact_params *pp) {                                \
        VACT_UNIT_GO(name, SFX##_bwd, (n, x, dy, dx, pp))                               \
        const vact_params p = *pp;                                                      \
        size_t i = 0;                                                                   \
        if (vact_nt_ok(n, dx)) {                                                        \
            size_t h = vact_nt_head(dx);                                                \
            if (h) vstore_n(dx, KB(vload_n(x, h), vload_n(dy, h), &p), h);              \
            i = h;                                                                      \
            VACT_UNARY_BWD_LOOP(KB, vstore_nt, 1)                                       \
            vact_nt_fence();                                                            \
        }                                                                               \
        VACT_UNARY_BWD_LOOP(KB, vstore, 0)                                              \
        for (; i < n; i += VACT_W) {                                                    \
            size_t k = n - i < VACT_W ? n - i : VACT_W;                                 \
            vstore_n(dx + i, KB(vload_n(x + i, k), vload_n(dy + i, k), &p), k);         \
        }                                                                               \
    }
/* the accurate tier: k_NAME / kb_NAME (software-pipelined where VACT_STAGES) */
#define VACT_DEF_UNARY(name)                                                            \
    VACT_DEF_UNARY_K(name, , k_##name, kb_##name, VACT_UNROLL(name), VACT_STAGES(name), k1_##name, \
                     k2_##name, vact_##name##_s)

/* ---- the fast tier ------------------------------------------------------
 * A function of the fast tier (VACT_TF in the list) has its own kernels when
 * src/kernels/fast/ defines VACT_FAST_NAME (`#define VACT_FAST_sigmoid ~, 1`)
 * with kf_NAME / kfb_NAME: then KFN(NAME_fast) / KFN(NAME_fast_bwd) are built
 * from them (unroll VACT_UNROLL_FAST_NAME, default 2; software-pipelined
 * where VACT_STAGES_FAST_NAME, above). Otherwise the fast
 * tier's table entries are the accurate kernels (they meet its bounds). */
#define VACT_IF_(c, ...) VACT_CAT(VACT_IF_T16_, c)(__VA_ARGS__)
#define VACT_HAS_FAST(name) VACT_SECOND(VACT_FAST_##name, 0, ~)
#define VACT_UNROLL_FAST(name) VACT_SECOND(VACT_UNROLL_FAST_##name, 2, ~)
#define VACT_STAGES_FAST(name) VACT_SECOND(VACT_STAGES_FAST_##name, 0, ~)
#define VACT_DEF_UNARY_FAST(name)                                                       \
    VACT_IF_(VACT_HAS_FAST(name),                                                       \
             VACT_DEF_UNARY_K(name, _fast, kf_##name, kfb_##name, VACT_UNROLL_FAST(name), \
                              VACT_STAGES_FAST(name), kf1_##name, kf2_##name, vact_##name##_fs))
/* the fast tier's table entry: f when NAME has its own fast kernels, else a */
#define VACT_FAST_PICK(name, f, a) VACT_CAT(VACT_FAST_PICK_, VACT_HAS_FAST(name))(f, a)
#define VACT_FAST_PICK_1(f, a) f
#define VACT_FAST_PICK_0(f, a) a

/* ---- bf16 and f16 ------------------------------------------------------
 * An f32 kernel between the vocabulary's 16-bit loads (exact) and stores
 * (rounded once to nearest even): the output-sized k16_NAME / kb16_NAME of
 * src/kernels/t16/ where they exist, else the accurate k_NAME / kb_NAME;
 * the same bits on every ISA because every such kernel is written on the
 * vocabulary with IEEE operations only. A NaN result is stored as
 * the default NaN (bf16 0x7fc0, f16 0x7e00), so that NaN bits agree too.
 * T is bf16 or f16; the loops store the kernel's raw result through
 * vstore_Tx2_nd (two vectors at once, in vload_Tx2's lane order, the ISA's,
 * src/common/vocab_half.h) and vstore_T_nd_n (the tail), which make any NaN
 * the default one: below, as vact_nan_default + the vocabulary's _dn store
 * (the store for a value whose only NaN is the default one; with
 * VACT_UNORD only on a branch taken when a lane is NaN), unless the
 * vocabulary has its own (VACT_BF16X2_ND: src/avx512/kernels_bf16.c
 * (AVX512-BF16) checks for NaN and subnormal lanes and converts by
 * vcvtne2ps2bf16 where there are none). */
/* ISAs with a one-op unordered compare of two vectors (VACT_UNORD,
 * vact_unord: AVX2, AVX-512) test a pair for NaN lanes and take the blends
 * only on a branch taken when there is one; the others blend every vector.
 * The same bits either way. */
#ifdef VACT_UNORD
#define VACT_ND2_(T, p, a, b, nt)                                                       \
    do {                                                                                \
        if (__builtin_expect(!many(vact_unord(a, b)), 1)) vstore_##T##x2_dn(p, a, b, nt); \
        else vstore_##T##x2_dn(p, vact_nan_default(a), vact_nan_default(b), nt);       \
    } while (0)
#else
#define VACT_ND2_(T, p, a, b, nt) vstore_##T##x2_dn(p, vact_nan_default(a), vact_nan_default(b), nt)
#endif
#ifndef VACT_BF16X2_ND
static inline void vstore_bf16x2_nd(uint16_t *p, V a, V b, int nt) { VACT_ND2_(bf16, p, a, b, nt); }
#endif
static inline void vstore_f16x2_nd(uint16_t *p, V a, V b, int nt) { VACT_ND2_(f16, p, a, b, nt); }
static inline void vstore_bf16_nd_n(uint16_t *p, V v, size_t k) { vstore_bf16_dn_n(p, vact_nan_default(v), k); }
static inline void vstore_f16_nd_n(uint16_t *p, V v, size_t k) { vstore_f16_dn_n(p, vact_nan_default(v), k); }
/* The forward kernel of the 16-bit variants: k16_NAME where
 * src/kernels/t16/k16.h defines VACT_K16_NAME (an output-sized kernel), else
 * the accurate f32 kernel k_NAME. */
#define VACT_K16(name) VACT_SECOND(VACT_K16_##name, k_##name, ~)
/* ... and of type T (bf16, f16): k16_T_NAME where src/kernels/t16/ defines
 * VACT_K16_T_NAME (a kernel sized to that type alone: bf16's elu), else
 * VACT_K16(name). A staged kernel (VACT_STAGES16) takes its type's stages
 * the same way: k16s1_T_NAME / k16s2_T_NAME where VACT_K16S1_T_NAME /
 * VACT_K16S2_T_NAME are defined (the state type stays vact_NAME_16s). */
#define VACT_K16T(name, T) VACT_SECOND(VACT_K16_##T##_##name, VACT_K16(name), ~)
/* The backward kernel of the 16-bit variants: kb16_NAME where
 * src/kernels/t16/ defines VACT_KB16_NAME, else the accurate kb_NAME. */
#define VACT_KB16(name) VACT_SECOND(VACT_KB16_##name, kb_##name, ~)
/* ... and of type T (bf16, f16): kb16_T_NAME where src/kernels/t16/ defines
 * VACT_KB16_T_NAME (a kernel sized to that type alone: bf16's gelu and
 * gelu_tanh, src/kernels/t16/k16_pw.h), else VACT_KB16(name). */
#define VACT_KB16T(name, T) VACT_SECOND(VACT_KB16_##T##_##name, VACT_KB16(name), ~)
/* ---- piecewise-linear functions on the 16-bit bits ---------------------
 * A function whose bf16 / f16 results are its input bits or constants
 * (relu) can skip the conversions: where src/kernels/t16/h16.h defines
 * VACT_H16_NAME (`~, h16_NAME`), the forward loops run h16_NAME(VH x,
 * vact_h16t t, &p) on the vocabulary's 16-bit integer lanes (VH, VACT_WH
 * lanes: vh_*), t the type's +inf and default NaN bits; it returns exactly
 * the bits of the f32 kernel's result rounded by the _nd store (the
 * exhaustive tests/test_t16.c compares every input across ISAs). */
typedef struct {
    uint16_t inf, dn; /* the type's +inf and default NaN */
    uint16_t k, b;    /* per call, from h16prep_NAME: a threshold's key, a value's bits */
} vact_h16t;
#define VACT_H16T_bf16 {0x7f80, 0x7fc0, 0, 0}
#define VACT_H16T_f16 {0x7c00, 0x7e00, 0, 0}
static inline VH vact_h16_none(VH x, vact_h16t t, const vact_params *p) { (void)t; (void)p; return x; }
/* r, with the default NaN where x is NaN: ax = |x|'s bits above the
 * infinity's (vact_h16_nanax, for callers that have ax), or from x itself */
static inline VH vact_h16_nanax(VH ax, VH r, vact_h16t t) {
    return vh_sel(vh_gt_s(ax, vh_set1(t.inf)), vh_set1(t.dn), r);
}
static inline VH vact_h16_nan(VH x, VH r, vact_h16t t) { return vact_h16_nanax(vh_and(x, vh_set1(0x7fff)), r, t); }
/* every NaN of the m stored 16-bit values at y made the default NaN */
static inline void vact_h16_fix(uint16_t *y, size_t m, vact_h16t t) {
    size_t j = 0;
    for (; j + VACT_WH <= m; j += VACT_WH) {
        VH v = vh_load(y + j);
        vh_store(y + j, vact_h16_nan(v, v, t));
    }
    if (j < m) {
        VH v = vh_load_n(y + j, m - j);
        vh_store_n(y + j, vact_h16_nan(v, v, t), m - j);
    }
}
#define VACT_H16(name) VACT_SECOND(VACT_H16_##name, vact_h16_none, ~)
/* Per call, before the integer loops (VACT_H16PREP_NAME `~, h16prep_NAME`):
 * h16prep_NAME(&t, &p) fills t.k / t.b from the parameters and returns 1,
 * or returns 0 for parameters the integer kernel does not take (then the
 * loops below run the f32 kernel between conversions, as for any other
 * function). */
static inline int vact_h16prep_none(vact_h16t *t, const vact_params *p) { (void)t; (void)p; return 1; }
#define VACT_H16PREP(name) VACT_SECOND(VACT_H16PREP_##name, vact_h16prep_none, ~)
#define VACT_HAS_H16(name) VACT_SECOND(VACT_H16ON_##name, 0, ~)
/* The same for a backward whose 16-bit results are dy's bits, signed zeros
 * or the default NaN (relu): VACT_HB16_NAME (`~, hb16_NAME`) runs
 * hb16_NAME(VH x, VH dy, vact_h16t t, &p) on the bits, with the bits of the
 * f32 kernel's result rounded by the _nd store. */
static inline VH vact_hb16_none(VH x, VH dy, vact_h16t t, const vact_params *p) {
    (void)x; (void)t; (void)p;
    return dy;
}
#define VACT_HB16(name) VACT_SECOND(VACT_HB16_##name, vact_hb16_none, ~)
#define VACT_HAS_HB16(name) VACT_SECOND(VACT_HB16ON_##name, 0, ~)
/* One loop for both: CALL(fn, xs, dys) calls the forward fn(xs) (the dy
 * tokens dropped: the forward functions have no dy) or the backward
 * fn(xs, dys); DY(...) keeps its statements for the backward only. Large
 * outputs (as the other 16-bit loops) stream from a head that aligns y.
 * Two vectors per iteration, the next pair loaded before this pair's stores
 * (software pipelined, see VACT_FWD16_LOOPS). */
#define VACT_H16_FWD_(fn, xs, dys) fn(xs, t, &p)
#define VACT_H16_BWD_(fn, xs, dys) fn(xs, dys, t, &p)
#define VACT_H16_DY_OFF_(...)
#define VACT_H16_DY_ON_(...) __VA_ARGS__
#define VACT_H16_PAIRS_(fn, CALL, DY, y, STORE, PF)                                         \
    if (i + 2 * VACT_WH <= n) {                                                             \
        VH a = vh_load(x + i), b = vh_load(x + i + VACT_WH);                                \
        DY(VH da = vh_load(dy + i); VH db = vh_load(dy + i + VACT_WH);)                     \
        for (; i + 2 * VACT_WH <= n; i += 2 * VACT_WH) {                                    \
            DY(VACT_PREFETCH_(PF, x + i, 4 * VACT_WH); VACT_PREFETCH_(PF, dy + i, 4 * VACT_WH);) \
            VH ra = CALL(fn, a, da), rb = CALL(fn, b, db);                                  \
            const size_t in = i + 4 * VACT_WH <= n ? i + 2 * VACT_WH : i;                   \
            a = vh_load(x + in);                                                            \
            b = vh_load(x + in + VACT_WH);                                                  \
            DY(da = vh_load(dy + in); db = vh_load(dy + in + VACT_WH);)                     \
            STORE(y + i, ra);                                                               \
            STORE(y + i + VACT_WH, rb);                                                     \
        }                                                                                   \
    }
#define VACT_H16_STORE_0 vh_store
#define VACT_H16_STORE_1 vh_store_nt
/* NTOK: the large arrays stream (forward), else they are prefetched (backward) */
#define VACT_H16_RUN_(fn, PREP, CALL, DY, y, T, NTOK)                                       \
    {                                                                                       \
        vact_h16t t = VACT_H16T_##T;                                                        \
        if (PREP(&t, &p)) {                                                                 \
            if ((((NTOK) && VACT_NT) || (!(NTOK) && VACT_PF)) && n >= 2 * VACT_NT_MIN && ((uintptr_t)y & 1) == 0) { \
                const size_t al = VACT_WH * sizeof(uint16_t);                               \
                size_t h = ((al - ((uintptr_t)y & (al - 1))) & (al - 1)) / sizeof(uint16_t); \
                if (h) vh_store_n(y, CALL(fn, vh_load_n(x, h), vh_load_n(dy, h)), h);       \
                i = h;                                                                      \
                VACT_H16_PAIRS_(fn, CALL, DY, y, VACT_CAT(VACT_H16_STORE_, NTOK), 1)        \
                if (NTOK) vact_nt_fence();                                                  \
            }                                                                               \
            VACT_H16_PAIRS_(fn, CALL, DY, y, vh_store, 0)                                   \
            if (i + VACT_WH <= n) { /* one whole vector (n = 16 on AVX2: no stack buffer) */ \
                vh_store(y + i, CALL(fn, vh_load(x + i), vh_load(dy + i)));                 \
                i += VACT_WH;                                                               \
            }                                                                               \
            for (; i < n; i += VACT_WH) {                                                   \
                size_t k = n - i < VACT_WH ? n - i : VACT_WH;                               \
                vh_store_n(y + i, CALL(fn, vh_load_n(x + i, k), vh_load_n(dy + i, k)), k);  \
            }                                                                               \
            return;                                                                         \
        }                                                                                   \
    }
#define VACT_H16_LOOP(name, T)                                                              \
    if (VACT_HAS_H16(name)) VACT_H16_RUN_(VACT_H16(name), VACT_H16PREP(name), VACT_H16_FWD_, VACT_H16_DY_OFF_, y, T, 1)
#define VACT_HB16_LOOP(name, T)                                                             \
    if (VACT_HAS_HB16(name)) VACT_H16_RUN_(VACT_HB16(name), VACT_H16PREP(name), VACT_H16_BWD_, VACT_H16_DY_ON_, dx, T, 0)
/* ---- the forward loops of the 16-bit variants --------------------------
 * Per-call cases (VACT_K16V_NAME `~, k16v_NAME`, VACT_K16CASE_NAME `~,
 * k16case_NAME`): a kernel k16v_NAME(x, &p, c) whose branches on the
 * parameters are the case c = k16case_NAME(&p, bf16) (bf16: 1 for the bf16
 * loops, 0 for f16), computed once per call, the
 * loops compiled once per case (c a constant there; cases 0 to 4).
 * The main loop runs U vectors at a time in blocks of VACT_T16_NBLK elements.
 * f16 on VACT_UNORD ISAs (VACT_T16_FIX_f16): the results stored as they are
 * (a NaN result stays a NaN through the f16 rounding, and no other value
 * becomes one) while one FMA per pair collects the NaN lanes (a false alarm,
 * inf * 0, only costs a re-read of the block) and one unordered compare per block tests them;
 * a block that had one has its stored NaNs made the default NaN afterwards
 * (vact_h16_fix), which is what the _nd store would have done (in place
 * too: only y is read again). bf16 (whose _dn rounding is for the default
 * NaN only) keeps the _nd stores, one test per four vectors.
 * Both 16-bit main loops (this one and VACT_BWD16_LOOP) are software
 * pipelined: each iteration loads the next one's inputs before its own
 * stores (the last one reloads its own, unused), so no load follows a
 * store of y in program order. A load that does can be predicted to depend
 * on the store and wait for it, which serialises the iterations: on the
 * bench machine (a Zen-5-class EPYC) the f16 forward of elu, selu,
 * softplus and log_sigmoid ran at 1.6-2.2 Gelem/s instead of 4-6.6 at
 * n = 16M with y at some distances below x (64 MiB + 8 KiB, vact_bench's
 * layout; 32 MiB + 4 KiB was fine): 2.4-3.8x faster pipelined (the old and
 * new library alternated). In place (y == x) is unaffected: the next
 * inputs lie past this iteration's outputs. */
#define VACT_T16_NBLK 512
/* the main loop's unroll: VACT_UNROLL16_NAME's (`~, 8`), else the f32 loop's */
#define VACT_UNROLL16(name) VACT_SECOND(VACT_UNROLL16_##name, VACT_UNROLL(name), ~)
#ifdef VACT_UNORD
#define VACT_T16_FIX_f16 1
#else
#define VACT_T16_FIX_f16 0
#endif
#define VACT_T16_FIX_bf16 0
/* Functions whose NaN result is the input's own NaN, quieted, with the
 * same bits on every ISA (VACT_K16KEEP_NAME `~, fn`, fn(c) true for the
 * call's cases where it holds: leaky_relu with a finite nonzero slope,
 * src/kernels/t16/h16.h): stored as they are, with no default-NaN blend,
 * test or fix-up. The f16 conversions keep a NaN's sign and top payload
 * bits and set the quiet bit, alike on every ISA (F16C, FCVT, vocab_half.h's
 * integer version); a bf16 NaN input widens with 16 zero low bits, which the
 * kernel's quieting keeps, so the _dn rounding (u + 0x7fff + bit 16 of u,
 * no carry out of the low half then) returns its high half as it is. */
static inline int vact_k16keep_none(int c) { (void)c; return 0; }
/* the first k of v at p, and the pair a, b: as they are when keep, else
 * with the default NaN */
#define vact_store16_n_(T, keep, p, v, k)                                                   \
    do {                                                                                    \
        if (keep) vstore_##T##_dn_n(p, v, k);                                               \
        else vstore_##T##_nd_n(p, v, k);                                                    \
    } while (0)
#define vact_store16x2_(T, keep, p, a, b, nt)                                               \
    do {                                                                                    \
        if (keep) vstore_##T##x2_dn(p, a, b, nt);                                           \
        else vstore_##T##x2_nd(p, a, b, nt);                                                \
    } while (0)
#define VACT_K16KEEP(name, T, c) VACT_SECOND(VACT_K16KEEP_##name, vact_k16keep_none, ~)(c)
static inline int vact_k16case_none(const vact_params *p, int bf16) { (void)p; (void)bf16; return 0; }
/* the type as a constant for k16case_NAME's second argument */
#define VACT_T16_ISBF_bf16 1
#define VACT_T16_ISBF_f16 0
static inline V vact_k16v_none(V x, const vact_params *p, int c) { (void)p; (void)c; return x; }
#define VACT_K16V(name) VACT_SECOND(VACT_K16V_##name, vact_k16v_none, ~)
#define VACT_K16CASE(name) VACT_SECOND(VACT_K16CASE_##name, vact_k16case_none, ~)
#define VACT_HAS_K16V(name) VACT_SECOND(VACT_K16VON_##name, 0, ~)
#define VACT_K16C(name, T, v, c) (VACT_HAS_K16V(name) ? VACT_K16V(name)(v, &p, c) : VACT_K16T(name, T)(v, &p))
/* the four-vector _nd store: one test of the four for NaN lanes */
#ifdef VACT_UNORD
#define VACT_ND4_(T, p, v, nt)                                                              \
    do {                                                                                    \
        if (__builtin_expect(!many(mor(vact_unord(v[0], v[1]), vact_unord(v[2], v[3]))), 1)) { \
            vstore_##T##x2_dn(p, v[0], v[1], nt);                                           \
            vstore_##T##x2_dn(p + 2 * VACT_W, v[2], v[3], nt);                              \
        } else {                                                                            \
            vstore_##T##x2_dn(p, vact_nan_default(v[0]), vact_nan_default(v[1]), nt);       \
            vstore_##T##x2_dn(p + 2 * VACT_W, vact_nan_default(v[2]), vact_nan_default(v[3]), nt); \
        }                                                                                   \
    } while (0)
#else
#define VACT_ND4_(T, p, v, nt)                                                              \
    do {                                                                                    \
        vstore_##T##x2_nd(p, v[0], v[1], nt);                                               \
        vstore_##T##x2_nd(p + 2 * VACT_W, v[2], v[3], nt);                                  \
    } while (0)
#endif
#ifndef VACT_BF16X2_ND
static inline void vstore_bf16x4_nd(uint16_t *p, const V *v, int nt) { VACT_ND4_(bf16, p, v, nt); }
#else
static inline void vstore_bf16x4_nd(uint16_t *p, const V *v, int nt) {
    vstore_bf16x2_nd(p, v[0], v[1], nt);
    vstore_bf16x2_nd(p + 2 * VACT_W, v[2], v[3], nt);
}
#endif
static inline void vstore_f16x4_nd(uint16_t *p, const V *v, int nt) { VACT_ND4_(f16, p, v, nt); }
/* A bf16 forward whose f32 kernel ends in an op that commutes with the
 * rounding to bf16 -- a clamp to two bf16 values, a max with x itself --
 * on ISAs whose vocabulary packs a rounded pair into one VH
 * (VACT_BF16X2_PACK: AVX2, where an op on a VH does 16 lanes): `#define
 * VACT_K16POST_NAME ~, 1` with k16pre_NAME (x -> the kernel's value before
 * that op) and k16post_NAME (h, xw -> the op on the rounded words h, as
 * signed 16-bit integers; xw: x's words, in memory order). The main loop
 * of VACT_FWD16_LOOPS then stores post(round(pre(x)), x), which is
 * round(kernel(x)) as rounding to nearest is monotone and keeps bf16
 * values: on words of numbers, signed 16-bit order is float order between
 * a negative and a nonnegative value and among nonnegative ones (every
 * negative word, 0x8000 up, is below +0; +inf, 0x7f80, above every finite
 * word). A pair with a NaN lane (one unordered compare on pre's values)
 * is stored from the kernel itself instead (x reloaded: the _nd store).
 * Every other loop runs the kernel. Post ops on a VH do 16 lanes: AVX2's
 * hard_sigmoid takes 15 ops per pair instead of 17. */
#define VACT_K16POSTON(name) VACT_SECOND(VACT_K16POST_##name, 0, ~)
#ifdef VACT_BF16X2_PACK
#define VACT_HAS_POST16(name, T) (VACT_K16POSTON(name) && VACT_T16_ISBF_##T)
/* the pair v[0], v[1] of the x at xp, at yp */
#define VACT_POST16_STORE2_1(name, yp, xp, v, nt)                                           \
    do {                                                                                    \
        const V *v_ = (v);                                                                  \
        if (__builtin_expect(!many(vact_unord(v_[0], v_[1])), 1)) {                         \
            VH h_ = k16post_##name(vpack_bf16x2_dn(v_[0], v_[1]), vh_load(xp));            \
            if (nt) vh_store_nt(yp, h_);                                                    \
            else vh_store(yp, h_);                                                          \
        } else {                                                                            \
            V a_, b_;                                                                       \
            vload_bf16x2(xp, &a_, &b_);                                                     \
            vstore_bf16x2_nd(yp, VACT_K16C(name, bf16, a_, 0), VACT_K16C(name, bf16, b_, 0), nt); \
        }                                                                                   \
    } while (0)
#else
#define VACT_HAS_POST16(name, T) 0
#define VACT_POST16_STORE2_1(name, yp, xp, v, nt) ((void)(yp), (void)(xp), (void)(v))
#endif
#define VACT_POST16_STORE2_0(name, yp, xp, v, nt) ((void)(yp), (void)(xp), (void)(v))
#define VACT_POST16_STORE2_(name, yp, xp, v, nt)                                            \
    VACT_CAT(VACT_POST16_STORE2_, VACT_K16POSTON(name))(name, yp, xp, v, nt)
/* the main loop's kernel: k16pre_NAME where the last op comes after the
 * rounding (VACT_HAS_POST16), else stage 2 */
#define VACT_K16MAIN(name, T, s, C) VACT_CAT(VACT_K16MAIN_, VACT_K16POSTON(name))(name, T, s, C)
#define VACT_K16MAIN_0(name, T, s, C) VACT_K16S2(name, T, s, C)
#define VACT_K16MAIN_1(name, T, s, C) (VACT_HAS_POST16(name, T) ? k16pre_##name(s, &p) : VACT_K16S2(name, T, s, C))
/* Large 16-bit forward arrays (n >= 2 VACT_NT_MIN elements, 4 MiB, as for
 * f32) on ISAs with non-temporal stores: the pair stores stream (their nt),
 * from the first element where y is aligned to a 64-byte cache line; the
 * elements before it (vact_nt16_head, < 32) go through the tail's partial
 * vectors first. Each iteration of those loops stores whole lines back to
 * back (VACT_NT16_U vectors, at least 64 bytes), so a line's
 * write-combining never waits on the next iteration's arithmetic. Every
 * element's result is the plain path's (elementwise kernels). y must be
 * 2-byte aligned (uint16_t), else the plain path. */
#define VACT_NT16_U (VACT_W >= 16 ? 2 : 32 / VACT_W)
static inline size_t vact_nt16_head(const uint16_t *p) {
    const size_t a = 64;
    return ((a - ((uintptr_t)p & (a - 1))) & (a - 1)) / sizeof(uint16_t);
}
/* Which forwards stream: the cheap kernels, whose 16-bit loops run at the
 * memory's speed at 16M -- the piecewise-linear ones (VACT_PWL in the list,
 * F) but those that say VACT_NOSTREAM16_NAME (below); until 2026-12-06
 * also those that said `#define VACT_STREAM16_NAME ~, 1`, the last one
 * exponential: see below).
 * The others are bound by their arithmetic there, and streaming measured
 * 0.66-0.94x plain stores for them (sigmoid, gelu: vact_bench 16M rows, old
 * and new library alternated in one session), against 1.1-1.9x for
 * leaky_relu, hard_swish and exponential's backward. On 2026-12-06 (16M
 * vact_pair rows, the two libraries alternated, two rounds) hard_swish and
 * hard_sigmoid measured better with plain stores on AVX2 (bf16 forward
 * 1.93-2.04x f32 against 1.13-1.51x streamed; backward 1.50-1.57x against
 * 1.35-1.43x) and alike on AVX-512, so they no longer stream.
 * Later that day, with the backward loops' prefetch (VACT_PREFETCH_), every
 * backward stores plainly: streaming the prefetched backward measured
 * 0.83-0.96x plain stores (AVX2 leaky_relu, exponential; 16M
 * vact_pair rows, two rounds), and the exponential forward stopped
 * streaming (AVX2 bf16 2.68 -> 4.21 Gelem/s, f16 2.87 -> 4.97; AVX-512
 * 5.26 -> 7.10, 5.45 -> 7.10; 16M vact_pair rows, the libraries
 * alternated; the backward's prefetch and stores changed with it).
 * On 2026-12-07 soft_shrink's forward stopped streaming too (`#define
 * VACT_NOSTREAM16_NAME ~, 1`, src/kernels/t16/h16.h): 16M vact_pair rows,
 * the libraries alternated 3 times each, AVX2 bf16 1.25-1.41x f32 streamed
 * against 1.63-1.72x plain, f16 1.45-1.59x against 1.77-2.00x; AVX-512
 * 1.71-2.74x against 1.78-1.99x (both types, no clear difference). */
#define VACT_STREAM16(name, F) (((F) & VACT_PWL) && !VACT_SECOND(VACT_NOSTREAM16_##name, 0, ~))
static inline int vact_nt16_ok(size_t n, const uint16_t *p) {
    return VACT_NT && n >= 2 * VACT_NT_MIN && ((uintptr_t)p & 1) == 0;
}
/* A forward 16-bit kernel written in two stages (`#define VACT_STAGES16_NAME
 * ~, 1` in src/kernels/t16/, with the state type vact_NAME_16s,
 * k16s1_NAME: x -> state, k16s2_NAME: state -> y and k16_NAME(x) =
 * k16s2_NAME(k16s1_NAME(x)); not for kernels with per-call cases): the main
 * loop below keeps stage 1 of the next U vectors as its pipelined inputs,
 * so each iteration runs stage 2 of the current vectors next to stage 1 of
 * the next ones (as VACT_UNARY_LOOP_P1 for f32). Other kernels: stage 1 is
 * the load itself (the state is x). */
#define VACT_STAGES16(name) VACT_SECOND(VACT_STAGES16_##name, 0, ~)
#define VACT_K16S_T0(name) V
#define VACT_K16S_T1(name) vact_##name##_16s
#define VACT_K16S1_0(name, T, v) (v)
#define VACT_K16S1_1(name, T, v) VACT_SECOND(VACT_K16S1_##T##_##name, k16s1_##name, ~)(v, &p)
#define VACT_K16S2_0(name, T, s, C) VACT_K16C(name, T, s, C)
#define VACT_K16S2_1(name, T, s, C) VACT_SECOND(VACT_K16S2_##T##_##name, k16s2_##name, ~)(s, &p)
#define VACT_K16S_T(name) VACT_CAT(VACT_K16S_T, VACT_STAGES16(name))(name)
#define VACT_K16S1(name, T, v) VACT_CAT(VACT_K16S1_, VACT_STAGES16(name))(name, T, v)
#define VACT_K16S2(name, T, s, C) VACT_CAT(VACT_K16S2_, VACT_STAGES16(name))(name, T, s, C)
/* stage 1 of the U vectors at xp into s[0..U) */
#define VACT_K16S1_LOAD_(name, T, xp, s, U)                                                \
    for (int j = 0; j < (U); j += 2) {                                                      \
        V a_, b_;                                                                           \
        vload_##T##x2((xp) + (size_t)j * VACT_W, &a_, &b_);                                 \
        s[j] = VACT_K16S1(name, T, a_);                                                     \
        s[j + 1] = VACT_K16S1(name, T, b_);                                                 \
    }
#define VACT_FWD16_LOOPS(name, T, C, NT, U)                                                \
    VACT_K16S_T(name) nx[U];                                                                \
    if (i + U * VACT_W <= n) VACT_K16S1_LOAD_(name, T, x + i, nx, U)                        \
    while (i + U * VACT_W <= n) {                                                           \
        const size_t i0 = i, e = n - i > VACT_T16_NBLK ? i + VACT_T16_NBLK : n;               \
        V nanf[2] = {vzero(), vzero()};                                                     \
        for (; i + U * VACT_W <= e; i += U * VACT_W) {                                      \
            V v[U];                                                                         \
            for (int j = 0; j < U; j++) v[j] = VACT_K16MAIN(name, T, nx[j], C);            \
            const size_t in = i + 2 * U * VACT_W <= n ? i + U * VACT_W : i;                 \
            VACT_K16S1_LOAD_(name, T, x + in, nx, U)                                        \
            if (VACT_K16KEEP(name, T, C) || VACT_T16_FIX_##T) { /* stored as they are */  \
                if (!VACT_K16KEEP(name, T, C))                                              \
                    for (int j = 0; j < U; j += 2) nanf[j / 2 % 2] = vfma(v[j], v[j + 1], nanf[j / 2 % 2]); \
                for (int j = 0; j < U; j += 2) vstore_##T##x2_dn(y + i + (size_t)j * VACT_W, v[j], v[j + 1], NT); \
            } else if (VACT_HAS_POST16(name, T)) {                                          \
                for (int j = 0; j < U; j += 2)                                              \
                    VACT_POST16_STORE2_(name, y + i + (size_t)j * VACT_W, x + i + (size_t)j * VACT_W, &v[j], NT); \
            } else if (U % 4 == 0) {                                                        \
                for (int j = 0; j < U; j += 4) vstore_##T##x4_nd(y + i + (size_t)j * VACT_W, &v[j], NT); \
            } else {                                                                        \
                for (int j = 0; j < U; j += 2) vstore_##T##x2_nd(y + i + (size_t)j * VACT_W, v[j], v[j + 1], NT); \
            }                                                                               \
        }                                                                                   \
        if (VACT_T16_FIX_##T && !VACT_K16KEEP(name, T, C) && many(VACT_UNORD_(nanf[0], nanf[1]))) vact_h16_fix(y + i0, i - i0, (vact_h16t)VACT_H16T_##T); \
    }                                                                                       \
    for (; i + 2 * VACT_W <= n; i += 2 * VACT_W) {                                          \
        V a, b;                                                                             \
        vload_##T##x2(x + i, &a, &b);                                                       \
        vact_store16x2_(T, VACT_K16KEEP(name, T, C), y + i, VACT_K16C(name, T, a, C), VACT_K16C(name, T, b, C), NT); \
    }                                                                                       \
    for (; i < n; i += VACT_W) {                                                            \
        size_t k = n - i < VACT_W ? n - i : VACT_W;                                         \
        vact_store16_n_(T, VACT_K16KEEP(name, T, C), y + i, VACT_K16C(name, T, vload_##T##_n(x + i, k), C), k); \
    }
#ifdef VACT_UNORD
#define VACT_UNORD_(a, b) vact_unord(a, b)
#else
#define VACT_UNORD_(a, b) mor(visnan(a), visnan(b))
#endif
/* the backward's pair loop, P pairs per iteration, x and dy prefetched ahead.
 * The plain path runs P = 2 (then one pair more, P = 1): 1.06-1.13x P = 1 for
 * the f16 sigmoid / tanh / hard_swish backward on AVX2 and AVX-512 and the
 * bf16 ones on AVX-512 at n = 4096 (AVX2 bf16 +-1%); P = 3 and 4 were
 * slower (AVX2 and AVX-512 bf16: 0.63-0.87x P = 1). The forward's deferred
 * NaN fix-up (VACT_T16_FIX_f16: _dn stores, an FMA witness per pair, two
 * accumulators) measured 0.98-0.99x here for the AVX2 f16 sigmoid / tanh
 * backward (1.03-1.09x on AVX-512 f16), so the pairs keep the _nd stores. */
/* whether k more elements from i fit before N, after EXT (an expression
 * that may extend N, or 0) where they do not yet */
#define VACT_BWD16_HAS_(k, N, EXT) (i + (k) <= (N) || ((EXT) && i + (k) <= (N)))
#define VACT_BWD16_LOOP(name, T, P, PF, N, EXT)                                              \
    if (VACT_BWD16_HAS_(2 * (P) * VACT_W, N, EXT)) {                                        \
        V nx[2 * (P)], nd[2 * (P)];                                                         \
        for (int j = 0; j < (P); j++) {                                                     \
            vload_##T##x2(x + i + (size_t)j * 2 * VACT_W, &nx[2 * j], &nx[2 * j + 1]);       \
            vload_##T##x2(dy + i + (size_t)j * 2 * VACT_W, &nd[2 * j], &nd[2 * j + 1]);      \
        }                                                                                   \
        for (; i + 2 * (P) * VACT_W <= (N); i += 2 * (P) * VACT_W) {                          \
            V r[2 * (P)];                                                                   \
            VACT_PREFETCH_(PF, x + i, 4 * (P) * VACT_W);                                    \
            VACT_PREFETCH_(PF, dy + i, 4 * (P) * VACT_W);                                   \
            for (int j = 0; j < 2 * (P); j++) r[j] = VACT_KB16T(name, T)(nx[j], nd[j], &p); \
            const size_t in = VACT_BWD16_HAS_(4 * (P) * VACT_W, N, EXT) ? i + 2 * (P) * VACT_W : i; \
            for (int j = 0; j < (P); j++) {                                                 \
                vload_##T##x2(x + in + (size_t)j * 2 * VACT_W, &nx[2 * j], &nx[2 * j + 1]);  \
                vload_##T##x2(dy + in + (size_t)j * 2 * VACT_W, &nd[2 * j], &nd[2 * j + 1]); \
            }                                                                               \
            for (int j = 0; j < (P); j++)                                                   \
                vstore_##T##x2_nd(dx + i + (size_t)j * 2 * VACT_W, r[2 * j], r[2 * j + 1], 0); \
        }                                                                                   \
    }
/* The software-pipelined backward main loop of a 16-bit kernel written in
 * two stages (`#define VACT_STAGES16B_NAME ~, 1` in src/kernels/t16/, with
 * the state type vact_NAME_b16s, kb16s1_NAME: x -> state, kb16s2_NAME:
 * (state, dy) -> dx, and kb16_NAME(x, dy) = kb16s2_NAME(kb16s1_NAME(x), dy),
 * which the other loops and the tails use): as VACT_UNARY_LOOP_P1 for f32,
 * each iteration runs stage 1 of the next P pairs next to stage 2 of the
 * current P pairs; the next x are loaded before the current outputs are
 * stored, and each pair's dy just before that pair's store (in place: no
 * load of an element after its store; dy in stage 2 rather than carried
 * from stage 1 measured 1.01-1.11x on AVX2, where the carried dy took
 * registers). The same ops per element as T's kernel: the same bits. Only
 * where T's kernel is kb16_NAME, or kb16s2_NAME of T's own stage 1
 * (VACT_KB16S1T). Leaves fewer than 2P vectors to the loops below. */
#define VACT_STAGES16B(name) VACT_SECOND(VACT_STAGES16B_##name, 0, ~)
/* stage 1 of type T: kb16s1_T_NAME where src/kernels/t16/ defines
 * VACT_KB16S1_T_NAME (then T's kernel VACT_KB16_T_NAME is kb16s2_NAME of
 * it), else kb16s1_NAME */
#define VACT_KB16S1T(name, T) VACT_SECOND(VACT_KB16S1_##T##_##name, kb16s1_##name, ~)
#define VACT_BWD16_LOOP_S0(name, T, P, PF, N, EXT)
/* stage 1 of the P pairs at x + k into s */
#define VACT_KB16S1_LOAD_(name, T, k, s, P)                                             \
    for (int j = 0; j < (P); j++) {                                                     \
        V a, b;                                                                         \
        vload_##T##x2(x + (k) + (size_t)j * 2 * VACT_W, &a, &b);                        \
        s[2 * j] = VACT_KB16S1T(name, T)(a, &p);                                        \
        s[2 * j + 1] = VACT_KB16S1T(name, T)(b, &p);                                    \
    }
/* stage 2 of the P pairs in s with the dy at dy + k (each pair's dy loaded
 * before that pair is stored: dx = dy in place), stored at dx + k */
#define VACT_KB16S2_STORE_(name, T, k, s, P)                                            \
    for (int j = 0; j < (P); j++) {                                                     \
        V da, db;                                                                       \
        vload_##T##x2(dy + (k) + (size_t)j * 2 * VACT_W, &da, &db);                     \
        vstore_##T##x2_nd(dx + (k) + (size_t)j * 2 * VACT_W, kb16s2_##name(s[2 * j], da, &p), \
                          kb16s2_##name(s[2 * j + 1], db, &p), 0);                      \
    }
#define VACT_BWD16_LOOP_S1(name, T, P, PF, N, EXT)                                        \
    if (VACT_BWD16_HAS_(4 * (P) * VACT_W, N, EXT)) {                                    \
        vact_##name##_b16s s[2 * (P)];                                                  \
        VACT_KB16S1_LOAD_(name, T, i, s, P)                                             \
        for (; VACT_BWD16_HAS_(4 * (P) * VACT_W, N, EXT); i += 2 * (P) * VACT_W) {        \
            vact_##name##_b16s t[2 * (P)];                                              \
            VACT_PREFETCH_(PF, x + i, 4 * (P) * VACT_W);                                \
            VACT_PREFETCH_(PF, dy + i, 4 * (P) * VACT_W);                               \
            VACT_KB16S1_LOAD_(name, T, i + 2 * (P) * VACT_W, t, P)                      \
            VACT_KB16S2_STORE_(name, T, i, s, P)                                        \
            for (int j = 0; j < 2 * (P); j++) s[j] = t[j];                              \
        }                                                                               \
        VACT_KB16S2_STORE_(name, T, i, s, P)                                            \
        i += 2 * (P) * VACT_W;                                                          \
    }
#define VACT_BWD16_LOOP_S(name, T, P, PF, N, EXT)                                         \
    VACT_CAT(VACT_BWD16_LOOP_S, VACT_STAGES16B(name))(name, T, P, PF, N, EXT)
/* the forward loops for the call's case c, U vectors per iteration
 * (non-temporal pair stores if NT) */
#define VACT_FWD16_CASES(name, T, NT, U)                                                   \
    if (VACT_HAS_K16V(name) && c == 1) {                                                    \
        VACT_FWD16_LOOPS(name, T, 1, NT, U)                                                  \
    } else if (VACT_HAS_K16V(name) && c == 2) {                                             \
        VACT_FWD16_LOOPS(name, T, 2, NT, U)                                                  \
    } else if (VACT_HAS_K16V(name) && c == 3) {                                             \
        VACT_FWD16_LOOPS(name, T, 3, NT, U)                                                  \
    } else if (VACT_HAS_K16V(name) && c == 4) {                                             \
        VACT_FWD16_LOOPS(name, T, 4, NT, U)                                                  \
    } else {                                                                                \
        VACT_FWD16_LOOPS(name, T, 0, NT, U)                                                  \
    }
/* A 16-bit backward whose output-sized kernel holds only for some
 * parameters (`#define VACT_KB16FB_NAME ~, fn`, fn(&p) nonzero for the
 * others: elu's large alpha) runs the call with the f32 kernel kb_NAME
 * between the 16-bit load and store, one vector at a time (the tail's
 * loop, VACT_BWD16_ONE_): the check is once per call, outside the loops,
 * so the kernel's own loops stay as they are. */
static inline int vact_kb16fb_none(const vact_params *p) { (void)p; return 0; }
#define VACT_KB16FB(name) VACT_SECOND(VACT_KB16FB_##name, vact_kb16fb_none, ~)
/* A bf16 backward whose output-sized f'(x) leaves f32's normal range for
 * large |x| (`#define VACT_KB16BIG_NAME ~, fn`, fn(&p) = X >= 0: sigmoid's
 * e^-|x| below 2^-126 for |x| > 87) would carry that f32 value's absolute
 * error (2^-150, or a clamp to 0) times dy into dx, which a bf16 dy up to
 * 2^128 makes any number of ULP: the lanes with |x| > X take the accurate
 * f32 kernel kb_NAME instead (plain 6 f32 ULP for any dy, then the one
 * rounding to bf16: < 0.51 bf16 ULP; the same bits on every ISA as the
 * kernel itself). Which lanes is decided per lane (|x| > X in f32, so no
 * lane depends on its neighbours); a block's stored words are tested first,
 * |bits| > h (h = X's bits truncated to bf16: every lane with |x| > X has
 * them), in 16-bit integer lanes (below). fn(&p) < 0: none (the default);
 * f16 never needs it (|dy| < 2^16, f16's smallest ulp 2^-24). */
static inline float vact_kb16big_none(const vact_params *p) { (void)p; return -1.0f; }
#define VACT_KB16BIG(name) VACT_SECOND(VACT_KB16BIG_##name, vact_kb16big_none, ~)
/* bf16 bits of X >= 0, truncated (X's bits >> 16; X >= 2^127: 0x7f7f) */
static inline uint16_t vact_kb16big_h(float X) {
    uint32_t u;
    memcpy(&u, &X, 4);
    return (uint16_t)(X < 0x1p127f ? u >> 16 : 0x7f7fu);
}
/* whether among the nw words at x some |x| > X (|bits| > h, hv: h in every
 * lane; NaN and +-inf included): two integer ops per VACT_WH words */
static inline int vact_bf16_any_gt(const uint16_t *x, size_t nw, VH hv) {
    const VH m7 = vh_set1(0x7fff);
    VH a = vh_set1(0), b = vh_set1(0);
    size_t j = 0;
    for (; j + 2 * VACT_WH <= nw; j += 2 * VACT_WH) {
        a = vh_max_s(a, vh_and(vh_load(x + j), m7));
        b = vh_max_s(b, vh_and(vh_load(x + j + VACT_WH), m7));
    }
    for (; j < nw; j += VACT_WH) a = vh_max_s(a, vh_and(vh_load_n(x + j, nw - j < VACT_WH ? nw - j : VACT_WH), m7));
    return vh_many(vh_gt_s(vh_max_s(a, b), hv));
}
/* r (the dx of x, dy) with the lanes |x| > X by kb_NAME */
#define VACT_KB16BIG_SEL_(name, xv, dv, r)                                                  \
    do {                                                                                    \
        M m_ = vgt(vabs(xv), vset1(bigx));                                                  \
        if (many(m_)) (r) = vsel(m_, kb_##name((xv), (dv), &p), (r));                       \
    } while (0)
/* the blocks of a VACT_KB16BIG kernel: VACT_BIG16_BLK elements (512 bytes
 * of x), each tested on its stored words (vact_bf16_any_gt: on AVX2 one op
 * per 8 elements, from L1 for the loops after it; for large arrays the next
 * block's x is prefetched first) when the main loops reach it: the loops
 * run to the end e of the blocks tested clean, and their loop condition
 * extends e by the next block (vact_big16_ext) where it is clean, so the
 * software-pipelined loop runs on across clean blocks (no prologue and
 * epilogue per block: 1.04-1.12x the AVX2 bf16 backward that stopped at
 * each block). A block with some |x| > X runs VACT_BWD16_ONEB_, one vector
 * at a time. With those kernels' own clamps dropped for bf16 (the lanes
 * beyond X are the f32 kernel's), AVX2 bf16 at 16M measured 0.91-0.99x the
 * speed of the library before the test (65eb5d0) for blocks of 256
 * elements tested one at a time, 0.90-0.92x for 512, 0.77-0.81x for 8192
 * (the test's loads meet memory); a test inside the loops (6 ops per 32
 * elements) took registers from the kernel (0.84-0.95x at n = 4096), and
 * testing dy too, to store without the NaN check, was slower again. */
#define VACT_BIG16_BLK 256
/* the blocks tested so far: [.., e) has no |x| > X (dirty: the block at e has) */
typedef struct {
    size_t e, n;
    const uint16_t *x;
    VH hv;
    int pf, dirty;
} vact_big16;
/* e extended by the next block (VACT_BIG16_BLK elements, or to n) where
 * that block has no |x| > X: 1; else 0 (e = n, or dirty) */
static inline int vact_big16_ext(vact_big16 *b) {
    if (b->dirty || b->e >= b->n) return 0;
    const size_t f = b->n - b->e > VACT_BIG16_BLK ? b->e + VACT_BIG16_BLK : b->n;
    if (b->pf && b->n - f >= VACT_BIG16_BLK) /* the next block's x, for its test */
        for (size_t o = 0; o < VACT_BIG16_BLK; o += 32) __builtin_prefetch(b->x + f + o);
    if (vact_bf16_any_gt(b->x + b->e, f - b->e, b->hv)) {
        b->dirty = 1;
        return 0;
    }
    b->e = f;
    return 1;
}
/* the backward's loops from i to N; EXT: an expression that may extend N
 * (the big-x blocks), else 0 */
#define VACT_BWD16_LOOPS_(name, T, pf, N, EXT)                                              \
    if (pf) {                                                                               \
        VACT_BWD16_LOOP_S(name, T, 2, 1, N, EXT)                                            \
        VACT_BWD16_LOOP(name, T, 2, 1, N, EXT)                                              \
    }                                                                                       \
    VACT_BWD16_LOOP_S(name, T, 2, 0, N, EXT)                                                \
    VACT_BWD16_LOOP(name, T, 2, 0, N, EXT)                                                  \
    VACT_BWD16_LOOP(name, T, 1, 0, N, 0)                                                    \
    VACT_BWD16_ONE_(VACT_KB16T(name, T), T, N)
/* the backward from i to n by KB, one vector at a time */
#define VACT_BWD16_ONE_(KB, T, N)                                                           \
    for (; i < (N); i += VACT_W) {                                                          \
        size_t k = (N) - i < VACT_W ? (N) - i : VACT_W;                                     \
        vstore_##T##_nd_n(dx + i, KB(vload_##T##_n(x + i, k), vload_##T##_n(dy + i, k), &p), k); \
    }
/* the same with the lanes |x| > X of a bf16 VACT_KB16BIG kernel fixed */
#define VACT_BWD16_ONEB_(name, T, N)                                                        \
    for (; i < (N); i += VACT_W) {                                                          \
        size_t k = (N) - i < VACT_W ? (N) - i : VACT_W;                                     \
        V a_ = vload_##T##_n(x + i, k), d_ = vload_##T##_n(dy + i, k);                      \
        V r_ = VACT_KB16T(name, T)(a_, d_, &p);                                             \
        VACT_KB16BIG_SEL_(name, a_, d_, r_);                                                \
        vstore_##T##_nd_n(dx + i, r_, k);                                                   \
    }
#define VACT_DEF_UNARY_T(name, T, F)                                                        \
    VACT_FLATTEN static void KFN(name##_##T)(size_t n, const uint16_t *x, uint16_t *y,      \
                                             const vact_params *pp) {                       \
        VACT_UNIT_GO(name, _##T, (n, x, y, pp))                                             \
        const vact_params p = *pp;                                                          \
        size_t i = 0;                                                                       \
        VACT_H16_LOOP(name, T)                                                              \
        enum { U = VACT_UNROLL16(name), /* 2, 4 or 8 vectors */                            \
               UN = VACT_NT && U < VACT_NT16_U ? VACT_NT16_U : U }; /* streaming: lines */ \
        const int c = VACT_K16CASE(name)(&p, VACT_T16_ISBF_##T);                            \
        if (VACT_STREAM16(name, F) && vact_nt16_ok(n, y)) {                                 \
            const size_t h = vact_nt16_head(y);                                             \
            for (size_t k; i < h; i += k) {                                                 \
                k = h - i < VACT_W ? h - i : VACT_W;                                        \
                vact_store16_n_(T, VACT_K16KEEP(name, T, c), y + i, VACT_K16C(name, T, vload_##T##_n(x + i, k), c), k); \
            }                                                                               \
            VACT_FWD16_CASES(name, T, 1, UN)                                                \
            vact_nt_fence();                                                                \
        } else {                                                                            \
            VACT_FWD16_CASES(name, T, 0, U)                                                 \
        }                                                                                   \
    }                                                                                       \
    VACT_FLATTEN static void KFN(name##_bwd_##T)(size_t n, const uint16_t *x, const uint16_t *dy, \
                                                 uint16_t *dx, const vact_params *pp) {     \
        VACT_UNIT_GO(name, _bwd_##T, (n, x, dy, dx, pp))                                    \
        const vact_params p = *pp;                                                          \
        size_t i = 0;                                                                       \
        VACT_HB16_LOOP(name, T) /* returns when it runs; i = 0 here */                       \
        if (VACT_KB16FB(name)(&p)) VACT_BWD16_ONE_(kb_##name, T, n)                         \
        const float bigx = VACT_KB16BIG(name)(&p);                                          \
        const int big = VACT_T16_ISBF_##T && bigx >= 0.0f;                                  \
        const VH bigv = vh_set1(vact_kb16big_h(bigx));                                      \
        const int pf = VACT_PF && n >= 2 * VACT_NT_MIN; /* large arrays: x, dy prefetched */ \
        if (big) {                                                                          \
            vact_big16 bg = {0, n, x, bigv, pf, 0};                                         \
            while (i < n) {                                                                 \
                if (bg.e == i && !vact_big16_ext(&bg)) { /* the block at i: some |x| > X */ \
                    const size_t f_ = n - i > VACT_BIG16_BLK ? i + VACT_BIG16_BLK : n;      \
                    VACT_BWD16_ONEB_(name, T, f_)                                           \
                    bg.e = i;                                                               \
                    bg.dirty = 0;                                                           \
                    continue;                                                               \
                }                                                                           \
                VACT_BWD16_LOOPS_(name, T, pf, bg.e, vact_big16_ext(&bg))                   \
            }                                                                               \
        } else {                                                                            \
            VACT_BWD16_LOOPS_(name, T, pf, n, 0)                                            \
        }                                                                                   \
    }
#define VACT_DEF_UNARY16(name, F) VACT_DEF_UNARY_T(name, bf16, F) VACT_DEF_UNARY_T(name, f16, F)

/* The conversions of the public API (NaN keeps its payload's top bits,
 * made quiet). f32 -> bf16 two vectors at a time where the vocabulary has
 * vstore_bf16x2 (VACT_BF16X2_CVT: AVX512-BF16), the same bits. */
#ifdef VACT_BF16X2_CVT
#define VACT_CVT_X2_bf16(y, x, n, i)                                                    \
    for (; i + 2 * VACT_W <= n; i += 2 * VACT_W) vstore_bf16x2(y + i, vload(x + i), vload(x + i + VACT_W));
#else
#define VACT_CVT_X2_bf16(y, x, n, i)
#endif
#define VACT_CVT_X2_f16(y, x, n, i)
#define VACT_DEF_CVT(T)                                                                 \
    VACT_FLATTEN static void KFN(f32_to_##T)(size_t n, const float *x, uint16_t *y) {   \
        size_t i = 0;                                                                   \
        VACT_CVT_X2_##T(y, x, n, i)                                                     \
        for (; i + VACT_W <= n; i += VACT_W) vstore_##T(y + i, vload(x + i));           \
        if (i < n) vstore_##T##_n(y + i, vload_n(x + i, n - i), n - i);                 \
    }                                                                                   \
    VACT_FLATTEN static void KFN(T##_to_f32)(size_t n, const uint16_t *x, float *y) {   \
        size_t i = 0;                                                                   \
        for (; i + VACT_W <= n; i += VACT_W) vstore(y + i, vload_##T(x + i));           \
        if (i < n) vstore_n(y + i, vload_##T##_n(x + i, n - i), n - i);                 \
    }
VACT_DEF_CVT(bf16)
#ifndef VACT_ONLY_BF16 /* src/avx512/kernels_bf16.c: its bf16 functions only */
VACT_DEF_CVT(f16)
#endif

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
