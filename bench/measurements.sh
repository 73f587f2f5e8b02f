#!/usr/bin/env bash
# Times MeasurementReader.summarizeAll (DuckDB) on 10^7 generated run pairs, as CSV and as Parquet,
# with a small Java heap, to show that the rows stream through DuckDB and not through the heap.
#
#   bench/measurements.sh                # build, generate (once), run CSV and Parquet
#   ROWS=1000000 bench/measurements.sh   # another size
#   ROWS=50000000 FORMATS=parquet REPEAT=2 bench/measurements.sh   # the 5·10^7-row Parquet target
#   ROWS=10001400 bench/measurements.sh  # groups of 50,007 rows (≡ 7 mod 8): the second scan for both policies
#
# Environment: ROWS (default 10000000), FORMATS (default "csv parquet"), REPEAT (timed all-groups runs per file, default 3),
# HEAP (java -Xmx, default 256m), SKIP_BUILD=1 (use the jar as it is), WORK (default bench/work/measurements).
#
# Steps: `mvn -B -q -DskipTests -Pbench -pl ssm-bench -am package`; org.ssmworkbench.bench.measurements.MeasurementBenchmark
# generate writes WORK/measurements-ROWS.{parquet,csv} with DuckDB (100 evidence models x 2 effects,
# deterministic values; kept between runs); then one JVM per file runs REPEAT "nearest" and one
# "linear" all-groups summaries plus one single-group summary, prints each wall and process CPU time
# (CPU time is less disturbed by other load on the machine), the peak Java
# heap in use and the peak RSS (VmHWM), and checks one group's "nearest" and "linear" quartiles against
# SummaryStatistics.ofSamples. The load average is printed before and after each file.
# Group sizes matter: with ROWS/200 ≡ 0 (mod 8) one scan gives every quartile; other sizes need a second
# scan for "linear" (≡ 2, 3 mod 4) or for both policies (≡ 7 mod 8); see docs/decisions/0049-*.md.
# Each JVM runs under /usr/bin/time -v when it exists, for the process's wall time and peak RSS.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

rows="${ROWS:-10000000}"
formats="${FORMATS:-csv parquet}"
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

for ext in $formats; do
  file="$work/measurements-$rows.$ext"
  echo
  echo "== $ext: $file ($(du -h "$file" | cut -f1)), java -Xmx$heap, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  log="$(mktemp)"
  status=0
  "${timer[@]}" java "-Xmx$heap" -cp "$jar" "$main" run "$file" "$repeat" 2> "$log" || status=$?
  if (( ${#timer[@]} )); then
    grep -E "Elapsed \(wall clock\)|Maximum resident set size|User time|System time" "$log" | sed 's/^\s*/process: /'
    grep -vE "^\s+[A-Z].*: " "$log" >&2 || true
  else
    cat "$log" >&2
  fi
  rm -f "$log"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  if (( status != 0 )); then
    echo "measurements.sh: the $ext run failed (exit $status)" >&2
    exit "$status"
  fi
done
