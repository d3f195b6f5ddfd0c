#!/usr/bin/env python3
"""The exhaustive max-ULP table of the bf16 and f16 functions, as markdown.

    scripts/t16_table.py [--build-dir build/release] [--detail] [NAME ...]

Runs BUILD_DIR/tests/test_t16 NAME for every elementwise function and every
row-wise function marked VACT_T16 in src/common/functions.def (or the NAMEs
given), parses its "T16 ..." lines and prints one row per function: the max
ULP error over every ISA the test ran (scalar, avx2, avx512, NEON through
SIMDe, ...) and every parameter set, forward / backward per type. test_t16
measures every 16-bit input pattern against the double reference, in ULP of
the output type (bound 1); "bwd" is the larger of its backward figures,
dy = 1 and random dy (--detail prints them apart: dy=1 / random dy; random
dy is the larger of test_t16's two samples, dy in +-[0.25, 4] and the wide
dy over the type's range, squareplus's beyond its absolute slack |dy| 2^-149). The
row-wise functions are tested forward only (bwd "-"; the rows and the row-sum
check are test_t16's). The last column says whether every ISA gave the same
bits and the same maxima (they must: test_t16 fails otherwise) and whether
test_t16 passed; anything else is listed under the table. Exit status 1 when
a run failed or ISAs differ.
"""
import argparse
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TYPES = ("bf16", "f16")

# T16 NAME TYPE [(params)] ISA fwd F @ X bwd B @ X bwd(dy) G wide W FLAG   (elementwise, one ISA and
# parameter set; W: the wide random dy, beyond its absolute slack)
EW = re.compile(r"^T16 (\S+)\s+(bf16|f16)\s+(\(\S*\))?\s*(\S+)\s+fwd\s+(\S+)\s+@\s+\S+\s+bwd\s+(\S+)\s+@\s+\S+"
                r"\s+bwd\(dy\)\s+(\S+)(?:\s+wide\s+(\S+))?\s+(\S+)")
# T16 NAME TYPE fwd max F ulp (bound 1) |row sum - 1| max S (bound 2^-P)   (row-wise, every ISA)
RW = re.compile(r"^T16 (\S+)\s+(bf16|f16)\s+fwd max (\S+) ulp.*\|row sum - 1\| max (\S+)")


def def_names():
    """Elementwise and VACT_T16 row-wise names, in functions.def order (as cmake/VactFunctions.cmake)."""
    names = []
    with open(os.path.join(ROOT, "src", "common", "functions.def")) as f:
        for line in f:
            m = re.match(r"^VACT_(EW|RW)\(([a-z0-9_]+)", line)
            if m and (m.group(1) == "EW" or re.search(r"VACT_T16[,)]", line)):
                names.append((m.group(2), m.group(1)))
    return names


def run(exe, name):
    """-> dict: kind, per (type, isa) (fwd, bwd dy=1, bwd random dy) maxima, same-bits flag, fails, rc."""
    p = subprocess.run([exe, name], capture_output=True, text=True)
    r = {"isa": {}, "differs": False, "fails": [], "rc": p.returncode, "rowsum": {}, "kind": None}
    for line in p.stdout.splitlines():
        m = EW.match(line)
        if m and m.group(1) == name:
            _, ty, _, isa, f, b, g, w, flag = m.groups()
            g = max(float(g), float(w or 0))
            r["kind"] = "EW"
            cur = r["isa"].get((ty, isa), (0.0, 0.0, 0.0))
            r["isa"][(ty, isa)] = tuple(max(a, float(v)) for a, v in zip(cur, (f, b, g)))
            if flag == "DIFFERS":
                r["differs"] = True
            continue
        m = RW.match(line)
        if m and m.group(1) == name:
            _, ty, f, s = m.groups()
            r["kind"] = "RW"
            r["isa"][(ty, "all")] = (float(f), None, None)
            r["rowsum"][ty] = float(s)
            continue
        if "FAIL" in line:
            r["fails"].append(line.strip())
    if r["kind"] is None and not r["fails"]:
        r["fails"].append("no T16 lines in the output of %s %s (exit %d)" % (exe, name, p.returncode))
    return r


def cell(v):
    return "-" if v is None else "%.3f" % v


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build-dir", default=os.path.join(ROOT, "build", "release"))
    ap.add_argument("--detail", action="store_true", help="bwd as 'dy=1 / random dy' instead of their max")
    ap.add_argument("names", nargs="*", help="functions (default: every 16-bit function of functions.def)")
    a = ap.parse_args()
    exe = os.path.join(a.build_dir, "tests", "test_t16")
    if not os.access(exe, os.X_OK):
        sys.exit("t16_table: %s not found (build the tests: cmake --build --preset release)" % exe)
    names = def_names()
    if a.names:
        known = dict(names)
        names = [(n, known.get(n, "?")) for n in a.names]
    rows, notes, all_isas, bad = [], [], [], False
    for name, _ in names:
        r = run(exe, name)
        isas = sorted({isa for (_, isa) in r["isa"] if isa != "all"})
        for i in isas:
            if i not in all_isas:
                all_isas.append(i)
        cells, same = [], True
        for ty in TYPES:
            per = {isa: v for (t, isa), v in r["isa"].items() if t == ty}
            if not per:
                cells += ["-", "-"]
                continue
            if len(set(per.values())) > 1:
                same = False
                notes.append("%s %s: ISAs differ: %s" % (name, ty, "; ".join(
                    "%s fwd %s bwd %s bwd(dy) %s" % ((isa,) + tuple(cell(x) for x in v)) for isa, v in per.items())))
            f = max(v[0] for v in per.values())
            if r["kind"] == "RW":
                cells += [cell(f), "-"]
                continue
            b1 = max(v[1] for v in per.values())
            b2 = max(v[2] for v in per.values())
            cells += [cell(f), "%s / %s" % (cell(b1), cell(b2)) if a.detail else cell(max(b1, b2))]
        if r["differs"] or any("differs" in fl for fl in r["fails"]):
            same = False
            if r["differs"]:
                notes.append("%s: test_t16 reports results that differ from the scalar ISA (DIFFERS)" % name)
        for fl in r["fails"]:
            notes.append("%s: %s" % (name, fl))
        ok = r["rc"] == 0 and not r["fails"]
        if not same or not ok:
            bad = True
        if r["kind"] is None:
            status = "-"
        else:
            status = "yes" if same else "NO"
        if r["kind"] == "RW":
            status += " (row-wise: forward only"
            sums = ["%s %.3g" % (t, s) for t, s in r["rowsum"].items() if s > 0]
            status += ("; max \\|row sum - 1\\| " + ", ".join(sums) if sums else "") + ")"
        if not ok:
            status += ", test FAILED"
        rows.append([name] + cells + [status])
    bwd = "bwd (dy=1 / random dy)" if a.detail else "bwd"
    print("Max ULP error (of the output type; bound 1) measured by test_t16: elementwise over every 16-bit input "
          "(exhaustive), every parameter set of the tests and every ISA (%s); row-wise on test_t16's rows%s.\n" % (
              ", ".join(all_isas) or "-", "" if a.detail else "; bwd = max of dy = 1 and random dy (in +-[0.25, 4], and wide beyond its slack)"))
    print("| function | bf16 fwd | bf16 %s | f16 fwd | f16 %s | same on every ISA |" % (bwd, bwd))
    print("|---|---:|---:|---:|---:|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")
    if notes:
        print("\nNotes:\n" + "\n".join("* " + n for n in notes))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
