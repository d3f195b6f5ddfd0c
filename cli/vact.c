/* vact command-line tool.
 *   vact info                          CPU features, ISAs built/supported/active
 *   vact eval NAME [--from A] [--to B] [--step S] [--isa ISA] [--alpha A]
 *             [--beta B] [--threshold T] [--value V] [--b B]
 *                                      CSV x,f,df of an elementwise function
 *   vact list                          the elementwise functions and parameters */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "vact.h"
#include "../src/dispatch/cpu.h"

typedef struct {
    const char *name;
    int np;
    const char *p1, *p2;
} fn_info;

#define I0(name) {#name, 0, NULL, NULL},
#define I1(name, a) {#name, 1, #a, NULL},
#define I2(name, a, b) {#name, 2, #a, #b},
static const fn_info fns[] = {VACT_FOR_EACH_UNARY(I0, I1, I2)};
#define NFNS (sizeof fns / sizeof fns[0])

static void call(const char *nm, size_t n, const float *x, float *y, const float *dy, float *dx, float a, float b) {
#define C0(name) if (!strcmp(nm, #name)) { vact_##name##_f32(n, x, y); vact_##name##_backward_f32(n, x, dy, dx); return; }
#define C1(name, p1) if (!strcmp(nm, #name)) { vact_##name##_f32(n, x, y, a); vact_##name##_backward_f32(n, x, dy, dx, a); return; }
#define C2(name, p1, p2) if (!strcmp(nm, #name)) { vact_##name##_f32(n, x, y, a, b); vact_##name##_backward_f32(n, x, dy, dx, a, b); return; }
    VACT_FOR_EACH_UNARY(C0, C1, C2)
}

static float default_param(const char *fn, const char *pname) {
    if (!strcmp(pname, "alpha")) return !strcmp(fn, "leaky_relu") ? 0.01f : 1.0f;
    if (!strcmp(pname, "beta")) return 1.0f;
    if (!strcmp(pname, "threshold")) return !strcmp(fn, "threshold") ? 0.0f : 0.5f;
    if (!strcmp(pname, "value")) return 0.0f;
    if (!strcmp(pname, "b")) return 4.0f;
    return 0.0f;
}

static int usage(void) {
    fprintf(stderr,
            "usage: vact info\n"
            "       vact list\n"
            "       vact eval NAME [--from A] [--to B] [--step S] [--isa ISA]\n"
            "                 [--alpha A] [--beta B] [--threshold T] [--value V] [--b B]\n");
    return 2;
}

static int cmd_info(void) {
#if defined(__x86_64__) || defined(__i386__)
    vact_x86_words w;
    if (vact__x86_read(&w) == 0) {
        printf("cpu: x86-64 cpuid max leaf %u\n", w.max_leaf);
        printf("features:%s%s%s%s%s%s%s%s\n", (w.leaf1_ecx >> 27) & 1 ? " osxsave" : "",
               (w.leaf1_ecx >> 28) & 1 ? " avx" : "", (w.leaf1_ecx >> 12) & 1 ? " fma" : "",
               (w.leaf7_ebx >> 5) & 1 ? " avx2" : "", (w.leaf7_ebx >> 16) & 1 ? " avx512f" : "",
               (w.leaf7_ebx >> 17) & 1 ? " avx512dq" : "", (w.leaf7_ebx >> 30) & 1 ? " avx512bw" : "",
               (w.leaf7_ebx >> 31) & 1 ? " avx512vl" : "");
        printf("xcr0: %#llx (ymm %s, zmm/opmask %s)\n", (unsigned long long)w.xcr0,
               (w.xcr0 & 0x6) == 0x6 ? "saved" : "not saved", (w.xcr0 & 0xe6) == 0xe6 ? "saved" : "not saved");
    }
#elif defined(__aarch64__)
    printf("cpu: aarch64 (Advanced SIMD %s)\n", vact_isa_supported(VACT_ISA_NEON) ? "present" : "absent");
#else
    printf("cpu: unknown architecture\n");
#endif
    printf("%-8s %-6s %-9s\n", "isa", "built", "supported");
    for (int i = 0; i < 4; i++)
        printf("%-8s %-6s %-9s\n", vact_isa_name((vact_isa)i), vact__table_for((vact_isa)i) ? "yes" : "no",
               vact_isa_supported((vact_isa)i) ? "yes" : "no");
    const char *env = getenv("VACT_ISA");
    printf("VACT_ISA: %s\n", env ? env : "(unset)");
    printf("active: %s\n", vact_isa_name(vact_isa_active()));
    return 0;
}

static int cmd_list(void) {
    for (size_t i = 0; i < NFNS; i++) {
        printf("%s", fns[i].name);
        if (fns[i].np >= 1) printf(" --%s %g", fns[i].p1, (double)default_param(fns[i].name, fns[i].p1));
        if (fns[i].np >= 2) printf(" --%s %g", fns[i].p2, (double)default_param(fns[i].name, fns[i].p2));
        printf("\n");
    }
    return 0;
}

static int cmd_eval(int argc, char **argv) {
    if (argc < 3) return usage();
    const fn_info *f = NULL;
    for (size_t i = 0; i < NFNS; i++)
        if (!strcmp(fns[i].name, argv[2])) f = &fns[i];
    if (!f) {
        fprintf(stderr, "vact: unknown function '%s' (see 'vact list')\n", argv[2]);
        return 2;
    }
    double from = -6, to = 6, step = 0.01;
    float a = f->np >= 1 ? default_param(f->name, f->p1) : 0, b = f->np >= 2 ? default_param(f->name, f->p2) : 0;
    for (int i = 3; i < argc; i++) {
        if (i + 1 >= argc) return usage();
        const char *o = argv[i], *v = argv[++i];
        char *end;
        double d = strtod(v, &end);
        if (!strcmp(o, "--isa")) {
            int ok = 0;
            for (int k = 0; k < 4; k++)
                if (!strcmp(v, vact_isa_name((vact_isa)k))) ok = vact_isa_select((vact_isa)k) == 0;
            if (!ok) { fprintf(stderr, "vact: ISA '%s' not supported here\n", v); return 2; }
            continue;
        }
        if (*end) { fprintf(stderr, "vact: bad number '%s'\n", v); return 2; }
        if (!strcmp(o, "--from")) from = d;
        else if (!strcmp(o, "--to")) to = d;
        else if (!strcmp(o, "--step")) step = d;
        else if (f->np >= 1 && !strcmp(o + 2, f->p1)) a = (float)d;
        else if (f->np >= 2 && !strcmp(o + 2, f->p2)) b = (float)d;
        else { fprintf(stderr, "vact: option %s does not apply to %s\n", o, f->name); return 2; }
    }
    if (!(step > 0) || !(to >= from) || (to - from) / step > 1e8) {
        fprintf(stderr, "vact: need step > 0, to >= from, at most 1e8 points\n");
        return 2;
    }
    size_t n = (size_t)((to - from) / step + 1e-9) + 1;
    float *buf = malloc(n * 4 * sizeof *buf);
    if (!buf) return 1;
    float *x = buf, *y = buf + n, *dy = buf + 2 * n, *dx = buf + 3 * n;
    for (size_t i = 0; i < n; i++) { x[i] = (float)(from + step * (double)i); dy[i] = 1.0f; }
    call(f->name, n, x, y, dy, dx, a, b);
    printf("x,f,df\n");
    for (size_t i = 0; i < n; i++) printf("%.9g,%.9g,%.9g\n", (double)x[i], (double)y[i], (double)dx[i]);
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
