/* sigmoid(x) = 1/(1+e) for x >= 0, e/(1+e) for x < 0, e = e^-|x| in [0, 1].
 * 1 + e is kept as d + dl (exact), the quotient comes from a Newton
 * reciprocal and one residual correction (no division, no estimate).
 * sigmoid'(x) = e/(1+e)^2 = [e/(1+e)] * [1/(1+e)] (never s(1-s)). */
static inline V vsigmoid_parts(V x, V *e, V *d, V *dl, V *inv) {
    *e = vexp_neg(vneg(vabs(x)));
    *d = vadd(vset1(1.0f), *e);
    *dl = vsub(*e, vsub(*d, vset1(1.0f)));
    *inv = vrecip12(*d);
    return vsel(vlt(x, vzero()), *e, vset1(1.0f));
}
static inline V k_sigmoid(V x, const vact_params *p) {
    (void)p;
    V e, d, dl, inv;
    V num = vsigmoid_parts(x, &e, &d, &dl, &inv);
    return vdiv12(num, d, dl, inv);
}
static inline V kb_sigmoid(V x, V dy, const vact_params *p) {
    (void)p;
    V e, d, dl, inv;
    (void)vsigmoid_parts(x, &e, &d, &dl, &inv);
    V s = vdiv12(e, d, dl, inv);                  /* e/(1+e) */
    V i1 = vdiv12(vset1(1.0f), d, dl, inv);       /* 1/(1+e) */
    return vmul(dy, vmul(s, i1));
}
