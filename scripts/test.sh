#!/usr/bin/env bash
# Everything CI checks, in order: set-up, rustfmt, clippy, Rust tests (and the build's
# splitter's), the Trunk release build (proved offline), the sub-path build (/waqai/), the size
# report and the browser tests.
# Independent checks all run even when one fails, so one run shows every problem; the summary
# at the end lists each step, and the exit status is non-zero if any step failed.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
# node_modules/.bin first: Trunk must find the pinned wasm-opt (binaryen 132).
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
START=$SECONDS

fmt_time() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }

# Set-up failing means nothing below can work: stop at once.
echo "=== set-up"
bash scripts/setup.sh --browser

SUMMARY=()
FAILED=0
# run NAME CMD...: runs CMD in a subshell with `set -e` in force, records PASS/FAIL, the time
# and LAST_RC, and always returns 0. (It must not be called as `run ... || x` or `if run`:
# bash then switches -e off for everything inside, and a failing command in the middle of a
# step would go unnoticed.)
run() {
  local name=$1 start=$SECONDS rc
  shift
  printf '\n=== %s\n' "$name"
  set +e
  (set -e; "$@")
  rc=$?
  set -e
  LAST_RC=$rc
  if [ $rc -eq 0 ]; then
    SUMMARY+=("PASS  $(fmt_time $((SECONDS - start)))  $name")
  else
    SUMMARY+=("FAIL  $(fmt_time $((SECONDS - start)))  $name (exit $rc)")
    FAILED=1
  fi
}

# Trunk.toml has offline = true and pinned [tools]; running trunk without a network as well
# makes any download attempt fail loudly instead of quietly succeeding on a connected machine.
trunk_no_net() {
  if unshare --net true 2>/dev/null; then
    echo "(trunk runs without network: unshare --net)"
    unshare --net -- trunk "$@"
  else
    echo "(unshare --net not permitted here; relying on offline = true in Trunk.toml)"
    trunk "$@"
  fi
}

run "cargo fmt --check" cargo fmt --all -- --check
run "cargo clippy -D warnings" cargo clippy --workspace --all-targets -- -D warnings
run "cargo test" cargo test --workspace
# The build's splitter (its own crate and lock file; setup.sh has built it).
SPLIT_TOOL=(--manifest-path tools/wasm-split/Cargo.toml --target-dir target/wasm-split-tool)
run "tools/wasm-split: fmt, clippy, test" bash -c "cargo fmt --manifest-path tools/wasm-split/Cargo.toml -- --check && cargo clippy --release --locked ${SPLIT_TOOL[*]} --all-targets -- -D warnings && cargo test --release --locked ${SPLIT_TOOL[*]}"

run "trunk build --release (offline)" trunk_no_net build --release
BUILD_RC=$LAST_RC
# The same site for hosting under a sub-path; the e2e tests serve it under /waqai/.
run "trunk build --release --public-url /waqai/ (offline)" \
  trunk_no_net build --release --public-url /waqai/ --dist target/dist-subpath

if [ "$BUILD_RC" = 0 ]; then
  run "dist sizes" bash scripts/dist-sizes.sh dist
  # Explicit file list: `node --test DIR` means different things in different Node versions.
  run "e2e tests (node --test tests/e2e/*.test.mjs)" \
    node --test --test-reporter=spec tests/e2e/*.test.mjs
else
  SUMMARY+=("FAIL  -      e2e tests (not run: the release build failed)")
  FAILED=1
fi

printf '\n=== summary (%s in all)\n' "$(fmt_time $((SECONDS - START)))"
printf '%s\n' "${SUMMARY[@]}"
if [ $FAILED = 1 ]; then
  echo "test.sh: FAILED"
  exit 1
fi
echo "test.sh: all passed"
