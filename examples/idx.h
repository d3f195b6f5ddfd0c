/* Reading the gzipped IDX files of (Fashion-)MNIST with zlib. */
#ifndef VACT_EXAMPLES_IDX_H
#define VACT_EXAMPLES_IDX_H

#include <stddef.h>
#include <stdint.h>

typedef struct idx_set {
    size_t count;   /* number of images (and labels) */
    size_t pixels;  /* rows * cols of one image (784) */
    float *x;       /* count x pixels, scaled to [0, 1] (pixel / 255) */
    uint8_t *y;     /* count labels, 0..9 */
} idx_set;

/* Loads DIR/PREFIX-images-idx3-ubyte.gz and DIR/PREFIX-labels-idx1-ubyte.gz
 * (PREFIX "train" or "t10k"), keeping at most `limit` images (0: all).
 * Returns 0, or -1 with a message on stderr. */
int idx_load(const char *dir, const char *prefix, size_t limit, idx_set *out);
void idx_free(idx_set *s);

#endif
