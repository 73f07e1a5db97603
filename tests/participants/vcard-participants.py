#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The vCards NREM Desk writes, read back by python3-vobject (a reader nobody here wrote):
the sample's 96 people and one person whose every field holds what vCard must escape, through
the command line (--import-json, --import-csv, --export-vcard).

Usage: vcard-participants.py NREM_DESK_BINARY SAMPLE_JSON
"""
import os
import subprocess
import sys
import tempfile

try:
    import vobject
except ImportError:
    print("python3-vobject is missing: skipped")
    sys.exit(77)

SIOBHAN = "8609d4cc-8b76-47b5-a085-38745d3ddb1f"
BERLIN = "453635de-548e-5765-b753-cbcd60f3ee6d"

TRICKY_NOTES = ("First line, with a comma; a semicolon and a back\\slash\n"
                "Second line: " + "ünïcödé ñ € 漢字 " * 12)
TRICKY_CSV = (
    "Full name,Honorific,Title,Organization,Country,E-mail,Phone,Notes\r\n"
    "Ngozi Adaeze-Okonkwo,Dr.,\"Coordinatrice nationale, lutte contre la traite\","
    "\"Ministry of Justice, Women; Children \\ Youth\",Nigeria,ngozi@example.org,"
    "+234 9 123 4567,\"" + TRICKY_NOTES + "\"\r\n"
    "Femke van den Berg,,Adviser,,Netherlands,,,\r\n"
)


def run(binary, db, *args):
    env = dict(os.environ)
    proc = subprocess.run([binary, "--db", db, *args], env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise AssertionError(f"{args}: exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
    return proc.stdout


def check_lines(path):
    data = open(path, "rb").read()
    assert data.endswith(b"\r\n"), "the last line ends with CRLF"
    lines = data.split(b"\r\n")[:-1]
    for n, line in enumerate(lines, 1):
        assert b"\n" not in line and b"\r" not in line, f"line {n}: a bare line break"
        assert len(line) <= 75, f"line {n}: {len(line)} octets"
        line.decode("utf-8")  # a UTF-8 character cut in two would not decode
    return data.decode("utf-8")


def cards_by_uid(path):
    text = check_lines(path)
    cards = list(vobject.readComponents(text))
    for card in cards:
        assert card.name == "VCARD"
        assert card.version.value == "4.0", card.version.value
    return {card.uid.value: card for card in cards}, cards


def main():
    binary, sample = sys.argv[1], sys.argv[2]
    tmp = tempfile.mkdtemp(prefix="nrem-vcard-")
    for name in ("data", "config", "cache"):
        os.environ["XDG_%s_HOME" % name.upper()] = os.path.join(tmp, name)
    db = os.path.join(tmp, "vcard.db")
    csv = os.path.join(tmp, "tricky.csv")
    with open(csv, "w", encoding="utf-8", newline="") as f:
        f.write(TRICKY_CSV)

    run(binary, db, "--import-json", sample)
    run(binary, db, "--import-csv", csv)
    out = os.path.join(tmp, "all.vcf")
    run(binary, db, "--export-vcard", out)
    by_uid, cards = cards_by_uid(out)
    # Femke van den Berg of the Netherlands is in the sample: updated, not duplicated
    assert len(cards) == 97, len(cards)
    assert all(uid.startswith("urn:uuid:") for uid in by_uid)

    siobhan = by_uid["urn:uuid:" + SIOBHAN]
    assert siobhan.fn.value == "Siobhán O'Connor", siobhan.fn.value
    assert siobhan.n.value.family == "O'Connor" and siobhan.n.value.given == "Siobhán", siobhan.n.value
    assert siobhan.email.value.endswith(".example.org"), siobhan.email.value
    assert siobhan.adr.value.country == "Ireland", siobhan.adr.value

    tricky = [c for c in cards if c.fn.value == "Ngozi Adaeze-Okonkwo"]
    assert len(tricky) == 1
    card = tricky[0]
    assert card.n.value.family == "Adaeze-Okonkwo" and card.n.value.prefix == "Dr.", card.n.value
    assert card.title.value == "Coordinatrice nationale, lutte contre la traite", card.title.value
    org = card.org.value
    org = org[0] if isinstance(org, list) else org
    assert org == "Ministry of Justice, Women; Children \\ Youth", org
    assert card.email.value == "ngozi@example.org"
    assert card.tel.value in ("tel:+234-9-123-4567",), card.tel.value
    # (the import trims the spaces around a cell)
    assert card.note.value == TRICKY_NOTES.strip(), repr(card.note.value)

    femke = [c for c in cards if c.fn.value == "Femke van den Berg"]
    assert femke[0].n.value.family == "van den Berg" and femke[0].n.value.given == "Femke"

    # one meeting's people
    berlin = os.path.join(tmp, "berlin.vcf")
    run(binary, db, "--export-vcard", berlin, "--meeting", BERLIN)
    _, berlin_cards = cards_by_uid(berlin)
    assert len(berlin_cards) == 12, len(berlin_cards)

    print(f"ok: {len(cards)} vCards read back by vobject {getattr(vobject, 'VERSION', '')}, "
          "escaping and folding intact")


if __name__ == "__main__":
    main()
