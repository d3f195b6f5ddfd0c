#!/usr/bin/python3
"""Vector operations per element in vact's compiled kernels (objdump).

    scripts/kernel_ops.py BUILD_DIR [--csv FILE]

For every vact_<isa>_<name> kernel of the AVX-512 and AVX2 objects in
BUILD_DIR (x86 builds), finds the main loop (the first backward branch of the
function: the driver's loop over two full vectors, src/kernels/driver.h) and
counts its instructions: vector computations (everything on xmm/ymm/zmm or
mask registers except plain loads, stores and register moves), of which
divisions and square roots (long-latency unit), and loads/stores. Divided by
the elements per iteration (vector stores in the loop x the vector width:
the driver unrolls by 2, some cheap kernels by 4). A
vector-wide branch inside the loop (rare tails) is counted as if taken, so
the figure is an upper bound for such kernels (marked "branch").

The report (scripts/bench_report.py --ops) turns these counts into a speed
limit: the machine's measured vector issue rate (vact_bench's
vec_fma/.../machine benchmark) divided by the ops per element.
"""
import argparse
import glob
import os
import re
import subprocess
import sys

ISAS = {"avx512": 16, "avx2": 8}  # lanes per vector
VREG = re.compile(r"%[xyz]mm\d+|%k[0-7]")
MOVES = ("vmovaps", "vmovups", "vmovdqa", "vmovdqu", "vmovdqa32", "vmovdqa64", "vmovdqu32", "vmovdqu64",
         "vmovss", "vmovd", "vmovq")
BRANCH = re.compile(r"^j[a-z]+$")
STACK = re.compile(r"\(%r[sb]p\)")


def objects(build):
    out = {}
    for isa in ISAS:
        hits = glob.glob(os.path.join(build, "**", "vact_%s.dir" % isa, "**", "kernels.c.o"), recursive=True)
        if hits:
            out[isa] = hits[0]
    return out


def functions(obj):
    """-> {symbol: [(addr, mnemonic, operands)]}"""
    txt = subprocess.run(["objdump", "-d", "--no-show-raw-insn", obj], capture_output=True, text=True,
                         check=True).stdout
    funcs, cur = {}, None
    for line in txt.splitlines():
        m = re.match(r"^([0-9a-f]+) <([^>]+)>:$", line)
        if m:
            cur = m.group(2)
            funcs[cur] = []
            continue
        m = re.match(r"^\s+([0-9a-f]+):\s+(\S+)\s*(.*)$", line)
        if m and cur:
            funcs[cur].append((int(m.group(1), 16), m.group(2), m.group(3)))
    return funcs


def main_loop(ins):
    """Instructions of the first loop (first backward branch) or None."""
    addrs = [a for a, _, _ in ins]
    for i, (a, mn, ops) in enumerate(ins):
        if BRANCH.match(mn):
            m = re.match(r"^([0-9a-f]+)\b", ops)
            if m:
                t = int(m.group(1), 16)
                if t < a and t in addrs:
                    return ins[addrs.index(t):i + 1]
    return None


def count(loop):
    vec = div = mem = stores = 0
    inner_branch = False
    for _, mn, ops in loop[:-1]:
        if BRANCH.match(mn):
            inner_branch = True
        if not VREG.search(ops):
            continue
        has_mem = "(" in ops
        if (has_mem and ops.rstrip().endswith(")") and (mn.startswith("vmov") or mn.startswith("vmaskmov"))
                and not STACK.search(ops)):
            stores += 1  # AT&T: memory destination last; a spill to the stack is no output
        if mn in MOVES or mn.startswith("vbroadcast") or mn == "kmovw" or mn == "kmovb":
            if has_mem:
                mem += 1
            continue  # plain load / store / register move (move-eliminated or load port)
        if has_mem and (mn.startswith("vmaskmov") or mn.startswith("vmovups")):
            mem += 1
            continue
        vec += 1
        if has_mem:
            mem += 1
        if mn.startswith("vdiv") or mn.startswith("vsqrt"):
            div += 1
    return vec, div, mem, stores, inner_branch


def analyse(build):
    rows = []
    for isa, obj in objects(build).items():
        pre = "vact_%s_" % isa
        for sym, ins in sorted(functions(obj).items()):
            if not sym.startswith(pre):
                continue
            name = sym[len(pre):]
            d = "bwd" if name.endswith("_bwd") else "fwd"
            if d == "bwd":
                name = name[:-4]
            loop = main_loop(ins)
            if loop is None:
                continue
            vec, div, mem, stores, br = count(loop)
            per = ISAS[isa] * (stores if stores else 2)
            rows.append({"isa": isa, "func": name, "dir": d, "ops": vec / per, "div": div / per, "mem": mem / per,
                         "branch": br})
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("build")
    ap.add_argument("--csv")
    a = ap.parse_args()
    rows = analyse(a.build)
    if not rows:
        sys.exit("kernel_ops: no AVX-512/AVX2 kernel objects under " + a.build)
    lines = ["isa,func,dir,vec_ops_per_elem,div_per_elem,mem_per_elem,branch"]
    for r in rows:
        lines.append("%s,%s,%s,%.4f,%.4f,%.4f,%d" % (r["isa"], r["func"], r["dir"], r["ops"], r["div"], r["mem"],
                                                   r["branch"]))
    if a.csv:
        with open(a.csv, "w") as f:
            f.write("\n".join(lines) + "\n")
    else:
        print("\n".join(lines))


if __name__ == "__main__":
    main()
