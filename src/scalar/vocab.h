/* Scalar vocabulary: one float lane, int masks. Plain C99, any CPU.
 * Semantics shared by every ISA's vocabulary (see src/kernels/README.md). */
#include <stdint.h>
#include <string.h>

#define VACT_W 1
#define KFN(name) vact_scalar_##name
#define VACT_TABLE vact__table_scalar

typedef float V;
typedef int32_t VI;
typedef int M;

static inline V vload(const float *p) { return *p; }
static inline void vstore(float *p, V v) { *p = v; }
static inline V vload_n(const float *p, size_t k) { return k ? *p : 0.0f; }
static inline void vstore_n(float *p, V v, size_t k) { if (k) *p = v; }
/* no non-temporal stores: the driver keeps its plain loop */
#define VACT_NT 0
static inline void vstore_nt(float *p, V v) { *p = v; }
static inline void vact_nt_fence(void) {}
static inline V vset1(float f) { return f; }
static inline V vzero(void) { return 0.0f; }

static inline V vadd(V a, V b) { return a + b; }
static inline V vsub(V a, V b) { return a - b; }
static inline V vmul(V a, V b) { return a * b; }
static inline V vdiv(V a, V b) { return a / b; }
static inline V vsqrt(V a) { return __builtin_sqrtf(a); }
#if defined(__FP_FAST_FMAF) || defined(__aarch64__)
static inline V vact_fmaf(V a, V b, V c) { return __builtin_fmaf(a, b, c); }
#else
/* Fused multiply-add without FMA hardware and without libm: a*b is exact in
 * double; p + c is rounded to odd in double (TwoSum error sticky-ORed into the
 * last bit), then rounded to float once: correctly rounded (53 >= 24 + 2). */
static inline V vact_fmaf(V a, V b, V c) {
    double p = (double)a * (double)b, cd = c;
    double s = p + cd;
    if (!(s - s == 0.0)) return (float)s; /* inf or NaN: IEEE result already */
    double bp = s - cd, e = (p - bp) + (cd - (s - bp));
    uint64_t u;
    memcpy(&u, &s, 8);
    /* branch-free: the sticky bit is data-dependent and mispredicts */
    uint64_t sticky = (uint64_t)((e != 0.0) & !(u & 1));
    uint64_t away = (uint64_t)((e > 0) == (s > 0)); /* 1: away from zero, 0: toward */
    u += sticky * (2 * away - 1);
    memcpy(&s, &u, 8);
    return (float)s;
}
#endif
static inline V vfma(V a, V b, V c) { return vact_fmaf(a, b, c); }
static inline V vfms(V a, V b, V c) { return vact_fmaf(a, b, -c); }
static inline V vfnma(V a, V b, V c) { return vact_fmaf(-a, b, c); }
static inline V vmin(V a, V b) { return a < b ? a : b; }
static inline V vmax(V a, V b) { return a > b ? a : b; }

static inline VI vasi(V a) { VI i; memcpy(&i, &a, 4); return i; }
static inline V vasf(VI a) { V f; memcpy(&f, &a, 4); return f; }
static inline uint32_t vact_u(V a) { uint32_t i; memcpy(&i, &a, 4); return i; }
static inline V vact_f(uint32_t a) { V f; memcpy(&f, &a, 4); return f; }
static inline V vand(V a, V b) { return vact_f(vact_u(a) & vact_u(b)); }
static inline V vor(V a, V b) { return vact_f(vact_u(a) | vact_u(b)); }
static inline V vxor(V a, V b) { return vact_f(vact_u(a) ^ vact_u(b)); }
static inline V vandnot(V a, V b) { return vact_f(~vact_u(a) & vact_u(b)); }
static inline V vabs(V a) { return vact_f(vact_u(a) & 0x7fffffffu); }
static inline V vneg(V a) { return vact_f(vact_u(a) ^ 0x80000000u); }

static inline M vlt(V a, V b) { return a < b; }
static inline M vle(V a, V b) { return a <= b; }
static inline M vgt(V a, V b) { return a > b; }
static inline M vge(V a, V b) { return a >= b; }
static inline M veq(V a, V b) { return a == b; }
static inline M visnan(V a) { return a != a; }
static inline M mand(M a, M b) { return a & b; }
static inline M mor(M a, M b) { return a | b; }
static inline M mandnot(M a, M b) { return (!a) && b; }
static inline M mnot(M a) { return !a; }
static inline int many(M a) { return a; }
static inline V vsel(M m, V a, V b) { return m ? a : b; }
/* vsel_neg(x, a, b): a where x < 0, b where x > 0; at +-0 and NaN either (README) */
static inline V vsel_neg(V x, V a, V b) { return x < 0 ? a : b; }

/* m's sign bit set ? a : b */
static inline V vsel_sign(V m, V a, V b) { return (vact_u(m) >> 31) ? a : b; }
static inline VI viset1(int32_t i) { return i; }
/* wrapping int32 arithmetic, as in SIMD lanes (no signed-overflow UB) */
static inline VI viadd(VI a, VI b) { return (VI)((uint32_t)a + (uint32_t)b); }
static inline VI visub(VI a, VI b) { return (VI)((uint32_t)a - (uint32_t)b); }
static inline VI viand(VI a, VI b) { return a & b; }
static inline VI vior(VI a, VI b) { return a | b; }
static inline VI vishl(VI a, int k) { return (VI)((uint32_t)a << k); }
static inline VI visrl(VI a, int k) { return (VI)((uint32_t)a >> k); }
static inline VI visra(VI a, int k) { return a < 0 ? ~(~a >> k) : a >> k; }
static inline M vieq(VI a, VI b) { return a == b; }
static inline M vigt(VI a, VI b) { return a > b; }
static inline V vcvt_i2f(VI a) { return (float)a; }
/* truncation; x86 "integer indefinite" for NaN / out of range (no UB) */
static inline VI vcvtt_f2i(V a) {
    return (a == a && a > -2147483648.0f && a < 2147483648.0f) ? (VI)a : INT32_MIN;
}
/* round to nearest, ties to even, without libm */
static inline V vrint(V a) {
    V m = vabs(a);
    if (m < 0x1p23f) {
        V t = (m + 0x1p23f) - 0x1p23f;
        return vor(t, vand(a, vact_f(0x80000000u)));
    }
    return a;
}
/* 16-bit lanes: uint16 memory <-> int32 lanes (f16 from vocab_half.h's
 * integer version) */
static inline VI vload_u16(const uint16_t *p) { return (VI)*p; }
static inline VI vload_u16_n(const uint16_t *p, size_t k) { return k ? (VI)*p : 0; }
static inline void vstore_u16(uint16_t *p, VI v) { *p = (uint16_t)v; }
static inline void vstore_u16_n(uint16_t *p, VI v, size_t k) { if (k) *p = (uint16_t)v; }
/* 16-bit integer lanes (driver.h's VACT_H16): one uint16 lane read as
 * int16 by the signed ops, wrapping arithmetic, int masks */
#define VACT_WH 1
typedef uint16_t VH;
typedef int MH;
static inline VH vh_load(const uint16_t *p) { return *p; }
static inline VH vh_load_n(const uint16_t *p, size_t k) { return k ? *p : 0; }
static inline void vh_store(uint16_t *p, VH v) { *p = v; }
static inline void vh_store_nt(uint16_t *p, VH v) { *p = v; }
static inline void vh_store_n(uint16_t *p, VH v, size_t k) { if (k) *p = v; }
static inline VH vh_set1(uint16_t a) { return a; }
static inline VH vh_and(VH a, VH b) { return (VH)(a & b); }
static inline VH vh_or(VH a, VH b) { return (VH)(a | b); }
static inline VH vh_xor(VH a, VH b) { return (VH)(a ^ b); }
static inline VH vh_add(VH a, VH b) { return (VH)(a + b); }
static inline VH vh_sub(VH a, VH b) { return (VH)(a - b); }
static inline int32_t vact_s16(VH a) { return a >= 0x8000u ? (int32_t)a - 0x10000 : (int32_t)a; }
static inline VH vh_max_s(VH a, VH b) { return vact_s16(a) > vact_s16(b) ? a : b; }
static inline VH vh_min_s(VH a, VH b) { return vact_s16(a) < vact_s16(b) ? a : b; }
static inline MH vh_gt_s(VH a, VH b) { return vact_s16(a) > vact_s16(b); }
static inline MH vh_eq(VH a, VH b) { return a == b; }
static inline VH vh_sel(MH m, VH a, VH b) { return m ? a : b; }
static inline int vh_many(MH m) { return m; }
/* tbl[bits(t) & 15] (the fast tier's 2^(j/16) tables) */
static inline V vlut16(const float *tbl, V t) { return tbl[vact_u(t) & 15u]; }
/* tbl[bits(t) & 7] */
static inline V vlut8(const float *tbl, V t) { return tbl[vact_u(t) & 7u]; }
#include "vocab_fast.h" /* the fast tier's estimate operations */
#include "../common/vocab_pow2.h"
#include "../common/vocab_half.h"
#include "../common/vocab_minmax.h"
