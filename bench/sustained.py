#!/usr/bin/env python3
"""The whole-process median over minutes, for a machine whose speed drifts.

usage: bench/sustained.py SECONDS 'COMMAND'

Runs COMMAND back to back (a 50 ms pause between runs) for SECONDS seconds and prints the
median wall time with its percentiles, then the median wall and CPU time (user + system,
from wait4) of each half minute. A quiet minute and a slow one can differ by 1.5x on the
development machine (docs/performance.md), so a figure from one minute says little; the
median over eight or ten minutes is the one to compare with a target. Output of the command
is discarded.
"""
import os
import shlex
import statistics
import sys
import time

from paired import run  # one spawn-and-wait4 for both scripts


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.split("\n\n")[1])
    seconds = float(sys.argv[1])
    argv = shlex.split(sys.argv[2])
    devnull = os.open(os.devnull, os.O_RDWR)
    samples = []  # (seconds since start, wall ms, cpu ms)
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        wall, cpu = run(argv, devnull)
        samples.append((time.monotonic() - start, wall, cpu))
        time.sleep(0.05)
    walls = [s[1] for s in samples]
    deciles = statistics.quantiles(walls, n=10)
    quartiles = statistics.quantiles(walls, n=4)
    print(f"{len(walls)} runs in {seconds:.0f} s: median {statistics.median(walls):.2f} ms, "
          f"p10 {deciles[0]:.2f}, p25 {quartiles[0]:.2f}, p75 {quartiles[2]:.2f}, p90 {deciles[8]:.2f}")
    by_half_minute = {}
    for t, wall, cpu in samples:
        by_half_minute.setdefault(int(t // 30), []).append((wall, cpu))
    for k, runs in sorted(by_half_minute.items()):
        print(f"  {30 * k:4d}-{30 * k + 30:4d} s: {len(runs):4d} runs, wall median "
              f"{statistics.median(r[0] for r in runs):6.2f} ms, cpu median "
              f"{statistics.median(r[1] for r in runs):6.2f} ms")


if __name__ == "__main__":
    main()
