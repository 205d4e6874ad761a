# Sanitized builds (preset asan, docs/hardening.md) and the fuzz option. Nothing here applies
# to a build without sanitizer flags: the default and debug presets are unchanged.
#
# The preset asan builds with clang and links the sanitizer runtime as a shared library
# (-shared-libsan in the linker flags): clang links the static runtime into executables only,
# and libzhuoyue.so is linked with --no-undefined (lib/CMakeLists.txt), which the runtime's
# symbols (__asan_*, __ubsan_*, __sanitizer_cov_*) must then satisfy. The runtime lives in
# clang's own folder, not on the loader's path: every binary of the build tree gets that
# folder as an RPATH (installed binaries do not: a sanitized build is not for installing).
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang" AND
   "${CMAKE_EXE_LINKER_FLAGS} ${CMAKE_SHARED_LINKER_FLAGS}" MATCHES "-shared-libsan")
  execute_process(COMMAND ${CMAKE_CXX_COMPILER} -print-runtime-dir
    OUTPUT_VARIABLE ZHUOYUE_SANITIZER_RUNTIME_DIR OUTPUT_STRIP_TRAILING_WHITESPACE
    COMMAND_ERROR_IS_FATAL ANY)
  list(APPEND CMAKE_BUILD_RPATH "${ZHUOYUE_SANITIZER_RUNTIME_DIR}")
  set(ZHUOYUE_SHARED_LIBSAN ON)
else()
  set(ZHUOYUE_SHARED_LIBSAN OFF)
endif()

# The fuzz targets (tests/fuzz) need clang's libFuzzer, and the library's objects compiled
# with coverage instrumentation (-fsanitize=fuzzer-no-link), which the shared library can
# link only against the shared sanitizer runtime above.
if(ZHUOYUE_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "ZHUOYUE_FUZZ needs clang (libFuzzer); this is "
      "${CMAKE_CXX_COMPILER_ID}. Use the preset asan: cmake --preset asan")
  endif()
  if(NOT ZHUOYUE_SHARED_LIBSAN)
    message(FATAL_ERROR "ZHUOYUE_FUZZ needs a sanitized build linked with -shared-libsan "
      "(the preset asan): cmake --preset asan")
  endif()
  if(NOT ZHUOYUE_TESTS)
    message(FATAL_ERROR "ZHUOYUE_FUZZ needs ZHUOYUE_TESTS (the fuzz targets are in tests/fuzz)")
  endif()
endif()
