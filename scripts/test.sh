#!/usr/bin/env bash
# Installs what is needed, builds everything (tool, tests) and runs the whole test suite.
# This is the README's second Quick start command, and what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)"
