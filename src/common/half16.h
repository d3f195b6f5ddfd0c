/* Per-call constants of the 16-bit kernels on the stored bits
 * (src/kernels/t16/h16.h), in plain C (inlined into every ISA's kernels: the
 * same integer and IEEE float operations, so the same constants): a float
 * parameter as an order key (vact_h16_kle) and rounded to the type
 * (vact_h16_round). Keys: the int16 k(h) = h for h >= 0, 0x7fff - h for
 * the negatives (-0 -> -1), so that the numbers' order is the keys'. */
#ifndef VACT_COMMON_HALF16_H
#define VACT_COMMON_HALF16_H
#include <stdint.h>
#include <string.h>

static inline uint32_t vact_h16_bits_of(float a) {
    uint32_t u;
    memcpy(&u, &a, sizeof u);
    return u;
}

/* the largest 16-bit magnitude <= |a| (a not NaN), and whether it is |a| */
static inline uint16_t vact_h16_trunc(float a, int f16, int *exact) {
    uint32_t m = vact_h16_bits_of(a) & 0x7fffffffu;
    if (!f16) {
        *exact = (m & 0xffffu) == 0;
        return (uint16_t)(m >> 16);
    }
    if (m >= 0x7f800000u) { /* inf */
        *exact = 1;
        return 0x7c00;
    }
    if (m > 0x477fe000u) { /* above 65504, the largest finite */
        *exact = 0;
        return 0x7bff;
    }
    if (m >= 0x38800000u) { /* normal: 2^-14 and above */
        *exact = (m & 0x1fffu) == 0;
        return (uint16_t)((m - 0x38000000u) >> 13);
    }
    float q;
    memcpy(&q, &m, sizeof q);
    q *= 0x1p24f; /* |a| in subnormal steps, exact */
    uint16_t t = (uint16_t)q;
    *exact = (float)t == q;
    return t;
}

/* the largest key whose value is <= a (a not NaN; f16: 1 for f16, 0 for bf16) */
static inline int16_t vact_h16_kle(float a, int f16) {
    if (a == 0.0f) return 0; /* both zeros are <= +-0: +0's key */
    int exact;
    uint16_t t = vact_h16_trunc(a, f16, &exact);
    if (!(vact_h16_bits_of(a) >> 31)) return (int16_t)t;
    return (int16_t)(-1 - (int32_t)(t + !exact)); /* the next magnitude up, unless exact */
}

/* the bits vstore_bf16_nd / vstore_f16_nd store for a (src/common/vocab_half.h:
 * round to nearest even, NaN -> the default NaN) */
static inline uint16_t vact_h16_round(float a, int f16) {
    uint32_t u = vact_h16_bits_of(a), m = u & 0x7fffffffu;
    if (m > 0x7f800000u) return f16 ? 0x7e00 : 0x7fc0;
    if (!f16) return (uint16_t)((u + 0x7fffu + ((u >> 16) & 1u)) >> 16);
    uint16_t s = (uint16_t)((u >> 16) & 0x8000u);
    if (m > 0x477fefffu) return (uint16_t)(s | 0x7c00);
    if (m > 0x387fffffu) return (uint16_t)(s | ((m - 0x38000000u + 0xfffu + ((m >> 13) & 1u)) >> 13));
    float f;
    memcpy(&f, &m, sizeof f);
    return (uint16_t)(s | (vact_h16_bits_of(f + 0.5f) - 0x3f000000u)); /* one IEEE addition rounds to the 2^-24 step */
}

#endif
