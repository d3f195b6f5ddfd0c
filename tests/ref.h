/* Test references: every function and derivative in double precision with
 * numerically stable formulas (see each entry in ref.c). */
#ifndef VACT_TEST_REF_H
#define VACT_TEST_REF_H
#include <stddef.h>
#include "../src/common/vact_internal.h"

typedef double (*ref_f)(double x, const double *p);

typedef struct ref_fn {
    const char *name;
    int np;                  /* number of float parameters */
    int nsets;               /* parameter sets tested */
    float sets[4][2];
    ref_f f, df;
    int exact;               /* piecewise-linear: correctly rounded fwd and bwd */
    int kink_any;            /* at a kink the backward may take either side */
    int floor_bwd;           /* derivative crosses zero away from 0: ulp(max(|r|, 2^-4)) */
    int odd;                 /* keeps the sign of zero */
    size_t off_fwd, off_bwd; /* offsets of the kernels in vact_table */
} ref_fn;

extern const ref_fn ref_fns[];
extern const size_t ref_nfns;
const ref_fn *ref_find(const char *name);

/* ulp(r) = 2^(max(floor(log2|r|), -126) - 23) */
double ref_ulp(double r);
/* |y - r| / ulp(r), with inf treated as 2^128 (0 when both are the same inf) */
double ref_err(float y, double r, double ulp_of);

/* Call kernel of table t by offset. */
void ref_call_fwd(const vact_table *t, const ref_fn *f, const float *prm, size_t n, const float *x, float *y);
void ref_call_bwd(const vact_table *t, const ref_fn *f, const float *prm, size_t n, const float *x,
                  const float *dy, float *dx);
#endif
