#!/usr/bin/env python3
"""The coefficient tables of gelu's accurate forward (src/kernels/elementwise/
f_gelu.h, vact_gelu_c0h / vact_gelu_c): per bin k = round(a/2) (a = |x| in
[0, 14.6], 8 bins, v = a - 2k in [-1, 1], bin 0 [0, 1], bin 7 [-1, 0.6]),
  L(a) = log Q(a) + a^2/2 = c0h + c0l + v (c1 + v (c2 + ... + v c_D)),
Q(a) = erfc(a/sqrt2)/2, c0h = L(2k) rounded to float, c0l the float near
minimax constant term (|c0l| < 2^-23). Near-minimax by Lawson's iteratively
reweighted least squares on Chebyshev points, every coefficient rounded to
float in the order c1, c2, ..., c_D, c0l with the others refitted after each
rounding (c1 and c2 chosen among 7 float neighbours). Prints the C tables and,
on stderr, each bin's max error (absolute, in L) with the float coefficients.
Needs mpmath (Debian: python3-mpmath); about 20 s.
    scripts/gen_gelu_tables.py [DEG]    (f_gelu.h: 6)"""
import struct, math, sys
from mpmath import mp, mpf, erfc, log, sqrt
mp.dps = 40

def f32(v):
    return struct.unpack('f', struct.pack('f', float(v)))[0]

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

def lawson(xs, ys, free, fixed, iters):
    """minimax fit of ys - (the fixed monomials) by the free powers"""
    res = [y - sum(c * x ** p for p, c in fixed.items()) for x, y in zip(xs, ys)]
    w = [1.0 / len(xs)] * len(xs)
    for _ in range(iters):
        A = [[sum(w[i] * xs[i] ** (p + q) for i in range(len(xs))) for q in free] for p in free]
        b = [sum(w[i] * xs[i] ** p * res[i] for i in range(len(xs))) for p in free]
        c = solve(A, b)
        err = [abs(sum(cc * x ** p for cc, p in zip(c, free)) - r) for x, r in zip(xs, res)]
        s = sum(w[i] * err[i] for i in range(len(xs)))
        w = [w[i] * err[i] / s for i in range(len(xs))]
    return dict(zip(free, c)), max(err)

def fit(D, H=2.0, amax=f32(14.6), N=160):
    tables = []
    for k in range(8):
        c = H * k
        lo, hi = max(c - H / 2, 0.0) - c, min(c + H / 2, amax) - c
        xs = [lo + (hi - lo) * (1 - math.cos(math.pi * i / (N - 1))) / 2 for i in range(N)]
        c0h = f32(L(c))
        ys = [float(L(c + x) - c0h) for x in xs]
        fixed = {}
        for p in list(range(1, D + 1)) + [0]:
            free = [q for q in range(D + 1) if q not in fixed]
            cf, _ = lawson(xs, ys, free, fixed, 60 if len(free) > 1 else 5)
            base = f32(cf[p])
            cands = [f32(base + j * math.ulp(base)) for j in range(-3, 4)] if p in (1, 2) else [base]
            best = None
            for cand in cands:
                fx = dict(fixed)
                fx[p] = cand
                fr = [q for q in range(D + 1) if q not in fx]
                if fr:
                    _, e2 = lawson(xs, ys, fr, fx, 40)
                else:
                    e2 = max(abs(sum(cc * x ** q for q, cc in fx.items()) - y) for x, y in zip(xs, ys))
                if best is None or e2 < best[0]:
                    best = (e2, cand)
            fixed[p] = best[1]
        err = max(abs(sum(cc * x ** q for q, cc in fixed.items()) - y) for x, y in zip(xs, ys))
        print("bin %d v in [%g, %g]: max |error| 2^%.2f" % (k, lo, hi, math.log2(err)), file=sys.stderr)
        tables.append((c0h, [fixed[q] for q in range(D + 1)]))
    return tables

def fh(v):
    if v == 0:
        return '0.0f'
    m, e = float.hex(float(v)).split('p')
    m = m.rstrip('0').rstrip('.')
    return m + 'p' + e + 'f'

if __name__ == '__main__':
    D = int(sys.argv[1]) if len(sys.argv) > 1 else 6
    t = fit(D)
    print('#define VACT_GELU_D %d' % D)
    print('static const float vact_gelu_c0h[8] = {%s};' % ', '.join(fh(c0h) for c0h, _ in t))
    print('static const float vact_gelu_c[VACT_GELU_D + 1][8] = {')
    for q in range(D + 1):
        print('    {%s},' % ', '.join(fh(cs[q]) for _, cs in t))
    print('};')
