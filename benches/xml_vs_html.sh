#!/usr/bin/env bash
# XML reading speed per MB against the HTML reader, on the same tables: every corpus truth page
# rendered as an official publication (tests/render/cals.rs, two styles) and as HTML
# (tests/render/styles.rs, four styles), each copied COPIES times (default 40) into its own
# folder, then timed stage by stage (benches/stages.rs, one core, fastest of 3 rounds).
#
#     bash benches/xml_vs_html.sh [COPIES]
#
# Needs only the Rust toolchain. Writes to a fresh folder under /tmp.
set -euo pipefail
cd "$(dirname "$0")/.."
copies="${1:-40}"
work="$(mktemp -d /tmp/begroting-xml-vs-html.XXXXXX)"
BEGROTING_RENDERINGS="$work/renderings" cargo test --release --quiet --test xml_renderings --test html_renderings >/dev/null
for format in xml html; do
  mkdir -p "$work/$format"
  for copy in $(seq 1 "$copies"); do
    for file in "$work"/renderings/*."$format"; do
      cp "$file" "$work/$format/$copy-$(basename "$file")"
    done
  done
done
for format in xml html; do
  echo "== $format"
  cargo bench --quiet --no-default-features --bench stages -- "$work/$format" | grep -E "documents|decode|reader only|every stage \("
done
echo "(inputs in $work)"
