#ifndef VACT_TEST_SAMPLES_H
#define VACT_TEST_SAMPLES_H
#include <stddef.h>
/* Input sample: a stride over all 2^32 bit patterns (NaNs skipped), dense
 * grids where functions bend or saturate, every power of two with 16
 * mantissa steps (subnormals included), and the special values.
 * VACT_TEST_SCALE (env, default 1) divides the counts (used under qemu). */
float *samples_make(size_t *n);
/* xorshift random in [lo, hi) */
float rnd_uniform(unsigned *state, float lo, float hi);
/* the ISAs to test: every supported one */
int isa_list(int *out);
#endif
