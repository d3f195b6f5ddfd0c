/* AVX2 + FMA vocabulary: 8 float lanes, vector masks (all-ones lanes).
 * Semantics shared by every ISA's vocabulary (see src/kernels/README.md). */
#include <immintrin.h>
#include <stdint.h>
#include <string.h>

#define VACT_W 8
#define KFN(name) vact_avx2_##name
#define VACT_TABLE vact__table_avx2

typedef __m256 V;
typedef __m256i VI;
typedef __m256 M;

static inline V vload(const float *p) { return _mm256_loadu_ps(p); }
static inline void vstore(float *p, V v) { _mm256_storeu_ps(p, v); }
static inline __m256i vact_tailmask(size_t k) {
    return _mm256_cmpgt_epi32(_mm256_set1_epi32((int)k), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
}
static inline V vload_n(const float *p, size_t k) { return _mm256_maskload_ps(p, vact_tailmask(k)); }
static inline void vstore_n(float *p, V v, size_t k) { _mm256_maskstore_ps(p, vact_tailmask(k), v); }
/* non-temporal store (p aligned to 32 bytes) and the fence that ends a run of them */
#define VACT_NT 1
static inline void vstore_nt(float *p, V v) { _mm256_stream_ps(p, v); }
static inline void vact_nt_fence(void) { _mm_sfence(); }
/* the backward loops' software prefetch distance in bytes (driver.h's
 * VACT_PREFETCH_) */
#define VACT_PF 4096
/* the 16-bit pair stores' last op (nt: non-temporal, p then aligned to the
 * store's size; a constant after inlining) */
static inline void vact_put256_(void *p, __m256i v, int nt) {
    if (nt) _mm256_stream_si256((__m256i *)p, v);
    else _mm256_storeu_si256((__m256i *)p, v);
}
static inline void vact_put128_(void *p, __m128i v, int nt) {
    if (nt) _mm_stream_si128((__m128i *)p, v);
    else _mm_storeu_si128((__m128i *)p, v);
}
static inline V vset1(float f) { return _mm256_set1_ps(f); }
static inline V vzero(void) { return _mm256_setzero_ps(); }

static inline V vadd(V a, V b) { return _mm256_add_ps(a, b); }
static inline V vsub(V a, V b) { return _mm256_sub_ps(a, b); }
static inline V vmul(V a, V b) { return _mm256_mul_ps(a, b); }
static inline V vdiv(V a, V b) { return _mm256_div_ps(a, b); }
static inline V vsqrt(V a) { return _mm256_sqrt_ps(a); }
static inline V vfma(V a, V b, V c) { return _mm256_fmadd_ps(a, b, c); }
static inline V vfms(V a, V b, V c) { return _mm256_fmsub_ps(a, b, c); }
static inline V vfnma(V a, V b, V c) { return _mm256_fnmadd_ps(a, b, c); }
static inline V vmin(V a, V b) { return _mm256_min_ps(a, b); }
static inline V vmax(V a, V b) { return _mm256_max_ps(a, b); }

static inline VI vasi(V a) { return _mm256_castps_si256(a); }
static inline V vasf(VI a) { return _mm256_castsi256_ps(a); }
static inline V vand(V a, V b) { return _mm256_and_ps(a, b); }
static inline V vor(V a, V b) { return _mm256_or_ps(a, b); }
static inline V vxor(V a, V b) { return _mm256_xor_ps(a, b); }
static inline V vandnot(V a, V b) { return _mm256_andnot_ps(a, b); }
static inline V vabs(V a) { return vasf(_mm256_and_si256(vasi(a), _mm256_set1_epi32(0x7fffffff))); }
static inline V vneg(V a) { return vasf(_mm256_xor_si256(vasi(a), _mm256_set1_epi32((int)0x80000000u))); }

static inline M vlt(V a, V b) { return _mm256_cmp_ps(a, b, _CMP_LT_OQ); }
static inline M vle(V a, V b) { return _mm256_cmp_ps(a, b, _CMP_LE_OQ); }
static inline M vgt(V a, V b) { return _mm256_cmp_ps(a, b, _CMP_GT_OQ); }
static inline M vge(V a, V b) { return _mm256_cmp_ps(a, b, _CMP_GE_OQ); }
static inline M veq(V a, V b) { return _mm256_cmp_ps(a, b, _CMP_EQ_OQ); }
static inline M visnan(V a) { return _mm256_cmp_ps(a, a, _CMP_UNORD_Q); }
static inline M mand(M a, M b) { return _mm256_and_ps(a, b); }
static inline M mor(M a, M b) { return _mm256_or_ps(a, b); }
static inline M mandnot(M a, M b) { return _mm256_andnot_ps(a, b); }
static inline M mnot(M a) { return _mm256_xor_ps(a, _mm256_castsi256_ps(_mm256_set1_epi32(-1))); }
static inline int many(M a) { return _mm256_movemask_ps(a) != 0; }
static inline V vsel(M m, V a, V b) { return _mm256_blendv_ps(b, a, m); }
/* m's sign bit set ? a : b (the blend's own rule: no compare) */
#define VACT_SEL_SIGN_1OP 1
static inline V vsel_sign(V m, V a, V b) { return _mm256_blendv_ps(b, a, m); }
/* vsel_neg(x, a, b): a where x < 0, b where x > 0; at +-0 and NaN either
 * (README): here the sign-bit blend itself, no compare */
static inline V vsel_neg(V x, V a, V b) { return vsel_sign(x, a, b); }
static inline VI viset1(int32_t i) { return _mm256_set1_epi32(i); }
static inline VI viadd(VI a, VI b) { return _mm256_add_epi32(a, b); }
static inline VI visub(VI a, VI b) { return _mm256_sub_epi32(a, b); }
static inline VI viand(VI a, VI b) { return _mm256_and_si256(a, b); }
static inline VI vior(VI a, VI b) { return _mm256_or_si256(a, b); }
#define vishl(a, k) _mm256_slli_epi32((a), (k))
#define visrl(a, k) _mm256_srli_epi32((a), (k))
#define visra(a, k) _mm256_srai_epi32((a), (k))
static inline M vieq(VI a, VI b) { return _mm256_castsi256_ps(_mm256_cmpeq_epi32(a, b)); }
static inline M vigt(VI a, VI b) { return _mm256_castsi256_ps(_mm256_cmpgt_epi32(a, b)); }
static inline V vcvt_i2f(VI a) { return _mm256_cvtepi32_ps(a); }
static inline VI vcvtt_f2i(V a) { return _mm256_cvttps_epi32(a); }
static inline V vrint(V a) { return _mm256_round_ps(a, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC); }
/* 16-bit lanes: uint16 memory <-> int32 lanes (zero-extended; stores take
 * the low 16 bits of lanes in 0..65535); tails through a stack buffer */
static inline VI vload_u16(const uint16_t *p) { return _mm256_cvtepu16_epi32(_mm_loadu_si128((const __m128i *)p)); }
static inline VI vload_u16_n(const uint16_t *p, size_t k) {
    uint16_t t[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    if (k) memcpy(t, p, k * sizeof *t);
    return vload_u16(t);
}
static inline __m128i vact_pack16(VI v) {
    return _mm_packus_epi32(_mm256_castsi256_si128(v), _mm256_extracti128_si256(v, 1));
}
static inline void vstore_u16(uint16_t *p, VI v) { _mm_storeu_si128((__m128i *)p, vact_pack16(v)); }
/* two vectors at once (common/vocab_half.h's vload_bf16x2 /
 * vstore_bf16x2_dn): the 16 words at p in 32-bit lanes, even words (<< 16)
 * in a, odd words (the high half as it is) in b; the store puts them back
 * in the same order. */
#define VACT_U16X2 1
static inline void vload_u16x2_hi(const uint16_t *p, V *a, V *b) {
    __m256i d = _mm256_loadu_si256((const __m256i *)p);
    *a = _mm256_castsi256_ps(_mm256_slli_epi32(d, 16));
    *b = _mm256_castsi256_ps(_mm256_and_si256(d, _mm256_set1_epi32((int32_t)0xffff0000u)));
}
/* vstore_bf16x2_dn (common/vocab_half.h's, for values whose only NaN is the
 * default one): the bits of its (u + 0x7fff + bit 16 of u) >> 16, computed
 * on both vectors at once in 16-bit words: H (the high words: a's shifted
 * down, b's in place, one vpblendw) plus the carry of L + 0x7fff + (H & 1),
 * L the low words. That carry is 1 iff (L | (H & 1)) >= 0x8001 (L > 0x8000,
 * or L = 0x8000 and H odd; bit 0 of L matters only above 0x8000 anyway),
 * the top bit of vpavgw(L | (H & 1), 0x7ffe) = (. + 0x7fff) >> 1.
 * H + carry stays in its word (H <= 0xff80 after the default NaN: 0x7f7f or
 * 0xff7f + 1 is the infinity, as in 32 bits). 9 ops for the pair (the
 * 32-bit form: 11). */
#define VACT_BF16X2_DN 1
/* vpack_bf16x2_dn: those 16 words as a VH, in memory order (driver.h's
 * clamp on the rounded words, VACT_K16POST) */
#define VACT_BF16X2_PACK 1
static inline __m256i vpack_bf16x2_dn(V a, V b) { /* a VH */
    __m256i ua = _mm256_castps_si256(a), ub = _mm256_castps_si256(b);
    __m256i h = _mm256_blend_epi16(_mm256_srli_epi32(ua, 16), ub, 0xaa);
    __m256i l = _mm256_blend_epi16(ua, _mm256_slli_epi32(ub, 16), 0xaa);
    __m256i z = _mm256_or_si256(l, _mm256_and_si256(h, _mm256_set1_epi16(1)));
    __m256i c = _mm256_srli_epi16(_mm256_avg_epu16(z, _mm256_set1_epi16(0x7ffe)), 15);
    return _mm256_add_epi16(h, c);
}
static inline void vstore_bf16x2_dn(uint16_t *p, V a, V b, int nt) { vact_put256_(p, vpack_bf16x2_dn(a, b), nt); }
static inline void vstore_u16_n(uint16_t *p, VI v, size_t k) {
    uint16_t t[8];
    vstore_u16(t, v);
    if (k) memcpy(p, t, k * sizeof *t);
}
/* f16 by F16C: vcvtph2ps is exact (subnormals included; a signaling NaN
 * comes back quiet), vcvtps2ph with imm 0 rounds to nearest even whatever
 * MXCSR.RC says (subnormal results computed, not flushed: FTZ does not apply;
 * NaN -> quiet NaN, payload truncated): the bits of vocab_half.h's integer
 * version (tests/test_t16.c checks every f16 and a sample of f32). */
#define VACT_F16_HW 1
static inline V vload_f16(const uint16_t *p) { return _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)p)); }
static inline V vload_f16_n(const uint16_t *p, size_t k) {
    uint16_t t[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    if (k) memcpy(t, p, k * sizeof *t);
    return vload_f16(t);
}
#define VACT_F16_NT 1
static inline void vstore_f16_k(uint16_t *p, V v, int nt) {
    vact_put128_(p, _mm256_cvtps_ph(v, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC), nt);
}
static inline void vstore_f16(uint16_t *p, V v) { vstore_f16_k(p, v, 0); }
static inline void vstore_f16_n(uint16_t *p, V v, size_t k) {
    uint16_t t[8];
    vstore_f16(t, v);
    if (k) memcpy(p, t, k * sizeof *t);
}
/* 16-bit integer lanes (driver.h's VACT_H16: the piecewise-linear bf16 /
 * f16 kernels on the stored bits): 16 lanes of int16, masks all-ones lanes;
 * tails through a stack buffer */
#define VACT_WH 16
typedef __m256i VH;
typedef __m256i MH;
static inline VH vh_load(const uint16_t *p) { return _mm256_loadu_si256((const __m256i *)p); }
static inline VH vh_load_n(const uint16_t *p, size_t k) {
    uint16_t t[16] = {0};
    if (k) memcpy(t, p, k * sizeof *t);
    return vh_load(t);
}
static inline void vh_store(uint16_t *p, VH v) { _mm256_storeu_si256((__m256i *)p, v); }
static inline void vh_store_nt(uint16_t *p, VH v) { _mm256_stream_si256((__m256i *)p, v); } /* p 32-byte aligned */
static inline void vh_store_n(uint16_t *p, VH v, size_t k) {
    uint16_t t[16];
    vh_store(t, v);
    if (k) memcpy(p, t, k * sizeof *t);
}
static inline VH vh_set1(uint16_t a) { return _mm256_set1_epi16((short)a); }
static inline VH vh_and(VH a, VH b) { return _mm256_and_si256(a, b); }
static inline VH vh_or(VH a, VH b) { return _mm256_or_si256(a, b); }
static inline VH vh_xor(VH a, VH b) { return _mm256_xor_si256(a, b); }
static inline VH vh_add(VH a, VH b) { return _mm256_add_epi16(a, b); }
static inline VH vh_sub(VH a, VH b) { return _mm256_sub_epi16(a, b); }
static inline VH vh_max_s(VH a, VH b) { return _mm256_max_epi16(a, b); }
static inline VH vh_min_s(VH a, VH b) { return _mm256_min_epi16(a, b); }
static inline MH vh_gt_s(VH a, VH b) { return _mm256_cmpgt_epi16(a, b); }
static inline MH vh_eq(VH a, VH b) { return _mm256_cmpeq_epi16(a, b); }
static inline VH vh_sel(MH m, VH a, VH b) { return _mm256_blendv_epi8(b, a, m); }
static inline int vh_many(MH m) { return !_mm256_testz_si256(m, m); }
/* the lanes where a or b is NaN: one unordered compare (the 16-bit stores'
 * NaN default, src/kernels/driver.h) */
#define VACT_UNORD 1
static inline M vact_unord(V a, V b) { return _mm256_cmp_ps(a, b, _CMP_UNORD_Q); }
/* tbl[bits(t) & 15] (the fast tier's 2^(j/16) tables): two vpermps over the
 * halves, bit 3 of the index (shifted to the sign) picks one */
static inline V vlut16(const float *tbl, V t) {
    __m256i i = vasi(t);
    V lo = _mm256_permutevar8x32_ps(_mm256_loadu_ps(tbl), i);
    V hi = _mm256_permutevar8x32_ps(_mm256_loadu_ps(tbl + 8), i);
    return _mm256_blendv_ps(lo, hi, vasf(_mm256_slli_epi32(i, 28)));
}
/* IEEE maximum/minimum (common/vocab_minmax.h): maxps / minps return their
 * second operand on a tie or a NaN, so max(a, b) & max(b, a) is the +0 of a
 * ±0 tie (and the value otherwise), and min(a, b) | min(b, a) the -0 of a
 * tie. With a NaN, one of the two is that NaN and the other the other
 * operand: the | keeps a NaN (all-ones exponent, a nonzero mantissa), so
 * vmin_ieee is those 3 ops; the & does not, and vmax_ieee ors in the
 * unordered mask (the NaN 0xffffffff; 5 ops; NaN payloads are unspecified,
 * docs/contract.md). vmax_ieee_nn: the 3 ops, for lanes without a NaN. */
#define VACT_MINMAX_IEEE 1
static inline V vmax_ieee_nn(V a, V b) { return _mm256_and_ps(_mm256_max_ps(a, b), _mm256_max_ps(b, a)); }
static inline V vmax_ieee(V a, V b) { return _mm256_or_ps(vmax_ieee_nn(a, b), _mm256_cmp_ps(a, b, _CMP_UNORD_Q)); }
static inline V vmin_ieee(V a, V b) { return _mm256_or_ps(_mm256_min_ps(a, b), _mm256_min_ps(b, a)); }
#define VACT_MINMAX_NN 1
/* tbl[bits(t) & 7]: one vpermps. VACT_LUT16_SLOW: vlut16 costs two permutes
 * and a blend here, so kernels with many lookups take 8-entry tables */
static inline V vlut8(const float *tbl, V t) { return _mm256_permutevar8x32_ps(_mm256_loadu_ps(tbl), vasi(t)); }
#define VACT_LUT16_SLOW 1
#include "vocab_fast.h" /* the fast tier's estimate operations */
#include "../common/vocab_pow2.h"
#include "../common/vocab_half.h"
#include "../common/vocab_minmax.h"
