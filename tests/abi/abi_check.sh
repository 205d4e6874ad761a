#!/usr/bin/env bash
# The binary contract of libzhuoyue.so, checked on every test run:
#   1. it exports only the public API: zy_* in version node ZHUOYUE_<ABI>, and zhuoyue::*
#      (never zhuoyue::internal) in ZHUOYUE_CXX_<release>;
#   2. its C ABI equals the committed baseline (tests/abi/libzhuoyue.abi), compared by
#      abidiff (Debian abigail-tools). Any difference fails: a removal or a changed layout
#      breaks programs built against the old header; an addition passes once the baseline is
#      regenerated in the same commit (`tools/dev.sh abi-baseline`), so that every change
#      to the contract is seen in review.
#
#   abi_check.sh LIBRARY           check
#   abi_check.sh LIBRARY --update  rewrite the baseline from LIBRARY
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
library=$1
baseline="$here/libzhuoyue.abi"
suppressions="$here/suppressions.abignore"
headers="$here/../../include/zhuoyue"
abi_version=$(sed -n 's/^#define ZY_ABI_VERSION \([0-9]*\)$/\1/p' "$headers/zhuoyue.h")

dump() {  # dump OUT: the C ABI of the library as abigail XML
  abidw --exported-interfaces-only --headers-dir "$headers" --drop-private-types \
    --no-show-locs --no-comp-dir-path --suppressions "$suppressions" --out-file "$1" "$library"
}

if [ "${2:-}" = "--update" ]; then
  dump "$baseline"
  echo "wrote $baseline"
  exit 0
fi

# 1. Exported symbols. nm -D prints "ADDRESS TYPE NAME@@VERSION" for each defined symbol.
unexpected=$(nm -D --defined-only "$library" | awk '{print $3}' | while read -r symbol; do
  name=${symbol%%@*}
  version=${symbol##*@}
  case "$name" in
    ZHUOYUE_*) ;;  # the version nodes themselves
    zy_*) [ "$version" = "ZHUOYUE_$abi_version" ] || echo "$symbol (wrong version node)" ;;
    _Z*)
      demangled=$(echo "$name" | c++filt)
      case "$demangled" in
        zhuoyue::internal::*) echo "$symbol ($demangled: internal)" ;;
        zhuoyue::* | "typeinfo "*zhuoyue::* | "vtable "*zhuoyue::*)
          case "$version" in ZHUOYUE_CXX_*) ;; *) echo "$symbol (wrong version node)" ;; esac ;;
        *) echo "$symbol ($demangled: not the public API)" ;;
      esac ;;
    *) echo "$symbol (not the public API)" ;;
  esac
done)
if [ -n "$unexpected" ]; then
  echo "libzhuoyue.so exports symbols outside the public API:"
  echo "$unexpected"
  exit 1
fi
echo "exported symbols: only zy_* (ZHUOYUE_$abi_version) and zhuoyue::* (ZHUOYUE_CXX_*)"

# 2. The C ABI against the baseline.
current=$(mktemp --suffix=.abi)  # mkstemp template: a fresh file per run
trap 'rm -f "$current"' EXIT
dump "$current"
status=0
abidiff --suppressions "$suppressions" --no-show-locs "$baseline" "$current" || status=$?
if [ $((status & 8)) -ne 0 ]; then
  echo "INCOMPATIBLE change to the C ABI (above). Keep the old function and add a _v2, or"
  echo "raise ZHUOYUE_ABI_VERSION (the SONAME) and ZY_ABI_VERSION together."
  exit 1
elif [ $((status & 4)) -ne 0 ]; then
  echo "the C ABI differs from the baseline (above). A new function or type: regenerate the"
  echo "baseline in the same commit (tools/dev.sh abi-baseline). A changed struct, enum or"
  echo "signature breaks programs built against the old header: undo it, or add a _v2."
  exit 1
elif [ "$status" -ne 0 ]; then
  echo "abidiff failed (exit $status)"
  exit 1
fi
echo "C ABI: identical to the baseline ($(grep -c "<elf-symbol name='zy_" "$baseline") functions)"
