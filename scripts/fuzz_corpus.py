#!/usr/bin/env python3
"""Writes the fuzz target's seed corpus, tests/fuzz/corpus/ (replaced), in
the input format described at the top of tests/fuzz/fuzz_vact.c.

One seed per elementwise function (forward and backward alternate, the
layouts cycle, default parameters from src/common/functions.def), forward and
backward seeds for each row-wise function and prelu, and a few special cases;
the same for bf16 and f16 (variants 2 and 3: every elementwise function in
both types, forward in one and backward in the other, the row-wise functions
with 16-bit entry points forward and backward; lengths around two vectors,
arrays flush against the trailing guard page). Values: a short pool of
special and ordinary floats (16 bit: their rounded bits, 2 bytes each, plus
the type's own edge patterns), then the target's own generator in [-32, 32).
Run after changing the input format or the list:
    python3 scripts/fuzz_corpus.py
"""
import os
import re
import shutil
import struct

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "fuzz", "corpus")

POOL = [0.5, -1.25, 0.0, -0.0, 3.0, -3.0, 1e-40, -7.5, 12.0, -20.0, float("inf"), float("-inf"),
        float("nan"), 88.7, -103.0, 1.0, -1.0, 6.0, 2.0 ** -20, 3.4e38]

# variants of the target (tests/fuzz/fuzz_vact.c, g_variants)
V_F32, V_BF16, V_F16 = 0, 2, 3


def bf16_bits(v):
    u = struct.unpack("<I", struct.pack("<f", v))[0]
    if (u & 0x7fffffff) > 0x7f800000:
        return 0x7fc0
    return ((u + 0x7fff + ((u >> 16) & 1)) >> 16) & 0xffff


def f16_bits(v):
    try:
        return struct.unpack("<H", struct.pack("<e", v))[0]
    except OverflowError:
        return 0xfc00 if v < 0 else 0x7c00


# 16-bit pools: the f32 pool rounded, then edge patterns of the type
# (subnormals, the largest finite, signaling and negative NaN)
POOL_BF16 = [bf16_bits(v) for v in POOL] + [0x0001, 0x8001, 0x007f, 0x0080, 0x7f7f, 0xff7f, 0x7f81, 0xffc1,
                                            bf16_bits(88.5), bf16_bits(-87.0), bf16_bits(1e-3)]
POOL_F16 = [f16_bits(v) for v in POOL] + [0x0001, 0x8001, 0x03ff, 0x0400, 0x7bff, 0xfbff, 0x7c01, 0xfe01,
                                          f16_bits(11.0), f16_bits(11.1), f16_bits(-17.3), f16_bits(1e-3)]


def functions():
    """(name, kind, defaults, t16) in functions.def's order; t16: has bf16
    and f16 entry points"""
    out = []
    with open(os.path.join(ROOT, "src", "common", "functions.def")) as f:
        for line in f:
            m = re.match(r"VACT_(EW|RW|PC)\((\w+)", line)
            if not m:
                continue
            kind, name = m.groups()
            defs = [float(v.rstrip("f")) for v in re.findall(r"VACT_P[12]\([^)]*", line)
                    for v in re.findall(r",\s*(-?[0-9.]+f?)\s*,\s*VACT_D_", v + ",")]
            if kind == "RW" and "VACT_RW_HALF" in line:
                kind = "HALF"
            t16 = kind == "EW" or (kind != "PC" and "VACT_T16" in line)
            out.append((name, kind, defs, t16))
    return out


def seed(fn, bwd=0, layout=0, chain=0, moderate=1, w=0, rows=0, place=(0, 0, 0, 0x80, 0),
         params=(0.0, 0.0), pool=None, variant=V_F32):
    """pool: floats for f32, raw 16-bit patterns for bf16/f16 (default:
    the variant's)"""
    flags = bwd | layout << 1 | chain << 3 | moderate << 4
    b = bytes([variant, fn, flags, w & 255, w >> 8, rows]) + bytes(place)
    b += struct.pack("<ff", *params)
    if variant == V_F32:
        b += b"".join(struct.pack("<f", v) for v in (POOL if pool is None else pool))
    else:
        if pool is None:
            pool = POOL_BF16 if variant == V_BF16 else POOL_F16
        b += b"".join(struct.pack("<H", v) for v in pool)
    return b


def main():
    fns = functions()
    seeds = {}
    for i, (name, kind, defs, _) in enumerate(fns):
        p = (defs + [0.0, 0.0])[:2]
        if kind == "EW":
            bwd = i & 1
            seeds[f"{name}_{'bwd' if bwd else 'fwd'}"] = seed(
                i, bwd=bwd, layout=i % 3, w=[17, 64, 70, 300, 1, 33][i % 6],
                place=(i % 4, 0x80, 0, (i * 5) % 16 | (0x80 if i % 2 else 0), 0), params=p)
        else:
            cols = {"HALF": 24, "PC": 13}.get(kind, 37)
            for bwd in (0, 1):
                seeds[f"{name}_{'bwd' if bwd else 'fwd'}"] = seed(
                    i, bwd=bwd, layout=1 + bwd, chain=bwd and kind == "RW", w=cols, rows=3,
                    place=(1, 0x80, 3, 0x80, 2))
    glu = next(i for i, f in enumerate(fns) if f[0] == "glu")
    sm = next(i for i, f in enumerate(fns) if f[0] == "softmax")
    lr = next(i for i, f in enumerate(fns) if f[0] == "leaky_relu")
    th = next(i for i, f in enumerate(fns) if f[0] == "threshold")
    seeds["n0"] = seed(0, w=0)
    seeds["glu_odd_cols_in_place"] = seed(glu, bwd=1, layout=1, w=25, rows=2)
    seeds["softmax_one_long_row"] = seed(sm, w=300, rows=1, moderate=0)
    seeds["leaky_relu_nan_param"] = seed(lr, w=40, params=(float("nan"), 0.0))
    seeds["threshold_inf_params"] = seed(th, bwd=1, layout=2, w=31, params=(float("-inf"), float("inf")))

    # bf16 and f16: indices into the 16-bit list (no sparsemax, no prelu)
    fns16 = [f for f in fns if f[3]]
    lens = [31, 33, 64, 65, 97, 1, 17, 300, 47, 2]
    for j, (name, kind, defs, _) in enumerate(fns16):
        p = (defs + [0.0, 0.0])[:2]
        for variant, tname in ((V_BF16, "bf16"), (V_F16, "f16")):
            bwd = (j + variant) & 1
            if kind == "EW":
                seeds[f"{tname}_{name}_{'bwd' if bwd else 'fwd'}"] = seed(
                    j, bwd=bwd, layout=(j + variant) % 3, w=lens[(j + variant) % len(lens)],
                    place=(0x80 if j % 2 else j % 8, 0x80, 0, 0x80 if (j + variant) % 2 else j % 16, 0),
                    params=p, variant=variant)
            else:
                cols = {"HALF": 34}.get(kind, 37)
                for bwd in (0, 1):
                    seeds[f"{tname}_{name}_{'bwd' if bwd else 'fwd'}"] = seed(
                        j, bwd=bwd, layout=1 + bwd, chain=bwd and kind == "RW", w=cols, rows=3,
                        place=(0x80, 0x80, 0, 0x80, 0), variant=variant)
    sig16 = next(j for j, f in enumerate(fns16) if f[0] == "sigmoid")
    exp16 = next(j for j, f in enumerate(fns16) if f[0] == "exponential")
    sm16 = next(j for j, f in enumerate(fns16) if f[0] == "softmax")
    glu16 = next(j for j, f in enumerate(fns16) if f[0] == "glu")
    seeds["bf16_sigmoid_raw_bits"] = seed(sig16, w=96, moderate=0, place=(0x80, 0, 0, 0x80, 0), variant=V_BF16)
    seeds["f16_exponential_raw_bits_bwd"] = seed(exp16, bwd=1, w=63, moderate=0, place=(0x80, 0x80, 0, 0x80, 0),
                                                 variant=V_F16)
    seeds["f16_softmax_one_long_row"] = seed(sm16, w=300, rows=1, moderate=0, place=(0x80, 0, 0, 0x80, 0),
                                             variant=V_F16)
    # leaky_relu forward (f16, and bf16 since 2026-12-07): a finite nonzero
    # slope keeps x's NaN (quieted), an infinite one gives the default NaN
    # (docs/contract.md); the pool has a signaling and a negative NaN with
    # payloads
    lr16 = next(j for j, f in enumerate(fns16) if f[0] == "leaky_relu")
    seeds["f16_leaky_relu_nan_payloads"] = seed(lr16, layout=2, w=70, params=(0.01, 0.0),
                                                place=(3, 0x80, 0, 0x83, 0), variant=V_F16)
    seeds["bf16_leaky_relu_nan_payloads"] = seed(lr16, layout=2, w=70, params=(0.01, 0.0),
                                                 place=(3, 0x80, 0, 0x83, 0), variant=V_BF16)
    seeds["f16_leaky_relu_inf_slope"] = seed(lr16, w=33, params=(float("inf"), 0.0),
                                             place=(0x80, 0x80, 0, 0x80, 0), variant=V_F16)
    seeds["bf16_glu_odd_cols_in_place"] = seed(glu16, bwd=1, layout=1, w=65, rows=2, place=(0x80, 0x80, 0, 0, 0),
                                               variant=V_BF16)
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    for k, v in seeds.items():
        with open(os.path.join(OUT, k), "wb") as f:
            f.write(v)
    print(f"{len(seeds)} seeds in {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
