#!/usr/bin/env bash
# Builds the JMH benchmarks (ssm-bench and the modules it needs, with -Pbench for the uber-jar
# target/benchmarks.jar) and runs them.
#
#   bench/jmh.sh                      # everything, with the defaults in the annotations
#   bench/jmh.sh DempsterBenchmark    # a regex of benchmark names
#   bench/jmh.sh -l                   # list the benchmarks
#   bench/jmh.sh Dempster -f 1 -wi 2 -i 3 -rf json -rff bench/work/jmh.json
#
# Every argument goes to JMH (java -jar benchmarks.jar -h lists its options).
# SKIP_BUILD=1 runs the jar as it is.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [[ "${SKIP_BUILD:-0}" != 1 || ! -f ssm-bench/target/benchmarks.jar ]]; then
  echo "jmh.sh: building ssm-bench..." >&2
  # -Pbench: the uber-jar; -Dmaven.test.skip: tests are neither needed nor compiled, so that test
  # code being edited elsewhere cannot stop a benchmark run
  mvn -B -q -Dstyle.color=never -Dmaven.test.skip=true -Pbench -pl ssm-bench -am package >&2
fi

exec java -jar ssm-bench/target/benchmarks.jar "$@"
