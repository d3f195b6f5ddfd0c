#!/usr/bin/env bash
# Build and run the vact benchmark suite, then print both vact tiers (vact,
# vact_fast) vs the fastest peer and the fastest correct peer, with the
# targets at n = 4096 for x uniform in [-10, 10] and normal (sigma 2), then per
# function and size, and draw a PNG chart (scripts/bench_report.py).
#
#   scripts/bench_report.sh [--full] [--build-dir DIR] [--out DIR] [--reps N]
#                           [--filter REGEX] [--no-build] [--isa LIST] [--sizes LIST]
#                           [--t16] [--min-time SECONDS]
#
#   --full        every size on every ISA, 16M everywhere, bigger row batches, both input
#                 distributions everywhere, 0.2 s per run (about an hour instead of about 8 min)
#   --build-dir   CMake build dir (default: build/bench; configured with
#                 -DVACT_BUILD_BENCH=ON -DVACT_BUILD_TESTS=OFF if it has no cache)
#   --out         where the JSON, logs, tables and chart go (default: BUILD_DIR/bench-report)
#   --reps        rounds (default 5): every benchmark runs once per round, in comparison groups
#                 (vact_bench --vb_shuffle=ROUND); medians over the rounds are reported, and
#                 every ratio is the median of its per-round ratios
#   --filter      Google Benchmark --benchmark_filter regex (e.g. '/4096(\.n)?$': SIZE ".n" = normal x)
#   --isa/--sizes restrict the printed tables (e.g. --isa avx512,avx2 --sizes 4096,4096.n,4x4000)
#   --min-time    Google Benchmark --benchmark_min_time per run in seconds (default 0.03, --full and
#                 --t16 0.2)
#   --t16         only the "bf16 and f16" section (issue 10), in BUILD_DIR/bench-report-t16 by
#                 default: the bf16/f16 runs of vact and of the peers (oneDNN bf16, XNNPACK f16)
#                 at n = 4096 and 16M on the SIMD ISAs, vact's f32 at 16M and the memcpy roofline
#                 at 16M (vact_bench --full, restricted by a generated filter), then per ISA:
#                 vact / fastest peer in the same type at 4096 (target >= 1.0) and at 16M,
#                 vact 16-bit / vact f32 at 16M (target >= 1.6; from the vact_pair rows, which
#                 alternate the two calls in one benchmark, bench/README.md) and the counts
#                 met / missed.
#                 --filter is then a regex over function names (whole name, e.g. 'gelu|sigmoid|relu'
#                 or 'gelu.*'); default: every elementwise function of src/common/functions.def
#                 (since 2026-12-07; before, the transcendental ones and relu, leaky_relu,
#                 hard_swish). --isa restricts the ISAs run (default avx512,avx2,neon).
#                 No accuracy, ops or chart. About 17 min with 3 rounds (0.2 s each) on the
#                 2-core machine; --filter 'gelu|sigmoid|relu' --reps 3 under 2 min.
#
# Pass 1 runs everything (vact on every ISA; SLEEF and Eigen at AVX-512 and
# AVX2; oneDNN and XNNPACK at their best ISA). On a machine with AVX-512,
# pass 2 runs oneDNN (ONEDNN_MAX_CPU_ISA=AVX2) and XNNPACK (cpuinfo cap) at
# AVX2 so the AVX2 comparison is fair, and every other AVX2 row (vact's,
# SLEEF's, Eigen's, the expressions and the issue-limit loops:
# --vact_at_peer_isa), so both sides of an AVX2 ratio come from one process;
# pass 1 then leaves the AVX2 rows out (vact_bench --vb_skip_isa=avx2).
# Everything is single-threaded.
# vact_peer_accuracy (a few seconds) measures the max ULP error of vact and of
# each peer on ~1.3M inputs; the report names, next to the fastest peer, the
# fastest peer within docs/contract.md's bounds ("best correct peer") and appends the
# accuracy table (bench_report.txt / .md; peer_accuracy.md / .csv on their own).
# The header gives the load average (uptime) before pass 1 and after the last
# pass, with a warning when the 1-minute load is above 1.0 at either point
# (at the end, the benchmark's own thread accounts for about 1.0); build first
# (or use --no-build with an up-to-date build) so that a compile is not in the
# start figure.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build/bench"
out=""
reps=5
full=""
filter=""
nobuild=0
t16=0
t16_isas="avx512,avx2,neon"
min_time=""
report_args=()
# --t16's default functions: every elementwise one (VACT_EW in functions.def)
T16_FUNCS=$(grep -o '^VACT_EW([a-z_0-9]*' "$root/src/common/functions.def" | sed 's/^VACT_EW(//' | paste -sd '|')
while [ $# -gt 0 ]; do
    case "$1" in
    --full) full="--full" ;;
    --build-dir) build=$(realpath -m "$2"); shift ;;
    --out) out=$(realpath -m "$2"); shift ;;
    --reps) reps="$2"; shift ;;
    --filter) filter="$2"; shift ;;
    --no-build) nobuild=1 ;;
    --isa) report_args+=(--isa "$2"); t16_isas="$2"; shift ;;
    --t16) t16=1 ;;
    --min-time) min_time="$2"; shift ;;
    --sizes) report_args+=(--sizes "$2"); shift ;;
    -h | --help) sed -n '2,/^set /{/^#/p}' "$0"; exit 0 ;;
    *) echo "bench_report.sh: unknown argument $1" >&2; exit 2 ;;
    esac
    shift
done
if [ "$t16" = 1 ]; then
    [ -n "$out" ] || out="$build/bench-report-t16"
    # 16-bit runs (any impl) at 4096 and 16M, vact's f32 at 16M, the 16M roofline; uniform x only
    funcs="${filter:-$T16_FUNCS}"
    isare="(${t16_isas//,/|})"
    filter="^($funcs)\.(bf16|f16)/(fwd|bwd)/[^/]+/$isare/(4096|16777216)\$|^($funcs)/(fwd|bwd)/vact/$isare/16777216\$"
    filter+="|^memcpy/fwd/roofline/any/16777216\$"
    full="--full" # registers 16M for every function
    report_args+=(--t16)
fi
[ -n "$out" ] || out="$build/bench-report"
mkdir -p "$out"
case "$reps" in
'' | *[!0-9]* | 0) echo "bench_report.sh: --reps takes a number of rounds >= 1" >&2; exit 2 ;;
esac

if [ "$nobuild" = 0 ]; then
    if [ ! -f "$build/CMakeCache.txt" ]; then
        cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DVACT_BUILD_BENCH=ON -DVACT_BUILD_TESTS=OFF >/dev/null
    fi
    cmake --build "$build" --target vact_bench vact_peer_accuracy -j2 >"$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
fi
bench="$build/bench/vact_bench"
[ -x "$bench" ] || { echo "bench_report.sh: $bench not found (configure with -DVACT_BUILD_BENCH=ON)" >&2; exit 1; }

# Rounds: each runs every benchmark once (pass 1, then pass 2), in the
# comparison groups of vact_bench --vb_shuffle=ROUND (one report row's
# implementations, ISAs and types one after another, groups and members in
# a random order), so the two sides of a ratio run seconds apart. The report
# takes each benchmark's median over the rounds and each ratio's median over
# the per-round ratios.
common=(--benchmark_out_format=json)
fargs=()
[ -n "$filter" ] && fargs=(--benchmark_filter="$filter")
common+=("${fargs[@]}")
[ -n "$min_time" ] && common+=(--benchmark_min_time="$min_time")
export OMP_NUM_THREADS=1

n2=0
if grep -q avx512 /proc/cpuinfo 2>/dev/null; then
    n2=$("$bench" $full --peer_isa=avx2 --vact_at_peer_isa "${fargs[@]}" --benchmark_list_tests 2>/dev/null | wc -l)
fi
p1=()
[ "$n2" -gt 0 ] && p1=(--vb_skip_isa=avx2)
rm -f "$out"/pass1*.json "$out"/pass2_avx2*.json "$out"/pass1*.log "$out"/pass2_avx2*.log
start=$(date +%s)
uptime_start=$(uptime)
echo "load: $uptime_start"
[ "$t16" = 1 ] && echo "t16 filter: $filter"
echo "$reps rounds of pass 1 ($("$bench" $full "${p1[@]}" "${fargs[@]}" --benchmark_list_tests 2>/dev/null | wc -l) benchmarks: $bench $full)$(
    [ "$n2" -gt 0 ] && echo " and pass 2 (oneDNN and XNNPACK capped to AVX2, and every AVX2 row: $n2 benchmarks)") -> $out/pass1_rN.json, pass2_avx2_rN.json"
jsons=()
for r in $(seq 1 "$reps"); do
    "$bench" $full "${p1[@]}" --vb_shuffle="$r" "${common[@]}" --benchmark_out="$out/pass1_r$r.json" >"$out/pass1_r$r.log" 2>&1 ||
        { tail -20 "$out/pass1_r$r.log"; exit 1; }
    jsons+=("$out/pass1_r$r.json")
    if [ "$n2" -gt 0 ]; then
        ONEDNN_MAX_CPU_ISA=AVX2 "$bench" $full --peer_isa=avx2 --vact_at_peer_isa --vb_shuffle="$r" "${common[@]}" \
            --benchmark_out="$out/pass2_avx2_r$r.json" >"$out/pass2_avx2_r$r.log" 2>&1 || { tail -20 "$out/pass2_avx2_r$r.log"; exit 1; }
        jsons+=("$out/pass2_avx2_r$r.json")
    fi
    echo "  round $r done at $(($(date +%s) - start)) s"
done
uptime_end=$(uptime)
echo "benchmarks took $(($(date +%s) - start)) s; load: $uptime_end"

if [ "$t16" = 1 ]; then
    /usr/bin/python3 "$root/scripts/bench_report.py" "${jsons[@]}" --md "$out/bench_report.md" \
        --uptime-start "$uptime_start" --uptime-end "$uptime_end" "${report_args[@]}" | tee "$out/bench_report.txt"
    exit 0
fi

acc="$build/bench/vact_peer_accuracy"
acc_args=()
if [ -x "$acc" ]; then
    echo "accuracy: $acc -> $out/peer_accuracy.md, $out/peer_accuracy.csv"
    if "$acc" --csv "$out/peer_accuracy.csv" >"$out/peer_accuracy.md" 2>"$out/peer_accuracy.log"; then
        acc_args=(--accuracy "$out/peer_accuracy.csv")
    else
        echo "bench_report.sh: vact_peer_accuracy failed (see $out/peer_accuracy.log)" >&2
    fi
else
    echo "bench_report.sh: $acc not found, no accuracy table" >&2
fi

ops_args=()
if /usr/bin/python3 "$root/scripts/kernel_ops.py" "$build" --csv "$out/kernel_ops.csv" 2>"$out/kernel_ops.log"; then
    ops_args=(--ops "$out/kernel_ops.csv")
fi

/usr/bin/python3 "$root/scripts/bench_report.py" "${jsons[@]}" --png "$out/bench_report.png" \
    --md "$out/bench_report.md" --uptime-start "$uptime_start" --uptime-end "$uptime_end" \
    "${acc_args[@]}" "${ops_args[@]}" "${report_args[@]}" | tee "$out/bench_report.txt"

if [ ${#acc_args[@]} -gt 0 ]; then
    for f in "$out/bench_report.txt" "$out/bench_report.md"; do
        if [ -f "$f" ]; then { printf '\n## Accuracy (vact_peer_accuracy)\n\n'; cat "$out/peer_accuracy.md"; } >>"$f"; fi
    done
    printf '\n## Accuracy (vact_peer_accuracy)\n\n'
    cat "$out/peer_accuracy.md"
fi
