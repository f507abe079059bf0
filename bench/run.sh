#!/usr/bin/env bash
# Whole-process figures for the reference CV: median wall time (hyperfine), peak RSS
# (/usr/bin/time), PDF size, and the in-process benchmarks. Optionally side by side with
# Typst 0.14 (../shared/anchors/compare.sh) when that script is present.
# usage: bench/run.sh            (builds a Release tree in build-bench/)
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DVITAE_BENCH=ON -DVITAE_TESTS=OFF >/dev/null
cmake --build build-bench -j"$(nproc)" >/dev/null
cv=data/examples/wei-wen.yaml
out=/tmp/vitae-bench.pdf
command -v hyperfine >/dev/null || { echo "hyperfine missing: apt-get install hyperfine"; exit 1; }
hyperfine -N --warmup 5 --runs 100 --export-json /tmp/vitae-bench.json "build-bench/vitae build $cv -o $out"
# The issue's target is a median: hyperfine prints the mean.
python3 -c 'import json, statistics, sys
t = [x * 1000 for x in json.load(open(sys.argv[1]))["results"][0]["times"]]
q = statistics.quantiles(t, n=4)
print(f"  median {statistics.median(t):.2f} ms, quartiles {q[0]:.2f}-{q[2]:.2f} ms")' /tmp/vitae-bench.json
/usr/bin/time -f "peak RSS: %M KB" build-bench/vitae build $cv -o $out
echo "PDF size: $(stat -c %s $out) bytes, $(pdfinfo $out | awk '/^Pages/ {print $2}') pages"
build-bench/bench/vitae_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
echo "For the median over minutes: bench/sustained.py 480 'build-bench/vitae build $cv -o $out'"
echo "  and in-process: bench/sustained_layout.py 300"
if [ -x ../shared/anchors/compare.sh ]; then
  ../shared/anchors/compare.sh "build-bench/vitae build $cv -o $out"
fi
