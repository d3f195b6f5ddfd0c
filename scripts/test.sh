#!/usr/bin/env bash
# Builds and runs the whole test suite: release and ASan+UBSan presets
# (native: scalar, AVX2, AVX-512 and SIMDe-NEON where the CPU has them), then
# the AArch64 cross build under qemu when its toolchain is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
presets=(release asan)
if command -v aarch64-linux-gnu-gcc >/dev/null && command -v qemu-aarch64 >/dev/null \
   && grep -q '"aarch64"' CMakePresets.json; then
  presets+=(aarch64)
fi
for p in "${presets[@]}"; do
  echo "=== preset $p ==="
  cmake --preset "$p" >/dev/null
  cmake --build --preset "$p"
  ctest --preset "$p" -j2
done
echo "=== all presets passed: ${presets[*]} ==="
