#!/usr/bin/env python3
"""Writes the fuzz target's seed corpus, tests/fuzz/corpus/ (replaced), in
the input format described at the top of tests/fuzz/fuzz_vact.c.

One seed per elementwise function (forward and backward alternate, the
layouts cycle, default parameters from src/common/functions.def), forward and
backward seeds for each row-wise function and prelu, and a few special cases.
Values: a short pool of special and ordinary floats, then the target's own
generator in [-32, 32). Run after changing the input format or the list:
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


def functions():
    """(name, kind, defaults) in functions.def's order"""
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
            out.append((name, kind, defs))
    return out


def seed(fn, bwd=0, layout=0, chain=0, moderate=1, w=0, rows=0, place=(0, 0, 0, 0x80, 0),
         params=(0.0, 0.0), pool=POOL, variant=0):
    flags = bwd | layout << 1 | chain << 3 | moderate << 4
    b = bytes([variant, fn, flags, w & 255, w >> 8, rows]) + bytes(place)
    b += struct.pack("<ff", *params)
    b += b"".join(struct.pack("<f", v) for v in pool)
    return b


def main():
    fns = functions()
    seeds = {}
    for i, (name, kind, defs) in enumerate(fns):
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
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    for k, v in seeds.items():
        with open(os.path.join(OUT, k), "wb") as f:
            f.write(v)
    print(f"{len(seeds)} seeds in {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
