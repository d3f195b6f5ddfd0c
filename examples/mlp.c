/* mlp: the 784-128-10 MLP of the article vact grew from, trained on
 * Fashion-MNIST in C.
 *
 *   Dense(128) -> activation -> Dense(10) -> log_softmax, sparse categorical
 *   cross-entropy, Adam (lr 1e-3, Keras' defaults), batch 32, 5 epochs.
 *
 * The dense layers are OpenBLAS cblas_sgemm (one thread); every activation,
 * its backward, the (log-)softmax and the cross-entropy's gradient through it
 * are vact calls. Everything else (bias sums, Adam, the RNG) is plain C with
 * one fixed order of operations, so a seed gives the same numbers whatever
 * ISA vact runs on (VACT_ISA=scalar|avx2|avx512): vact gives the same bits on
 * every ISA. OpenBLAS is the one part whose bits may depend on the CPU: its
 * sgemm kernel (and so its summation order) is chosen per CPU type, see
 * examples/README.md.
 *
 *   mlp --act gelu              one activation: a line per epoch
 *   mlp --act all               every activation of the table below, then one table
 *   mlp --help                  the flags
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#include <cblas.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <vact.h>

#include "idx.h"

#ifndef MLP_DEFAULT_DATA
#define MLP_DEFAULT_DATA "/usr/share/datasets/fashion-mnist"
#endif

enum { N_IN = 784, N_HID = 128, N_OUT = 10, EVAL_BATCH = 1000, LOSS_WINDOW = 10 };

/* ------------------------------------------------------------------ */
/* The activations: one line per entry                                 */
/* ------------------------------------------------------------------ */

typedef void (*ew0_fwd)(size_t, const float *, float *);
typedef void (*ew0_bwd)(size_t, const float *, const float *, float *);
typedef void (*ew1_fwd)(size_t, const float *, float *, float);
typedef void (*ew1_bwd)(size_t, const float *, const float *, float *, float);

typedef enum act_kind {
    ACT_EW0,   /* vact_NAME_f32(n, x, y) */
    ACT_EW1,   /* vact_NAME_f32(n, x, y, param) */
    ACT_PRELU, /* vact_prelu_f32 with a learned per-channel alpha (N_HID of them) */
    ACT_EXPR,  /* a user expression (vact_expr_compile) in x and one parameter alpha */
} act_kind;

typedef struct act_def {
    const char *name;
    act_kind kind;
    ew0_fwd f0;
    ew0_bwd b0;
    ew1_fwd f1;
    ew1_bwd b1;
    float param;      /* ACT_EW1: the parameter; ACT_PRELU: alpha's initial value */
    size_t n_learned; /* learned parameters of the activation (trained by Adam, kept >= 0) */
    const char *formula; /* ACT_EXPR: the formula in x and alpha (param: alpha's value) */
} act_def;

#define EW0(n) ACT_EW0, vact_##n##_f32, vact_##n##_backward_f32, NULL, NULL, 0.0f, 0, NULL
#define EW1(n, p) ACT_EW1, NULL, NULL, vact_##n##_f32, vact_##n##_backward_f32, (p), 0, NULL
#define PRELU(alpha0) ACT_PRELU, NULL, NULL, NULL, NULL, (alpha0), N_HID, NULL
/* formula in x and alpha; alpha0: alpha's (initial) value; n_learned: 1 learns
 * one scalar alpha for the layer through vact_expr_backward_f32's dp, 0 keeps it */
#define EXPR(formula, alpha0, n_learned) ACT_EXPR, NULL, NULL, NULL, NULL, (alpha0), (n_learned), (formula)

static const act_def ACTS[] = {
    {"relu", EW0(relu)},
    {"leaky_relu", EW1(leaky_relu, 0.1f)},
    {"elu", EW1(elu, 1.0f)},
    {"selu", EW0(selu)},
    {"gelu", EW0(gelu)},
    {"silu", EW0(silu)},
    {"sigmoid", EW0(sigmoid)},
    {"tanh", EW0(tanh)},
    {"mish", EW0(mish)},
    {"prelu", PRELU(1.0f)}, /* learned per-channel alpha, starts at 1, clamped >= 0 */
    /* the article's own activation, written as a formula (vact_expr) */
    {"expr_max_learned", EXPR("max(alpha*x, x)", 1.0f, 1)}, /* one learned alpha, starts at 1 */
    {"expr_max_fixed", EXPR("max(alpha*x, x)", 0.1f, 0)},   /* alpha fixed at 0.1 */
};
enum { N_ACTS = sizeof ACTS / sizeof ACTS[0] };

static const act_def *act_find(const char *name) {
    for (size_t i = 0; i < N_ACTS; i++)
        if (strcmp(ACTS[i].name, name) == 0) return &ACTS[i];
    return NULL;
}

/* ------------------------------------------------------------------ */
/* Clock, RNG                                                          */
/* ------------------------------------------------------------------ */

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* seconds spent inside vact calls (training only) */
static double g_vact_seconds;
#define VACT_TIMED(call)                    \
    do {                                    \
        double t0_ = now();                 \
        call;                               \
        g_vact_seconds += now() - t0_;      \
    } while (0)

/* PCG32 (O'Neill, pcg32_random_r): the one source of randomness. */
typedef struct pcg32 {
    uint64_t state, inc;
} pcg32;

static uint32_t pcg32_next(pcg32 *r) {
    uint64_t old = r->state;
    r->state = old * 6364136223846793005ULL + r->inc;
    uint32_t xs = (uint32_t)(((old >> 18) ^ old) >> 27);
    uint32_t rot = (uint32_t)(old >> 59);
    return (xs >> rot) | (xs << ((32u - rot) & 31u));
}

static void pcg32_seed(pcg32 *r, uint64_t seed, uint64_t seq) {
    r->state = 0;
    r->inc = (seq << 1) | 1u;
    pcg32_next(r);
    r->state += seed;
    pcg32_next(r);
}

/* uniform in [0, 1) with 24 random bits (exact in float) */
static float pcg32_unit(pcg32 *r) { return (float)(pcg32_next(r) >> 8) * 0x1p-24f; }

/* uniform in [0, n), unbiased (rejection) */
static uint32_t pcg32_below(pcg32 *r, uint32_t n) {
    uint32_t threshold = (0u - n) % n;
    for (;;) {
        uint32_t x = pcg32_next(r);
        if (x >= threshold) return x % n;
    }
}

/* ------------------------------------------------------------------ */
/* Model: all parameters in one vector, so Adam is one loop            */
/* ------------------------------------------------------------------ */

typedef struct model {
    const act_def *act;
    size_t n_params;
    float *p, *g, *m, *v; /* parameters, gradient, Adam's moments: same layout */
    float *w1, *b1, *w2, *b2, *alpha;     /* views into p */
    float *gw1, *gb1, *gw2, *gb2, *galpha; /* views into g */
    size_t t;                              /* Adam steps taken */
    vact_expr *expr;                       /* ACT_EXPR: the compiled formula */
    double beta1_t, beta2_t;               /* beta^t */
} model;

static void *xcalloc(size_t n, size_t size) {
    void *q = calloc(n ? n : 1, size);
    if (!q) {
        fprintf(stderr, "mlp: out of memory\n");
        exit(2);
    }
    return q;
}

/* Glorot (Xavier) uniform, Keras' default for Dense: U(-l, l), l = sqrt(6/(in+out)). */
static void glorot_uniform(pcg32 *rng, float *w, size_t fan_in, size_t fan_out) {
    float limit = (float)sqrt(6.0 / (double)(fan_in + fan_out));
    for (size_t i = 0; i < fan_in * fan_out; i++) w[i] = (2.0f * pcg32_unit(rng) - 1.0f) * limit;
}

static void model_init(model *md, const act_def *act, pcg32 *rng) {
    memset(md, 0, sizeof *md);
    md->act = act;
    size_t sizes[5] = {N_IN * N_HID, N_HID, N_HID * N_OUT, N_OUT, act->n_learned};
    size_t n = 0;
    for (int i = 0; i < 5; i++) n += sizes[i];
    md->n_params = n;
    md->p = xcalloc(n, sizeof(float));
    md->g = xcalloc(n, sizeof(float));
    md->m = xcalloc(n, sizeof(float));
    md->v = xcalloc(n, sizeof(float));
    float **pv[5] = {&md->w1, &md->b1, &md->w2, &md->b2, &md->alpha};
    float **gv[5] = {&md->gw1, &md->gb1, &md->gw2, &md->gb2, &md->galpha};
    size_t off = 0;
    for (int i = 0; i < 5; i++) {
        *pv[i] = md->p + off;
        *gv[i] = md->g + off;
        off += sizes[i];
    }
    glorot_uniform(rng, md->w1, N_IN, N_HID); /* biases start at 0 */
    glorot_uniform(rng, md->w2, N_HID, N_OUT);
    for (size_t c = 0; c < act->n_learned; c++) md->alpha[c] = act->param;
    md->beta1_t = md->beta2_t = 1.0;
    if (act->kind == ACT_EXPR) { /* compiled once per training run */
        char err[256];
        md->expr = vact_expr_compile(act->formula, "alpha", err, sizeof err);
        if (!md->expr) {
            fprintf(stderr, "mlp: %s: %s\n", act->formula, err);
            exit(2);
        }
    }
}

static void model_free(model *md) {
    vact_expr_free(md->expr);
    free(md->p);
    free(md->g);
    free(md->m);
    free(md->v);
}

/* Adam as Keras/TF writes it (epsilon-hat form):
 *   m = b1 m + (1-b1) g;  v = b2 v + (1-b2) g^2
 *   p -= lr_t m / (sqrt(v) + eps),  lr_t = lr sqrt(1-b2^t) / (1-b1^t)
 * with b1 = 0.9, b2 = 0.999, eps = 1e-7. The learned activation parameters
 * are clamped to >= 0 after the step. */
static void adam_step(model *md, float lr) {
    const float b1 = 0.9f, b2 = 0.999f, eps = 1e-7f;
    md->t++;
    md->beta1_t *= 0.9;
    md->beta2_t *= 0.999;
    const float lr_t = (float)((double)lr * sqrt(1.0 - md->beta2_t) / (1.0 - md->beta1_t));
    float *p = md->p, *g = md->g, *m = md->m, *v = md->v;
    for (size_t i = 0; i < md->n_params; i++) {
        m[i] = b1 * m[i] + (1.0f - b1) * g[i];
        v[i] = b2 * v[i] + (1.0f - b2) * (g[i] * g[i]);
        p[i] -= lr_t * m[i] / (sqrtf(v[i]) + eps);
    }
    for (size_t c = 0; c < md->act->n_learned; c++)
        if (!(md->alpha[c] >= 0.0f)) md->alpha[c] = 0.0f;
}

/* FNV-1a over the bits of every parameter */
static uint64_t model_hash(const model *md) {
    uint64_t h = 1469598103934665603ULL;
    const unsigned char *b = (const unsigned char *)md->p;
    for (size_t i = 0; i < md->n_params * sizeof(float); i++) {
        h ^= b[i];
        h *= 1099511628211ULL;
    }
    return h;
}

/* ------------------------------------------------------------------ */
/* Layers                                                              */
/* ------------------------------------------------------------------ */

typedef struct buffers {
    float *x;       /* B x N_IN: the batch's images */
    float *h, *a;   /* B x N_HID: pre-activation, activation */
    float *da, *dh; /* B x N_HID: their gradients */
    float *z, *ls;  /* B x N_OUT: logits, log_softmax */
    float *dls, *dz; /* B x N_OUT: gradients */
} buffers;

static void buffers_init(buffers *bf, size_t rows) {
    bf->x = xcalloc(rows * N_IN, sizeof(float));
    bf->h = xcalloc(rows * N_HID, sizeof(float));
    bf->a = xcalloc(rows * N_HID, sizeof(float));
    bf->da = xcalloc(rows * N_HID, sizeof(float));
    bf->dh = xcalloc(rows * N_HID, sizeof(float));
    bf->z = xcalloc(rows * N_OUT, sizeof(float));
    bf->ls = xcalloc(rows * N_OUT, sizeof(float));
    bf->dls = xcalloc(rows * N_OUT, sizeof(float));
    bf->dz = xcalloc(rows * N_OUT, sizeof(float));
}

static void buffers_free(buffers *bf) {
    float *all[] = {bf->x, bf->h, bf->a, bf->da, bf->dh, bf->z, bf->ls, bf->dls, bf->dz};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) free(all[i]);
}

/* y (rows x out) = x (rows x in) . w (in x out) + b */
static void dense_forward(size_t rows, size_t in, size_t out, const float *x, const float *w,
                          const float *b, float *y) {
    for (size_t r = 0; r < rows; r++) memcpy(y + r * out, b, out * sizeof(float));
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, (int)rows, (int)out, (int)in, 1.0f, x,
                (int)in, w, (int)out, 1.0f, y, (int)out);
}

/* gw = x^T . dy, gb = column sums of dy (rows in order), dx = dy . w^T (if dx) */
static void dense_backward(size_t rows, size_t in, size_t out, const float *x, const float *w,
                           const float *dy, float *gw, float *gb, float *dx) {
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, (int)in, (int)out, (int)rows, 1.0f, x,
                (int)in, dy, (int)out, 0.0f, gw, (int)out);
    for (size_t j = 0; j < out; j++) gb[j] = 0.0f;
    for (size_t r = 0; r < rows; r++)
        for (size_t j = 0; j < out; j++) gb[j] += dy[r * out + j];
    if (dx)
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, (int)rows, (int)in, (int)out, 1.0f, dy,
                    (int)out, w, (int)out, 0.0f, dx, (int)in);
}

static void act_forward(const model *md, size_t rows, const float *h, float *a) {
    const act_def *ac = md->act;
    size_t n = rows * N_HID;
    switch (ac->kind) {
    case ACT_EW0: VACT_TIMED(ac->f0(n, h, a)); break;
    case ACT_EW1: VACT_TIMED(ac->f1(n, h, a, ac->param)); break;
    case ACT_PRELU: VACT_TIMED(vact_prelu_f32(rows, N_HID, h, md->alpha, a)); break;
    case ACT_EXPR:
        VACT_TIMED(vact_expr_f32(md->expr, n, h, a, ac->n_learned ? md->alpha : &ac->param));
        break;
    }
}

/* dh = da * f'(h); the learned parameters' gradient into md->galpha */
static void act_backward(model *md, size_t rows, const float *h, const float *da, float *dh) {
    const act_def *ac = md->act;
    size_t n = rows * N_HID;
    switch (ac->kind) {
    case ACT_EW0: VACT_TIMED(ac->b0(n, h, da, dh)); break;
    case ACT_EW1: VACT_TIMED(ac->b1(n, h, da, dh, ac->param)); break;
    case ACT_PRELU:
        VACT_TIMED(vact_prelu_backward_f32(rows, N_HID, h, md->alpha, da, dh, md->galpha));
        break;
    case ACT_EXPR: /* dp: the learned alpha's gradient, summed in one fixed order */
        VACT_TIMED(vact_expr_backward_f32(md->expr, n, h, da, dh,
                                          ac->n_learned ? md->alpha : &ac->param,
                                          ac->n_learned ? md->galpha : NULL));
        break;
    }
}

static size_t argmax10(const float *row) {
    size_t best = 0;
    for (size_t j = 1; j < N_OUT; j++)
        if (row[j] > row[best]) best = j;
    return best;
}

/* Forward of `rows` images already in bf->x, up to log_softmax. Returns the
 * summed loss -log p[label] (in double, rows in order) and counts the hits. */
static double forward(model *md, buffers *bf, size_t rows, const uint8_t *labels, size_t *hits) {
    dense_forward(rows, N_IN, N_HID, bf->x, md->w1, md->b1, bf->h);
    act_forward(md, rows, bf->h, bf->a);
    dense_forward(rows, N_HID, N_OUT, bf->a, md->w2, md->b2, bf->z);
    VACT_TIMED(vact_log_softmax_f32(rows, N_OUT, bf->z, bf->ls));
    double loss = 0.0;
    for (size_t r = 0; r < rows; r++) {
        loss -= (double)bf->ls[r * N_OUT + labels[r]];
        *hits += argmax10(bf->ls + r * N_OUT) == labels[r];
    }
    return loss;
}

/* One Adam step on the batch in bf->x (rows images). Returns its mean loss.
 *
 * Loss and its gradient: log_softmax forward and the cross-entropy taken from
 * it, loss = -mean log_softmax(z)[label]; its gradient w.r.t. log_softmax is
 * -1/B at the label, 0 elsewhere, and vact_log_softmax_backward_f32 turns it
 * into dz = dy - softmax(z) * sum(dy) = (softmax(z) - onehot) / B. Chosen over
 * softmax + CE because nothing divides by a probability or takes its log:
 * with softmax the CE gradient -1/(B p_label) overflows (and log p is -inf)
 * when p_label underflows to 0, while log_softmax stays finite for any
 * finite logits; both give the same dz where they both work. */
static float train_step(model *md, buffers *bf, size_t rows, const uint8_t *labels, float lr,
                        size_t *hits) {
    double loss = forward(md, bf, rows, labels, hits);
    memset(bf->dls, 0, rows * N_OUT * sizeof(float));
    const float g = -1.0f / (float)rows;
    for (size_t r = 0; r < rows; r++) bf->dls[r * N_OUT + labels[r]] = g;
    VACT_TIMED(vact_log_softmax_backward_f32(rows, N_OUT, bf->ls, bf->dls, bf->dz));
    dense_backward(rows, N_HID, N_OUT, bf->a, md->w2, bf->dz, md->gw2, md->gb2, bf->da);
    act_backward(md, rows, bf->h, bf->da, bf->dh);
    dense_backward(rows, N_IN, N_HID, bf->x, md->w1, bf->dh, md->gw1, md->gb1, NULL);
    adam_step(md, lr);
    return (float)(loss / (double)rows);
}

static void gather(const idx_set *s, const uint32_t *idx, size_t rows, float *x, uint8_t *y) {
    for (size_t r = 0; r < rows; r++) {
        memcpy(x + r * N_IN, s->x + (size_t)idx[r] * N_IN, N_IN * sizeof(float));
        y[r] = s->y[idx[r]];
    }
}

/* accuracy and mean loss on a whole set (forward only, batches of EVAL_BATCH) */
static double evaluate(model *md, buffers *bf, const idx_set *s, double *mean_loss) {
    size_t hits = 0;
    double loss = 0.0;
    double saved = g_vact_seconds; /* vact's share is of training time only */
    for (size_t i = 0; i < s->count; i += EVAL_BATCH) {
        size_t rows = s->count - i < EVAL_BATCH ? s->count - i : EVAL_BATCH;
        memcpy(bf->x, s->x + i * N_IN, rows * N_IN * sizeof(float));
        loss += forward(md, bf, rows, s->y + i, &hits);
    }
    g_vact_seconds = saved;
    *mean_loss = loss / (double)s->count;
    return (double)hits / (double)s->count;
}

/* ------------------------------------------------------------------ */
/* Training run                                                        */
/* ------------------------------------------------------------------ */

typedef struct options {
    const char *act, *data;
    size_t train_limit, test_limit, epochs, batch;
    float lr;
    uint64_t seed;
    int check, print_hash, quiet;
} options;

typedef struct result {
    double test_acc, sec_per_epoch, vact_share;
    double first_loss, last_loss; /* mean train loss over the first / last LOSS_WINDOW batches */
    double alpha_mean, alpha_min, alpha_max;
    uint64_t hash;
    double final_train_loss;
} result;

static void train(const options *o, const act_def *act, const idx_set *tr, const idx_set *te,
                  result *res) {
    pcg32 rng;
    pcg32_seed(&rng, o->seed, 54u);
    model md;
    model_init(&md, act, &rng);
    buffers bf;
    buffers_init(&bf, o->batch > EVAL_BATCH ? o->batch : EVAL_BATCH);
    uint32_t *perm = xcalloc(tr->count, sizeof(uint32_t));
    uint8_t *yb = xcalloc(o->batch, 1);
    for (size_t i = 0; i < tr->count; i++) perm[i] = (uint32_t)i;
    size_t n_batches = (tr->count + o->batch - 1) / o->batch;
    size_t window = n_batches < LOSS_WINDOW ? n_batches : LOSS_WINDOW;
    double total_train = 0.0, total_vact = 0.0;
    memset(res, 0, sizeof *res);

    if (!o->quiet) {
        printf("act %s: epoch  train_loss   train_acc  test_loss  test_acc  time_s  vact_share\n",
               act->name);
    }
    for (size_t ep = 1; ep <= o->epochs; ep++) {
        /* Fisher-Yates with the seeded RNG */
        for (size_t i = tr->count - 1; i > 0; i--) {
            uint32_t j = pcg32_below(&rng, (uint32_t)(i + 1));
            uint32_t t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        g_vact_seconds = 0.0;
        double t0 = now(), loss_sum = 0.0, last = 0.0;
        size_t hits = 0;
        for (size_t b = 0; b < n_batches; b++) {
            size_t i = b * o->batch;
            size_t rows = tr->count - i < o->batch ? tr->count - i : o->batch;
            gather(tr, perm + i, rows, bf.x, yb);
            float l = train_step(&md, &bf, rows, yb, o->lr, &hits);
            loss_sum += (double)l * (double)rows;
            if (ep == 1 && b < window) res->first_loss += (double)l / (double)window;
            if (b >= n_batches - window) last += (double)l / (double)window;
        }
        double secs = now() - t0;
        double vact_secs = g_vact_seconds;
        total_train += secs;
        total_vact += vact_secs;
        res->last_loss = last;
        res->final_train_loss = loss_sum / (double)tr->count;
        double test_loss = 0.0;
        res->test_acc = evaluate(&md, &bf, te, &test_loss);
        if (!o->quiet) {
            printf("act %s: %5zu  %.9f  %.4f     %.5f    %.4f    %6.2f  %5.1f%%\n", act->name, ep,
                   res->final_train_loss, (double)hits / (double)tr->count, test_loss,
                   res->test_acc, secs, 100.0 * vact_secs / secs);
        }
    }
    res->sec_per_epoch = total_train / (double)o->epochs;
    res->vact_share = total_train > 0.0 ? total_vact / total_train : 0.0;
    if (act->n_learned > 0) {
        double s = 0.0, lo = md.alpha[0], hi = md.alpha[0];
        for (size_t c = 0; c < act->n_learned; c++) {
            s += md.alpha[c];
            if (md.alpha[c] < lo) lo = md.alpha[c];
            if (md.alpha[c] > hi) hi = md.alpha[c];
        }
        res->alpha_mean = s / (double)act->n_learned;
        res->alpha_min = lo;
        res->alpha_max = hi;
        if (!o->quiet)
            printf("act %s: learned alpha (%zu channels, start %g): mean %.4f, range [%.4f, %.4f]\n",
                   act->name, act->n_learned, (double)act->param, res->alpha_mean, lo, hi);
    }
    res->hash = model_hash(&md);
    if (o->print_hash)
        printf("hash %s %016llx loss %a\n", act->name, (unsigned long long)res->hash,
               res->final_train_loss);
    free(perm);
    free(yb);
    buffers_free(&bf);
    model_free(&md);
}

/* ------------------------------------------------------------------ */
/* main                                                                */
/* ------------------------------------------------------------------ */

static void usage(FILE *f) {
    fprintf(f,
            "usage: mlp --act NAME|all [options]\n"
            "  --act NAME        activation: all, or one of:");
    for (size_t i = 0; i < N_ACTS; i++) fprintf(f, " %s", ACTS[i].name);
    fprintf(f,
            "\n"
            "  --data DIR        Fashion-MNIST gzipped IDX files (default %s)\n"
            "  --epochs N        epochs (default 5)\n"
            "  --train-limit N   use the first N training images (default all 60000)\n"
            "  --test-limit N    use the first N test images (default all 10000)\n"
            "  --batch N         batch size (default 32)\n"
            "  --lr F            Adam's learning rate (default 0.001)\n"
            "  --seed N          seed of the initialization and the shuffles (default 42)\n"
            "  --check           exit 1 unless the loss falls (last %d batches < first %d)\n"
            "                    and the test accuracy is > 0.7\n"
            "  --print-hash      print a hash of the final parameters and the last loss\n"
            "                    in hex (to compare runs bit for bit)\n"
            "  --quiet           no per-epoch lines\n"
            "Environment: VACT_ISA=scalar|avx2|avx512|neon caps vact's ISA.\n",
            MLP_DEFAULT_DATA, LOSS_WINDOW, LOSS_WINDOW);
}

static int parse_size(const char *s, size_t *out) {
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *s == '\0' || *end != '\0' || *s == '-') return -1;
    *out = (size_t)v;
    return 0;
}

int main(int argc, char **argv) {
    options o = {.act = NULL, .data = MLP_DEFAULT_DATA, .epochs = 5, .batch = 32, .lr = 1e-3f,
                 .seed = 42};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        size_t sz = 0;
        int bad = 0;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(a, "--check") == 0) {
            o.check = 1;
            continue;
        } else if (strcmp(a, "--print-hash") == 0) {
            o.print_hash = 1;
            continue;
        } else if (strcmp(a, "--quiet") == 0) {
            o.quiet = 1;
            continue;
        } else if (!val) {
            bad = 1;
        } else if (strcmp(a, "--act") == 0) {
            o.act = val;
        } else if (strcmp(a, "--data") == 0) {
            o.data = val;
        } else if (strcmp(a, "--lr") == 0) {
            char *end;
            o.lr = strtof(val, &end);
            bad = *end != '\0' || !(o.lr > 0.0f);
        } else {
            bad = parse_size(val, &sz) != 0;
            if (strcmp(a, "--epochs") == 0) o.epochs = sz, bad |= sz == 0;
            else if (strcmp(a, "--train-limit") == 0) o.train_limit = sz;
            else if (strcmp(a, "--test-limit") == 0) o.test_limit = sz;
            else if (strcmp(a, "--batch") == 0) o.batch = sz, bad |= sz == 0;
            else if (strcmp(a, "--seed") == 0) o.seed = sz;
            else bad = 1;
        }
        if (bad) {
            fprintf(stderr, "mlp: bad argument %s%s%s\n", a, val ? " " : "", val ? val : "");
            usage(stderr);
            return 2;
        }
        i++;
    }
    int all = o.act && strcmp(o.act, "all") == 0;
    const act_def *one = o.act && !all ? act_find(o.act) : NULL;
    if (!all && !one) {
        fprintf(stderr, o.act ? "mlp: unknown activation %s\n" : "mlp: --act is required\n", o.act);
        usage(stderr);
        return 2;
    }

    /* One thread, so the sgemm summation order does not depend on scheduling. */
    openblas_set_num_threads(1);

    idx_set tr, te;
    if (idx_load(o.data, "train", o.train_limit, &tr) != 0) return 3;
    if (idx_load(o.data, "t10k", o.test_limit, &te) != 0) return 3;
    if (tr.count == 0 || te.count == 0) {
        fprintf(stderr, "mlp: no images\n");
        return 3;
    }
    if (tr.pixels != N_IN || te.pixels != N_IN) {
        fprintf(stderr, "mlp: expected 28x28 images\n");
        return 3;
    }
    printf("mlp 784-128-10: vact ISA %s, OpenBLAS %s (%s, %d thread), seed %llu, "
           "train %zu, test %zu, batch %zu, epochs %zu, Adam lr %g\n",
           vact_isa_name(vact_isa_active()), openblas_get_corename(), openblas_get_config(),
           openblas_get_num_threads(), (unsigned long long)o.seed, tr.count, te.count, o.batch,
           o.epochs, (double)o.lr);
    fflush(stdout);

    int failed = 0;
    result res[N_ACTS];
    const act_def *run[N_ACTS];
    size_t n_run = 0;
    if (all)
        for (size_t i = 0; i < N_ACTS; i++) run[n_run++] = &ACTS[i];
    else
        run[n_run++] = one;
    for (size_t k = 0; k < n_run; k++) {
        train(&o, run[k], &tr, &te, &res[k]);
        const result *r = &res[k];
        if (!o.quiet)
            printf("act %s: test accuracy %.4f, %.2f s/epoch, %.1f%% of training time in vact\n",
                   run[k]->name, r->test_acc, r->sec_per_epoch, 100.0 * r->vact_share);
        if (o.check) {
            int ok = r->last_loss < r->first_loss && r->test_acc > 0.7;
            printf("check %s: loss first %d batches %.4f -> last %d batches %.4f, test accuracy "
                   "%.4f: %s\n",
                   run[k]->name, LOSS_WINDOW, r->first_loss, LOSS_WINDOW, r->last_loss,
                   r->test_acc, ok ? "ok" : "FAILED");
            failed |= !ok;
        }
        fflush(stdout);
    }
    if (all) {
        printf("\n| activation | test accuracy | s/epoch | vact share | notes |\n"
               "|---|---|---|---|---|\n");
        for (size_t k = 0; k < n_run; k++) {
            const result *r = &res[k];
            char note[128] = "";
            if (run[k]->kind == ACT_EW1 || run[k]->kind == ACT_EXPR)
                snprintf(note, sizeof note, "alpha %g", (double)run[k]->param);
            if (run[k]->n_learned > 0)
                snprintf(note, sizeof note, "learned alpha: mean %.3f, range [%.3f, %.3f]",
                         r->alpha_mean, r->alpha_min, r->alpha_max);
            printf("| %s | %.4f | %.2f | %.1f%% | %s |\n", run[k]->name, r->test_acc,
                   r->sec_per_epoch, 100.0 * r->vact_share, note);
        }
    }
    idx_free(&tr);
    idx_free(&te);
    return failed ? 1 : 0;
}
