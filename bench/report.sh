#!/usr/bin/env bash
# Times the case report end to end: `./ssm report examples/quantization` (load, synthesize, results,
# report, figures, exports, write) against `./ssm --version` (JVM start, picocli, nothing else) as the
# baseline, and `./ssm synthesize examples/quantization` for comparison. Each command runs RUNS times
# in a fresh JVM; the minimum and the median wall time are printed, and the report's cost beyond JVM
# start (report minus version). The minimum is the least disturbed by other load on the machine; the
# CPU time (user + system, all threads, from /usr/bin/time) is printed too, since it changes little
# with load while the wall time of a busy machine does.
#
#   bench/report.sh            # RUNS=7
#   RUNS=15 bench/report.sh
#
# Builds through the launcher once (untimed), then times the application jar with the launcher's JVM
# options (SSM_JAVA_OPTS, default "-XX:+UseSerialGC -Xshare:auto"), so that a source file edited during
# the run cannot trigger a rebuild inside a timed command.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs="${RUNS:-7}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

./ssm --version > /dev/null   # builds once if needed, untimed
read -r -a java_opts <<< "${SSM_JAVA_OPTS:--XX:+UseSerialGC -Xshare:auto}"
ssm=(java "${java_opts[@]}" -jar ssm-cli/target/ssm.jar)

# "wall cpu" of one run in milliseconds (cpu: user + system time of the process, all its threads)
one() {
  if ! /usr/bin/time -o "$out/time" -f '%e %U %S' "$@" > /dev/null 2> "$out/err"; then
    echo "report.sh: failed: $*" >&2
    cat "$out/err" >&2
    exit 1
  fi
  tail -1 "$out/time" | awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}'
}

# "min median" of a column of numbers
minmed() {
  sort -n | awk '{a[NR]=$1} END {print a[1], a[int((NR+1)/2)]}'
}

# "min-wall median-wall min-cpu median-cpu" of RUNS runs of a command
stats() {
  local rows=()
  for ((i = 0; i < runs; i++)); do
    rows+=("$(one "$@")")
  done
  echo "$(printf '%s\n' "${rows[@]}" | cut -d' ' -f1 | minmed) $(printf '%s\n' "${rows[@]}" | cut -d' ' -f2 | minmed)"
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
echo "runs per command: $runs (fresh JVM each); java ${java_opts[*]} -jar ssm-cli/target/ssm.jar"
read -r v_min v_med v_cmin v_cmed <<< "$(stats "${ssm[@]}" --version)"
read -r s_min s_med s_cmin s_cmed <<< "$(stats "${ssm[@]}" synthesize examples/quantization --out "$out/s" -q)"
read -r r_min r_med r_cmin r_cmed <<< "$(stats "${ssm[@]}" report examples/quantization --out "$out/r")"
printf '%-40s %9s %9s %9s %9s\n' "command (ms)" "wall min" "median" "cpu min" "median"
printf '%-40s %9s %9s %9s %9s\n' "ssm --version (JVM start baseline)" "$v_min" "$v_med" "$v_cmin" "$v_cmed"
printf '%-40s %9s %9s %9s %9s\n' "ssm synthesize examples/quantization" "$s_min" "$s_med" "$s_cmin" "$s_cmed"
printf '%-40s %9s %9s %9s %9s\n' "ssm report examples/quantization" "$r_min" "$r_med" "$r_cmin" "$r_cmed"
echo "report beyond JVM start: wall $(( r_min - v_min )) ms (min), $(( r_med - v_med )) ms (median);" \
  "cpu $(( r_cmin - v_cmin )) ms (min)"
echo "report beyond synthesize: wall $(( r_min - s_min )) ms (min), $(( r_med - s_med )) ms (median);" \
  "cpu $(( r_cmin - s_cmin )) ms (min)"
test -s "$out/r/report.html"
