#!/usr/bin/env bash
# Runs every test layer: native model tests, browser tests of the Rust code
# (wasm-bindgen-test in headless Chromium), the release build with its size budget,
# and end-to-end tests in headless Chromium against that build.
# Installs missing tools first (about 25 minutes on a fresh machine).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh --browser
. scripts/env.sh

echo "== native tests (model, file format, texts)"
cargo test --locked

echo "== browser tests of the Rust code (headless Chromium)"
cargo test --locked --target wasm32-unknown-unknown --test browser

echo "== release build"
trunk build --release
scripts/size-report.sh

echo "== end-to-end tests (headless Chromium, release build)"
node --test --test-concurrency=1 tests/e2e/
