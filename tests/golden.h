/* Golden file of the elementwise functions: tests/golden/golden.bin.
 *
 * Written by tests/make_golden.c (scripts/make_golden.sh) from the scalar
 * path on x86, read by tests/test_golden.c, which recomputes every record with
 * every supported ISA and compares bit for bit (any NaN equals any NaN).
 * The file carries its own inputs, so it does not depend on how they were made.
 *
 * Layout, all little-endian, floats as IEEE binary32 bit patterns:
 *   "VACTGLD1"                     8-byte magic
 *   u32 n, u32 nrec
 *   f32 x[n], f32 dy[n]            inputs (forward x; backward x and dy)
 *   nrec records:
 *     char name[24]                function name, NUL-padded
 *     u32 np, f32 p[2]             parameter count and values (unused = 0)
 *     f32 y[n]                     forward f(x)
 *     f32 dx[n]                    backward dy * f'(x)
 */
#ifndef VACT_TEST_GOLDEN_H
#define VACT_TEST_GOLDEN_H
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define GOLDEN_MAGIC "VACTGLD1"
#define GOLDEN_NAME 24

static inline void golden_put_u32(FILE *f, uint32_t v) {
    unsigned char b[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 24)};
    fwrite(b, 1, 4, f);
}
static inline void golden_put_f32(FILE *f, float x) {
    uint32_t u;
    memcpy(&u, &x, 4);
    golden_put_u32(f, u);
}
static inline int golden_get_u32(FILE *f, uint32_t *v) {
    unsigned char b[4];
    if (fread(b, 1, 4, f) != 4) return -1;
    *v = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
    return 0;
}
static inline int golden_get_f32(FILE *f, float *x) {
    uint32_t u;
    if (golden_get_u32(f, &u)) return -1;
    memcpy(x, &u, 4);
    return 0;
}
#endif
