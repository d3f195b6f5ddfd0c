# Cross-compile vact for 64-bit ARM Linux with Debian's cross toolchain, and
# run the tests under user-mode QEMU (ctest uses CMAKE_CROSSCOMPILING_EMULATOR).
#   apt-get install gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user
#   dpkg --add-architecture arm64 && apt-get update && apt-get install libcmocka-dev:arm64
#   cmake --preset aarch64 && cmake --build --preset aarch64 && ctest --preset aarch64
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)

set(VACT_CROSS_TRIPLE aarch64-linux-gnu)
set(CMAKE_C_COMPILER ${VACT_CROSS_TRIPLE}-gcc)
set(CMAKE_CXX_COMPILER ${VACT_CROSS_TRIPLE}-g++)
# multiarch: libraries of arm64 packages (libcmocka-dev:arm64) live in /usr/lib/aarch64-linux-gnu
set(CMAKE_LIBRARY_ARCHITECTURE ${VACT_CROSS_TRIPLE})

# the cross sysroot first, then / for multiarch arm64 packages; programs from the host
set(CMAKE_FIND_ROOT_PATH /usr/${VACT_CROSS_TRIPLE} /)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# With the arm64 libc installed through multiarch (libcmocka-dev:arm64 pulls
# libc6:arm64, which provides /lib/ld-linux-aarch64.so.1) qemu needs no -L.
# qemu-user 7.2 with -L hangs in a forked child (the dispatch test forks), so
# -L is only the fallback when there is no multiarch loader.
if(EXISTS /lib/ld-linux-aarch64.so.1)
  set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64)
else()
  set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64;-L;/usr/${VACT_CROSS_TRIPLE})
endif()
