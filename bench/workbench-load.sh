#!/usr/bin/env bash
# Load check of the local workbench (issue 11): one `ssm serve` over a fresh copy of the built-in case,
#  1. READERS concurrent readers (default 200), READS requests each (overview and a comparison in
#     turn): latency p50 / p95 / p99 / max;
#  2. WRITERS concurrent conflicting writers (default 20), WRITES read-modify-writes each: read the
#     what-if options (synthesis.yaml's version and the correctness cut points), keep the cut points
#     with c6 one higher based on that version; accepted (200) or refused (409);
#  3. then checks the project: it loads and synthesizes, c6 went up by exactly the number of accepted
#     writes (no lost update), the accepted values are consecutive, every refusal was a 409, and every
#     comment of synthesis.yaml is still there;
#  4. the time from a what-if change (S3 off / on) to its result: Server-Timing (computation and
#     figures, server side) and the round trip;
# then step 4 again on a project of 10,044 findings (the case's six study files cloned 108 times each:
# 648 studies), served the same way. Everything is bounded by DEADLINE seconds per server (default
# 300); the script exits 1 when a check fails.
#
#   bench/workbench-load.sh                       # build if needed, run everything (~2-4 min on 2 cores)
#   READERS=50 WRITERS=10 bench/workbench-load.sh
#   SKIP_BUILD=1 bench/workbench-load.sh          # use the jars as they are
#
# Work files go to bench/work/workbench-load/ (git-ignored). The server's CPU time (user + system, from
# /proc) is printed after each run, so that numbers on a shared machine can be read against it.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
readers="${READERS:-200}"
reads="${READS:-25}"
writers="${WRITERS:-20}"
writes="${WRITES:-5}"
deadline="${DEADLINE:-300}"
work=bench/work/workbench-load

if [[ "${SKIP_BUILD:-0}" != 1 || ! -f ssm-bench/target/benchmarks.jar || ! -f ssm-cli/target/ssm.jar ]]; then
  echo "workbench-load.sh: building ssm-cli and ssm-bench..." >&2
  mvn -B -q -Dstyle.color=never -Dmaven.test.skip=true -Pbench -pl ssm-bench -am package >&2
fi

pid=""
stop_server() {
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" && wait "$pid" 2>/dev/null || true
  fi
  pid=""
}
trap stop_server EXIT

# serve DIR: starts `ssm serve DIR --port 0` in the background; sets pid and url
serve() {
  local log="$work/serve-$(basename "$1").log"
  java -XX:+UseSerialGC -jar ssm-cli/target/ssm.jar serve "$1" --port 0 > "$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do
    url="$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$log" | head -1 || true)"
    [[ -n "$url" ]] && return 0
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; return 1; }
    sleep 0.1
  done
  echo "workbench-load.sh: the server did not start within 60 s" >&2
  return 1
}

cpu_seconds() {  # user + system CPU time of the server so far
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$pid/stat"
}

load=(java -XX:+UseSerialGC -cp ssm-bench/target/benchmarks.jar org.ssmworkbench.bench.web.WorkbenchLoad)

rm -rf "$work"
mkdir -p "$work"
cp -r examples/quantization "$work/case"
echo "== the built-in case ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
serve "$work/case"
status=0
"${load[@]}" "$url" "$work/case" --readers "$readers" --reads "$reads" --writers "$writers" --writes "$writes" \
  --deadline "$deadline" --whatif 60 || status=1
echo "server CPU time: $(cpu_seconds) s"
stop_server

# 10,044 findings: study k is S((k-1) % 6 + 1) of the case with the id S<i>-<k>
big="$work/findings-10044"
bench/clone-case.sh 648 "$big" 3
# the what-if switches S3 off: here the first clone of S3 takes that id
mv "$big/studies/S3-003.yaml" "$big/studies/S3.yaml"
sed -i 's/^id: S3-003$/id: S3/' "$big/studies/S3.yaml"
sed -i '/^studies:/ s/\bS3-003\b/S3/' "$big/synthesis.yaml"
echo
echo "== 10,044 findings (648 studies)"
serve "$big"
"${load[@]}" "$url" "$big" --whatif-only --whatif 20 --deadline "$deadline" || status=1
echo "server CPU time: $(cpu_seconds) s"
stop_server
exit "$status"
