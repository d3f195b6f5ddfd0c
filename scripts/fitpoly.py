#!/usr/bin/python3
"""Near-minimax polynomial fits (Lawson's iteratively reweighted least squares)
used to derive the kernel coefficients. Run: /usr/bin/python3 scripts/fitpoly.py NAME
Prints float32 coefficients (hex and decimal) and the max relative error of the
rounded polynomial over a dense grid, measured in float64."""
import sys
import numpy as np
from mpmath import mp, mpf
mp.prec = 120

def lawson(xs, target, basis, weight, iters=400):
    A = np.array([[b(x) for b in basis] for x in xs])
    w = np.ones(len(xs)) / len(xs)
    for _ in range(iters):
        sw = np.sqrt(w)
        c, *_ = np.linalg.lstsq(A * (sw * weight)[:, None], target * sw * weight, rcond=None)
        err = np.abs((A @ c - target) * weight)
        w = w * err
        w /= w.sum()
    return c

def show(name, coefs):
    print(name)
    for i, c in enumerate(coefs):
        f = np.float32(c)
        print(f"  c{i} = {float(f).hex()}f  /* {float(f):.9g} */")

def fit_exp():
    # e^r = 1 + r + r^2 q(r), q of degree 4, |r| <= ln2/2
    h = float(mp.log(2) / 2) * 1.01
    xs = np.cos(np.linspace(0, np.pi, 4000)) * h
    xs = xs[np.abs(xs) > 1e-6]
    tgt = np.array([float((mp.exp(mpf(x)) - 1 - mpf(x)) / mpf(x) ** 2) for x in xs])
    wt = np.array([float(mpf(x) ** 2 / mp.exp(mpf(x))) for x in xs])  # relative error of e^r
    basis = [lambda x, k=k: x ** k for k in range(5)]
    c = lawson(xs, tgt, basis, wt)
    c32 = [np.float32(v) for v in c]
    show("exp: e^r = 1 + r + r^2 * (c0 + c1 r + c2 r^2 + c3 r^3 + c4 r^4)", c32)
    g = np.linspace(-h, h, 200001)
    q = sum(float(v) * g ** k for k, v in enumerate(c32))
    e = np.abs((1 + g + g * g * q) / np.exp(g) - 1)
    print("  max rel err (float coefs):", e.max(), "= 2^%.2f" % np.log2(e.max()))

def fit_log1p():
    # log(1+s) = s + s^2 q(s), q of degree 8, s = f - 1, f in [sqrt2/2, sqrt2)
    a, b = float(mp.sqrt(2) / 2 - 1), float(mp.sqrt(2) - 1)
    xs = a + (b - a) * (1 - np.cos(np.linspace(0, np.pi, 4000))) / 2
    xs = xs[np.abs(xs) > 1e-7]
    tgt = np.array([float((mp.log1p(mpf(x)) - mpf(x)) / mpf(x) ** 2) for x in xs])
    wt = np.abs(np.array([float(mpf(x) ** 2 / mp.log1p(mpf(x))) for x in xs]))
    basis = [lambda x, k=k: x ** k for k in range(9)]
    c32 = [np.float32(v) for v in lawson(xs, tgt, basis, wt)]
    show("log1p: log(1+s) = s + s^2 * (c0 + c1 s + ... + c8 s^8)", c32)
    g = np.linspace(a, b, 200001)
    g = g[np.abs(g) > 1e-6]
    q = sum(float(v) * g ** k for k, v in enumerate(c32))
    e = np.abs((g + g * g * q) / np.log1p(g) - 1)
    print("  max rel err (float coefs):", e.max(), "= 2^%.2f" % np.log2(e.max()))


def fit_log1p01(deg=10):
    # log1p(u) = u + u^2 q(u - 1/2) directly on u in [0, 1] (no range reduction);
    # the shifted variable keeps the Horner rounding errors small near u = 1.
    # Coefficients rounded to float one at a time, the rest refitted.
    xs = (1 - np.cos(np.linspace(0, np.pi, 3000))) / 2
    xs = xs[xs > 1e-7]
    tgt = np.array([float((mp.log1p(mpf(x)) - mpf(x)) / mpf(x) ** 2) for x in xs])
    wt = np.array([float(mpf(x) ** 2 / mp.log1p(mpf(x))) for x in xs])
    ws = xs - 0.5
    c32 = []
    for i in range(deg + 1):
        rem = tgt - sum(float(c) * ws ** j for j, c in enumerate(c32))
        basis = [lambda w, k=k: w ** k for k in range(i, deg + 1)]
        c32.append(np.float32(lawson(ws, rem, basis, wt, iters=300)[0]))
    show("log1p01: log1p(u) = u + u^2 * (c0 + c1 w + ... + c%d w^%d), w = u - 1/2, u in [0, 1]" % (deg, deg), c32)
    g = np.linspace(1e-6, 1, 200001)
    q = sum(float(v) * (g - 0.5) ** k for k, v in enumerate(c32))
    e = np.abs((g + g * g * q) / np.log1p(g) - 1)
    print("  max rel err (float coefs):", e.max(), "= 2^%.2f" % np.log2(e.max()))


def fit_gelu(deg=12, xhi=14.6):
    # erfc(x/sqrt2)/2 = e^(-x^2/2) t S(t - tc), t = 1/(1 + k x), x in [0, xhi]:
    # S = erfcx(x/sqrt2)/(2t) is flat (range [0.3, 0.5]) and insensitive to the
    # rounding of t. Coefficients rounded to float one at a time from the
    # constant term, the rest refitted each time.
    k = float(np.float32(0.7))
    tlo = 1 / (1 + k * xhi)
    tc = float(np.float32((1 + tlo) / 2))
    def F(v):
        t = mpf(v) + tc
        x = (1 / t - 1) / k
        return mp.erfc(x / mp.sqrt(2)) * mp.exp(x * x / 2) / t / 2
    lo, hi = tlo - tc, 1 - tc
    vs = lo + (hi - lo) * (1 - np.cos(np.linspace(0, np.pi, 1200))) / 2
    tgt = np.array([float(F(v)) for v in vs])
    fixed = []
    for i in range(deg + 1):
        rem = tgt - sum(float(c) * vs ** j for j, c in enumerate(fixed))
        basis = [lambda t, j=j: t ** j for j in range(i, deg + 1)]
        fixed.append(np.float32(lawson(vs, rem, basis, 1 / tgt, iters=200)[0]))
    print("gelu: k = %s, tc = %s" % (float(np.float32(k)).hex(), float(np.float32(tc)).hex()))
    show("  S(v) = c0 + c1 v + ... (v = t - tc)", fixed)
    g = np.linspace(lo, hi, 4000)
    ref = np.array([float(F(v)) for v in g])
    e = np.abs(sum(float(c) * g ** j for j, c in enumerate(fixed)) / ref - 1)
    print("  max rel err (float coefs):", e.max(), "= 2^%.2f" % np.log2(e.max()))


if __name__ == "__main__":
    {"exp": fit_exp, "log1p": fit_log1p, "log1p01": fit_log1p01, "gelu": fit_gelu}[sys.argv[1]]()
