#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check an NREM Desk exchange file against the rules of docs/exchange-format.md.

Usage: check-exchange.py FILE [SCHEMA] [--seed PATH | --no-seed] [--no-schema] [--quiet]

Checks what a JSON Schema cannot: key order, arrays sorted by uuid, unique uuids, references
that resolve within the file or to the seed file (resources/seed/seed.json: its uuids and
country codes), the v5 uuids of countries, dimensions, attendances and assessments, valid
calendar dates and times, assessment values that fit their dimension, and revision chains that
end at their recommendation's text and status.  With a schema (the argument, or
data/nrem-desk-exchange.schema.json when it exists) the file is also validated with the
jsonschema module.

Prints the number of records per array, then the errors and warnings; exits 1 on any error.
Standard library only (jsonschema is used when installed).
"""

import datetime
import json
import os
import re
import sys
import uuid

NAMESPACE = uuid.UUID("6f1c2a4e-3b7d-5e8f-9a01-4c2d3e5f6a7b")
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SEED = os.path.join(REPO, "resources", "seed", "seed.json")
DEFAULT_SCHEMA = os.path.join(REPO, "data", "nrem-desk-exchange.schema.json")

TOP_KEYS = ["format", "version", "exported_at", "origin", "countries", "meetings",
            "mechanisms", "participants", "attendances", "sessions", "dimensions",
            "assessments", "recommendations", "revisions", "tombstones"]
ARRAYS = TOP_KEYS[4:]
CLOCK = ["uuid", "updated_at", "rev", "origin"]

# Field name -> type.  Types: text, date, time, year, int, bool, uuid, country, code,
# m49, tz, key, ref:<array>, refs:<array>, enum:<name>, enums:<name>, timestamp, options.
FIELDS = {
    "countries": [("code", "code!"), ("name", "text!"), ("region", "text"),
                  ("subregion", "text"), ("m49", "m49")],
    "meetings": [("title", "text!"), ("short_title", "text"), ("city", "text"),
                 ("country", "country"), ("venue", "text"), ("start_date", "date"),
                 ("end_date", "date"), ("time_zone", "tz"), ("convenors", "text"),
                 ("language", "text"), ("objectives", "text"), ("expected_outcome", "text")],
    "mechanisms": [("name", "text!"), ("country", "country"), ("type", "enum:A!"),
                   ("reference", "bool!"), ("legal_basis", "text"), ("established", "year"),
                   ("host_body", "text"), ("website", "text"), ("notes", "text")],
    "participants": [("name", "text!"), ("honorific", "text"), ("position", "text"),
                     ("organisation", "text"), ("mechanism", "ref:mechanisms"),
                     ("country", "country"), ("role", "enum:B"), ("email", "text?"),
                     ("phone", "text?"), ("languages", "text"), ("notes", "text")],
    "attendances": [("participant", "ref:participants!"), ("meeting", "ref:meetings!"),
                    ("status", "enum:C!"), ("head_of_delegation", "bool!")],
    "sessions": [("meeting", "ref:meetings!"), ("day", "date!"), ("start_time", "time"),
                 ("end_time", "time"), ("title", "text!"), ("kind", "enum:D!"),
                 ("description", "text"), ("room", "text"), ("chair", "ref:participants"),
                 ("rapporteur", "ref:participants"), ("speakers", "refs:participants"),
                 ("notes", "text")],
    "dimensions": [("key", "key!"), ("group", "enum:E!"), ("position", "int!"),
                   ("label", "text!"), ("definition", "text"), ("value_type", "enum:F!"),
                   ("options", "options"), ("source", "text")],
    "assessments": [("mechanism", "ref:mechanisms!"), ("dimension", "ref:dimensions!"),
                    ("value", "text"), ("note", "text"), ("source", "text"),
                    ("as_of", "date")],
    "recommendations": [("meeting", "ref:meetings!"), ("position", "int!"),
                        ("theme", "text"), ("addressees", "enums:G"),
                        ("session", "ref:sessions"), ("status", "enum:H!"),
                        ("merged_into", "ref:recommendations"),
                        ("proposer", "ref:participants"),
                        ("supporters", "refs:participants"), ("bracketed", "bool!"),
                        ("alternative", "int!"), ("text", "text")],
    "revisions": [("recommendation", "ref:recommendations!"), ("parent", "ref:revisions"),
                  ("author", "ref:participants"), ("author_name", "text!"),
                  ("created_at", "timestamp!"), ("status", "enum:H!"), ("text", "text")],
}
TOMBSTONE_KEYS = ["entity", "uuid", "deleted_at", "updated_at", "rev", "origin"]

ENUMS = {
    "A": ["independent-rapporteur", "nhri-ombuds", "government-rapporteur",
          "national-coordinator", "inter-agency-body", "other"],
    "B": ["delegate", "national-rapporteur", "coordinator", "expert", "observer", "un-staff",
          "civil-society", "secretariat"],
    "C": ["invited", "confirmed", "declined", "attended"],
    "D": ["opening", "plenary", "panel", "working-group", "break", "closing"],
    "E": ["set-up", "functions", "reporting", "powers", "cooperation"],
    "F": ["tristate", "enum", "multi", "text"],
    "G": ["states", "nrems", "sr-ohchr-unodc", "regional-organisations", "civil-society"],
    "H": ["draft", "proposed", "under-discussion", "agreed", "withdrawn", "merged"],
}
TRISTATE = ["yes", "partial", "no", "unknown"]

UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
TS_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
KEY_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
CODE_RE = re.compile(r"^[A-Z]{2}$")
M49_RE = re.compile(r"^\d{3}$")
TZ_RE = re.compile(r"^[A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+)*$")
MAX_INT = 2 ** 53 - 1


def v5(name):
    return str(uuid.uuid5(NAMESPACE, name))


class Report:
    def __init__(self, filename, limit=200):
        self.filename = filename
        self.errors = []
        self.warnings = []
        self.limit = limit

    def error(self, path, message):
        self.errors.append("%s: %s: %s" % (self.filename, path, message))

    def warn(self, path, message):
        self.warnings.append("%s: %s: %s" % (self.filename, path, message))


class DuplicateKey(Exception):
    pass


def pairs_hook(pairs):
    obj = {}
    for k, v in pairs:
        if k in obj:
            raise DuplicateKey(k)
        obj[k] = v
    return obj


def reject_constant(name):
    raise ValueError("non-finite number %s" % name)


def load_json(path, report):
    with open(path, "rb") as f:
        raw = f.read()
    if raw.startswith(b"\xef\xbb\xbf"):
        report.error("$", "file starts with a byte-order mark")
    if b"\x00" in raw:
        report.error("$", "file contains a NUL byte")
    if not raw.endswith(b"\n"):
        report.warn("$", "no trailing newline")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        report.error("$", "not valid UTF-8 (%s)" % e)
        return None
    try:
        return json.loads(text, object_pairs_hook=pairs_hook, parse_constant=reject_constant)
    except DuplicateKey as e:
        report.error("$", "duplicate key %r" % e.args[0])
    except ValueError as e:
        report.error("$", "not valid JSON (%s)" % e)
    return None


def valid_date(s):
    try:
        datetime.date.fromisoformat(s)
        return DATE_RE.match(s) is not None
    except ValueError:
        return False


def valid_timestamp(s):
    if not TS_RE.match(s):
        return False
    try:
        datetime.datetime.strptime(s, "%Y-%m-%dT%H:%M:%S.%fZ")
        return True
    except ValueError:
        return False


class Seed:
    """The uuids (by array) and country codes of the seed file, and its dimensions."""

    def __init__(self, data=None):
        self.uuids = {name: set() for name in ARRAYS}
        self.records = {}
        self.codes = set()
        if data:
            for name in ARRAYS[:-1]:
                for r in data.get(name, []):
                    if isinstance(r, dict) and isinstance(r.get("uuid"), str):
                        self.uuids[name].add(r["uuid"])
                        self.records[r["uuid"]] = r
                        if name == "countries":
                            self.codes.add(r.get("code"))


def check_value(report, path, value, ftype):
    """Type check of one field; returns False when the value is unusable."""
    required = ftype.endswith("!")
    ftype = ftype.rstrip("!?")
    if value is None:
        if required:
            report.error(path, "must not be null")
            return False
        return True
    if ftype.startswith("refs:") or ftype.startswith("enums:") or ftype == "options":
        if not isinstance(value, list):
            report.error(path, "expected an array")
            return False
        seen = set()
        for i, item in enumerate(value):
            if not isinstance(item, str):
                report.error("%s[%d]" % (path, i), "expected a string")
                return False
            if item in seen:
                report.error("%s[%d]" % (path, i), "duplicate item %r" % item)
            seen.add(item)
            if ftype.startswith("refs:") and not UUID_RE.match(item):
                report.error("%s[%d]" % (path, i), "expected a lowercase uuid")
            elif ftype.startswith("enums:") and item not in ENUMS[ftype[6:]]:
                report.error("%s[%d]" % (path, i), "unknown value %r" % item)
            elif ftype == "options" and not KEY_RE.match(item):
                report.error("%s[%d]" % (path, i), "option key %r is not kebab-case" % item)
        return True
    if ftype == "bool":
        if not isinstance(value, bool):
            report.error(path, "expected true or false")
            return False
        return True
    if ftype in ("int", "year"):
        if isinstance(value, bool) or not isinstance(value, int):
            report.error(path, "expected an integer")
            return False
        if abs(value) > MAX_INT:
            report.error(path, "integer out of range")
            return False
        if ftype == "year" and not 1800 <= value <= 2100:
            report.error(path, "year %d outside 1800..2100" % value)
        return True
    if not isinstance(value, str):
        report.error(path, "expected a string")
        return False
    if value == "":
        report.error(path, "empty string (an empty value is written as null)")
        return False
    if ftype.startswith("ref:") or ftype == "uuid":
        if not UUID_RE.match(value):
            report.error(path, "expected a lowercase uuid, got %r" % value)
            return False
    elif ftype.startswith("enum:"):
        if value not in ENUMS[ftype[5:]]:
            report.error(path, "unknown value %r" % value)
            return False
    elif ftype == "date":
        if not valid_date(value):
            report.error(path, "expected a date YYYY-MM-DD, got %r" % value)
            return False
    elif ftype == "time":
        if not TIME_RE.match(value):
            report.error(path, "expected a time HH:MM, got %r" % value)
            return False
    elif ftype == "timestamp":
        if not valid_timestamp(value):
            report.error(path, "expected YYYY-MM-DDTHH:MM:SS.mmmZ, got %r" % value)
            return False
    elif ftype in ("code", "country"):
        if not CODE_RE.match(value):
            report.error(path, "expected an ISO 3166-1 alpha-2 code, got %r" % value)
            return False
    elif ftype == "m49":
        if not M49_RE.match(value):
            report.error(path, "expected three digits, got %r" % value)
    elif ftype == "tz":
        if not TZ_RE.match(value):
            report.error(path, "not an IANA time zone name: %r" % value)
    elif ftype == "key":
        if not KEY_RE.match(value):
            report.error(path, "not kebab-case: %r" % value)
    return True


def check_keys(report, path, record, expected, optional=()):
    keys = list(record.keys())
    want = [k for k in expected if k in keys or k not in optional]
    if keys != want:
        missing = [k for k in want if k not in keys]
        extra = [k for k in keys if k not in expected]
        if missing:
            report.error(path, "missing keys %s" % ", ".join(missing))
        if extra:
            report.error(path, "unknown keys %s" % ", ".join(extra))
        if not missing and not extra:
            report.error(path, "keys out of order: %s" % ", ".join(keys))
        return False
    present = [k for k in optional if k in keys]
    if present and len(present) != len(optional):
        report.warn(path, "only some contact fields present (%s)" % ", ".join(present))
    return True


def check_dimension_value(report, path, value, dim):
    if value is None or dim is None:
        return
    vt = dim.get("value_type")
    options = dim.get("options") or []
    if vt == "tristate":
        if value not in TRISTATE:
            report.error(path, "%r is not one of %s" % (value, "/".join(TRISTATE)))
    elif vt == "enum":
        if value not in options:
            report.error(path, "%r is not an option of dimension %s" % (value, dim.get("key")))
    elif vt == "multi":
        parts = value.split(",")
        if len(set(parts)) != len(parts):
            report.error(path, "repeated option in %r" % value)
        for p in parts:
            if p not in options:
                report.error(path, "%r is not an option of dimension %s" % (p, dim.get("key")))


def check(data, report, seed):
    counts = {}
    if not isinstance(data, dict):
        report.error("$", "expected an object")
        return counts
    if list(data.keys()) != TOP_KEYS:
        report.error("$", "top-level keys must be exactly, in order: " + ", ".join(TOP_KEYS)
                     + " (found " + ", ".join(data.keys()) + ")")
    if data.get("format") != "nrem-desk":
        report.error("format", "expected \"nrem-desk\"")
    if data.get("version") != 1 or isinstance(data.get("version"), bool):
        report.error("version", "expected 1")
    if not isinstance(data.get("exported_at"), str) or not valid_timestamp(data["exported_at"]):
        report.error("exported_at", "expected a timestamp")
    if not isinstance(data.get("origin"), str) or not UUID_RE.match(data["origin"]):
        report.error("origin", "expected a lowercase uuid")

    arrays = {}
    for name in ARRAYS:
        arr = data.get(name)
        if not isinstance(arr, list):
            report.error(name, "expected an array")
            arr = []
        arrays[name] = arr
        counts[name] = len(arr)

    # Pass 1: shape, types, order, uniqueness.
    local = {name: {} for name in ARRAYS}
    all_uuids = {}
    for name in ARRAYS:
        prev = None
        for i, r in enumerate(arrays[name]):
            path = "%s[%d]" % (name, i)
            if not isinstance(r, dict):
                report.error(path, "expected an object")
                continue
            if name == "tombstones":
                check_keys(report, path, r, TOMBSTONE_KEYS)
                check_value(report, path + ".entity", r.get("entity"), "text!")
                if r.get("entity") not in ARRAYS[:-1]:
                    report.error(path + ".entity", "unknown entity %r" % r.get("entity"))
                check_value(report, path + ".deleted_at", r.get("deleted_at"), "timestamp!")
            else:
                check_keys(report, path, r, CLOCK + [f for f, _ in FIELDS[name]],
                           optional=("email", "phone") if name == "participants" else ())
            u = r.get("uuid")
            if not isinstance(u, str) or not UUID_RE.match(u):
                report.error(path + ".uuid", "expected a lowercase uuid, got %r" % (u,))
                continue
            check_value(report, path + ".updated_at", r.get("updated_at"), "timestamp!")
            rev = r.get("rev")
            if isinstance(rev, bool) or not isinstance(rev, int) or not 1 <= rev <= MAX_INT:
                report.error(path + ".rev", "expected an integer >= 1")
            if not isinstance(r.get("origin"), str) or not UUID_RE.match(r["origin"]):
                report.error(path + ".origin", "expected a lowercase uuid")
            if prev is not None and u.encode() <= prev.encode():
                if u == prev:
                    report.error(path + ".uuid", "duplicate uuid %s" % u)
                else:
                    report.error(path + ".uuid", "not sorted by uuid (%s after %s)" % (u, prev))
            prev = u
            if name != "tombstones":
                if u in all_uuids and all_uuids[u] != name:
                    report.error(path + ".uuid", "uuid %s also used in %s" % (u, all_uuids[u]))
                all_uuids[u] = name
                local[name][u] = r
                for f, ftype in FIELDS[name]:
                    if f in r:
                        check_value(report, "%s.%s" % (path, f), r[f], ftype)
            else:
                local["tombstones"][u] = r

    # Tombstones must not name a record that is also present in the file.
    deleted = set(local["tombstones"])
    for u, t in local["tombstones"].items():
        ent = t.get("entity")
        if ent in local and u in local[ent]:
            report.error("tombstones[%s]" % u, "the file holds both a record and a tombstone")

    # Resolution helpers.
    codes = set(seed.codes) | {r.get("code") for r in local["countries"].values()}

    def lookup(array, u):
        if u in local[array]:
            return local[array][u]
        if u in seed.uuids[array]:
            return seed.records[u]
        return None

    def resolve(path, array, u):
        if u is None:
            return None
        if not isinstance(u, str):
            return None
        rec = lookup(array, u)
        if rec is None:
            if u in deleted:
                report.error(path, "refers to %s %s, which the file deletes" % (array, u))
            else:
                report.error(path, "%s %s not found in the file or the seed" % (array, u))
        return rec

    # Pass 2: references and per-entity rules.
    for name in ARRAYS[:-1]:
        for i, r in enumerate(arrays[name]):
            if not isinstance(r, dict) or not isinstance(r.get("uuid"), str):
                continue
            path = "%s[%d]" % (name, i)
            for f, ftype in FIELDS[name]:
                t = ftype.rstrip("!?")
                v = r.get(f)
                if t == "country" and isinstance(v, str) and v not in codes:
                    report.error("%s.%s" % (path, f), "country %r not found in the file or the seed" % v)
                elif t.startswith("ref:"):
                    resolve("%s.%s" % (path, f), t[4:], v)
                elif t.startswith("refs:") and isinstance(v, list):
                    for j, item in enumerate(v):
                        resolve("%s.%s[%d]" % (path, f, j), t[5:], item)

    for i, r in enumerate(arrays["countries"]):
        if isinstance(r, dict) and isinstance(r.get("code"), str):
            if r.get("uuid") != v5("country:" + r["code"]):
                report.error("countries[%d].uuid" % i, "expected v5 of \"country:%s\"" % r["code"])
    for i, r in enumerate(arrays["dimensions"]):
        if isinstance(r, dict) and isinstance(r.get("key"), str):
            if r.get("uuid") != v5("dimension:" + r["key"]):
                report.error("dimensions[%d].uuid" % i, "expected v5 of \"dimension:%s\"" % r["key"])
            vt, opts = r.get("value_type"), r.get("options")
            if vt in ("enum", "multi") and not opts:
                report.error("dimensions[%d].options" % i, "an %s dimension needs options" % vt)
            if vt in ("tristate", "text") and opts:
                report.warn("dimensions[%d].options" % i, "options on a %s dimension" % vt)

    for i, r in enumerate(arrays["meetings"]):
        if isinstance(r, dict):
            s, e = r.get("start_date"), r.get("end_date")
            if isinstance(s, str) and isinstance(e, str) and e < s:
                report.error("meetings[%d].end_date" % i, "before start_date")

    for i, r in enumerate(arrays["attendances"]):
        if isinstance(r, dict):
            want = v5("attendance:%s:%s" % (r.get("participant"), r.get("meeting")))
            if r.get("uuid") != want:
                report.error("attendances[%d].uuid" % i,
                             "expected %s, v5 of \"attendance:<participant>:<meeting>\"" % want)

    for i, r in enumerate(arrays["assessments"]):
        if isinstance(r, dict):
            path = "assessments[%d]" % i
            want = v5("assessment:%s:%s" % (r.get("mechanism"), r.get("dimension")))
            if r.get("uuid") != want:
                report.error(path + ".uuid",
                             "expected %s, v5 of \"assessment:<mechanism>:<dimension>\"" % want)
            dim = lookup("dimensions", r.get("dimension")) if isinstance(r.get("dimension"), str) else None
            if isinstance(r.get("value"), str):
                check_dimension_value(report, path + ".value", r["value"], dim)
            if dim is not None and dim.get("key") == "mechanism-type":
                mech = lookup("mechanisms", r.get("mechanism")) if isinstance(r.get("mechanism"), str) else None
                if mech is not None and r.get("value") not in (None, mech.get("type")):
                    report.warn(path + ".value", "mechanism-type %r differs from the mechanism's type %r"
                                % (r.get("value"), mech.get("type")))

    for i, r in enumerate(arrays["sessions"]):
        if isinstance(r, dict):
            path = "sessions[%d]" % i
            s, e = r.get("start_time"), r.get("end_time")
            if isinstance(s, str) and isinstance(e, str) and e < s:
                report.error(path + ".end_time", "before start_time")
            m = lookup("meetings", r.get("meeting")) if isinstance(r.get("meeting"), str) else None
            d = r.get("day")
            if m and isinstance(d, str) and isinstance(m.get("start_date"), str) \
                    and isinstance(m.get("end_date"), str):
                if not m["start_date"] <= d <= m["end_date"]:
                    report.warn(path + ".day", "%s outside the meeting's dates" % d)

    positions = {}
    for i, r in enumerate(arrays["recommendations"]):
        if not isinstance(r, dict):
            continue
        path = "recommendations[%d]" % i
        status, merged = r.get("status"), r.get("merged_into")
        if status == "merged" and merged is None:
            report.error(path + ".merged_into", "a merged recommendation needs merged_into")
        if status != "merged" and merged is not None:
            report.error(path + ".merged_into", "set although status is %r" % status)
        if merged is not None and merged == r.get("uuid"):
            report.error(path + ".merged_into", "merged into itself")
        target = lookup("recommendations", merged) if isinstance(merged, str) else None
        if target is not None and target.get("meeting") != r.get("meeting"):
            report.error(path + ".merged_into", "merged into a recommendation of another meeting")
        ses = lookup("sessions", r.get("session")) if isinstance(r.get("session"), str) else None
        if ses is not None and ses.get("meeting") != r.get("meeting"):
            report.error(path + ".session", "session of another meeting")
        if isinstance(r.get("alternative"), int) and r["alternative"] < 0:
            report.error(path + ".alternative", "must be >= 0")
        text = r.get("text")
        if isinstance(text, str) and isinstance(r.get("bracketed"), bool):
            if r["bracketed"] != ("[" in text):
                report.warn(path + ".bracketed", "%s but the text %s square brackets" % (
                    r["bracketed"], "has" if "[" in text else "has no"))
        if r.get("proposer") is not None and r.get("proposer") in (r.get("supporters") or []):
            report.warn(path + ".supporters", "includes the proposer")
        key = (r.get("meeting"), r.get("position"))
        if key in positions:
            report.warn(path + ".position", "position %r also used by %s" % (r.get("position"), positions[key]))
        positions[key] = path

    # Revision chains.
    by_rec = {}
    for i, r in enumerate(arrays["revisions"]):
        if isinstance(r, dict) and isinstance(r.get("uuid"), str):
            by_rec.setdefault(r.get("recommendation"), []).append((i, r))
    revs = local["revisions"]
    for rec_uuid, items in by_rec.items():
        children = {}
        for i, r in items:
            path = "revisions[%d]" % i
            parent = r.get("parent")
            if parent is None:
                continue
            p = lookup("revisions", parent) if isinstance(parent, str) else None
            if p is None:
                continue
            if p.get("recommendation") != rec_uuid:
                report.error(path + ".parent", "parent belongs to another recommendation")
            if isinstance(p.get("created_at"), str) and isinstance(r.get("created_at"), str) \
                    and r["created_at"] <= p["created_at"]:
                report.error(path + ".created_at", "not later than its parent's")
            children.setdefault(parent, []).append(r["uuid"])
        # Cycles: follow parents from each revision.
        for i, r in items:
            seen = set()
            cur = r
            while cur is not None:
                u = cur.get("uuid")
                if u in seen:
                    report.error("revisions[%d].parent" % i, "parent chain has a cycle")
                    break
                seen.add(u)
                par = cur.get("parent")
                cur = revs.get(par) if isinstance(par, str) else None
        roots = [r for _, r in items if r.get("parent") is None]
        local_parents = {r.get("parent") for _, r in items}
        heads = [r for _, r in items if r["uuid"] not in local_parents]
        rec = lookup("recommendations", rec_uuid) if isinstance(rec_uuid, str) else None
        where = "recommendation %s" % rec_uuid
        if not roots and all(isinstance(r.get("parent"), str) and r["parent"] in revs for _, r in items):
            report.error(where, "revisions have no root (parent null)")
        if len(roots) > 1:
            report.warn(where, "%d root revisions" % len(roots))
        if len(heads) > 1:
            report.warn(where, "%d heads (an unresolved conflict)" % len(heads))
        if rec is not None and heads:
            last = max(heads, key=lambda h: (h.get("created_at") or "", h["uuid"]))
            if last.get("text") != rec.get("text"):
                report.error(where, "latest revision's text differs from the recommendation's")
            if last.get("status") != rec.get("status"):
                report.error(where, "latest revision's status %r differs from the recommendation's %r"
                             % (last.get("status"), rec.get("status")))
    for i, r in enumerate(arrays["recommendations"]):
        if isinstance(r, dict) and r.get("uuid") not in by_rec:
            report.warn("recommendations[%d]" % i, "no revisions in the file")
    return counts


def check_schema(data, schema_path, report):
    try:
        import jsonschema
    except ImportError:
        report.warn("$", "jsonschema module not installed; schema not checked")
        return False
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema)
    n = 0
    for err in sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path)):
        path = "$" + "".join("[%d]" % p if isinstance(p, int) else ".%s" % p
                             for p in err.absolute_path)
        report.error(path, "schema: " + err.message)
        n += 1
        if n >= 100:
            break
    return True


def main(argv):
    args = []
    seed_path = DEFAULT_SEED
    use_schema = True
    quiet = False
    it = iter(argv[1:])
    for a in it:
        if a == "--seed":
            seed_path = next(it, None)
        elif a == "--no-seed":
            seed_path = None
        elif a == "--no-schema":
            use_schema = False
        elif a == "--quiet":
            quiet = True
        elif a in ("-h", "--help"):
            print(__doc__.strip())
            return 0
        else:
            args.append(a)
    if not 1 <= len(args) <= 2:
        print("usage: check-exchange.py FILE [SCHEMA] [--seed PATH | --no-seed] [--no-schema]",
              file=sys.stderr)
        return 2
    path = args[0]
    schema_path = args[1] if len(args) == 2 else (DEFAULT_SCHEMA if os.path.exists(DEFAULT_SCHEMA) else None)
    if not use_schema:
        schema_path = None

    seed = Seed()
    if seed_path:
        if os.path.exists(seed_path):
            seed_report = Report(seed_path)
            seed_data = load_json(seed_path, seed_report)
            if seed_data is None:
                print("\n".join(seed_report.errors), file=sys.stderr)
                return 1
            if os.path.abspath(seed_path) != os.path.abspath(path):
                seed = Seed(seed_data)
        elif len(argv) and "--seed" in argv:
            print("check-exchange: seed file %s not found" % seed_path, file=sys.stderr)
            return 2
        else:
            print("check-exchange: warning: no seed file at %s; references must resolve "
                  "within the file" % seed_path, file=sys.stderr)

    report = Report(path)
    data = load_json(path, report)
    counts = {}
    if data is not None:
        counts = check(data, report, seed)
        if schema_path:
            if check_schema(data, schema_path, report) and not quiet:
                print("schema: %s" % os.path.relpath(schema_path))
    if not quiet:
        for name in ARRAYS:
            if name in counts:
                print("%-16s %7d" % (name, counts[name]))
    for w in report.warnings[:report.limit]:
        print("warning: " + w, file=sys.stderr)
    for e in report.errors[:report.limit]:
        print("error: " + e, file=sys.stderr)
    if len(report.errors) > report.limit:
        print("... and %d more errors" % (len(report.errors) - report.limit), file=sys.stderr)
    print("%s: %s (%d errors, %d warnings)" % (
        path, "OK" if not report.errors else "INVALID", len(report.errors), len(report.warnings)))
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
