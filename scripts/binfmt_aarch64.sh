#!/usr/bin/env bash
# Lets the kernel run AArch64 executables through qemu-user (binfmt_misc), as
# systemd-binfmt does at boot on a normal Debian host with qemu-user-binfmt.
# Needed by the AArch64 test build only where no init registered it (containers,
# CI VMs): ctest itself goes through CMAKE_CROSSCOMPILING_EMULATOR, but the
# dispatch test re-executes itself (fork + exec), which needs the kernel to
# know the format. Run as root; does nothing when already registered.
set -euo pipefail
dir=/proc/sys/fs/binfmt_misc
conf=/usr/lib/binfmt.d/qemu-aarch64.conf   # from Debian's qemu-user-binfmt
if [ -e "$dir/qemu-aarch64" ]; then
  echo "binfmt: qemu-aarch64 already registered"
  exit 0
fi
if [ ! -e "$dir/register" ]; then
  mount -t binfmt_misc binfmt_misc "$dir" 2>/dev/null || true
fi
if [ ! -w "$dir/register" ] || [ ! -r "$conf" ]; then
  echo "binfmt: cannot register qemu-aarch64 (no binfmt_misc, or qemu-user-binfmt not installed)" >&2
  exit 1
fi
# the .conf line is the register string itself (:name:type:offset:magic:mask:interpreter:flags)
grep -v '^#' "$conf" | head -n1 > "$dir/register"
echo "binfmt: registered qemu-aarch64 -> $(sed -n 's/^interpreter //p' "$dir/qemu-aarch64")"
