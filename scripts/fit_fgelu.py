#!/usr/bin/python3
"""The coefficient tables of the fast tier's gelu (src/kernels/fast/f_gelu.h):
piecewise polynomials, one per table entry, fitted near-minimax (Lawson) with
the coefficients rounded to float one at a time from the constant term (the
rest refitted each time), then tuned one float step at a time against the
kernel's own float evaluation (fma; the forward by Estrin's scheme, the
backward by Horner) on a dense grid. Prints the C
tables and each piece's measured max ULP error on that grid (the fast tier's
metric). Needs numpy (Debian: python3-numpy); about two minutes per set.

    /usr/bin/python3 scripts/fit_fgelu.py fwd16     the forward, 16 pieces of degree 7 (vlut16)
    /usr/bin/python3 scripts/fit_fgelu.py fwd32 [DEG [A1]] the forward, 32 pieces of degree DEG (5; A1 6.2) (vlut32: AVX-512)
    /usr/bin/python3 scripts/fit_fgelu.py fwd8 [DEG [DS [A1 [AMAX]]]] the forward, 8 pieces of degree DEG (9; DS 16, A1 7.6, AMAX 7.6: the shipped AVX2 set) (vlut8: AVX2)
    /usr/bin/python3 scripts/fit_fgelu.py bwd [DEG] the backward, 16 pieces of degree DEG (8)

Forward: g(a) = a Q(a), Q(a) = erfc(a/sqrt2)/2, a = min(|x|, AMAX); piece
i = bits(t) mod N with t = fma(min(a, A1), a + K, 1.5 * 2^23 * DS) (t rounds
s = min(a, A1)(a + K) to a multiple of DS); in piece i g = P_i(a - c_i). The
first piece has c = 0 and P(0) = 0 (g's relative accuracy as a -> 0), the last
c = AMAX and P(0) = 0 (g = 0 exactly at the clamp). The error is measured as
the kernel's: max(x, 0) - g for x = -a and x = +a, in ulp of max(|r|, 2^-20).
Backward: gelu'(x) = erfc(-x/sqrt2)/2 + x phi(x) on [-XL, XR] in pieces of
width 1 around the integers (t = x + 1.5 * 2^23), P_i(x - i); P(0) = 0 at -XL
and 1 at XR (the limits, exactly at the clamps); error in ulp of
max(|d|, 1/16) (dy = 1).
"""
import math
import sys
import numpy as np

F32 = np.float32
ERFC = np.vectorize(math.erfc)
FLOOR = 2.0 ** -20


def g_ref(a):
    return a * 0.5 * ERFC(a / math.sqrt(2))


def d_ref(x):
    return 0.5 * ERFC(-x / math.sqrt(2)) + x * np.exp(-0.5 * x * x) / math.sqrt(2 * math.pi)


def ulp_of(r, floor):
    r = np.maximum(np.abs(r), floor)
    return np.exp2(np.floor(np.log2(r)) - 23)


def fma32(a, b, c):
    # float fma: the product of two floats is exact in double, one rounding of the sum
    # (a second rounding to float only matters in ties, which the grid tolerates)
    return (a.astype(np.float64) * b.astype(np.float64) + c.astype(np.float64)).astype(np.float32)


def horner32(P, u):
    g = np.full(u.shape, F32(P[-1]), dtype=np.float32)
    for k in range(len(P) - 2, -1, -1):
        g = fma32(g, u, np.full(u.shape, F32(P[k]), dtype=np.float32))
    return g


def estrin32(P, u):
    # the forward kernel's order: u2 = u u, the pairs q_j = p_2j + p_2j+1 u
    # (an even degree's top coefficient alone), Horner in u2 over the pairs
    c = [np.full(u.shape, F32(v), dtype=np.float32) for v in P]
    d = len(P) - 1
    u2 = (u.astype(np.float64) * u.astype(np.float64)).astype(np.float32)
    g = fma32(c[d], u, c[d - 1]) if d % 2 else c[d]
    for j in range((d - 1) // 2 - d % 2, -1, -1):
        g = fma32(g, u2, fma32(c[2 * j + 1], u, c[2 * j]))
    return g


def lawson(u, t, w, d, fixed, sc, iters=80):
    free = [k for k in range(d + 1) if k not in fixed]
    A = np.stack([(u / sc) ** k for k in free], axis=1)
    rhs = t - sum(fixed[k] * u ** k for k in fixed)
    ww = np.ones(len(u)) / len(u)
    for _ in range(iters):
        sw = np.sqrt(ww) * w
        cf, *_ = np.linalg.lstsq(A * sw[:, None], rhs * sw, rcond=None)
        err = np.abs((A @ cf - rhs) * w)
        if err.max() < 1e-16:
            break
        ww = ww * (err + 1e-300)
        ww /= ww.sum()
    full = dict(fixed)
    for k, v in zip(free, cf):
        full[k] = v / sc ** k
    return [full[k] for k in range(d + 1)]


def fit_piece(lo, hi, c, d, fix0, target, weight, nodes=200):
    xs = lo + (hi - lo) * (1 - np.cos(np.linspace(0, np.pi, nodes))) / 2
    if fix0 is not None:
        xs = xs[np.abs(xs - c) > 1e-9]
    t = target(xs)
    u = xs - c
    sc = max(abs(hi - c), abs(lo - c))
    fixed = {} if fix0 is None else {0: fix0}
    for k in range(d + 1):
        if k not in fixed:
            fixed[k] = float(F32(lawson(u, t, weight(t), d, fixed, sc)[k]))
    return [fixed[k] for k in range(d + 1)]


def tune(p, err, fix0):
    # one float step at a time on each coefficient while the max error drops
    e = err(p)
    improved = True
    while improved:
        improved = False
        for k in range(len(p) - 1, -1 if fix0 is None else 0, -1):
            for step in (1, -1, 2, -2):
                q = list(p)
                v = F32(q[k])
                for _ in range(abs(step)):
                    v = np.nextafter(v, F32(np.inf) if step > 0 else F32(-np.inf))
                q[k] = float(v)
                e2 = err(q)
                if e2 < e - 1e-4:
                    e, p, improved = e2, q, True
                    break
    return p, e


def fwd_index(a, N, K, A1, MDS):
    t = fma32(np.minimum(a, F32(A1)), (a + F32(K)).astype(np.float32), np.full(a.shape, F32(MDS), dtype=np.float32))
    return (t.view(np.uint32) & (N - 1)).astype(np.int64)


def fwd_err(P, c, a):
    g = estrin32(P, (a - F32(c)).astype(np.float32))
    ad = a.astype(np.float64)
    r = g_ref(ad)
    en = np.abs(r - g.astype(np.float64)) / ulp_of(r, FLOOR)          # x = -a: 0 - g
    y = (a - g).astype(np.float32)                                      # x = +a: a - g
    ep = np.abs(y.astype(np.float64) - (ad - r)) / ulp_of(ad - r, FLOOR)
    return max(en.max(), ep.max())


def fit_fwd(N, d, amax, ds, A1, cfracs=(0.5, 0.6, 0.7, 0.8, 0.9, 1.0)):
    amax, A1 = float(F32(amax)), float(F32(A1))
    K = float(F32((N - 0.75) * ds / A1 - amax))   # s(amax) = (N - 0.75) ds: the clamp stays in piece N-1
    MDS = 1.5 * 2 ** 23 * ds
    if math.frexp(ds)[0] != 0.5:
        # the magic sum rounds s to a multiple of ulp(MDS), which is DS only for a power of two
        sys.exit("DS must be a power of two (got %g)" % ds)
    grid = np.concatenate([np.linspace(0, amax, 3000000), np.geomspace(1e-30, 1.0, 200000), [amax]])
    grid = np.unique(grid.astype(np.float32))
    grid = grid[grid <= F32(amax)]
    idx = fwd_index(grid, N, K, A1, MDS)
    # every float where the piece changes (bisection on the bits between grid
    # neighbours) and a few on each side
    edges = []
    for j in np.nonzero(idx[1:] != idx[:-1])[0]:
        lo_b, hi_b = int(grid[j].view(np.uint32)), int(grid[j + 1].view(np.uint32))
        i0 = idx[j]
        while hi_b - lo_b > 1:
            mid = (lo_b + hi_b) // 2
            if fwd_index(np.array([mid], dtype=np.uint32).view(np.float32), N, K, A1, MDS)[0] == i0:
                lo_b = mid
            else:
                hi_b = mid
        edges.extend(range(lo_b - 8, hi_b + 9))
    grid = np.unique(np.concatenate([grid, np.array(edges, dtype=np.uint32).view(np.float32)]))
    grid = grid[grid <= F32(amax)]
    idx = fwd_index(grid, N, K, A1, MDS)
    C, P, E = [], [], []
    for i in range(N):
        a = grid[idx == i]
        lo, hi = float(a.min()), float(a.max())
        span = hi - lo
        if i == 0:
            opts, fix0 = [0.0], 0.0
        elif i == N - 1:
            opts, fix0 = [amax], 0.0
        else:
            opts, fix0 = [float(F32(lo + f * span)) for f in cfracs], None
        best = None
        for c in opts:
            p = fit_piece(max(0.0, lo - 1e-6 * span), hi + 1e-6 * span, c, d, fix0, g_ref,
                          lambda t: 1 / np.maximum(np.abs(t), FLOOR))
            e = fwd_err(p, c, a)
            if best is None or e < best[0]:
                best = (e, c, p)
        _, c, p = best
        p, e = tune(p, lambda q: fwd_err(q, c, a), fix0)
        C.append(c)
        P.append(p)
        E.append(e)
        print("/* piece %2d: a in [%.4f, %.4f], c = %.4f, max %.3f ULP */" % (i, lo, hi, c, e), flush=True)
    return dict(N=N, d=d, amax=amax, K=K, A1=A1, MDS=MDS, c=C, P=P, E=E)


def fit_bwd(N, d, XL, XR):
    P, E = {}, []
    for i in range(-XL, XR + 1):
        lo, hi = max(i - 0.5, -XL), min(i + 0.5, XR)
        fix0 = 0.0 if i == -XL else (1.0 if i == XR else None)
        p = fit_piece(lo, hi, float(i), d, fix0, d_ref, lambda t: 1 / ulp_of(t, 1 / 16.0))
        xs = np.linspace(lo, hi, 60001).astype(np.float32)
        r = d_ref(xs.astype(np.float64))

        def err(q):
            dd = horner32(q, (xs - F32(i)).astype(np.float32)).astype(np.float64)
            return (np.abs(dd - r) / ulp_of(r, 1 / 16.0)).max()
        p, e = tune(p, err, fix0)
        P[i % N] = p
        E.append(e)
        print("/* piece %3d: x in [%.1f, %.1f], max %.3f ULP */" % (i, lo, hi, e), flush=True)
    return dict(N=N, d=d, P=[P.get(j, [0.0] * (d + 1)) for j in range(N)], E=E)


def hx(v):
    v = float(F32(v))
    if v == 0:
        return "0x0p+0f"
    m, e = v.hex().split("p")
    return "%sp%sf" % (m.rstrip("0").rstrip("."), e)


def table(name, rows, per_line=4):
    out = ["static const float %s[%d][%d] = {" % (name, len(rows), len(rows[0]))]
    for r in rows:
        items = [hx(v) for v in r]
        lines = [", ".join(items[k:k + per_line]) for k in range(0, len(items), per_line)]
        out.append("    {" + (",\n     ".join(lines)) + "},")
    out.append("};")
    return "\n".join(out)


def table1(name, vals, per_line=4):
    items = [hx(v) for v in vals]
    lines = [", ".join(items[k:k + per_line]) for k in range(0, len(items), per_line)]
    return "static const float %s[%d] = {%s};" % (name, len(vals), ",\n    ".join(lines))


def print_fwd(r, tag):
    print("#define VACT_FGELU%s_AMAX %s" % (tag, hx(r["amax"])))
    print("#define VACT_FGELU%s_A1 %s" % (tag, hx(r["A1"])))
    print("#define VACT_FGELU%s_K %s" % (tag, hx(r["K"])))
    print("#define VACT_FGELU%s_MDS %s" % (tag, hx(r["MDS"])))
    print(table1("vact_fgelu%s_c" % tag.lower(), r["c"]))
    print(table("vact_fgelu%s_p" % tag.lower(), [[r["P"][i][k] for i in range(r["N"])] for k in range(r["d"] + 1)]))
    print("/* max %.3f ULP on the grid */" % max(r["E"]))


if __name__ == "__main__":
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    if mode == "fwd16":
        print_fwd(fit_fwd(16, 7, 7.6, 8, 6.5), "16")
    elif mode == "fwd32":
        deg = int(sys.argv[2]) if len(sys.argv) > 2 else 5
        a1 = float(sys.argv[3]) if len(sys.argv) > 3 else 6.2
        print_fwd(fit_fwd(32, deg, 7.6, 4, a1), "32")
    elif mode == "fwd8":
        deg = int(sys.argv[2]) if len(sys.argv) > 2 else 9
        ds = float(sys.argv[3]) if len(sys.argv) > 3 else 16
        a1 = float(sys.argv[4]) if len(sys.argv) > 4 else 7.6
        amax = float(sys.argv[5]) if len(sys.argv) > 5 else 7.6
        print_fwd(fit_fwd(8, deg, amax, ds, a1), "8")
    elif mode == "bwd":
        deg = int(sys.argv[2]) if len(sys.argv) > 2 else 8
        r = fit_bwd(16, deg, 7, 6)
        print(table("vact_fgelu_b", [[r["P"][i][k] for i in range(16)] for k in range(deg + 1)]))
        print("/* max %.3f ULP on the grid */" % max(r["E"]))
    else:
        sys.exit(__doc__)
