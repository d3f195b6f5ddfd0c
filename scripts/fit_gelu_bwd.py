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

    /usr/bin/python3 scripts/fit_gelu_bwd.py [--f16|--f16a|--bf16|--bf16a] [gelu|gelu_tanh] [DEG]   (default gelu 9: the shipped tables are gelu 9, gelu_tanh 9)

--f16: the 16-bit backward's tables (src/kernels/t16/k16_pw.h: vact_pw16_b[0]
for gelu, [1] for gelu_tanh, degree 5; f16 only since bf16 has its own,
--bf16 below), where the f32 value
before the rounding to f16 needs far less: the tolerance of a piece is 2^-12
relative (half an f16 ULP at the bottom of a binade, with the factor 2 a
random dy's mantissa can add), floored at 2^-16 (the test's |dy|/16) and at
2^-25 (half the f16 subnormal step), and the script ends with the exhaustive
f16 check (every f16 input, dy = 1, and three sets of random dy, in f16 ULP as
tests/test_t16.c measures). Degree 5: 0.19 of the tolerance at most (piece 1,
at the root), 0.57 ULP over every f16 input (gelu and gelu_tanh); degree 4:
2.8 of it, 1.7 ULP.

--bf16: the same for bf16 alone (k16_pw.h: vact_pwb16_b), 8 times looser:
2^-9 relative (half a bf16 ULP at the top of a binade), floored at 2^-13
(half a bf16 ULP of the test's |dy|/16 for the largest dy of a binade); the
check runs every bf16 input.

--f16a / --bf16a: the f16 / bf16 tables as shipped (vpw8_sym_c with
centred = 0): each piece a polynomial in a itself, not in a - k, which
saves the kernel two subtractions; the 16-bit tolerances leave room for the
rounding of the larger terms (the same maxima as --f16 / --bf16). Pieces
from ZERO_FROM (environment, default 7) on are 0: piece 7's |E| <= 2^-29,
so d(-inf) = 0 and d(+inf) = 1.

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
ZERO_FROM = int(os.environ.get("ZERO_FROM", "7"))  # --f16a / --bf16a: pieces from this one on are 0


C1 = 2 * math.sqrt(2 / math.pi)  # gelu_tanh: 2u = C1 x + C3 x^3
C3 = C1 * 0.044715


def e_gelu(a):
    return 0.5 * ff.ERFC(a / math.sqrt(2)) - a * np.exp(-0.5 * a * a) / math.sqrt(2 * math.pi)


def e_gelu_tanh(a):
    # gelu_tanh'(-a) = sigmoid(-2u) - a (C1 + 3 C3 a^2) e/(1 + e)^2, e = e^-2u, 2u = 2u(a) >= 0
    e = np.exp(-(C1 * a + C3 * a ** 3))
    return e / (1 + e) - a * (C1 + 3 * C3 * a * a) * e / (1 + e) ** 2


e_ref = e_gelu


CENTRED = True  # --f16a / --bf16a: pieces in a itself (no centring), see fit()
F16 = False  # --f16: the tolerance of the f16 backward (above)
BF16 = False  # --bf16: the tolerance of the bf16 backward (above)


def tol(r):
    if BF16:
        return np.maximum(np.abs(r) * 2.0 ** -9, 2.0 ** -13)
    if F16:
        return np.maximum(np.maximum(np.abs(r) * 2.0 ** -12, 2.0 ** -16), 2.0 ** -25)
    return ff.ulp_of(r, 1 / 16.0)


def weight(t):
    return 1 / np.minimum(tol(t), tol(1 - t))


def piece_arg(a, k):
    return (a - F32(k)).astype(np.float32) if CENTRED else a.astype(np.float32)


def piece_err(P, k, a):
    e = ff.horner32(P, piece_arg(a, k))
    r = e_ref(a.astype(np.float64))
    en = np.abs(e.astype(np.float64) - r) / tol(r)                                # x = -a: d = E
    dp = (F32(1) - e).astype(np.float32).astype(np.float64)                       # x = +a: d = 1 - E
    ep = np.abs(dp - (1 - r)) / tol(1 - r)
    return max(en.max(), ep.max())


def fit(deg):
    P, E = [], []
    for k in range(N):
        lo, hi = max(k - 0.5, 0.0), min(k + 0.5, AMAX)
        fix0 = 0.5 if k == 0 else (0.0 if k == N - 1 else None)
        if not CENTRED and k >= ZERO_FROM:
            P.append([0.0] * (deg + 1))
            E.append(piece_err(P[-1], k, np.linspace(lo, hi, 20001).astype(np.float32)))
            print("/* piece %d: a in [%.1f, %.1f], 0, max %.3f of the tolerance */" % (k, lo, hi, E[-1]), flush=True)
            continue
        p = ff.fit_piece(lo, hi, float(k) if CENTRED else 0.0, deg, fix0 if CENTRED or k == 0 else None, e_ref, weight)
        a = np.unique(np.concatenate([np.linspace(lo, hi, 200001), [lo, hi]]).astype(np.float32))
        a = a[np.round(a.astype(np.float64)) == k]  # the kernel's piece (ties to even, as the magic sum)
        p, e = ff.tune(p, lambda q: piece_err(q, k, a), fix0 if CENTRED or k == 0 else None)
        P.append(p)
        E.append(e)
        print("/* piece %d: a in [%.1f, %.1f], max %.3f %s */" % (k, lo, hi, e,
                                                                "of the tolerance" if F16 or BF16 else "ULP"),
              flush=True)
    return P, E


def ulp16(v):
    e = np.floor(np.log2(np.maximum(np.abs(v), 2.0 ** -40)))
    return np.exp2(np.maximum(e, -14) - 10)


def ulpb16(v):
    e = np.floor(np.log2(np.maximum(np.abs(v), 2.0 ** -140)))
    return np.exp2(np.maximum(e, -126) - 7)


def to_bf16(v):
    """float32 array -> its bf16 rounding (to nearest even), as float64"""
    u = v.astype(np.float32).view(np.uint32).astype(np.uint64)
    r = ((u + 0x7FFF + ((u >> 16) & 1)) >> 16) << 16
    return r.astype(np.uint32).view(np.float32).astype(np.float64)


def check_f16(P):
    # the kernel on every finite f16 (bf16) input (k16: vpw8_sym in float), rounded to f16 (numpy: to
    # nearest even) or bf16
    if BF16:
        x = (np.arange(65536, dtype=np.uint32) << 16).view(np.float32)
    else:
        x = np.arange(65536, dtype=np.uint16).view(np.float16).astype(np.float32)
    x = x[np.isfinite(x)]
    a = np.minimum(np.abs(x), F32(AMAX))
    k = np.round(a).astype(np.int64)
    v = (a - k.astype(np.float32)).astype(np.float32) if CENTRED else a
    e = np.zeros_like(a)
    for i in range(N):
        e[k == i] = ff.horner32(P[i], v[k == i])
    d = np.where(x < 0, e, (F32(1) - e).astype(np.float32)).astype(np.float32)
    er = e_ref(np.abs(x).astype(np.float64))
    r = np.where(x < 0, er, 1 - er)
    rng = np.random.default_rng(1)
    worst = []
    for t in range(4):
        if BF16:
            dy = np.ones(x.shape, np.float32) if t == 0 else to_bf16(rng.uniform(-1, 1, x.shape).astype(np.float32))
            dy = dy.astype(np.float32)
            y = to_bf16((dy * d).astype(np.float32))
        else:
            dy = np.ones(x.shape, np.float32) if t == 0 else rng.uniform(-1, 1, x.shape).astype(np.float16).astype(np.float32)
            y = (dy * d).astype(np.float32).astype(np.float16).astype(np.float64)
        rr = dy.astype(np.float64) * r
        ulp = ulpb16 if BF16 else ulp16
        worst.append((np.abs(y - rr) / ulp(np.maximum(np.abs(rr), np.abs(dy) / 16))).max())
    print("/* every %s input: max %.3f ULP (dy = 1), %.3f (random dy) */" % ("bf16" if BF16 else "f16", worst[0],
                                                                           max(worst[1:])))


if __name__ == "__main__":
    args = sys.argv[1:]
    if args and args[0] in ("--f16", "--f16a"):
        F16 = True
        CENTRED = args.pop(0) == "--f16"
    elif args and args[0] in ("--bf16", "--bf16a"):
        BF16 = True
        CENTRED = args.pop(0) == "--bf16"
    name = "gelu"
    if args and not args[0].isdigit():
        name = args.pop(0)
        e_ref = {"gelu": e_gelu, "gelu_tanh": e_gelu_tanh}[name]
    deg = int(args[0]) if args else 9
    P, E = fit(deg)
    print(ff.table("vact_%s_b%s" % (name, "16" if F16 else "b16" if BF16 else ""),
                   [[P[i][j] for i in range(N)] for j in range(deg + 1)]))
    if F16 or BF16:
        check_f16(P)
    else:
        print("/* max %.3f ULP on the grid */" % max(E))
