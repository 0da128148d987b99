#!/usr/bin/env bash
# What committing a run as one set costs (issue 15: SHA-256 of every output file, the manifest,
# one folder rename, the placing renames and the folder syncs).
#
#   bash benches/commit_overhead.sh [COPIES] [OLD_BINARY]
#
# Extracts COPIES (default 10) copies of the corpus pages, the seed, the HTML fixtures and the
# XML Kamerstukken to Parquet and JSON with target/release/begroting (build it first:
# `cargo build --release`), over a previous output, and prints when each step of the commit
# happened, read from the library's step trace (BEGROTING_TEST_TRACE_STEPS; python3 reads it).
# With OLD_BINARY (a build from before the commit protocol, e.g. of commit dcf0a31), also the
# best of three whole runs of each build.
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-10}
old=${2:-}
new=target/release/begroting
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/in"
for i in $(seq 1 "$copies"); do
  for f in fixtures/corpus/pages/*.txt fixtures/html/*.html fixtures/xml/*.xml fixtures/text/*.txt; do
    cp "$f" "$work/in/$i-$(basename "$f")"
  done
done
echo "inputs: $(ls "$work/in" | wc -l) files, $(du -sh "$work/in" | cut -f1)"
"$new" extract "$work/in" -o "$work/out" -q --format parquet,json || true
echo "output: $(du -sh --exclude='.begroting-*' "$work/out" | cut -f1)"
python3 - "$new" "$work" <<'PY'
import os, subprocess, sys, time
binary, work = sys.argv[1], sys.argv[2]
env = dict(os.environ, BEGROTING_TEST_TRACE_STEPS="1")
run = subprocess.Popen([binary, "extract", f"{work}/in", "-o", f"{work}/out", "-q", "--format", "parquet,json"],
                       stderr=subprocess.PIPE, text=True, env=env)
start = time.monotonic()
steps = [(time.monotonic() - start, line.split(": ", 2)[2].strip())
         for line in run.stderr if line.startswith("begroting-test: step")]
run.wait()
staged = next(t for t, what in steps if what == "files staged")
print(f"documents written and files closed: {staged:.3f} s")
for t, what in steps:
    if t >= staged:
        print(f"  +{(t - staged) * 1000:6.1f} ms  {what}")
print(f"commit: {(steps[-1][0] - staged) * 1000:.1f} ms of a {steps[-1][0]:.3f} s run")
PY
if [ -n "$old" ]; then
  for binary in "$old" "$new"; do
    out="$work/out-$(echo "$binary" | md5sum | cut -c1-8)"   # an older build refuses a manifest
    best=""
    for _ in 1 2 3; do
      start=$(date +%s.%N)
      "$binary" extract "$work/in" -o "$out" -q --format parquet,json || true
      seconds=$(echo "$(date +%s.%N) - $start" | bc)
      if [ -z "$best" ] || [ "$(echo "$seconds < $best" | bc)" = 1 ]; then best=$seconds; fi
    done
    echo "$binary: best of 3 whole runs: $best s"
  done
fi
