#!/usr/bin/env bash
# Builds the libFuzzer target tests/fuzz/fuzz_vact.c (the fuzz preset: clang,
# ASan + UBSan) and runs it for SECONDS (default 60) on a copy of the seed
# corpus tests/fuzz/corpus/ (the tree stays clean; scripts/fuzz_corpus.py
# rewrites the seeds). Exits non-zero on a crash, a difference between ISAs
# or a timeout; the input is kept in build/fuzz/artifacts/ with the command
# that replays it. Skips (exit 0) when clang with libFuzzer is missing.
#   scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
if ! command -v clang >/dev/null; then
  echo "fuzz: skipped (no clang)"
  exit 0
fi
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; return (int)(n & 0); }\n' \
  >"$probe/p.c"
if ! clang -fsanitize=fuzzer,address,undefined "$probe/p.c" -o "$probe/p" 2>/dev/null; then
  echo "fuzz: skipped (clang without libFuzzer / sanitizer runtimes)"
  exit 0
fi
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
bin=build/fuzz/tests/fuzz/fuzz_vact
work=$(mktemp -d)
trap 'rm -rf "$probe" "$work"' EXIT
mkdir -p "$work/corpus" "$work/art"
cp tests/fuzz/corpus/* "$work/corpus/"
echo "fuzz: $bin for ${secs}s on $(ls "$work/corpus" | wc -l) seeds"
status=0
"$bin" -max_total_time="$secs" -max_len=4096 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$work/art/" "$work/corpus" >"$work/log" 2>&1 || status=$?
grep -E '^(stat::|Done )' "$work/log" || true
if [ "$status" != 0 ]; then
  tail -n 60 "$work/log" >&2
  mkdir -p build/fuzz/artifacts
  for f in "$work"/art/*; do
    [ -e "$f" ] || continue
    cp "$f" build/fuzz/artifacts/
    echo "fuzz: FAILED; replay with: $bin build/fuzz/artifacts/$(basename "$f")" >&2
  done
  exit "$status"
fi
echo "fuzz: no crash in ${secs}s"
