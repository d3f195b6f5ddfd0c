/* The fuzz target's callers of one variant (tier x element type), generated
 * from src/common/functions.def. Included once per variant by fuzz_vact.c,
 * with these defined:
 *   FZ_T           the element type (float, vact_bf16, vact_f16)
 *   FZ_FWD(name)   the forward entry point of `name`  (vact_##name##_f32)
 *   FZ_BWD(name)   the backward entry point of `name` (vact_##name##_backward_f32)
 *   FZ_FNS         the name of the fz_fn table to define
 *   FZ_SYM(name)   a unique static name for this variant's caller of `name`
 *   FZ_FAST_ONLY   (optional) only the functions with a fast tier (VACT_TF)
 *   FZ_T16         (optional) only the functions with 16-bit entry points:
 *                  every elementwise one, the row-wise ones marked VACT_T16,
 *                  no per-channel one (prelu is f32 only)
 * Every entry of the list gets one fz_fn in list order; all calls go through
 * the public API (its parameter and shape checks included). */

#define FZ_PRM_0(P)
#define FZ_PRM_1(P) , a->p[0]
#define FZ_PRM_2(P) , a->p[0], a->p[1]
#define FZ_PRM(P) VACT_CAT(FZ_PRM_, VACT_P_COUNT(P))(P)

#if defined(FZ_FAST_ONLY) && defined(FZ_T16)
#error "fuzz_callers.h: no 16-bit fast tier"
#endif
#ifdef FZ_FAST_ONLY
#define FZ_IF(R, ...) VACT_IF_FAST(R, __VA_ARGS__)
#define FZ_IF_RW(T, R, ...) VACT_IF_FAST(R, __VA_ARGS__)
#elif defined(FZ_T16)
#define FZ_IF(R, ...) __VA_ARGS__
#define FZ_IF_RW(T, R, ...) VACT_IF_T16(T, __VA_ARGS__)
#else
#define FZ_IF(R, ...) __VA_ARGS__
#define FZ_IF_RW(T, R, ...) __VA_ARGS__
#endif
#define VACT_EW(name, P, F, U, S, R) FZ_IF(R, FZ_EW_CALLERS(name, P))
#define FZ_EW_CALLERS(name, P)                                                               \
    static void FZ_SYM(f_##name)(const fz_args *a) {                                         \
        FZ_FWD(name)(a->n, (const FZ_T *)a->in[0], (FZ_T *)a->out[0] FZ_PRM(P));             \
    }                                                                                        \
    static void FZ_SYM(b_##name)(const fz_args *a) {                                         \
        FZ_BWD(name)(a->n, (const FZ_T *)a->in[0], (const FZ_T *)a->in[1], (FZ_T *)a->out[0] \
                     FZ_PRM(P));                                                             \
    }
#define VACT_RW(name, F, T, R) FZ_IF_RW(T, R, FZ_RW_CALLERS(name))
#define FZ_RW_CALLERS(name)                                                                  \
    static void FZ_SYM(f_##name)(const fz_args *a) {                                         \
        FZ_FWD(name)(a->rows, a->cols, (const FZ_T *)a->in[0], (FZ_T *)a->out[0]);           \
    }                                                                                        \
    static void FZ_SYM(b_##name)(const fz_args *a) {                                         \
        FZ_BWD(name)(a->rows, a->cols, (const FZ_T *)a->in[0], (const FZ_T *)a->in[1],       \
                     (FZ_T *)a->out[0]);                                                     \
    }
/* per-channel (prelu): cols = channels, in[2] = alpha, out[1] = dalpha; no
 * fast tier, f32 only */
#if !defined(FZ_FAST_ONLY) && !defined(FZ_T16)
#define VACT_PC(name)                                                                        \
    static void FZ_SYM(f_##name)(const fz_args *a) {                                         \
        FZ_FWD(name)(a->rows, a->cols, (const FZ_T *)a->in[0], (const FZ_T *)a->in[2],       \
                     (FZ_T *)a->out[0]);                                                     \
    }                                                                                        \
    static void FZ_SYM(b_##name)(const fz_args *a) {                                         \
        FZ_BWD(name)(a->rows, a->cols, (const FZ_T *)a->in[0], (const FZ_T *)a->in[2],       \
                     (const FZ_T *)a->in[1], (FZ_T *)a->out[0], (FZ_T *)a->out[1]);          \
    }
#endif
#include "../../src/common/functions.def"

static const fz_fn FZ_FNS[] = {
#define VACT_EW(name, P, F, U, S, R)                                                         \
    FZ_IF(R, {#name, FZ_EW, VACT_P_COUNT(P), FZ_SYM(f_##name), FZ_SYM(b_##name)},)
#define VACT_RW(name, F, T, R)                                                               \
    FZ_IF_RW(T, R, {#name, ((F) & VACT_RW_HALF) ? FZ_RW_HALF : ((F) & VACT_RW_BWD_Y) ? FZ_RW_Y : FZ_RW, 0, \
              FZ_SYM(f_##name), FZ_SYM(b_##name)},)
#if !defined(FZ_FAST_ONLY) && !defined(FZ_T16)
#define VACT_PC(name) {#name, FZ_PC, 0, FZ_SYM(f_##name), FZ_SYM(b_##name)},
#endif
#include "../../src/common/functions.def"
};

#undef FZ_IF
#undef FZ_IF_RW
#undef FZ_EW_CALLERS
#undef FZ_RW_CALLERS
#undef FZ_PRM_0
#undef FZ_PRM_1
#undef FZ_PRM_2
#undef FZ_PRM
