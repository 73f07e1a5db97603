#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that po/POTFILES.in lists every file with translatable strings, and nothing else.

Usage: check-potfiles.py SOURCE_DIR [--update]
"""
import pathlib
import re
import sys

MARKERS_C = re.compile(r'(?<![A-Za-z0-9_])(_|N_|C_|NC_|g_dngettext|ngettext)\s*\(')
MARKER_UI = re.compile(r'translatable="yes"')
DATA = [
    "data/io.github.nremdesk.NremDesk.desktop.in",
    "data/io.github.nremdesk.NremDesk.gschema.xml",
    "data/io.github.nremdesk.NremDesk.metainfo.xml.in",
]


def translatable_files(top):
    found = set(DATA)
    for path in sorted((top / "src").rglob("*.[ch]")):
        text = path.read_text(encoding="utf-8")
        # a file that defines the macros is not a file with strings
        if MARKERS_C.search(text):
            found.add(str(path.relative_to(top)))
    for path in sorted((top / "resources").rglob("*.ui")):
        if MARKER_UI.search(path.read_text(encoding="utf-8")):
            found.add(str(path.relative_to(top)))
    return found


def main():
    top = pathlib.Path(sys.argv[1]).resolve()
    potfiles = top / "po" / "POTFILES.in"
    wanted = translatable_files(top)
    if "--update" in sys.argv:
        lines = ["# List of source files containing translatable strings.",
                 "# Please keep this file sorted alphabetically (tools/check-potfiles.py --update)."]
        potfiles.write_text("\n".join(lines + sorted(wanted)) + "\n", encoding="utf-8")
        return 0
    listed = set()
    for line in potfiles.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            listed.add(line)
    missing = sorted(wanted - listed)
    extra = sorted(f for f in listed - wanted if not (top / f).exists() or f not in wanted)
    for f in missing:
        print(f"po/POTFILES.in does not list {f}, which has translatable strings")
    for f in extra:
        print(f"po/POTFILES.in lists {f}, which has no translatable strings or does not exist")
    if missing or extra:
        print("Run tools/check-potfiles.py . --update")
        return 1
    print(f"po/POTFILES.in lists all {len(wanted)} files with translatable strings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
