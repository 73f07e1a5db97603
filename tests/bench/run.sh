#!/bin/sh
# Generates the large data set and runs every benchmark; each prints ratios against a floor
# measured in the same run. Needs a display: run under xvfb-run (make bench does).
set -eu
BUILD=${1:-build}
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$HERE/../..
DATA=${TMPDIR:-/tmp}/nrem-desk-bench
mkdir -p "$DATA"
export GSETTINGS_SCHEMA_DIR="$BUILD/data" GSETTINGS_BACKEND=memory GSK_RENDERER=cairo \
       LANG=C.UTF-8 GTK_THEME=Adwaita ADW_DISABLE_PORTAL=1 XDG_DATA_HOME="$DATA/xdg"

if [ ! -f "$DATA/large.json" ]; then
  echo "Generating the large data set…"
  /usr/bin/python3 "$HERE/make-large.py" "$DATA/large.json"
fi

echo "== exchange (import and export of the large data set)"
"$BUILD/tests/bench/bench-exchange" "$DATA/large.json" "$TOP/resources/seed/seed.json"

echo "== start-up and memory (the window on the large database)"
rm -f "$DATA/large.db" "$DATA/large.db-wal" "$DATA/large.db-shm"
"$BUILD/src/nrem-desk" --db "$DATA/large.db" --import-json "$DATA/large.json" >/dev/null
/usr/bin/python3 "$HERE/startup.py" "$BUILD/tests/bench/bench-startup" "$DATA/large.db"

echo "== mandates (the matrix of 300 mechanisms x 25 dimensions: first frame, scrolling)"
"$BUILD/tests/bench/bench-mandates" "$DATA/large.json"

echo "== agenda (a schedule of 1,000 events: import and the first day)"
"$BUILD/tests/bench/bench-agenda"

echo "== recommendations (2,000 with 5 revisions: list, filter as you type, scrolling; export of 200)"
"$BUILD/tests/bench/bench-recommendations" "$DATA/large.json"

echo "== participants (10,000 people: first rows, search as you type)"
"$BUILD/tests/bench/bench-participants" "$DATA/large.json"
