#include "idx.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static int read_all(gzFile f, void *buf, size_t n, const char *path) {
    unsigned char *p = buf;
    while (n > 0) {
        unsigned chunk = n > (1u << 30) ? (1u << 30) : (unsigned)n;
        int got = gzread(f, p, chunk);
        if (got <= 0) {
            int err = 0;
            const char *msg = gzerror(f, &err);
            fprintf(stderr, "mlp: %s: %s\n", path, got == 0 ? "unexpected end of file" : msg);
            return -1;
        }
        p += got;
        n -= (size_t)got;
    }
    return 0;
}

static uint32_t be32(const unsigned char *b) {
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | (uint32_t)b[3];
}

/* Opens an IDX file and checks its magic (0x0000 08 ndim: unsigned bytes);
 * dims[] receives the ndim sizes. */
static gzFile open_idx(const char *path, unsigned ndim, uint32_t *dims) {
    gzFile f = gzopen(path, "rb");
    if (!f) {
        fprintf(stderr, "mlp: cannot open %s (install dataset-fashion-mnist or pass --data DIR)\n", path);
        return NULL;
    }
    unsigned char hdr[16];
    if (read_all(f, hdr, 4 + 4 * (size_t)ndim, path) != 0) {
        gzclose(f);
        return NULL;
    }
    if (be32(hdr) != (0x0800u | ndim)) {
        fprintf(stderr, "mlp: %s: not an IDX file of %u-dimensional unsigned bytes\n", path, ndim);
        gzclose(f);
        return NULL;
    }
    for (unsigned i = 0; i < ndim; i++) dims[i] = be32(hdr + 4 + 4 * i);
    return f;
}

int idx_load(const char *dir, const char *prefix, size_t limit, idx_set *out) {
    memset(out, 0, sizeof *out);
    char ipath[4096], lpath[4096];
    snprintf(ipath, sizeof ipath, "%s/%s-images-idx3-ubyte.gz", dir, prefix);
    snprintf(lpath, sizeof lpath, "%s/%s-labels-idx1-ubyte.gz", dir, prefix);

    uint32_t idims[3], ldims[1];
    gzFile fi = open_idx(ipath, 3, idims);
    if (!fi) return -1;
    gzFile fl = open_idx(lpath, 1, ldims);
    if (!fl) {
        gzclose(fi);
        return -1;
    }
    int rc = -1;
    unsigned char *raw = NULL;
    if (idims[0] != ldims[0]) {
        fprintf(stderr, "mlp: %s has %u images but %s %u labels\n", ipath, idims[0], lpath, ldims[0]);
        goto done;
    }
    size_t count = idims[0], pixels = (size_t)idims[1] * idims[2];
    if (limit > 0 && limit < count) count = limit;
    raw = malloc(count * pixels);
    out->x = malloc(count * pixels * sizeof(float));
    out->y = malloc(count);
    if (!raw || !out->x || !out->y) {
        fprintf(stderr, "mlp: out of memory\n");
        goto done;
    }
    if (read_all(fi, raw, count * pixels, ipath) != 0 || read_all(fl, out->y, count, lpath) != 0)
        goto done;
    for (size_t i = 0; i < count * pixels; i++) out->x[i] = (float)raw[i] / 255.0f;
    for (size_t i = 0; i < count; i++) {
        if (out->y[i] > 9) {
            fprintf(stderr, "mlp: %s: label %u out of range\n", lpath, out->y[i]);
            goto done;
        }
    }
    out->count = count;
    out->pixels = pixels;
    rc = 0;
done:
    free(raw);
    gzclose(fi);
    gzclose(fl);
    if (rc != 0) idx_free(out);
    return rc;
}

void idx_free(idx_set *s) {
    free(s->x);
    free(s->y);
    s->x = NULL;
    s->y = NULL;
    s->count = 0;
}
