#include "vact_samples.h"
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "vact.h"

static float bits2f(uint32_t u) { float f; memcpy(&f, &u, 4); return f; }

float *samples_make(size_t *n) {
    const char *s = getenv("VACT_TEST_SCALE");
    unsigned scale = s && atoi(s) > 0 ? (unsigned)atoi(s) : 1;
    uint64_t stride = 4093ull * scale;
    size_t cap = (size_t)((1ull << 32) / stride) + 3000000 / scale + 20000;
    float *x = malloc(cap * sizeof *x);
    size_t k = 0;
    for (uint64_t i = 0; i < (1ull << 32); i += stride) {
        float f = bits2f((uint32_t)i);
        if (!isnan(f)) x[k++] = f;
    }
    static const float grids[][3] = {
        /* lo, hi, count */
        {-16.0f, 16.0f, 1048576}, {-1.0f, 1.0f, 262144}, {-0.01f, 0.01f, 65536},
        {-110.0f, -80.0f, 262144}, {80.0f, 92.0f, 65536}, {-20.0f, -4.0f, 262144},
        {4.0f, 20.0f, 131072}, {-7.0f, 7.0f, 131072},
    };
    for (size_t g = 0; g < sizeof grids / sizeof grids[0]; g++) {
        size_t cnt = (size_t)grids[g][2] / scale;
        for (size_t i = 0; i < cnt; i++)
            x[k++] = grids[g][0] + (grids[g][1] - grids[g][0]) * (float)((double)i / (double)cnt);
    }
    for (int e = -149; e <= 127; e++)
        for (int j = 0; j < 16; j++) {
            float v = ldexpf(1.0f + (float)j / 16.0f, e);
            if (e < -126 && j) continue;
            if (isinf(v)) continue;
            x[k++] = v;
            x[k++] = -v;
        }
    static const float specials[] = {0.0f, -0.0f, INFINITY, -INFINITY, FLT_MAX, -FLT_MAX, FLT_MIN,
                                     -FLT_MIN, FLT_TRUE_MIN, -FLT_TRUE_MIN, 1.0f, -1.0f, 3.0f, -3.0f,
                                     6.0f, -6.0f, 0.5f, -0.5f, 2.0f, -2.0f};
    for (size_t i = 0; i < sizeof specials / sizeof specials[0]; i++) {
        x[k++] = specials[i];
        x[k++] = nextafterf(specials[i], INFINITY);
        x[k++] = nextafterf(specials[i], -INFINITY);
    }
    *n = k;
    return x;
}

float rnd_uniform(unsigned *st, float lo, float hi) {
    unsigned v = *st;
    v ^= v << 13; v ^= v >> 17; v ^= v << 5;
    *st = v;
    return lo + (hi - lo) * (float)((v >> 8) * (1.0 / 16777216.0));
}

int isa_list(int *out) {
    int k = 0;
    for (int i = 0; i < 4; i++)
        if (vact_isa_supported((vact_isa)i)) out[k++] = i;
    return k;
}
