#!/usr/bin/env python3
"""Paired A/B timing of two commands, for a machine whose speed drifts.

usage: bench/paired.py N 'COMMAND A' 'COMMAND B'

Runs A and B alternately N times each (the order flips every pair, after three warm-up runs
of each) and prints, for each, the median wall time and the median CPU time (user + system,
from wait4, all threads), then the median and the mean (with its standard error) of the
per-pair differences B - A. Differences taken within a pair cancel the drift of a virtual
machine whose speed changes within minutes (docs/performance.md). Output of the commands
is discarded.

Compare programs whose files were written the same way, e.g. both copied with cp into
directories of their own: on this machine's kernel the same binary runs 0.35-0.6 ms faster
from a file written in large pieces (cp, dd bs=4M) than from the linker's output or a file
read back from disk, because the page cache holds it in larger folios and mapping it costs
fewer page-fault steps (docs/performance.md).
"""
import os
import shlex
import statistics
import sys
import time


def run(argv, devnull):
    actions = [(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)]
    start = time.perf_counter()
    pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    wall = (time.perf_counter() - start) * 1000
    if status != 0:
        sys.exit(f"failed ({status}): {shlex.join(argv)}")
    return wall, (usage.ru_utime + usage.ru_stime) * 1000


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__.split("\n\n")[1])
    n = int(sys.argv[1])
    cmds = [shlex.split(c) for c in sys.argv[2:]]
    devnull = os.open(os.devnull, os.O_RDWR)
    for c in cmds:
        for _ in range(3):
            run(c, devnull)
    times = [[], []]
    diffs = ([], [])
    for i in range(n):
        r = {}
        for k in ((0, 1) if i % 2 == 0 else (1, 0)):
            r[k] = run(cmds[k], devnull)
        for k in (0, 1):
            times[k].append(r[k])
        diffs[0].append(r[1][0] - r[0][0])
        diffs[1].append(r[1][1] - r[0][1])
    for k in (0, 1):
        wall = statistics.median(t[0] for t in times[k])
        cpu = statistics.median(t[1] for t in times[k])
        print(f"{'AB'[k]}: wall median {wall:6.2f} ms, cpu median {cpu:6.2f} ms   {sys.argv[2 + k]}")
    for name, d in zip(("wall", "cpu"), diffs):
        se = statistics.stdev(d) / len(d) ** 0.5 if len(d) > 1 else 0.0
        print(f"B - A {name}: median {statistics.median(d):+.2f} ms, mean {statistics.mean(d):+.2f} +- {se:.2f} ms")


if __name__ == "__main__":
    main()
