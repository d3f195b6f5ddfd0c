#!/bin/sh
# Every f32 bit pattern (2^32) through vact_f32_to_bf16 / vact_f32_to_f16 on
# every ISA of this machine (and the NEON kernels through SIMDe), against
# tests/test_t16.c's plain-C references; every bf16 / f16 pattern back to f32.
# By hand (a few minutes); CI runs a 2^25 sample (t16_conversions).
#   scripts/check_conversions.sh [BUILD_DIR]   (default build/release)
set -eu
dir=${1:-build/release}
exec "$dir/tests/test_t16" conversions --all
