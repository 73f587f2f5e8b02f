#!/usr/bin/env bash
# Times the whole sensitivity suite on the built-in case, end to end (JVM start included), against
# `ssm --version` as the JVM-start baseline. Target (issue 5): under 3 s wall.
#
#   bench/sensitivity.sh            # 5 runs each
#   RUNS=9 bench/sensitivity.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs="${RUNS:-5}"
./ssm --version > /dev/null   # builds first if needed, so no timed run includes a build
read -r -a opts <<< "${SSM_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto}"
jar=ssm-cli/target/ssm.jar
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
time_it() {
  local start end
  start=$(date +%s.%N)
  java "${opts[@]}" -jar "$jar" "$@" > /dev/null
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { print b - a }'
}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((i = 1; i <= runs; i++)); do
  v=$(time_it --version)
  s=$(time_it sensitivity examples/quantization --out "$out/o")
  printf 'run %d: ssm --version %.2f s, ssm sensitivity %.2f s\n' "$i" "$v" "$s"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
