#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs bench-startup for the floor and for the app, alternately, and prints medians and ratios.

Targets (DESIGN.md): first frame <= 1.3 x the floor; resident size <= 1.5 x the floor + 60 MiB.
"""
import statistics
import subprocess
import sys

RUNS = 7
binary, database = sys.argv[1], sys.argv[2]


def measure(args):
    out = subprocess.run([binary] + args, capture_output=True, text=True, timeout=120).stdout
    for line in out.splitlines():
        if line.startswith("first-frame-ms"):
            parts = line.split()
            return float(parts[1]), int(parts[3])
    raise SystemExit(f"no measurement from {args}: {out!r}")


floor, app = [], []
measure(["floor"])  # warm the caches once for both
for _ in range(RUNS):
    floor.append(measure(["floor"]))
    app.append(measure(["app", database]))

ff = statistics.median(f for f, _ in floor)
fa = statistics.median(f for f, _ in app)
rf = statistics.median(r for _, r in floor)
ra = statistics.median(r for _, r in app)
print(f"first frame: floor (empty AdwApplicationWindow) {ff:.0f} ms, NREM Desk on the large database {fa:.0f} ms")
print(f"ratio start-up {fa / ff:.2f} (target <= 1.30)")
print(f"resident size: floor {rf / 1024:.1f} MiB, NREM Desk {ra / 1024:.1f} MiB")
limit = 1.5 * rf + 60 * 1024
print(f"ratio memory {(ra - 60 * 1024) / rf:.2f} (target <= 1.50: {ra / 1024:.1f} MiB against a limit of {limit / 1024:.1f} MiB)")
