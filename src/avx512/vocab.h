/* AVX-512 (F+VL+DQ+BW) vocabulary: 16 float lanes, __mmask16 masks.
 * Semantics shared by every ISA's vocabulary (see src/kernels/README.md). */
#include <immintrin.h>
#include <stdint.h>

#define VACT_W 16
#ifndef KFN /* src/avx512/kernels_bf16.c names its functions vact_avx512bf16_* */
#define KFN(name) vact_avx512_##name
#define VACT_TABLE vact__table_avx512
#endif

typedef __m512 V;
typedef __m512i VI;
typedef __mmask16 M;

static inline V vload(const float *p) { return _mm512_loadu_ps(p); }
static inline void vstore(float *p, V v) { _mm512_storeu_ps(p, v); }
static inline M vact_tailmask(size_t k) { return (M)(((uint32_t)1 << k) - 1u); }
static inline V vload_n(const float *p, size_t k) { return _mm512_maskz_loadu_ps(vact_tailmask(k), p); }
static inline void vstore_n(float *p, V v, size_t k) { _mm512_mask_storeu_ps(p, vact_tailmask(k), v); }
/* non-temporal store (p aligned to 64 bytes) and the fence that ends a run of them */
#define VACT_NT 1
static inline void vstore_nt(float *p, V v) { _mm512_stream_ps(p, v); }
static inline void vact_nt_fence(void) { _mm_sfence(); }
/* the backward loops' software prefetch distance in bytes (driver.h's
 * VACT_PREFETCH_) */
#define VACT_PF 4096
/* the 16-bit pair stores' last op (nt: non-temporal, p then aligned to the
 * store's size; a constant after inlining) */
static inline void vact_put512_(void *p, __m512i v, int nt) {
    if (nt) _mm512_stream_si512(p, v);
    else _mm512_storeu_si512(p, v);
}
static inline void vact_put256_(void *p, __m256i v, int nt) {
    if (nt) _mm256_stream_si256((__m256i *)p, v);
    else _mm256_storeu_si256((__m256i *)p, v);
}
static inline V vset1(float f) { return _mm512_set1_ps(f); }
static inline V vzero(void) { return _mm512_setzero_ps(); }

static inline V vadd(V a, V b) { return _mm512_add_ps(a, b); }
static inline V vsub(V a, V b) { return _mm512_sub_ps(a, b); }
static inline V vmul(V a, V b) { return _mm512_mul_ps(a, b); }
static inline V vdiv(V a, V b) { return _mm512_div_ps(a, b); }
static inline V vsqrt(V a) { return _mm512_sqrt_ps(a); }
static inline V vfma(V a, V b, V c) { return _mm512_fmadd_ps(a, b, c); }   /* a*b+c */
static inline V vfms(V a, V b, V c) { return _mm512_fmsub_ps(a, b, c); }   /* a*b-c */
static inline V vfnma(V a, V b, V c) { return _mm512_fnmadd_ps(a, b, c); } /* c-a*b */
/* min/max: a<b?a:b / a>b?a:b, i.e. the second operand when unordered or equal */
static inline V vmin(V a, V b) { return _mm512_min_ps(a, b); }
static inline V vmax(V a, V b) { return _mm512_max_ps(a, b); }

static inline VI vasi(V a) { return _mm512_castps_si512(a); }
static inline V vasf(VI a) { return _mm512_castsi512_ps(a); }
static inline V vand(V a, V b) { return _mm512_and_ps(a, b); }
static inline V vor(V a, V b) { return _mm512_or_ps(a, b); }
static inline V vxor(V a, V b) { return _mm512_xor_ps(a, b); }
static inline V vandnot(V a, V b) { return _mm512_andnot_ps(a, b); } /* ~a & b */
static inline V vabs(V a) { return vasf(_mm512_and_si512(vasi(a), _mm512_set1_epi32(0x7fffffff))); }
static inline V vneg(V a) { return vasf(_mm512_xor_si512(vasi(a), _mm512_set1_epi32((int)0x80000000u))); }

static inline M vlt(V a, V b) { return _mm512_cmp_ps_mask(a, b, _CMP_LT_OQ); }
static inline M vle(V a, V b) { return _mm512_cmp_ps_mask(a, b, _CMP_LE_OQ); }
static inline M vgt(V a, V b) { return _mm512_cmp_ps_mask(a, b, _CMP_GT_OQ); }
static inline M vge(V a, V b) { return _mm512_cmp_ps_mask(a, b, _CMP_GE_OQ); }
static inline M veq(V a, V b) { return _mm512_cmp_ps_mask(a, b, _CMP_EQ_OQ); }
static inline M visnan(V a) { return _mm512_cmp_ps_mask(a, a, _CMP_UNORD_Q); }
static inline M mand(M a, M b) { return (M)(a & b); }
static inline M mor(M a, M b) { return (M)(a | b); }
static inline M mandnot(M a, M b) { return (M)(~a & b); } /* ~a & b */
static inline M mnot(M a) { return (M)~a; }
static inline int many(M a) { return a != 0; }
static inline V vsel(M m, V a, V b) { return _mm512_mask_blend_ps(m, b, a); } /* m ? a : b */
/* vsel_neg(x, a, b): a where x < 0, b where x > 0; at +-0 and NaN either
 * (README): a compare and a blend (faster here than vpmovd2m + blend) */
static inline V vsel_neg(V x, V a, V b) { return vsel(vlt(x, vzero()), a, b); }

/* m's sign bit set ? a : b (vpmovd2m + blend) */
static inline V vsel_sign(V m, V a, V b) { return _mm512_mask_blend_ps(_mm512_movepi32_mask(_mm512_castps_si512(m)), b, a); }
static inline VI viset1(int32_t i) { return _mm512_set1_epi32(i); }
static inline VI viadd(VI a, VI b) { return _mm512_add_epi32(a, b); }
static inline VI visub(VI a, VI b) { return _mm512_sub_epi32(a, b); }
static inline VI viand(VI a, VI b) { return _mm512_and_si512(a, b); }
static inline VI vior(VI a, VI b) { return _mm512_or_si512(a, b); }
#define vishl(a, k) _mm512_slli_epi32((a), (k))
#define visrl(a, k) _mm512_srli_epi32((a), (k))
#define visra(a, k) _mm512_srai_epi32((a), (k))
static inline M vieq(VI a, VI b) { return _mm512_cmpeq_epi32_mask(a, b); }
static inline M vigt(VI a, VI b) { return _mm512_cmpgt_epi32_mask(a, b); }
static inline V vcvt_i2f(VI a) { return _mm512_cvtepi32_ps(a); }
/* truncation; defined for |a| < 2^31 only (other lanes unspecified) */
static inline VI vcvtt_f2i(V a) { return _mm512_cvttps_epi32(a); }
/* round to nearest, ties to even */
static inline V vrint(V a) { return _mm512_roundscale_ps(a, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC); }
/* p * 2^n rounded once (subnormal results and overflow included) by scalef,
 * for vscale2n and vscale2n_e alike; vpow2_halves from the shared header. */
#define VACT_SCALEF 1
static inline V vscale2n(V p, V n) { return _mm512_scalef_ps(p, n); }
static inline V vscale2n_e(V p, V n) { return _mm512_scalef_ps(p, n); }
/* p * 2^floor(t - VACT_MAGIC16) (vocab_pow2.h): scalef floors its exponent */
#define VACT_MAGIC16 (0x1.8p19f + 191.0f)
static inline V vexp2_t16(V p, V t) { return _mm512_scalef_ps(p, _mm512_sub_ps(t, _mm512_set1_ps(VACT_MAGIC16))); }
/* tbl[bits(t) & 15] (the fast tier's 2^(j/16) tables): vpermps */
static inline V vlut16(const float *tbl, V t) { return _mm512_permutexvar_ps(vasi(t), _mm512_loadu_ps(tbl)); }
/* tbl[bits(t) & 7]: the same vpermps, the table in both halves */
static inline V vlut8(const float *tbl, V t) { return _mm512_permutexvar_ps(vasi(t), _mm512_broadcast_f32x8(_mm256_loadu_ps(tbl))); }
/* 16-bit lanes: uint16 memory <-> int32 lanes (zero-extended; stores take
 * the low 16 bits of lanes in 0..65535); tails by AVX512BW masks */
static inline VI vload_u16(const uint16_t *p) { return _mm512_cvtepu16_epi32(_mm256_loadu_si256((const __m256i *)p)); }
static inline VI vload_u16_n(const uint16_t *p, size_t k) {
    return _mm512_cvtepu16_epi32(_mm256_maskz_loadu_epi16(vact_tailmask(k), p));
}
static inline void vstore_u16(uint16_t *p, VI v) { _mm256_storeu_si256((__m256i *)p, _mm512_cvtepi32_epi16(v)); }
static inline void vstore_u16_n(uint16_t *p, VI v, size_t k) {
    _mm512_mask_cvtepi32_storeu_epi16(p, vact_tailmask(k), v);
}
/* Two vectors of 16-bit values in one load / store (common/vocab_half.h's
 * vload_bf16x2 / vstore_bf16x2_dn): vpunpcklwd / vpunpckhwd under zeros put
 * the words of each 128-bit block into the high halves of two vectors (a:
 * words 0-3 of every block, b: words 4-7), the bf16 -> f32 widening in one
 * op; vstore_bf16x2_dn below puts them back in memory order. */
#define VACT_U16X2 1
static inline void vload_u16x2_hi(const uint16_t *p, V *a, V *b) {
    __m512i d = _mm512_loadu_si512(p), z = _mm512_setzero_si512();
    *a = _mm512_castsi512_ps(_mm512_unpacklo_epi16(z, d));
    *b = _mm512_castsi512_ps(_mm512_unpackhi_epi16(z, d));
}
/* vstore_bf16x2_dn (common/vocab_half.h's, for values whose only NaN is the
 * default one): the same integer rounding u + 0x7fff + bit 16 of u, as a
 * vptestmd and a masked add (u + 0x8000 where bit 16 is set), and the high
 * words of both vectors picked by one vpermt2w in the order that undoes
 * vload_u16x2_hi: word j of block c (8 words) is a's dword 4c + j (j < 4)
 * or b's dword 4c + j - 4. */
#define VACT_BF16X2_DN 1
static inline __m512i vact_bf16_rnd_(V v) {
    __m512i u = _mm512_castps_si512(v);
    __mmask16 k = _mm512_test_epi32_mask(u, _mm512_set1_epi32(0x10000));
    return _mm512_mask_add_epi32(_mm512_add_epi32(u, _mm512_set1_epi32(0x7fff)), k, u, _mm512_set1_epi32(0x8000));
}
static inline void vstore_bf16x2_dn(uint16_t *p, V a, V b, int nt) {
    const __m512i idx = _mm512_set_epi16( /* word 8c + w: 8c + 2w + 1 (a), 8c + 2w + 25 (b: 32 + 8c + 2(w - 4) + 1) */
        39 + 24, 37 + 24, 35 + 24, 33 + 24, 7 + 24, 5 + 24, 3 + 24, 1 + 24,
        39 + 16, 37 + 16, 35 + 16, 33 + 16, 7 + 16, 5 + 16, 3 + 16, 1 + 16,
        39 + 8, 37 + 8, 35 + 8, 33 + 8, 7 + 8, 5 + 8, 3 + 8, 1 + 8,
        39, 37, 35, 33, 7, 5, 3, 1);
    vact_put512_(p, _mm512_permutex2var_epi16(vact_bf16_rnd_(a), idx, vact_bf16_rnd_(b)), nt);
}
/* the lanes where a or b is NaN: one unordered compare (the 16-bit stores'
 * NaN default, src/kernels/driver.h) */
#define VACT_UNORD 1
static inline M vact_unord(V a, V b) { return _mm512_cmp_ps_mask(a, b, _CMP_UNORD_Q); }
/* 16-bit integer lanes (driver.h's VACT_H16): 32 lanes of int16 (BW),
 * __mmask32 masks, tails by masked loads / stores */
#define VACT_WH 32
typedef __m512i VH;
typedef __mmask32 MH;
static inline __mmask32 vact_tailmask32(size_t k) { return (__mmask32)(((uint64_t)1 << k) - 1u); }
static inline VH vh_load(const uint16_t *p) { return _mm512_loadu_si512(p); }
static inline VH vh_load_n(const uint16_t *p, size_t k) { return _mm512_maskz_loadu_epi16(vact_tailmask32(k), p); }
static inline void vh_store(uint16_t *p, VH v) { _mm512_storeu_si512(p, v); }
static inline void vh_store_nt(uint16_t *p, VH v) { _mm512_stream_si512((void *)p, v); } /* p 64-byte aligned */
static inline void vh_store_n(uint16_t *p, VH v, size_t k) { _mm512_mask_storeu_epi16(p, vact_tailmask32(k), v); }
static inline VH vh_set1(uint16_t a) { return _mm512_set1_epi16((short)a); }
static inline VH vh_and(VH a, VH b) { return _mm512_and_si512(a, b); }
static inline VH vh_or(VH a, VH b) { return _mm512_or_si512(a, b); }
static inline VH vh_xor(VH a, VH b) { return _mm512_xor_si512(a, b); }
static inline VH vh_add(VH a, VH b) { return _mm512_add_epi16(a, b); }
static inline VH vh_sub(VH a, VH b) { return _mm512_sub_epi16(a, b); }
static inline VH vh_max_s(VH a, VH b) { return _mm512_max_epi16(a, b); }
static inline VH vh_min_s(VH a, VH b) { return _mm512_min_epi16(a, b); }
static inline MH vh_gt_s(VH a, VH b) { return _mm512_cmpgt_epi16_mask(a, b); }
static inline MH vh_eq(VH a, VH b) { return _mm512_cmpeq_epi16_mask(a, b); }
static inline VH vh_sel(MH m, VH a, VH b) { return _mm512_mask_blend_epi16(m, b, a); }
static inline int vh_many(MH m) { return m != 0; }
/* f16 by vcvtph2ps / vcvtps2ph (imm 0: nearest even), as on AVX2 (see there) */
#define VACT_F16_HW 1
#define VACT_F16_IMM (_MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC)
static inline V vload_f16(const uint16_t *p) { return _mm512_cvtph_ps(_mm256_loadu_si256((const __m256i *)p)); }
static inline V vload_f16_n(const uint16_t *p, size_t k) {
    return _mm512_cvtph_ps(_mm256_maskz_loadu_epi16(vact_tailmask(k), p));
}
#define VACT_F16_NT 1
static inline void vstore_f16_k(uint16_t *p, V v, int nt) { vact_put256_(p, _mm512_cvtps_ph(v, VACT_F16_IMM), nt); }
static inline void vstore_f16(uint16_t *p, V v) { vstore_f16_k(p, v, 0); }
static inline void vstore_f16_n(uint16_t *p, V v, size_t k) {
    _mm256_mask_storeu_epi16(p, vact_tailmask(k), _mm512_cvtps_ph(v, VACT_F16_IMM));
}
/* IEEE maximum/minimum (common/vocab_minmax.h): vrangeps (imm 5/4: max/min
 * of the values, sign by the comparison, so +0 > -0) returns the other
 * operand for a NaN; two vfixupimmps then put back the NaN operand, quieted
 * (a's when both are NaN), as vadd(a, b) does: 3 ops, no mask register
 * (faster here than a compare and a masked add) */
#define VACT_MINMAX_IEEE 1
static inline V vact_nanfix_(V r, V a, V b) { /* a quiet NaN of a or b where one is NaN */
    const __m512i t = _mm512_set1_epi32(0x21); /* QNaN: src, SNaN: QNaN(src), else keep */
    return _mm512_fixupimm_ps(_mm512_fixupimm_ps(r, b, t, 0), a, t, 0);
}
static inline V vmax_ieee(V a, V b) { return vact_nanfix_(_mm512_range_ps(a, b, 5), a, b); }
static inline V vmin_ieee(V a, V b) { return vact_nanfix_(_mm512_range_ps(a, b, 4), a, b); }
/* vrangeps alone: the IEEE maximum where neither is NaN (common/vocab_minmax.h) */
#define VACT_MINMAX_NN 1
static inline V vmax_ieee_nn(V a, V b) { return _mm512_range_ps(a, b, 5); }
#include "vocab_fast.h" /* the fast tier's estimate operations */
#include "../common/vocab_pow2.h"
#include "../common/vocab_half.h"
#include "../common/vocab_minmax.h"

#ifdef VACT_ONLY_BF16 /* src/avx512/kernels_bf16.c, the one file built with -mavx512bf16 (not the compiler macro: a -march=native build must keep the plain table plain) */
/* AVX512-BF16 (only src/avx512/kernels_bf16.c is compiled with
 * -mavx512bf16; the dispatcher uses its functions when CPUID.(7,1):EAX bit
 * 5 is set). vcvtne2ps2bf16 rounds to nearest even whatever MXCSR says and
 * gives exactly vact_bf16_round's bits for every f32 input except the
 * subnormals, which it takes as zero (a signed zero out where vact rounds
 * 0x007fffff to 0x0080, 0x00018000 to 0x0002, ...); its NaNs match too,
 * (u >> 16) | 0x40 (scripts/check_bf16_hw.sh: all 2^32 inputs, on Zen 5;
 * Intel's pseudocode says the same, DAZ included). So a pair of vectors
 * takes the instruction when no lane is a subnormal or a NaN -- one
 * vfpclassps per vector, one kortest, a branch almost never taken -- and
 * the integer rounding otherwise; the NaN lanes go the integer way too
 * (also in the conversion, where the instruction's NaN would do: that
 * leaves its NaN behaviour out of the contract's bits on any CPU). */
#define VACT_BF16_HW_CLS 0xa1 /* vfpclassps: QNaN 0x01 | denormal 0x20 | SNaN 0x80 */
static inline int vact_bf16_hw_ok_(V a, V b) {
    return _kortestz_mask16_u8(_mm512_fpclass_ps_mask(a, VACT_BF16_HW_CLS),
                               _mm512_fpclass_ps_mask(b, VACT_BF16_HW_CLS));
}
/* vstore_bf16x2_nd (src/kernels/driver.h): a and b in vload_u16x2_hi's lane
 * order, any NaN stored as the default NaN 0x7fc0. vcvtne2ps2bf16(b, a) puts
 * a's words in 0-15 and b's in 16-31; one vpermw puts word 8c + j of
 * memory at a's 4c + j (j < 4) or b's 4c + j - 4. */
#define VACT_BF16X2_ND 1
static inline void vstore_bf16x2_nd(uint16_t *p, V a, V b, int nt) {
    if (__builtin_expect(vact_bf16_hw_ok_(a, b), 1)) {
        static const uint16_t ord[32] __attribute__((aligned(64))) = {
            0, 1, 2, 3, 16, 17, 18, 19, 4, 5, 6, 7, 20, 21, 22, 23,
            8, 9, 10, 11, 24, 25, 26, 27, 12, 13, 14, 15, 28, 29, 30, 31};
        __m512i h = (__m512i)_mm512_cvtne2ps_pbh(b, a);
        vact_put512_(p, _mm512_permutexvar_epi16(_mm512_load_si512(ord), h), nt);
    } else {
        vstore_bf16x2_dn(p, vact_nan_default(a), vact_nan_default(b), nt);
    }
}
/* vstore_bf16x2 (the conversion, driver.h's VACT_DEF_CVT): a = p[0..15],
 * b = p[16..31] in memory order, NaN as vstore_bf16 (payload kept) */
#define VACT_BF16X2_CVT 1
static inline void vstore_bf16x2(uint16_t *p, V a, V b) {
    if (__builtin_expect(vact_bf16_hw_ok_(a, b), 1)) {
        _mm512_storeu_si512(p, (__m512i)_mm512_cvtne2ps_pbh(b, a));
    } else {
        vstore_bf16(p, a);
        vstore_bf16(p + VACT_W, b);
    }
}
#endif
