#!/usr/bin/env bash
# Times `ssm report` on generated projects of 2,000 and 20,000 evidence models (one study per model,
# EFFECTS effects each, default 3), end to end with JVM start: wall time, CPU time (user + system, all
# threads) and peak resident memory, RUNS runs per size (default 3), then a run under -Xmx1g that must
# succeed. The projects come from ssm-bench's GenerateProject (same bytes for the same sizes and seed).
#
#   bench/report-scale.sh                 # 2000 and 20000 models
#   SIZES="2000 20000 100000" RUNS=1 bench/report-scale.sh
#
# Everything goes to bench/work/ (git-ignored). Builds ssm-bench and the application once (tests
# skipped) when the jars are missing or older than a source.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
sizes="${SIZES:-2000 20000}"
runs="${RUNS:-3}"
effects="${EFFECTS:-3}"
work="$root/bench/work"
mkdir -p "$work"

stale() {
  [[ ! -f ssm-bench/target/benchmarks.jar || ! -f ssm-cli/target/ssm.jar ]] && return 0
  [[ -n "$(find pom.xml ssm-core ssm-io ssm-report ssm-web ssm-cli ssm-bench -path '*/target' -prune -o \
      \( -name pom.xml -o -path '*/src/main/*' \) -type f -newer ssm-cli/target/ssm.jar -print -quit)" ]]
}
if stale; then
  echo "building (tests skipped)..." >&2
  mvn -B -q -Dmaven.test.skip=true -Pbench -pl ssm-bench,ssm-cli -am package >&2
  touch ssm-cli/target/ssm.jar
fi
read -r -a java_opts <<< "${SSM_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto}"

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
echo "java ${java_opts[*]} -jar ssm-cli/target/ssm.jar report PROJECT --out OUT"
printf '%-8s %-6s %9s %9s %10s %s\n' models run "wall (s)" "cpu (s)" "peak RSS" "report.html"
for n in $sizes; do
  project="$work/gen-$n-x$effects"
  if [[ ! -f "$project/synthesis.yaml" ]]; then
    java -cp ssm-bench/target/benchmarks.jar org.ssmworkbench.bench.synthesis.GenerateProject \
      "$n" "$effects" "$project" > /dev/null
  fi
  for ((i = 1; i <= runs; i++)); do
    rm -rf "$work/out-$n"
    /usr/bin/time -o "$work/time" -f '%e %U %S %M' java "${java_opts[@]}" -jar ssm-cli/target/ssm.jar \
      report "$project" --out "$work/out-$n" > /dev/null
    read -r wall user sys rss < "$work/time"
    printf '%-8s %-6s %9s %9.2f %7d MB %s\n' "$n" "$i" "$wall" "$(echo "$user + $sys" | bc)" $((rss / 1024)) \
      "$(du -h "$work/out-$n/report.html" | cut -f1)"
  done
  rm -rf "$work/out-$n"
  if java "${java_opts[@]}" -Xmx1g -jar ssm-cli/target/ssm.jar report "$project" --out "$work/out-$n" > /dev/null; then
    echo "$n models: the report also runs with -Xmx1g"
  else
    echo "$n models: FAILED with -Xmx1g" >&2
    exit 1
  fi
  rm -rf "$work/out-$n"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
