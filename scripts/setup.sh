#!/usr/bin/env bash
# Installs everything vact needs on Debian 12 / Ubuntu (run as root).
#   VACT_SETUP_MINIMAL=1  only the build + test dependencies
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
pkgs=(build-essential cmake pkg-config libcmocka-dev libmpfr-dev libsimde-dev
      gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user
      # examples/mlp and its tests (mlp_smoke, mlp_isa_same)
      libopenblas-dev zlib1g-dev dataset-fashion-mnist
      clang) # clang: the libFuzzer target (scripts/fuzz.sh)
if [ "${VACT_SETUP_MINIMAL:-0}" != 1 ]; then
  # benchmark suite, peers and the report's chart
  pkgs+=(g++ libbenchmark-dev libxnnpack-dev libpthreadpool-dev libdnnl-dev libsleef-dev
         libeigen3-dev libcpuinfo-dev gnuplot-nox python3)
fi
# cmocka for the AArch64 test build (run under qemu-aarch64) comes from
# Debian's arm64 packages through multiarch
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  $SUDO dpkg --add-architecture arm64
fi
pkgs+=(libcmocka-dev:arm64)
$SUDO apt-get update -qq
# libFuzzer and clang's sanitizer runtimes: their own package on Debian 12
# (only recommended by clang), inside libclang-common-*-dev on older releases
if apt-cache show libclang-rt-dev >/dev/null 2>&1; then pkgs+=(libclang-rt-dev); fi
$SUDO apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
echo "setup: installed ${#pkgs[@]} packages"
