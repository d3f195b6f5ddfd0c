/* 16-bit floats from a vocabulary's int ops, included at the end of every
 * src/<isa>/vocab.h (after vocab_pow2.h), on the ISA's vload_u16 /
 * vstore_u16 (uint16 memory <-> zero-extended int32 lanes, full and first-k
 * variants).
 *
 * bf16 (the high half of a binary32), written once for every ISA:
 *   vload_bf16[_n]   exact: the bits shifted left by 16 (a signaling NaN
 *                    stays as it is).
 *   vstore_bf16[_n]  round to nearest even in integers: (u + 0x7fff +
 *                    bit 16 of u) >> 16, overflow to +-inf by the carry into
 *                    the exponent; NaN -> (u >> 16) | 0x0040: quiet, sign
 *                    and the top payload bits kept.
 *
 * f16 (IEEE binary16): ISAs with an exact hardware conversion (F16C on
 * AVX2 / AVX-512, FCVT on AArch64) define VACT_F16_HW and their own
 * vload_f16[_n] / vstore_f16[_n]; the others (scalar, the SIMDe test build)
 * take these, which give the same bits as that hardware:
 *   vact_f16_widen  exact; inf kept; NaN -> quiet (bit 22 set), sign and
 *                    payload kept (a signaling NaN comes back quiet, as
 *                    vcvtph2ps / FCVT do).
 *   vact_f16_round  round to nearest even: normal results by integer
 *                    rounding of the rebiased bits (>= 65520 -> inf by the
 *                    same carry); results below 2^-14 as the bits of
 *                    |x| + 0.5 (ulp(0.5) = 2^-24, the f16 subnormal step:
 *                    one IEEE addition rounds to nearest even); NaN -> sign |
 *                    0x7e00 | top 10 payload bits. */
#ifndef VACT_VOCAB_HALF_H
#define VACT_VOCAB_HALF_H

static inline VI vact_isel(M m, VI a, VI b) { return vasi(vsel(m, vasf(a), vasf(b))); }

static inline V vact_bf16_widen(VI h) { return vasf(vishl(h, 16)); }
static inline VI vact_bf16_round(V v) {
    VI u = vasi(v);
    VI r = visrl(viadd(u, viadd(viset1(0x7fff), viand(visrl(u, 16), viset1(1)))), 16);
    VI q = vior(visrl(u, 16), viset1(0x0040));
    return vact_isel(visnan(v), q, r);
}
/* the rounding alone, for v whose only NaN is the default NaN 0x7fc00000
 * (-> 0x7fc0 by the same sum): the 16-bit elementwise loops, which make every
 * NaN the default one first (src/kernels/driver.h) */
static inline VI vact_bf16_round_dn(V v) {
    VI u = vasi(v);
    return visrl(viadd(u, viadd(viset1(0x7fff), viand(visrl(u, 16), viset1(1)))), 16);
}
static inline void vstore_bf16_dn(uint16_t *p, V v) { vstore_u16(p, vact_bf16_round_dn(v)); }
static inline void vstore_bf16_dn_n(uint16_t *p, V v, size_t k) { vstore_u16_n(p, vact_bf16_round_dn(v), k); }
static inline V vload_bf16(const uint16_t *p) { return vact_bf16_widen(vload_u16(p)); }
static inline V vload_bf16_n(const uint16_t *p, size_t k) { return vact_bf16_widen(vload_u16_n(p, k)); }
static inline void vstore_bf16(uint16_t *p, V v) { vstore_u16(p, vact_bf16_round(v)); }
static inline void vstore_bf16_n(uint16_t *p, V v, size_t k) { vstore_u16_n(p, vact_bf16_round(v), k); }

/* Two vectors at once for the 16-bit elementwise loops (2 VACT_W elements
 * at p): on ISAs that define VACT_U16X2 (vload_u16x2_hi: the bits h << 16 of
 * the 2W values in an ISA-specific lane order) the bf16 pair takes fewer
 * ops, and the ISA defines the matching vstore_bf16x2_dn, which puts the
 * words back in memory order (VACT_BF16X2_DN: AVX-512, AVX2; the same bits
 * as vstore_bf16_dn); the order never changes a value (elementwise
 * kernels). Elsewhere, and for f16, two single loads / stores. The pair
 * stores take nt: non-temporal stores when set (the loops over large arrays,
 * src/kernels/driver.h: p aligned to a 64-byte line), a constant
 * after inlining; ignored on ISAs without them (VACT_NT 0). */
#ifdef VACT_U16X2
#ifndef VACT_BF16X2_DN
#error "an ISA with VACT_U16X2 defines its vstore_bf16x2_dn (VACT_BF16X2_DN)"
#endif
static inline void vload_bf16x2(const uint16_t *p, V *a, V *b) { vload_u16x2_hi(p, a, b); }
#else
static inline void vload_bf16x2(const uint16_t *p, V *a, V *b) { *a = vload_bf16(p); *b = vload_bf16(p + VACT_W); }
#if VACT_NT
#error "an ISA with non-temporal stores (VACT_NT) defines vstore_bf16x2_dn with them (VACT_BF16X2_DN)"
#endif
static inline void vstore_bf16x2_dn(uint16_t *p, V a, V b, int nt) {
    (void)nt;
    vstore_bf16_dn(p, a);
    vstore_bf16_dn(p + VACT_W, b);
}
#endif
/* every NaN of v made the default NaN 0x7fc00000 (-> bf16 0x7fc0, f16
 * 0x7e00): the 16-bit stores' NaN rule (src/kernels/driver.h) */
static inline V vact_nan_default(V v) { return vsel(visnan(v), vset1(__builtin_nanf("")), v); }

#ifndef VACT_F16_HW
static inline V vact_f16_widen(VI h) {
    VI s = vishl(viand(h, viset1(0x8000)), 16);
    VI a = viand(h, viset1(0x7fff));
    /* finite: (a << 13) read as a float is x * 2^-112 (subnormal f16 ->
     * subnormal f32): exact, and so is the product by 2^112 */
    VI fin = vasi(vmul(vasf(vishl(a, 13)), vset1(0x1p112f)));
    VI spec = vior(vishl(a, 13), viset1(0x7f800000));
    spec = vact_isel(vigt(a, viset1(0x7c00)), vior(spec, viset1(0x00400000)), spec);
    return vasf(vior(s, vact_isel(vigt(a, viset1(0x7bff)), spec, fin)));
}
static inline VI vact_f16_round(V v) {
    VI u = vasi(v);
    VI s = viand(visrl(u, 16), viset1(0x8000));
    VI a = viand(u, viset1(0x7fffffff));
    VI nrm = visrl(viadd(visub(a, viset1(0x38000000)),
                         viadd(viset1(0xfff), viand(visrl(a, 13), viset1(1)))), 13);
    nrm = vact_isel(vigt(a, viset1(0x477fefff)), viset1(0x7c00), nrm);
    VI sub = visub(vasi(vadd(vabs(v), vset1(0.5f))), viset1(0x3f000000));
    VI r = vact_isel(vigt(a, viset1(0x387fffff)), nrm, sub);
    VI q = vior(viset1(0x7e00), viand(visrl(a, 13), viset1(0x3ff)));
    return vior(s, vact_isel(vigt(a, viset1(0x7f800000)), q, r));
}
static inline V vload_f16(const uint16_t *p) { return vact_f16_widen(vload_u16(p)); }
static inline V vload_f16_n(const uint16_t *p, size_t k) { return vact_f16_widen(vload_u16_n(p, k)); }
static inline void vstore_f16(uint16_t *p, V v) { vstore_u16(p, vact_f16_round(v)); }
static inline void vstore_f16_n(uint16_t *p, V v, size_t k) { vstore_u16_n(p, vact_f16_round(v), k); }
#endif
/* f16 has no cheaper form for the default-NaN input */
#define vstore_f16_dn vstore_f16
#define vstore_f16_dn_n vstore_f16_n
/* vstore_f16_k(p, v, nt): vstore_f16, non-temporal when nt (p then aligned to
 * the store's size; VACT_F16_NT: AVX2, AVX-512); ignored without VACT_NT */
#ifndef VACT_F16_NT
#if VACT_NT
#error "an ISA with non-temporal stores (VACT_NT) defines vstore_f16_k with them (VACT_F16_NT)"
#endif
static inline void vstore_f16_k(uint16_t *p, V v, int nt) { (void)nt; vstore_f16(p, v); }
#endif
static inline void vload_f16x2(const uint16_t *p, V *a, V *b) { *a = vload_f16(p); *b = vload_f16(p + VACT_W); }
static inline void vstore_f16x2_dn(uint16_t *p, V a, V b, int nt) { vstore_f16_k(p, a, nt); vstore_f16_k(p + VACT_W, b, nt); }

#endif
