/* Test references: every function and derivative in double precision with
 * numerically stable formulas (see each entry in ref.c). Part of the test-only
 * library vact_testsupport (tests/support/), used by the tests and by
 * bench/peer_accuracy.cc; link vact or vact_static after it. */
#ifndef VACT_TEST_REF_H
#define VACT_TEST_REF_H
#include <stddef.h>
#include "common/vact_internal.h" /* src/, on the include path of vact_testsupport */

typedef double (*ref_f)(double x, const double *p);

typedef void (*ref_pub_fwd)(size_t n, const float *x, float *y, const float *p);
typedef void (*ref_pub_bwd)(size_t n, const float *x, const float *dy, float *dx, const float *p);

/* One elementwise function of src/common/functions.def. */
typedef struct ref_fn {
    const char *name;
    int np;                  /* number of float parameters */
    int nsets;               /* parameter sets tested */
    float sets[4][2];
    ref_f f, df;             /* reference ref_f_NAME, ref_d_NAME */
    int flags;               /* VACT_PWL, VACT_KINK, VACT_FLOOR, VACT_ODD */
    double ulp[3];           /* stated max ULP: fwd, bwd (dy = 1), bwd (any dy) */
    int dom[2];              /* parameter domains (VACT_D_*) */
    size_t off_fwd, off_bwd; /* offsets of the kernels in vact_table */
    ref_pub_fwd pub_fwd;     /* the public vact_NAME_f32 with parameters p[0], p[1] */
    ref_pub_bwd pub_bwd;     /* the public vact_NAME_backward_f32 */
    int fast;                /* 1: also the fast tier (VACT_TF) */
    size_t off_fast_fwd, off_fast_bwd; /* its kernels in vact_table (when fast) */
    ref_pub_fwd pub_fast_fwd;          /* vact_NAME_fast_f32 (when fast) */
    ref_pub_bwd pub_fast_bwd;          /* vact_NAME_fast_backward_f32 */
} ref_fn;

extern const ref_fn ref_fns[];
extern const size_t ref_nfns;
/* the primitives of the expressions (VACT_PRIM): pub_fwd, pub_bwd NULL */
extern const ref_fn ref_prims[];
extern const size_t ref_nprims;
/* a function of ref_fns or a primitive of ref_prims by name */
const ref_fn *ref_find(const char *name);

/* ulp(r) = 2^(max(floor(log2|r|), -126) - 23) */
/* f32 bits -> bf16 bits, the contract's rounding in plain integers: round to
 * nearest even, NaN -> (u >> 16) | 0x40 (test_t16, bf16_hw) */
uint16_t ref_bf16_bits(uint32_t u);
/* bf16 / f16 bits -> their value (exact; an f16 NaN keeps its payload, made
 * quiet) */
float ref_from_bf16(uint16_t h);
float ref_from_f16(uint16_t h);
double ref_ulp(double r);
/* |y - r| / ulp(r), with inf treated as 2^128 (0 when both are the same inf) */
double ref_err(float y, double r, double ulp_of);

/* The error in ULP of one backward value dx against dy*d (d = f'(x) of
 * parameters pd): ulp of |dy d| (of max(|dy d|, |dy|/16) for VACT_FLOOR), at
 * least of flo (0, or REF_FAST_FLOOR for the fast tier); exact match for
 * VACT_PWL; at a VACT_KINK above `bound`, the better one-sided derivative. */
double ref_bwd_err(const ref_fn *f, const double *pd, float x, float dy, float dx, double d, double bound,
                   double flo);
/* The backward's documented limit for a wide dy (docs/contract.md, "dy far
 * from 1"): where a kernel forms f'(x) as an f32 value below f32's normal
 * range, its absolute error is up to 2^-150 and dx = dy f'(x) carries |dy|
 * times that. ref_wide_slack says which kernels still do (t16: the bf16 /
 * f16 kernels, else the f32 ones); their error is taken of what exceeds
 * the absolute slack REF_WIDE_SLACK(dy) (twice the rounding), every other
 * function's in plain ULP. */
#define REF_WIDE_SLACK(dy) (fabs((double)(dy)) * 0x1p-149)
int ref_wide_slack(const char *name, int t16);
/* ref_bwd_err (with the floor flo) less the absolute slack sl (0:
 * ref_bwd_err itself) */
double ref_bwd_err_wide(const ref_fn *f, const double *pd, float x, float dy, float dx, double d, double bound,
                        double flo, double sl);

/* The fast tier's bounds (docs/contract.md): forward 4, backward 8 ULP of
 * max(|r|, 2^-20) */
#define REF_FAST_FWD 4.0
#define REF_FAST_BWD 8.0
#define REF_FAST_FLOOR 0x1p-20

/* Call kernel of table t by offset (the _tier variants: tier 1 = fast). */
void ref_call_fwd_tier(const vact_table *t, const ref_fn *f, int tier, const float *prm, size_t n,
                       const float *x, float *y);
void ref_call_bwd_tier(const vact_table *t, const ref_fn *f, int tier, const float *prm, size_t n,
                       const float *x, const float *dy, float *dx);
void ref_call_fwd(const vact_table *t, const ref_fn *f, const float *prm, size_t n, const float *x, float *y);
void ref_call_bwd(const vact_table *t, const ref_fn *f, const float *prm, size_t n, const float *x,
                  const float *dy, float *dx);
#endif
