#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end, as a person with a screen reader: open the Agenda, add a session, give it a
title by typing, and find it in the day, read with its day and start time; check the database.

Run by Debian's /usr/bin/python3 with pyatspi under xvfb-run and dbus-run-session.
"""

import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "e2e"))
from nrem_atspi import click, db_value, wait_for, walk  # noqa: E402

TITLE = "Human rights due diligence in supply chains"
BANGKOK = "5862ca7e-5108-5623-8dc4-8bf867ee0229"

try:
    import pyatspi
except ImportError:
    print("# skipped: pyatspi is missing")
    sys.exit(77)


def find(root, role=None, name=None, contains=None, showing=False):
    for node in walk(root):
        try:
            if role is not None and node.getRole() != role:
                continue
            if name is not None and node.name != name:
                continue
            if contains is not None and not all(c in (node.name or "") for c in contains):
                continue
            # GTK 4.8 says "visible", not "showing"
            if showing and not node.getState().contains(pyatspi.STATE_VISIBLE):
                continue
            return node
        except Exception:
            continue
    return None


def main():
    binary = sys.argv[1]
    source = os.environ.get("NREM_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
    tmp = tempfile.mkdtemp(prefix="nrem-agenda-e2e-")
    env = dict(os.environ)
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache")):
        env[var] = os.path.join(tmp, sub)
    env.pop("NO_AT_BRIDGE", None)
    env.pop("GTK_A11Y", None)
    env["GTK_A11Y"] = "atspi"
    db = os.path.join(tmp, "e2e.db")
    app = None
    try:
        subprocess.run([binary, "--db", db, "--import-json",
                        os.path.join(source, "data", "samples", "nrem-desk-sample.json")],
                       env=env, check=True, capture_output=True, timeout=120)
        app = subprocess.Popen([binary, "--db", db], env=env)

        desktop = pyatspi.Registry.getDesktop(0)

        def the_app():
            for i in range(desktop.childCount):
                a = desktop.getChildAtIndex(i)
                if a is not None and a.name in ("nrem-desk", "NREM Desk"):
                    try:
                        if a.get_process_id() == app.pid:
                            return a
                    except Exception:
                        return a
            return None

        root = wait_for("the app on the accessibility bus", the_app)

        # the Agenda pane, by its switcher
        switch = wait_for("the Agenda switcher",
                          lambda: find(root, name="Agenda", role=pyatspi.ROLE_PAGE_TAB, showing=True)
                          or find(root, name="Agenda", role=pyatspi.ROLE_TOGGLE_BUTTON, showing=True))
        click(switch)

        # the pane itself, a group named "Agenda": the overview has a "Title" field too
        pane = wait_for("the Agenda pane",
                        lambda: find(root, role=pyatspi.ROLE_PANEL, name="Agenda")
                        or find(root, role=pyatspi.ROLE_GROUPING, name="Agenda"))
        add = wait_for("the Add Session button",
                       lambda: find(pane, role=pyatspi.ROLE_PUSH_BUTTON, name="Add Session", showing=True))
        before = db_value(db, "SELECT count(*) FROM session WHERE deleted_at IS NULL")
        click(add)
        wait_for("a new session in the database",
                 lambda: db_value(db, "SELECT count(*) FROM session WHERE deleted_at IS NULL") == before + 1)

        # type its title where a screen reader finds it: the text field named "Title"
        def title_field():
            for node in walk(pane):
                try:
                    if node.name == "Title" and node.getRole() in (pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY) \
                            and node.getState().contains(pyatspi.STATE_EDITABLE):
                        return node
                except Exception:
                    continue
            return None

        field = wait_for("the Title field", title_field)
        editable = field.queryEditableText()
        editable.setTextContents(TITLE)

        uuid = wait_for("the title saved",
                        lambda: db_value(db, "SELECT uuid FROM session WHERE title = ? AND deleted_at IS NULL",
                                         TITLE), timeout=15)
        day, start, meeting = (db_value(db, "SELECT day FROM session WHERE uuid = ?", uuid),
                               db_value(db, "SELECT start_time FROM session WHERE uuid = ?", uuid),
                               db_value(db, "SELECT meeting FROM session WHERE uuid = ?", uuid))
        assert meeting == BANGKOK, meeting
        assert day == "2014-05-21", day

        # and in the day: a list item read with the day and the start time
        item = wait_for("the session in the day",
                        lambda: find(pane, role=pyatspi.ROLE_LIST_ITEM, contains=("Wednesday 21 May", start, TITLE)),
                        timeout=15)
        print(f"ok - found “{item.name}”")
        assert item.name.startswith(f"Wednesday 21 May, {start}"), item.name
        print("ok - the session was added, titled, saved and found in the day")
        return 0
    finally:
        if app is not None:
            app.kill()
            app.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
