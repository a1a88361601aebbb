#!/usr/bin/env bash
# Prints the size of every file of a built site, raw and gzip -9 (what a static host that
# compresses would send), with totals. Usage: bash scripts/dist-sizes.sh [DIR]   (default dist)
set -euo pipefail

cd "$(dirname "$0")/.."
dir=${1:-dist}
[ -d "$dir" ] || { echo "dist-sizes.sh: $dir does not exist; build first (trunk build --release)" >&2; exit 1; }

total_raw=0
total_gz=0
printf '%12s %12s  %s\n' "raw bytes" "gzip -9" "file ($dir)"
# Trunk's staging folder (.stage) is not part of the site.
while IFS= read -r -d '' f; do
  raw=$(wc -c < "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '%12d %12d  %s\n' "$raw" "$gz" "${f#"$dir"/}"
done < <(find "$dir" -path "$dir/.stage" -prune -o -type f -print0 | sort -z)
printf '%12d %12d  %s\n' "$total_raw" "$total_gz" "TOTAL"
