#!/bin/sh
# Every f32 bit pattern (2^32) through AVX512-BF16's vcvtne2ps2bf16 against
# vact's bf16 rounding (tests/bf16_hw.c): the same bits except on subnormals
# and NaNs, the inputs src/avx512/vocab.h sends to the integer rounding.
# By hand (~10 s); CI runs a 2^25 sample (bf16_hw). Exit 77: no AVX512-BF16.
#   scripts/check_bf16_hw.sh [BUILD_DIR]   (default build/release)
set -eu
dir=${1:-build/release}
exec nice "$dir/tests/bf16_hw" --all
