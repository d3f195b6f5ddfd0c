#!/usr/bin/python3
"""Near-minimax polynomial fits (Lawson's iteratively reweighted least squares)
that give the kernels' coefficients. Prints the float32 coefficients (hex and
decimal) and the max relative error of the polynomial with those coefficients
over a dense grid, measured in float64. Needs numpy and mpmath (Debian:
python3-numpy, python3-mpmath).

    /usr/bin/python3 scripts/fitpoly.py NAME [ARGS]

  exp [DEG]        e^r - 1 - r on |r| <= ln2/2, relative to e^r (vexp.h; DEG 4)
  expm1 [DEG]      the same relative to e^r - 1 (vexpm1.h: 4 and 5)
  expt [K [DEG [M]]]  e^r = 1 + r + c2 r^2 + ... on |r| <= M ln2/(2K), relative
                   to e^r, and the K-entry table 2^(j/K) = T_j (1 + tau_j)
                   (exp.h: 16 3 1.02, vact_exp_t16 / vact_exp_u16)
  log1p            log(1+s), s + 1 in [sqrt2/2, sqrt2) (vlog1p.h)
  log1p01 [DEG [SHIFT]]  log1p(u) on [0, 1] without range reduction, in u - SHIFT
                   (vlog1p.h: 10 0.5)
  log1p16 [DEG [B]]  the same in u, weighted for vexp16's error in u (k16_expfam.h: 3 -12.45)
  gelu [DEG [XHI]] erfc(x/sqrt2)/2 e^(x^2/2) in t = 1/(1 + 0.7x) (verfc.h; 12, 14.6)
  gelu16 [M [N [XHI]]]  the same as a rational P_M(x)/D_N(x), D monic, on [0, XHI]
                   (t16/k16_gelu_mish.h: 2 3 14)
  tanh DEG C       tanh x = x + x^3 P(x^2) on [0, C] (f_tanh.h: 4 0.55)
  tshr DEG C       x - tanh x = x^3 (1/3 + x^2 Q(x^2)) on [0, C] (f_tanh_shrink.h: 6 1.0)
"""
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

def fit_exp_q(of, deg):
    # e^r = 1 + r + r^2 q(r), |r| <= ln2/2 (1% margin), q of degree deg; the
    # error is weighted relative to e^r (of = "exp": vexp.h) or to e^r - 1
    # (of = "expm1": vexpm1.h, where the -1 is taken out before the scaling).
    rel = {"exp": mp.exp, "expm1": lambda x: abs(mp.expm1(x))}[of]
    h = float(mp.log(2) / 2) * 1.01
    xs = np.cos(np.linspace(0, np.pi, 4000)) * h
    xs = xs[np.abs(xs) > 1e-6]
    tgt = np.array([float((mp.exp(mpf(x)) - 1 - mpf(x)) / mpf(x) ** 2) for x in xs])
    wt = np.array([float(mpf(x) ** 2 / rel(mpf(x))) for x in xs])
    basis = [lambda x, k=k: x ** k for k in range(deg + 1)]
    c32 = [np.float32(v) for v in lawson(xs, tgt, basis, wt)]
    show("%s: e^r = 1 + r + r^2 * (c0 + c1 r + ... + c%d r^%d)" % (of, deg, deg), c32)
    g = np.linspace(-h, h, 200001)
    g = g[g != 0][::50]
    q = sum(float(v) * g ** k for k, v in enumerate(c32))
    approx = g + g * g * q if of == "expm1" else 1 + g + g * g * q
    ref = np.array([float(mp.expm1(mpf(x)) if of == "expm1" else mp.exp(mpf(x))) for x in g])
    e = np.abs(approx / ref - 1)
    print("  max rel err (float coefs):", e.max(), "= 2^%.2f" % np.log2(e.max()))


def fit_expt(k=16, deg=3, margin=1.02):
    # e^r - 1 - r = r^2 (c2 + c3 r + ...), |r| <= margin ln2/(2k), relative
    # to e^r; the table T_j = RN(2^(j/k)) and tau_j = RN(2^(j/k)/T_j - 1)
    h = float(mp.log(2) / (2 * k)) * margin
    xs = np.cos(np.linspace(0, np.pi, 4000)) * h
    xs = xs[np.abs(xs) > 1e-7]
    tgt = np.array([float((mp.exp(mpf(x)) - 1 - mpf(x)) / mpf(x) ** 2) for x in xs])
    wt = np.array([float(mpf(x) ** 2 / mp.exp(mpf(x))) for x in xs])
    basis = [lambda x, i=i: x ** i for i in range(deg - 1)]
    c32 = [np.float32(v) for v in lawson(xs, tgt, basis, wt)]
    print("expt %d: e^r = 1 + r + r^2 * (c2 + c3 r + ... + c%d r^%d)" % (k, deg, deg - 2))
    for i, c in enumerate(c32):
        print(f"  c{i + 2} = {float(c).hex()}f  /* {float(c):.9g} */")
    g = np.linspace(-h, h, 200001)[::20]
    q = sum(float(v) * g ** i for i, v in enumerate(c32))
    e = np.abs((1 + g + g * g * q) / np.array([float(mp.exp(mpf(x))) for x in g]) - 1)
    print("  max rel err (float coefs):", e.max(), "= 2^%.2f" % np.log2(e.max()))
    for j in range(k):
        t = mp.mpf(2) ** (mpf(j) / k)
        T = np.float32(float(t))
        tau = np.float32(float(t / mpf(float(T)) - 1))
        print(f"  T{j} = {float(T).hex()}f  tau{j} = {float(tau).hex()}f  /* {float(tau):.9g} */")


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


def fit_log1p01(deg=10, shift=0.5):
    # log1p(u) = u + u^2 q(u - shift) directly on u in [0, 1] (no range
    # reduction); the shifted variable (1/2) keeps the Horner rounding errors
    # small near u = 1 for high degrees; shift 0 saves the subtraction.
    # Coefficients rounded to float one at a time, the rest refitted.
    xs = (1 - np.cos(np.linspace(0, np.pi, 3000))) / 2
    xs = xs[xs > 1e-7]
    tgt = np.array([float((mp.log1p(mpf(x)) - mpf(x)) / mpf(x) ** 2) for x in xs])
    wt = np.array([float(mpf(x) ** 2 / mp.log1p(mpf(x))) for x in xs])
    ws = xs - shift
    c32 = []
    for i in range(deg + 1):
        rem = tgt - sum(float(c) * ws ** j for j, c in enumerate(c32))
        basis = [lambda w, k=k: w ** k for k in range(i, deg + 1)]
        c32.append(np.float32(lawson(ws, rem, basis, wt, iters=300)[0]))
    show("log1p01: log1p(u) = u + u^2 * (c0 + c1 w + ... + c%d w^%d), w = u - %g, u in [0, 1]" % (deg, deg, shift), c32)
    g = np.linspace(1e-6, 1, 200001)
    q = sum(float(v) * (g - shift) ** k for k, v in enumerate(c32))
    e = np.abs((g + g * g * q) / np.log1p(g) - 1)
    print("  max rel err (float coefs):", e.max(), "= 2^%.2f" % np.log2(e.max()))


def fit_log1p16(deg=3, b=-12.45):
    # softplus16 (t16/k16_expfam.h): log1p(u) = u + u^2 q(u), u = e^-|x| in
    # [0, 1] carrying vexp16's 2^-12.93: weighted so that |error of log1p| +
    # 2^-12.93 u/((1 + u) log1p u) (u's error as it enters) + the roundings
    # stays under 2^B: the weight counts the roundings as 2^-22 (the shipped
    # fit), the printed total, like k16_expfam.h, as 2^-21
    xs = (1 - np.cos(np.linspace(0, np.pi, 3000))) / 2
    xs = xs[xs > 1e-7]
    tgt = np.array([float((mp.log1p(mpf(x)) - mpf(x)) / mpf(x) ** 2) for x in xs])
    l1 = np.log1p(xs)
    K = 2.0 ** -12.93
    wt = xs ** 2 / l1 / (2.0 ** b - K * xs / ((1 + xs) * l1) - 2.0 ** -22)
    c32 = [np.float32(v) for v in lawson(xs, tgt, [lambda x, k=k: x ** k for k in range(deg + 1)], wt, iters=600)]
    show("log1p16: log1p(u) = u + u^2 * (c0 + c1 u + ... + c%d u^%d), u in [0, 1]" % (deg, deg), c32)
    g = np.linspace(1e-6, 1, 200001)
    q = sum(float(v) * g ** k for k, v in enumerate(c32))
    e = np.abs((g + g * g * q) / np.log1p(g) - 1)
    tot = e + K * g / ((1 + g) * np.log1p(g)) + 2.0 ** -21
    print("  max rel err (float coefs): 2^%.2f, with u's error and roundings: 2^%.3f" % (np.log2(e.max()), np.log2(tot.max())))


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


def fit_gelu16(m=2, n=3, xhi=14.0):
    # R(x) = erfc(x/sqrt2)/2 e^(x^2/2) ~ P(x)/D(x), degrees m and n, relative
    # error: linearized least squares (P - R D)/(R D_prev) with D(0) = 1,
    # Lawson-reweighted after ten plain iterations; then D made monic.
    xs = np.linspace(0, xhi, 3000)
    R = np.array([float(mp.erfc(mpf(x) / mp.sqrt(2)) / 2 * mp.exp(mpf(x) ** 2 / 2)) for x in xs])
    Dprev = np.ones_like(xs)
    w = np.ones_like(xs) / len(xs)
    for it in range(60):
        cols = [xs ** k for k in range(m + 1)] + [-R * xs ** k for k in range(1, n + 1)]
        A = np.array(cols).T / (R * Dprev)[:, None]
        sw = np.sqrt(w)
        c, *_ = np.linalg.lstsq(A * sw[:, None], sw / Dprev, rcond=None)
        p, q = c[:m + 1], np.concatenate([[1], c[m + 1:]])
        Dprev = sum(q[k] * xs ** k for k in range(n + 1))
        err = np.abs(sum(p[k] * xs ** k for k in range(m + 1)) / Dprev / R - 1)
        if it > 10:
            w = w * err
            w /= w.sum()
    p, q = p / q[-1], q / q[-1]
    show("gelu16: P(x) = c0 + c1 x + ...", p)
    show("  D(x) = c0 + c1 x + ... (monic)", q)
    g = np.linspace(0, xhi, 2001)
    ref = np.array([float(mp.erfc(mpf(x) / mp.sqrt(2)) / 2 * mp.exp(mpf(x) ** 2 / 2)) for x in g])
    P = sum(float(np.float32(v)) * g ** k for k, v in enumerate(p))
    D = sum(float(np.float32(v)) * g ** k for k, v in enumerate(q))
    e = np.abs(P / D / ref - 1)
    print("  max rel err (float coefs):", e.max(), "= 2^%.2f" % np.log2(e.max()))


def fit_series(label, F, p, c0, deg, c):
    # F(x) = x^p (c0 + u P(u)), u = x^2, x in [0, c], P of degree deg, with the
    # leading coefficient c0 fixed; the error is weighted relative to F.
    xs = np.cos(np.linspace(0, np.pi / 2, 3000)) * c
    xs = xs[xs > 1e-4]
    G = lambda x: F(mpf(x)) / mpf(x) ** p   # c0 + u P(u)
    tgt = np.array([float((G(x) - c0) / mpf(x) ** 2) for x in xs])
    wt = np.array([float(mpf(x) ** 2 / G(x)) for x in xs])
    basis = [lambda x, k=k: (x * x) ** k for k in range(deg + 1)]
    c32 = [np.float32(v) for v in lawson(xs, tgt, basis, wt)]
    show("%s, u = x^2, P of degree %d on [0, %g]" % (label, deg, c), c32)
    g = np.linspace(1e-3, c, 3001)
    u = g * g
    P = sum(float(v) * u ** k for k, v in enumerate(c32))
    ref = np.array([float(G(x)) for x in g])
    e = np.abs((float(c0) + u * P) / ref - 1)
    print("  max rel err (float coefs):", e.max(), "= 2^%.2f" % np.log2(e.max()))


def fit_tanh(deg, c):
    # tanh(x) = x + x^3 P(x^2) near 0 (f_tanh.h)
    fit_series("tanh: tanh x = x (1 + u P(u))", mp.tanh, 1, mpf(1), deg, c)


def fit_tanh_shrink(deg, c):
    # x - tanh(x) = x^3 (1/3 + u Q(u)) near 0 (f_tanh_shrink.h)
    fit_series("tanh_shrink: x - tanh x = x^3 (1/3 + u P(u))", lambda x: x - mp.tanh(x), 3, mpf(1) / 3, deg, c)


# NAME: (function, types of its command-line arguments; the missing ones take the defaults)
MODES = {
    "exp": (lambda deg=4: fit_exp_q("exp", deg), [int]),
    "expm1": (lambda deg=4: fit_exp_q("expm1", deg), [int]),
    "log1p": (fit_log1p, []),
    "log1p01": (fit_log1p01, [int, float]),
    "log1p16": (fit_log1p16, [int, float]),
    "gelu": (fit_gelu, [int, float]),
    "gelu16": (fit_gelu16, [int, int, float]),
    "tanh": (fit_tanh, [int, float]),
    "expt": (fit_expt, [int, int, float]),
    "tshr": (fit_tanh_shrink, [int, float]),
}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in MODES:
        sys.exit(__doc__)
    fn, types = MODES[sys.argv[1]]
    args = sys.argv[2:]
    if len(args) > len(types):
        sys.exit(__doc__)
    fn(*(t(a) for t, a in zip(types, args)))
