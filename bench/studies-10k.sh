#!/usr/bin/env bash
# Times `ssm synthesize` end to end (JVM start included) on a project of N studies (default 10,000):
# the built-in case's six study files cloned with new ids (S1 → S1-00001, …, round robin), listed in
# synthesis.yaml in that order; everything else of the case unchanged. Prints the wall and CPU time
# of RUNS runs (default 5) and their minimum and median, and checks each run's results.json lists N
# studies. The target of issue 10 is under 3 s wall on a 2-core machine.
#
#   bench/studies-10k.sh               # N=10000 RUNS=5
#   N=2000 RUNS=3 bench/studies-10k.sh
#
# The project is written to bench/work/studies-N/ (git-ignored) once and reused. Builds through the
# launcher once (untimed), then times the jar with the launcher's JVM options (SSM_JAVA_OPTS).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
n="${N:-10000}"
runs="${RUNS:-5}"
case_dir=examples/quantization
proj="bench/work/studies-$n"

if [[ ! -f "$proj/synthesis.yaml" ]]; then
  echo "writing $proj ($n studies cloned from $case_dir/studies/S1..S6)" >&2
  rm -rf "$proj"
  bench/clone-case.sh "$n" "$proj" 5
fi

./ssm --version > /dev/null   # builds once if needed, untimed
read -r -a java_opts <<< "${SSM_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto}"
ssm=(java "${java_opts[@]}" -jar ssm-cli/target/ssm.jar)
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
echo "project: $proj ($n studies, $(du -sh "$proj" | cut -f1)); java ${java_opts[*]} -jar ssm-cli/target/ssm.jar"
walls=(); cpus=()
for ((i = 1; i <= runs; i++)); do
  rm -rf "$out/r"
  if ! /usr/bin/time -o "$out/time" -f '%e %U %S' "${ssm[@]}" synthesize "$proj" --out "$out/r" -q \
      > /dev/null 2> "$out/err"; then
    echo "studies-10k.sh: ssm synthesize failed:" >&2
    cat "$out/err" >&2
    exit 1
  fi
  got="$(grep -c '"path" : "studies/' "$out/r/results.json" || true)"
  if [[ "$got" != "$n" ]]; then
    echo "studies-10k.sh: results.json lists $got study files, expected $n" >&2
    exit 1
  fi
  read -r wall cpu <<< "$(tail -1 "$out/time" | awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}')"
  echo "run $i: wall $wall ms, cpu $cpu ms"
  walls+=("$wall"); cpus+=("$cpu")
done
minmed() { sort -n | awk '{a[NR]=$1} END {print a[1], a[int((NR+1)/2)]}'; }
read -r wmin wmed <<< "$(printf '%s\n' "${walls[@]}" | minmed)"
read -r cmin cmed <<< "$(printf '%s\n' "${cpus[@]}" | minmed)"
echo "ssm synthesize, $n studies: wall min $wmin ms, median $wmed ms; cpu min $cmin ms, median $cmed ms"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
