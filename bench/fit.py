#!/usr/bin/env python3
"""The cost of fitting to a page count (issue 13), as a ratio to a plain build.

usage: bench/fit.py [N] [VITAE] [CV]   (defaults: 100, build/vitae, data/examples/wei-wen.yaml)

Builds CV plainly and with --max-pages one fewer than it needs, alternately N times each
(paired.py's method: the order flips every pair, after warm-up runs, so the drift of a
virtual machine cancels), and prints each one's median wall and CPU time, the ratio of the
medians, and the median of the per-pair ratios. The issue's target: the fitted build costs
at most 4 plain builds. Also prints how many layouts the fit ran (--stats).
"""
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from paired import run  # noqa: E402


def pages_needed(vitae, cv, out):
    r = subprocess.run([vitae, "build", cv, "-o", out, "--stats"], capture_output=True, text=True, check=True)
    return int(re.search(r"^pages: (\d+)", r.stderr, re.M).group(1))


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    vitae = sys.argv[2] if len(sys.argv) > 2 else "build/vitae"
    cv = sys.argv[3] if len(sys.argv) > 3 else "data/examples/wei-wen.yaml"
    with tempfile.TemporaryDirectory() as tmp:
        # Copied with cp, as paired.py advises: a binary written in large pieces maps faster.
        exe = os.path.join(tmp, "vitae")
        shutil.copy(vitae, exe)
        shutil.copy(os.path.join(os.path.dirname(vitae), "vitae-pdf.so"), tmp)  # loaded from beside it
        out = os.path.join(tmp, "cv.pdf")
        need = pages_needed(exe, cv, out)
        if need < 2:
            sys.exit(f"{cv} takes one page: nothing to fit")
        plain = [exe, "build", cv, "-o", out]
        fitted = plain + ["--max-pages", str(need - 1)]
        stats = subprocess.run(fitted + ["--stats"], capture_output=True, text=True).stderr
        layouts = re.search(r"^fit layouts: (\d+)", stats, re.M)
        devnull = os.open(os.devnull, os.O_RDWR)
        for c in (plain, fitted):
            for _ in range(5):
                run(c, devnull)
        times = ([], [])
        for i in range(n):
            order = (0, 1) if i % 2 == 0 else (1, 0)
            for k in order:
                times[k].append(run((plain, fitted)[k], devnull))
    print(f"{cv}: {need} pages, fitted to {need - 1} in {layouts.group(1) if layouts else '?'} layouts; {n} pairs")
    for name, k in (("plain ", 0), ("fitted", 1)):
        print(f"  {name}: wall median {statistics.median(t[0] for t in times[k]):6.2f} ms, "
              f"cpu median {statistics.median(t[1] for t in times[k]):6.2f} ms")
    for name, j in (("wall", 0), ("cpu", 1)):
        medians = [statistics.median(t[j] for t in times[k]) for k in (0, 1)]
        pairs = statistics.median(f[j] / p[j] for p, f in zip(*times))
        print(f"  fitted / plain, {name}: {medians[1] / medians[0]:.2f} (ratio of medians), "
              f"{pairs:.2f} (median of the per-pair ratios)")


if __name__ == "__main__":
    main()
