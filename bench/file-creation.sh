#!/usr/bin/env bash
# How long this machine's file system takes to create N small files in one folder, without the
# application: the floor under any command that writes one file per figure (`ssm report` of 20,000
# evidence models writes 20,152 files). Writes N files of 4,123 bytes (the size of one evidence-model
# diagram) into a new folder under DIR, RUNS times, and prints each run's wall, user and system time.
#
#   bench/file-creation.sh                      # N=20000 RUNS=3 DIR=bench/work
#   DIR=/dev/shm N=20000 bench/file-creation.sh # the same in memory (tmpfs), for comparison
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${N:-20000}"
runs="${RUNS:-3}"
dir="${DIR:-$root/bench/work}"
mkdir -p "$dir"
target="$dir/file-creation.$$"
trap 'rm -rf "$target"' EXIT
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $(df -h "$dir" | awk 'NR==2 {print $1 " mounted on " $6}')"
for ((i = 1; i <= runs; i++)); do
  rm -rf "$target"
  mkdir "$target"
  /usr/bin/time -f "run $i: $n files: wall %e s, user %U s, system %S s" python3 -c '
import sys
folder, n = sys.argv[1], int(sys.argv[2])
data = b"x" * 4123
for i in range(n):
    with open(f"{folder}/f{i}.svg", "wb") as f:
        f.write(data)
' "$target" "$n"
done
