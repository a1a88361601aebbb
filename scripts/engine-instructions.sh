#!/usr/bin/env bash
# Instructions of one engine pass and one Aho-Corasick floor pass over the 4 MiB
# benchmark corpus, counted by valgrind's callgrind (crates/engine/examples/corpus_pass.rs).
# Unlike times, counts do not drift with the machine, so they compare two engine builds
# on a noisy VM; they are not times (the floor runs fewer instructions per cycle than the
# engine), so the ≤ 3× target stays on the times of `cargo bench`.
# Usage: bash scripts/engine-instructions.sh        (needs valgrind: apt-get install valgrind)
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v valgrind > /dev/null; then
    echo "engine-instructions: valgrind is not installed (apt-get install valgrind)" >&2
    exit 1
fi
cargo build -q --release -p waqai-engine --example corpus_pass
bin=target/release/examples/corpus_pass
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
count() { # what function
    valgrind --tool=callgrind --collect-atstart=no --toggle-collect="$2" \
        --callgrind-out-file="$out/$1" "$bin" "$1" > /dev/null 2> "$out/$1.log"
    grep -m1 '^summary:\|^totals:' "$out/$1" | awk '{print $2}'
}
engine=$(count engine measured_engine)
floor=$(count floor measured_floor)
awk -v e="$engine" -v f="$floor" 'BEGIN {
    printf "engine  %8.1f M instructions per 4 MiB pass (%.0f per byte)\n", e / 1e6, e / 4194304
    printf "floor   %8.1f M instructions (one Aho-Corasick pass)\n", f / 1e6
    printf "ratio   %8.2f (instructions, not time)\n", e / f
}'
