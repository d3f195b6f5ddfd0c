#!/usr/bin/env bash
# Builds and runs the whole test suite: release and ASan+UBSan presets
# (native: scalar, AVX2, AVX-512 and SIMDe-NEON where the CPU has them), the
# ThreadSanitizer preset (dispatch and thread tests only), the AArch64 cross
# build under qemu when its toolchain is installed, then the libFuzzer target
# for 60 s (scripts/fuzz.sh; skipped without clang; VACT_FUZZ_SECONDS).
set -euo pipefail
cd "$(dirname "$0")/.."
presets=(release asan)
if command -v aarch64-linux-gnu-gcc >/dev/null && command -v qemu-aarch64 >/dev/null \
   && grep -q '"aarch64"' CMakePresets.json; then
  presets+=(aarch64)
fi
for p in "${presets[@]}"; do
  echo "=== preset $p === (${SECONDS} s)"
  cmake --preset "$p" >/dev/null
  cmake --build --preset "$p"
  ctest --preset "$p" -j2
  if [ "$p" = asan ]; then
    # ThreadSanitizer: the dispatch and thread tests only, without the
    # SIMDe-NEON table they do not use (CI time). Kernels
    # with high mmap ASLR entropy make TSan die with "unexpected memory
    # mapping": then run without ASLR (setarch -R).
    echo "=== preset tsan === (${SECONDS} s)"
    cmake --preset tsan >/dev/null
    cmake --build --preset tsan
    run=()
    if ! probe=$(build/tsan/tests/test_threads --probe 2>&1); then
      if grep -q "unexpected memory mapping" <<<"$probe" && command -v setarch >/dev/null; then
        echo "tsan: unexpected memory mapping; running under setarch -R (no ASLR)"
        run=(setarch "$(uname -m)" -R)
      else
        echo "$probe" >&2
        exit 1
      fi
    fi
    "${run[@]}" ctest --preset tsan -R 'dispatch|threads'
  fi
done
echo "=== fuzz === (${SECONDS} s)"
bash scripts/fuzz.sh "${VACT_FUZZ_SECONDS:-60}"
echo "=== all presets passed: ${presets[*]} tsan, fuzz === (${SECONDS} s)"
