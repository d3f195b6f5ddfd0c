/* vact command-line tool (public API only; the function list comes from
 * src/common/functions.def).
 *   vact info                          CPU features, supported and active ISA
 *   vact list                          the elementwise functions, parameters
 *                                      (default, domain), stated max ULP and
 *                                      types; the row-wise functions' types
 *   vact eval NAME [--from A] [--to B] [--step S] [--isa ISA] [--type T] [--PARAM V ...]
 *     (T: f32, bf16, f16, or fast: the f32 fast tier)
 *                                      CSV x,f,df of an elementwise function;
 *                                      T = f32 (default), bf16 or f16: x is
 *                                      rounded to T, f and df computed in T
 *   vact eval 'FORMULA' [--param NAME=V ...] [--from A] [--to B] [--step S] [--isa ISA]
 *                                      the same of an expression (vact_expr) */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "vact.h"
#include "../src/common/functions.h"

typedef void (*eval_fn)(size_t n, const float *x, float *y, const float *dy, float *dx, const float *p);
typedef void (*eval16_fn)(size_t n, const uint16_t *x, uint16_t *y, const uint16_t *dy, uint16_t *dx,
                          const float *p);

typedef struct {
    const char *name;
    int np, flags;
    const char *pname[2];
    float pdef[2];
    int pdom[2];
    double ulp[3];
    eval_fn eval;
    eval16_fn eval_bf16, eval_f16;
    eval_fn eval_fast; /* the fast tier (VACT_TF), else NULL */
} fn_info;

/* forward and backward of one function with the parameters p[0], p[1] */
#define ARGS_0(P)
#define ARGS_1(P) , p[0]
#define ARGS_2(P) , p[0], p[1]
#define VACT_EW(name, P, F, U, S, R)                                                                   \
    static void eval_##name(size_t n, const float *x, float *y, const float *dy, float *dx,       \
                            const float *p) {                                                     \
        (void)p;                                                                                  \
        vact_##name##_f32(n, x, y VACT_CAT(ARGS_, VACT_P_COUNT(P))(P));                           \
        vact_##name##_backward_f32(n, x, dy, dx VACT_CAT(ARGS_, VACT_P_COUNT(P))(P));             \
    }                                                                                             \
    EVAL16(name, P, bf16) EVAL16(name, P, f16)                                                    \
    VACT_IF_FAST(R,                                                                               \
    static void eval_fast_##name(size_t n, const float *x, float *y, const float *dy, float *dx,  \
                                 const float *p) {                                                \
        (void)p;                                                                                  \
        vact_##name##_fast_f32(n, x, y VACT_CAT(ARGS_, VACT_P_COUNT(P))(P));                      \
        vact_##name##_fast_backward_f32(n, x, dy, dx VACT_CAT(ARGS_, VACT_P_COUNT(P))(P));        \
    })
#define EVAL_FAST_1(name) eval_fast_##name
#define EVAL_FAST_0(name) NULL
#define EVAL16(name, P, T)                                                                        \
    static void eval_##name##_##T(size_t n, const uint16_t *x, uint16_t *y, const uint16_t *dy,   \
                                  uint16_t *dx, const float *p) {                                 \
        (void)p;                                                                                  \
        vact_##name##_##T(n, x, y VACT_CAT(ARGS_, VACT_P_COUNT(P))(P));                           \
        vact_##name##_backward_##T(n, x, dy, dx VACT_CAT(ARGS_, VACT_P_COUNT(P))(P));             \
    }
#include "../src/common/functions.def"

static const fn_info fns[] = {
#define VACT_EW(name, P, F, U, S, R)                                                                   \
    {#name, VACT_P_COUNT(P), F, {VACT_P_STR1(P), VACT_P_STR2(P)}, {VACT_P_DEF1(P), VACT_P_DEF2(P)}, \
     {VACT_P_DOM1(P), VACT_P_DOM2(P)}, {VACT_U_FWD(U), VACT_U_BWD(U), VACT_U_BWD_DY(U)}, eval_##name,   \
     eval_##name##_bf16, eval_##name##_f16, VACT_CAT(EVAL_FAST_, R)(name)},
#include "../src/common/functions.def"
};
#define NFNS (sizeof fns / sizeof fns[0])

/* the row-wise and per-channel functions and their types */
static const struct { const char *name, *types; } rfns[] = {
#define VACT_RW(name, F, T, R) {#name, (T) ? ((R) ? "f32 bf16 f16 fast" : "f32 bf16 f16") : ((R) ? "f32 fast" : "f32")},
#define VACT_PC(name) {#name, "f32"},
#include "../src/common/functions.def"
};

static const char *domain_name(int d) {
    switch (d) {
    case VACT_D_NOTNAN: return "not NaN";
    case VACT_D_FINITE: return "finite";
    case VACT_D_POS: return "> 0, normal, finite";
    case VACT_D_NONNEG: return ">= 0, finite";
    default: return "any";
    }
}

static int usage(void) {
    fprintf(stderr,
            "usage: vact info\n"
            "       vact list\n"
            "       vact eval NAME [--from A] [--to B] [--step S] [--isa ISA] [--type f32|bf16|f16|fast]\n"
            "                 [--PARAM V ...]\n"
            "                 (PARAM as 'vact list' shows, e.g. --alpha 0.1)\n"
            "       vact eval 'FORMULA' [--param NAME=V ...] [--from A] [--to B] [--step S] [--isa ISA]\n"
            "                 (an expression in x, e.g. 'max(alpha*x, x)' --param alpha=0.1)\n");
    return 2;
}

static int cmd_info(void) {
    char feat[256];
    vact_cpu_features(feat, sizeof feat);
    printf("cpu: %s\n", feat);
    printf("%-8s %-9s\n", "isa", "supported");
    for (int i = 0; i < VACT_ISA_COUNT; i++)
        printf("%-8s %-9s\n", vact_isa_name((vact_isa)i), vact_isa_supported((vact_isa)i) ? "yes" : "no");
    const char *env = getenv("VACT_ISA");
    printf("VACT_ISA: %s\n", env ? env : "(unset)");
    printf("active: %s\n", vact_isa_name(vact_isa_active()));
    return 0;
}

static int cmd_list(void) {
    printf("%-13s %-44s %-32s %s\n", "function", "parameters: default (domain)",
           "max ULP fwd / bwd / bwd, any dy", "types");
    for (size_t i = 0; i < NFNS; i++) {
        const fn_info *f = &fns[i];
        char params[128] = "", one[64];
        for (int k = 0; k < f->np; k++) {
            snprintf(one, sizeof one, "%s--%s %g (%s)", k ? " " : "", f->pname[k], (double)f->pdef[k],
                     domain_name(f->pdom[k]));
            strncat(params, one, sizeof params - strlen(params) - 1);
        }
        char ulp[64] = "exact";
        if (!(f->flags & VACT_PWL)) snprintf(ulp, sizeof ulp, "%.2f / %.2f / %.2f", f->ulp[0], f->ulp[1], f->ulp[2]);
        printf("%-13s %-44s %-32s f32 bf16 f16%s\n", f->name, params, ulp, f->eval_fast ? " fast" : "");
    }
    printf("(bf16, f16: <= 1 ULP of the type; fast: the fast tier, f32, <= 4 / 8 ULP of max(|r|, 2^-20),\n"
           " bits may differ between ISAs; row-wise functions below)\n");
    for (size_t i = 0; i < sizeof rfns / sizeof rfns[0]; i++) printf("%-13s %s\n", rfns[i].name, rfns[i].types);
    return 0;
}

/* x = from + step*i, i = 0 .. n-1, in a buffer of 4n floats (x, y, dy = 1, dx) */
static float *grid(double from, double to, double step, size_t *n) {
    if (!(step > 0) || !(to >= from) || (to - from) / step > 1e8) {
        fprintf(stderr, "vact: need step > 0, to >= from, at most 1e8 points\n");
        return NULL;
    }
    *n = (size_t)((to - from) / step + 1e-9) + 1;
    float *buf = malloc(*n * 4 * sizeof *buf);
    if (!buf) return NULL;
    for (size_t i = 0; i < *n; i++) { buf[i] = (float)(from + step * (double)i); buf[2 * *n + i] = 1.0f; }
    return buf;
}

/* the options both forms of eval take: --isa, --from, --to, --step. Returns
 * 1 when it took `--o v`, 0 when o is not one of them, 2 on an error. */
typedef struct { double from, to, step; } range;
static int range_opt(const char *o, const char *v, range *r) {
    if (!strcmp(o, "isa")) {
        vact_isa isa;
        if (vact_isa_from_name(v, &isa) || vact_isa_select(isa)) {
            fprintf(stderr, "vact: ISA '%s' not supported here\n", v);
            return 2;
        }
        return 1;
    }
    double *d = !strcmp(o, "from") ? &r->from : !strcmp(o, "to") ? &r->to : !strcmp(o, "step") ? &r->step : NULL;
    if (!d) return 0;
    char *end;
    *d = strtod(v, &end);
    if (!*v || *end) { fprintf(stderr, "vact: bad number '%s'\n", v); return 2; }
    return 1;
}

static void print_csv(size_t n, const float *x, const float *y, const float *dx) {
    printf("x,f,df\n");
    for (size_t i = 0; i < n; i++) printf("%.9g,%.9g,%.9g\n", (double)x[i], (double)y[i], (double)dx[i]);
}

/* vact eval 'FORMULA' [--param NAME=V ...]: the parameters in the order given */
static int cmd_eval_expr(int argc, char **argv) {
    enum { MAXP = 8 };
    char names[256] = "";
    float p[MAXP];
    int np = 0;
    range r = {-6, 6, 0.01};
    for (int i = 3; i < argc; i++) {
        if (i + 1 >= argc || strncmp(argv[i], "--", 2)) return usage();
        const char *o = argv[i] + 2, *v = argv[++i];
        int k = range_opt(o, v, &r);
        if (k == 2) return 2;
        if (k) continue;
        if (!strcmp(o, "param")) {
            const char *eq = strchr(v, '=');
            char *end;
            if (!eq || eq == v || np == MAXP || strlen(names) + (size_t)(eq - v) + 2 > sizeof names) {
                fprintf(stderr, "vact: --param NAME=VALUE (at most %d)\n", MAXP);
                return 2;
            }
            double d = strtod(eq + 1, &end);
            if (!eq[1] || *end) { fprintf(stderr, "vact: bad number '%s'\n", eq + 1); return 2; }
            if (np) strcat(names, ",");
            strncat(names, v, (size_t)(eq - v));
            p[np++] = (float)d;
            continue;
        }
        fprintf(stderr, "vact: unknown option --%s (parameters: --param NAME=V)\n", o);
        return 2;
    }
    char err[256];
    vact_expr *e = vact_expr_compile(argv[2], np ? names : NULL, err, sizeof err);
    if (!e) {
        fprintf(stderr, "vact: '%s' is neither a function (see 'vact list') nor a valid formula:\n  %s\n",
                argv[2], err);
        return 2;
    }
    size_t n;
    float *buf = grid(r.from, r.to, r.step, &n);
    if (!buf) { vact_expr_free(e); return 2; }
    float *x = buf, *y = buf + n, *dy = buf + 2 * n, *dx = buf + 3 * n;
    vact_expr_f32(e, n, x, y, p);
    vact_expr_backward_f32(e, n, x, dy, dx, p, NULL);
    print_csv(n, x, y, dx);
    free(buf);
    vact_expr_free(e);
    return 0;
}

static int cmd_eval(int argc, char **argv) {
    if (argc < 3) return usage();
    const fn_info *f = NULL;
    for (size_t i = 0; i < NFNS; i++)
        if (!strcmp(fns[i].name, argv[2])) f = &fns[i];
    if (!f) return cmd_eval_expr(argc, argv);
    range r = {-6, 6, 0.01};
    float p[2] = {f->pdef[0], f->pdef[1]};
    int type = 0; /* 0 f32, 1 bf16, 2 f16 */
    for (int i = 3; i < argc; i++) {
        if (i + 1 >= argc || strncmp(argv[i], "--", 2)) return usage();
        const char *o = argv[i] + 2, *v = argv[++i];
        int k = range_opt(o, v, &r);
        if (k == 2) return 2;
        if (k) continue;
        if (!strcmp(o, "type")) {
            if (!strcmp(v, "f32")) type = 0;
            else if (!strcmp(v, "bf16")) type = 1;
            else if (!strcmp(v, "f16")) type = 2;
            else if (!strcmp(v, "fast")) type = 3;
            else { fprintf(stderr, "vact: unknown type '%s' (f32, bf16, f16, fast)\n", v); return 2; }
            if (type == 3 && !f->eval_fast) {
                fprintf(stderr, "vact: %s is exact and has no fast tier\n", f->name);
                return 2;
            }
            continue;
        }
        char *end;
        double d = strtod(v, &end);
        if (!*v || *end) { fprintf(stderr, "vact: bad number '%s'\n", v); return 2; }
        if (f->np >= 1 && !strcmp(o, f->pname[0])) p[0] = (float)d;
        else if (f->np >= 2 && !strcmp(o, f->pname[1])) p[1] = (float)d;
        else { fprintf(stderr, "vact: option --%s does not apply to %s\n", o, f->name); return 2; }
    }
    size_t n;
    float *buf = grid(r.from, r.to, r.step, &n);
    if (!buf) return 2;
    float *x = buf, *y = buf + n, *dy = buf + 2 * n, *dx = buf + 3 * n;
    if (type == 3) {
        f->eval_fast(n, x, y, dy, dx, p);
    } else if (type) {
        uint16_t *h = malloc(n * 4 * sizeof *h);
        if (!h) { free(buf); return 1; }
        uint16_t *hx = h, *hy = h + n, *hdy = h + 2 * n, *hdx = h + 3 * n;
        void (*to)(size_t, const float *, uint16_t *) = type == 1 ? vact_f32_to_bf16 : vact_f32_to_f16;
        void (*from)(size_t, const uint16_t *, float *) = type == 1 ? vact_bf16_to_f32 : vact_f16_to_f32;
        to(n, x, hx);
        to(n, dy, hdy);
        (type == 1 ? f->eval_bf16 : f->eval_f16)(n, hx, hy, hdy, hdx, p);
        from(n, hx, x);
        from(n, hy, y);
        from(n, hdx, dx);
        free(h);
    } else {
        f->eval(n, x, y, dy, dx, p);
    }
    print_csv(n, x, y, dx);
    free(buf);
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2) return usage();
    if (!strcmp(argv[1], "info")) return cmd_info();
    if (!strcmp(argv[1], "list")) return cmd_list();
    if (!strcmp(argv[1], "eval")) return cmd_eval(argc, argv);
    return usage();
}
