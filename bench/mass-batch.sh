#!/usr/bin/env bash
# End-to-end timing of `ssm mass --batch` on 100,000 generated requests, JVM start included.
#
#   bench/mass-batch.sh              # the launcher's JVM options (or $SSM_JAVA_OPTS if set)
#   bench/mass-batch.sh --compare    # also alternative JVM options, runs interleaved
#
# Environment: RUNS (timed runs per variant, default 5), LINES (requests, default 100000),
# SEED (generator seed, default the generator's own), TARGET (seconds, default 2).
#
# Steps: build ssm-core, ssm-cli and ssm-bench if a source or pom is newer than the jars; generate
# the requests into bench/work/ with org.ssmworkbench.bench.GenerateMassBatch (deterministic); one
# untimed run whose output is checked (one answer per request, no {"error": ...} answer, exit 0);
# then RUNS timed runs of `./ssm mass --batch FILE > /dev/null` (bash's `time`: wall, and CPU =
# user + sys, which is less disturbed by other load on the machine), each run and the medians.
# Exits non-zero when the check fails or a timed run does not exit 0. A run during which the
# launcher rebuilt the application (someone edited a source meanwhile) is thrown away and repeated.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

compare=0
for a in "$@"; do
  case "$a" in
    --compare) compare=1 ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "mass-batch.sh: unknown argument '$a' (try --help)" >&2; exit 2 ;;
  esac
done

runs="${RUNS:-5}"
lines="${LINES:-100000}"
target="${TARGET:-2}"
work="bench/work"
if (( lines % 1000 == 0 )); then name="batch-$((lines / 1000))k"; else name="batch-$lines"; fi
input="$work/$name.jsonl"
checked="$work/$name.out.jsonl"
bench_jar="ssm-bench/target/benchmarks.jar"
ssm_jar="ssm-cli/target/ssm.jar"
default_opts="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto"   # keep in step with ./ssm
mkdir -p "$work"

# ---------------------------------------------------------------- build
# The uber-jar of ssm-bench (GenerateMassBatch) only comes with -Pbench. Tests are not compiled
# (-Dmaven.test.skip): timing needs none, and test code being edited must not stop a benchmark.
build_cmd=(mvn -B -q -Dstyle.color=never -Dmaven.test.skip=true -Pbench -pl ssm-bench -am package)
needs_build() {
  [[ ! -f "$bench_jar" || ! -f "$ssm_jar" ]] && return 0
  local j
  for j in "$bench_jar" "$ssm_jar"; do
    [[ -n "$(find pom.xml ssm-* -path '*/target' -prune -o \( -name 'pom.xml' -o -path '*/src/main/*' \) \
        -type f -newer "$j" -print -quit 2>/dev/null)" ]] && return 0
  done
  return 1
}
if needs_build; then
  echo "mass-batch.sh: building (${build_cmd[*]})..." >&2
  "${build_cmd[@]}" >&2
fi

# ---------------------------------------------------------------- input
if [[ ! -f "$input" || "$bench_jar" -nt "$input" || -n "${SEED:-}" ]]; then
  java -cp "$bench_jar" org.ssmworkbench.bench.GenerateMassBatch "$lines" "$input" ${SEED:+"$SEED"}
fi

median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) printf "%.3f", v[(NR + 1) / 2]; else printf "%.3f", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ)  $(nproc) cores  $(java -version 2>&1 | head -1)"
echo "# input: $input ($lines requests, $(wc -c < "$input") bytes)"
echo "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

# ---------------------------------------------------------------- check
# untimed: also warms the page cache and lets ./ssm rebuild now rather than during a timed run
set +e
./ssm mass --batch "$input" > "$checked"
rc=$?
set -e
answers=$(wc -l < "$checked")
errors=$(grep -c '^{"error"' "$checked" || true)
if (( rc != 0 || answers != lines || errors != 0 )); then
  echo "mass-batch.sh: CHECK FAILED: exit $rc, $answers answers for $lines requests, $errors error answers" \
       "(output in $checked)" >&2
  exit 1
fi
echo "# check: exit 0, $answers answers, 0 errors"

# Normally the launcher is timed. If it rebuilds on every call (a source it watches stays newer than
# its jar), time its last line instead, `java $SSM_JAVA_OPTS -jar ssm-cli/target/ssm.jar`, and say so.
head -n 1 "$input" > "$work/probe.jsonl"
launcher=1
./ssm mass --batch "$work/probe.jsonl" > /dev/null 2> "$work/probe.err" || true
if grep -q '^ssm: building' "$work/probe.err"; then
  launcher=0
  echo "# NOTE: ./ssm rebuilds on every call here (a watched source stays newer than $ssm_jar);" \
       "timing 'java \$SSM_JAVA_OPTS -jar $ssm_jar' directly instead"
fi
run_ssm() { # opts args...
  local opts=$1
  shift
  if (( launcher )); then
    SSM_JAVA_OPTS="$opts" ./ssm "$@"
  else
    # shellcheck disable=SC2086
    java $opts -jar "$ssm_jar" "$@"
  fi
}

# ---------------------------------------------------------------- variants
jsa="$work/ssm-appcds.jsa"
ensure_archive() {
  if [[ -f "$jsa" && -z "$(find "$ssm_jar" "$(dirname "$ssm_jar")/lib" -type f -newer "$jsa" -print -quit)" ]]; then
    return 0
  fi
  head -n 2000 "$input" > "$work/appcds-training.jsonl"
  rm -f "$jsa"
  java $default_opts -XX:ArchiveClassesAtExit="$jsa" -jar "$ssm_jar" \
      mass --batch "$work/appcds-training.jsonl" > /dev/null 2> "$work/appcds.log" \
    || { echo "mass-batch.sh: making the AppCDS archive failed (see $work/appcds.log)" >&2; exit 1; }
}
labels=()
optsets=()
add_variant() { labels+=("$1"); optsets+=("$2"); }
if (( compare )); then
  add_variant "default"            "$default_opts"
  add_variant "C2 (full tiered)"   "-XX:+UseSerialGC -Xshare:auto"
  add_variant "young gen 32m"      "$default_opts -Xmn32m"
  add_variant "ParallelGC"         "-XX:+UseParallelGC -Xshare:auto"
  # AppCDS: a dynamic archive of the classes the command loads (JDK 13+), made from a short run.
  # -Xshare:on makes a stale archive (the jars were rebuilt since) fail the run instead of being
  # ignored quietly; ensure_archive makes it again before each run that needs it.
  add_variant "AppCDS"             "$default_opts -Xshare:on -XX:SharedArchiveFile=$jsa"
  add_variant "AppCDS + C2"        "-XX:+UseSerialGC -Xshare:on -XX:SharedArchiveFile=$jsa"
elif [[ -n "${SSM_JAVA_OPTS:-}" ]]; then
  add_variant "SSM_JAVA_OPTS" "$SSM_JAVA_OPTS"
else
  add_variant "default" "$default_opts"
fi

declare -A walls cpus
timed_run() { # index -> prints "wall cpu" in seconds (cpu = user + sys); fails on a non-zero exit
  local i=$1 rc attempt w u y
  for attempt in 1 2 3; do
    [[ "${optsets[$i]}" == *"$jsa"* ]] && ensure_archive
    set +e
    { time run_ssm "${optsets[$i]}" mass --batch "$input" > /dev/null 2> "$work/run.err" ; } \
        2> "$work/run.time"
    rc=$?
    set -e
    if grep -q '^ssm: building' "$work/run.err"; then
      echo "  (the launcher rebuilt during this run: thrown away)" >&2
      continue
    fi
    if (( rc != 0 )); then
      echo "mass-batch.sh: '${labels[$i]}' exited $rc:" >&2
      cat "$work/run.err" >&2
      exit 1
    fi
    read -r w u y < "$work/run.time"
    awk -v w="$w" -v u="$u" -v y="$y" 'BEGIN { printf "%.3f %.3f", w, u + y }'
    return 0
  done
  echo "mass-batch.sh: the application kept being rebuilt; stop editing sources while timing" >&2
  exit 1
}

TIMEFORMAT='%3R %3U %3S'
for (( r = 1; r <= runs; r++ )); do
  for i in "${!labels[@]}"; do
    out=$(timed_run "$i")
    read -r w c <<< "$out"
    walls[$i]="${walls[$i]:-} $w"
    cpus[$i]="${cpus[$i]:-} $c"
    printf 'run %d  %-18s wall %s s  cpu %s s\n' "$r" "${labels[$i]}" "$w" "$c"
  done
done

echo "# load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf '%-18s  %-12s  %-11s  %s\n' "variant" "median wall" "median cpu" "wall of each run (s)"
for i in "${!labels[@]}"; do
  # shellcheck disable=SC2086
  printf '%-18s  %-12s  %-11s %s\n' "${labels[$i]}" "$(median ${walls[$i]}) s" "$(median ${cpus[$i]}) s" "${walls[$i]}"
done
echo
for i in "${!labels[@]}"; do
  printf '# %-18s SSM_JAVA_OPTS="%s"\n' "${labels[$i]}" "${optsets[$i]}"
done
# shellcheck disable=SC2086
m0=$(median ${walls[0]})
if awk -v m="$m0" -v t="$target" 'BEGIN { exit !(m < t) }'; then
  echo "# ${labels[0]}: median wall $m0 s, under the $target s target"
else
  echo "# ${labels[0]}: median wall $m0 s, NOT under the $target s target"
fi
exit 0
