#!/usr/bin/env bash
# Builds waqai (release) and serves it at http://127.0.0.1:8080 (see [serve] in Trunk.toml),
# rebuilding on every change. Extra arguments go to `trunk serve`, e.g. --port 8081.
set -euo pipefail

cd "$(dirname "$0")/.."
bash scripts/setup.sh
# node_modules/.bin first: Trunk must find the pinned wasm-opt (binaryen 132), not another one.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
echo "[serve] http://127.0.0.1:8080/ (Ctrl-C stops)"
# No auto-reload: Trunk would inject an inline script, which the page's Content-Security-Policy
# (index.html) refuses; reload the page by hand after a rebuild.
exec trunk serve --release --no-autoreload "$@"
