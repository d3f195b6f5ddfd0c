# The `exports` test: the libraries export the public API and nothing else.
#   cmake -DNM=<nm> -DCC=<C compiler> -DHEADER=include/vact.h
#         -DSHARED=libvact.so -DSTATIC=libvact.a -P check_exports.cmake
# * The public API is every function that include/vact.h declares, read from
#   the header as the compiler preprocesses it (so VACT_UNARY0/1/2 and any
#   other macro are expanded): the names vact_* followed by "(".
# * libvact.so: the defined dynamic symbols (nm -D) are exactly that set.
# * libvact.a: every defined global (nm -g) is in that set or carries the
#   reserved prefix vact__ (internal, one object needs it from another), and
#   every public function is defined.
# * Neither library holds anything of the test-only SIMDe-NEON table (symbols,
#   local ones included, or archive members named *simde*).
# Fails with the list of offending names.
cmake_minimum_required(VERSION 3.25)
foreach(v NM CC HEADER SHARED STATIC)
  if(NOT DEFINED ${v} OR "${${v}}" STREQUAL "")
    message(FATAL_ERROR "check_exports.cmake: -D${v}=... is required")
  endif()
endforeach()

function(run out)
  execute_process(COMMAND ${ARGN} OUTPUT_VARIABLE o ERROR_VARIABLE e RESULT_VARIABLE r)
  if(NOT r EQUAL 0)
    string(REPLACE ";" " " cmd "${ARGN}")
    message(FATAL_ERROR "`${cmd}` failed (${r}):\n${e}")
  endif()
  set(${out} "${o}" PARENT_SCOPE)
endfunction()

# ---- the public API, from the preprocessed header ----------------------------
run(pp ${CC} -E -P -x c ${HEADER})
string(REGEX MATCHALL "vact_[A-Za-z0-9_]+[ \t\r\n]*\\(" decls "${pp}")
set(api)
foreach(d IN LISTS decls)
  string(REGEX REPLACE "[ \t\r\n]*\\($" "" d "${d}")
  list(APPEND api ${d})
endforeach()
list(REMOVE_DUPLICATES api)
list(SORT api)
list(LENGTH api n_api)
if(n_api LESS 10)
  message(FATAL_ERROR "only ${n_api} public functions read from ${HEADER} (${api}): the parsing is broken")
endif()

# names the static linker defines in every shared object on some targets
# (not symbols of vact): ignored in the .so
set(linker_names _init _fini _edata _end __bss_start __bss_start__ __bss_end__ _bss_end__ __end__)

# nm output -> the list of symbol names in `out`; lines "[addr] TYPE name"
function(nm_names out text)
  string(REPLACE "\n" ";" lines "${text}")
  set(names)
  foreach(l IN LISTS lines)
    if(l MATCHES "^([0-9a-fA-F]+ +)?[A-Za-z?] +([^ ]+)$")
      string(REGEX REPLACE "@.*$" "" s "${CMAKE_MATCH_2}") # symbol versions
      list(APPEND names ${s})
    endif()
  endforeach()
  list(REMOVE_DUPLICATES names)
  list(SORT names)
  set(${out} ${names} PARENT_SCOPE)
endfunction()

set(errors "")
function(fail msg names)
  string(REPLACE ";" "\n    " names "${names}")
  set(errors "${errors}\n  ${msg}:\n    ${names}" PARENT_SCOPE)
endfunction()

# ---- libvact.so: exactly the API -------------------------------------------
run(so_nm ${NM} -D --defined-only ${SHARED})
nm_names(so_syms "${so_nm}")
list(REMOVE_ITEM so_syms ${linker_names})
set(extra ${so_syms})
list(REMOVE_ITEM extra ${api})
set(missing ${api})
if(so_syms)
  list(REMOVE_ITEM missing ${so_syms})
endif()
if(extra)
  fail("${SHARED} exports names that are not in ${HEADER}" "${extra}")
endif()
if(missing)
  fail("${SHARED} does not export these functions of ${HEADER}" "${missing}")
endif()

# ---- libvact.a: the API or vact__* -----------------------------------------
run(a_nm ${NM} -g --defined-only ${STATIC})
nm_names(a_syms "${a_nm}")
set(bad)
foreach(s IN LISTS a_syms)
  # AddressSanitizer defines an ODR indicator next to each instrumented global
  # (GCC __odr_asan.NAME, Clang __odr_asan_gen_NAME): judged by NAME
  string(REGEX REPLACE "^__odr_asan(\\.|_gen_)" "" name "${s}")
  if(NOT name MATCHES "^vact__" AND NOT name IN_LIST api)
    list(APPEND bad ${s})
  endif()
endforeach()
set(missing ${api})
if(a_syms)
  list(REMOVE_ITEM missing ${a_syms})
endif()
if(bad)
  fail("${STATIC} defines globals that are neither in ${HEADER} nor named vact__*" "${bad}")
endif()
if(missing)
  fail("${STATIC} does not define these functions of ${HEADER}" "${missing}")
endif()

# ---- no SIMDe-NEON (test-only) in either library ------------------------------
foreach(lib ${SHARED} ${STATIC})
  run(all_nm ${NM} ${lib}) # every symbol, local ones too, and the archive members
  string(REGEX MATCHALL "[^\n]*[Ss][Ii][Mm][Dd][Ee][^\n]*" simde "${all_nm}")
  if(simde)
    fail("${lib} holds the test-only SIMDe-NEON code" "${simde}")
  endif()
endforeach()

if(errors)
  message(FATAL_ERROR "exports check failed:${errors}")
endif()
list(LENGTH so_syms n_so)
list(LENGTH a_syms n_a)
message(STATUS "exports: ${n_api} public functions in ${HEADER}; the .so exports exactly them; "
  "the .a defines ${n_a} globals, all public or vact__*; no SIMDe-NEON code")
