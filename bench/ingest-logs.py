#!/usr/bin/env python3
"""Writes the logs for bench/ingest.sh: ROWS sample rows in total, spread over RUNS run files per tool
(half fp32, half int8, paired by repetition), in EnergiBridge's and nvidia-smi's layouts, plus an
ingest spec per tool. Seeded (seed 15): the same arguments write the same bytes.

Usage: python3 bench/ingest-logs.py OUT_DIR ROWS RUNS
"""
import os
import random
import sys

def main():
    out, rows, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    per_run = rows // runs
    rnd = random.Random(15)
    eb_header = ("Delta,Time,CPU_FREQUENCY_0,CPU_FREQUENCY_1,CPU_USAGE_0,CPU_USAGE_1,DRAM_ENERGY (J),"
                 "PACKAGE_ENERGY (J),PP0_ENERGY (J),TOTAL_MEMORY,USED_MEMORY\n")
    for tool in ("energibridge", "nvidia-smi"):
        os.makedirs(os.path.join(out, tool, "logs"), exist_ok=True)
    for r in range(runs):
        level = "fp32" if r % 2 == 0 else "int8"
        rep = r // 2
        watts = 34.0 if level == "fp32" else 28.0
        # EnergiBridge: Delta ms, Time Unix ms, cumulative J counters
        path = os.path.join(out, "energibridge", "logs", f"{level}-{rep}.csv")
        t = 1764590400000
        pkg = rnd.uniform(1000, 100000)
        dram = rnd.uniform(1000, 10000)
        chunk = [eb_header]
        with open(path, "w", newline="\n") as f:
            for k in range(per_run):
                delta = 0 if k == 0 else 100
                t += delta
                pkg += watts * delta / 1000.0
                dram += 2.5 * delta / 1000.0
                chunk.append(f"{delta},{t},3000,2400,{50 + k % 50}.5,{60 + k % 40}.25,{dram:.6f},{pkg:.6f},"
                             f"{pkg * 0.7:.6f},16000000000,{6000000000 + k % 1000}\n")
                if len(chunk) >= 20000:
                    f.write("".join(chunk))
                    chunk = []
            f.write("".join(chunk))
        # nvidia-smi --query-gpu=timestamp,index,power.draw,utilization.gpu,memory.used --format=csv
        path = os.path.join(out, "nvidia-smi", "logs", f"{level}-{rep}.csv")
        chunk = ["timestamp, index, power.draw [W], utilization.gpu [%], memory.used [MiB]\n"]
        gw = 180.0 if level == "fp32" else 125.0
        with open(path, "w", newline="\n") as f:
            for k in range(per_run):
                ms = 100 * k
                s, milli = divmod(ms, 1000)
                m, s = divmod(s, 60)
                h, m = divmod(m, 60)
                chunk.append(f"2025/12/01 {h % 24:02d}:{m:02d}:{s:02d}.{milli:03d}, 0, {gw + (k % 17) * 0.5:.2f} W, "
                             f"{90 + k % 9} %, 7300 MiB\n")
                if len(chunk) >= 20000:
                    f.write("".join(chunk))
                    chunk = []
            f.write("".join(chunk))
    spec = """format: 1
output: out
factor: variant
baseline: fp32
treated: int8
pair_by: [repetition]
sources:
  - effect: energy
    tool: {tool}
    files: "logs/{{variant}}-{{repetition}}.csv"
    metric: {metric}
"""
    with open(os.path.join(out, "energibridge", "ingest.yaml"), "w") as f:
        f.write(spec.format(tool="energibridge", metric="PACKAGE_ENERGY (J)"))
    with open(os.path.join(out, "nvidia-smi", "ingest.yaml"), "w") as f:
        f.write(spec.format(tool="nvidia-smi", metric="power.draw"))

if __name__ == "__main__":
    main()
