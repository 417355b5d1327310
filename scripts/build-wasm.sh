#!/usr/bin/env bash
# Trunk post-build hook: builds the app's wasm with the screens of a plan, of each phase
# (and the report) split into parts the browser loads when they are first shown, so a
# first visit carries the shell and the plan list only.
#
# cargo (with relocations kept) → wasm-split-cli → wasm-bindgen (its string reading made
# faster for short strings, scripts/short-strings.py; its imports given short names,
# scripts/short-imports.py) → wasm-opt → the first
# plan's parts packed into one file (scripts/pack-parts.py), into
# `wasm-<hash>/` of the staged site (one folder: the loader fetches the parts next to
# itself; the hash in the name makes every deployment fetch fresh files), then a start-up
# script, then scripts/offline.py (precache list, CSP). Trunk runs hooks of one stage at
# the same time, so this script runs offline.py itself.
set -euo pipefail
cd "$(dirname "$0")/.."
stage="${TRUNK_STAGING_DIR:?run by trunk}"
profile_flag=(); dir=debug
if [ "${TRUNK_PROFILE:-debug}" = release ]; then profile_flag=(--release); dir=release; fi

# Its own target folder: the flags differ from the test builds, which keep their cache.
export CARGO_TARGET_DIR="$PWD/target/split"
RUSTFLAGS="--cfg erase_components -C link-arg=--emit-relocs" \
  cargo build --locked "${profile_flag[@]}" --features split --target wasm32-unknown-unknown --bin socialplan

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
wasm-split-cli "$CARGO_TARGET_DIR/wasm32-unknown-unknown/$dir/socialplan.wasm" "$work/split" --out-name socialplan >/dev/null
wasm-bindgen --target web --no-typescript --keep-lld-exports --out-dir "$work/out" --out-name socialplan "$work/split/socialplan.wasm"
# Short strings passed to the page are read without a decoder call each (see the script).
python3 scripts/short-strings.py "$work/out/socialplan.js"
# The imports of the wasm from its glue get short names in both (see the script).
python3 scripts/short-imports.py "$work/out/socialplan_bg.wasm" "$work/out/socialplan.js"
cp "$work/split/__wasm_split.js" "$work/out/"
find "$work/split" -name '*.wasm' ! -name socialplan.wasm -exec cp {} "$work/out/" \;
if [ "$dir" = release ]; then
  # NAMES=1 keeps the functions' names (`wasm-opt -g`), for a CPU profile with names.
  names=(); if [ -n "${NAMES:-}" ]; then names=(-g); fi
  for f in "$work"/out/*.wasm; do
    wasm-opt -Oz "${names[@]}" --strip-producers --strip-target-features --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
      --enable-reference-types --enable-multivalue "$f" -o "$f" 2>/dev/null
  done
fi
# The parts a first plan needs, and their shared chunks, as one file (see the script).
python3 scripts/pack-parts.py "$work/out"
if [ "$dir" = release ]; then
  # The JS glue and the part loader come from the tools unminified (trunk minifies only
  # what it writes itself): terser (npm, see package.json) takes them from 73 KB to 40 KB,
  # 3 KB less gzipped. Names the wasm imports are exports of these modules and stay.
  if command -v terser >/dev/null; then
    for f in "$work/out/socialplan.js" "$work/out/__wasm_split.js"; do
      terser "$f" --module --compress --mangle -o "$f.min" && mv "$f.min" "$f"
    done
  else
    echo "build-wasm: terser is missing (npm ci); the JS glue stays unminified" >&2
  fi
fi

hash=$(cat "$work"/out/* | sha256sum | cut -c1-16)
rm -rf "$stage"/wasm-*
mkdir -p "$stage/wasm-$hash"
cp "$work"/out/* "$stage/wasm-$hash/"
boot="import init from './wasm-$hash/socialplan.js';
await init({ module_or_path: new URL('./wasm-$hash/socialplan_bg.wasm', import.meta.url) });"
boot_name="boot-$(printf '%s' "$boot" | sha256sum | cut -c1-16).js"
printf '%s\n' "$boot" > "$stage/$boot_name"
# Trunk leaves the skipped rust link in the page; the start-up script takes its place.
python3 - "$stage/index.html" "$boot_name" "$hash" <<'PY'
import re, sys
path, boot, h = sys.argv[1:4]
html = open(path, encoding="utf-8").read()
html, n = re.subn(r'<link[^>]*data-trunk-skip[^>]*>', '', html)
tags = ('<link rel="modulepreload" href="./wasm-%s/socialplan.js">' % h
        + '<script type="module" src="./%s"></script>' % boot)
html = html.replace("</head>", tags + "</head>", 1)
open(path, "w", encoding="utf-8").write(html)
PY
python3 scripts/offline.py
echo "wasm: split into $(ls "$stage/wasm-$hash" | grep -c '\.wasm$') files in wasm-$hash/"
