#!/usr/bin/env bash
# Installs every Debian 12 package that vitae's build, tests and runtime need.
# Idempotent: packages already present are skipped; `apt-get update` runs once, only if
# something is missing. Nothing is downloaded from anywhere but Debian's archive.
set -euo pipefail
packages=(
  # build
  build-essential cmake pkg-config
  libpodofo-dev libharfbuzz-dev libfreetype-dev libyaml-cpp-dev libfontconfig-dev
  libdeflate-dev libhyphen-dev libpng-dev libjpeg-dev hyphen-en-us hyphen-de hyphen-fr
  # sanitizer builds and fuzzing (docs/reliability.md): clang 14 with libFuzzer and the
  # sanitizers' runtimes, llvm-symbolizer for readable reports
  clang libclang-rt-14-dev llvm
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev
  poppler-utils qpdf hyperfine time mupdf-tools python3 python3-pdfminer python3-jsonschema python3-yaml
  # the man page is rendered with every warning on (tests/scripts/test_manpage.py)
  groff-base
  # for tests that must not skip: a decimal-comma locale is compiled from `locales`
  # (tests/pdf), system fallback needs a Devanagari font (tests/text), setpriv and
  # prlimit run vitae with no thread to be had (tests/scripts)
  locales fonts-lohit-deva util-linux
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
