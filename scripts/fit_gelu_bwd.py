#!/usr/bin/python3
"""The table of gelu's accurate backward (src/kernels/elementwise/f_gelu.h,
vact_gelu_b): gelu'(x) = Phi(x) + x phi(x) = E(a) for x < 0 and 1 - E(a) for
x >= 0, with a = |x| and E(a) = Q(a) - a phi(a), Q(a) = erfc(a/sqrt2)/2.
E is smooth and bounded, so no exponential: a = min(|x|, 7) in 8 pieces of
width 1 around the integers (k = round(a) by the magic sum a + 1.5 2^23, v =
a - k exactly, piece 0 [0, 0.5], piece 7 [6.5, 7]), E = P_k(v) by Horner,
degree DEG. P_0(0) = 1/2 (gelu'(+-0) exactly), P_7(0) = 0 (E(7) ~ 2^-33.9:
gelu'(-inf) = 0 and gelu'(+inf) = 1 exactly, as everything beyond 7 rounds
to them within the bound). Fitted near-minimax (Lawson) with the coefficients
rounded to float one at a time (fit_fgelu.py's fit_piece), weighted by the
tighter of the two signs' ULPs, then tuned one float step at a time against
the kernel's float evaluation on a dense grid, where the error is that of the
contract: in ulp of max(|d|, 1/16) for d = P and d = 1 - P (dy = 1).
Degree 9: 1.84 ULP on the grid (piece 1, at the root x ~ -0.75 where the
floor makes the bound absolute); degree 8: 2.33. Pieces centred at k - 1/4
(piece 1 on the root; one add more) measured worse: 3.5 and 3.7.
Needs numpy (Debian: python3-numpy); about a minute.

    /usr/bin/python3 scripts/fit_gelu_bwd.py [gelu|gelu_tanh] [DEG]   (default gelu 9: the shipped tables are gelu 9, gelu_tanh 9)

gelu_tanh (src/kernels/elementwise/f_gelu_tanh.h, vact_gelu_tanh_b) has the
same symmetry, gelu_tanh'(-a) = 1 - gelu_tanh'(a), so the same layout:
E(a) = sigmoid(-2u) - a (c1 + 3 c3 a^2) sigmoid'(2u), 2u = c1 a + c3 a^3,
below 2^-30 from a = 6.
"""
import math
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fit_fgelu as ff  # noqa: E402  (its Lawson fit, tuning, float Horner and C tables)

F32 = np.float32
N, AMAX = 8, 7.0  # AMAX: the clamp, piece N-1's centre


C1 = 2 * math.sqrt(2 / math.pi)  # gelu_tanh: 2u = C1 x + C3 x^3
C3 = C1 * 0.044715


def e_gelu(a):
    return 0.5 * ff.ERFC(a / math.sqrt(2)) - a * np.exp(-0.5 * a * a) / math.sqrt(2 * math.pi)


def e_gelu_tanh(a):
    # gelu_tanh'(-a) = sigmoid(-2u) - a (C1 + 3 C3 a^2) e/(1 + e)^2, e = e^-2u, 2u = 2u(a) >= 0
    e = np.exp(-(C1 * a + C3 * a ** 3))
    return e / (1 + e) - a * (C1 + 3 * C3 * a * a) * e / (1 + e) ** 2


e_ref = e_gelu


def weight(t):
    return 1 / np.minimum(ff.ulp_of(t, 1 / 16.0), ff.ulp_of(1 - t, 1 / 16.0))


def piece_err(P, k, a):
    e = ff.horner32(P, (a - F32(k)).astype(np.float32))
    r = e_ref(a.astype(np.float64))
    en = np.abs(e.astype(np.float64) - r) / ff.ulp_of(r, 1 / 16.0)              # x = -a: d = E
    dp = (F32(1) - e).astype(np.float32).astype(np.float64)                       # x = +a: d = 1 - E
    ep = np.abs(dp - (1 - r)) / ff.ulp_of(1 - r, 1 / 16.0)
    return max(en.max(), ep.max())


def fit(deg):
    P, E = [], []
    for k in range(N):
        lo, hi = max(k - 0.5, 0.0), min(k + 0.5, AMAX)
        fix0 = 0.5 if k == 0 else (0.0 if k == N - 1 else None)
        p = ff.fit_piece(lo, hi, float(k), deg, fix0, e_ref, weight)
        a = np.unique(np.concatenate([np.linspace(lo, hi, 200001), [lo, hi]]).astype(np.float32))
        a = a[np.round(a.astype(np.float64)) == k]  # the kernel's piece (ties to even, as the magic sum)
        p, e = ff.tune(p, lambda q: piece_err(q, k, a), fix0)
        P.append(p)
        E.append(e)
        print("/* piece %d: a in [%.1f, %.1f], max %.3f ULP */" % (k, lo, hi, e), flush=True)
    return P, E


if __name__ == "__main__":
    args = sys.argv[1:]
    name = "gelu"
    if args and not args[0].isdigit():
        name = args.pop(0)
        e_ref = {"gelu": e_gelu, "gelu_tanh": e_gelu_tanh}[name]
    deg = int(args[0]) if args else 9
    P, E = fit(deg)
    print(ff.table("vact_%s_b" % name, [[P[i][j] for i in range(N)] for j in range(deg + 1)]))
    print("/* max %.3f ULP on the grid */" % max(E))
