/* libFuzzer target: every function of src/common/functions.def, forward and
 * backward, every variant (tier x element type), every ISA this CPU runs,
 * through the public API, against a reference run: the scalar ISA, out of
 * place. Each ISA's result must have the reference's bits (f32: any NaN equal
 * to any NaN; bf16/f16: exactly, and any NaN output is the type's default NaN,
 * 0x7fc0 / 0x7e00, include/vact.h, except the leaky_relu forward with a
 * finite nonzero slope: x's own NaN, quieted); the inputs must not change;
 * nothing outside the outputs may be written (a snapshot check); reads
 * outside the arrays fault on guard pages (each array sits in its own
 * mapping, between PROT_NONE pages, either flush against the trailing guard
 * or at an element offset from the leading one).
 * Any difference prints what was called and traps.
 *
 * Input layout (bytes; missing bytes read as 0; scripts/fuzz_corpus.py
 * writes the seeds in tests/fuzz/corpus/ in this format):
 *   0      variant (index into g_variants, modulo)
 *   1      function (index into the variant's list, modulo: the elementwise
 *          functions, the row-wise ones, prelu, in functions.def's order)
 *   2      flags: bit 0 backward; bits 1-2 layout: 1 in place (forward
 *          y == x, backward dx == dy), 2 (backward dx == x; forward y == x),
 *          0 and 3 out of place; bit 3 chain (backward of a row-wise function
 *          taking the forward's output y: y = forward(x) on the same ISA
 *          first); bit 4 values past the pool in [-32, 32) instead of any bits
 *   3-4    n (elementwise, modulo FZ_MAX_N + 1) or cols (row-wise: modulo
 *          FZ_MAX_COLS + 1; prelu: channels), little endian
 *   5      rows (modulo FZ_MAX_ROWS + 1; rows * cols capped at FZ_MAX_ELEMS)
 *   6-10   placement of the arrays x, dy, alpha, out, dalpha: bit 7 set =
 *          end flush against the trailing guard page, else (b & 15)
 *          elements after the leading guard page
 *   11-18  the two parameters, raw float bits (NaN, inf, out of domain; the
 *          16-bit variants' parameters are float too)
 *   19-    the pool: the element values' raw bits, one element each (f32: 4
 *          bytes, bf16/f16: 2 bytes; x first, then dy, alpha, then an
 *          aliased output's tail); past the pool a generator seeded by the
 *          input's hash (any bits of the element's width, or with flag bit 4
 *          a float in [-32, 32) rounded to the element type)
 *
 * Variants: one row of g_variants per tier x type: the accurate f32 API
 * (every ISA against scalar), the fast tier f32 (bits may differ between
 * ISAs: every ISA against its own out-of-place call), and bf16 and f16 (one
 * tier; every ISA against scalar, bit for bit: the elementwise functions and
 * the row-wise ones with 16-bit entry points, VACT_T16 in functions.def;
 * prelu is f32 only). A new tier or type is one more #include of
 * fuzz_callers.h with its entry points and one more row (its element size and
 * its `same` comparison). */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "vact.h"
#include "../../src/common/functions.h"

#define FZ_MAX_N 300
#define FZ_MAX_ROWS 8
#define FZ_MAX_COLS 300
#define FZ_MAX_ELEMS 1024
#define FZ_DATA_PAGES 2 /* holds FZ_MAX_ELEMS 4-byte elements + the offset */

/* ---- the function tables --------------------------------------------------- */
enum { FZ_EW, FZ_RW, FZ_RW_Y, FZ_RW_HALF, FZ_PC };
enum { S_X, S_DY, S_ALPHA, S_OUT, S_DALPHA, S_COUNT }; /* array slots */
typedef struct {
    size_t n, rows, cols;
    const void *in[3]; /* x (or y), dy, alpha */
    void *out[2];      /* y or dx, dalpha */
    float p[2];
} fz_args;
typedef void (*fz_call)(const fz_args *a);
typedef struct {
    const char *name;
    int kind, nparams;
    fz_call fwd, bwd;
} fz_fn;

/* accurate tier, f32 */
#define FZ_T float
#define FZ_FWD(name) vact_##name##_f32
#define FZ_BWD(name) vact_##name##_backward_f32
#define FZ_FNS g_acc_f32
#define FZ_SYM(name) acc_f32_##name
#include "fuzz_callers.h"
#undef FZ_T
#undef FZ_FWD
#undef FZ_BWD
#undef FZ_FNS
#undef FZ_SYM

/* fast tier, f32 (bits may differ between ISAs: each ISA is its own
 * reference) */
#define FZ_T float
#define FZ_FWD(name) vact_##name##_fast_f32
#define FZ_BWD(name) vact_##name##_fast_backward_f32
#define FZ_FNS g_fast_f32
#define FZ_SYM(name) fast_f32_##name
#define FZ_FAST_ONLY
#include "fuzz_callers.h"
#undef FZ_T
#undef FZ_FWD
#undef FZ_BWD
#undef FZ_FNS
#undef FZ_SYM
#undef FZ_FAST_ONLY

/* bf16 and f16: every elementwise function, softmax, log_softmax, glu */
#define FZ_T vact_bf16
#define FZ_FWD(name) vact_##name##_bf16
#define FZ_BWD(name) vact_##name##_backward_bf16
#define FZ_FNS g_bf16
#define FZ_SYM(name) bf16_##name
#define FZ_T16
#include "fuzz_callers.h"
#undef FZ_T
#undef FZ_FWD
#undef FZ_BWD
#undef FZ_FNS
#undef FZ_SYM

#define FZ_T vact_f16
#define FZ_FWD(name) vact_##name##_f16
#define FZ_BWD(name) vact_##name##_backward_f16
#define FZ_FNS g_f16
#define FZ_SYM(name) f16_##name
#include "fuzz_callers.h"
#undef FZ_T
#undef FZ_FWD
#undef FZ_BWD
#undef FZ_FNS
#undef FZ_SYM
#undef FZ_T16

/* any NaN equals any NaN; else the same bits */
static int same_f32(const void *a, const void *b, size_t i) {
    uint32_t u, v;
    memcpy(&u, (const char *)a + 4 * i, 4);
    memcpy(&v, (const char *)b + 4 * i, 4);
    const int nan_u = (u & 0x7fffffffu) > 0x7f800000u, nan_v = (v & 0x7fffffffu) > 0x7f800000u;
    return u == v || (nan_u && nan_v);
}
static void store_f32(void *dst, size_t i, uint32_t bits) { memcpy((char *)dst + 4 * i, &bits, 4); }
static uint32_t bits_f32(const void *src, size_t i) {
    uint32_t u;
    memcpy(&u, (const char *)src + 4 * i, 4);
    return u;
}
static uint32_t from_f32_f32(float f) {
    uint32_t u;
    memcpy(&u, &f, 4);
    return u;
}

/* 16 bit: the same bits (the contract: same bits on every ISA, NaN results
 * the default NaN) */
static int same_t16(const void *a, const void *b, size_t i) {
    return !memcmp((const char *)a + 2 * i, (const char *)b + 2 * i, 2);
}
static void store_t16(void *dst, size_t i, uint32_t bits) {
    const uint16_t h = (uint16_t)bits;
    memcpy((char *)dst + 2 * i, &h, 2);
}
static uint32_t bits_t16(const void *src, size_t i) {
    uint16_t h;
    memcpy(&h, (const char *)src + 2 * i, 2);
    return h;
}
/* round to nearest even (the generator's values: finite); not the library's
 * conversions, which are under test */
static uint32_t from_f32_bf16(float f) {
    const uint32_t u = from_f32_f32(f);
    if ((u & 0x7fffffffu) > 0x7f800000u) return 0x7fc0;
    return (u + 0x7fffu + ((u >> 16) & 1)) >> 16;
}
static uint32_t from_f32_f16(float f) {
    const uint32_t u = from_f32_f32(f), s = (u >> 16) & 0x8000, a = u & 0x7fffffffu;
    if (a > 0x7f800000u) return 0x7e00;
    if (a >= 0x477ff000u) return s | 0x7c00; /* |f| >= 65520: inf */
    if (a < 0x38800000u) {                    /* below 2^-14: subnormal */
        float v, t;
        memcpy(&v, &a, 4);
        t = v * 0x1p24f + 0x1p23f; /* in [2^23, 2^24): ulp 1, rounded to even */
        return s | (from_f32_f32(t) & 0x7fffffu);
    }
    uint32_t r = a - (112u << 23);
    r += 0xfffu + ((r >> 13) & 1);
    return s | (r >> 13);
}

typedef struct {
    const char *tier, *type;
    int per_isa; /* 1: the reference is each ISA's own out-of-place call */
    size_t esize;
    const fz_fn *fns;
    size_t nfns;
    int (*same)(const void *a, const void *b, size_t i);
    void (*store)(void *dst, size_t i, uint32_t bits); /* element i from raw bits */
    uint32_t (*bits)(const void *src, size_t i);      /* for the report */
    uint32_t (*from_f32)(float f);                    /* bits of the nearest element */
    uint32_t exp_mask, dnan; /* 16 bit: NaN iff (bits & 0x7fff) > exp_mask; its
                                only allowed result dnan (f32: 0, unchecked) */
} fz_variant;
static const fz_variant g_variants[] = {
    {"accurate", "f32", 0, 4, g_acc_f32, sizeof g_acc_f32 / sizeof g_acc_f32[0], same_f32, store_f32, bits_f32,
     from_f32_f32, 0, 0},
    {"fast", "f32", 1, 4, g_fast_f32, sizeof g_fast_f32 / sizeof g_fast_f32[0], same_f32, store_f32, bits_f32,
     from_f32_f32, 0, 0},
    {"accurate", "bf16", 0, 2, g_bf16, sizeof g_bf16 / sizeof g_bf16[0], same_t16, store_t16, bits_t16,
     from_f32_bf16, 0x7f80, 0x7fc0},
    {"accurate", "f16", 0, 2, g_f16, sizeof g_f16 / sizeof g_f16[0], same_t16, store_t16, bits_t16,
     from_f32_f16, 0x7c00, 0x7e00},
};
#define NVARIANTS (sizeof g_variants / sizeof g_variants[0])

/* ---- the input --------------------------------------------------------------- */
typedef struct {
    const uint8_t *d;
    size_t len;
} fz_in;
static uint8_t in_u8(const fz_in *in, size_t at) { return at < in->len ? in->d[at] : 0; }
static uint32_t in_u16(const fz_in *in, size_t at) {
    return (uint32_t)in_u8(in, at) | (uint32_t)in_u8(in, at + 1) << 8;
}
static uint32_t in_u32(const fz_in *in, size_t at) {
    return (uint32_t)in_u8(in, at) | (uint32_t)in_u8(in, at + 1) << 8 | (uint32_t)in_u8(in, at + 2) << 16 |
           (uint32_t)in_u8(in, at + 3) << 24;
}
#define POOL_AT 19

typedef struct {
    const fz_variant *v;
    const fz_fn *f;
    int bwd, layout, chain, moderate;
    size_t n, rows, cols;
    uint8_t place[S_COUNT];
    float p[2];
    size_t count[S_COUNT]; /* elements of each array (0: NULL) */
    int alias;             /* -1, or the input slot the output shares */
    size_t pool_n;         /* elements (of the variant's size) in the pool */
    uint64_t seed;
} fz_case;

/* value j of the element stream (raw bits of the variant's element): the
 * pool, then the generator */
static uint32_t stream(const fz_in *in, const fz_case *c, size_t j) {
    const size_t es = c->v->esize;
    if (j < c->pool_n) return es == 2 ? in_u16(in, POOL_AT + 2 * j) : in_u32(in, POOL_AT + 4 * j);
    uint64_t z = c->seed + 0x9e3779b97f4a7c15ull * (j + 1);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    z ^= z >> 31;
    if (!c->moderate) return es == 2 ? (uint32_t)(uint16_t)z : (uint32_t)z;
    const float f = (float)(int32_t)(uint32_t)z * 0x1p-26f; /* [-32, 32) */
    return c->v->from_f32(f);
}

static void decode(const fz_in *in, fz_case *c) {
    memset(c, 0, sizeof *c);
    c->v = &g_variants[in_u8(in, 0) % NVARIANTS];
    c->f = &c->v->fns[in_u8(in, 1) % c->v->nfns];
    const uint8_t fl = in_u8(in, 2);
    c->bwd = fl & 1;
    c->layout = (fl >> 1) & 3;
    c->chain = (fl >> 3) & 1;
    c->moderate = (fl >> 4) & 1;
    const size_t w = (size_t)in_u8(in, 3) | (size_t)in_u8(in, 4) << 8;
    for (int s = 0; s < S_COUNT; s++) c->place[s] = in_u8(in, 6 + (size_t)s);
    for (int k = 0; k < 2; k++) {
        uint32_t u = in_u32(in, 11 + 4 * (size_t)k);
        memcpy(&c->p[k], &u, 4);
    }
    c->pool_n = in->len > POOL_AT ? (in->len - POOL_AT) / c->v->esize : 0;
    uint64_t h = 0xcbf29ce484222325ull; /* FNV-1a */
    for (size_t i = 0; i < in->len; i++) h = (h ^ in->d[i]) * 0x100000001b3ull;
    c->seed = h;

    size_t *k = c->count;
    if (c->f->kind == FZ_EW) {
        c->n = w % (FZ_MAX_N + 1);
        k[S_X] = k[S_OUT] = c->n;
        if (c->bwd) k[S_DY] = c->n;
    } else {
        size_t cols = w % (FZ_MAX_COLS + 1), rows = in_u8(in, 5) % (FZ_MAX_ROWS + 1);
        if (cols && rows * cols > FZ_MAX_ELEMS) rows = FZ_MAX_ELEMS / cols;
        c->rows = rows, c->cols = cols;
        const size_t rc = rows * cols, half = rows * (cols / 2);
        k[S_X] = rc;
        if (c->f->kind == FZ_RW_HALF) {
            k[S_OUT] = c->bwd ? rc : half;
            if (c->bwd) k[S_DY] = half;
        } else {
            k[S_OUT] = rc;
            if (c->bwd) k[S_DY] = rc;
        }
        if (c->f->kind == FZ_PC) {
            k[S_ALPHA] = cols;
            if (c->bwd) k[S_DALPHA] = cols;
        }
    }
    c->alias = -1;
    if (c->layout == 1) c->alias = c->bwd ? S_DY : S_X;
    if (c->layout == 2) c->alias = S_X;
    if (c->alias >= 0 && !k[c->alias]) c->alias = -1; /* nothing to share */
}

/* ---- guard-paged arrays ------------------------------------------------------- */
typedef struct {
    uint8_t *data; /* FZ_DATA_PAGES pages between two PROT_NONE pages */
    size_t size;
} fz_slot;
static fz_slot g_slot[S_COUNT];
static uint8_t g_snap[S_COUNT][FZ_DATA_PAGES * 65536];

static void slots_init(void) {
    const size_t pg = (size_t)sysconf(_SC_PAGESIZE);
    for (int s = 0; s < S_COUNT; s++) {
        const size_t size = FZ_DATA_PAGES * pg;
        uint8_t *m = mmap(NULL, size + 2 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (m == MAP_FAILED || mprotect(m, pg, PROT_NONE) || mprotect(m + pg + size, pg, PROT_NONE)) {
            perror("fuzz_vact: mmap");
            abort();
        }
        g_slot[s].data = m + pg;
        g_slot[s].size = size;
    }
}

/* where an array of `bytes` goes in slot s (elements of es bytes) */
static uint8_t *place(int s, uint8_t how, size_t bytes, size_t es) {
    if (how & 0x80) return g_slot[s].data + g_slot[s].size - bytes;
    return g_slot[s].data + (size_t)(how & 15) * es;
}

/* ---- one run --------------------------------------------------------------------- */
typedef struct {
    uint8_t *ptr[S_COUNT];
    size_t bytes[S_COUNT];      /* the array (an aliased one: the larger of the two) */
    size_t writable[S_COUNT];   /* bytes from ptr the call may write */
} fz_layout;

static int g_cur_isa;
static uint8_t g_in[2][FZ_MAX_ELEMS * 4]; /* x and dy as set up (for the report) */
static void report(const fz_case *c, const char *what, size_t i, uint32_t got, uint32_t want) {
    fprintf(stderr,
            "fuzz_vact: %s %s %s%s on %s: %s at %zu (got %#010x, want %#010x)\n"
            "  n %zu rows %zu cols %zu layout %d chain %d p %a (%#x) %a; place %02x %02x %02x %02x %02x\n",
            c->v->tier, c->v->type, c->f->name, c->bwd ? " backward" : "", vact_isa_name((vact_isa)g_cur_isa),
            what, i, got, want, c->n, c->rows, c->cols, c->layout, c->chain, (double)c->p[0],
            bits_f32(&c->p[0], 0), (double)c->p[1], c->place[0], c->place[1], c->place[2], c->place[3], c->place[4]);
    __builtin_trap();
}
/* an output element differs: the elementwise inputs at i too */
static void report_elem(const fz_case *c, const char *what, size_t i, uint32_t got, uint32_t want) {
    if (c->f->kind == FZ_EW && i < c->n)
        fprintf(stderr, "fuzz_vact: input x[%zu] %#010x%s", i, c->v->bits(g_in[0], i), c->bwd ? "" : "\n");
    if (c->f->kind == FZ_EW && i < c->n && c->bwd) fprintf(stderr, " dy[%zu] %#010x\n", i, c->v->bits(g_in[1], i));
    report(c, what, i, got, want);
}

/* Lays out the arrays (aliased: the output takes the input's slot), fills the
 * inputs from the stream and the rest of each used slot with 0xA5. */
static void setup(const fz_in *in, const fz_case *c, int alias, fz_layout *l) {
    const size_t es = c->v->esize;
    memset(l, 0, sizeof *l);
    size_t j = 0;
    for (int s = 0; s < S_COUNT; s++) {
        size_t cnt = c->count[s];
        if (s == S_OUT && alias >= 0) continue;
        if (s == alias && c->count[S_OUT] > cnt) cnt = c->count[S_OUT];
        if (!cnt) continue;
        memset(g_slot[s].data, 0xa5, g_slot[s].size);
        l->bytes[s] = cnt * es;
        l->ptr[s] = place(s, c->place[s], l->bytes[s], es);
        if (s < S_OUT) {
            for (size_t i = 0; i < c->count[s]; i++) c->v->store(l->ptr[s], i, stream(in, c, j++));
            if (s < S_ALPHA) memcpy(g_in[s], l->ptr[s], c->count[s] * es);
        }
    }
    /* an aliased output's tail past its input (glu: dx == dy) */
    if (alias >= 0) {
        for (size_t i = c->count[alias]; i < c->count[S_OUT]; i++)
            c->v->store(l->ptr[alias], i, stream(in, c, 4 * FZ_MAX_ELEMS + i));
        l->ptr[S_OUT] = l->ptr[alias];
    }
    if (c->count[S_OUT] && alias < 0) l->writable[S_OUT] = c->count[S_OUT] * es;
    if (alias >= 0) l->writable[alias] = c->count[S_OUT] * es;
    if (c->count[S_DALPHA]) l->writable[S_DALPHA] = c->count[S_DALPHA] * es;
}

static void snapshot(fz_layout *l) {
    for (int s = 0; s < S_COUNT; s++)
        if (l->bytes[s]) memcpy(g_snap[s], g_slot[s].data, g_slot[s].size);
}

/* everything outside the writable bytes as in the snapshot */
static void check_range(const fz_case *c, int s, size_t from, size_t to) {
    static const char *what[] = {"x changed or written around", "dy changed or written around",
                                 "alpha changed or written around", "written around the output",
                                 "written around dalpha"};
    if (from >= to || !memcmp(g_slot[s].data + from, g_snap[s] + from, to - from)) return;
    for (size_t b = from; b < to; b++)
        if (g_slot[s].data[b] != g_snap[s][b]) report(c, what[s], b, g_slot[s].data[b], g_snap[s][b]);
}
static void check_untouched(const fz_case *c, const fz_layout *l) {
    for (int s = 0; s < S_COUNT; s++) {
        if (!l->bytes[s]) continue;
        const size_t lo = (size_t)(l->ptr[s] - g_slot[s].data), hi = lo + l->writable[s];
        check_range(c, s, 0, lo);
        check_range(c, s, hi, g_slot[s].size);
    }
}

static fz_args args(const fz_case *c, const fz_layout *l) {
    fz_args a;
    memset(&a, 0, sizeof a);
    a.n = c->n, a.rows = c->rows, a.cols = c->cols;
    for (int s = 0; s < 3; s++) a.in[s] = l->ptr[s];
    a.out[0] = l->ptr[S_OUT];
    a.out[1] = l->ptr[S_DALPHA];
    a.p[0] = c->p[0], a.p[1] = c->p[1];
    return a;
}

/* The chain: x -> y = forward(x) in place, on the ISA of the run, before the
 * snapshot (the backward then takes y). */
static void chain(const fz_case *c, const fz_layout *l) {
    if (!(c->bwd && c->chain && c->f->kind == FZ_RW_Y && l->ptr[S_X])) return;
    fz_args f = args(c, l);
    f.out[0] = l->ptr[S_X];
    c->f->fwd(&f);
}

/* One call on the current ISA: set up, chain, snapshot, call, check that
 * nothing but the outputs changed. The outputs stay at l->ptr. */
static void run(const fz_in *in, const fz_case *c, int alias, fz_layout *l) {
    setup(in, c, alias, l);
    chain(c, l);
    snapshot(l);
    const fz_args a = args(c, l);
    (c->bwd ? c->f->bwd : c->f->fwd)(&a);
    check_untouched(c, l);
}

static uint8_t g_ref[2][FZ_MAX_ELEMS * 4];

/* ---- the target ---------------------------------------------------------------- */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static int init;
    if (!init) slots_init(), init = 1;
    const fz_in in = {data, size};
    fz_case c;
    decode(&in, &c);
    const size_t es = c.v->esize;
    fz_layout l;

    /* the reference: scalar, out of place */
    g_cur_isa = VACT_ISA_SCALAR;
    if (vact_isa_select(VACT_ISA_SCALAR)) abort();
    run(&in, &c, -1, &l);
    if (l.ptr[S_OUT]) memcpy(g_ref[0], l.ptr[S_OUT], c.count[S_OUT] * es);
    if (l.ptr[S_DALPHA]) memcpy(g_ref[1], l.ptr[S_DALPHA], c.count[S_DALPHA] * es);
    /* 16 bit: a NaN result is the default NaN (every ISA then by equality),
     * or x's own NaN, quieted (the quiet bit 0x0200 in f16, 0x0040 in bf16),
     * for the forward of leaky_relu with a finite nonzero slope
     * (docs/contract.md) */
    if (c.v->dnan) {
        const int keep = !c.bwd && !strcmp(c.f->name, "leaky_relu") && c.p[0] != 0 &&
                         (bits_f32(&c.p[0], 0) & 0x7f800000u) != 0x7f800000u; /* finite */
        const uint32_t quiet = c.v->dnan == 0x7e00 ? 0x0200 : 0x0040;
        for (size_t i = 0; i < c.count[S_OUT]; i++) {
            const uint32_t b = c.v->bits(g_ref[0], i);
            const uint32_t want = keep ? (c.v->bits(g_in[0], i) | quiet) : c.v->dnan;
            if ((b & 0x7fff) > c.v->exp_mask && b != want) report_elem(&c, "NaN output not the NaN due", i, b, want);
        }
    }

    /* every ISA with the input's layout (a per-ISA variant: against that
     * ISA's own out-of-place call first) */
    for (int isa = 0; isa < VACT_ISA_COUNT; isa++) {
        if (!vact_isa_supported((vact_isa)isa)) continue;
        if (vact_isa_select((vact_isa)isa)) abort();
        g_cur_isa = isa;
        if (c.v->per_isa) {
            run(&in, &c, -1, &l);
            if (l.ptr[S_OUT]) memcpy(g_ref[0], l.ptr[S_OUT], c.count[S_OUT] * es);
            if (l.ptr[S_DALPHA]) memcpy(g_ref[1], l.ptr[S_DALPHA], c.count[S_DALPHA] * es);
        }
        run(&in, &c, c.alias, &l);
        for (size_t i = 0; i < c.count[S_OUT]; i++)
            if (!c.v->same(l.ptr[S_OUT], g_ref[0], i))
                report_elem(&c, c.v->per_isa ? "output differs from this ISA out of place" : "output differs from scalar out of place", i, c.v->bits(l.ptr[S_OUT], i),
                       c.v->bits(g_ref[0], i));
        for (size_t i = 0; i < c.count[S_DALPHA]; i++)
            if (!c.v->same(l.ptr[S_DALPHA], g_ref[1], i))
                report(&c, "dalpha differs from scalar", i, c.v->bits(l.ptr[S_DALPHA], i), c.v->bits(g_ref[1], i));
    }
    return 0;
}
