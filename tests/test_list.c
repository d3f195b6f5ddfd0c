/* The one list of functions (src/common/functions.def) against the two
 * hand-written places a user reads:
 *   - include/vact.h declares every function of the list with the list's
 *     parameters (VACT_UNARY0/1/2 lines for elementwise functions,
 *     vact_NAME_f32 and vact_NAME_backward_f32 for the others), and nothing
 *     else: every VACT_UNARYk line names a function of the list; the
 *     VACT_UNARYk macros declare the bf16 and f16 variants too (every
 *     elementwise function has them), the row-wise functions marked VACT_T16
 *     have vact_NAME_bf16 / _f16 (and backward) declarations, and the four
 *     conversions are declared;
 *   - README.md's "### Functions" table has one row per function of the list,
 *     in the list's order, with its kind and parameters (default, domain);
 *   - docs/contract.md's table of elementwise functions has one row per
 *     elementwise function of the list, in order, naming its parameters.
 * (The compiler checks that each declaration matches the generated
 * definition in src/dispatch/api.c; tests/check_exports checks the symbols.)
 *   test_list VACT_H README_MD CONTRACT_MD */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "common/functions.h"

typedef struct {
    const char *name, *kind, *decl, *params;
    int t16; /* row-wise: VACT_T16 */
    int fast; /* VACT_TF: also the fast tier */
    const char *fastdecl; /* its declaration in vact.h */
} entry;

/* the declaration vact.h must contain and the README's parameter cell */
#define DOMSTR(d)                                                                                  \
    ((d) == VACT_D_NOTNAN ? "not NaN"                                                              \
     : (d) == VACT_D_FINITE ? "finite"                                                             \
     : (d) == VACT_D_POS    ? "> 0, normal, finite"                                                        \
     : (d) == VACT_D_NONNEG ? ">= 0, finite"                                                       \
                            : "any")
#define DECL_0(P, name) "VACT_UNARY0(" #name ")"
#define DECL_1(P, name) "VACT_UNARY1(" #name ", " VACT_P_STR1(P) ")"
#define DECL_2(P, name) "VACT_UNARY2(" #name ", " VACT_P_STR1(P) ", " VACT_P_STR2(P) ")"
static const entry g_list[] = {
#define FDECL_0(P, name) "VACT_FAST0(" #name ")"
#define FDECL_1(P, name) "VACT_FAST1(" #name ", " VACT_P_STR1(P) ")"
#define FDECL_2(P, name) "VACT_FAST2(" #name ", " VACT_P_STR1(P) ", " VACT_P_STR2(P) ")"
#define VACT_EW(name, P, F, U, S, R)                                                                  \
    {#name, "elementwise", VACT_CAT(DECL_, VACT_P_COUNT(P))(P, name), NULL, 0, R,                 \
     VACT_CAT(FDECL_, VACT_P_COUNT(P))(P, name)},
#define VACT_RW(name, F, T, R) {#name, "row-wise", "vact_" #name "_f32(", NULL, T, R, "vact_" #name "_fast_f32("},
#define VACT_PC(name) {#name, "per-channel", "vact_" #name "_f32(", NULL, 0, 0, "vact_" #name "_fast_f32("},
#include "common/functions.def"
};
#define NLIST (sizeof g_list / sizeof g_list[0])

typedef struct {
    int np;
    const char *n1, *n2;
    float d1, d2;
    int m1, m2;
} pinfo;
static const pinfo g_params[] = {
#define VACT_EW(name, P, F, U, S, R)                                                                  \
    {VACT_P_COUNT(P), VACT_P_STR1(P), VACT_P_STR2(P), VACT_P_DEF1(P), VACT_P_DEF2(P), VACT_P_DOM1(P), \
     VACT_P_DOM2(P)},
#define VACT_RW(name, F, T, R) {0, "", "", 0, 0, 0, 0},
#define VACT_PC(name) {-1, "", "", 0, 0, 0, 0},
#include "common/functions.def"
};

static const char *g_header_path, *g_readme_path, *g_contract_path;

static char *slurp(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    size_t got = fread(s, 1, (size_t)n, f);
    s[got] = 0;
    fclose(f);
    return s;
}

static int in_list(const char *name, size_t len) {
    for (size_t i = 0; i < NLIST; i++)
        if (strlen(g_list[i].name) == len && !strncmp(g_list[i].name, name, len)) return 1;
    return 0;
}

static void test_header(void **state) {
    (void)state;
    char *h = slurp(g_header_path);
    assert_non_null(h);
    int bad = 0;
    for (size_t i = 0; i < NLIST; i++) {
        if (!strstr(h, g_list[i].decl)) {
            printf("FAIL include/vact.h lacks '%s'\n", g_list[i].decl);
            bad++;
        }
        if (strcmp(g_list[i].kind, "elementwise")) {
            char b[64];
            snprintf(b, sizeof b, "vact_%s_backward_f32(", g_list[i].name);
            if (!strstr(h, b)) { printf("FAIL include/vact.h lacks '%s'\n", b); bad++; }
        }
    }
    /* bf16 / f16: in each VACT_UNARYk macro, for the row-wise VACT_T16 ones,
     * and the conversions */
    static const char *const t16[] = {
        "void vact_##name##_##T(size_t n, const vact_##T *x, vact_##T *y __VA_ARGS__);",
        "void vact_##name##_backward_##T(size_t n, const vact_##T *x, const vact_##T *dy,",
        "typedef uint16_t vact_bf16;", "typedef uint16_t vact_f16;",
        "void vact_f32_to_bf16(size_t n, const float *x, vact_bf16 *y);",
        "void vact_bf16_to_f32(size_t n, const vact_bf16 *x, float *y);",
        "void vact_f32_to_f16(size_t n, const float *x, vact_f16 *y);",
        "void vact_f16_to_f32(size_t n, const vact_f16 *x, float *y);",
        "VACT_T16_DECL(name, bf16, ) VACT_T16_DECL(name, f16, )",
        "VACT_T16_DECL(name, bf16, , float p1) VACT_T16_DECL(name, f16, , float p1)",
        "VACT_T16_DECL(name, bf16, , float p1, float p2) VACT_T16_DECL(name, f16, , float p1, float p2)",
    };
    for (size_t i = 0; i < sizeof t16 / sizeof t16[0]; i++)
        if (!strstr(h, t16[i])) { printf("FAIL include/vact.h lacks '%s'\n", t16[i]); bad++; }
    for (size_t i = 0; i < NLIST; i++) {
        if (!g_list[i].t16) continue;
        static const char *const ty[2] = {"bf16", "f16"};
        for (int k = 0; k < 2; k++) {
            char b[160];
            snprintf(b, sizeof b, "void vact_%s_%s(size_t rows, size_t cols, const vact_%s *x, vact_%s *y);",
                     g_list[i].name, ty[k], ty[k], ty[k]);
            if (!strstr(h, b)) { printf("FAIL include/vact.h lacks '%s'\n", b); bad++; }
            snprintf(b, sizeof b, "void vact_%s_backward_%s(size_t rows, size_t cols, const vact_%s *", g_list[i].name,
                     ty[k], ty[k]);
            if (!strstr(h, b)) { printf("FAIL include/vact.h lacks '%s'\n", b); bad++; }
        }
    }
    /* the fast tier: declared exactly for the VACT_TF functions */
    for (size_t i = 0; i < NLIST; i++) {
        const int has = strstr(h, g_list[i].fastdecl) != NULL;
        if (has != g_list[i].fast) {
            printf("FAIL include/vact.h %s '%s' (the list says %s)\n", has ? "has" : "lacks", g_list[i].fastdecl,
                   g_list[i].fast ? "VACT_TF" : "no fast tier");
            bad++;
        }
        if (g_list[i].fast && strcmp(g_list[i].kind, "elementwise")) {
            char b[64];
            snprintf(b, sizeof b, "vact_%s_fast_backward_f32(", g_list[i].name);
            if (!strstr(h, b)) { printf("FAIL include/vact.h lacks '%s'\n", b); bad++; }
        }
    }
    for (const char *p = h; (p = strstr(p, "\nVACT_FAST")); p++) {
        const char *a = strchr(p, '(');
        if (!a) break;
        size_t len = strcspn(a + 1, ",)");
        if (!in_list(a + 1, len)) {
            printf("FAIL include/vact.h declares fast '%.*s', which src/common/functions.def lacks\n", (int)len, a + 1);
            bad++;
        }
    }
    /* every VACT_UNARYk(name...) use names a listed function */
    for (const char *p = h; (p = strstr(p, "\nVACT_UNARY")); p++) {
        const char *a = strchr(p, '(');
        if (!a) break;
        size_t len = strcspn(a + 1, ",)");
        if (!in_list(a + 1, len)) {
            printf("FAIL include/vact.h declares '%.*s', which src/common/functions.def lacks\n", (int)len, a + 1);
            bad++;
        }
    }
    free(h);
    assert_int_equal(bad, 0);
}

static void param_cell(size_t i, char *out, size_t len) {
    const pinfo *p = &g_params[i];
    out[0] = 0;
    if (p->np < 0) { snprintf(out, len, "alpha[channels] (an array)"); return; }
    char a[64], b[64];
    if (p->np >= 1) {
        snprintf(a, sizeof a, "%s = %.9g (%s)", p->n1, (double)p->d1, DOMSTR(p->m1));
        snprintf(out, len, "%s", a);
    }
    if (p->np >= 2) {
        snprintf(b, sizeof b, ", %s = %.9g (%s)", p->n2, (double)p->d2, DOMSTR(p->m2));
        strncat(out, b, len - strlen(out) - 1);
    }
}

/* s with every number rewritten as the float it reads as (%g), so that
 * "0.01", "1.0" and "1" in the README compare equal to the list's floats */
static void norm_numbers(const char *s, char *out, size_t len) {
    size_t k = 0;
    while (*s && k + 32 < len) {
        char *e;
        int start = (*s >= '0' && *s <= '9') || (*s == '-' && s[1] >= '0' && s[1] <= '9');
        float v = start ? strtof(s, &e) : 0.0f;
        if (start && e != s) {
            k += (size_t)snprintf(out + k, len - k, "%g", (double)v);
            s = e;
        } else {
            out[k++] = *s++;
        }
    }
    out[k] = 0;
}
static int same_cell(const char *readme, const char *want) {
    char a[256], b[256];
    norm_numbers(readme, a, sizeof a);
    norm_numbers(want, b, sizeof b);
    return !strcmp(a, b);
}

static void test_readme(void **state) {
    (void)state;
    char *r = slurp(g_readme_path);
    assert_non_null(r);
    char *sec = strstr(r, "\n### Functions\n");
    assert_non_null(sec);
    char *end = strstr(sec + 1, "\n## ");
    if (end) *end = 0;
    size_t i = 0;
    int bad = 0;
    for (char *line = sec; line && *line; line = strchr(line, '\n')) {
        line++;
        if (strncmp(line, "| `", 3)) continue;
        char name[64] = "", kind[32] = "", params[160] = "";
        /* | `name` | kind | params | */
        const char *c = line + 3;
        size_t len = strcspn(c, "`");
        snprintf(name, sizeof name, "%.*s", (int)len, c);
        c = strchr(c, '|') + 1;
        while (*c == ' ') c++;
        len = strcspn(c, "|");
        snprintf(kind, sizeof kind, "%.*s", (int)len, c);
        for (char *k = kind + strlen(kind); k > kind && k[-1] == ' ';) *--k = 0;
        c = strchr(c, '|') + 1;
        while (*c == ' ') c++;
        len = strcspn(c, "|");
        snprintf(params, sizeof params, "%.*s", (int)len, c);
        for (char *k = params + strlen(params); k > params && k[-1] == ' ';) *--k = 0;
        if (i >= NLIST) {
            printf("FAIL README.md lists '%s', which src/common/functions.def lacks\n", name);
            bad++;
            continue;
        }
        char want[160];
        param_cell(i, want, sizeof want);
        if (strcmp(name, g_list[i].name) || strcmp(kind, g_list[i].kind) || !same_cell(params, want)) {
            printf("FAIL README.md row %zu: '%s | %s | %s', the list says '%s | %s | %s'\n", i + 1, name, kind,
                   params, g_list[i].name, g_list[i].kind, want);
            bad++;
        }
        i++;
    }
    if (i < NLIST) {
        printf("FAIL README.md's table stops at %zu of %zu functions (next: %s)\n", i, NLIST, g_list[i].name);
        bad++;
    }
    free(r);
    assert_int_equal(bad, 0);
}

/* the character after the next unescaped '|' (Markdown cells may hold "\|") */
static const char *next_cell(const char *c) {
    for (; *c && *c != '\n'; c++)
        if (*c == '|' && c[-1] != '\\') return c + 1;
    return c;
}

/* | name | f(x) | PARAMS | rows of the first table after "## Elementwise functions" */
static void test_contract(void **state) {
    (void)state;
    char *r = slurp(g_contract_path);
    assert_non_null(r);
    char *sec = strstr(r, "\n## Elementwise functions");
    assert_non_null(sec);
    char *end = strstr(sec + 1, "\n## ");
    if (end) *end = 0;
    char *tab = strstr(sec, "\n|---");
    assert_non_null(tab);
    size_t i = 0;
    int bad = 0;
    for (char *line = strchr(tab + 1, '\n'); line && line[1] == '|'; line = strchr(line + 1, '\n')) {
        char name[64] = "", params[200] = "";
        const char *c = line + 2;
        while (*c == ' ') c++;
        snprintf(name, sizeof name, "%.*s", (int)strcspn(c, " |"), c);
        /* the third cell */
        const char *p3 = next_cell(next_cell(line + 2));
        snprintf(params, sizeof params, "%.*s", (int)(next_cell(p3) - p3), p3);
        while (i < NLIST && strcmp(g_list[i].kind, "elementwise")) i++;
        if (i >= NLIST) {
            printf("FAIL docs/contract.md lists '%s', which src/common/functions.def lacks\n", name);
            bad++;
            continue;
        }
        const pinfo *pi = &g_params[i];
        int ok = !strcmp(name, g_list[i].name);
        if (pi->np >= 1) ok &= strstr(params, pi->n1) != NULL;
        if (pi->np >= 2) ok &= strstr(params, pi->n2) != NULL;
        if (!ok) {
            printf("FAIL docs/contract.md row '%s |%s', the list says '%s' with %d parameter(s) %s %s\n", name,
                   params, g_list[i].name, pi->np, pi->np >= 1 ? pi->n1 : "", pi->np >= 2 ? pi->n2 : "");
            bad++;
        }
        i++;
    }
    while (i < NLIST && strcmp(g_list[i].kind, "elementwise")) i++;
    if (i < NLIST) {
        printf("FAIL docs/contract.md's table lacks %s (and any after it)\n", g_list[i].name);
        bad++;
    }
    free(r);
    assert_int_equal(bad, 0);
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: test_list VACT_H README_MD CONTRACT_MD\n");
        return 2;
    }
    g_header_path = argv[1];
    g_readme_path = argv[2];
    g_contract_path = argv[3];
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_header), cmocka_unit_test(test_readme),
                                       cmocka_unit_test(test_contract)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
