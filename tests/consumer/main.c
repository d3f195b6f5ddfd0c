/* The `consumer` test's program: built against an installed vact, through
 * find_package(vact) and through pkg-config (tests/consumer/run.cmake). */
#include <stdio.h>
#include <vact.h>

static float absf(float v) { return v < 0 ? -v : v; }

int main(void) {
    const float x[3] = {-1.0f, 0.0f, 2.0f};
    const float want[3] = {0.268941421f, 0.5f, 0.880797078f};
    float y[3];
    vact_sigmoid_f32(3, x, y);
    for (int i = 0; i < 3; i++) {
        if (!(absf(y[i] - want[i]) <= 1e-6f)) {
            fprintf(stderr, "sigmoid(%g) = %.9g, want %.9g\n", x[i], y[i], want[i]);
            return 1;
        }
    }
    printf("vact consumer: sigmoid(0) = %g on %s\n", y[1], vact_isa_name(vact_isa_active()));
    return 0;
}
