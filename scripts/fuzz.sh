#!/usr/bin/env bash
# Runs the libFuzzer harnesses of fuzz/ (docs/reliability.md) for SECONDS each.
#
#   scripts/fuzz.sh SECONDS [HARNESS...]      (harnesses: load markup pipeline; default all)
#
# Environment:
#   VITAE_FUZZ_BUILD  the build folder with the harnesses (default build-san); configured
#                     with clang and built here when it has none yet
#   FUZZ_PARALLEL     how many harnesses run at once (default: the number of cores, at most
#                     3); each runs one process (no -jobs), for SECONDS of wall time
#   FUZZ_CORPUS       where the working corpora live (default $VITAE_FUZZ_BUILD/fuzz-corpus):
#                     seeded from the repository's seed files, grown by the runs, kept
#                     between runs
#
# A crash, a leak, a sanitizer report, an input slower than the harness's timeout or an
# out-of-memory stops that harness, prints its report and the input's path, and makes the
# script exit 1. Keep the input as a regression test: copy it into tests/hostile/ (the
# fuzz.replay.* tests run every file there through every harness), fix the code, and add
# a unit test where one fits.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -lt 1 ] || ! [[ "$1" =~ ^[0-9]+$ ]]; then
  echo "usage: scripts/fuzz.sh SECONDS [load|markup|pipeline ...]" >&2
  exit 2
fi
seconds=$1
shift
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(load markup pipeline)

build=${VITAE_FUZZ_BUILD:-build-san}
corpus_root=${FUZZ_CORPUS:-$build/fuzz-corpus}
cores=$(nproc)
parallel=${FUZZ_PARALLEL:-$((cores < 3 ? cores : 3))}

targets=()
for h in "${harnesses[@]}"; do
  case "$h" in
    load | markup | pipeline) targets+=("fuzz_$h") ;;
    *) echo "scripts/fuzz.sh: unknown harness '$h' (load, markup, pipeline)" >&2; exit 2 ;;
  esac
done
if [ ! -f "$build/CMakeCache.txt" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -gline-tables-only" \
    -DVITAE_SANITIZE=ON -DVITAE_FUZZ=ON -DVITAE_TESTS=OFF
fi
cmake --build "$build" -j"$cores" --target "${targets[@]}"

# The seeds: every CV of the repository and every hostile input (and markup's own seeds).
seed() {
  local dir=$1 h=$2
  mkdir -p "$dir"
  find data/examples tests/compat/rendercv tests/hostile -type f \
    \( -name '*.yaml' -o -name '*.json' -o -path 'tests/hostile/*' \) -exec cp -n {} "$dir/" \;
  if [ "$h" = markup ]; then cp -n fuzz/corpus/markup/* "$dir/"; fi
}

# Per harness: dictionary, the longest input tried, the slowest input allowed (seconds of
# wall time, wide enough for a machine shared with other builds (10 s gave false alarms at
# a load of 9 on 2 cores);
# the pipeline lays a CV out several times when it fits pages).
options() {
  case "$1" in
    load) echo "-dict=fuzz/tokens.dict -max_len=16384 -timeout=30" ;;
    markup) echo "-dict=fuzz/markup.dict -max_len=2048 -timeout=30" ;;
    pipeline) echo "-dict=fuzz/tokens.dict -max_len=16384 -timeout=60" ;;
  esac
}

logs=$build/fuzz-logs
mkdir -p "$logs" "$build/fuzz-artifacts"
run_one() {
  local h=$1 dir="$corpus_root/$1"
  seed "$dir" "$h"
  # shellcheck disable=SC2046
  "$build/fuzz/fuzz_$h" $(options "$h") -max_total_time="$seconds" -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$build/fuzz-artifacts/$h-" "$dir" > "$logs/$h.log" 2>&1
}

failed=()
pids=()
names=()
wait_one() {
  local pid=${pids[0]} h=${names[0]}
  pids=("${pids[@]:1}")
  names=("${names[@]:1}")
  if wait "$pid"; then
    # libFuzzer's last status line and final statistics: executions, coverage, corpus.
    local last
    last=$(grep -E '^#[0-9]+' "$logs/$h.log" | tail -1 || true)
    echo "fuzz_$h: no crash in ${seconds} s: ${last:-no status line}"
    grep -E '^stat::(number_of_executed_units|peak_rss_mb)' "$logs/$h.log" | sed "s/^/  /" || true
  else
    echo "fuzz_$h: FAILED (log: $logs/$h.log)"
    grep -E -A40 'ERROR: |==[0-9]+== ?ERROR|runtime error|broken invariant|Test unit written' "$logs/$h.log" | head -80 || tail -40 "$logs/$h.log"
    failed+=("$h")
  fi
}
for h in "${harnesses[@]}"; do
  [ ${#pids[@]} -lt "$parallel" ] || wait_one
  run_one "$h" &
  pids+=($!)
  names+=("$h")
done
while [ ${#pids[@]} -gt 0 ]; do wait_one; done

if [ ${#failed[@]} -gt 0 ]; then
  echo "scripts/fuzz.sh: ${failed[*]} failed; the inputs are in $build/fuzz-artifacts/ (keep them in tests/hostile/)" >&2
  exit 1
fi
