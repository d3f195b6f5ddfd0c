/* hard_swish(x) = x * relu6(x + 3)/6.
 * Inside [-3, 3] (x clamped, NaN kept): y = (x/6) * (x + 3) with x + 3
 * carried exactly as th + tl (Fast2Sum, |3| >= |x|) and q = fl(x * fl(1/6)):
 * y = fma(q, th, q * tl). Plain x * fl((x+3)/6) loses up to 2.45 ULP to the
 * rounding of x + 3 near x = 0. x > 3 selects x.
 * Backward: 0 for x <= -3, 1 for x >= 3, (2x + 3)/6 between: 2x + 3 comes
 * from one FMA, exact near the root x = -1.5, times fl(1/6). */
static inline V k_hard_swish(V x, const vact_params *p) {
    (void)p;
    V three = vset1(3.0f);
    V xc = vmin(three, vmax(vset1(-3.0f), x));
    V th = vadd(xc, three);
    V tl = vsub(xc, vsub(th, three));
    V q = vmul(xc, vset1(1.0f / 6.0f));
    V y = vfma(q, th, vmul(q, tl));
    return vsel(vgt(x, three), x, y);
}
static inline V kb_hard_swish(V x, V dy, const vact_params *p) {
    (void)p;
    V w = vmul(vfma(vset1(2.0f), x, vset1(3.0f)), vset1(1.0f / 6.0f));
    V g = vsel(vle(x, vset1(-3.0f)), vzero(), w);
    g = vsel(vge(x, vset1(3.0f)), vset1(1.0f), g);
    return vmul(dy, g);
}
