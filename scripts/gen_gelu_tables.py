#!/usr/bin/env python3
"""The tables of gelu's accurate forward (src/kernels/elementwise/f_gelu.h:
VACT_GELU_C, VACT_GELU_DELTA, vact_gelu_ch, vact_gelu_c, VACT_GELU_Q*).

With a = |x| in [0, 14.6], bin k = round(a/2) (8 bins, v = a - 2k in [-1, 1],
bin 0 [0, 1], bin 7 [-1, 0.6]), T = log Q(a) = -a^2/2 + L(a), L(a) = log Q(a)
+ a^2/2, Q(a) = erfc(a/sqrt2)/2, and -a^2/2 = -2k^2 - 2kv - v^2/2 (2kv exact
in float), the kernel forms
  rho = ((Ch - m C) - 2kv) + Pt(v),   Pt(v) = c0 + v (c1 + ... + v c6),
m = n + 64 an integer, C = ln2 rounded to a multiple of 2^-20 (lambda =
C/ln2 = 1 - 6.9e-7), so that rho = lambda (T - n ln2): per bin the tables fit
  Ch + Pt(v) = lambda (-2k^2 - v^2/2 + L(2k + v)) + 2k (1 - lambda) v + 64 C
(lambda T + 2kv + 64 C: the exact -2kv and n C carry no lambda), Ch the float
nearest to the value at v = 0 (so |c0| < 2^-19 keeps its bits; every float
there, |Ch| in [8, 64], is a multiple of 2^-20, so Ch - m C is exact), but in
bin 0 (no -2kv to absorb the slope) nearest to the middle of the range, which
keeps |Pt| < 0.58 there (|c0| ~ 0.57 then rounds: < 2^-26; elsewhere |Pt| <
0.83), Pt near-minimax (absolute) by Lawson's iteratively reweighted least
squares on Chebyshev points, every coefficient rounded to float in the order
c1, c2, ..., c6, c0 with the others refitted after each rounding (c1 and c2
chosen among 7 float neighbours). The exponential then takes e^(rho/lambda):
  e^(rho (1 + delta)) - 1 = rho + rho (delta + rho q(rho)), 1 + delta = 1/lambda,
q of degree 4 near-minimax relative to e^(rho (1 + delta)) on [-1.01 ln2/2 +
lo, 1.01 ln2/2 + hi] (the same way, float coefficients q4, q3, ..., q0),
where [lo, hi] is the range of Pt - (c0 + c1 v + c2 v^2) over the bins: the
kernel picks n from that degree-2 estimate of T, so rho's range widens by
its error ([-0.382, 0.362] with these bins). Prints the C
definitions and, on stderr, each bin's max error (absolute, in rho) with the
float coefficients and the relative error of the exponential.
Needs mpmath (Debian: python3-mpmath); about 30 s.
    scripts/gen_gelu_tables.py"""
import struct, math, sys
from mpmath import mp, mpf, erfc, log, sqrt, exp
mp.dps = 40

D = 6

def f32(v):
    return struct.unpack('f', struct.pack('f', float(v)))[0]

LN2 = log(2)
C = mpf(int(mp.nint(LN2 * 2 ** 20))) / 2 ** 20
LAM = C / LN2
DELTA = f32(1 / LAM - 1)

def L(a):
    a = mpf(a)
    return log(erfc(a / sqrt(2)) / 2) + a * a / 2

def solve(A, b):
    n = len(b)
    M = [row[:] + [b[i]] for i, row in enumerate(A)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(M[r][c]))
        M[c], M[p] = M[p], M[c]
        for r in range(n):
            if r != c:
                f = M[r][c] / M[c][c]
                for k in range(c, n + 1):
                    M[r][k] -= f * M[c][k]
    return [M[i][n] / M[i][i] for i in range(n)]

def lawson(xs, ys, free, fixed, iters, wt=None):
    """minimax fit of ys - (the fixed monomials) by the free powers, the
    error weighted by wt"""
    wt = wt or [1.0] * len(xs)
    res = [y - sum(c * x ** p for p, c in fixed.items()) for x, y in zip(xs, ys)]
    w = [1.0 / len(xs)] * len(xs)
    for _ in range(iters):
        A = [[sum(w[i] * wt[i] ** 2 * xs[i] ** (p + q) for i in range(len(xs))) for q in free] for p in free]
        b = [sum(w[i] * wt[i] ** 2 * xs[i] ** p * res[i] for i in range(len(xs))) for p in free]
        c = solve(A, b)
        err = [wt[i] * abs(sum(cc * xs[i] ** p for cc, p in zip(c, free)) - res[i]) for i in range(len(xs))]
        s = sum(w[i] * err[i] for i in range(len(xs)))
        w = [w[i] * err[i] / s for i in range(len(xs))]
    return dict(zip(free, c)), max(err)

def fit_rounded(xs, ys, order, deg, wt=None, cands_for=()):
    """coefficients rounded to float one by one in `order`, the others refitted"""
    fixed = {}
    for p in order:
        free = [q for q in range(deg + 1) if q not in fixed]
        cf, _ = lawson(xs, ys, free, fixed, 60 if len(free) > 1 else 5, wt)
        base = f32(cf[p])
        cands = [f32(base + j * math.ulp(base)) for j in range(-3, 4)] if p in cands_for else [base]
        best = None
        for cand in cands:
            fx = dict(fixed)
            fx[p] = cand
            fr = [q for q in range(deg + 1) if q not in fx]
            if fr:
                _, e2 = lawson(xs, ys, fr, fx, 40, wt)
            else:
                e2 = max((wt[i] if wt else 1.0) * abs(sum(cc * xs[i] ** q for q, cc in fx.items()) - ys[i])
                         for i in range(len(xs)))
            if best is None or e2 < best[0]:
                best = (e2, cand)
        fixed[p] = best[1]
    return [fixed[q] for q in range(deg + 1)]

def cheb(lo, hi, N):
    return [lo + (hi - lo) * (1 - math.cos(math.pi * i / (N - 1))) / 2 for i in range(N)]

AMAX = f32(14.6)

def bin_v_range(k, amax=AMAX):
    """bin k's range of v = a - 2k, a in [0, amax]"""
    c = 2.0 * k
    return max(c - 1, 0.0) - c, min(c + 1, amax) - c

def fit_bins(amax=AMAX, N=160):
    tables = []
    for k in range(8):
        c = 2.0 * k
        lo, hi = bin_v_range(k, amax)
        xs = cheb(lo, hi, N)
        g = lambda v: LAM * (-2 * k * k - mpf(v) ** 2 / 2 + L(c + v)) + 2 * k * (1 - LAM) * mpf(v) + 64 * C
        ch = f32(g(0) if k else (g(0) + g(hi)) / 2)
        ch = float(mp.nint(mpf(ch) * 2 ** 20)) / 2 ** 20
        assert f32(ch) == ch and 8 <= abs(ch) < 64
        ys = [float(g(x) - mpf(ch)) for x in xs]
        cs = fit_rounded(xs, ys, list(range(1, D + 1)) + [0], D, cands_for=(1, 2))
        dense = cheb(lo, hi, 1000)
        err = max(abs(mpf(sum(cc * x ** q for q, cc in enumerate(cs))) - (g(x) - ch)) for x in dense[::3])
        vmax = max(abs(sum(cc * x ** q for q, cc in enumerate(cs))) for x in dense)
        print("bin %d v in [%g, %g]: Ch %a, max |error| 2^%.2f, max |Pt| %.3f"
              % (k, lo, hi, ch, math.log2(err), vmax), file=sys.stderr)
        tables.append((ch, cs))
    return tables

def est_residual(tables):
    """the range of Pt - (c0 + c1 v + c2 v^2) over the bins: the error of
    the degree-2 estimate of T that picks n"""
    lo = hi = 0.0
    for k, (_, cs) in enumerate(tables):
        for x in cheb(*bin_v_range(k), 2001):
            r = sum(cs[q] * x ** q for q in range(3, D + 1))
            lo, hi = min(lo, r), max(hi, r)
    return lo, hi

def fit_q(lo, hi, deg=4, N=200):
    xs = [x for x in cheb(lo, hi, N) if abs(x) > 1e-6]
    e = 1 + mpf(DELTA)
    ys = [float((exp(mpf(x) * e) - 1 - mpf(x) * e) / mpf(x) ** 2) for x in xs]
    wt = [float(mpf(x) ** 2 / exp(mpf(x) * e)) for x in xs]
    qs = fit_rounded(xs, ys, list(range(deg, -1, -1)), deg, wt)
    err = 0
    for x in cheb(lo, hi, 2001):
        if x == 0:
            continue
        q = 0.0
        for c in reversed(qs):
            q = q * x + c
        s = x + x * (DELTA + x * q)
        err = max(err, abs((1 + s) / exp(mpf(x) * e) - 1))
    print("e^(rho (1 + delta)) on [%.4f, %.4f]: delta %a, q of degree %d, max relative error 2^%.2f"
          % (lo, hi, DELTA, deg, math.log2(err)), file=sys.stderr)
    return qs

def fh(v):
    if v == 0:
        return '0.0f'
    m, e = float.hex(float(v)).split('p')
    m = m.rstrip('0').rstrip('.')
    return m + 'p' + e + 'f'

if __name__ == '__main__':
    t = fit_bins()
    rlo, rhi = est_residual(t)
    h = float(LN2 / 2) * 1.01
    print("the degree-2 estimate of T: Pt minus it in [%.4f, %.4f]" % (rlo, rhi), file=sys.stderr)
    qs = fit_q(-h + rlo, h + rhi)
    print('#define VACT_GELU_C %s /* ln2 rounded to a multiple of 2^-20 */' % fh(C))
    print('#define VACT_GELU_DELTA %s /* ln2/VACT_GELU_C - 1 */' % fh(DELTA))
    for i, q in enumerate(qs):
        print('#define VACT_GELU_Q%d %s' % (i, fh(q)))
    print('#define VACT_GELU_D %d' % D)
    print('static const float vact_gelu_ch[8] = {%s};' % ', '.join(fh(ch) for ch, _ in t))
    print('static const float vact_gelu_c[VACT_GELU_D + 1][8] = {')
    for q in range(D + 1):
        print('    {%s},' % ', '.join(fh(cs[q]) for _, cs in t))
    print('};')
