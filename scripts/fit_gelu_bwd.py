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

    /usr/bin/python3 scripts/fit_gelu_bwd.py [DEG]     (default 9, the shipped table)
"""
import math
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fit_fgelu as ff  # noqa: E402  (its Lawson fit, tuning, float Horner and C tables)

F32 = np.float32
N, AMAX = 8, 7.0  # AMAX: the clamp, piece N-1's centre


def e_ref(a):
    return 0.5 * ff.ERFC(a / math.sqrt(2)) - a * np.exp(-0.5 * a * a) / math.sqrt(2 * math.pi)


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
    deg = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    P, E = fit(deg)
    print(ff.table("vact_gelu_b", [[P[i][j] for i in range(N)] for j in range(deg + 1)]))
    print("/* max %.3f ULP on the grid */" % max(E))
