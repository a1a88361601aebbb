#!/usr/bin/env bash
# Every performance figure of BENCHMARKS.md, in one go: the engine's cargo bench (native), then
# the browser benchmarks of the built site (bench/browser/run.mjs), which end with the site's
# sizes (scripts/dist-sizes.sh). Prints figures; nothing here fails on a missed target.
#
# Usage: bash scripts/bench.sh [--no-cargo] [--no-browser] [--dist DIR] [run.mjs options...]
#   --no-cargo    skip `cargo bench -p waqai-engine --bench extract` (it builds the engine with
#                 optimisations and runs for minutes)
#   --no-browser  only the cargo bench
#   --dist DIR    the built site to measure (default dist/; build it first with
#                 `trunk build --release`, or copy a build aside: cp -r dist /tmp/bench-dist)
#   anything else goes to bench/browser/run.mjs (--only, --runs, --json FILE, --profile, ...)
# The cargo bench builds into $CARGO_TARGET_DIR when set (e.g. CARGO_TARGET_DIR=/tmp/tgt-bench
# keeps it off the target/ that another build is using).
set -euo pipefail

cd "$(dirname "$0")/.."
cargo=1
browser=1
dist=dist
rest=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-cargo) cargo=0 ;;
    --no-browser) browser=0 ;;
    --dist)
      [ $# -ge 2 ] || { echo "bench.sh: --dist needs a folder" >&2; exit 2; }
      dist=$2
      shift
      ;;
    -h | --help)
      sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *) rest+=("$1") ;;
  esac
  shift
done

echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)   commit: $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
echo "machine: $(nproc) × $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(free -g | awk '/^Mem:/{print $2}') GiB RAM"
echo "rustc: $(rustc --version 2>/dev/null || echo 'not found')"
echo

if [ "$cargo" = 1 ]; then
  echo "== cargo bench -p waqai-engine --bench extract   (native engine; MiB/s is criterion's 'thrpt')"
  # Bounded: the build and the run together get 40 minutes.
  timeout 2400 cargo bench -p waqai-engine --bench extract
  echo
fi

if [ "$browser" = 1 ]; then
  echo "== node bench/browser/run.mjs --dist $dist ${rest[*]:-}"
  # run.mjs bounds each benchmark itself; this is the backstop.
  timeout 7200 node bench/browser/run.mjs --dist "$dist" "${rest[@]}"
fi
