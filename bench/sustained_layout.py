#!/usr/bin/env python3
"""The in-process layout benchmarks' medians over minutes, for a machine whose speed drifts.

usage: bench/sustained_layout.py SECONDS [BENCH_PROGRAM] [FILTER]

Runs the Google Benchmark program (default build-bench/bench/vitae_bench) again and again
for SECONDS seconds, each time with --benchmark_min_time=0.5 and the filter (default: the
reference CV on one and two threads, and the 13-page CV on two), and prints for each
benchmark the median of the runs' figures with p10 and p90. One run of a benchmark says
little on the development machine, where the same layout took 3.19 ms and 5.80 ms ten
minutes apart (docs/performance.md); the median over five or ten minutes is the figure to
hold a target to.
"""
import re
import statistics
import subprocess
import sys
import time

DEFAULT_FILTER = "BM_LayoutReference$|BM_LayoutReferenceTwoThreads|BM_LayoutTenPagesTwoThreads"


def main():
    if not 2 <= len(sys.argv) <= 4:
        sys.exit(__doc__.split("\n\n")[1])
    seconds = float(sys.argv[1])
    program = sys.argv[2] if len(sys.argv) > 2 else "build-bench/bench/vitae_bench"
    pattern = sys.argv[3] if len(sys.argv) > 3 else DEFAULT_FILTER
    figures = {}  # benchmark name -> [ms]
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        out = subprocess.run([program, f"--benchmark_filter={pattern}", "--benchmark_min_time=0.5"],
                             check=True, capture_output=True, text=True).stdout
        for line in out.splitlines():
            m = re.match(r"^(BM_\S+)\s+([\d.]+) (ms|us)\b", line)
            if m:
                value = float(m.group(2)) / (1000 if m.group(3) == "us" else 1)
                figures.setdefault(m.group(1), []).append(value)
    for name, values in figures.items():
        if len(values) < 2:
            print(f"{name:45s} 1 run: {values[0]:.2f} ms")
            continue
        deciles = statistics.quantiles(values, n=10)
        print(f"{name:45s} {len(values)} runs: median {statistics.median(values):.2f} ms, "
              f"p10 {deciles[0]:.2f}, p90 {deciles[8]:.2f}")


if __name__ == "__main__":
    main()
