#!/bin/sh
# Generates the large data set and runs every benchmark; each prints ratios against a floor
# measured in the same run.
set -eu
BUILD=${1:-build}
HERE=$(dirname "$0")
TOP=$HERE/../..
DATA=${TMPDIR:-/tmp}/nrem-desk-bench
mkdir -p "$DATA"

if [ ! -f "$DATA/large.json" ]; then
  echo "Generating the large data set…"
  /usr/bin/python3 "$HERE/make-large.py" "$DATA/large.json"
fi

echo "== exchange"
"$BUILD/tests/bench/bench-exchange" "$DATA/large.json" "$TOP/resources/seed/seed.json"
