#!/usr/bin/env bash
# Installs what building and testing waqai needs, and only what is missing: a second run
# installs nothing. Everything comes from crates.io, npm and Debian at pinned versions, so
# that Trunk (offline = true in Trunk.toml) never has to download a tool itself.
#
#   bash scripts/setup.sh            Rust target, trunk, wasm-bindgen-cli, npm tools, crates
#   bash scripts/setup.sh --browser  ... and Debian's chromium + chromium-driver (for the e2e tests)
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

TRUNK_VERSION=0.21.14   # 0.22 needs a newer rustc than the one we build with
WANT_BROWSER=0
for arg in "$@"; do
  case "$arg" in
    --browser) WANT_BROWSER=1 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "setup.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

log() { printf '[setup] %s\n' "$*"; }
# step NAME CMD...: runs CMD and prints how long it took (set -e stops us if it fails).
step() {
  local name=$1 start=$SECONDS
  shift
  log "$name ..."
  "$@"
  log "$name: done in $(( (SECONDS - start) / 60 ))m$(( (SECONDS - start) % 60 ))s"
}
# Root installs system packages directly; anyone else goes through sudo.
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# If someone (or another setup.sh) is already running `cargo install CRATE`, wait for it
# instead of compiling the same thing twice on a small machine.
wait_for_other_install() {
  local crate=$1 waited=0
  while pgrep -f "^[^ ]*cargo install $crate( |\$)" >/dev/null 2>&1; do
    [ $waited -eq 0 ] && log "another 'cargo install $crate' is running; waiting for it"
    sleep 5; waited=$((waited + 5))
  done
  [ $waited -gt 0 ] && log "it finished after ~${waited}s" || true
}

TOTAL_START=$SECONDS

# --- Rust: the wasm target, rustfmt and clippy (test.sh runs both) ---------------------------
for tool in cargo rustup; do
  command -v $tool >/dev/null || { echo "setup.sh: $tool not found; install Rust with rustup (https://rustup.rs) first" >&2; exit 1; }
done
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "rust target wasm32-unknown-unknown: present"
else
  step "rustup target add wasm32-unknown-unknown" rustup target add wasm32-unknown-unknown
fi
for comp in rustfmt clippy; do
  if cargo "${comp/rustfmt/fmt}" --version >/dev/null 2>&1; then
    log "rust component $comp: present"
  else
    step "rustup component add $comp" rustup component add "$comp"
  fi
done

# --- trunk (builds and serves the page) --------------------------------------------------------
have_trunk() { trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; }
have_trunk || wait_for_other_install trunk
if have_trunk; then
  log "trunk $TRUNK_VERSION: present"
else
  # --locked: the versions trunk was released with (newer ones may need a newer rustc).
  step "cargo install trunk $TRUNK_VERSION (about 6 min)" \
    cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# --- wasm-bindgen-cli: must be exactly the wasm-bindgen version in Cargo.lock ------------------
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$WBG_VERSION" ] || { echo "setup.sh: no wasm-bindgen in Cargo.lock" >&2; exit 1; }
if ! grep -q "wasm_bindgen = \"$WBG_VERSION\"" Trunk.toml; then
  echo "setup.sh: Trunk.toml [tools] wasm_bindgen must equal Cargo.lock's wasm-bindgen $WBG_VERSION" >&2
  exit 1
fi
have_wbg() { wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WBG_VERSION"; }
have_wbg || wait_for_other_install wasm-bindgen-cli
if have_wbg; then
  log "wasm-bindgen-cli $WBG_VERSION: present"
else
  # No --locked: its lock file names a webpki-roots release some registry mirrors lack; the
  # binary's version, which is all that matters to Trunk, is exact either way.
  step "cargo install wasm-bindgen-cli $WBG_VERSION (about 2 min)" \
    cargo install wasm-bindgen-cli --version "$WBG_VERSION"
fi

# --- The page's splitter (tools/wasm-split), run after every wasm32 link by tools/wasm-link ---
# (.cargo/config.toml names it the linker). Built from its own lock file; a no-op when current.
step "cargo build tools/wasm-split (about 1 min the first time)" \
  cargo build --release --locked -q --manifest-path tools/wasm-split/Cargo.toml --target-dir target/wasm-split-tool

# --- Node tools from npm: wasm-opt (binaryen 132), playwright-core, axe-core ------------------
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  step "apt-get update" as_root apt-get update -q
  step "apt-get install nodejs npm" as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs npm
fi
# npm ci wipes and reinstalls node_modules, so run it only when package-lock.json changed
# since the last run (its hash is kept in node_modules) or a tool is missing.
LOCK_SUM=$(sha256sum package-lock.json | cut -d' ' -f1)
STAMP=node_modules/.waqai-setup-lock.sha256
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$LOCK_SUM" ] \
   && wasm-opt --version 2>/dev/null | grep -q 'version 132' \
   && [ -f node_modules/playwright-core/package.json ] && [ -f node_modules/axe-core/axe.min.js ]; then
  log "npm tools (binaryen 132, playwright-core, axe-core): present"
else
  step "npm ci (binaryen, playwright-core, axe-core)" \
    npm ci --no-audit --no-fund --loglevel=error
  echo "$LOCK_SUM" > "$STAMP"
fi
# Trunk must find this wasm-opt first: Debian's binaryen 108 silently breaks the module.
[ "$(command -v wasm-opt)" = "$ROOT/node_modules/.bin/wasm-opt" ] || {
  echo "setup.sh: wasm-opt on PATH is $(command -v wasm-opt), not node_modules/.bin/wasm-opt" >&2; exit 1; }

# --- Chromium for the end-to-end tests (Debian's; never a Playwright download) ---------------
if [ "$WANT_BROWSER" = 1 ]; then
  if [ -x /usr/bin/chromium ]; then
    log "chromium: present ($(/usr/bin/chromium --version 2>/dev/null | head -1))"
  else
    step "apt-get update" as_root apt-get update -q
    step "apt-get install chromium chromium-driver (about 45 s)" \
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium chromium-driver
  fi
fi

# --- Crates: Trunk.toml sets offline = true, which builds with `cargo --offline` ---------------
if cargo fetch --offline >/dev/null 2>&1; then
  log "crates: all in the local cargo cache"
else
  step "cargo fetch" cargo fetch
fi

# Check what Trunk will actually find on PATH (an install into another cargo root would not do).
have_trunk || { echo "setup.sh: 'trunk --version' is not $TRUNK_VERSION: $(trunk --version 2>&1 || true)" >&2; exit 1; }
have_wbg || { echo "setup.sh: 'wasm-bindgen --version' is not $WBG_VERSION: $(wasm-bindgen --version 2>&1 || true)" >&2; exit 1; }

log "ready in $(( (SECONDS - TOTAL_START) / 60 ))m$(( (SECONDS - TOTAL_START) % 60 ))s:" \
  "$(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version), node $(node --version)"
