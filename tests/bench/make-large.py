#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write the benchmark data set: a large NREM Desk exchange file (not committed).

Usage: make-large.py OUTPUT [--scale FACTOR] [--seed PATH]

At scale 1: 10,000 participants, 300 mechanisms x 25 dimensions of assessments, 20 meetings
with 40 sessions each, 2,000 recommendations with 5 revisions each, and attendances (each
participant at 1-3 meetings).  --scale multiplies the numbers of participants, mechanisms,
meetings and recommendations (sessions per meeting, revisions per recommendation and the
dimensions stay); use e.g. --scale 0.05 for quick tests.

Countries and dimensions are not written: they are in every database already (the seed,
resources/seed/seed.json), so the file refers to the seed's country codes and to the
dimensions' v5 uuids, both read from the seed file.  All people and mechanisms are fictional;
contacts use example.org / example.net.  Deterministic (a seeded random.Random, no clock);
compact JSON with a trailing newline.  Standard library only.
"""

import datetime
import json
import os
import random
import sys
import time
import unicodedata
import uuid

NAMESPACE = uuid.UUID("6f1c2a4e-3b7d-5e8f-9a01-4c2d3e5f6a7b")
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_SEED = os.path.join(REPO, "resources", "seed", "seed.json")
RNG_SEED = 20130523

ARRAYS = ["countries", "meetings", "mechanisms", "participants", "attendances", "sessions",
          "dimensions", "assessments", "recommendations", "revisions", "tombstones"]

N_PARTICIPANTS = 10000
N_MECHANISMS = 300
N_MEETINGS = 20
SESSIONS_PER_MEETING = 40
N_RECOMMENDATIONS = 2000
REVISIONS_PER_RECOMMENDATION = 5

EXPORTED = "2026-01-15T12:00:00.000Z"
EPOCH = datetime.datetime(2015, 1, 1)

TYPES = ["independent-rapporteur", "nhri-ombuds", "government-rapporteur",
         "national-coordinator", "inter-agency-body", "other"]
ROLES = ["delegate", "national-rapporteur", "coordinator", "expert", "observer", "un-staff",
         "civil-society", "secretariat"]
ROLE_WEIGHTS = [30, 18, 14, 10, 8, 7, 10, 3]
ADDRESSEES = ["states", "nrems", "sr-ohchr-unodc", "regional-organisations", "civil-society"]
STATUS_WEIGHTS = {"draft": 10, "proposed": 15, "under-discussion": 15, "agreed": 45,
                  "withdrawn": 8, "merged": 7}
ATTEND_WEIGHTS = {"invited": 10, "confirmed": 20, "declined": 10, "attended": 60}

GIVEN = ["Anouk", "Pieter", "Siobhán", "Rachel", "Daniel", "Aoife", "Jürgen", "Katrin", "Päivi",
         "Åsa", "Björn", "Émilie", "François", "Hélène", "João", "Inês", "Conceição", "José",
         "Martín", "Camila", "Ximena", "Ioana", "Ștefan", "Małgorzata", "Paweł", "Siriporn",
         "Somchai", "Kanokwan", "Maria Luz", "Ramon", "Dewi", "Budi", "Sokha", "Dara", "Priya",
         "Arjun", "Sunita", "Yuki", "Haruto", "Layla", "Omar", "Nour", "Yousef", "Rania",
         "Yasmine", "Adébáyọ̀", "Chidinma", "Kwame", "Abena", "Fatou", "Aïssatou", "Wanjiru",
         "Grace", "Thandiwe", "Sipho", "Litia", "Aroha", "Rāwiri", "Zoë", "Søren", "Thảo", "Minh Anh"]
FAMILY = ["de Vries", "van den Berg", "O'Connor", "O'Brien", "Whitfield", "Müller", "Schäfer",
          "Weiß", "Mäkinen", "Korhonen", "Lindqvist", "Sjöberg", "Lefèvre", "Dubois", "Tremblay",
          "São Bento", "Gonçalves", "Araújo", "Ramírez", "Ibáñez", "Núñez", "Țurcanu", "Popescu",
          "Wiśniewska", "Łukasik", "Nguyễn", "Trần", "Phạm", "Đặng", "Chaiyaphum", "Srisuk",
          "dela Cruz", "Santos", "Kusumawati", "Santoso", "Chan", "Meas", "D'Souza", "Shrestha",
          "Iyer", "Satō", "Ōtsuka", "Haddad", "Al-Masri", "El-Sayed", "Khoury", "Benali",
          "Okafor", "Mensah-Bonsu", "Ọlátúnjí", "Owusu", "Diallo", "Ndiaye", "Ngũgĩ", "Nakato",
          "Otieno", "Dlamini", "Mokoena", "Vakaloloma", "Te Whāiti", "Ngata", "Kavanagh"]
HONORIFICS = ["Ms.", "Mr.", "Dr.", "Prof.", "H.E.", None, None]
LANGUAGES = ["English", "English, French", "English, Spanish", "Arabic, English", "French",
             "English, Russian", "Portuguese, English", "Thai, English", "English, German",
             "Spanish", None]
POSITIONS = {
    "delegate": ["Counsellor, Permanent Mission", "First Secretary", "Director, Ministry of Foreign Affairs",
                 "Senior Legal Officer, Ministry of Justice"],
    "national-rapporteur": ["National Rapporteur", "Deputy National Rapporteur", "Senior Researcher"],
    "coordinator": ["National Coordinator", "Secretary of the Committee", "Head of Coordination Unit"],
    "expert": ["Professor of International Law", "Senior Research Fellow", "Independent consultant"],
    "observer": ["Programme Officer", "Senior Adviser"],
    "un-staff": ["Human Rights Officer", "Crime Prevention Officer", "Programme Coordinator"],
    "civil-society": ["Executive Director", "Programme Coordinator", "Legal Adviser"],
    "secretariat": ["Meeting coordinator", "Assistant to the Special Rapporteur", "Rapporteur (consultant)"],
}
ORGS = {
    "expert": ["Institute for Migration Research (benchmark)", "Faculty of Law (benchmark)"],
    "observer": ["Regional Organisation (benchmark)", "International Organization (benchmark)"],
    "un-staff": ["OHCHR", "UNODC"],
    "civil-society": ["Safe Passage Network (benchmark)", "Freedom Lantern Foundation (benchmark)",
                      "Coalition for Migrant Workers' Rights (benchmark)", "Casa Esperança (benchmark)"],
    "secretariat": ["Office of the Special Rapporteur (OHCHR)", "UNODC"],
    "delegate": ["Ministry of Foreign Affairs", "Ministry of Justice", "Ministry of Labour", None],
}
MECH_NAMES = {
    "independent-rapporteur": "National Rapporteur on Trafficking in Human Beings",
    "nhri-ombuds": "Human Rights Commission, Trafficking Unit",
    "government-rapporteur": "Rapporteur Unit, Ministry of the Interior",
    "national-coordinator": "Office of the National Anti-Trafficking Coordinator",
    "inter-agency-body": "Inter-Agency Council Against Trafficking",
    "other": "Anti-Trafficking Observatory",
}
HOSTS = ["Standalone office", "National human rights institution", "Ministry of Justice",
         "Ministry of the Interior", "National Police", "Office of the Prime Minister", "Parliament"]
CITIES = [("Bangkok", "TH", "Asia/Bangkok"), ("Berlin", "DE", "Europe/Berlin"),
          ("Dakar", "SN", "Africa/Dakar"), ("Vienna", "AT", "Europe/Vienna"),
          ("Geneva", "CH", "Europe/Zurich"), ("Manila", "PH", "Asia/Manila"),
          ("San José", "CR", "America/Costa_Rica"), ("Amman", "JO", "Asia/Amman"),
          ("Nairobi", "KE", "Africa/Nairobi"), ("The Hague", "NL", "Europe/Amsterdam"),
          ("Jakarta", "ID", "Asia/Jakarta"), ("Buenos Aires", "AR", "America/Argentina/Buenos_Aires"),
          ("Abuja", "NG", "Africa/Lagos"), ("Suva", "FJ", "Pacific/Fiji"),
          ("Lisbon", "PT", "Europe/Lisbon"), ("Kathmandu", "NP", "Asia/Kathmandu"),
          ("Doha", "QA", "Asia/Qatar"), ("Mexico City", "MX", "America/Mexico_City"),
          ("Helsinki", "FI", "Europe/Helsinki"), ("Cape Town", "ZA", "Africa/Johannesburg")]
SESSION_TOPICS = ["Institutional frameworks and mandates", "Rapporteurs and coordinating mechanisms",
                  "Challenges in implementing the mandate", "Exchanging good practices",
                  "Fostering partnership", "Data collection and analysis", "Regional cooperation",
                  "Labour exploitation in supply chains", "Victim identification and referral",
                  "Ways forward"]
THEMES = ["Institutional framework and independence", "Data collection and analysis",
          "Regional cooperation", "Partnership among NREMs",
          "Cooperation with State and non-State actors in countries of origin, transit and destination",
          "Follow-up"]
SUBJECTS = {"states": "States", "nrems": "NREMs", "sr-ohchr-unodc": "The Special Rapporteur, OHCHR and UNODC",
            "regional-organisations": "Regional organisations", "civil-society": "Civil society organisations"}
VERBS = ["should", "are encouraged to", "are invited to", "should consider how to"]
ACTIONS = ["strengthen the collection of data on {t}", "report publicly and regularly on {t}",
           "cooperate with {p} on {t}", "allocate adequate resources to {t}",
           "review the legal framework governing {t}", "exchange good practices on {t}",
           "monitor the implementation of national law and policy on {t}",
           "evaluate the impact of measures taken on {t}"]
TOPICS = ["the identification of victims of trafficking", "trafficking for the purpose of labour exploitation",
          "the protection of personal data", "the transnational referral of victims", "child trafficking",
          "forced marriage", "the independence of national rapporteurs", "national action plans",
          "compensation for victims", "the non-punishment of victims", "internal trafficking",
          "trafficking for the removal of organs", "the safe and voluntary return of victims"]
PARTNERS = ["labour inspectorates", "trade unions", "the private sector", "countries of origin and transit",
            "regional organisations", "local authorities", "survivors' organisations", "academic institutions"]
TEXT_CELLS = ["Appointed for a term of five years, renewable once.", "Staff of 6; own budget line.",
              "Annual report; a full report every other year.", "Pseudonymised data only.",
              "Regular meetings with police, labour inspectorate and municipalities.",
              "No fixed term; reviewed with each national action plan.", "Secretariat seconded by ministries."]


def fold(s):
    """ASCII local part of an e-mail address: "Ngũgĩ O'Brien" -> "ngugi.obrien"."""
    s = s.replace("đ", "d").replace("Đ", "D").replace("ł", "l").replace("Ł", "L").replace("ø", "o")
    s = unicodedata.normalize("NFKD", s.lower())
    return "".join(ch for ch in s if ch.isascii() and (ch.isalnum() or ch == "."))


def v5(name):
    return str(uuid.uuid5(NAMESPACE, name))


class Gen:
    def __init__(self, seed, scale):
        self.rng = random.Random(RNG_SEED)
        self.origin = v5("origin:bench")
        # A few more databases, as if delegates had edited on their laptops.
        self.origins = [self.origin] + [v5("origin:bench:%d" % i) for i in range(1, 6)]
        self.codes = sorted(c["code"] for c in seed["countries"] if c.get("region"))
        self.dims = sorted(seed["dimensions"], key=lambda d: d["position"])
        self.scale = scale

    def n(self, count):
        return max(1, int(round(count * self.scale)))

    def uuid4(self):
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def ts(self, lo_days=0, hi_days=11 * 365):
        t = EPOCH + datetime.timedelta(seconds=self.rng.randint(lo_days * 86400, hi_days * 86400))
        return t.strftime("%Y-%m-%dT%H:%M:%S") + ".%03dZ" % self.rng.randint(0, 999)

    def clock(self, uid, updated_at=None, rev=None, origin=None):
        rng = self.rng
        return {"uuid": uid, "updated_at": updated_at or self.ts(),
                "rev": rev or (1 if rng.random() < 0.7 else rng.randint(2, 6)),
                "origin": origin or (self.origin if rng.random() < 0.8 else rng.choice(self.origins))}

    def build(self):
        rng = self.rng
        out = {name: [] for name in ARRAYS}
        codes = self.codes
        code_set = set(codes)

        # Meetings.
        meetings = []
        for i in range(self.n(N_MEETINGS)):
            city, code, tz = CITIES[i % len(CITIES)]
            if code not in code_set:
                code = rng.choice(codes)
            start = datetime.date(2015 + i // 2, 3 + 6 * (i % 2), 10 + rng.randint(0, 10))
            end = start + datetime.timedelta(days=3)
            r = self.clock(self.uuid4())
            r.update({
                "title": "Consultative Meeting of National Rapporteurs and Equivalent Mechanisms No. %d "
                         "(benchmark)" % (i + 3),
                "short_title": "%s %d" % (city, start.year), "city": city, "country": code,
                "venue": rng.choice(["Conference centre", "United Nations Conference Centre", None]),
                "start_date": start.isoformat(), "end_date": end.isoformat(), "time_zone": tz,
                "convenors": "UN Special Rapporteur on trafficking in persons, especially women and "
                             "children, with OHCHR and UNODC",
                "language": "English", "objectives": "1. Exchange good practices.\n2. Strengthen partnership.",
                "expected_outcome": "A set of recommendations."})
            meetings.append(r)
        out["meetings"] = meetings

        # Mechanisms and their matrix cells.
        mechs = []
        for i in range(self.n(N_MECHANISMS)):
            mtype = TYPES[i % len(TYPES)]
            code = rng.choice(codes)
            r = self.clock(self.uuid4())
            r.update({
                "name": "%s %03d (benchmark)" % (MECH_NAMES[mtype], i + 1), "country": code, "type": mtype,
                "reference": False,
                "legal_basis": rng.choice(["Act No. %d of %d (fictional citation)" % (rng.randint(1, 99),
                                                                                     rng.randint(1995, 2024)),
                                           None]),
                "established": rng.randint(1995, 2024), "host_body": rng.choice(HOSTS),
                "website": "https://m%03d.example.org/" % (i + 1),
                "notes": "Fictional mechanism generated for benchmarks."})
            mechs.append(r)
        out["mechanisms"] = mechs
        tristate = ["yes", "partial", "no", "unknown"]
        for m in mechs:
            for d in self.dims:
                vt, opts = d["value_type"], d["options"]
                if d["key"] == "mechanism-type" and m["type"] in opts:
                    value = m["type"]
                elif vt == "tristate":
                    value = rng.choice(tristate)
                elif vt == "enum":
                    value = rng.choice(opts)
                elif vt == "multi":
                    value = ",".join(o for o in opts if rng.random() < 0.4) or opts[0]
                else:
                    value = rng.choice(TEXT_CELLS)
                r = self.clock(v5("assessment:%s:%s" % (m["uuid"], d["uuid"])))
                r.update({"mechanism": m["uuid"], "dimension": d["uuid"], "value": value,
                          "note": "Note on %s." % d["key"] if rng.random() < 0.2 else None,
                          "source": "Questionnaire %d (benchmark)" % rng.randint(2015, 2025)
                          if rng.random() < 0.4 else None,
                          "as_of": "%04d-%02d-%02d" % (rng.randint(2015, 2025), rng.randint(1, 12),
                                                       rng.randint(1, 28)) if rng.random() < 0.4 else None})
                out["assessments"].append(r)

        # Participants.
        people = []
        for i in range(self.n(N_PARTICIPANTS)):
            role = rng.choices(ROLES, ROLE_WEIGHTS)[0]
            given, family = rng.choice(GIVEN), rng.choice(FAMILY)
            name = "%s %s" % (given, family)
            mech = None
            org = None
            if role in ("national-rapporteur", "coordinator") or (role == "delegate" and rng.random() < 0.4):
                mech = rng.choice(mechs)
                code = mech["country"]
            else:
                code = rng.choice(codes)
                org = rng.choice(ORGS.get(role, [None]))
            local = fold("%s.%s" % (given, family))
            r = self.clock(self.uuid4())
            r.update({
                "name": name, "honorific": rng.choice(HONORIFICS), "position": rng.choice(POSITIONS[role]),
                "organisation": org, "mechanism": mech["uuid"] if mech else None, "country": code,
                "role": role, "email": "%s.%05d@%s" % (local.strip(".") or "p", i,
                                                        rng.choice(["example.org", "example.net"])),
                "phone": "+00 %03d %04d" % (i // 10000, i % 10000) if rng.random() < 0.7 else None,
                "languages": rng.choice(LANGUAGES),
                "notes": "Fictional benchmark person." if rng.random() < 0.3 else None})
            people.append(r)
        out["participants"] = people

        # Attendances: each participant at 1-3 meetings.
        attendees = {m["uuid"]: [] for m in meetings}
        for p in people:
            for m in rng.sample(meetings, min(len(meetings), rng.randint(1, 3))):
                status = rng.choices(list(ATTEND_WEIGHTS), list(ATTEND_WEIGHTS.values()))[0]
                r = self.clock(v5("attendance:%s:%s" % (p["uuid"], m["uuid"])))
                r.update({"participant": p["uuid"], "meeting": m["uuid"], "status": status,
                          "head_of_delegation": p["role"] in ("national-rapporteur", "coordinator", "delegate")
                          and rng.random() < 0.15})
                out["attendances"].append(r)
                attendees[m["uuid"]].append(p["uuid"])

        # Sessions: 4 days x 10 slots.
        sessions_of = {}
        for m in meetings:
            pool = attendees[m["uuid"]] or [people[0]["uuid"]]
            start = datetime.date.fromisoformat(m["start_date"])
            topical = []
            for k in range(SESSIONS_PER_MEETING):
                day, slot = divmod(k, SESSIONS_PER_MEETING // 4)
                h, mi = divmod(8 * 60 + slot * 55, 60)
                h2, mi2 = divmod(8 * 60 + slot * 55 + 50, 60)
                if k == 0:
                    kind = "opening"
                elif k == SESSIONS_PER_MEETING - 1:
                    kind = "closing"
                elif slot in (3, 7):
                    kind = "break"
                else:
                    kind = rng.choice(["plenary", "panel", "working-group"])
                r = self.clock(self.uuid4())
                r.update({
                    "meeting": m["uuid"], "day": (start + datetime.timedelta(days=day)).isoformat(),
                    "start_time": "%02d:%02d" % (h, mi), "end_time": "%02d:%02d" % (h2, mi2),
                    "title": "Break" if kind == "break" else "%s %d" % (rng.choice(SESSION_TOPICS), k + 1),
                    "kind": kind,
                    "description": None if kind == "break" else "Discussion of %s." % rng.choice(TOPICS),
                    "room": None if kind == "break" else rng.choice(["Plenary hall", "Room A", "Room B", "Room C"]),
                    "chair": None if kind == "break" else rng.choice(pool),
                    "rapporteur": None if kind == "break" else rng.choice(pool),
                    "speakers": [] if kind == "break" else rng.sample(pool, min(len(pool), rng.randint(0, 5))),
                    "notes": None})
                out["sessions"].append(r)
                if kind not in ("break", "opening", "closing"):
                    topical.append(r["uuid"])
            sessions_of[m["uuid"]] = topical

        # Recommendations with revisions.
        n_recs = self.n(N_RECOMMENDATIONS)
        per_meeting = {}
        for i in range(n_recs):
            m = meetings[i % len(meetings)]
            mu = m["uuid"]
            pool = attendees[mu] or [people[0]["uuid"]]
            done = per_meeting.setdefault(mu, [])
            status = rng.choices(list(STATUS_WEIGHTS), list(STATUS_WEIGHTS.values()))[0]
            targets = [r for r in done if r["status"] != "merged"]
            if status == "merged" and not targets:
                status = "agreed"
            addressees = sorted(rng.sample(ADDRESSEES, rng.randint(1, 2)), key=ADDRESSEES.index)
            final = self.text(addressees[0], bracketed=status in ("under-discussion", "draft")
                              and rng.random() < 0.5)
            proposer = rng.choice(pool)
            supporters = sorted(set(rng.sample(pool, min(len(pool), rng.randint(0, 6)))) - {proposer})
            uid = self.uuid4()
            chain = {"draft": ["draft"] * 5,
                     "proposed": ["draft", "draft", "draft", "proposed", "proposed"],
                     "under-discussion": ["draft", "proposed", "under-discussion", "under-discussion",
                                          "under-discussion"],
                     "agreed": ["draft", "proposed", "under-discussion", "under-discussion", "agreed"],
                     "withdrawn": ["draft", "proposed", "proposed", "under-discussion", "withdrawn"],
                     "merged": ["draft", "proposed", "under-discussion", "under-discussion", "merged"],
                     }[status][:REVISIONS_PER_RECOMMENDATION]
            start = datetime.datetime.fromisoformat(m["start_date"]) - datetime.timedelta(days=10)
            t = start + datetime.timedelta(minutes=rng.randint(0, 3 * 24 * 60))
            parent = None
            texts = [self.text(addressees[0]) for _ in chain[:-1]] + [final]
            for k, (st, text) in enumerate(zip(chain, texts)):
                t += datetime.timedelta(minutes=rng.randint(30, 2 * 24 * 60), seconds=rng.randint(0, 59))
                created = t.strftime("%Y-%m-%dT%H:%M:%S") + ".%03dZ" % rng.randint(0, 999)
                author = proposer if k == 0 else rng.choice(pool)
                rv = self.clock(self.uuid4(), updated_at=created, rev=1)
                rv.update({"recommendation": uid, "parent": parent, "author": author,
                           "author_name": None, "created_at": created, "status": st, "text": text})
                rv["_author"] = author
                out["revisions"].append(rv)
                parent = rv["uuid"]
            r = self.clock(uid, updated_at=created, rev=len(chain))
            r.update({
                "meeting": mu, "position": len(done) + 1, "theme": rng.choice(THEMES),
                "addressees": addressees,
                "session": rng.choice(sessions_of[mu]) if sessions_of[mu] and rng.random() < 0.8 else None,
                "status": status, "merged_into": rng.choice(targets)["uuid"] if status == "merged" else None,
                "proposer": proposer, "supporters": supporters, "bracketed": "[" in final,
                "alternative": 1 if "[" in final and rng.random() < 0.2 else 0, "text": final})
            done.append(r)
            out["recommendations"].append(r)

        names = {p["uuid"]: p["name"] for p in people}
        for rv in out["revisions"]:
            rv["author_name"] = names[rv.pop("_author")]

        for name in ARRAYS:
            out[name].sort(key=lambda r: r["uuid"])
        doc = {"format": "nrem-desk", "version": 1, "exported_at": EXPORTED, "origin": self.origin}
        doc.update(out)
        return doc

    def text(self, addressee, bracketed=False):
        rng = self.rng
        subject = SUBJECTS[addressee]
        verb = rng.choice(VERBS)

        def action():
            return rng.choice(ACTIONS).format(t=rng.choice(TOPICS), p=rng.choice(PARTNERS))

        if rng.random() < 0.2:
            items = [action() for _ in range(rng.randint(2, 4))]
            lines = ["%s %s:" % (subject, verb.replace(" how to", ""))]
            for j, it in enumerate(items):
                end = "." if j == len(items) - 1 else ";"
                lines.append("(%s) %s%s%s" % ("abcd"[j], it[0].upper(), it[1:], end))
            text = "\n".join(lines)
        else:
            text = "%s %s %s, and %s." % (subject, verb, action(), action())
        if bracketed:
            words = text.split(" ")
            plain = [j for j, w in enumerate(words) if j >= 2 and w.isalpha()]
            k = rng.choice(plain)
            words[k] = "[%s]" % words[k]
            text = " ".join(words)
        return text


def main(argv):
    args = []
    scale = 1.0
    seed_path = DEFAULT_SEED
    it = iter(argv[1:])
    for a in it:
        if a == "--scale":
            scale = float(next(it))
        elif a.startswith("--scale="):
            scale = float(a.split("=", 1)[1])
        elif a == "--seed":
            seed_path = next(it)
        elif a in ("-h", "--help"):
            print(__doc__.strip())
            return 0
        else:
            args.append(a)
    if len(args) != 1 or scale <= 0:
        print("usage: make-large.py OUTPUT [--scale FACTOR] [--seed PATH]", file=sys.stderr)
        return 2
    output = args[0]
    t0 = time.monotonic()
    with open(seed_path, encoding="utf-8") as f:
        seed = json.load(f)
    doc = Gen(seed, scale).build()
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
    tmp = output + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
        f.write("\n")
    os.replace(tmp, output)
    counts = ", ".join("%s %d" % (k, len(doc[k])) for k in ARRAYS)
    print("wrote %s (%.1f MB, %.1f s): %s" % (output, len(text.encode("utf-8")) / 1e6,
                                             time.monotonic() - t0, counts), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
