#!/usr/bin/env python3
"""Runs tests/test_ulp and prints, as a markdown table, the maxima it measured:
max ULP per function over every parameter set, forward / backward (dy=1) /
backward (random dy), per ISA, and whether every ISA gave the same bits.
The stated maxima (what test_ulp fails above) are in src/common/functions.def
(`vact list`); this prints what one run measured, to compare with them.
usage: scripts/ulp_table.py BUILD_DIR [NAME ...]"""
import re
import subprocess
import sys

build = sys.argv[1] if len(sys.argv) > 1 else "build/release"
out = subprocess.run([f"{build}/tests/test_ulp"] + sys.argv[2:], capture_output=True, text=True).stdout
rows, isas = {}, []
# ... bwd(dy) G [wide W] FLAG (W: test_ulp's wide random dy beyond its absolute slack, not tabled)
pat = re.compile(r"^ULP (\S+)\s+(\(\S*\))?\s*(\S+)\s+fwd\s+(\S+) @ \S+\s+bwd\s+(\S+) @ \S+\s+bwd\(dy\)\s+(\S+)"
                 r"(?:\s+wide\s+\S+)?\s+(\S+)")
for line in out.splitlines():
    m = pat.match(line)
    if not m:
        continue
    name, _, isa, f, b, g, same = m.groups()
    if isa not in isas:
        isas.append(isa)
    r = rows.setdefault(name, {})
    r.setdefault("_same", True)
    cur = r.get(isa, (0.0, 0.0, 0.0))
    r[isa] = tuple(max(a, float(v)) for a, v in zip(cur, (f, b, g)))
    if same == "DIFFERS":
        r["_same"] = False
identical = all(len({r[i] for i in isas if i in r}) == 1 for r in rows.values())
if identical:
    # every ISA measured the same maxima (same bits): one column set
    print(f"| function | fwd | bwd (dy=1) | bwd (random dy) | same bits on {', '.join(isas)} |")
    print("|---|---|---|---|---|")
    for name, r in rows.items():
        f, b, g = r[isas[0]]
        print(f"| {name} | {f:.2f} | {b:.2f} | {g:.2f} | {'yes' if r['_same'] else 'NO'} |")
    sys.exit(0)
print("| function | " + " | ".join(f"{i} fwd / bwd / bwd(dy)" for i in isas) + " | same bits |")
print("|---|" + "---|" * len(isas) + "---|")
for name, r in rows.items():
    cells = []
    for i in isas:
        f, b, g = r.get(i, (float("nan"),) * 3)
        cells.append(f"{f:.2f} / {b:.2f} / {g:.2f}")
    print(f"| {name} | " + " | ".join(cells) + f" | {'yes' if r['_same'] else 'NO'} |")
