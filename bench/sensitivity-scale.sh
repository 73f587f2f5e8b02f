#!/usr/bin/env bash
# Sensitivity at scale: generates projects of N studies x E effects (one evidence model per study,
# summaries; the benchmark generator in ssm-bench) and times `ssm sensitivity` on each end to end,
# with peak RSS and the size of sensitivity.json / sensitivity.csv. Targets (issue 14): 1,000 studies
# under 5 s, 10,000 under 60 s with RSS under 2 GB, output size growing linearly.
#
#   bench/sensitivity-scale.sh                 # 1000 and 10000 studies, 10 effects
#   SIZES="250 500 1000 2000" bench/sensitivity-scale.sh
#   EFFECTS=4 SSM_JAVA_OPTS="-XX:+UseSerialGC" bench/sensitivity-scale.sh
#   ARGS="--conflicts full" SIZES=1000 bench/sensitivity-scale.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
sizes="${SIZES:-1000 10000}"
effects="${EFFECTS:-10}"
read -r -a opts <<< "${SSM_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto}"
read -r -a args <<< "${ARGS:-}"
./ssm --version > /dev/null   # builds the application first if needed
if [[ ! -f ssm-bench/target/benchmarks.jar || "${BUILD:-0}" == 1 ]]; then
  echo "sensitivity-scale.sh: building ssm-bench..." >&2
  mvn -B -q -Dstyle.color=never -Dmaven.test.skip=true -Pbench -pl ssm-bench -am package >&2
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); JVM options: ${opts[*]}; extra: ${args[*]:-none}"
printf '%8s %8s %10s %10s %10s %14s %14s\n' studies effects "wall s" "cpu s" "RSS MB" "json bytes" "csv bytes"
for n in $sizes; do
  java -cp ssm-bench/target/benchmarks.jar org.ssmworkbench.bench.synthesis.GenerateProject "$n" "$effects" \
      "$work/p$n" > /dev/null
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" java "${opts[@]}" -jar ssm-cli/target/ssm.jar sensitivity \
      "$work/p$n" --out "$work/o$n" "${args[@]}" > /dev/null
  read -r wall user sys rss < "$work/time"
  printf '%8d %8d %10.2f %10.2f %10.0f %14d %14d\n' "$n" "$effects" "$wall" "$(awk -v a="$user" -v b="$sys" \
      'BEGIN { print a + b }')" "$((rss / 1024))" "$(stat -c %s "$work/o$n/sensitivity.json")" \
      "$(stat -c %s "$work/o$n/sensitivity.csv")"
  rm -rf "$work/p$n" "$work/o$n"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
