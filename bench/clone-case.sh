#!/usr/bin/env bash
# Writes a project of N studies cloned from the built-in case into DIR: study k is the case's
# S((k-1) % 6 + 1) with the id S<i>-<k> (k zero-padded to WIDTH digits, default 5), round robin; the
# case's checklist; its synthesis.yaml with that study list and without its published results (they are
# about six studies). Used by bench/studies-10k.sh and bench/workbench-load.sh.
#
#   bench/clone-case.sh N DIR [WIDTH]
set -euo pipefail

if [[ $# -lt 2 || $# -gt 3 ]]; then
  echo "usage: bench/clone-case.sh N DIR [WIDTH]" >&2
  exit 2
fi
n="$1"
proj="$2"
width="${3:-5}"
case_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/examples/quantization"

mkdir -p "$proj/studies"
cp "$case_dir/checklist.yaml" "$proj/"
# one awk process writes all study files and prints the study list
ids="$(awk -v n="$n" -v w="$width" -v src="$case_dir/studies" -v dst="$proj/studies" '
  BEGIN {
    for (s = 1; s <= 6; s++) {
      f = src "/S" s ".yaml"; lines[s] = 0
      while ((getline line < f) > 0) { text[s, ++lines[s]] = line }
      close(f)
    }
    for (k = 1; k <= n; k++) {
      s = (k - 1) % 6 + 1; id = sprintf("S%d-%0" w "d", s, k); out = dst "/" id ".yaml"
      for (i = 1; i <= lines[s]; i++) {
        line = text[s, i]
        if (line ~ /^id: /) { line = "id: " id }
        print line > out
      }
      close(out)
      ids = ids (k > 1 ? ", " : "") id
    }
    print ids
  }')"
awk -v ids="$ids" '
  /^studies:/ { print "studies: [" ids "]"; next }
  /^published:/ { skip = 1; next }
  skip && /^[a-z_]+:/ { skip = 0 }
  !skip { print }' "$case_dir/synthesis.yaml" > "$proj/synthesis.yaml"
