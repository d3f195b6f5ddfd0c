#!/bin/sh
# Regenerate tests/golden/golden.bin from the scalar path (run on x86), then
# check it against every ISA of this machine with test_golden.
#   scripts/make_golden.sh [--head] [BUILD_DIR]
#     --head     build from the last commit (git archive HEAD into a temporary
#                directory), ignoring uncommitted edits in the work tree
#     BUILD_DIR  default: build/golden (with --head: inside the temporary copy)
# Commit the new tests/golden/golden.bin once the kernels are final.
set -eu
case $(uname -m) in x86_64|amd64) ;; *) echo "note: the golden file is meant to be written on x86 (scalar path)" >&2 ;; esac
repo=$(cd "$(dirname "$0")/.." && pwd)
src=$repo
tmp=
if [ "${1:-}" = "--head" ]; then
  shift
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  git -C "$repo" archive HEAD | tar -x -C "$tmp"
  src=$tmp
  echo "make_golden: building commit $(git -C "$repo" rev-parse --short HEAD)"
fi
build=${1:-"$src/build/golden"}
cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DVACT_BUILD_TESTS=ON >/dev/null
cmake --build "$build" --target make_golden test_golden -j2 >/dev/null
mkdir -p "$repo/tests/golden"
"$build/tests/make_golden" "$repo/tests/golden/golden.bin.tmp"
mv "$repo/tests/golden/golden.bin.tmp" "$repo/tests/golden/golden.bin"
if "$build/tests/test_golden" "$repo/tests/golden/golden.bin" >"$build/test_golden.log" 2>&1; then
  echo "test_golden: every ISA of this machine gives the golden bits"
else
  grep -E "GOLDEN .*DIFFERS|FAIL" "$build/test_golden.log" || true
  echo "test_golden FAILED (log: $build/test_golden.log)" >&2
  exit 1
fi
echo "golden file: $repo/tests/golden/golden.bin ($(wc -c < "$repo/tests/golden/golden.bin") bytes)"
