# The `consumer` test: install this build tree into a temporary prefix, then
# build and run tests/consumer/main.c against it
#   1. with CMake: find_package(vact) + vact::vact (and vact::vact_static),
#   2. with pkg-config: cc main.c $(pkg-config --cflags --libs vact),
# then move the prefix to another directory and do both again: vact.pc and
# the CMake package must follow the move (pkg-config's paths are checked to
# lie inside the moved prefix).
#   cmake -DBUILD_DIR=<build> -DWORK_DIR=<scratch> -DSRC_DIR=tests/consumer
#         -DCC=<cc> -DLIBDIR=<CMAKE_INSTALL_LIBDIR> [-DCONFIG=<cfg>]
#         [-DGENERATOR=<gen>] [-DC_FLAGS=...] [-DLINKER_FLAGS=...]
#         [-DPKG_CONFIG=<pkg-config>] -P run.cmake
# WORK_DIR (in the build tree) is emptied first, removed on success.
# Without pkg-config it prints VACT_CONSUMER_SKIPPED (the test is skipped).
cmake_minimum_required(VERSION 3.25)
foreach(v BUILD_DIR WORK_DIR SRC_DIR CC LIBDIR)
  if(NOT DEFINED ${v} OR "${${v}}" STREQUAL "")
    message(FATAL_ERROR "consumer/run.cmake: -D${v}=... is required")
  endif()
endforeach()
separate_arguments(c_flags UNIX_COMMAND "${C_FLAGS}")
separate_arguments(ld_flags UNIX_COMMAND "${LINKER_FLAGS}")
set(warn -Wall -Wextra -Werror)

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE r OUTPUT_VARIABLE o ERROR_VARIABLE o)
  if(NOT r EQUAL 0)
    string(REPLACE ";" " " cmd "${ARGN}")
    message(FATAL_ERROR "consumer: `${cmd}` failed (${r}):\n${o}")
  endif()
  string(STRIP "${o}" o)
  set(run_out "${o}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
set(prefix ${WORK_DIR}/prefix)
set(install_args --install ${BUILD_DIR} --prefix ${prefix})
if(CONFIG)
  list(APPEND install_args --config ${CONFIG})
endif()
run(${CMAKE_COMMAND} ${install_args})

# only the installed vact.pc: PKG_CONFIG_LIBDIR replaces the default search path
unset(ENV{PKG_CONFIG_PATH})
unset(ENV{PKG_CONFIG_SYSROOT_DIR})

# Build and run main.c against the vact installed in `pfx`; `tag` names the
# build directories.
function(consume pfx tag)
  # 1. CMake: find_package(vact), shared and static
  set(gen)
  if(GENERATOR)
    set(gen -G ${GENERATOR})
  endif()
  string(REPLACE ";" " " cflags_str "${c_flags};${warn}")
  string(REPLACE ";" " " ldflags_str "${ld_flags}")
  set(bdir ${WORK_DIR}/cmake-${tag})
  run(${CMAKE_COMMAND} -S ${SRC_DIR} -B ${bdir} ${gen} -DCMAKE_BUILD_TYPE=Release
      -DCMAKE_C_COMPILER=${CC} -DCMAKE_PREFIX_PATH=${pfx} -DVACT_EXPECT_PREFIX=${pfx}
      "-DCMAKE_C_FLAGS=${cflags_str}" "-DCMAKE_EXE_LINKER_FLAGS=${ldflags_str}")
  run(${CMAKE_COMMAND} --build ${bdir})
  foreach(exe consumer consumer_static)
    run(${bdir}/${exe}) # the build tree's RPATH points at ${pfx}'s library
    message(STATUS "${tag}: find_package(vact) ${exe}: ${run_out}")
  endforeach()
  if(NOT PKG_CONFIG)
    return()
  endif()

  # 2. pkg-config: every -I/-L must lie inside pfx
  set(ENV{PKG_CONFIG_LIBDIR} ${pfx}/${LIBDIR}/pkgconfig)
  run(${PKG_CONFIG} --cflags --libs vact)
  string(STRIP "${run_out}" pc)
  message(STATUS "${tag}: pkg-config --cflags --libs vact: ${pc}")
  separate_arguments(pc UNIX_COMMAND "${pc}")
  file(REAL_PATH ${pfx} real_pfx)
  set(dirs 0)
  foreach(a IN LISTS pc)
    if(a MATCHES "^-[IL](.+)$")
      math(EXPR dirs "${dirs} + 1")
      file(REAL_PATH "${CMAKE_MATCH_1}" d)
      string(FIND "${d}/" "${real_pfx}/" pos)
      if(NOT pos EQUAL 0)
        message(FATAL_ERROR "consumer: pkg-config gives ${a} (${d}), outside the prefix ${pfx}")
      endif()
    endif()
  endforeach()
  if(NOT dirs EQUAL 2)
    message(FATAL_ERROR "consumer: pkg-config gives ${dirs} -I/-L paths, expected 2: ${pc}")
  endif()
  set(exe ${WORK_DIR}/consumer-pc-${tag})
  run(${CC} ${c_flags} ${warn} ${SRC_DIR}/main.c ${pc} ${ld_flags} -o ${exe})
  run(${CMAKE_COMMAND} -E env LD_LIBRARY_PATH=${pfx}/${LIBDIR} ${exe})
  message(STATUS "${tag}: pkg-config consumer: ${run_out}")
endfunction()

consume(${prefix} installed)
set(moved ${WORK_DIR}/moved-elsewhere)
file(RENAME ${prefix} ${moved})
consume(${moved} moved)

if(NOT PKG_CONFIG)
  message("VACT_CONSUMER_SKIPPED: pkg-config not found (the find_package part passed)")
  return()
endif()
file(REMOVE_RECURSE ${WORK_DIR})
