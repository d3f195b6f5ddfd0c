/* AArch64 Advanced SIMD (NEON) vocabulary: 4 float lanes, vector masks
 * (all-ones lanes, uint32x4_t). Semantics shared by every ISA's vocabulary
 * (see src/kernels/README.md); where a NEON instruction differs from the x86
 * one (FMIN/FMAX on NaN and signed zeros), the op is built from compares and
 * bit selects so the bits match scalar/AVX2/AVX-512 exactly.
 *
 * The same file compiles against SIMDe (<simde/arm/neon.h> with native
 * aliases) on x86 for testing: src/neon/kernels_simde.c defines
 * VACT_NEON_SIMDE first, which changes only the header and the names. */
#include <stdint.h>
#include <string.h>
#ifdef VACT_NEON_SIMDE
#ifndef SIMDE_ENABLE_NATIVE_ALIASES
#define SIMDE_ENABLE_NATIVE_ALIASES
#endif
#include <simde/arm/neon.h>
#define KFN(name) vact_simde_neon_##name
#define VACT_TABLE vact__table_simde_neon
#else
#include <arm_neon.h>
#define KFN(name) vact_neon_##name
#define VACT_TABLE vact__table_neon
#endif

#define VACT_W 4

typedef float32x4_t V;
typedef int32x4_t VI;
typedef uint32x4_t M;

static inline V vload(const float *p) { return vld1q_f32(p); }
static inline void vstore(float *p, V v) { vst1q_f32(p, v); }
/* tails through a stack buffer: never reads or writes past p[k-1] */
static inline V vload_n(const float *p, size_t k) {
    float t[4] = {0.0f, 0.0f, 0.0f, 0.0f};
    if (k) memcpy(t, p, k * sizeof *t);
    return vld1q_f32(t);
}
static inline void vstore_n(float *p, V v, size_t k) {
    float t[4];
    vst1q_f32(t, v);
    if (k) memcpy(p, t, k * sizeof *t);
}
/* no non-temporal stores (no intrinsic for STNP): the driver keeps its plain loop */
#define VACT_NT 0
static inline void vstore_nt(float *p, V v) { vst1q_f32(p, v); }
static inline void vact_nt_fence(void) {}
static inline V vset1(float f) { return vdupq_n_f32(f); }
static inline V vzero(void) { return vdupq_n_f32(0.0f); }

/* IEEE, correctly rounded (FPCR: round to nearest, FZ off, as Linux starts) */
static inline V vadd(V a, V b) { return vaddq_f32(a, b); }
static inline V vsub(V a, V b) { return vsubq_f32(a, b); }
static inline V vmul(V a, V b) { return vmulq_f32(a, b); }
#ifndef VACT_NEON_SIMDE
static inline V vdiv(V a, V b) { return vdivq_f32(a, b); }
static inline V vsqrt(V a) { return vsqrtq_f32(a); }
#else
/* SIMDe 0.7 has no vdivq_f32 / vsqrtq_f32: per lane, IEEE correctly rounded
 * like FDIV / FSQRT (test-only build) */
static inline V vdiv(V a, V b) {
    float t[4], u[4];
    vst1q_f32(t, a);
    vst1q_f32(u, b);
    for (int i = 0; i < 4; i++) t[i] = t[i] / u[i];
    return vld1q_f32(t);
}
static inline V vsqrt(V a) {
    float t[4];
    vst1q_f32(t, a);
    for (int i = 0; i < 4; i++) t[i] = __builtin_sqrtf(t[i]);
    return vld1q_f32(t);
}
#endif
/* fused, one rounding: FMLA c + a*b; c - a*b is c + (-a)*b, which is what
 * FMLS computes (the compiler emits FMLS; SIMDe 0.7 lacks vfmsq_f32) */
static inline V vfma(V a, V b, V c) { return vfmaq_f32(c, a, b); }
/* a*b - c as a*b + (-c): the exact-zero sign matches x86 vfmsub (+0) */
static inline V vfms(V a, V b, V c) { return vfmaq_f32(vnegq_f32(c), a, b); }
static inline V vfnma(V a, V b, V c) { return vfmaq_f32(c, vnegq_f32(a), b); }
/* x86 semantics: the second operand when unordered or equal (not FMIN/FMAX) */
static inline V vmin(V a, V b) { return vbslq_f32(vcltq_f32(a, b), a, b); }
static inline V vmax(V a, V b) { return vbslq_f32(vcgtq_f32(a, b), a, b); }

static inline VI vasi(V a) { return vreinterpretq_s32_f32(a); }
static inline V vasf(VI a) { return vreinterpretq_f32_s32(a); }
static inline uint32x4_t vact_u(V a) { return vreinterpretq_u32_f32(a); }
static inline V vact_f(uint32x4_t a) { return vreinterpretq_f32_u32(a); }
static inline V vand(V a, V b) { return vact_f(vandq_u32(vact_u(a), vact_u(b))); }
static inline V vor(V a, V b) { return vact_f(vorrq_u32(vact_u(a), vact_u(b))); }
static inline V vxor(V a, V b) { return vact_f(veorq_u32(vact_u(a), vact_u(b))); }
static inline V vandnot(V a, V b) { return vact_f(vbicq_u32(vact_u(b), vact_u(a))); } /* ~a & b */
static inline V vabs(V a) { return vact_f(vandq_u32(vact_u(a), vdupq_n_u32(0x7fffffffu))); }
static inline V vneg(V a) { return vact_f(veorq_u32(vact_u(a), vdupq_n_u32(0x80000000u))); }

/* ordered compares: false on NaN */
static inline M vlt(V a, V b) { return vcltq_f32(a, b); }
static inline M vle(V a, V b) { return vcleq_f32(a, b); }
static inline M vgt(V a, V b) { return vcgtq_f32(a, b); }
static inline M vge(V a, V b) { return vcgeq_f32(a, b); }
static inline M veq(V a, V b) { return vceqq_f32(a, b); }
static inline M visnan(V a) { return vmvnq_u32(vceqq_f32(a, a)); }
static inline M mand(M a, M b) { return vandq_u32(a, b); }
static inline M mor(M a, M b) { return vorrq_u32(a, b); }
static inline M mandnot(M a, M b) { return vbicq_u32(b, a); } /* ~a & b */
static inline M mnot(M a) { return vmvnq_u32(a); }
static inline int many(M a) { return vmaxvq_u32(a) != 0; }
static inline V vsel(M m, V a, V b) { return vbslq_f32(m, a, b); }
/* vsel_neg(x, a, b): a where x < 0, b where x > 0; at +-0 and NaN either (README) */
static inline V vsel_neg(V x, V a, V b) { return vsel(vlt(x, vzero()), a, b); }

/* m's sign bit set ? a : b */
static inline V vsel_sign(V m, V a, V b) {
    return vbslq_f32(vreinterpretq_u32_s32(vshrq_n_s32(vreinterpretq_s32_f32(m), 31)), a, b);
}
static inline VI viset1(int32_t i) { return vdupq_n_s32(i); }
static inline VI viadd(VI a, VI b) { return vaddq_s32(a, b); } /* wrapping */
static inline VI visub(VI a, VI b) { return vsubq_s32(a, b); }
static inline VI viand(VI a, VI b) { return vandq_s32(a, b); }
static inline VI vior(VI a, VI b) { return vorrq_s32(a, b); }
#define vishl(a, k) vshlq_n_s32((a), (k))
#define visrl(a, k) vreinterpretq_s32_u32(vshrq_n_u32(vreinterpretq_u32_s32(a), (k)))
#define visra(a, k) vshrq_n_s32((a), (k))
static inline M vieq(VI a, VI b) { return vceqq_s32(a, b); }
static inline M vigt(VI a, VI b) { return vcgtq_s32(a, b); }
static inline V vcvt_i2f(VI a) { return vcvtq_f32_s32(a); } /* round to nearest even */
/* truncation (FCVTZS); saturates out of range and gives 0 for NaN where x86
 * gives INT32_MIN: both are "unspecified" in the vocabulary contract */
static inline VI vcvtt_f2i(V a) { return vcvtq_s32_f32(a); }
static inline V vrint(V a) { return vrndnq_f32(a); } /* FRINTN: nearest, ties to even */
/* 16-bit lanes: uint16 memory <-> int32 lanes (zero-extended; stores take
 * the low 16 bits of lanes in 0..65535); tails through a stack buffer */
static inline VI vload_u16(const uint16_t *p) { return vreinterpretq_s32_u32(vmovl_u16(vld1_u16(p))); }
static inline VI vload_u16_n(const uint16_t *p, size_t k) {
    uint16_t t[4] = {0, 0, 0, 0};
    if (k) memcpy(t, p, k * sizeof *t);
    return vload_u16(t);
}
static inline void vstore_u16(uint16_t *p, VI v) { vst1_u16(p, vmovn_u32(vreinterpretq_u32_s32(v))); }
static inline void vstore_u16_n(uint16_t *p, VI v, size_t k) {
    uint16_t t[4];
    vstore_u16(t, v);
    if (k) memcpy(p, t, k * sizeof *t);
}
#ifndef VACT_NEON_SIMDE
/* f16 by FCVT (FPCR as Linux starts: round to nearest even, FZ/FZ16/DN/AHP
 * off): exact widening (a signaling NaN comes back quiet), narrowing
 * rounded once to nearest even with subnormals computed and NaN -> quiet
 * NaN, payload truncated: the bits of vocab_half.h's integer version. (The
 * SIMDe build for x86 tests takes that integer version.) */
#define VACT_F16_HW 1
static inline V vload_f16(const uint16_t *p) { return vcvt_f32_f16(vreinterpret_f16_u16(vld1_u16(p))); }
/* the tails through the 16-bit lane loads/stores above */
static inline V vload_f16_n(const uint16_t *p, size_t k) {
    return vcvt_f32_f16(vreinterpret_f16_u16(vmovn_u32(vreinterpretq_u32_s32(vload_u16_n(p, k)))));
}
static inline void vstore_f16(uint16_t *p, V v) { vst1_u16(p, vreinterpret_u16_f16(vcvt_f16_f32(v))); }
static inline void vstore_f16_n(uint16_t *p, V v, size_t k) {
    vstore_u16_n(p, vreinterpretq_s32_u32(vmovl_u16(vreinterpret_u16_f16(vcvt_f16_f32(v)))), k);
}
#endif
/* 16-bit integer lanes (driver.h's VACT_H16): 8 lanes of int16, masks
 * all-ones lanes; tails through a stack buffer */
#define VACT_WH 8
typedef int16x8_t VH;
typedef uint16x8_t MH;
static inline VH vh_load(const uint16_t *p) { return vreinterpretq_s16_u16(vld1q_u16(p)); }
static inline VH vh_load_n(const uint16_t *p, size_t k) {
    uint16_t t[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    if (k) memcpy(t, p, k * sizeof *t);
    return vh_load(t);
}
static inline void vh_store(uint16_t *p, VH v) { vst1q_u16(p, vreinterpretq_u16_s16(v)); }
static inline void vh_store_nt(uint16_t *p, VH v) { vh_store(p, v); } /* no non-temporal store (VACT_NT 0) */
static inline void vh_store_n(uint16_t *p, VH v, size_t k) {
    uint16_t t[8];
    vh_store(t, v);
    if (k) memcpy(p, t, k * sizeof *t);
}
static inline VH vh_set1(uint16_t a) { return vreinterpretq_s16_u16(vdupq_n_u16(a)); }
static inline VH vh_and(VH a, VH b) { return vandq_s16(a, b); }
static inline VH vh_or(VH a, VH b) { return vorrq_s16(a, b); }
static inline VH vh_xor(VH a, VH b) { return veorq_s16(a, b); }
static inline VH vh_add(VH a, VH b) { return vaddq_s16(a, b); } /* wrapping */
static inline VH vh_sub(VH a, VH b) { return vsubq_s16(a, b); }
static inline VH vh_max_s(VH a, VH b) { return vmaxq_s16(a, b); }
static inline VH vh_min_s(VH a, VH b) { return vminq_s16(a, b); }
static inline MH vh_gt_s(VH a, VH b) { return vcgtq_s16(a, b); }
static inline MH vh_eq(VH a, VH b) { return vceqq_s16(a, b); }
static inline VH vh_sel(MH m, VH a, VH b) { return vbslq_s16(m, a, b); }
static inline int vh_many(MH m) { return vmaxvq_u16(m) != 0; }
/* tbl[bits(t) & 7]: TBL over the 32 table bytes */
static inline V vlut8(const float *tbl, V t) {
    uint8x16x2_t b;
    b.val[0] = vreinterpretq_u8_f32(vld1q_f32(tbl));
    b.val[1] = vreinterpretq_u8_f32(vld1q_f32(tbl + 4));
    uint32x4_t i = vandq_u32(vreinterpretq_u32_f32(t), vdupq_n_u32(7));
    uint32x4_t bi = vmlaq_n_u32(vdupq_n_u32(0x03020100u), i, 0x04040404u);
    return vreinterpretq_f32_u8(vqtbl2q_u8(b, vreinterpretq_u8_u32(bi)));
}
/* tbl[bits(t) & 15] (the fast tier's 2^(j/16) tables): TBL over the 64
 * table bytes, byte indices 4 (i & 15) + {0, 1, 2, 3} */
static inline V vlut16(const float *tbl, V t) {
    uint8x16x4_t b;
    b.val[0] = vreinterpretq_u8_f32(vld1q_f32(tbl));
    b.val[1] = vreinterpretq_u8_f32(vld1q_f32(tbl + 4));
    b.val[2] = vreinterpretq_u8_f32(vld1q_f32(tbl + 8));
    b.val[3] = vreinterpretq_u8_f32(vld1q_f32(tbl + 12));
    uint32x4_t i = vandq_u32(vreinterpretq_u32_f32(t), vdupq_n_u32(15));
    uint32x4_t bi = vmlaq_n_u32(vdupq_n_u32(0x03020100u), i, 0x04040404u);
    return vreinterpretq_f32_u8(vqtbl4q_u8(b, vreinterpretq_u8_u32(bi)));
}
#include "vocab_fast.h" /* the fast tier's estimate operations */
#include "../common/vocab_pow2.h"
#include "../common/vocab_half.h"
#include "../common/vocab_minmax.h"
