#!/usr/bin/env bash
# Renders the first page of the reference CV (data/examples/wei-wen.yaml) in every built-in
# layout, as the thumbnails docs/layouts.md shows (docs/layouts/NAME.png). Run it after a
# change to a layout or to the engine, and commit the pictures with the change.
#
# usage: scripts/layout-thumbnails.sh [VITAE]   (default: build/vitae; needs pdftoppm)
set -euo pipefail
cd "$(dirname "$0")/.."
vitae="${1:-build/vitae}"
out=docs/layouts
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
for layout in layouts/*.yaml; do
  name=$(basename "$layout" .yaml)
  "$vitae" build data/examples/wei-wen.yaml --set "design.theme=$name" -o "$tmp/$name.pdf" 2>"$tmp/$name.log" ||
    { cat "$tmp/$name.log" >&2; exit 1; }
  # 45 dpi: a page of US Letter is 383 x 495 pixels, small enough to show nine side by side.
  pdftoppm -png -r 45 -f 1 -l 1 -singlefile "$tmp/$name.pdf" "$out/$name"
  echo "$out/$name.png"
done
