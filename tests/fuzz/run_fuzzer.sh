#!/usr/bin/env bash
# Runs a libFuzzer target for the tests (tests/fuzz/CMakeLists.txt, docs/hardening.md).
#
#   run_fuzzer.sh replay FUZZER DIR...
#       runs every file under the DIRs once (the committed seeds and regressions); fails on
#       the first crash, leak, timeout or sanitizer report
#   run_fuzzer.sh run FUZZER WORK DICT MAX_LEN SECONDS DIR...
#       fuzzes for SECONDS (the environment variable ZHUOYUE_FUZZ_SECONDS overrides it),
#       starting from a copy of the files under the DIRs (the committed corpus is never
#       written), in a scratch folder under WORK; fails on any finding, which ends up in
#       WORK/artifacts/ (crash-*, leak-*, timeout-*, oom-*). The run's corpus is left in
#       WORK/corpus.
#
# A missing DIR is skipped (regressions/<target>/ exists only once something was found).
set -euo pipefail
mode=$1
fuzzer=$2
shift 2
limits=(-timeout=10 -rss_limit_mb=2048)

files_under() {  # files_under DIR...: every file, sorted, one per line
  for dir in "$@"; do
    [ -d "$dir" ] && find "$dir" -type f ! -name 'README*' ! -name '.*'
  done | LC_ALL=C sort
}

case "$mode" in
  replay)
    mapfile -t inputs < <(files_under "$@")
    if [ ${#inputs[@]} -eq 0 ]; then
      echo "no inputs under $*"
      exit 1
    fi
    # Given files (not folders), libFuzzer runs each once ("Running: FILE") and exits
    # non-zero on the first finding. It writes an artifact only for a crash found while
    # running one, which is already a file: into a scratch folder.
    scratch=$(mktemp -d)  # mkdtemp template: a fresh folder per run
    trap 'rm -rf "$scratch"' EXIT
    status=0
    "$fuzzer" "${limits[@]}" -artifact_prefix="$scratch/" "${inputs[@]}" || status=$?
    if [ "$status" -ne 0 ]; then
      echo "$(basename "$fuzzer"): the last input Running above failed (exit $status);"
      echo "rerun it alone:  $fuzzer FILE"
      exit 1
    fi
    echo "$(basename "$fuzzer"): ${#inputs[@]} inputs replayed, no finding"
    ;;
  run)
    work=$1 dict=$2 max_len=$3 seconds=${ZHUOYUE_FUZZ_SECONDS:-$4}
    shift 4
    # A folder of this run's own (two runs of one target may overlap), its corpus kept as
    # WORK/corpus afterwards (to merge into the seeds), its findings in WORK/artifacts.
    mkdir -p "$work/artifacts"
    run=$(mktemp -d "$work/run.XXXXXX")  # mkdtemp template: a fresh folder per run
    trap 'rm -rf "$run"' EXIT
    mkdir "$run/corpus" "$run/artifacts"
    # The seeds, named after their folder so that two folders may hold the same name.
    while IFS= read -r file; do
      cp "$file" "$run/corpus/$(basename "$(dirname "$file")")-$(basename "$file")"
    done < <(files_under "$@")
    status=0
    # libFuzzer stops after max_total_time, and -timeout catches an input that hangs; the
    # outer timeout is for libFuzzer itself (the ctest has none: SECONDS varies).
    timeout --signal=KILL $((seconds + 300)) \
      "$fuzzer" "$run/corpus" "${limits[@]}" -dict="$dict" -max_len="$max_len" \
      -max_total_time="$seconds" -artifact_prefix="$run/artifacts/" -print_final_stats=1 ||
      status=$?
    findings=$(find "$run/artifacts" -type f)
    [ -n "$findings" ] && mv $findings "$work/artifacts/"
    rm -rf "$work/corpus" && mv "$run/corpus" "$work/corpus" && rm -rf "$run"
    if [ "$status" -ne 0 ] || [ -n "$findings" ]; then
      echo "$(basename "$fuzzer"): FINDING (exit $status), saved in $work/artifacts/:"
      for finding in $findings; do echo "  $(basename "$finding")"; done
      echo "reproduce:  $fuzzer $work/artifacts/FILE"
      echo "once fixed, commit the input as tests/fuzz/regressions/$(basename "$fuzzer")/NAME"
      exit 1
    fi
    echo "$(basename "$fuzzer"): ${seconds} s, no finding"
    ;;
  *)
    echo "usage: run_fuzzer.sh replay FUZZER DIR... | run FUZZER WORK DICT MAX_LEN SECONDS DIR..." >&2
    exit 2
    ;;
esac
