/* exponential(x) = e^x. Backward dx = dy*e^x without an intermediate
 * overflow/underflow: e^x = p*2^n1*2^n2, dx = (dy*(p*2^n1))*2^n2 where
 * p*2^n1 is exact and 2^n2 an exact power of two (two roundings, ~1.5 ULP,
 * identical on every ISA). */
static inline V k_exponential(V x, const vact_params *p) { (void)p; return vexp(x); }
static inline V kb_exponential(V x, V dy, const vact_params *p) {
    (void)p;
    /* n in [-252, 254]: dy*e^x may be finite where e^x alone is not */
    V xc = vmin(vset1(175.0f), vmax(vset1(-174.0f), x));
    V n, r = vexp_reduce(xc, &n);
    VI ni = vcvtt_f2i(n);
    VI n1 = visra(ni, 1), n2 = visub(ni, n1);
    V e1 = vmul(vexp_poly(r), vasf(vishl(viadd(n1, viset1(127)), 23)));
    V p2 = vasf(vishl(viadd(n2, viset1(127)), 23));
    return vmul(vmul(dy, e1), p2);
}
