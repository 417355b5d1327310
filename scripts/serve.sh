#!/usr/bin/env bash
# Builds Socialplan and serves it at http://127.0.0.1:8080 (installs missing tools first).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
. scripts/env.sh
trunk build --release
scripts/size-report.sh
echo "Socialplan: http://127.0.0.1:8080  (Ctrl+C stops)"
exec python3 -m http.server 8080 --bind 127.0.0.1 --directory dist
