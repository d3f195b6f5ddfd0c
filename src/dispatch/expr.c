/* Expressions: an activation of the user's own, compiled once to a tape of
 * nodes and evaluated block by block (stack buffers, no allocation) by the
 * kernels of the active ISA's table, so the result has the same bits on
 * every ISA. The forward alone runs a scalar operation (x OP s, s a
 * constant or parameter) inside the pass of its one binary consumer (ops.h's
 * fused: the same bits as two passes), and sizes its blocks by the buffers
 * left (up to 4096 elements). The backward is reverse-mode AD over blocks of
 * 256 to 2048 elements (by the node count): the forward values of every node
 * are kept, then the adjoints are propagated in the tape's reverse order
 * (each step again a table kernel; an activation node uses its own kb_NAME
 * kernel; a first contribution is written in place, not copied). dp[k] is
 * summed in one fixed order: 16 interleaved partial sums over the element
 * index (i mod 16, the same across blocks since a block is a multiple of 16
 * elements) by the table's sum16, combined in a fixed tree in plain C: the
 * same bits on every ISA.
 *
 * Grammar (precedence from low to high):
 *   expr   = term { ("+" | "-") term }
 *   term   = unary { ("*" | "/") unary }
 *   unary  = "-" unary | power
 *   power  = primary [ "^" ["-"] integer ]          (|integer| <= VACT_POWI_MAX)
 *   primary = number | "x" | param | name "(" args ")" | "(" expr ")"
 * Functions: min(a,b), max(a,b), abs, sqrt, exp, expm1, log, log1p, erf, erfc
 * (one argument), and every elementwise activation of
 * src/common/functions.def: NAME(arg) with its default parameters or
 * NAME(arg, p1[, p2]) where each parameter is a number or a declared
 * parameter (optionally negated). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../common/vact_internal.h"

#define VACT_EXPR_BWD_ARENA (66 * 256) /* floats of the backward's buffers (66 KiB) */
#define VACT_EXPR_BWD_MAXBLK 2048
#define VACT_EXPR_L1 (4096) /* floats: the buffers' share of L1 (16 KiB) */
#define VACT_EXPR_MAXN 32     /* values (nodes) per expression */
#define VACT_EXPR_MAXP 8      /* declared parameters */
#define VACT_EXPR_NAMELEN 31

enum {
    OP_X, OP_CONST, OP_PARAM, OP_NEG, OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_MIN, OP_MAX, OP_POWI,
    OP_FN /* a unary table entry: activation or primitive */
};

/* gradient with respect to an activation's parameter */
enum { PG_NONE, PG_MIN1 /* d/dp = min(f(x; 1), 0) */, PG_SWISH /* d/dbeta = x^2 sigmoid'(beta x) */ };

typedef struct {
    const char *name; /* the name in formulas */
    int np;           /* parameters */
    float def[2];
    int dom[2];
    size_t off_f, off_b; /* offsets in vact_table */
    int pg;              /* PG_*: gradient with respect to its (first) parameter */
} fn_info;

static const fn_info g_fns[] = {
#define VACT_EW(name, P, F, U, S, R)                                                                  \
    {#name, VACT_P_COUNT(P), {VACT_P_DEF1(P), VACT_P_DEF2(P)}, {VACT_P_DOM1(P), VACT_P_DOM2(P)},   \
     offsetof(vact_table, name), offsetof(vact_table, name##_bwd), -1},
#define VACT_PRIM(name, F, U)                                                                      \
    {#name, 0, {0, 0}, {0, 0}, offsetof(vact_table, name), offsetof(vact_table, name##_bwd), PG_NONE},
#include "../common/functions.def"
    {"exp", 0, {0, 0}, {0, 0}, offsetof(vact_table, exponential), offsetof(vact_table, exponential_bwd),
     PG_NONE},
};
#define N_FNS (sizeof g_fns / sizeof g_fns[0])

static int fn_pg(const fn_info *f) {
    if (f->pg >= 0) return f->pg;
    if (!strcmp(f->name, "leaky_relu") || !strcmp(f->name, "elu")) return PG_MIN1;
    if (!strcmp(f->name, "swish")) return PG_SWISH;
    return PG_NONE;
}

typedef struct {
    unsigned char op;
    signed char a, b;  /* operands (node indices) */
    short k;           /* OP_POWI: exponent; OP_FN: index in g_fns; OP_PARAM: parameter */
    float c;           /* OP_CONST: the value */
    signed char ps[2]; /* OP_FN parameter slots: -1 constant pc[j], else the node of a parameter */
    float pc[2];
    signed char psign[2]; /* +1, or -1 for a negated parameter */
} enode;

struct vact_expr {
    int nn, np, root, xnode;
    int pnode[VACT_EXPR_MAXP]; /* node of parameter k, or -1 */
    enode nd[VACT_EXPR_MAXN];
    /* a constant or parameter read as an array by the forward (the other
     * binary operand is a leaf too, or an operand of neg, ^k, a function, or
     * the root); elsewhere the forward passes it as a scalar (bins_OP) */
    unsigned char arr[VACT_EXPR_MAXN];
    /* the forward alone (vact_expr_f32): a node x OP s (s a leaf) used once,
     * by a binary node with an array as its other operand, is computed in
     * that consumer's pass (ops.h's fused: the same bits): fz[i] is node i's
     * fused producer or -1, fk1/fk2 the kernel's codes, infused[j] marks the
     * producer; the values that need a buffer get slot[i] >= 0 of nbuf, and
     * blocks hold fblk elements (VACT_EXPR_FWD_ARENA floats in all) */
    signed char fz[VACT_EXPR_MAXN], slot[VACT_EXPR_MAXN];
    unsigned char fk1[VACT_EXPR_MAXN], fk2[VACT_EXPR_MAXN], infused[VACT_EXPR_MAXN];
    int nbuf, fblk;
    int bblk; /* the backward's block: 2 nn + 2 buffers in VACT_EXPR_BWD_ARENA */
};

/* ---- parser ----------------------------------------------------------------- */
typedef struct {
    const char *s, *p;
    vact_expr *e;
    char pname[VACT_EXPR_MAXP][VACT_EXPR_NAMELEN + 1];
    char *err;
    size_t errlen;
    int failed;
} parser;

static int fail(parser *ps, const char *at, const char *fmt, const char *arg) {
    if (ps->failed) return -1;
    ps->failed = 1;
    if (ps->err && ps->errlen) {
        char msg[160];
        snprintf(msg, sizeof msg, fmt, arg ? arg : "");
        snprintf(ps->err, ps->errlen, "column %d: %s", (int)(at - ps->s) + 1, msg);
    }
    return -1;
}

static void skip(parser *ps) {
    while (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r') ps->p++;
}
static int is_id0(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
static int is_id(char c) { return is_id0(c) || (c >= '0' && c <= '9'); }
static int is_digit(char c) { return c >= '0' && c <= '9'; }

static int new_node(parser *ps, const char *at, int op, int a, int b) {
    vact_expr *e = ps->e;
    if (e->nn >= VACT_EXPR_MAXN)
        return fail(ps, at, "formula too large: more than 32 values (the limit of a block's stack buffers)%s", "");
    enode *n = &e->nd[e->nn];
    memset(n, 0, sizeof *n);
    n->op = (unsigned char)op;
    n->a = (signed char)a;
    n->b = (signed char)b;
    n->ps[0] = n->ps[1] = -1;
    n->psign[0] = n->psign[1] = 1;
    return e->nn++;
}

static int param_node(parser *ps, const char *at, int k) {
    if (ps->e->pnode[k] >= 0) return ps->e->pnode[k];
    int i = new_node(ps, at, OP_PARAM, -1, -1);
    if (i < 0) return -1;
    ps->e->nd[i].k = (short)k;
    return ps->e->pnode[k] = i;
}

/* an identifier at ps->p into buf; returns its length (0: none) */
static size_t ident(parser *ps, char *buf, size_t cap) {
    const char *q = ps->p;
    if (!is_id0(*q)) return 0;
    while (is_id(*q)) q++;
    size_t len = (size_t)(q - ps->p);
    size_t c = len < cap - 1 ? len : cap - 1;
    memcpy(buf, ps->p, c);
    buf[c] = 0;
    ps->p = q;
    return len;
}

static int find_param(parser *ps, const char *name) {
    for (int k = 0; k < ps->e->np; k++)
        if (!strcmp(ps->pname[k], name)) return k;
    return -1;
}

/* a number literal at ps->p (C float literal, optional f/F suffix) */
static int number(parser *ps, float *v) {
    const char *q = ps->p;
    if (!(is_digit(*q) || (*q == '.' && is_digit(q[1])))) return 0;
    char *end;
    *v = strtof(q, &end);
    if (end == q) return 0;
    if (*end == 'f' || *end == 'F') end++;
    if (is_id(*end) || *end == '.') return fail(ps, end, "malformed number%s", "");
    ps->p = end;
    return 1;
}

static int parse_expr(parser *ps);

/* an activation's parameter argument: a number or a declared parameter,
 * optionally negated; slot j of node n */
static int parse_param_arg(parser *ps, enode *n, int j, const char *fname) {
    skip(ps);
    const char *at = ps->p;
    int sign = 1;
    if (*ps->p == '-') {
        sign = -1;
        ps->p++;
        skip(ps);
    }
    float v;
    int r = number(ps, &v);
    if (r < 0) return -1;
    char name[VACT_EXPR_NAMELEN + 1];
    const char *nat = ps->p;
    if (r) {
        n->pc[j] = sign * v;
    } else if (ident(ps, name, sizeof name)) {
        int k = find_param(ps, name);
        if (k < 0) return fail(ps, nat, "'%s' is not a declared parameter", name);
        int pn = param_node(ps, nat, k);
        if (pn < 0) return -1;
        n->ps[j] = (signed char)pn;
        n->psign[j] = (signed char)sign;
    } else {
        r = -1;
    }
    skip(ps);
    if (r < 0 || (*ps->p != ',' && *ps->p != ')'))
        return fail(ps, at, "a parameter of '%s' must be a number or a declared parameter", fname);
    return 0;
}

static int parse_call(parser *ps, const char *at, const char *name) {
    /* ps->p is after '(' */
    if (!strcmp(name, "min") || !strcmp(name, "max")) {
        int a = parse_expr(ps);
        if (a < 0) return -1;
        skip(ps);
        if (*ps->p != ',') return fail(ps, ps->p, "'%s' takes 2 arguments: expected ','", name);
        ps->p++;
        int b = parse_expr(ps);
        if (b < 0) return -1;
        skip(ps);
        if (*ps->p == ',') return fail(ps, at, "'%s' takes 2 arguments", name);
        if (*ps->p != ')') return fail(ps, ps->p, "expected ')'%s", "");
        ps->p++;
        return new_node(ps, at, name[1] == 'i' ? OP_MIN : OP_MAX, a, b);
    }
    size_t f = 0;
    while (f < N_FNS && (strcmp(g_fns[f].name, name) || !strcmp(name, "neg"))) f++;
    if (f == N_FNS) return fail(ps, at, "unknown function '%s'", name);
    const fn_info *fi = &g_fns[f];
    int a = parse_expr(ps);
    if (a < 0) return -1;
    int i = new_node(ps, at, OP_FN, a, -1);
    if (i < 0) return -1;
    enode *n = &ps->e->nd[i];
    n->k = (short)f;
    n->pc[0] = fi->def[0];
    n->pc[1] = fi->def[1];
    int nargs = 1;
    skip(ps);
    while (*ps->p == ',') {
        ps->p++;
        if (nargs > fi->np) {
            char msg[96];
            if (fi->np)
                snprintf(msg, sizeof msg, "'%s' takes 1 or %d arguments", name, 1 + fi->np);
            else
                snprintf(msg, sizeof msg, "'%s' takes 1 argument", name);
            return fail(ps, at, "%s", msg);
        }
        if (parse_param_arg(ps, n, nargs - 1, name) < 0) return -1;
        nargs++;
        skip(ps);
    }
    if (nargs != 1 && nargs != 1 + fi->np) {
        char msg[96];
        snprintf(msg, sizeof msg, "'%s' takes 1 or %d arguments", name, 1 + fi->np);
        return fail(ps, at, "%s", msg);
    }
    if (*ps->p != ')') return fail(ps, ps->p, "expected ')'%s", "");
    ps->p++;
    /* gradient with respect to a parameter in an activation's slot */
    for (int j = 0; j < fi->np; j++)
        if (n->ps[j] >= 0 && (j > 0 || fn_pg(fi) == PG_NONE))
            return fail(ps, at, "the gradient with respect to a parameter of '%s' is not supported "
                                "(a declared parameter may be the parameter of leaky_relu, elu, "
                                "swish; write a number)", name);
    return i;
}

static int parse_primary(parser *ps) {
    skip(ps);
    const char *at = ps->p;
    float v;
    int r = number(ps, &v);
    if (r < 0) return -1;
    if (r) {
        int i = new_node(ps, at, OP_CONST, -1, -1);
        if (i >= 0) ps->e->nd[i].c = v;
        return i;
    }
    if (*ps->p == '(') {
        ps->p++;
        int i = parse_expr(ps);
        if (i < 0) return -1;
        skip(ps);
        if (*ps->p != ')') return fail(ps, ps->p, "expected ')'%s", "");
        ps->p++;
        return i;
    }
    char name[VACT_EXPR_NAMELEN + 1];
    if (ident(ps, name, sizeof name)) {
        skip(ps);
        if (*ps->p == '(') {
            ps->p++;
            return parse_call(ps, at, name);
        }
        if (!strcmp(name, "x")) {
            if (ps->e->xnode >= 0) return ps->e->xnode;
            int i = new_node(ps, at, OP_X, -1, -1);
            return i < 0 ? -1 : (ps->e->xnode = i);
        }
        int k = find_param(ps, name);
        if (k >= 0) return param_node(ps, at, k);
        for (size_t f = 0; f < N_FNS; f++)
            if (!strcmp(g_fns[f].name, name) || !strcmp(name, "min") || !strcmp(name, "max"))
                return fail(ps, at, "'%s' is a function: expected '('", name);
        return fail(ps, at, "unknown name '%s' (not x, a function or a declared parameter)", name);
    }
    if (!*ps->p) return fail(ps, at, "unexpected end of formula%s", "");
    char c[2] = {*ps->p, 0};
    return fail(ps, at, "unexpected '%s'", c);
}

static int parse_power(parser *ps) {
    int a = parse_primary(ps);
    if (a < 0) return -1;
    skip(ps);
    if (*ps->p != '^') return a;
    const char *at = ps->p;
    ps->p++;
    skip(ps);
    int sign = 1, paren = 0;
    if (*ps->p == '(') {
        paren = 1;
        ps->p++;
        skip(ps);
    }
    if (*ps->p == '-') {
        sign = -1;
        ps->p++;
        skip(ps);
    }
    const char *kat = ps->p;
    if (!is_digit(*ps->p)) return fail(ps, kat, "'^' needs an integer exponent%s", "");
    long k = 0;
    while (is_digit(*ps->p)) {
        if (k <= VACT_POWI_MAX) k = k * 10 + (*ps->p - '0');
        ps->p++;
    }
    if (*ps->p == '.' || is_id(*ps->p)) return fail(ps, kat, "'^' needs an integer exponent%s", "");
    if (k > VACT_POWI_MAX) return fail(ps, kat, "exponent out of range (|k| <= 16)%s", "");
    if (paren) {
        skip(ps);
        if (*ps->p != ')') return fail(ps, ps->p, "expected ')'%s", "");
        ps->p++;
    }
    int i = new_node(ps, at, OP_POWI, a, -1);
    if (i >= 0) ps->e->nd[i].k = (short)(sign * k);
    skip(ps);
    if (*ps->p == '^') return fail(ps, ps->p, "write (a^j)^k: '^' does not chain%s", "");
    return i;
}

static int parse_unary(parser *ps) {
    skip(ps);
    if (*ps->p == '-') {
        const char *at = ps->p;
        ps->p++;
        skip(ps);
        /* a negated number is a negative constant */
        float v;
        const char *save = ps->p;
        int r = number(ps, &v);
        if (r < 0) return -1;
        if (r) {
            skip(ps);
            if (*ps->p != '^') {
                int i = new_node(ps, at, OP_CONST, -1, -1);
                if (i >= 0) ps->e->nd[i].c = -v;
                return i;
            }
            ps->p = save;
        }
        int a = parse_unary(ps);
        if (a < 0) return -1;
        return new_node(ps, at, OP_NEG, a, -1);
    }
    return parse_power(ps);
}

static int parse_term(parser *ps) {
    int a = parse_unary(ps);
    while (a >= 0) {
        skip(ps);
        char c = *ps->p;
        if (c != '*' && c != '/') break;
        const char *at = ps->p;
        ps->p++;
        int b = parse_unary(ps);
        if (b < 0) return -1;
        a = new_node(ps, at, c == '*' ? OP_MUL : OP_DIV, a, b);
    }
    return a;
}

static int parse_expr(parser *ps) {
    int a = parse_term(ps);
    while (a >= 0) {
        skip(ps);
        char c = *ps->p;
        if (c != '+' && c != '-') break;
        const char *at = ps->p;
        ps->p++;
        int b = parse_term(ps);
        if (b < 0) return -1;
        a = new_node(ps, at, c == '+' ? OP_ADD : OP_SUB, a, b);
    }
    return a;
}

/* the declared parameters: a comma-separated list of names */
static int parse_params(parser *ps, const char *params) {
    if (!params) return 0;
    const char *q = params;
    for (;;) {
        while (*q == ' ' || *q == '\t') q++;
        if (!*q && ps->e->np == 0) return 0;
        const char *st = q;
        if (!is_id0(*q)) goto bad;
        while (is_id(*q)) q++;
        size_t len = (size_t)(q - st);
        if (len > VACT_EXPR_NAMELEN) goto bad;
        if (ps->e->np >= VACT_EXPR_MAXP) {
            if (ps->err && ps->errlen) snprintf(ps->err, ps->errlen, "parameters: more than %d", VACT_EXPR_MAXP);
            return -1;
        }
        char name[VACT_EXPR_NAMELEN + 1];
        memcpy(name, st, len);
        name[len] = 0;
        if (!strcmp(name, "x") || find_param(ps, name) >= 0) goto bad;
        strcpy(ps->pname[ps->e->np++], name);
        while (*q == ' ' || *q == '\t') q++;
        if (!*q) return 0;
        if (*q != ',') goto bad;
        q++;
        continue;
    bad:
        if (ps->err && ps->errlen)
            snprintf(ps->err, ps->errlen, "parameters: column %d: expected a new name other than x",
                     (int)(q - params) + 1);
        return -1;
    }
}

/* ---- evaluation --------------------------------------------------------------- */

static vact_unary_fn fn_fwd(const vact_table *t, const fn_info *f) {
    vact_unary_fn fn;
    memcpy(&fn, (const char *)t + f->off_f, sizeof fn);
    return fn;
}
static vact_unary_bwd_fn fn_bwd(const vact_table *t, const fn_info *f) {
    vact_unary_bwd_fn fn;
    memcpy(&fn, (const char *)t + f->off_b, sizeof fn);
    return fn;
}

/* the parameters of an OP_FN node; 0 when one is outside its domain */
static int fn_params(const vact_expr *e, const enode *n, const float *p, vact_params *out) {
    const fn_info *f = &g_fns[n->k];
    float v[2];
    for (int j = 0; j < 2; j++)
        v[j] = n->ps[j] < 0 ? n->pc[j] : n->psign[j] * p[e->nd[n->ps[j]].k];
    out->a = v[0];
    out->b = v[1];
    for (int j = 0; j < f->np; j++)
        if (!vact__param_ok(f->dom[j], v[j])) return 0;
    return 1;
}

static void fill(size_t m, float *y, float v) {
    for (size_t i = 0; i < m; i++) y[i] = v;
}

static int is_leaf(const vact_expr *e, int i) {
    return e->nd[i].op == OP_CONST || e->nd[i].op == OP_PARAM;
}
static float leaf_value(const vact_expr *e, int i, const float *p) {
    return e->nd[i].op == OP_CONST ? e->nd[i].c : p[e->nd[i].k];
}

static int is_binary(int op) {
    return op == OP_ADD || op == OP_SUB || op == OP_MUL || op == OP_DIV || op == OP_MIN || op == OP_MAX;
}

/* which leaves the forward reads as arrays (vact_expr.arr) */
static void mark_arrays(vact_expr *e) {
    for (int i = 0; i < e->nn; i++) {
        const enode *n = &e->nd[i];
        switch (n->op) {
        case OP_ADD: case OP_SUB: case OP_MUL: case OP_DIV: case OP_MIN: case OP_MAX:
            if (is_leaf(e, n->a) && is_leaf(e, n->b)) e->arr[n->a] = e->arr[n->b] = 1;
            break;
        case OP_NEG: case OP_POWI: case OP_FN:
            if (is_leaf(e, n->a)) e->arr[n->a] = 1;
            break;
        default: break;
        }
    }
    if (is_leaf(e, e->root)) e->arr[e->root] = 1;
}

/* the forward's fusions, buffers and block (vact_expr.fz ...) */
#define VACT_EXPR_FWD_ARENA 8192 /* floats: 32 KiB of stack, as 32 blocks of 256 */
#define VACT_EXPR_FWD_MAXBLK 4096
static void plan_forward(vact_expr *e) {
    int uses[VACT_EXPR_MAXN] = {0};
    for (int i = 0; i < e->nn; i++) {
        const enode *n = &e->nd[i];
        e->fz[i] = -1;
        if (n->op == OP_X || is_leaf(e, i)) continue;
        uses[n->a]++;
        if (is_binary(n->op)) uses[n->b]++;
    }
    for (int i = 0; i < e->nn; i++) {
        const enode *n = &e->nd[i];
        if (!is_binary(n->op)) continue;
        for (int side = 0; side < 2 && e->fz[i] < 0; side++) {
            int j = side ? n->b : n->a, q = side ? n->a : n->b;
            const enode *pj = &e->nd[j];
            if (j == e->root || uses[j] != 1 || is_leaf(e, q) || e->infused[j]) continue;
            if (pj->op != OP_ADD && pj->op != OP_SUB && pj->op != OP_MUL && pj->op != OP_DIV) continue;
            int la = is_leaf(e, pj->a), lb = is_leaf(e, pj->b);
            if (la == lb) continue; /* needs one leaf (the scalar) and one array */
            static const unsigned char k1[4][2] = {{0, 0}, {2, 3}, {1, 1}, {4, 5}}; /* [op][leaf is a] */
            static const unsigned char k2[6][2] = {{0, 0}, {4, 5}, {1, 1}, {6, 7}, {2, 2}, {3, 3}};
            e->fz[i] = (signed char)j;
            e->fk1[i] = k1[pj->op - OP_ADD][la];
            e->fk2[i] = k2[n->op - OP_ADD][side];
            e->infused[j] = 1;
        }
    }
    e->nbuf = 0;
    for (int i = 0; i < e->nn; i++) {
        int needs = is_leaf(e, i) ? e->arr[i] : e->nd[i].op != OP_X && !e->infused[i] && i != e->root;
        e->slot[i] = needs ? (signed char)e->nbuf++ : -1;
    }
    /* the buffers in L1: 16 KiB in all, and 256 elements each at least (the
     * arena's 32 KiB for 32 buffers) */
    int b = e->nbuf ? VACT_EXPR_L1 / e->nbuf : VACT_EXPR_FWD_MAXBLK;
    if (b > VACT_EXPR_FWD_MAXBLK) b = VACT_EXPR_FWD_MAXBLK;
    e->fblk = b < 256 ? 256 : b & ~63;
    b = VACT_EXPR_L1 / (2 * e->nn + 2);
    if (b > VACT_EXPR_BWD_MAXBLK) b = VACT_EXPR_BWD_MAXBLK;
    e->bblk = b < 256 ? 256 : b & ~63;
}

/* the constants' and parameters' buffers (once per call): those the
 * forward reads as arrays, or all of them (the backward's operands) */
static void fill_leaves(const vact_expr *e, const float *p, float *const *buf, size_t blk, int all) {
    for (int i = 0; i < e->nn; i++)
        if (is_leaf(e, i) && (all || e->arr[i])) fill(blk, buf[i], leaf_value(e, i, p));
}

/* y = a OP b with a scalar where one operand is a leaf (the same bits) */
static void binary(vact_binary_fn f, vact_binary_s_fn fs, const vact_expr *e, const enode *n,
                   const float *p, size_t m, const float *a, const float *b, float *y) {
    int la = is_leaf(e, n->a), lb = is_leaf(e, n->b);
    if (lb && !la) fs(m, a, leaf_value(e, n->b, p), y, 0);
    else if (la && !lb) fs(m, b, leaf_value(e, n->a, p), y, 1);
    else f(m, a, b, y);
}

/* the forward values of one block of m elements: val[i] for every node
 * (the root into `out` when out is not NULL); with `fused`, the plan of
 * plan_forward (producers computed inside their consumers) */
static void forward_block(const vact_expr *e, const vact_table *t, size_t m, const float *x,
                          const float *p, float *const *buf, const float **val, float *out,
                          int fused) {
    static const vact_params p0 = {0.0f, 0.0f};
    for (int i = 0; i < e->nn; i++) {
        const enode *n = &e->nd[i];
        if (fused && e->infused[i]) continue;
        float *y = (out && i == e->root) ? out : buf[i];
        const float *a = n->a >= 0 ? val[n->a] : NULL, *b = n->b >= 0 ? val[n->b] : NULL;
        val[i] = y;
        if (fused && e->fz[i] >= 0) { /* (u OP1 s) OP2 q */
            const enode *pj = &e->nd[e->fz[i]];
            int la = is_leaf(e, pj->a);
            const int q = e->nd[i].a == e->fz[i] ? n->b : n->a;
            t->fused(m, val[la ? pj->b : pj->a], leaf_value(e, la ? pj->a : pj->b, p), e->fk1[i],
                     val[q], e->fk2[i], y);
            continue;
        }
        switch (n->op) {
        case OP_X: val[i] = x; break;
        case OP_CONST:
        case OP_PARAM: val[i] = buf[i]; break;
        case OP_NEG: t->neg(m, a, y, &p0); break;
        case OP_ADD: binary(t->add, t->add_s, e, n, p, m, a, b, y); break;
        case OP_SUB: binary(t->sub, t->sub_s, e, n, p, m, a, b, y); break;
        case OP_MUL: binary(t->mul, t->mul_s, e, n, p, m, a, b, y); break;
        case OP_DIV: binary(t->div, t->div_s, e, n, p, m, a, b, y); break;
        case OP_MIN: binary(t->min, t->min_s, e, n, p, m, a, b, y); break;
        case OP_MAX: binary(t->max, t->max_s, e, n, p, m, a, b, y); break;
        case OP_POWI: t->powi(m, a, y, n->k); break;
        case OP_FN: {
            vact_params pp;
            if (fn_params(e, n, p, &pp)) fn_fwd(t, &g_fns[n->k])(m, a, y, &pp);
            else fill(m, y, __builtin_nanf(""));
            break;
        }
        }
    }
    if (out && val[e->root] != out) memmove(out, val[e->root], m * sizeof *out);
}

#pragma GCC visibility push(default)

vact_expr *vact_expr_compile(const char *formula, const char *params, char *err, size_t errlen) {
    if (err && errlen) err[0] = 0;
    if (!formula) {
        if (err && errlen) snprintf(err, errlen, "column 1: no formula");
        return NULL;
    }
    vact_expr *e = calloc(1, sizeof *e);
    if (!e) {
        if (err && errlen) snprintf(err, errlen, "out of memory");
        return NULL;
    }
    e->xnode = -1;
    for (int k = 0; k < VACT_EXPR_MAXP; k++) e->pnode[k] = -1;
    parser ps = {formula, formula, e, {{0}}, err, errlen, 0};
    if (parse_params(&ps, params) < 0) {
        free(e);
        return NULL;
    }
    int r = parse_expr(&ps);
    if (r >= 0) {
        skip(&ps);
        if (*ps.p) {
            char c[2] = {*ps.p, 0};
            r = fail(&ps, ps.p, *ps.p == ')' ? "unbalanced ')'%s" : "unexpected '%s'",
                     *ps.p == ')' ? "" : c);
        }
    }
    if (r < 0) {
        free(e);
        return NULL;
    }
    e->root = r;
    mark_arrays(e);
    plan_forward(e);
    return e;
}

void vact_expr_free(vact_expr *e) { free(e); }

void vact_expr_f32(const vact_expr *e, size_t n, const float *x, float *y, const float *p) {
    if (!e || !n) return;
    const vact_table *t = vact__table_get();
    _Alignas(64) float arena[VACT_EXPR_FWD_ARENA];
    float *buf[VACT_EXPR_MAXN];
    const float *val[VACT_EXPR_MAXN];
    const size_t blk = (size_t)e->fblk;
    for (int i = 0; i < e->nn; i++) buf[i] = e->slot[i] >= 0 ? arena + (size_t)e->slot[i] * blk : NULL;
    fill_leaves(e, p, buf, blk, 0);
    for (size_t i0 = 0; i0 < n; i0 += blk) {
        size_t m = n - i0 < blk ? n - i0 : blk;
        forward_block(e, t, m, x + i0, p, buf, val, y + i0, 1);
    }
}

/* The adjoints of one block. ap[j] points at node j's adjoint so far (NULL:
 * none yet); ab[j] is its own buffer (for x: dx itself when dx overlaps
 * neither x nor dy). A first contribution is not copied: a kernel writes it
 * into ab[j] directly (out()), or ap[j] points at a stable source (dy, or
 * the adjoint of a node already done); later ones are added into ab[j]. */
typedef struct {
    const vact_table *t;
    size_t m;
    float *ab[VACT_EXPR_MAXN];
    const float *ap[VACT_EXPR_MAXN];
} adjs;

/* where a kernel writes node j's contribution: ab[j] for the first, else tmp */
static float *out(const adjs *A, int j, float *tmp) { return A->ap[j] ? tmp : A->ab[j]; }

/* adj_j += src (or -src); `stable`: src stays valid for the whole block */
static void contrib(adjs *A, const vact_expr *e, int j, const float *src, int neg, int stable) {
    static const vact_params p0 = {0.0f, 0.0f};
    if (e->nd[j].op == OP_CONST) return;
    float *d = A->ab[j];
    if (!A->ap[j]) {
        if (neg) A->t->neg(A->m, src, d, &p0);
        else if (src != d && !stable) memcpy(d, src, A->m * sizeof *d);
        A->ap[j] = neg || !stable ? d : src;
    } else {
        (neg ? A->t->sub : A->t->add)(A->m, A->ap[j], src, d);
        A->ap[j] = d;
    }
}

void vact_expr_backward_f32(const vact_expr *e, size_t n, const float *x, const float *dy,
                            float *dx, const float *p, float *dp) {
    if (!e) return;
    float acc[VACT_EXPR_MAXP][16];
    memset(acc, 0, sizeof acc);
    const vact_table *t = vact__table_get();
    _Alignas(64) float arena[VACT_EXPR_BWD_ARENA];
    static const float zeros[VACT_EXPR_BWD_MAXBLK];
    const size_t blk = (size_t)e->bblk;
    float *buf[VACT_EXPR_MAXN], *adjb[VACT_EXPR_MAXN], *tmp[2];
    for (int i = 0; i < e->nn; i++) {
        buf[i] = arena + (size_t)i * blk;
        adjb[i] = arena + (size_t)(e->nn + i) * blk;
    }
    tmp[0] = arena + (size_t)(2 * e->nn) * blk;
    tmp[1] = tmp[0] + blk;
    const float *val[VACT_EXPR_MAXN];
    fill_leaves(e, p, buf, blk, 1);
    const int dx_direct = e->xnode >= 0 && !vact__overlaps(dx, x, n) && !vact__overlaps(dx, dy, n);
    for (size_t i0 = 0; i0 < n; i0 += blk) {
        size_t m = n - i0 < blk ? n - i0 : blk;
        forward_block(e, t, m, x + i0, p, buf, val, NULL, 0);
        adjs A;
        A.t = t;
        A.m = m;
        for (int i = 0; i < e->nn; i++) {
            A.ab[i] = adjb[i];
            A.ap[i] = NULL;
        }
        if (dx_direct) A.ab[e->xnode] = dx + i0;
        const float *g;
        for (int i = e->nn - 1; i >= 0; i--) {
            const enode *nd = &e->nd[i];
            if (i == e->root) g = dy + i0;
            else if (A.ap[i]) g = A.ap[i];
            else continue;
            if (nd->op == OP_X || nd->op == OP_CONST || nd->op == OP_PARAM) {
                if (i == e->root) contrib(&A, e, i, g, 0, 1);
                continue;
            }
            const int a = nd->a, b = nd->b;
            const float *va = a >= 0 ? val[a] : NULL, *vb = b >= 0 ? val[b] : NULL;
            /* no gradient into a parameter's node without dp */
            const int skip_a = !dp && e->nd[a].op == OP_PARAM, skip_b = b < 0 || (!dp && e->nd[b].op == OP_PARAM);
            /* both operands one node (x*x): through the temporaries */
            const int same = a == b;
            float *o;
            switch (nd->op) {
            case OP_NEG:
                if (!skip_a) contrib(&A, e, a, g, 1, 1);
                break;
            case OP_ADD:
            case OP_SUB:
                if (!skip_a) contrib(&A, e, a, g, 0, 1);
                if (!skip_b) contrib(&A, e, b, g, nd->op == OP_SUB, 1);
                break;
            case OP_MUL: /* da = g b, db = g a (a scalar when the other is a leaf) */
                if (!skip_a) {
                    o = same ? tmp[0] : out(&A, a, tmp[0]);
                    if (is_leaf(e, b)) t->mul_s(m, g, leaf_value(e, b, p), o, 0);
                    else t->mul(m, g, vb, o);
                    contrib(&A, e, a, o, 0, 0);
                }
                if (!skip_b) {
                    o = same ? tmp[0] : out(&A, b, tmp[0]);
                    if (is_leaf(e, a)) t->mul_s(m, g, leaf_value(e, a, p), o, 0);
                    else t->mul(m, g, va, o);
                    contrib(&A, e, b, o, 0, 0);
                }
                break;
            case OP_DIV: /* da = g/b, db = -(g/b)(a/b) */
                t->div(m, g, vb, tmp[0]);
                if (!skip_b) { t->mul(m, tmp[0], val[i], tmp[1]); contrib(&A, e, b, tmp[1], 1, 0); }
                if (!skip_a) contrib(&A, e, a, tmp[0], 0, 0);
                break;
            case OP_MIN:
            case OP_MAX: {
                float *oa = same || skip_a ? tmp[0] : out(&A, a, tmp[0]);
                float *ob = same || skip_b ? tmp[1] : out(&A, b, tmp[1]);
                (nd->op == OP_MIN ? t->min_bwd : t->max_bwd)(m, va, vb, g, oa, ob);
                if (!skip_a) contrib(&A, e, a, oa, 0, 0);
                if (!skip_b) contrib(&A, e, b, ob, 0, 0);
                break;
            }
            case OP_POWI:
                if (!skip_a) {
                    o = out(&A, a, tmp[0]);
                    t->powi_bwd(m, va, g, o, nd->k);
                    contrib(&A, e, a, o, 0, 0);
                }
                break;
            case OP_FN: {
                const fn_info *f = &g_fns[nd->k];
                vact_params pp;
                int ok = fn_params(e, nd, p, &pp);
                if (!skip_a) {
                    o = out(&A, a, tmp[0]);
                    if (ok) fn_bwd(t, f)(m, va, g, o, &pp);
                    else fill(m, o, __builtin_nanf(""));
                    contrib(&A, e, a, o, 0, 0);
                }
                if (dp && nd->ps[0] >= 0) { /* d/dp of the first parameter (fn_pg) */
                    if (!ok) fill(m, tmp[0], __builtin_nanf(""));
                    else if (fn_pg(f) == PG_MIN1) {      /* g min(f(x; 1), 0) */
                        vact_params p1 = pp;
                        p1.a = 1.0f;
                        fn_fwd(t, f)(m, va, tmp[0], &p1);
                        t->min(m, tmp[0], zeros, tmp[0]);
                        t->mul(m, tmp[0], g, tmp[0]);
                    } else {                              /* swish: g sigmoid'(beta x) x x */
                        t->mul(m, buf[nd->ps[0]], va, tmp[0]);     /* beta x */
                        if (nd->psign[0] < 0) t->neg(m, tmp[0], tmp[0], &pp);
                        t->sigmoid_bwd(m, tmp[0], g, tmp[0], &pp);
                        t->mul(m, tmp[0], va, tmp[0]);
                        t->mul(m, tmp[0], va, tmp[0]);
                    }
                    contrib(&A, e, nd->ps[0], tmp[0], nd->psign[0] < 0, 0);
                }
                break;
            }
            }
        }
        /* dx: the adjoint of x (0 when the formula does not use x) */
        if (e->xnode >= 0 && A.ap[e->xnode]) {
            if (A.ap[e->xnode] != dx + i0) memmove(dx + i0, A.ap[e->xnode], m * sizeof *dx);
        } else {
            fill(m, dx + i0, 0.0f);
        }
        /* dp: 16 interleaved partial sums (element index mod 16) */
        if (dp)
            for (int k = 0; k < e->np; k++) {
                int pn = e->pnode[k];
                if (pn < 0 || !A.ap[pn]) continue;
                t->sum16(m, A.ap[pn], acc[k]); /* lane l: elements l, l + 16, ... in order */
            }
    }
    if (dp)
        for (int k = 0; k < e->np; k++) {
            float *s = acc[k];
            for (int w = 8; w >= 1; w /= 2)
                for (int j = 0; j < w; j++) s[j] = s[j] + s[j + w];
            dp[k] = s[0];
        }
}

#pragma GCC visibility pop
