#!/usr/bin/env bash
# Server time of `ssm serve` on a copy of the built-in case (bench/workbench.py): overview GET and a
# save round trip, RUNS of each (default 50). Everything it writes goes to bench/work/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-50}"
work="$root/bench/work/workbench"
rm -rf "$work" && mkdir -p "$work"
cp -r "$root/examples/quantization" "$work/case"
"$root/ssm" --version >/dev/null
"$root/ssm" serve "$work/case" --port 0 -q > "$work/serve.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 200); do grep -q 'http://' "$work/serve.log" && break; sleep 0.1; done
url="$(grep -o 'http://[0-9.:]*/' "$work/serve.log" | head -1)"
token="$(curl -s "$url" | grep -o 'name="ssm-token" content="[0-9a-f]*"' | grep -o '[0-9a-f]\{64\}')"
jpid="$(pgrep -P "$pid" java || echo "$pid")"
python3 "$root/bench/workbench.py" "$url" "$token" "$jpid" "$runs"
