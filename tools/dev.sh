#!/usr/bin/env bash
# Developer entry point: installs what is missing (Debian packages), builds, and then
#   tools/dev.sh example   evaluates examples/failing.json and prints the report
#   tools/dev.sh test      runs the whole test suite, then the concurrency tests under
#                          ThreadSanitizer (preset tsan), then the whole suite again under
#                          AddressSanitizer + UBSan with clang, fuzz targets included, each
#                          fuzzed for 60 s (preset asan; docs/hardening.md)
#   tools/dev.sh build     only builds
#   tools/dev.sh bench [ARGS]  runs the benchmarks and prints issue 6's targets, met or not
#                          (tools/bench.py; ARGS such as --benchmark_filter=Batch pass through)
#   tools/dev.sh abi-baseline  rewrites tests/abi/libzhuoyue.abi from the built library, for
#                          a commit that deliberately adds to the C ABI
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(cmake ninja-build g++ ccache pkg-config python3 python3-dev libboost1.74-dev libabsl-dev
          nlohmann-json3-dev libgtest-dev libgmock-dev libbenchmark-dev libxlsxwriter-dev
          python3-openpyxl chromium fonts-wqy-zenhei abigail-tools python3-pybind11 python3-pytest
          default-jdk-headless libjna-java doxygen
          python3-distributed libsqlite3-dev clang libclang-rt-14-dev llvm)

# Builds in other folders (the tsan preset, the add_subdirectory consumer test) reuse the
# objects of this one: ccache then ignores the folder a compiler runs in.
export CCACHE_NOHASHDIR=true

install_missing() {
  local missing=()
  for package in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return
  echo "installing: ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

build() {
  install_missing
  cmake --preset default >/dev/null
  cmake --build --preset default
}

case "${1:-}" in
  example)
    build >&2
    ./build/tools/zy/zy eval examples/failing.json
    ;;
  test)
    build
    ctest --preset default -j "$(nproc)"
    cmake --preset tsan >/dev/null
    cmake --build --preset tsan
    ctest --preset tsan
    cmake --preset asan >/dev/null
    cmake --build --preset asan
    ctest --preset asan -j "$(nproc)"
    ;;
  abi-baseline)
    build
    tests/abi/abi_check.sh build/lib/libzhuoyue.so --update
    ;;
  build)
    build
    ;;
  bench)
    build  # the default build includes zhuoyue_benchmarks and zy
    shift
    python3 tools/bench.py "$@"
    ;;
  *)
    echo "usage: tools/dev.sh example|test|build|bench|abi-baseline" >&2
    exit 2
    ;;
esac
