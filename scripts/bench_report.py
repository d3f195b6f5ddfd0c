#!/usr/bin/python3
"""vact vs its peers: tables and a PNG chart from vact_bench JSON output.

    scripts/bench_report.py OUT.json [MORE.json ...] [--png FILE] [--md FILE]
                            [--isa avx512,avx2] [--sizes 4096,4096.n,4x4000,64x64]
                            [--accuracy peer_accuracy.csv] [--ops kernel_ops.csv]
                            [--uptime-start "$(uptime)"] [--uptime-end "$(uptime)"] [--t16]

Reads Google Benchmark JSON written by bench/vact_bench (benchmark names
FUNC/DIR/IMPL/ISA/SIZE, see bench/bench_common.h; SIZE "4096" = x uniform in
[-10, 10], "4096.n" = x normal with sigma 2), takes the median over the rounds
(files *_rN.json, scripts/bench_report.sh) or of the repetitions (or the
single run), each ratio as the median of its per-round ratios, and prints
first the targets at n = 4096 (rows of 4 x 4000, prelu 64 x 64), per ISA and input distribution: both vact
tiers (IMPL vact and vact_fast) next to the fastest peer and the fastest
correct peer, with the ratios fast tier / fastest peer (target >= 1.0),
accurate tier / fastest correct peer (target >= 1.0) and accurate tier /
fastest peer (target >= 0.6), rows missing a target marked, and a count of
the targets met and missed per tier. Then, per ISA and size, for every vact
function and direction: both tiers' throughput, the fastest peer at the same ISA
level (or without one: the plain libm loop), the ratios to it, and the
memcpy roofline for the bytes that function moves. With --accuracy (the CSV
of bench/vact_peer_accuracy) it also names the fastest peer that holds
docs/contract.md's bounds on the measured inputs (max ULP <= 2 forward, <= 4 backward,
no NaN for a finite input): "is vact the fastest correct choice?", and the
fastest peer within the fast tier's bounds (<= 4 forward, <= 8 backward ULP of
max(|r|, 2^-20)). Peers whose accuracy was not measured for a function count
as unknown, not as correct. --uptime-start / --uptime-end (the output of
uptime before and after the benchmarks) go into the header, with a warning
when the 1-minute load average is above 1.0 at either point. With --ops (scripts/kernel_ops.py: vector operations per element
of each compiled vact kernel) and the suite's "machine" benchmarks (vector
FMA and division issue rates of this core) it prints, for every function
where vact trails the fastest peer, the issue limit of vact's own
instruction stream and how close vact runs to it. When the JSON has vact's
bf16 / f16 runs (FUNC "NAME.bf16" / "NAME.f16") it adds the "bf16 and f16"
section (issue 10, x uniform): per SIMD ISA, at n = 4096 vact bf16 and f16
against the fastest peer with the same function in the same type (target
>= 1.0), at 16M against vact's own f32 function (accurate tier; target >= 1.6
elements per second) and against the peers that ran at 16M (>= 1.0), with
the 16-bit memcpy roofline and a count of the targets met and missed; --t16
prints only that section (scripts/bench_report.sh --t16 runs just what it needs).
scripts/bench_report.sh builds, runs the suite and calls this.
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile

ISA_ORDER = ["avx512", "avx2", "neon", "scalar"]
# Bytes moved per element, as in the suite (bench_common.h / bench_vact.cc).
BYTES = {"fwd": 8, "bwd": 12}
BYTES_GLU = {"fwd": 6, "bwd": 10}
# The accuracy bounds of docs/contract.md (max ULP) used to call a peer correct,
# and the fast tier's (max ULP of max(|r|, 2^-20), column max_ulp_fast).
BOUND = {"fwd": 2.0, "bwd": 4.0}
BOUND_FAST = {"fwd": 4.0, "bwd": 8.0}
# Speed targets at n = 4096: fast tier / fastest peer, accurate tier / fastest
# correct peer, accurate tier / fastest peer.
TARGET_FAST, TARGET_CORRECT, TARGET_ANY = 1.0, 1.0, 0.6
# SIZE suffix -> input distribution of x (bench_common.h)
DISTS = {"": "uniform [-10, 10]", "n": "normal (mean 0, sigma 2)"}
# Quiet-machine threshold of the 1-minute load average (the benchmark's own
# thread counts about 1.0 at the end of the run).
QUIET_LOAD = 1.0


def parse_name(run_name):
    parts = run_name.split("/")
    if len(parts) != 5:
        return None
    return dict(zip(["func", "dir", "impl", "isa", "size"], parts))


def split_size(size):
    """"4096.n" -> ("4096", "n"); "4x4000" -> ("4x4000", "")."""
    base, _, dist = size.partition(".")
    return base, dist


def dist_name(size):
    d = split_size(size)[1]
    return DISTS.get(d, "distribution " + d)


def size_key(size):
    """Sort key: elementwise n first (numeric), then ROWSxCOLS by total; uniform before normal."""
    base, dist = split_size(size)
    if "x" in base:
        r, c = base.split("x")
        return (1, int(c), int(r), dist)
    return (0, int(base), 0, dist)


def size_elems(size):
    base = split_size(size)[0]
    if "x" in base:
        r, c = base.split("x")
        return int(r) * int(c)
    return int(base)


def load(paths):
    """-> (results dict keyed by (func, dir, impl, isa, size), context of the first file).

    A file named *_rN.json is round N of scripts/bench_report.sh (one run of
    each benchmark, --vb_shuffle=N); within a round a later file replaces an
    earlier one's result (pass 2's AVX2 rows). Each result is the median over
    the rounds, and keeps its rate per round ("rounds") for ratio(). Any
    other file (e.g. Google Benchmark's own repetitions) counts as round 0,
    with the median aggregate when it has one."""
    rounds = {}
    ctx = {}
    for path in paths:
        if os.path.getsize(path) == 0:  # a pass whose filter matched nothing
            continue
        with open(path) as f:
            data = json.load(f)
        if not ctx:
            ctx = data.get("context", {})
        m = re.search(r"_r(\d+)\.json$", path)
        rnd = rounds.setdefault(int(m.group(1)) if m else 0, {})
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
            # a pair row (vact_bench's paired(): vact_pair, a 16-bit function
            # and vact's f32 one called alternately at 16M; PEER_pair, vact's
            # 16-bit function and the peer's): vact's rate and the median of
            # the per-call-pair ratios (vact's speed over the other's)
            pair = key["impl"].endswith("_pair")
            rnd[k] = {
                "ips": b.get("a_ips", 0.0) if pair else b.get("items_per_second", 0.0),
                "pair": b.get("ratio") if pair else None,
                "bps": b.get("bytes_per_second", 0.0),
                "cpe": b.get("cpe", float("nan")),
                "nan": b.get("nan_out", 0.0) >= 0.5,
            }
    ctx = dict(ctx, rounds=len([r for r in rounds if r > 0]))
    res = {}
    for k in {k for rnd in rounds.values() for k in rnd}:
        runs = {r: rnd[k] for r, rnd in rounds.items() if k in rnd}
        res[k] = {f: statistics.median(x[f] for x in runs.values()) for f in ("ips", "bps", "cpe")}
        res[k]["nan"] = sum(x["nan"] for x in runs.values()) * 2 > len(runs)
        res[k]["rounds"] = {r: x["ips"] for r, x in runs.items()}
        pr = [x["pair"] for x in runs.values() if x["pair"] is not None]
        res[k]["pair"] = statistics.median(pr) if pr else None
    return res, ctx


# the implementations that are not peers: vact's tiers, the pairs (vact's
# 16-bit / f32 ones, vact / a peer at 16M: IMPL ending in _pair), the memcpy
# roofline
NOT_PEERS = ("vact", "vact_fast", "vact_pair", "roofline")


def not_peer(impl):
    return impl in NOT_PEERS or impl.endswith("_pair")


def ratio(a, b):
    """a's rate / b's (result dicts of load()): the median of the ratios of the
    rounds both ran in (the two sides of each ratio measured seconds apart),
    else the ratio of the medians; None without b's rate."""
    if a is None or b is None:
        return None
    ra, rb = a.get("rounds", {}), b.get("rounds", {})
    both = [r for r in ra if r in rb and rb[r] > 0]
    if both:
        return statistics.median(ra[r] / rb[r] for r in both)
    return a["ips"] / b["ips"] if b["ips"] > 0 else None


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
    """-> {(func, dir, impl, isa): (max_ulp, nan, max_ulp_fast)} from vact_peer_accuracy --csv
    (max_ulp_fast is None in a CSV written before the fast tier was measured)."""
    acc = {}
    with open(path) as f:
        head = f.readline().strip().split(",")
        for line in f:
            v = dict(zip(head, line.strip().split(",")))
            if len(v) == len(head):
                fast = float(v["max_ulp_fast"]) if "max_ulp_fast" in v else None
                acc[(v["func"], v["dir"], v["impl"], v["isa"])] = (float(v["max_ulp"]), int(v["nan"]), fast)
    return acc


def peer_correct(acc, func, d, impl, isa, tier="accurate"):
    """True / False / None (not measured) for the accurate tier's bounds (tier
    "accurate") or the fast tier's (tier "fast"). oneDNN and XNNPACK are measured at
    their best ISA only; that figure stands for their capped (AVX2) runs too."""
    if acc is None:
        return None
    for k in ((func, d, impl, isa), (func, d, impl, "avx512"), (func, d, impl, "any")):
        if k in acc:
            m, nan, mf = acc[k]
            if tier == "fast":
                return None if mf is None else (mf <= BOUND_FAST[d] and nan == 0)
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
    # vact_bench runs swish at its default beta = 1, where vact runs silu's
    # kernels (src/kernels/elementwise/f_swish.h, VACT_UNIT_swish)
    for (isa, func, d) in list(ops):
        if func == "silu":
            ops[(isa, "swish", d)] = ops[(isa, func, d)]
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


# expressions (vact_expr) against the built-in they spell out (issue 11: the
# forward within 2x of the built-in's time at n = 4096)
EXPR_PAIRS = (("expr_prelu", "max(alpha*x, x)", "leaky_relu"), ("expr_swish", "x*sigmoid(beta*x)", "swish"))
EXPR_TARGET = 2.0


def expressions(res, markdown=False):
    """The expressions' time over their built-in's, per ISA, size, direction."""
    table = []
    for name, formula, builtin in EXPR_PAIRS:
        keys = sorted({(k[3], k[4], k[1]) for k in res if k[0] == name and k[2] == "vact"},
                      key=lambda t: (t[0], size_key(t[1]), t[2] != "fwd"))
        for isa, size, d in keys:
            e, b = res.get((name, d, "vact", isa, size)), res.get((builtin, d, "vact", isa, size))
            if not e or not b or not e["ips"]:
                continue
            tr = ratio(b, e)
            target = "<= %.0fx" % EXPR_TARGET if d == "fwd" else "-"
            verdict = ("met" if tr <= EXPR_TARGET else "MISS") if d == "fwd" else ""
            table.append(["`%s`" % formula if markdown else formula, builtin, isa, size, d,
                          g(e["ips"]), g(b["ips"]), "%.2fx" % tr, target, verdict])
    if not table:
        return ""
    head = ["expression", "built-in", "isa", "size", "dir", "expr Gelem/s", "built-in Gelem/s",
            "expr time / built-in", "target", ""]
    return render("Expressions against the built-in they spell out (time ratio; forward target: within 2x)",
                  head, table, markdown, {0, 1, 2, 3, 4})


def limits(rows, res, ops, markdown=False):
    """For the n = 4096 rows where vact < the fastest peer: the issue limit of
    vact's kernel = min(FMA rate / vector ops per element, division rate /
    divisions per element), with the rates measured by the machine benchmarks."""
    sel = [r for r in rows if r["size"] == "4096" and r["ratio"] is not None and r["ratio"] < 1.0
           and not r["placeholder"]]  # uniform inputs only
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


def best_peer(res, func, d, isa, size, acc=None, tier="accurate"):
    """Fastest peer at this ISA (or ISA-independent); with acc, only the
    peers measured within the bounds of that tier."""
    best = None
    for (f, dd, impl, pisa, s), r in res.items():
        if f != func or dd != d or s != size or not_peer(impl):
            continue
        if pisa != isa and pisa != "any":
            continue
        if acc is not None and peer_correct(acc, func, d, impl, pisa, tier) is not True:
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
                    fa = res.get((f, d, "vact_fast", isa, size))
                    p = best_peer(res, f, d, isa, size)
                    c = best_peer(res, f, d, isa, size, acc) if acc is not None else None
                    fc = best_peer(res, f, d, isa, size, acc, "fast") if acc is not None else None
                    measured = acc is not None and any(k[0] == f and k[1] == d and not k[2].startswith("vact")
                                                       for k in acc)
                    measured_fast = measured and any(k[0] == f and k[1] == d and not k[2].startswith("vact")
                                                     and a[2] is not None for k, a in acc.items())
                    rows.append({
                        "cpeer": c[0] if c else ("none" if measured and p else None),
                        "cpeer_ips": c[1]["ips"] if c else None,
                        "cratio": ratio(v, c[1]) if c else None,
                        "isa": isa, "size": size, "func": f, "dir": d,
                        "vact": v["ips"], "cpe": v["cpe"], "placeholder": v["nan"] or (fa is not None and fa["nan"]),
                        "fast": fa["ips"] if fa else None, "fast_cpe": fa["cpe"] if fa else None,
                        "peer": p[0] if p else None, "peer_ips": p[1]["ips"] if p else None,
                        "ratio": ratio(v, p[1]) if p else None,
                        "fratio": ratio(fa, p[1]) if p else None,
                        "fcpeer": fc[0] if fc else ("none" if measured_fast and p else None),
                        "fcpeer_ips": fc[1]["ips"] if fc else None,
                        "fcratio": ratio(fa, fc[1]) if fc else None,
                        "roof": roofline(res, f, d, size),
                    })
    return rows


def g(x):
    return "-" if x is None else "%.3f" % (x / 1e9)


def rx(x):
    return "-" if x is None else "%.2fx" % x


def format_tables(rows, ctx, markdown=False, group=lambda r: "size " + r["size"]):
    """One table per (ISA, group(row))."""
    out = []
    groups = []
    for r in rows:
        k = (r["isa"], group(r))
        if k not in groups:
            groups.append(k)
    head = ("function", "dir", "size", "vact Gelem/s", "cyc/elem", "vact_fast Gelem/s", "best peer", "peer Gelem/s",
            "vact/peer", "fast/peer", "best correct peer", "Gelem/s", "vact/correct", "memcpy-bound Gelem/s", "note")
    left = (0, 1, 2, 6, 10, 14)
    for isa, gname in groups:
        sel = [r for r in rows if r["isa"] == isa and group(r) == gname]
        with_peer = [r for r in sel if r["ratio"] is not None and not r["placeholder"]]
        wins = sum(1 for r in with_peer if r["ratio"] >= 1.0)
        nph = sum(1 for r in sel if r["placeholder"])
        title = "%s, %s: vact >= best peer in %d of %d comparisons" % (isa, gname, wins, len(with_peer))
        with_f = [r for r in with_peer if r["fratio"] is not None]
        if with_f:
            title += "; vact_fast >= best peer in %d of %d" % (sum(1 for r in with_f if r["fratio"] >= 1.0),
                                                               len(with_f))
        with_c = [r for r in sel if r["cratio"] is not None and not r["placeholder"]]
        if any(r["cpeer"] is not None for r in sel):
            title += "; >= best correct peer in %d of %d" % (sum(1 for r in with_c if r["cratio"] >= 1.0),
                                                            len(with_c))
        if nph:
            title += " (%d placeholder results not counted)" % nph
        table = []
        for r in sel:
            table.append((r["func"], r["dir"], r["size"], g(r["vact"]), "%.2f" % r["cpe"], g(r["fast"]),
                          r["peer"] or "-", g(r["peer_ips"]), rx(r["ratio"]), rx(r["fratio"]),
                          r["cpeer"] or "-", g(r["cpeer_ips"]), rx(r["cratio"]),
                          g(r["roof"]),
                          "placeholder (NaN output)" if r["placeholder"] else ""))
        out.append(render(title, head, table, markdown, left))
    return "\n".join(out)


SUMMARY_SIZES = ("4096", "4x4000", "64x64", "4096x1")


def target_misses(r):
    """-> (fast, correct, any): True = target met, False = missed, None = no comparison."""
    if r["placeholder"]:
        return None, None, None
    f = None if r["fratio"] is None else r["fratio"] >= TARGET_FAST
    c = None if r["cratio"] is None else r["cratio"] >= TARGET_CORRECT
    a = None if r["ratio"] is None else r["ratio"] >= TARGET_ANY
    return f, c, a


def summary(rows, ctx, markdown=False):
    """The targets at n = 4096 (rows of 4 x 4000 for the row-wise functions, 64 x 64
    for prelu), one table per (ISA, input distribution), only the rows with a
    peer, then the count of targets met / missed per tier."""
    sel = [r for r in rows if split_size(r["size"])[0] in SUMMARY_SIZES and r["peer"] is not None]
    groups = []
    for r in sel:
        k = (r["isa"], split_size(r["size"])[1])
        if k not in groups:
            groups.append(k)
    head = ("function", "dir", "size", "vact Gelem/s", "vact_fast Gelem/s", "fastest peer", "Gelem/s",
            "fastest correct peer", "Gelem/s", "fast/peer >=%.1f" % TARGET_FAST,
            "vact/correct >=%.1f" % TARGET_CORRECT, "vact/peer >=%.1f" % TARGET_ANY,
            "fastest fast-bound peer", "fast/it", "missed")
    left = (0, 1, 2, 5, 7, 12, 14)
    out = []
    # counts[tier target] = [met, missed]; per ISA as well
    names = ("fast tier: vact_fast / fastest peer >= %.1f" % TARGET_FAST,
             "accurate tier: vact / fastest correct peer >= %.1f" % TARGET_CORRECT,
             "accurate tier: vact / fastest peer >= %.1f" % TARGET_ANY)
    total = {k: [0, 0] for k in range(3)}
    per_isa = {}
    nph = 0
    no_correct = [0, 0]  # (SIMD) rows whose peers were all measured outside the bounds / not measured
    for isa, dist in groups:
        table = []
        for r in [r for r in sel if r["isa"] == isa and split_size(r["size"])[1] == dist]:
            t = target_misses(r)
            if r["placeholder"]:
                nph += 1
            elif isa != "scalar" and r["cratio"] is None:
                no_correct[0 if r["cpeer"] == "none" else 1] += 1
            for k in range(3):
                if t[k] is not None:
                    if isa != "scalar":  # vact's portable fallback vs the libm loop: listed, not in the totals
                        total[k][0 if t[k] else 1] += 1
                    per_isa.setdefault(isa, {j: [0, 0] for j in range(3)})[k][0 if t[k] else 1] += 1
            missed = [("fast/peer", "vact/correct", "vact/peer")[k] for k in range(3) if t[k] is False]
            note = ("MISS " + ", ".join(missed)) if missed else ""
            if r["placeholder"]:
                note = "placeholder (NaN output)"
            table.append((r["func"], r["dir"], split_size(r["size"])[0], g(r["vact"]), g(r["fast"]),
                          r["peer"] or "-", g(r["peer_ips"]), r["cpeer"] or "-", g(r["cpeer_ips"]),
                          rx(r["fratio"]), rx(r["cratio"]), rx(r["ratio"]),
                          (r["fcpeer"] or "-") if r["fast"] is not None else "-", rx(r["fcratio"]),
                          note))
        nmiss = sum(1 for t in table if t[-1].startswith("MISS"))
        title = "%s, x %s, n=4096 (rows 4x4000, prelu 64x64 and 4096x1): %d of %d rows miss a target" % (
            isa, DISTS.get(dist, dist), nmiss, len(table))
        out.append(render(title, head, table, markdown, left))
    lines = []
    for k in range(3):
        m, x = total[k]
        by = "; ".join("%s %d/%d%s" % (isa, c[k][0], c[k][0] + c[k][1], " not in the totals" if isa == "scalar" else "")
                       for isa, c in per_isa.items() if c[k][0] + c[k][1])
        lines.append("%s: met %d, missed %d%s" % (names[k], m, x, " (met/compared: " + by + ")" if by else ""))
    if no_correct[0] or no_correct[1]:
        lines.append("no vact/correct comparison in %d rows where no peer is within the bounds (vact the only "
                     "correct choice measured) and %d rows whose peers' accuracy is not measured" % tuple(no_correct))
    if nph:
        lines.append("%d placeholder results (NaN output) not counted" % nph)
    head_line = ("Targets at n=4096 per tier, both input distributions, SIMD ISAs (comparisons with a peer; "
                 "the fast tier only where the function has one; 'correct' = within docs/contract.md's bounds "
                 "as measured by vact_peer_accuracy; scalar = vact's portable fallback vs the libm loop, "
                 "listed but not in the totals):")
    if markdown:
        summ = "### Summary\n\n" + head_line + "\n\n" + "\n".join("* " + l for l in lines) + "\n"
    else:
        summ = "== Summary\n" + head_line + "\n" + "\n".join("  " + l for l in lines) + "\n"
    return summ + "\n" + "\n".join(out)


# bf16 and f16 (issue 10): at n = 4096 vact's 16-bit functions against the
# fastest peer with the same function in the same type (oneDNN bf16 eltwise,
# XNNPACK f16 operators), target >= 1.0; at 16M, where memory bounds the
# speed, against vact's own f32 function (accurate tier, same direction and
# ISA), target >= 1.6 elements per second, and against the peers (>= 1.0) where
# they ran at 16M. x uniform in [-10, 10] only. The 16M ratio to f32 is the
# paired one (vact_bench's vact_pair rows: the 16-bit and the f32 call
# alternated in one benchmark, the median of the per-pair ratios, then the
# median over the rounds), because at 16M the shared machine's memory
# bandwidth drifts by up to 40% over seconds and separate benchmarks take
# that drift into their ratio; the separate rows' ratio is printed beside it.
T16_TYPES = ("bf16", "f16")
T16_SMALL, T16_BIG = "4096", "16777216"
T16_PEER_TARGET, T16_F32_TARGET = 1.0, 1.6


def t16_funcs(res):
    """Base names of the functions with a vact bf16 / f16 result, in the order of
    src/common/functions.def (the JSON's order is random with interleaving), then
    any others alphabetically."""
    names = {f.rpartition(".")[0] for (f, d, impl, isa, size) in res
             if impl == "vact" and f.rpartition(".")[2] in T16_TYPES}
    order = []
    try:
        with open(os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                               "src", "common", "functions.def")) as f:
            for line in f:
                if line.startswith("VACT_") and "(" in line:
                    order.append(line.split("(", 1)[1].split(",")[0].split(")")[0].strip())
    except OSError:
        pass
    return [n for n in order if n in names] + sorted(names - set(order))


def t16_section(res, isas=None, markdown=False):
    """The "bf16 and f16" section: summary of the targets, then per ISA a table at
    n = 4096 (vs the fastest peer in the same type) and one at 16M (vs vact's f32
    and the peers that ran at 16M). Empty string when there is no 16-bit result."""
    funcs = t16_funcs(res)
    if not funcs:
        return ""
    all_isas = [i for i in ISA_ORDER if i != "scalar" and any(
        k[2] == "vact" and k[3] == i and k[0].rpartition(".")[2] in T16_TYPES for k in res)]
    if isas:
        all_isas = [i for i in all_isas if i in isas]
    # counts[(what, isa, type)] = [met, missed]; what: "peer4k", "f32big", "peerbig"
    counts = {}
    nopeer, nof32, nph = {}, 0, 0

    def verdict(ratio, target, what, isa, ty):
        if ratio is None:
            return "-"
        ok = ratio >= target
        counts.setdefault((what, isa, ty), [0, 0])[0 if ok else 1] += 1
        return "%.2fx %s" % (ratio, "met" if ok else "MISS")

    def peer_cells(f, d, isa, size, v, what):
        """-> (peer name, peer Gelem/s, ratio cell, missed?) for vact result v.
        Where the peers have pair rows (16M: PEER_pair, vact's call and the
        peer's alternated), the ratio is the smallest paired one over those
        peers, marked "paired"; else vact's rate over the fastest peer's."""
        p = best_peer(res, f, d, isa, size)
        if p is None:
            return "-", "-", "-", False
        if v is None or v["nan"]:
            return p[0], g(p[1]["ips"]), "-", False
        pairs = [(r["pair"], impl[:-len("_pair")], res.get((ff, dd, impl[:-len("_pair")], pisa, s)))
                 for (ff, dd, impl, pisa, s), r in res.items()
                 if ff == f and dd == d and pisa == isa and s == size and impl.endswith("_pair")
                 and impl != "vact_pair" and not r["nan"] and r["pair"]]
        if pairs:
            rp, name, pr = min(pairs, key=lambda t: t[0])
            cellv = verdict(rp, T16_PEER_TARGET, what, isa, f.rpartition(".")[2])
            return (name, g(pr["ips"]) if pr else "-", cellv.replace("x ", "x paired ", 1),
                    cellv.endswith("MISS"))
        cellv = verdict(ratio(v, p[1]), T16_PEER_TARGET, what, isa, f.rpartition(".")[2])
        return p[0], g(p[1]["ips"]), cellv, cellv.endswith("MISS")

    def vcell(v):
        return "-" if v is None else g(v["ips"]) + (" (NaN out)" if v["nan"] else "")

    out = []
    for isa in all_isas:
        # n = 4096
        table = []
        for f in funcs:
            for d in ("fwd", "bwd"):
                vs = {ty: res.get((f + "." + ty, d, "vact", isa, T16_SMALL)) for ty in T16_TYPES}
                if not any(vs.values()):
                    continue
                row, missed = [f, d], []
                for ty in T16_TYPES:
                    v = vs[ty]
                    if v is not None and v["nan"]:
                        nph += 1
                    name, pips, rc, miss = peer_cells(f + "." + ty, d, isa, T16_SMALL, v, "peer4k")
                    if v is not None and not v["nan"] and name == "-":
                        nopeer[(isa, ty)] = nopeer.get((isa, ty), 0) + 1
                    row += [vcell(v), name, pips, rc]
                    if miss:
                        missed.append(ty + "/peer")
                table.append(row + ["MISS " + ", ".join(missed) if missed else ""])
        if table:
            head = ["function", "dir"]
            for ty in T16_TYPES:
                head += ["%s Gelem/s" % ty, "fastest %s peer" % ty, "peer Gelem/s", "%s/peer >=%.1f" % (ty, T16_PEER_TARGET)]
            head.append("missed")
            nmiss = sum(1 for t in table if t[-1])
            out.append(render("%s, n=4096, bf16 and f16 vs the fastest peer in the same type: %d of %d rows miss" % (
                isa, nmiss, len(table)), head, table, markdown, {0, 1, 3, 7, 10}))
        # n = 16M
        table = []
        with_peer = any(k[3] in (isa, "any") and k[4] == T16_BIG and not not_peer(k[2])
                        and k[0].rpartition(".")[2] in T16_TYPES for k in res)
        roof = roofline(res, funcs[0] + ".bf16", "fwd", T16_BIG) is not None
        for f in funcs:
            for d in ("fwd", "bwd"):
                vs = {ty: res.get((f + "." + ty, d, "vact", isa, T16_BIG)) for ty in T16_TYPES}
                if not any(vs.values()):
                    continue
                v32 = res.get((f, d, "vact", isa, T16_BIG))
                row, missed = [f, d, vcell(v32)], []
                for ty in T16_TYPES:
                    v = vs[ty]
                    # the target's ratio: the paired row's (the two calls
                    # alternated), else the separate rows' per-round one
                    vp = res.get((f + "." + ty, d, "vact_pair", isa, T16_BIG))
                    r16 = r16u = None
                    if v is not None and v["nan"]:
                        nph += 1
                    elif v is not None and v32 is not None and not v32["nan"] and v32["ips"] > 0:
                        r16u = ratio(v, v32)
                    if vp is not None and not vp["nan"] and vp["pair"]:
                        r16 = vp["pair"]
                    elif v is not None and not v["nan"]:
                        if v32 is None:
                            nof32 += 1
                        r16 = r16u
                    cellv = verdict(r16, T16_F32_TARGET, "f32big", isa, ty)
                    if cellv.endswith("MISS"):
                        missed.append(ty + "/f32")
                    row += [vcell(v), cellv, "-" if r16u is None else "%.2fx" % r16u]
                if with_peer:
                    for ty in T16_TYPES:
                        name, pips, rc, miss = peer_cells(f + "." + ty, d, isa, T16_BIG, vs[ty], "peerbig")
                        row += [name if name == "-" else name + " " + pips, rc]
                        if miss:
                            missed.append(ty + "/peer")
                if roof:
                    row.append(g(roofline(res, f + ".bf16", d, T16_BIG)))
                table.append(row + ["MISS " + ", ".join(missed) if missed else ""])
        if table:
            head = ["function", "dir", "f32 Gelem/s"]
            for ty in T16_TYPES:
                head += ["%s Gelem/s" % ty, "%s/f32 paired >=%.1f" % (ty, T16_F32_TARGET), "%s/f32 separate" % ty]
            left = {0, 1}
            if with_peer:
                for ty in T16_TYPES:
                    left.add(len(head))
                    head += ["fastest %s peer Gelem/s" % ty, "%s/peer >=%.1f" % (ty, T16_PEER_TARGET)]
            if roof:
                head.append("16-bit memcpy-bound Gelem/s")
            left.add(len(head))
            head.append("missed")
            nmiss = sum(1 for t in table if t[-1])
            out.append(render("%s, n=16M (16777216), bf16 and f16 vs vact's own f32 (accurate tier)%s: %d of %d rows "
                              "miss" % (isa, " and the fastest peer" if with_peer else "", nmiss, len(table)),
                              head, table, markdown, left))
    if not out:
        return ""
    names = (("peer4k", "n=4096: vact / fastest peer in the same type >= %.1f" % T16_PEER_TARGET),
             ("f32big", "n=16M: vact 16-bit / vact f32 >= %.1f (elements per second)" % T16_F32_TARGET),
             ("peerbig", "n=16M: vact / fastest peer in the same type >= %.1f" % T16_PEER_TARGET))
    lines = []
    for what, title in names:
        cs = [(isa, ty, c) for (w, isa, ty), c in sorted(counts.items(), key=lambda kv: (
            ISA_ORDER.index(kv[0][1]) if kv[0][1] in ISA_ORDER else 99, kv[0][2])) if w == what]
        if not cs:
            if what != "peerbig":
                lines.append("%s: no comparison" % title)
            continue
        m = sum(c[0] for _, _, c in cs)
        x = sum(c[1] for _, _, c in cs)
        by = "; ".join("%s %s %d/%d" % (isa, ty, c[0], c[0] + c[1]) for isa, ty, c in cs)
        lines.append("%s: met %d, missed %d (met/compared: %s)" % (title, m, x, by))
    if nopeer:
        lines.append("n=4096: %d function/direction/type results have no peer in the same type on their ISA, "
                     "not counted (%s)" % (sum(nopeer.values()),
                                           "; ".join("%s %s %d" % (i, t, c) for (i, t), c in nopeer.items())))
    if nof32:
        lines.append("n=16M: %d 16-bit results without vact's f32 at 16M (not counted; run with --full or "
                     "--t16)" % nof32)
    if nph:
        lines.append("%d placeholder results (NaN output) not counted" % nph)
    head_line = ("bf16 and f16 targets (issue 10), SIMD ISAs %s, x uniform in [-10, 10], medians: at n=4096 "
                 ">= %.1fx the fastest peer with the same function in the same type (oneDNN bf16 eltwise, XNNPACK f16 "
                 "operators, where they run on this CPU); at n=16M >= %.1fx the elements per second of vact's own "
                 "f32 function (accurate tier, same direction and ISA; paired: the two calls alternated in one "
                 "benchmark, the median of the per-pair ratios)%s:" % (
                     ", ".join(all_isas), T16_PEER_TARGET, T16_F32_TARGET,
                     ", and >= %.1fx the fastest peer where one ran at 16M (paired where the peer has PEER_pair rows: "
                     "vact's call and the peer's alternated, the smallest such ratio over the peers)" % T16_PEER_TARGET
                     if any(w == "peerbig" for (w, _, _) in counts) else ""))
    if markdown:
        summ = "## bf16 and f16\n\n" + head_line + "\n\n" + "\n".join("* " + l for l in lines) + "\n"
    else:
        summ = "== bf16 and f16\n" + head_line + "\n" + "\n".join("  " + l for l in lines) + "\n"
    return summ + "\n" + "\n".join(out)


def load_header(start, end):
    """Header lines with the load averages (uptime output) and a warning when
    the 1-minute load is above QUIET_LOAD at either point."""
    def one_min(u):
        try:
            return float(u.split("load average:")[1].split(",")[0])
        except (IndexError, ValueError):
            return None
    out = []
    for what, u in (("start", start), ("end", end)):
        if u is None:
            continue
        out.append("load at %s of the benchmarks: %s" % (what, u.strip()))
        l1 = one_min(u)
        if l1 is not None and l1 > QUIET_LOAD:
            out.append("WARNING: 1-minute load average %.2f > %.1f at the %s of the run: other work shared the "
                       "machine, these are not quiet-machine figures%s" % (
                           l1, QUIET_LOAD, what,
                           " (the benchmark's own thread accounts for about 1.0 of it)" if what == "end" else ""))
    return out


# The chart's gnuplot script: CHART_GP once, PANEL_GP per ISA (data: a file
# with the columns label vact peer ratio peername correct), then
# "unset multiplot". Fields in braces are filled by str.format.
CHART_GP = """\
set terminal pngcairo noenhanced size {width},{height} font "DejaVu Sans,10"
set output "{png}"
set multiplot layout {panels},1 title "vact (accurate tier) vs fastest peer, 1 thread, x uniform [-10, 10] (n={size_el}; \
rows {size_rows}; prelu {size_prelu}). f' = backward, [peer]; NaN-output placeholders omitted" font ",12"
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
{correct_series}"" using ($0):($2 > $3 ? $2 : $3):(sprintf("%.2f", $4)):($4 < 1 ? 0xcc0000 : 0x006400) \
with labels offset 0,0.6 font ",8" rotate by 90 left tc rgb variable notitle
"""


CORRECT_SERIES = """\
"" using 6 title "fastest peer within the docs/contract.md bounds (2nd name; none: no such peer)" lc rgb "#2ca02c", \\
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
    has_correct = {}
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
        has_correct[isa] = any(r["cpeer_ips"] for r in sel)
        panels.append((isa, path, len(sel), wins))
    if not panels:
        return False
    width = max(1400, 26 * max(p[2] for p in panels) + 200)
    gp = CHART_GP.format(width=width, height=520 * len(panels), png=png, panels=len(panels),
                         size_el=size_el, size_rows=size_rows, size_prelu=size_prelu)
    for isa, path, n, wins in panels:
        # gnuplot rejects a histogram series without a valid point: the correct-peer bars
        # only when some function has a measured correct peer at this ISA
        gp += PANEL_GP.format(isa=isa.upper(), wins=wins, n=n, data=path,
                              correct_series=CORRECT_SERIES if has_correct[isa] else "")
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
    ap.add_argument("--uptime-start", help="uptime output before the benchmarks (header, load warning)")
    ap.add_argument("--uptime-end", help="uptime output after the benchmarks (header, load warning)")
    ap.add_argument("--t16", action="store_true", help="print only the bf16 and f16 section (no f32 tables, no chart)")
    a = ap.parse_args()
    res, ctx = load(a.json)
    if not res:
        sys.exit("bench_report: no results in " + " ".join(a.json))
    acc = load_accuracy(a.accuracy) if a.accuracy and os.path.exists(a.accuracy) else None
    rows = build_rows(res, a.isa.split(",") if a.isa else None, a.sizes.split(",") if a.sizes else None, acc)
    runs = ("medians of %d rounds, each ratio the median of its per-round ratios (vact_bench --vb_shuffle: "
            "the two sides of a ratio run seconds apart)" % ctx["rounds"] if ctx.get("rounds")
            else "medians of the repetitions")
    header = ["vact %s; TSC %s GHz; cyc/elem = %s; mode %s; %s; x uniform in [-10, 10] "
              "(SIZE without suffix) or normal with sigma 2 (SIZE.n), dy uniform in [-1, 1]"
              % ("ISAs " + ctx.get("vact_isas", "?"), ctx.get("tsc_ghz", "?"), ctx.get("cpe_definition", "?"),
                 ctx.get("mode", "?"), runs)]
    header += load_header(a.uptime_start, a.uptime_end)
    isas = a.isa.split(",") if a.isa else None
    t16 = t16_section(res, isas)
    if a.t16:
        print("\n".join(header) + "\n")
        print(t16 or "no bf16 / f16 results of vact in " + " ".join(a.json) + "\n")
        if a.md:
            with open(a.md, "w") as f:
                f.write("\n\n".join(header) + "\n\n" + t16_section(res, isas, markdown=True) + "\n")
        return
    print("\n".join(header) + "\n")
    print(summary(build_rows(res, None, None, acc), ctx))
    print(format_tables(rows, ctx))
    print(expressions(res))
    if t16:
        print(t16)
    ops = load_ops(a.ops) if a.ops and os.path.exists(a.ops) else None
    if ops:
        print(limits(build_rows(res, None, None, acc), res, ops))
    if a.md:
        with open(a.md, "w") as f:
            f.write("\n\n".join(header) + "\n\n")
            f.write(summary(build_rows(res, None, None, acc), ctx, markdown=True) + "\n")
            if ops:
                f.write(limits(build_rows(res, None, None, acc), res, ops, markdown=True) + "\n")
            f.write(format_tables(rows, ctx, markdown=True) + "\n")
            f.write(expressions(res, markdown=True) + "\n")
            if t16:
                f.write(t16_section(res, isas, markdown=True) + "\n")
    if a.png:
        all_rows = build_rows(res, None, None, acc)
        if chart(all_rows, ctx, a.png):
            print("chart: " + a.png)


if __name__ == "__main__":
    main()
