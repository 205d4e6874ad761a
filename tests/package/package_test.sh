#!/usr/bin/env bash
# Consumes zhuoyue three ways, each building the C and C++ embedding examples and checking
# what they print (examples/embed/run_example.py):
#   1. `cmake --install` into a scratch prefix, then a CMake project with find_package;
#   2. the same installed tree through pkg-config, with plain compiler commands;
#   3. a CMake project that add_subdirectory()s the source tree.
# Also checks what the install holds: the headers of include/zhuoyue/ and nothing internal,
# the SONAME, the zy command, and the Python package when the build has one.
#
#   package_test.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
source_dir=$(realpath "$1")
build_dir=$(realpath "$2")
scratch=$(mktemp -d)  # mkdtemp template: a fresh folder per run
trap 'rm -rf "$scratch"' EXIT
prefix="$scratch/prefix"
check() {  # check BINARY: prints exactly the verdicts of the golden report
  python3 "$source_dir/examples/embed/run_example.py" \
    --report "$source_dir/tests/golden/failing.json" -- "$@" "$source_dir/examples/failing.json"
}

echo "== install"
cmake --install "$build_dir" --prefix "$prefix" >/dev/null
headers=$(cd "$prefix/include" && find . -type f | sort | tr '\n' ' ')
expected=$(cd "$source_dir/include" && find . -type f | sort | tr '\n' ' ')
[ "$headers" = "$expected" ] || { echo "installed headers: $headers; expected: $expected"; exit 1; }
libdir=$(dirname "$(find "$prefix" -name 'libzhuoyue.so' | head -1)")
[ -f "$libdir/cmake/zhuoyue/zhuoyueConfig.cmake" ] || { echo "no zhuoyueConfig.cmake"; exit 1; }
[ -f "$libdir/cmake/zhuoyue/zhuoyueConfigVersion.cmake" ] || { echo "no version file"; exit 1; }
soname=$(readelf -d "$libdir/libzhuoyue.so" | sed -n 's/.*SONAME.*\[\(.*\)\]/\1/p')
[ "$soname" = "libzhuoyue.so.1" ] || { echo "SONAME is '$soname'"; exit 1; }
"$prefix/bin/zy" eval --format json "$source_dir/examples/failing.json" >/dev/null
# The Python package, when the build has it, imports from the installed tree alone.
if [ -d "$prefix/lib/python3/dist-packages/zhuoyue" ]; then
  python=$(sed -n 's/^Python3_EXECUTABLE:[A-Z]*=//p' "$build_dir/CMakeCache.txt")
  PYTHONPATH="$prefix/lib/python3/dist-packages" check "$python" \
    "$source_dir/examples/embed/python/evaluate.py"
fi

echo "== find_package"
cmake -S "$source_dir/tests/package/consumer" -B "$scratch/find" -G Ninja \
  -DCMAKE_PREFIX_PATH="$prefix" -DZHUOYUE_SOURCE_DIR="$source_dir" >/dev/null
cmake --build "$scratch/find" >/dev/null
check "$scratch/find/consumer_c"
check "$scratch/find/consumer_cpp"
# The version file refuses a release other than the one asked for (same minor before 1.0).
for wanted in 0.2 9.0; do
  if cmake -S "$source_dir/tests/package/consumer" -B "$scratch/v$wanted" -G Ninja \
      -DCMAKE_PREFIX_PATH="$prefix" -DZHUOYUE_SOURCE_DIR="$source_dir" \
      -DZHUOYUE_VERSION_WANTED=$wanted >/dev/null 2>&1; then
    echo "find_package(zhuoyue $wanted) accepted version $(pkg-config --modversion zhuoyue 2>/dev/null)"
    exit 1
  fi
done

echo "== pkg-config"
export PKG_CONFIG_PATH="$libdir/pkgconfig"
release=$(sed -n 's/^project(zhuoyue VERSION \([0-9.]*\).*/\1/p' "$source_dir/CMakeLists.txt")
[ "$(pkg-config --modversion zhuoyue)" = "$release" ] || { echo "pkg-config version"; exit 1; }
# shellcheck disable=SC2046  # pkg-config prints several flags
cc -std=c99 -pedantic -Werror -o "$scratch/pc_c" "$source_dir/examples/embed/c/evaluate.c" \
  $(pkg-config --cflags --libs zhuoyue)
# shellcheck disable=SC2046
c++ -std=c++20 -o "$scratch/pc_cpp" "$source_dir/examples/embed/cpp/evaluate.cc" \
  $(pkg-config --cflags --libs zhuoyue)
LD_LIBRARY_PATH="$libdir" check "$scratch/pc_c"
LD_LIBRARY_PATH="$libdir" check "$scratch/pc_cpp"

echo "== add_subdirectory"
cmake -S "$source_dir/tests/package/consumer" -B "$scratch/sub" -G Ninja \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DZHUOYUE_VIA=add_subdirectory \
  -DZHUOYUE_SOURCE_DIR="$source_dir" >/dev/null
# Only the library and the consumers: no tests, tools or bindings of zhuoyue's own.
if cmake --build "$scratch/sub" --target help | grep -E '^(zy|[a-z_]+_test|_zhuoyue|embed_[a-z]+):'; then
  echo "add_subdirectory built more than the library"; exit 1
fi
cmake --build "$scratch/sub" >/dev/null
check "$scratch/sub/consumer_c"
check "$scratch/sub/consumer_cpp"
echo "all consumers passed"
