#!/usr/bin/env bash
# Times MeasurementReader.summarizeAll (DuckDB) on 10^7 generated run pairs, as CSV and as Parquet,
# with a small Java heap, to show that the rows stream through DuckDB and not through the heap.
#
#   bench/measurements.sh                # build, generate (once), run CSV and Parquet
#   ROWS=1000000 bench/measurements.sh   # another size
#
# Environment: ROWS (default 10000000), REPEAT (timed all-groups runs per file, default 3),
# HEAP (java -Xmx, default 256m), SKIP_BUILD=1 (use the jar as it is), WORK (default bench/work/measurements).
#
# Steps: `mvn -B -q -DskipTests -Pbench -pl ssm-bench -am package`; org.ssmworkbench.bench.measurements.MeasurementBenchmark
# generate writes WORK/measurements-ROWS.{parquet,csv} with DuckDB (100 evidence models x 2 effects,
# deterministic values; kept between runs); then one JVM per file runs REPEAT "nearest" and one
# "linear" all-groups summaries plus one single-group summary, prints each wall and process CPU time
# (CPU time is less disturbed by other load on the machine), the peak Java
# heap in use and the peak RSS (VmHWM), and checks one group against SummaryStatistics.ofSamples.
# Each JVM runs under /usr/bin/time -v when it exists, for the process's wall time and peak RSS.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

rows="${ROWS:-10000000}"
repeat="${REPEAT:-3}"
heap="${HEAP:-256m}"
work="${WORK:-bench/work/measurements}"
jar="ssm-bench/target/benchmarks.jar"
main="org.ssmworkbench.bench.measurements.MeasurementBenchmark"

if [[ "${SKIP_BUILD:-0}" != 1 || ! -f "$jar" ]]; then
  # The uber-jar with the benchmarks is only built under the bench profile (as in bench/jmh.sh).
  echo "measurements.sh: building (mvn -B -q -DskipTests -Pbench -pl ssm-bench -am package)..." >&2
  mvn -B -q -Dstyle.color=never -DskipTests -Pbench -pl ssm-bench -am package >&2
fi

java -Xmx1g -cp "$jar" "$main" generate "$rows" "$work"

timer=()
if [[ -x /usr/bin/time ]]; then
  timer=(/usr/bin/time -v)
fi

for ext in csv parquet; do
  file="$work/measurements-$rows.$ext"
  echo
  echo "== $ext: $file ($(du -h "$file" | cut -f1)), java -Xmx$heap"
  log="$(mktemp)"
  status=0
  "${timer[@]}" java "-Xmx$heap" -cp "$jar" "$main" run "$file" "$repeat" 2> "$log" || status=$?
  if (( ${#timer[@]} )); then
    grep -E "Elapsed \(wall clock\)|Maximum resident set size" "$log" | sed 's/^\s*/process: /'
    grep -vE "^\s+[A-Z].*: " "$log" >&2 || true
  else
    cat "$log" >&2
  fi
  rm -f "$log"
  if (( status != 0 )); then
    echo "measurements.sh: the $ext run failed (exit $status)" >&2
    exit "$status"
  fi
done
