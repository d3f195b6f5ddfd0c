#!/usr/bin/env bash
# The exhaustive accuracy sweep (not in CI): every float through every
# function of a tier on each ISA, forward and backward (dy = 1), against the
# double references (tests/ulp_sweep.c). The README's fast-tier column comes
# from this. About a minute or more per function and ISA on 2 cores.
#   scripts/ulp_sweep.sh [--tier fast|accurate] [--isa avx512]... [--stride S] [--set K] [NAME...]
# (--set K: each function's K-th test parameter set, 0-based, where it has
# one; default its first. swish's first, beta = 1, runs silu's kernels:
# sweep swish's own with --set 1.)
# Default: the fast tier, every ISA of this machine (the scalar path, much
# slower, at stride VACT_SWEEP_SCALAR_STRIDE, default 61: every 61st pattern).
# Output: build/release/sweep-TIER.txt (and stdout).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset release >/dev/null
cmake --build build/release --target ulp_sweep -j2 >/dev/null
tier=fast
args=()
isas=()
names=()
while [ $# -gt 0 ]; do
  case "$1" in
    --tier) tier=$2; shift 2 ;;
    --isa) isas+=("$2"); shift 2 ;;
    --stride) args+=(--stride "$2"); shift 2 ;;
    --set) args+=(--set "$2"); shift 2 ;;
    *) names+=("$1"); shift ;;
  esac
done
out=build/release/sweep-$tier.txt
echo "# ulp_sweep --tier $tier, $(date -u +%FT%TZ), $(uptime)" | tee "$out"
sweep() { build/release/tests/ulp_sweep --tier "$tier" "$@" ${names[@]+"${names[@]}"} | tee -a "$out"; }
status=0
if [ ${#isas[@]} -gt 0 ]; then
  ia=()
  for i in "${isas[@]}"; do ia+=(--isa "$i"); done
  sweep "${ia[@]}" ${args[@]+"${args[@]}"} || status=1
else
  cmake --build build/release --target vact_cli -j2 >/dev/null
  ia=()
  for i in avx512 avx2 neon; do
    if build/release/vact info | grep -Eq "^$i +yes"; then ia+=(--isa "$i"); fi
  done
  # one pass for the SIMD ISAs (the references computed once per chunk)
  if [ ${#ia[@]} -gt 0 ]; then sweep "${ia[@]}" ${args[@]+"${args[@]}"} || status=1; fi
  sweep --isa scalar --stride "${VACT_SWEEP_SCALAR_STRIDE:-61}" || status=1
fi
echo "# done $(date -u +%FT%TZ), status $status" | tee -a "$out"
exit $status
