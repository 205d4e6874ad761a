#!/usr/bin/env bash
# examples/bundles/<name>/ must be exactly what tools/json_to_csv.py makes of
# examples/<name>.json, so that a change to an example reaches its bundle.
#   bundles_in_sync.sh SOURCE_DIR
set -euo pipefail
source_dir=$1
scratch=$(mktemp -d)  # mkdtemp template: a fresh folder per run
trap 'rm -rf "$scratch"' EXIT
for example in compliant failing incomplete; do
  python3 "$source_dir/tools/json_to_csv.py" "$source_dir/examples/$example.json" \
    "$scratch/$example"
  if ! diff -r "$scratch/$example" "$source_dir/examples/bundles/$example"; then
    echo "examples/bundles/$example is out of date; regenerate it with"
    echo "  tools/json_to_csv.py examples/$example.json examples/bundles/$example"
    exit 1
  fi
done
echo "the example bundles match their JSON"
