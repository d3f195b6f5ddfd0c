#!/usr/bin/python3
"""vact vs its peers: tables and a PNG chart from vact_bench JSON output.

    scripts/bench_report.py OUT.json [MORE.json ...] [--png FILE] [--md FILE]
                            [--isa avx512,avx2] [--sizes 4096,4x4000,64x64]
                            [--accuracy peer_accuracy.csv] [--ops kernel_ops.csv]

Reads Google Benchmark JSON written by bench/vact_bench (benchmark names
FUNC/DIR/IMPL/ISA/SIZE, see bench/bench_common.h), takes the median of the
repetitions (or the single run), and prints, per ISA and size, for every vact
function and direction: vact's throughput, the fastest peer at the same ISA
level (or without one: the plain libm loop), the ratio vact / peer, and the
memcpy roofline for the bytes that function moves. With --accuracy (the CSV
of bench/vact_peer_accuracy) it also names the fastest peer that holds
docs/contract.md's bounds on the measured inputs (max ULP <= 2 forward, <= 4 backward,
no NaN for a finite input): "is vact the fastest correct choice?". Peers
whose accuracy was not measured for a function count as unknown, not as
correct. With --ops (scripts/kernel_ops.py: vector operations per element
of each compiled vact kernel) and the suite's "machine" benchmarks (vector
FMA and division issue rates of this core) it prints, for every function
where vact trails the fastest peer, the issue limit of vact's own
instruction stream and how close vact runs to it.
scripts/bench_report.sh builds, runs the suite and calls this.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

ISA_ORDER = ["avx512", "avx2", "neon", "scalar"]
# Bytes moved per element, as in the suite (bench_common.h / bench_vact.cc).
BYTES = {"fwd": 8, "bwd": 12}
BYTES_GLU = {"fwd": 6, "bwd": 10}
# The accuracy bounds of docs/contract.md (max ULP) used to call a peer correct.
BOUND = {"fwd": 2.0, "bwd": 4.0}


def parse_name(run_name):
    parts = run_name.split("/")
    if len(parts) != 5:
        return None
    return dict(zip(["func", "dir", "impl", "isa", "size"], parts))


def size_key(size):
    """Sort key: elementwise n first (numeric), then ROWSxCOLS by total."""
    if "x" in size:
        r, c = size.split("x")
        return (1, int(c), int(r))
    return (0, int(size), 0)


def size_elems(size):
    if "x" in size:
        r, c = size.split("x")
        return int(r) * int(c)
    return int(size)


def load(paths):
    """-> (results dict keyed by (func, dir, impl, isa, size), context of the first file)."""
    res = {}
    ctx = {}
    for path in paths:
        with open(path) as f:
            data = json.load(f)
        if not ctx:
            ctx = data.get("context", {})
        have_median = any(b.get("aggregate_name") == "median" for b in data.get("benchmarks", []))
        for b in data.get("benchmarks", []):
            if b.get("error_occurred"):
                continue
            if have_median:
                if b.get("run_type") != "aggregate" or b.get("aggregate_name") != "median":
                    continue
            elif b.get("run_type") == "aggregate":
                continue
            key = parse_name(b.get("run_name", b["name"]))
            if key is None:
                continue
            k = (key["func"], key["dir"], key["impl"], key["isa"], key["size"])
            res[k] = {
                "ips": b.get("items_per_second", 0.0),
                "bps": b.get("bytes_per_second", 0.0),
                "cpe": b.get("cpe", float("nan")),
                "nan": b.get("nan_out", 0.0) >= 0.5,
            }
    return res, ctx


def roofline(res, func, d, size):
    """Elements/s a kernel moving this function's bytes would reach at memcpy speed."""
    n = size_elems(size)
    r = res.get(("memcpy", "fwd", "roofline", "any", str(n)))
    if r is None or r["bps"] <= 0:
        return None
    per = (BYTES_GLU if func == "glu" else BYTES)[d]
    if func.endswith(".bf16") or func.endswith(".f16"):
        per //= 2  # 16-bit elements
    return r["bps"] / per


def load_accuracy(path):
    """-> {(func, dir, impl, isa): (max_ulp, nan)} from vact_peer_accuracy --csv."""
    acc = {}
    with open(path) as f:
        head = f.readline().strip().split(",")
        for line in f:
            v = dict(zip(head, line.strip().split(",")))
            if len(v) == len(head):
                acc[(v["func"], v["dir"], v["impl"], v["isa"])] = (float(v["max_ulp"]), int(v["nan"]))
    return acc


def peer_correct(acc, func, d, impl, isa):
    """True / False / None (not measured). oneDNN and XNNPACK are measured at
    their best ISA only; that figure stands for their capped (AVX2) runs too."""
    if acc is None:
        return None
    for k in ((func, d, impl, isa), (func, d, impl, "avx512"), (func, d, impl, "any")):
        if k in acc:
            m, nan = acc[k]
            return m <= BOUND[d] and nan == 0
    return None


def load_ops(path):
    """-> {(isa, func, dir): (vec ops, divisions, loads+stores) per element, branch flag}"""
    ops = {}
    with open(path) as f:
        head = f.readline().strip().split(",")
        for line in f:
            v = dict(zip(head, line.strip().split(",")))
            if len(v) == len(head):
                ops[(v["isa"], v["func"], v["dir"])] = (float(v["vec_ops_per_elem"]), float(v["div_per_elem"]),
                                                        float(v["mem_per_elem"]), v["branch"] == "1")
    return ops


def render(title, head, table, markdown, left):
    """One table: markdown (### title) or aligned text (== title; columns in
    `left` left-aligned, the others right-aligned); ends with a blank line."""
    if markdown:
        out = ["### " + title + "\n", "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        out += ["| " + " | ".join(t) + " |" for t in table]
    else:
        w = [max(len(head[i]), *(len(t[i]) for t in table)) for i in range(len(head))]
        al = lambda i, c: c.ljust(w[i]) if i in left else c.rjust(w[i])
        out = ["== " + title, "  ".join(al(i, h) for i, h in enumerate(head)).rstrip()]
        out += ["  ".join(al(i, c) for i, c in enumerate(t)).rstrip() for t in table]
    return "\n".join(out) + "\n"


def limits(rows, res, ops, markdown=False):
    """For the n = 4096 rows where vact < the fastest peer: the issue limit of
    vact's kernel = min(FMA rate / vector ops per element, division rate /
    divisions per element), with the rates measured by the machine benchmarks."""
    sel = [r for r in rows if r["size"] == "4096" and r["ratio"] is not None and r["ratio"] < 1.0
           and not r["placeholder"]]
    head = ("isa", "function", "dir", "vact Gelem/s", "best peer", "vact/peer", "best correct peer", "vact/correct",
            "vec ops/elem", "div/elem", "issue limit Gelem/s", "vact % of limit")
    table = []
    for r in sel:
        o = ops.get((r["isa"], r["func"], r["dir"]))
        fma = res.get(("vec_fma", "fwd", "machine", r["isa"], "4096"))
        dv = res.get(("vec_div", "fwd", "machine", r["isa"], "4096"))
        if o is None or fma is None or o[0] <= 0:
            continue
        lim = fma["ips"] / o[0]
        if dv is not None and o[1] > 0:
            lim = min(lim, dv["ips"] / o[1])
        table.append((r["isa"], r["func"], r["dir"], g(r["vact"]), r["peer"], "%.2fx" % r["ratio"],
                      r["cpeer"] or "-", "-" if r["cratio"] is None else "%.2fx" % r["cratio"],
                      "%.2f%s" % (o[0], " (branch)" if o[3] else ""), "%.3f" % o[1], g(lim),
                      "%.0f%%" % (100.0 * r["vact"] / lim)))
    if not table:
        return ""
    rate = []
    for isa in ISA_ORDER:
        fma = res.get(("vec_fma", "fwd", "machine", isa, "4096"))
        dv = res.get(("vec_div", "fwd", "machine", isa, "4096"))
        if fma:
            rate.append("%s: %.2f G vector FMAs/s, %.3f G divisions/s" % (isa, fma["ips"] / 1e9,
                                                                          dv["ips"] / 1e9 if dv else 0))
    title = ("Where vact trails the fastest peer at n=4096: the issue limit of vact's own kernel "
             "(measured vector issue rate / vector ops per element; " + "; ".join(rate) + ")")
    return render(title, head, table, markdown, left=range(len(head)))


def best_peer(res, func, d, isa, size, acc=None):
    """Fastest peer at this ISA (or ISA-independent); with acc, only the
    peers measured within the bounds."""
    best = None
    for (f, dd, impl, pisa, s), r in res.items():
        if f != func or dd != d or s != size or impl in ("vact", "roofline"):
            continue
        if pisa != isa and pisa != "any":
            continue
        if acc is not None and peer_correct(acc, func, d, impl, pisa) is not True:
            continue
        if best is None or r["ips"] > best[1]["ips"]:
            best = (impl if pisa == isa else impl + "(" + pisa + ")", r)
    return best


def build_rows(res, isas, sizes, acc=None):
    """-> list of dict rows (one per isa, size, func, dir with a vact result)."""
    rows = []
    vact_keys = sorted({(f, d, i, s) for (f, d, impl, i, s) in res if impl == "vact"})
    all_isas = [i for i in ISA_ORDER if any(k[2] == i for k in vact_keys)]
    if isas:
        all_isas = [i for i in all_isas if i in isas]
    all_sizes = sorted({k[3] for k in vact_keys}, key=size_key)
    if sizes:
        all_sizes = [s for s in all_sizes if s in sizes]
    funcs = []
    for (f, d, i, s) in vact_keys:
        if f not in funcs:
            funcs.append(f)
    for isa in all_isas:
        for size in all_sizes:
            for f in funcs:
                for d in ("fwd", "bwd"):
                    v = res.get((f, d, "vact", isa, size))
                    if v is None:
                        continue
                    p = best_peer(res, f, d, isa, size)
                    c = best_peer(res, f, d, isa, size, acc) if acc is not None else None
                    measured = acc is not None and any(k[0] == f and k[1] == d and k[2] != "vact" for k in acc)
                    rows.append({
                        "cpeer": c[0] if c else ("none" if measured and p else None),
                        "cpeer_ips": c[1]["ips"] if c else None,
                        "cratio": v["ips"] / c[1]["ips"] if c and c[1]["ips"] > 0 else None,
                        "isa": isa, "size": size, "func": f, "dir": d,
                        "vact": v["ips"], "cpe": v["cpe"], "placeholder": v["nan"],
                        "peer": p[0] if p else None, "peer_ips": p[1]["ips"] if p else None,
                        "ratio": v["ips"] / p[1]["ips"] if p and p[1]["ips"] > 0 else None,
                        "roof": roofline(res, f, d, size),
                    })
    return rows


def g(x):
    return "-" if x is None else "%.3f" % (x / 1e9)


def format_tables(rows, ctx, markdown=False, group=lambda r: "size " + r["size"]):
    """One table per (ISA, group(row))."""
    out = []
    groups = []
    for r in rows:
        k = (r["isa"], group(r))
        if k not in groups:
            groups.append(k)
    head = ("function", "dir", "size", "vact Gelem/s", "cyc/elem", "best peer", "peer Gelem/s", "vact/peer",
            "best correct peer", "Gelem/s", "vact/correct", "memcpy-bound Gelem/s", "note")
    left = (0, 1, 2, 5, 8, 12)
    for isa, gname in groups:
        sel = [r for r in rows if r["isa"] == isa and group(r) == gname]
        with_peer = [r for r in sel if r["ratio"] is not None and not r["placeholder"]]
        wins = sum(1 for r in with_peer if r["ratio"] >= 1.0)
        nph = sum(1 for r in sel if r["placeholder"])
        title = "%s, %s: vact >= best peer in %d of %d comparisons" % (isa, gname, wins, len(with_peer))
        with_c = [r for r in sel if r["cratio"] is not None and not r["placeholder"]]
        if any(r["cpeer"] is not None for r in sel):
            title += "; >= best correct peer in %d of %d" % (sum(1 for r in with_c if r["cratio"] >= 1.0),
                                                            len(with_c))
        if nph:
            title += " (%d placeholder results not counted)" % nph
        table = []
        for r in sel:
            table.append((r["func"], r["dir"], r["size"], g(r["vact"]), "%.2f" % r["cpe"], r["peer"] or "-",
                          g(r["peer_ips"]), "-" if r["ratio"] is None else "%.2fx" % r["ratio"],
                          r["cpeer"] or "-", g(r["cpeer_ips"]), "-" if r["cratio"] is None else "%.2fx" % r["cratio"],
                          g(r["roof"]),
                          "placeholder (NaN output)" if r["placeholder"] else ""))
        out.append(render(title, head, table, markdown, left))
    return "\n".join(out)


SUMMARY_SIZES = ("4096", "4x4000", "64x64")


def summary(rows, ctx, markdown=False):
    """The n = 4096 comparison (rows of 4000 for the row-wise functions, 64 x 64 for prelu)."""
    sel = [r for r in rows if r["size"] in SUMMARY_SIZES]
    return format_tables(sel, ctx, markdown, group=lambda r: "summary at n=4096 (rows 4x4000, prelu 64x64)")


# The chart's gnuplot script: CHART_GP once, PANEL_GP per ISA (data: a file
# with the columns label vact peer ratio peername correct), then
# "unset multiplot". Fields in braces are filled by str.format.
CHART_GP = """\
set terminal pngcairo noenhanced size {width},{height} font "DejaVu Sans,10"
set output "{png}"
set multiplot layout {panels},1 title "vact vs fastest peer, single thread (n={size_el}; row-wise {size_rows}; \
prelu {size_prelu}). f' = backward, [peer]; placeholder kernels (NaN output) omitted" font ",13"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set logscale y 10
set yrange [0.05:*]
set ylabel "Gelem/s (log)"
set grid ytics mytics
set xtics rotate by -60 left nomirror font ",9"
set key above
set bmargin 10
set rmargin 8
set datafile separator whitespace
"""
PANEL_GP = """\
set title "{isa}: vact >= fastest peer in {wins} of {n}   (numbers: vact / peer, red when < 1)" font ",12"
plot "{data}" using 2:xtic(1) title "vact" lc rgb "#1f77b4", \
"" using 3 title "fastest peer at the same ISA (oneDNN, XNNPACK, SLEEF, Eigen, libm)" lc rgb "#ff7f0e", \
"" using 6 title "fastest peer within the docs/contract.md bounds (2nd name; none: no such peer)" lc rgb "#2ca02c", \
"" using ($0):($2 > $3 ? $2 : $3):(sprintf("%.2f", $4)):($4 < 1 ? 0xcc0000 : 0x006400) \
with labels offset 0,0.6 font ",8" rotate by 90 left tc rgb variable notitle
"""


def chart(rows, ctx, png, size_el="4096", size_rows="4x4000", size_prelu="64x64"):
    """Grouped bars (log scale): vact vs the fastest peer, one panel per ISA, at
    n = size_el for elementwise functions (size_rows / size_prelu for the row-wise
    ones and prelu); only the function/direction pairs that have a peer."""
    isas = [i for i in ISA_ORDER if i != "scalar" and any(r["isa"] == i for r in rows)]
    if not isas:
        return False
    wanted = {size_el, size_rows, size_prelu}
    tmp = tempfile.mkdtemp(prefix="vact_bench_")
    panels = []
    for isa in isas:
        sel = [r for r in rows if r["isa"] == isa and r["size"] in wanted and r["ratio"] is not None
               and not r["placeholder"]]
        if not sel:
            continue
        path = os.path.join(tmp, isa + ".dat")
        with open(path, "w") as f:
            f.write("label vact peer ratio peername correct\n")
            for r in sel:
                lab = r["func"] + ("" if r["dir"] == "fwd" else "'") + " [" + r["peer"] + "]"
                if r["cpeer_ips"]:
                    lab += " [" + r["cpeer"] + "]"
                f.write('"%s" %.6g %.6g %.3f "%s" %s\n' % (lab, r["vact"] / 1e9, r["peer_ips"] / 1e9, r["ratio"],
                                                       r["peer"], "%.6g" % (r["cpeer_ips"] / 1e9)
                                                       if r["cpeer_ips"] else "NaN"))
        wins = sum(1 for r in sel if r["ratio"] >= 1)
        panels.append((isa, path, len(sel), wins))
    if not panels:
        return False
    width = max(1400, 26 * max(p[2] for p in panels) + 200)
    gp = CHART_GP.format(width=width, height=520 * len(panels), png=png, panels=len(panels),
                         size_el=size_el, size_rows=size_rows, size_prelu=size_prelu)
    for isa, path, n, wins in panels:
        gp += PANEL_GP.format(isa=isa.upper(), wins=wins, n=n, data=path)
    gp += "unset multiplot\n"
    script = os.path.join(tmp, "chart.gp")
    with open(script, "w") as f:
        f.write(gp)
    r = subprocess.run(["gnuplot", script], capture_output=True, text=True)
    if r.returncode != 0:
        sys.stderr.write("gnuplot failed:\n" + r.stderr)
        return False
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("json", nargs="+")
    ap.add_argument("--png", help="write the chart here (gnuplot)")
    ap.add_argument("--md", help="write the tables as markdown here")
    ap.add_argument("--isa", help="comma-separated ISAs to print (default: all)")
    ap.add_argument("--sizes", help="comma-separated sizes to print (default: all)")
    ap.add_argument("--accuracy", help="CSV of vact_peer_accuracy --csv: adds the fastest peer within the bounds")
    ap.add_argument("--ops", help="CSV of scripts/kernel_ops.py: adds the issue-limit table")
    a = ap.parse_args()
    res, ctx = load(a.json)
    if not res:
        sys.exit("bench_report: no results in " + " ".join(a.json))
    acc = load_accuracy(a.accuracy) if a.accuracy and os.path.exists(a.accuracy) else None
    rows = build_rows(res, a.isa.split(",") if a.isa else None, a.sizes.split(",") if a.sizes else None, acc)
    print("vact %s; TSC %s GHz; cyc/elem = %s; mode %s; medians of the repetitions"
          % ("ISAs " + ctx.get("vact_isas", "?"), ctx.get("tsc_ghz", "?"), ctx.get("cpe_definition", "?"),
             ctx.get("mode", "?")))
    print(format_tables(rows, ctx))
    print(summary(build_rows(res, None, None, acc), ctx))
    ops = load_ops(a.ops) if a.ops and os.path.exists(a.ops) else None
    if ops:
        print(limits(build_rows(res, None, None, acc), res, ops))
    if a.md:
        with open(a.md, "w") as f:
            f.write(summary(build_rows(res, None, None, acc), ctx, markdown=True) + "\n")
            if ops:
                f.write(limits(build_rows(res, None, None, acc), res, ops, markdown=True) + "\n")
            f.write(format_tables(rows, ctx, markdown=True) + "\n")
    if a.png:
        all_rows = build_rows(res, None, None, acc)
        if chart(all_rows, ctx, a.png):
            print("chart: " + a.png)


if __name__ == "__main__":
    main()
