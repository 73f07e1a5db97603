#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End to end, as a person with a screen reader: open the Recommendations pane, hear the rows
("Recommendation 1, agreed: …"), draft a new recommendation by typing its text and a
subparagraph, take it through the workflow to "agreed", and find it in the list under its new
number; check the database (autosave, revisions); then export the outcome document of the
same database with the command line and read it back.

Run by Debian's /usr/bin/python3 with pyatspi under xvfb-run and dbus-run-session:
    e2e-recommendations.py NREM_DESK_BINARY
NREM_E2E_SCREENSHOTS=DIR keeps screenshots of the steps (ImageMagick's import).
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "e2e"))
from nrem_atspi import click, db_value, wait_for, walk  # noqa: E402

TEXT = "States should consult national rapporteurs and equivalent mechanisms on draft legislation"
SUB = "including on the budget of anti-trafficking programmes."
BANGKOK = "5862ca7e-5108-5623-8dc4-8bf867ee0229"

try:
    import pyatspi
except ImportError:
    print("# skipped: pyatspi is missing")
    sys.exit(77)


def find(root, role=None, name=None, prefix=None, showing=False):
    for node in walk(root):
        try:
            if role is not None and node.getRole() != role:
                continue
            if name is not None and node.name != name:
                continue
            if prefix is not None and not (node.name or "").startswith(prefix):
                continue
            # GTK 4.8 says "visible", not "showing"
            if showing and not node.getState().contains(pyatspi.STATE_VISIBLE):
                continue
            return node
        except Exception:
            continue
    return None


def screenshot(name):
    folder = os.environ.get("NREM_E2E_SCREENSHOTS")
    if folder:
        subprocess.run(["import", "-window", "root", os.path.join(folder, name + ".png")], check=False)


def main():
    binary = sys.argv[1]
    source = os.environ.get("NREM_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
    tmp = tempfile.mkdtemp(prefix="nrem-recommendations-e2e-")
    env = dict(os.environ)
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache")):
        env[var] = os.path.join(tmp, sub)
    env.pop("NO_AT_BRIDGE", None)
    # the program's own warnings are its log, not a reason to stop it
    env.pop("G_DEBUG", None)
    env["GTK_A11Y"] = "atspi"
    db = os.path.join(tmp, "e2e.db")
    app = None
    try:
        subprocess.run([binary, "--db", db, "--import-json",
                        os.path.join(source, "data", "samples", "nrem-desk-sample.json")],
                       env=env, check=True, capture_output=True, timeout=120)
        log = open(os.path.join(tmp, "app.log"), "w")
        app = subprocess.Popen([binary, "--db", db], env=env, stdout=log, stderr=subprocess.STDOUT)
        desktop = pyatspi.Registry.getDesktop(0)

        def the_app():
            if app.poll() is not None:
                log.flush()
                raise SystemExit(f"the program ended ({app.returncode}):\n"
                                 + open(os.path.join(tmp, "app.log")).read())
            for i in range(desktop.childCount):
                a = desktop.getChildAtIndex(i)
                if a is not None and a.name in ("nrem-desk", "NREM Desk"):
                    try:
                        if a.get_process_id() == app.pid:
                            return a
                    except Exception:
                        return a
            return None

        root = wait_for("the app on the accessibility bus", the_app, timeout=60)
        tab = wait_for("the Recommendations switcher",
                       lambda: find(root, name="Recommendations", role=pyatspi.ROLE_PAGE_TAB, showing=True)
                       or find(root, name="Recommendations", role=pyatspi.ROLE_TOGGLE_BUTTON, showing=True))
        click(tab)
        pane = wait_for("the Recommendations pane",
                        lambda: find(root, role=pyatspi.ROLE_PANEL, name="Recommendations")
                        or find(root, role=pyatspi.ROLE_GROUPING, name="Recommendations"))

        # a screen reader hears number, status and text of each row
        first = wait_for("the first row",
                         lambda: find(pane, role=pyatspi.ROLE_LIST_ITEM,
                                      prefix="Recommendation 1, agreed: States that have not yet done so"))
        print(f"ok - heard “{first.name[:70]}…”")
        wait_for("the alternative, 3 bis",
                 lambda: find(pane, role=pyatspi.ROLE_LIST_ITEM, prefix="Recommendation 3 bis, under discussion: ["))
        screenshot("1-pane")

        # draft: a new recommendation after the first, selected
        before = db_value(db, "SELECT count(*) FROM recommendation WHERE deleted_at IS NULL")
        new = wait_for("the New button",
                       lambda: find(pane, role=pyatspi.ROLE_PUSH_BUTTON, prefix="New recommendation", showing=True))
        click(new)
        wait_for("the new recommendation in the database",
                 lambda: db_value(db, "SELECT count(*) FROM recommendation WHERE deleted_at IS NULL") == before + 1)
        uuid = db_value(db, "SELECT uuid FROM recommendation WHERE deleted_at IS NULL AND text IS NULL"
                            " AND meeting = ?", BANGKOK)
        assert db_value(db, "SELECT position FROM recommendation WHERE uuid = ?", uuid) == 2

        def text_field():
            for node in walk(pane):
                try:
                    if (node.name or "").startswith("Text of the recommendation") \
                            and node.getRole() in (pyatspi.ROLE_TEXT, pyatspi.ROLE_ENTRY) \
                            and node.getState().contains(pyatspi.STATE_EDITABLE):
                        return node
                except Exception:
                    continue
            return None

        field = wait_for("the text field", text_field)
        field.queryEditableText().setTextContents(TEXT)
        # autosave: a second after typing, a revision
        wait_for("the text saved",
                 lambda: db_value(db, "SELECT text FROM recommendation WHERE uuid = ?", uuid) == TEXT, timeout=15)
        assert db_value(db, "SELECT count(*) FROM revision WHERE recommendation = ?", uuid) == 1
        print("ok - typed text autosaved as a revision")

        # a subparagraph: the button puts "(a) " on a new line; the text goes after it
        click(wait_for("the (a) button",
                       lambda: find(pane, role=pyatspi.ROLE_PUSH_BUTTON, name="New subparagraph (a), (b)", showing=True)))
        wait_for("the label", lambda: "(a) " in field.queryText().getText(0, -1))
        end = field.queryText().characterCount
        field.queryEditableText().insertText(end, SUB, len(SUB))
        wait_for("the subparagraph saved",
                 lambda: db_value(db, "SELECT text FROM recommendation WHERE uuid = ?", uuid) == f"{TEXT}\n(a) {SUB}",
                 timeout=15)
        print("ok - subparagraph (a) added and saved")
        screenshot("2-drafted")

        # the workflow: Propose, Open Discussion, Mark Agreed — each a revision
        for label, status in (("Propose", "proposed"), ("Open Discussion", "under-discussion"),
                              ("Mark Agreed", "agreed")):
            button = wait_for(f"the {label} button",
                              lambda: find(pane, role=pyatspi.ROLE_PUSH_BUTTON, name=label, showing=True))
            click(button)
            wait_for(f"the status {status}",
                     lambda: db_value(db, "SELECT status FROM recommendation WHERE uuid = ?", uuid) == status)
        revisions = db_value(db, "SELECT count(*) FROM revision WHERE recommendation = ?", uuid)
        assert revisions >= 5, revisions
        print(f"ok - agreed after the workflow, {revisions} revisions")

        # the list reads it under its number: it is the second paragraph
        item = wait_for("the new row",
                        lambda: find(pane, role=pyatspi.ROLE_LIST_ITEM, prefix=f"Recommendation 2, agreed: {TEXT}"))
        print(f"ok - heard “{item.name[:80]}…”")
        wait_for("the renumbered row",
                 lambda: find(pane, role=pyatspi.ROLE_LIST_ITEM,
                              prefix="Recommendation 3, agreed: States should ensure that national rapporteurs"))
        screenshot("3-agreed")
    finally:
        if app is not None:
            app.terminate()
            try:
                app.wait(timeout=10)
            except subprocess.TimeoutExpired:
                app.kill()
                app.wait(timeout=10)

    try:
        # the outcome of the same database, exported by the command line and read back
        md = os.path.join(tmp, "outcome.md")
        odt = os.path.join(tmp, "outcome.odt")
        pdf = os.path.join(tmp, "outcome.pdf")
        for path in (md, odt, pdf):
            subprocess.run([binary, "--db", db, "--export-outcome", path, "--meeting", BANGKOK],
                           env=env, check=True, capture_output=True, timeout=60)
        text = open(md, encoding="utf-8").read()
        numbered = re.findall(r"^(\d+)\. (.*)$", text, re.M)
        assert [int(n) for n, _ in numbered] == list(range(1, 14)), numbered
        assert numbered[1][1] == TEXT, numbered[1]
        assert f"   (a) {SUB}" in text
        with zipfile.ZipFile(odt) as z:
            assert z.infolist()[0].filename == "mimetype"
            assert z.infolist()[0].compress_type == zipfile.ZIP_STORED
            content = ET.fromstring(z.read("content.xml"))
        paragraphs = ["".join(p.itertext()) for p in content.iter("{urn:oasis:names:tc:opendocument:xmlns:text:1.0}p")]
        # the number, a tab (text:tab), the text
        assert f"2.{TEXT}" in paragraphs, paragraphs[:8]
        assert f"(a){SUB}" in paragraphs, paragraphs[:8]
        out = " ".join(subprocess.run(["pdftotext", pdf, "-"], capture_output=True, check=True).stdout.decode().split())
        assert "consult national rapporteurs and equivalent mechanisms on draft" in out
        print("ok - the outcome (Markdown, ODT, PDF) holds it as paragraph 2 with its subparagraph")
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
