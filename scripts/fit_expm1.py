#!/usr/bin/python3
"""Fits for vexpm1.h and f_tanh_shrink.h (same method as fitpoly.py):
  /usr/bin/python3 scripts/fit_expm1.py expm1 4
  /usr/bin/python3 scripts/fit_expm1.py tshr 6 1.0"""
import sys
import numpy as np
from mpmath import mp, mpf
mp.prec = 120
import os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fitpoly import lawson, show

def fit_expm1(deg):
    h = float(mp.log(2) / 2) * 1.01
    xs = np.cos(np.linspace(0, np.pi, 4000)) * h
    xs = xs[np.abs(xs) > 1e-6]
    tgt = np.array([float((mp.exp(mpf(x)) - 1 - mpf(x)) / mpf(x) ** 2) for x in xs])
    wt = np.array([float(mpf(x) ** 2 / abs(mp.expm1(mpf(x)))) for x in xs])
    basis = [lambda x, k=k: x ** k for k in range(deg + 1)]
    c = lawson(xs, tgt, basis, wt)
    c32 = [np.float32(v) for v in c]
    show("expm1 deg %d" % deg, c32)
    g = np.linspace(-h, h, 200001); g = g[g != 0]
    q = sum(float(v) * g ** k for k, v in enumerate(c32))
    ex = np.array([float(mp.expm1(mpf(x))) for x in g[::50]])
    e = np.abs((g[::50] + g[::50]**2 * q[::50]) / ex - 1)
    print("  max rel err:", e.max(), "= 2^%.2f" % np.log2(e.max()))

def fit_tshr(deg, c):
    # tanh_shrink(x) = x^3 (c0 + u P(u)), u = x^2, x in [0, c]; fit Q(u)=(f/x^3 - 1/3)/u
    xs = np.cos(np.linspace(0, np.pi/2, 3000)) * c
    xs = xs[xs > 1e-4]
    tgt = np.array([float(((mpf(x) - mp.tanh(mpf(x))) / mpf(x)**3 - mpf(1)/3) / mpf(x)**2) for x in xs])
    f = np.array([float((mpf(x) - mp.tanh(mpf(x))) / mpf(x)**3) for x in xs])
    wt = xs**2 / f
    basis = [lambda x, k=k: (x*x) ** k for k in range(deg + 1)]
    cc = lawson(xs, tgt, basis, wt)
    c32 = [np.float32(v) for v in cc]
    show("tanh_shrink Q deg %d on [0,%g]" % (deg, c), c32)
    g = np.linspace(1e-3, c, 3001)
    u = g*g
    Q = sum(float(v) * u ** k for k, v in enumerate(c32))
    ref = np.array([float((mpf(x) - mp.tanh(mpf(x))) / mpf(x)**3) for x in g])
    e = np.abs((1/3 + u*Q) / ref - 1)
    print("  max rel err:", e.max(), "= 2^%.2f" % np.log2(e.max()))

if __name__ == "__main__":
    if sys.argv[1] == "expm1": fit_expm1(int(sys.argv[2]))
    elif sys.argv[1] == "tshr": fit_tshr(int(sys.argv[2]), float(sys.argv[3]))

def fit_tanh(deg, c):
    # tanh(x) = x + x^3 P(u), u = x^2, x in [0, c]; relative error of tanh
    xs = np.cos(np.linspace(0, np.pi/2, 3000)) * c
    xs = xs[xs > 1e-4]
    tgt = np.array([float((mp.tanh(mpf(x)) - mpf(x)) / mpf(x)**3) for x in xs])
    th = np.array([float(mp.tanh(mpf(x))) for x in xs])
    wt = xs**3 / th
    basis = [lambda x, k=k: (x*x) ** k for k in range(deg + 1)]
    cc = lawson(xs, tgt, basis, wt)
    c32 = [np.float32(v) for v in cc]
    show("tanh P deg %d on [0,%g]" % (deg, c), c32)
    g = np.linspace(1e-3, c, 3001)
    u = g*g
    P = sum(float(v) * u ** k for k, v in enumerate(c32))
    ref = np.array([float(mp.tanh(mpf(x))) for x in g])
    e = np.abs((g + g*u*P) / ref - 1)
    print("  max rel err:", e.max(), "= 2^%.2f" % np.log2(e.max()))

if __name__ == "__main__" and sys.argv[1] == "tanh":
    fit_tanh(int(sys.argv[2]), float(sys.argv[3]))
