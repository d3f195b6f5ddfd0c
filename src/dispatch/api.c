/* Public entry points: pack the parameters and call the active ISA's table. */
#include <string.h>
#include "../common/vact_internal.h"

#pragma GCC visibility push(default)

#define VACT_API_U0(name)                                                                   \
    void vact_##name##_f32(size_t n, const float *x, float *y) {                            \
        if (!n) return;                                                                     \
        const vact_params p = {0.0f, 0.0f};                                                 \
        vact__table_get()->name(n, x, y, &p);                                                \
    }                                                                                       \
    void vact_##name##_backward_f32(size_t n, const float *x, const float *dy, float *dx) { \
        if (!n) return;                                                                     \
        const vact_params p = {0.0f, 0.0f};                                                 \
        vact__table_get()->name##_bwd(n, x, dy, dx, &p);                                     \
    }
#define VACT_API_U1(name, p1)                                                               \
    void vact_##name##_f32(size_t n, const float *x, float *y, float p1) {                  \
        if (!n) return;                                                                     \
        const vact_params p = {p1, 0.0f};                                                   \
        vact__table_get()->name(n, x, y, &p);                                                \
    }                                                                                       \
    void vact_##name##_backward_f32(size_t n, const float *x, const float *dy, float *dx,   \
                                    float p1) {                                             \
        if (!n) return;                                                                     \
        const vact_params p = {p1, 0.0f};                                                   \
        vact__table_get()->name##_bwd(n, x, dy, dx, &p);                                     \
    }
#define VACT_API_U2(name, p1, p2)                                                           \
    void vact_##name##_f32(size_t n, const float *x, float *y, float p1, float p2) {        \
        if (!n) return;                                                                     \
        const vact_params p = {p1, p2};                                                     \
        vact__table_get()->name(n, x, y, &p);                                                \
    }                                                                                       \
    void vact_##name##_backward_f32(size_t n, const float *x, const float *dy, float *dx,   \
                                    float p1, float p2) {                                   \
        if (!n) return;                                                                     \
        const vact_params p = {p1, p2};                                                     \
        vact__table_get()->name##_bwd(n, x, dy, dx, &p);                                     \
    }
VACT_FOR_EACH_UNARY(VACT_API_U0, VACT_API_U1, VACT_API_U2)

#define VACT_API_R(name)                                                                     \
    void vact_##name##_f32(size_t rows, size_t cols, const float *x, float *y) {             \
        if (!rows || !cols) return;                                                          \
        vact__table_get()->name(rows, cols, x, y);                                            \
    }                                                                                        \
    void vact_##name##_backward_f32(size_t rows, size_t cols, const float *x, const float *dy, \
                                    float *dx) {                                             \
        if (!rows || !cols) return;                                                          \
        vact__table_get()->name##_bwd(rows, cols, x, dy, dx);                                 \
    }
VACT_FOR_EACH_ROWWISE(VACT_API_R)

void vact_prelu_f32(size_t rows, size_t channels, const float *x, const float *alpha, float *y) {
    if (!rows || !channels) return;
    vact__table_get()->prelu(rows, channels, x, alpha, y);
}

void vact_prelu_backward_f32(size_t rows, size_t channels, const float *x, const float *alpha,
                             const float *dy, float *dx, float *dalpha) {
    if (!channels) return;
    if (!rows) { /* the empty sum */
        memset(dalpha, 0, channels * sizeof *dalpha);
        return;
    }
    vact__table_get()->prelu_bwd(rows, channels, x, alpha, dy, dx, dalpha);
}

#pragma GCC visibility pop
