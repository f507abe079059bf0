#!/usr/bin/env bash
# Installs what is needed, builds everything (tool, tests) and runs the whole test suite,
# then again under the sanitizers, then the fuzzers (docs/reliability.md):
#   1. build/       GCC, Release: the whole suite
#   2. build-san/   clang, ASan + UBSan (fatal) + libFuzzer coverage: the whole suite again
#                   (the `vitae` the script tests run, with its dlopen'ed PDF module, too)
#   3. build-tsan/  clang, TSan: test_cli, with the batch builds (parallel variants in one
#                   process)
#   4. the fuzz harnesses of build-san/, VITAE_FUZZ_SECONDS (default 60) each
# This is the README's second Quick start command, and what CI runs (.ci/run). Each stage's
# wall time is printed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
fuzz_seconds=${VITAE_FUZZ_SECONDS:-60}

times=()
stage_start=$SECONDS
stage() {  # stage NAME: ends the running stage, printing its time
  times+=("$(printf '%-34s %4d s' "$1" $((SECONDS - stage_start)))")
  stage_start=$SECONDS
}
report_times() {
  echo "---- stage times (wall)"
  printf '%s\n' "${times[@]}"
  echo "total                              $(printf '%4d' "$SECONDS") s"
}
trap report_times EXIT

scripts/setup.sh
stage "setup"

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$jobs"
stage "release: build"
ctest --test-dir build --output-on-failure -j"$jobs"
stage "release: tests"

# clang: GCC has no libFuzzer. -O1 keeps the sanitizers' stacks readable and the build
# short; Debug keeps assertions on; unity builds (several sources compiled as one) halve
# the compile time of these folders (docs/reliability.md).
clang_config=(-DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Debug
              "-DCMAKE_CXX_FLAGS_DEBUG=-O1 -gline-tables-only" -DVITAE_SANITIZE=ON -DCMAKE_UNITY_BUILD=ON)
cmake -S . -B build-san "${clang_config[@]}" -DVITAE_FUZZ=ON
cmake --build build-san -j"$jobs"
stage "asan+ubsan: build"
# Preload.*: a sanitizer's runtime must be the first library, so no malloc can be
# preloaded, and it refuses RTLD_DEEPBIND: both tests are about what sanitizer builds
# cannot do (docs/reliability.md).
# Every process's report also goes to build-san/sanitizer-reports/, which the last test
# checks: a report fails the run even in a test retried. The retry (once): LeakSanitizer's
# tracer could crash at a process's exit, with no finding (cmake/sanitizer_reports.cmake;
# worked around since with intercept_tls_get_addr=0, src/cli/sanitizer_defaults.cpp).
reports="log_path=$PWD/build-san/sanitizer-reports/report"
ASAN_OPTIONS="$reports" UBSAN_OPTIONS="$reports" LSAN_OPTIONS="$reports" \
  ctest --test-dir build-san --output-on-failure -j"$jobs" -E '^Preload\.' --repeat until-pass:2
stage "asan+ubsan: tests"

cmake -S . -B build-tsan "${clang_config[@]}" -DVITAE_SANITIZERS=thread
cmake --build build-tsan -j"$jobs" --target test_cli
stage "tsan: build"
# The command line in process: batch builds (parallel jobs sharing fonts, caches and the
# PDF writer, batch.cpp), single builds with their helper thread, the PDF module loaded on
# its own thread. Preload.* as above. Suppressions: races inside libraries built without
# TSan, which it cannot see synchronise (tests/support/tsan.supp).
TSAN_OPTIONS="halt_on_error=1:exitcode=86:second_deadlock_stack=1:suppressions=$PWD/tests/support/tsan.supp" \
  build-tsan/tests/test_cli --gtest_brief=1 --gtest_filter='-Preload.*'
stage "tsan: test_cli"

# All three at once (FUZZ_PARALLEL=3): each for fuzz_seconds of wall time.
FUZZ_PARALLEL=3 VITAE_FUZZ_BUILD=build-san scripts/fuzz.sh "$fuzz_seconds"
stage "fuzz: 3 harnesses x ${fuzz_seconds} s"
