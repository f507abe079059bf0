#!/usr/bin/env bash
# Rewrites the golden page dumps (tests/golden/*.txt) from the current layout engine, then
# shows what changed. Review the diff before committing: the goldens are the record of
# what every example CV looks like.
#
# usage: scripts/update-goldens.sh [BUILD_DIR]   (default: build; configured if needed)
set -euo pipefail

if [[ -n "${CI:-}" ]]; then
  echo "update-goldens.sh: refused when CI is set: rewriting goldens makes every golden test pass" >&2
  exit 1
fi
cd "$(dirname "$0")/.."
build_dir="${1:-build}"

if [[ ! -f "$build_dir/CMakeCache.txt" ]]; then
  cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release
fi
cmake --build "$build_dir" --target test_layout -j2

# The golden test rewrites each file instead of comparing when this is set.
VITAE_UPDATE_GOLDENS=1 "$build_dir/tests/test_layout" --gtest_filter='Examples/Golden.*' --gtest_brief=1
# And now they must match.
"$build_dir/tests/test_layout" --gtest_filter='Examples/Golden.*' --gtest_brief=1

if git rev-parse --git-dir >/dev/null 2>&1; then
  git status --short -- tests/golden
  git diff --stat -- tests/golden
fi
