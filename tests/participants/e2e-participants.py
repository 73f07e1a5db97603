#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Participants pane as a screen-reader user meets it: the built binary on a new database,
driven through the accessibility tree. Open the pane, add a person from the empty state, type
their name, then find them by searching with the words in another order and without accents;
the database must hold what was typed, and the list and the count must show the person.

Usage: e2e-participants.py NREM_DESK_BINARY
"""
import importlib
import importlib.util
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "e2e"))
from nrem_atspi import click as press, find_app, wait_for, walk  # noqa: E402

if importlib.util.find_spec("pyatspi") is None:
    print("pyatspi is missing: skipped")
    sys.exit(77)

# Imported once the program runs: importing it starts the accessibility bus, whose launcher
# connects to the X server and leaves again; were it the server's only client then, Xvfb
# would reset and the program would find no display.
pyatspi = None

NAME = "Zoë Ndlovu-Åberg"


def find(root, name, roles=None, not_roles=()):
    for n in walk(root):
        try:
            if (n.name or "").strip() != name:
                continue
            if roles and n.getRoleName() not in roles:
                continue
            if n.getRoleName() in not_roles:
                continue
            return n
        except Exception:
            continue
    return None


def editables(root, name):
    """The editable texts of the controls named @name (a column header may share the name)."""
    for node in walk(root):
        try:
            if (node.name or "").strip() != name:
                continue
        except Exception:
            continue
        for n in walk(node):
            try:
                yield n.queryEditableText()
                break
            except Exception:
                continue


def editable(root, name):
    return next(editables(root, name), None)


def text_of(editable_text):
    try:
        return editable_text.getText(0, editable_text.characterCount)
    except Exception:
        return None


def db_row(db, sql, args=()):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, args).fetchone()
    finally:
        con.close()


def main():
    global pyatspi
    binary = sys.argv[1]
    tmp = tempfile.mkdtemp(prefix="nrem-e2e-participants-")
    db = os.path.join(tmp, "e2e.db")
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(tmp, "data"),
               XDG_CONFIG_HOME=os.path.join(tmp, "config"),
               XDG_CACHE_HOME=os.path.join(tmp, "cache"), GTK_A11Y="atspi")
    env.pop("GTK_THEME", None)
    env.pop("NO_AT_BRIDGE", None)
    log_path = os.path.join(tmp, "app.log")
    log = open(log_path, "w")
    proc = subprocess.Popen([binary, "--db", db], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        # the program holds its connection to the display before the bus starts
        time.sleep(1.0)
        pyatspi = importlib.import_module("pyatspi")
        app = wait_for("the application on the accessibility bus", lambda: find_app(proc.pid))

        # the pane, by its name in the view switcher
        tab = wait_for("the Participants tab", lambda: find(app, "Participants", roles=("page tab",)))
        press(tab)
        wait_for("the Participants tab selected",
                 lambda: tab.getState().contains(pyatspi.STATE_SELECTED) or
                 tab.getState().contains(pyatspi.STATE_PRESSED) or
                 tab.getState().contains(pyatspi.STATE_CHECKED))
        pane = wait_for("the Participants pane",
                        lambda: find(app, "Participants", not_roles=("page tab", "label")))

        # a new database holds no one: the empty state offers to add a person
        add = wait_for("Add Participant in the empty state",
                       lambda: find(pane, "Add Participant", roles=("push button",)))

        # a button pressed while the pane is still sliding in is not realized yet and ignores
        # the press: press again until the person is there (never twice once it is)
        def added():
            if db_row(db, "SELECT uuid FROM participant WHERE name = 'New Participant'"):
                return True
            press(add)
            time.sleep(1.0)
            return bool(db_row(db, "SELECT uuid FROM participant WHERE name = 'New Participant'"))
        wait_for("the new person in the database", added)

        def name_field():
            for field in editables(pane, "Name"):
                if text_of(field) == "New Participant":
                    return field
            return None
        name = wait_for("the Name field of the new person", name_field)

        # the name, typed: saved as typed, one new version of the record
        name.setTextContents(NAME)
        row = wait_for("the name in the database",
                       lambda: db_row(db, "SELECT uuid, rev FROM participant WHERE name = ?"
                                          " AND deleted_at IS NULL", (NAME,)), timeout=15)
        assert row[1] >= 2, f"the typed name is an edit of the new record, rev {row[1]}"

        # search: other word order, no accents, other case
        search = wait_for("the search field", lambda: editable(pane, "Search participants"))
        search.setTextContents("aberg ZOE")
        wait_for("the person in the list", lambda: find(pane, NAME, roles=("label",)))
        wait_for("the count", lambda: find(pane, "1 person", roles=("label",)))

        # a search that finds no one says so
        search.setTextContents("no such person")
        wait_for("no matches", lambda: find(pane, "No Matches"))
        assert db_row(db, "SELECT count(*) FROM participant WHERE deleted_at IS NULL")[0] == 1

        # every button of the pane has a name
        unnamed = [n.getRoleName() for n in walk(pane)
                   if n.getRoleName() in ("push button", "toggle button", "menu button")
                   and not (n.name or "").strip()]
        assert not unnamed, f"buttons without an accessible name: {unnamed}"
        print(f"ok: added “{NAME}” by typing (rev {row[1]}), found by “aberg ZOE”")
    except BaseException:
        log.flush()
        print("exit status of the program:", proc.poll())
        print("the program said:\n" + open(log_path, encoding="utf-8", errors="replace").read()[-4000:])
        raise
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
