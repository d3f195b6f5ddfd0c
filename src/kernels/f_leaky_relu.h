/* leaky_relu(x; a) = x > 0 ? x : a*x (any sign of a), derivative 1 / a.
 * NaN x fails x > 0 and gives a*x = NaN.
 * Backward: x > 0 gives dy; else dy * (a + max(0, x)), where max(0, x) is
 * +-0 for x <= 0 (a + -0 = a exactly) and NaN for NaN x. */
static inline V k_leaky_relu(V x, const vact_params *p) {
    return vsel(vgt(x, vzero()), x, vmul(vset1(p->a), x));
}
static inline V kb_leaky_relu(V x, V dy, const vact_params *p) {
    V g = vadd(vset1(p->a), vmax(vzero(), x));
    return vsel(vgt(x, vzero()), dy, vmul(dy, g));
}
