#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The command line of the Agenda pane, checked with tools nobody here wrote.

--import-schedule prints the meeting's uuid and is all or nothing; --export-schedule writes
JSON that passes the format's JSON Schema (python3-jsonschema) and XML that passes its XSD
(xmllint --schema); --export-ics writes iCalendar that python3-icalendar reads, folded at 75
octets, one VEVENT per session, and a delegate's own calendar.
"""

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

BANGKOK = "5862ca7e-5108-5623-8dc4-8bf867ee0229"
DEMOCON = "ec6fd1db-bb04-51fa-a59f-4503c4441b58"

failures = []


def check(condition, what):
    print(("ok - " if condition else "not ok - ") + what)
    if not condition:
        failures.append(what)


def main():
    try:
        import jsonschema
        import icalendar
    except ImportError as e:
        print(f"# skipped: {e}")
        return 77
    if shutil.which("xmllint") is None:
        print("# skipped: xmllint is missing")
        return 77

    binary = sys.argv[1]
    source = os.environ.get("NREM_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
    fixtures = os.path.join(source, "tests", "agenda", "fixtures")
    tmp = tempfile.mkdtemp(prefix="nrem-agenda-cli-")
    env = dict(os.environ)
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache")):
        env[var] = os.path.join(tmp, sub)
    db = os.path.join(tmp, "agenda.db")

    def run(*args):
        return subprocess.run([binary, "--db", db, *args], env=env, capture_output=True, text=True, timeout=120)

    try:
        r = run("--import-json", os.path.join(source, "data", "samples", "nrem-desk-sample.json"))
        check(r.returncode == 0, "the sample imports")

        # import: stdout is the meeting's uuid, the same each time; nothing is duplicated
        r = run("--import-schedule", os.path.join(fixtures, "pretalx-democon.json"))
        check(r.returncode == 0 and r.stdout.strip() == DEMOCON, "--import-schedule prints the meeting's uuid")
        r = run("--import-schedule", os.path.join(fixtures, "pretalx-democon.json"))
        check(r.stdout.strip() == DEMOCON and "36 unchanged" in r.stderr, "importing again changes nothing")
        with sqlite3.connect(db) as c:
            n = c.execute("SELECT count(*) FROM session WHERE meeting = ?", (DEMOCON,)).fetchone()[0]
        check(n == 36, "36 sessions, once")

        # all or nothing: a broken file writes nothing and exits 3
        with sqlite3.connect(db) as c:
            before = c.execute("SELECT count(*) FROM session").fetchone()[0]
        r = run("--import-schedule", os.path.join(fixtures, "broken.xml"))
        check(r.returncode == 3 and "broken.xml" in r.stderr and "line 11" in r.stderr,
              "a broken file is refused with its name and line")
        with sqlite3.connect(db) as c:
            after = c.execute("SELECT count(*) FROM session").fetchone()[0]
            check(c.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "the database is intact")
        check(before == after, "nothing was written")

        # export: JSON against the JSON Schema, XML against the XSD
        with open(os.path.join(fixtures, "schema.json")) as f:
            import json
            schema = json.load(f)
        validator = jsonschema.Draft6Validator(schema, format_checker=jsonschema.FormatChecker())
        for meeting in (BANGKOK, DEMOCON):
            out = os.path.join(tmp, f"{meeting}.json")
            r = run("--export-schedule", out, "--meeting", meeting)
            check(r.returncode == 0, f"--export-schedule {meeting}.json")
            with open(out) as f:
                doc = json.load(f)
            errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
            for e in errors[:5]:
                print(f"# {list(e.path)}: {e.message}")
            check(not errors, f"{meeting}.json passes the JSON Schema")
            check(doc["schedule"]["conference"]["acronym"] == doc["schedule"]["conference"]["acronym"].lower(),
                  "the acronym is lower case")
            text = open(out).read()
            check("@" not in text and "+1 555" not in text, "no contact details in the persons")

            xml = os.path.join(tmp, f"{meeting}.xml")
            r = run("--export-schedule", xml, "--meeting", meeting)
            check(r.returncode == 0, f"--export-schedule {meeting}.xml")
            x = subprocess.run(["xmllint", "--noout", "--schema", os.path.join(fixtures, "schedule.xml.xsd"), xml],
                               capture_output=True, text=True)
            if x.returncode != 0:
                print("# " + x.stderr.replace("\n", "\n# "))
            check(x.returncode == 0, f"{meeting}.xml passes the XSD")

        r = run("--export-schedule", os.path.join(tmp, "x.txt"))
        check(r.returncode == 1, "an export file that is neither .json nor .xml is a wrong option")

        # the exported schedule imports into a new database and gives the same programme back
        other = os.path.join(tmp, "other.db")
        r = subprocess.run([binary, "--db", other, "--import-schedule", os.path.join(tmp, f"{BANGKOK}.xml")],
                           env=env, capture_output=True, text=True, timeout=120)
        check(r.returncode == 0 and r.stdout.strip() == BANGKOK, "the XML export imports into a new database")

        # iCalendar
        ics = os.path.join(tmp, "bangkok.ics")
        r = run("--export-ics", ics, "--meeting", BANGKOK)
        check(r.returncode == 0, "--export-ics")
        raw = open(ics, "rb").read()
        lines = raw.split(b"\r\n")
        check(raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b""), "CRLF line ends only")
        check(all(len(line) <= 75 for line in lines), "lines folded at 75 octets")
        for line in lines:
            line.decode("utf-8")
        cal = icalendar.Calendar.from_ical(raw)
        events = [e for e in cal.walk("VEVENT")]
        with sqlite3.connect(db) as c:
            n = c.execute("SELECT count(*) FROM session WHERE meeting = ? AND deleted_at IS NULL", (BANGKOK,)).fetchone()[0]
            chair = c.execute("SELECT chair FROM session WHERE title = 'Opening of the consultation'").fetchone()[0]
            own = c.execute("SELECT count(*) FROM session WHERE meeting = ? AND deleted_at IS NULL AND"
                            " (chair = ? OR EXISTS (SELECT 1 FROM json_each (speakers) WHERE value = ?))",
                            (BANGKOK, chair, chair)).fetchone()[0]
        check(len(events) == n, f"one VEVENT per session ({len(events)} of {n})")
        check(all(all(k in e for k in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "LOCATION", "DESCRIPTION"))
                  for e in events), "each VEVENT has UID, DTSTAMP, DTSTART, DTEND, SUMMARY, LOCATION, DESCRIPTION")
        opening = [e for e in events if str(e["SUMMARY"]) == "Opening of the consultation"][0]
        start = opening.decoded("DTSTART")
        check(start.utcoffset().total_seconds() == 0 and (start.hour, start.minute) == (2, 0),
              "09:00 in Bangkok is 02:00 UTC")
        check("," in str(opening["LOCATION"]) and ";" in str(opening["DESCRIPTION"]),
              "escaped commas and semicolons read back")

        mine = os.path.join(tmp, "mine.ics")
        r = run("--export-ics", mine, "--meeting", BANGKOK, "--participant", chair)
        cal = icalendar.Calendar.from_ical(open(mine, "rb").read())
        check(r.returncode == 0 and len(list(cal.walk("VEVENT"))) == own, "a delegate's own calendar")
        r = run("--export-ics", mine, "--participant", "00000000-0000-4000-8000-000000000000")
        check(r.returncode != 0 and "participant" in r.stderr, "an unknown participant is refused")
        r = run("--export-ics", mine, "--participant", chair, "--with-contacts")
        check(r.returncode == 1, "a modifier that does not go with the verb is refused")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"1..{len(failures)}" if failures else "# all checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
