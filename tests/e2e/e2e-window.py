#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The window as a screen-reader user meets it: the built binary on a new database, driven
through the accessibility tree. It must open on the Bangkok consultation's overview, every
button must have a name, and the meeting's title must be editable by typing, landing in the
database.

Usage: e2e-window.py NREM_DESK_BINARY
"""
import os
import sqlite3
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "e2e"))
from nrem_atspi import find_app, wait_for, walk  # noqa: E402

try:
    import importlib.util
    if importlib.util.find_spec("pyatspi") is None:
        raise ImportError
except ImportError:
    print("pyatspi is missing: skipped")
    sys.exit(77)

BANGKOK = "Second Consultative Meeting on Strengthening Partnerships"


def text_of(node):
    try:
        t = node.queryText()
        return t.getText(0, t.characterCount)
    except Exception:
        return ""


def main():
    binary = sys.argv[1]
    tmp = tempfile.mkdtemp(prefix="nrem-e2e-")
    db = os.path.join(tmp, "e2e.db")
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(tmp, "data"),
               XDG_CONFIG_HOME=os.path.join(tmp, "config"),
               XDG_CACHE_HOME=os.path.join(tmp, "cache"), GTK_A11Y="atspi")
    env.pop("GTK_THEME", None)
    proc = subprocess.Popen([binary, "--db", db], env=env)
    try:
        app = wait_for("the application on the accessibility bus", lambda: find_app(proc.pid))

        # the overview shows the Bangkok consultation
        def bangkok_label():
            for n in walk(app):
                if n.getRoleName() == "label" and BANGKOK in (n.name or "") + text_of(n):
                    return n
            return None
        wait_for("the Bangkok title on the overview", bangkok_label)

        # every button can be named by a screen reader
        unnamed = []
        for n in walk(app):
            if n.getRoleName() in ("push button", "toggle button", "menu button"):
                if not (n.name or "").strip():
                    unnamed.append(n.getRoleName())
        assert not unnamed, f"buttons without an accessible name: {unnamed}"

        # the title, edited by typing into its field
        def title_entry():
            for n in walk(app):
                if n.getRoleName() in ("text", "entry") and (n.name or "").strip() == "Title":
                    return n
            return None
        entry = wait_for("the Title field", title_entry)
        editable = entry.queryEditableText()
        new_title = "Second Consultative Meeting (edited through the accessibility tree)"
        editable.setTextContents(new_title)

        def saved():
            con = sqlite3.connect(db)
            try:
                row = con.execute("SELECT title, rev FROM meeting WHERE title = ?", (new_title,)).fetchone()
            finally:
                con.close()
            return row
        row = wait_for("the edited title in the database", saved, timeout=15)
        assert row[1] >= 2, f"an edit bumps the revision, found rev {row[1]}"
        print("ok: overview shown, buttons named, title saved as rev", row[1])
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == "__main__":
    main()
