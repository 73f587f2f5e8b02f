#!/usr/bin/env bash
# Side by side: `ssm mass --batch` and pyds (https://github.com/reineking/pyds, a Python
# Dempster-Shafer library) on the same generated requests, whole processes, interpreter or JVM start
# included. Marginal cost per task = (time of the large batch - time of the small one) / (difference
# in tasks), which takes start-up out; reported for both and as a ratio.
#
#   bench/pyds.sh                       # 10,000 and 100,000 tasks, 5 runs each, runs interleaved
#   RUNS=3 SMALL=10000 LARGE=100000 bench/pyds.sh
#
# pyds is not a dependency of the project: this script clones it into bench/work/pyds (git, from
# GitHub) unless PYDS_DIR names a checkout. bench/pyds-batch.py does with pyds what `ssm mass` does
# per request (Dempster's rule, K per step, Bel/Pl/Q of every focal set, pignistic probabilities).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs="${RUNS:-5}"
small="${SMALL:-10000}"
large="${LARGE:-100000}"
work="bench/work"
mkdir -p "$work"
export PYDS_DIR="${PYDS_DIR:-$work/pyds}"
if [[ ! -f "$PYDS_DIR/pyds.py" ]]; then
  git clone -q https://github.com/reineking/pyds "$PYDS_DIR"
fi
bench_jar="ssm-bench/target/benchmarks.jar"
if [[ ! -f "$bench_jar" ]]; then
  mvn -B -q -Dstyle.color=never -Dmaven.test.skip=true -Pbench -pl ssm-bench -am package >&2
fi
./ssm --version > /dev/null   # builds the application and its class-data archive if needed
for n in "$small" "$large"; do
  [[ -f "$work/tasks-$n.jsonl" ]] || java -cp "$bench_jar" org.ssmworkbench.bench.GenerateMassBatch "$n" "$work/tasks-$n.jsonl"
done

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
timed() { # label command... -> appends "wall cpu" to $work/pyds-times-LABEL
  local label=$1
  shift
  /usr/bin/time -f '%e %U %S' -o "$work/time.out" "$@" > /dev/null
  awk '{ printf "%s %.3f\n", $1, $2 + $3 }' "$work/time.out" >> "$work/pyds-times-$label"
}
rm -f "$work"/pyds-times-*
echo "# $(date -u +%FT%TZ)  load average $(cut -d' ' -f1-3 /proc/loadavg)  $runs runs each, interleaved"
for (( r = 1; r <= runs; r++ )); do
  for n in "$small" "$large"; do
    timed "ssm-$n" ./ssm mass --batch "$work/tasks-$n.jsonl"
    timed "pyds-$n" python3 bench/pyds-batch.py "$work/tasks-$n.jsonl"
  done
done
echo "# load average at end $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-6s %10s %14s %14s %22s\n' tool tasks "median wall s" "median cpu s" "wall of each run"
declare -A wall cpu
for t in ssm pyds; do
  for n in "$small" "$large"; do
    f="$work/pyds-times-$t-$n"
    w=$(median $(cut -d' ' -f1 "$f"))
    c=$(median $(cut -d' ' -f2 "$f"))
    wall[$t-$n]=$w
    cpu[$t-$n]=$c
    printf '%-6s %10s %14s %14s   %s\n' "$t" "$n" "$w" "$c" "$(cut -d' ' -f1 "$f" | tr '\n' ' ')"
  done
done
awk -v s1="${wall[ssm-$small]}" -v s2="${wall[ssm-$large]}" -v p1="${wall[pyds-$small]}" -v p2="${wall[pyds-$large]}" \
    -v d="$((large - small))" 'BEGIN {
  ms = (s2 - s1) / d * 1e6; mp = (p2 - p1) / d * 1e6
  printf "marginal wall per task: ssm %.2f us, pyds %.2f us, ratio %.1fx\n", ms, mp, (ms > 0 ? mp / ms : 0) }'
awk -v s1="${cpu[ssm-$small]}" -v s2="${cpu[ssm-$large]}" -v p1="${cpu[pyds-$small]}" -v p2="${cpu[pyds-$large]}" \
    -v d="$((large - small))" 'BEGIN {
  ms = (s2 - s1) / d * 1e6; mp = (p2 - p1) / d * 1e6
  printf "marginal CPU per task:  ssm %.2f us, pyds %.2f us, ratio %.1fx\n", ms, mp, (ms > 0 ? mp / ms : 0) }'
