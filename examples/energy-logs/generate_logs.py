#!/usr/bin/env python3
"""Writes the SYNTHETIC logs of examples/energy-logs: a small controlled experiment, fp32 (baseline)
versus int8 (treated) inference of one model, 6 repetitions each, run by experiment-runner with
EnergiBridge, nvidia-smi and CodeCarbon as profilers. No real machine was measured: every number
comes from the seeded generator below, so that the same seed writes the same bytes.

Each file follows its tool's documented layout (see README.md for the sources). Three irregular runs
are planted on purpose, to show how `ssm ingest` records them:
  * run_1_repetition_5 (int8) crashed: __done stays TODO and its EnergiBridge log is cut off;
  * run_0_repetition_2 (fp32): the RAPL package counter wraps at 2^32 x 2^-14 J = 262144 J;
  * run_1_repetition_3 (int8): nvidia-smi returned [N/A] for one power sample.

Usage: python3 generate_logs.py [--seed 15]   (writes experiment/ beside this script)
"""
import argparse
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
WRAP = 262144.0  # RAPL energy status is 32 bits of 2^-14 J units on this (imagined) CPU

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=15)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    exp = os.path.join(HERE, "experiment")
    os.makedirs(exp, exist_ok=True)
    levels = [("fp32", 20.0, 34.0, 180.0), ("int8", 12.0, 29.0, 125.0)]  # duration s, CPU W, GPU W
    repetitions = 6
    table = []
    emissions = []
    start = 1764590400000  # 2025-12-01 12:00:00 UTC, in ms
    for j in range(repetitions):
        for i, (level, dur, cpu_w, gpu_w) in enumerate(levels):
            run_id = f"run_{i}_repetition_{j}"
            crashed = run_id == "run_1_repetition_5"
            d = dur * rnd.uniform(0.95, 1.05)
            cw = cpu_w * rnd.uniform(0.96, 1.04)
            gw = gpu_w * rnd.uniform(0.95, 1.05)
            folder = os.path.join(exp, run_id)
            os.makedirs(folder, exist_ok=True)
            cpu_j = energibridge(os.path.join(folder, "energibridge.csv"), rnd, start, d, cw,
                                 wrap=run_id == "run_0_repetition_2", cut=crashed)
            gpu_j = nvidia_smi(os.path.join(folder, "nvidia-smi.csv"), rnd, start, d, gw,
                               na=run_id == "run_1_repetition_3")
            table.append((run_id, "TODO" if crashed else "DONE", level, "" if crashed else str(round(d * 1000))))
            if not crashed:
                ram_j = 3.0 * d
                emissions.append((start, run_id, d, cw, gw, cpu_j / 3.6e6, gpu_j / 3.6e6, ram_j / 3.6e6))
            start += int(d * 1000) + 30000
    with open(os.path.join(exp, "run_table.csv"), "w", newline="\n") as f:
        f.write("__run_id,__done,quantization,execution_time\n")
        for row in table:
            f.write(",".join(row if row[3] else row[:3] + (" ",)) + "\n")
    codecarbon(os.path.join(exp, "emissions.csv"), emissions)

def energibridge(path, rnd, start, duration, watts, wrap, cut):
    """EnergiBridge CSV: Delta (ms since the previous sample), Time (Unix ms), columns in name order;
    energy counters cumulative in J (README "Units of output metrics")."""
    cols = ["CPU_FREQUENCY_0", "CPU_FREQUENCY_1", "CPU_USAGE_0", "CPU_USAGE_1", "DRAM_ENERGY (J)",
            "PACKAGE_ENERGY (J)", "PP0_ENERGY (J)", "TOTAL_MEMORY", "USED_MEMORY"]
    pkg = WRAP - 150.0 if wrap else rnd.uniform(1000.0, 200000.0)
    dram = rnd.uniform(1000.0, 50000.0)
    pp0 = pkg * 0.7
    t = start
    rows = []
    n = int(duration * 10)
    used = 6_000_000_000
    for k in range(n + 1):
        delta = 0 if k == 0 else 100 + rnd.choice([-1, 0, 0, 1])
        t += delta
        p = watts * rnd.uniform(0.9, 1.1)
        if k > 0:
            pkg += p * delta / 1000.0
            dram += 2.5 * delta / 1000.0
            pp0 += 0.7 * p * delta / 1000.0
        used += rnd.randint(-2_000_000, 2_000_000)
        values = [rnd.choice([2400, 3000, 3600]), rnd.choice([2400, 3000, 3600]),
                  round(rnd.uniform(60, 100), 2), round(rnd.uniform(60, 100), 2),
                  round(dram, 6), round(pkg % WRAP, 6), round(pp0 % WRAP, 6), 16_000_000_000, used]
        rows.append([delta, t] + values)
    with open(path, "w", newline="\n") as f:
        f.write("Delta,Time," + ",".join(cols) + "\n")
        for k, r in enumerate(rows):
            line = ",".join(str(v) for v in r)
            if cut and k == len(rows) // 2:
                f.write(line[: len(line) // 2] + "\n")  # the process died mid-write
                break
            f.write(line + "\n")
    return 0.0 if cut else (rows[-1][7] - rows[0][7]) % WRAP  # column 7: PACKAGE_ENERGY (J)

def nvidia_smi(path, rnd, start, duration, watts, na):
    """nvidia-smi --query-gpu=timestamp,index,power.draw,utilization.gpu,memory.used --format=csv -lms 200."""
    t = start
    n = int(duration * 5)
    energy = 0.0
    prev = None
    with open(path, "w", newline="\n") as f:
        f.write("timestamp, index, power.draw [W], utilization.gpu [%], memory.used [MiB]\n")
        for k in range(n + 1):
            p = watts * rnd.uniform(0.92, 1.08)
            stamp = stamp_of(t)
            power = "[N/A]" if na and k == n // 3 else f"{p:.2f} W"
            f.write(f"{stamp}, 0, {power}, {rnd.randint(85, 99)} %, {rnd.randint(7000, 7400)} MiB\n")
            if prev is not None:
                energy += (prev + p) / 2 * 0.2
            prev = p
            t += 200 + rnd.choice([-2, 0, 0, 2])
    return energy

def stamp_of(ms):
    import datetime
    d = datetime.datetime.fromtimestamp(ms / 1000, tz=datetime.timezone.utc)
    return d.strftime("%Y/%m/%d %H:%M:%S.") + f"{d.microsecond // 1000:03d}"

def codecarbon(path, rows):
    """CodeCarbon emissions.csv (docs/reference/output.md): one row per tracked run, energies in kWh."""
    import datetime
    header = ("timestamp,project_name,run_id,experiment_id,duration,emissions,emissions_rate,cpu_power,gpu_power,"
              "ram_power,cpu_energy,gpu_energy,ram_energy,energy_consumed,country_name,country_iso_code,region,"
              "cloud_provider,cloud_region,os,python_version,codecarbon_version,cpu_count,cpu_model,gpu_count,"
              "gpu_model,longitude,latitude,ram_total_size,tracking_mode,on_cloud,pue")
    with open(path, "w", newline="\n") as f:
        f.write(header + "\n")
        for k, (start, run_id, d, cw, gw, cpu, gpu, ram) in enumerate(rows):
            total = cpu + gpu + ram
            emissions = total * 0.35  # kg CO2eq per kWh, an invented grid intensity
            stamp = datetime.datetime.fromtimestamp(start / 1000, tz=datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
            uid = f"00000000-0000-4000-8000-{k:012d}"
            f.write(f"{stamp},{run_id},{uid},11111111-1111-4111-8111-111111111111,{d:.4f},{emissions:.10g},"
                    f"{emissions / d:.10g},{cw:.4f},{gw:.4f},3.0,{cpu:.10g},{gpu:.10g},{ram:.10g},{total:.10g},"
                    "Netherlands,NLD,north holland,,,Linux-6.1.0-x86_64-with-glibc2.36,3.11.4,2.3.4,8,"
                    "\"Intel(R) Xeon(R) CPU @ 2.20GHz\",1,1 x NVIDIA A10G,4.9,52.4,31.1,machine,N,1.0\n")

if __name__ == "__main__":
    main()
