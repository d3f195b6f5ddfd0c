#!/bin/sh
# Regenerate tests/golden/golden.bin from the scalar path (run on x86), then
# check it against every ISA of this machine with test_golden.
#   scripts/make_golden.sh [BUILD_DIR]    (default: build/golden)
# Commit the new tests/golden/golden.bin once the kernels are final.
set -eu
case $(uname -m) in x86_64|amd64) ;; *) echo "note: the golden file is meant to be written on x86 (scalar path)" >&2 ;; esac
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$src/build/golden"}
cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DVACT_BUILD_TESTS=ON >/dev/null
cmake --build "$build" --target make_golden test_golden -j2
mkdir -p "$src/tests/golden"
"$build/tests/make_golden" "$src/tests/golden/golden.bin.tmp"
mv "$src/tests/golden/golden.bin.tmp" "$src/tests/golden/golden.bin"
"$build/tests/test_golden" "$src/tests/golden/golden.bin" | grep -E "^(golden|note|GOLDEN .*DIFFERS|  FAIL)|PASSED|FAILED" || true
echo "golden file: $src/tests/golden/golden.bin ($(wc -c < "$src/tests/golden/golden.bin") bytes)"
