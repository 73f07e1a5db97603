#!/usr/bin/python3
# e2e-mandates.py — the Mandates pane through the accessibility tree, as a screen reader user
# would use it: open the pane, search for a mechanism, open its profile, edit one cell of its
# row of the matrix in the shared editor, and find the new value where the app shows it (the
# matrix's focused cell and the profile) and in the database.
#
# Usage: e2e-mandates.py PATH-TO-nrem-desk   (skips with 77 when pyatspi is missing)
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "e2e"))
from nrem_atspi import click, find_app, walk  # noqa: E402

try:
    import pyatspi
except ImportError:
    print("pyatspi is missing: skipped")
    sys.exit(77)

NAMESPACE = uuid.UUID("6f1c2a4e-3b7d-5e8f-9a01-4c2d3e5f6a7b")
NL_MECHANISM = "1086159e-42a4-4083-bffb-5155ec75a1db"
DIM_INDEPENDENCE = "90ffe176-2a9e-5832-a624-b5a272015656"
NL_NAME = "National Rapporteur on Trafficking in Human Beings (sample)"


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def poll(what, func, timeout=30.0, interval=0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            result = func()
        except Exception:  # the tree changes under us; try again
            result = None
        if result:
            return result
        time.sleep(interval)
    fail("timed out waiting for " + what)


def showing(node):
    try:
        return node.getState().contains(pyatspi.STATE_SHOWING)
    except Exception:
        return False


def find(app, roles, name=None, prefix=None, contains=None, visible=False):
    for node in walk(app):
        try:
            if node.getRole() not in roles:
                continue
            n = node.name or ""
        except Exception:
            continue
        if name is not None and n != name:
            continue
        if prefix is not None and not n.startswith(prefix):
            continue
        if contains is not None and contains not in n:
            continue
        if visible and not showing(node):
            continue
        return node
    return None


BUTTONS = (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON)
ENTRIES = (pyatspi.ROLE_ENTRY, pyatspi.ROLE_TEXT)


def cell_in_db(db_path, cell_uuid):
    con = sqlite3.connect(db_path)
    try:
        row = con.execute("SELECT value, note, deleted_at FROM assessment WHERE uuid = ?",
                          (cell_uuid,)).fetchone()
    finally:
        con.close()
    return row


def main():
    if len(sys.argv) < 2:
        fail("usage: e2e-mandates.py PATH-TO-nrem-desk")
    desk = sys.argv[1]
    source = os.environ.get("NREM_SOURCE_DIR",
                            os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    sample = os.path.join(source, "data", "samples", "nrem-desk-sample.json")

    tmp = tempfile.mkdtemp(prefix="nrem-e2e-mandates-")
    env = dict(os.environ)
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                     ("XDG_CACHE_HOME", "cache")):
        env[var] = os.path.join(tmp, sub)
        os.makedirs(env[var], exist_ok=True)
    env.pop("GTK_A11Y", None)
    env["NO_AT_BRIDGE"] = "0"
    db_path = os.path.join(tmp, "e2e.db")

    subprocess.run([desk, "--db", db_path, "--import-json", sample], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    cell_uuid = str(uuid.uuid5(NAMESPACE, "assessment:%s:%s" % (NL_MECHANISM, DIM_INDEPENDENCE)))
    before = cell_in_db(db_path, cell_uuid)
    if before is None or before[0] != "by-law":
        fail("the sample should say the Dutch rapporteur is independent by law, not %r" % (before,))

    # Xvfb resets when its last client leaves, and a program that connects just then cannot
    # open the display: start again when it exits that early
    proc = None
    app = None
    for attempt in range(3):
        proc = subprocess.Popen([desk, "--db", db_path], env=env)
        deadline = time.monotonic() + 40
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                app = find_app(proc.pid)
            except Exception:
                app = None
            if app is not None:
                break
            time.sleep(0.1)
        if app is not None:
            break
        if proc.poll() is None:
            proc.terminate()
            proc.wait(10)
        print("the program did not start (exit status %r); again" % (proc.returncode,))
    try:
        if app is None:
            fail("timed out waiting for the application on the accessibility bus")

        # the Mandates pane
        # (GTK 4.8 does not keep the "showing" state of AT-SPI: controls are found by role and name)
        tab = poll("the Mandates tab", lambda: find(app, BUTTONS + (pyatspi.ROLE_PAGE_TAB,), name="Mandates"))
        click(tab)
        search = poll("the search field of the matrix",
                      lambda: find(app, ENTRIES, name="Search mechanisms"))

        # search: accents and case do not matter
        search.queryEditableText().setTextContents("NETHERLANDS")
        matrix = poll("the matrix on the Dutch rapporteur",
                      lambda: find(app, (pyatspi.ROLE_TABLE,), prefix="Netherlands, " + NL_NAME))
        print("matrix: " + matrix.name)

        # the mechanism's profile, and its row of the matrix as a list
        click(poll("the profile button",
                   lambda: find(app, BUTTONS, name="Open the profile of the selected mechanism")))
        edit = poll("the Independence row of the profile",
                    lambda: find(app, BUTTONS, name="Edit Independence: By law"))
        click(edit)

        # the shared editor: choose "Functional"
        functional = poll("the value Functional in the editor",
                          lambda: find(app, BUTTONS, name="Functional"))
        click(functional)
        row = poll("the new value in the database",
                   lambda: (lambda r: r if r and r[0] == "functional" else None)(cell_in_db(db_path, cell_uuid)))
        if row[1] != before[1]:
            fail("the note changed: %r" % (row[1],))

        # find it where the app shows it: the matrix's focused cell, and the profile
        found = poll("the matrix telling the new value",
                     lambda: find(app, (pyatspi.ROLE_TABLE,),
                                  name="Netherlands, %s: Independence — Functional; has a note" % NL_NAME))
        print("matrix: " + found.name)
        poll("the profile telling the new value",
             lambda: find(app, BUTTONS, name="Edit Independence: Functional"))
        print("ok: the cell was set through the editor and found in the matrix, the profile and the database")
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
