/* Writes the golden file (format in golden.h) from the scalar path:
 *   make_golden OUT.bin
 * Every elementwise function of tests/support/ref.c, each parameter set, forward and
 * backward, on a fixed deterministic input set of a few thousand values:
 * specials and their neighbours, subnormals, every power of two (two
 * mantissas), a grid over [-20, 20], the exp over/underflow edges, random
 * values and random bit patterns (NaNs included). n is not a multiple of 16,
 * so the arrays end in a tail. Regenerate with scripts/make_golden.sh. */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "golden.h"
#include "vact_ref.h"
#include "dispatch/cpu.h"

#define CAP 4096

static float bits2f(uint32_t u) { float f; memcpy(&f, &u, 4); return f; }
static uint32_t xs32(uint32_t *s) {
    uint32_t v = *s;
    v ^= v << 13; v ^= v >> 17; v ^= v << 5;
    return *s = v;
}
static float urand(uint32_t *s, float lo, float hi) {
    return lo + (hi - lo) * (float)((xs32(s) >> 8) * (1.0 / 16777216.0));
}

static size_t make_inputs(float *x, float *dy) {
    size_t k = 0;
    /* specials and the points where functions bend, each with both neighbours */
    static const float pts[] = {0.0f, INFINITY, FLT_MAX, FLT_MIN, FLT_TRUE_MIN, 0x1.fffffcp-127f,
                                1.0f, 3.0f, 6.0f, 0.5f, 2.0f, 0.25f, 4.0f, 7.5f, 0.01f, 1e-3f,
                                0.044715f, 0.7978846f, 1.702f, 0.3f, 2.5f, 10.0f, 15.0f, 20.0f,
                                40.0f, 88.72f, 89.0f, 103.97f, 104.0f, 87.3f, 150.0f, 1e10f};
    for (size_t i = 0; i < sizeof pts / sizeof pts[0]; i++)
        for (int s = -1; s <= 1; s += 2) {
            float v = s * pts[i];
            x[k++] = v;
            x[k++] = nextafterf(v, INFINITY);
            x[k++] = nextafterf(v, -INFINITY);
        }
    x[k++] = __builtin_nanf("");
    x[k++] = -__builtin_nanf("");
    /* every power of two (subnormals included), mantissa 1 and 1.5 (every other) */
    for (int e = -149; e <= 127; e++) {
        float v = ldexpf(1.0f, e);
        x[k++] = v;
        x[k++] = -v;
        if (e > -149 && (e & 1)) {
            x[k++] = 1.5f * v;
            x[k++] = -1.5f * v;
        }
    }
    /* a grid over [-20, 20] with an irregular step */
    for (int i = 0; i < 800; i++) x[k++] = -20.0f + 40.0f * (float)i / 797.0f;
    /* the exp over/underflow edges */
    for (int i = 0; i < 60; i++) x[k++] = -105.0f + 25.0f * (float)i / 59.0f;
    for (int i = 0; i < 40; i++) x[k++] = 85.0f + 5.0f * (float)i / 39.0f;
    /* random values and random bit patterns */
    uint32_t st = 0x9e3779b9u;
    for (int i = 0; i < 400; i++) x[k++] = urand(&st, -10.0f, 10.0f);
    for (int i = 0; i < 200; i++) x[k++] = bits2f(xs32(&st));
    /* pad so that n % 16 == 13: the whole-array call ends in a tail */
    while (k % 16 != 13) x[k++] = urand(&st, -3.0f, 3.0f);
    if (k > CAP) {
        fprintf(stderr, "make_golden: too many inputs\n");
        exit(1);
    }
    /* dy: random in +-[0.25, 4], and a few specials */
    static const float dsp[] = {0.0f, -0.0f, 1.0f, -1.0f, 1e-40f, 1e30f, __builtin_nanf("")};
    for (size_t i = 0; i < k; i++) {
        float v = urand(&st, 0.25f, 4.0f);
        dy[i] = (i & 1) ? -v : v;
        if (i % 61 == 7) dy[i] = dsp[(i / 61) % (sizeof dsp / sizeof dsp[0])];
    }
    return k;
}

static int same_bits(float a, float b) {
    if (a != a && b != b) return 1;
    return memcmp(&a, &b, 4) == 0;
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: make_golden OUT.bin\n");
        return 2;
    }
    static float x[CAP], dy[CAP], y[CAP], dx[CAP], y2[CAP], dx2[CAP];
    size_t n = make_inputs(x, dy);
    uint32_t nrec = 0;
    for (size_t i = 0; i < ref_nfns; i++) nrec += (uint32_t)ref_fns[i].nsets;

    FILE *f = fopen(argv[1], "wb");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    fwrite(GOLDEN_MAGIC, 1, 8, f);
    golden_put_u32(f, (uint32_t)n);
    golden_put_u32(f, nrec);
    for (size_t i = 0; i < n; i++) golden_put_f32(f, x[i]);
    for (size_t i = 0; i < n; i++) golden_put_f32(f, dy[i]);

    const vact_table *ts = vact__table_for(VACT_ISA_SCALAR);
    int disagree = 0;
    for (size_t i = 0; i < ref_nfns; i++) {
        const ref_fn *fn = &ref_fns[i];
        for (int s = 0; s < fn->nsets; s++) {
            const float *prm = fn->sets[s];
            ref_call_fwd(ts, fn, prm, n, x, y);
            ref_call_bwd(ts, fn, prm, n, x, dy, dx);
            char name[GOLDEN_NAME] = {0};
            strncpy(name, fn->name, GOLDEN_NAME - 1);
            fwrite(name, 1, GOLDEN_NAME, f);
            golden_put_u32(f, (uint32_t)fn->np);
            golden_put_f32(f, fn->np > 0 ? prm[0] : 0.0f);
            golden_put_f32(f, fn->np > 1 ? prm[1] : 0.0f);
            for (size_t j = 0; j < n; j++) golden_put_f32(f, y[j]);
            for (size_t j = 0; j < n; j++) golden_put_f32(f, dx[j]);
            /* informational: the other ISAs of this machine should agree */
            for (int isa = 1; isa < 4; isa++) {
                if (!vact_isa_supported((vact_isa)isa)) continue;
                const vact_table *t = vact__table_for((vact_isa)isa);
                ref_call_fwd(t, fn, prm, n, x, y2);
                ref_call_bwd(t, fn, prm, n, x, dy, dx2);
                size_t d = 0;
                for (size_t j = 0; j < n; j++) d += !same_bits(y[j], y2[j]) + !same_bits(dx[j], dx2[j]);
                if (d) {
                    printf("warning: %s set %d: %s differs from scalar in %zu values\n", fn->name, s,
                           vact_isa_name((vact_isa)isa), d);
                    disagree = 1;
                }
            }
        }
    }
    if (fclose(f)) {
        perror(argv[1]);
        return 1;
    }
    printf("wrote %s: %zu inputs, %u records (scalar path)%s\n", argv[1], n, (unsigned)nrec,
           disagree ? ", ISAs DISAGREE (see warnings)" : "");
    return 0;
}
