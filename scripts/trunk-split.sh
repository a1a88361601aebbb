#!/usr/bin/env bash
# Trunk's post-build hook (Trunk.toml): puts the page's split modules into the site.
#
# tools/wasm-link split the page's module when it was linked: the main part went on to
# Trunk's wasm-bindgen and wasm-opt as usual; the views fetched after the first paint
# (src/components/deferred.rs) wait in <target>/wasm32-unknown-unknown/<profile>/wasm-split/
# waqai_web/, with their loader, waqai-split.js. This copies them into Trunk's staging
# directory: each module optimised like the page's (release builds) and named by its content's
# hash, as Trunk names the page's files, so a browser never pairs a cached module with a newer
# page; the loader is told those names and the name of the page's script, whose initSync
# hands the split modules the page's memory and function table.
set -euo pipefail

: "${TRUNK_STAGING_DIR:?run by trunk as a hook}"
case "${TRUNK_PROFILE:-debug}" in
  release) profile_dir=wasm-release ;;  # index.html: data-cargo-profile-release="wasm-release"
  *) profile_dir=debug ;;
esac
split_dir="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/$profile_dir/wasm-split/waqai_web"
loader="$split_dir/waqai-split.js"
[ -f "$loader" ] || { echo "trunk-split: no $loader (was the page linked by tools/wasm-link?)" >&2; exit 1; }

page_js=$(cd "$TRUNK_STAGING_DIR" && ls waqai-web-*.js 2>/dev/null | head -n 1 || true)
[ -n "$page_js" ] || { echo "trunk-split: no waqai-web-*.js in $TRUNK_STAGING_DIR" >&2; exit 1; }

script="$TRUNK_STAGING_DIR/waqai-split.js"
sed "s#\"./waqai-web.js\"#\"./$page_js\"#" "$loader" > "$script"
for module in "$split_dir"/split_*.wasm; do
  name=$(basename "$module" .wasm)
  out="$TRUNK_STAGING_DIR/$name.wasm"
  if [ "${TRUNK_PROFILE:-debug}" = release ]; then
    # The features the page's module uses (wasm-opt reads them from the page's own
    # target_features section, which split modules lack).
    wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      "$module" -o "$out"
  else
    cp "$module" "$out"
  fi
  hashed="$name-$(sha256sum "$out" | cut -c1-16).wasm"
  mv "$out" "$TRUNK_STAGING_DIR/$hashed"
  grep -q "\"./$name.wasm\"" "$script" || { echo "trunk-split: $loader does not fetch ./$name.wasm" >&2; exit 1; }
  sed -i "s#\"./$name.wasm\"#\"./$hashed\"#" "$script"
done
grep -q "\"./$page_js\"" "$script" || { echo "trunk-split: $loader does not import ./waqai-web.js" >&2; exit 1; }
