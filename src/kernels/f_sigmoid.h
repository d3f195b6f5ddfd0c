/* sigmoid(x) = 1/(1+e) for x >= 0, e/(1+e) for x < 0, e = e^-|x| in [0, 1].
 * 1 + e is kept as d + dl (exact). q = num/d by IEEE division, then one
 * residual correction against d + dl: r = num - q*d - q*dl (the first term
 * exact by FMA), q += r/d with 1/d taken as (x >= 0 ? q : 1 - q), which is
 * accurate to 2^-23 and enough for a correction that small.
 * sigmoid'(x) = e/(1+e)^2 = [e/(1+e)] * [1/(1+e)] (never s(1-s)). */
static inline V vsigmoid_e(V x) { return vexp_neg(vor(x, vset1(-0.0f))); } /* e^-|x| */
/* num/(d + dl) given q = num/d and an approximation inv of 1/d */
static inline V vsigmoid_fix(V num, V d, V dl, V q, V inv) {
    V r = vfnma(q, d, num);
    r = vfnma(q, dl, r);
    return vfma(r, inv, q);
}
static inline V k_sigmoid(V x, const vact_params *p) {
    (void)p;
    V e = vsigmoid_e(x);
    V d = vadd(vset1(1.0f), e);
    V dl = vsub(e, vsub(d, vset1(1.0f)));
    M neg = vlt(x, vzero());
    V num = vsel(neg, e, vset1(1.0f));
    V q = vdiv(num, d);
    V inv = vsel(neg, vsub(vset1(1.0f), q), q);
    return vsigmoid_fix(num, d, dl, q, inv);
}
static inline V kb_sigmoid(V x, V dy, const vact_params *p) {
    (void)p;
    V e = vsigmoid_e(x);
    V d = vadd(vset1(1.0f), e);
    V dl = vsub(e, vsub(d, vset1(1.0f)));
    V q = vdiv(vset1(1.0f), d);
    V inv = vsigmoid_fix(vset1(1.0f), d, dl, q, q); /* 1/(1+e) */
    V s = vsigmoid_fix(e, d, dl, vmul(e, inv), inv); /* e/(1+e) */
    return vmul(dy, vmul(s, inv));
}
