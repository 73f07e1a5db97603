#!/usr/bin/env python3
"""Write resources/seed/seed.json, the built-in seed of NREM Desk.

The seed is an ordinary file in the exchange format, version 1
(docs/exchange-format.md), loaded on first start through the same importer as
any other file.  It holds:

  * countries   -- every ISO 3166-1 alpha-2 code (249) with an English short
                   name, UN M49 region and sub-region, and the M49 numeric code;
  * meetings    -- Berlin 2013 and Bangkok 2014 (facts: shared DOMAIN.md and
                   the Bangkok concept note);
  * sessions    -- the Bangkok 2014 agenda at indicative times;
  * dimensions  -- the 25 mandate dimensions of the matrix, in 5 groups;
  * mechanisms  -- the two reference profiles (a typology, not data about any
                   State) and their assessments.

Participants, attendances, recommendations, revisions and tombstones are empty.

The script is deterministic (standard library only, no clock, no randomness):
running it twice gives byte-identical output.

    /usr/bin/python3 tools/make-seed.py            # writes resources/seed/seed.json
    /usr/bin/python3 tools/make-seed.py -o FILE    # writes FILE ("-" for stdout)
"""

import argparse
import json
import os
import sys
import uuid

NAMESPACE = uuid.UUID("6f1c2a4e-3b7d-5e8f-9a01-4c2d3e5f6a7b")
SEED_TIME = "2014-05-01T00:00:00.000Z"


def v5(name):
    """The stable identity of a seed record (docs/exchange-format.md)."""
    return str(uuid.uuid5(NAMESPACE, name))


ORIGIN = v5("origin:seed")


def record(name, fields):
    """A record: the four clock keys, then the entity's fields in order."""
    rec = {"uuid": v5(name), "updated_at": SEED_TIME, "rev": 1, "origin": ORIGIN}
    for key, value in fields:
        if key in rec:
            raise ValueError("field %r clashes with a clock key" % key)
        if value == "":
            value = None  # an empty field is written as null
        rec[key] = value
    return rec


# ---------------------------------------------------------------------------
# Countries: ISO 3166-1 alpha-2 -> (English short name, M49 numeric code).
# Names follow UN usage (UN M49 / UN Terminology), shortened where the UN form
# is a long official name (United Kingdom, United States, Netherlands, ...).
# ---------------------------------------------------------------------------

COUNTRY_NAMES = {
    "AD": ("Andorra", "020"),
    "AE": ("United Arab Emirates", "784"),
    "AF": ("Afghanistan", "004"),
    "AG": ("Antigua and Barbuda", "028"),
    "AI": ("Anguilla", "660"),
    "AL": ("Albania", "008"),
    "AM": ("Armenia", "051"),
    "AO": ("Angola", "024"),
    "AQ": ("Antarctica", "010"),
    "AR": ("Argentina", "032"),
    "AS": ("American Samoa", "016"),
    "AT": ("Austria", "040"),
    "AU": ("Australia", "036"),
    "AW": ("Aruba", "533"),
    "AX": ("Åland Islands", "248"),
    "AZ": ("Azerbaijan", "031"),
    "BA": ("Bosnia and Herzegovina", "070"),
    "BB": ("Barbados", "052"),
    "BD": ("Bangladesh", "050"),
    "BE": ("Belgium", "056"),
    "BF": ("Burkina Faso", "854"),
    "BG": ("Bulgaria", "100"),
    "BH": ("Bahrain", "048"),
    "BI": ("Burundi", "108"),
    "BJ": ("Benin", "204"),
    "BL": ("Saint Barthélemy", "652"),
    "BM": ("Bermuda", "060"),
    "BN": ("Brunei Darussalam", "096"),
    "BO": ("Bolivia (Plurinational State of)", "068"),
    "BQ": ("Bonaire, Sint Eustatius and Saba", "535"),
    "BR": ("Brazil", "076"),
    "BS": ("Bahamas", "044"),
    "BT": ("Bhutan", "064"),
    "BV": ("Bouvet Island", "074"),
    "BW": ("Botswana", "072"),
    "BY": ("Belarus", "112"),
    "BZ": ("Belize", "084"),
    "CA": ("Canada", "124"),
    "CC": ("Cocos (Keeling) Islands", "166"),
    "CD": ("Democratic Republic of the Congo", "180"),
    "CF": ("Central African Republic", "140"),
    "CG": ("Congo", "178"),
    "CH": ("Switzerland", "756"),
    "CI": ("Côte d'Ivoire", "384"),
    "CK": ("Cook Islands", "184"),
    "CL": ("Chile", "152"),
    "CM": ("Cameroon", "120"),
    "CN": ("China", "156"),
    "CO": ("Colombia", "170"),
    "CR": ("Costa Rica", "188"),
    "CU": ("Cuba", "192"),
    "CV": ("Cabo Verde", "132"),
    "CW": ("Curaçao", "531"),
    "CX": ("Christmas Island", "162"),
    "CY": ("Cyprus", "196"),
    "CZ": ("Czechia", "203"),
    "DE": ("Germany", "276"),
    "DJ": ("Djibouti", "262"),
    "DK": ("Denmark", "208"),
    "DM": ("Dominica", "212"),
    "DO": ("Dominican Republic", "214"),
    "DZ": ("Algeria", "012"),
    "EC": ("Ecuador", "218"),
    "EE": ("Estonia", "233"),
    "EG": ("Egypt", "818"),
    "EH": ("Western Sahara", "732"),
    "ER": ("Eritrea", "232"),
    "ES": ("Spain", "724"),
    "ET": ("Ethiopia", "231"),
    "FI": ("Finland", "246"),
    "FJ": ("Fiji", "242"),
    "FK": ("Falkland Islands (Malvinas)", "238"),
    "FM": ("Micronesia (Federated States of)", "583"),
    "FO": ("Faroe Islands", "234"),
    "FR": ("France", "250"),
    "GA": ("Gabon", "266"),
    "GB": ("United Kingdom", "826"),
    "GD": ("Grenada", "308"),
    "GE": ("Georgia", "268"),
    "GF": ("French Guiana", "254"),
    "GG": ("Guernsey", "831"),
    "GH": ("Ghana", "288"),
    "GI": ("Gibraltar", "292"),
    "GL": ("Greenland", "304"),
    "GM": ("Gambia", "270"),
    "GN": ("Guinea", "324"),
    "GP": ("Guadeloupe", "312"),
    "GQ": ("Equatorial Guinea", "226"),
    "GR": ("Greece", "300"),
    "GS": ("South Georgia and the South Sandwich Islands", "239"),
    "GT": ("Guatemala", "320"),
    "GU": ("Guam", "316"),
    "GW": ("Guinea-Bissau", "624"),
    "GY": ("Guyana", "328"),
    "HK": ("Hong Kong, China", "344"),
    "HM": ("Heard Island and McDonald Islands", "334"),
    "HN": ("Honduras", "340"),
    "HR": ("Croatia", "191"),
    "HT": ("Haiti", "332"),
    "HU": ("Hungary", "348"),
    "ID": ("Indonesia", "360"),
    "IE": ("Ireland", "372"),
    "IL": ("Israel", "376"),
    "IM": ("Isle of Man", "833"),
    "IN": ("India", "356"),
    "IO": ("British Indian Ocean Territory", "086"),
    "IQ": ("Iraq", "368"),
    "IR": ("Iran (Islamic Republic of)", "364"),
    "IS": ("Iceland", "352"),
    "IT": ("Italy", "380"),
    "JE": ("Jersey", "832"),
    "JM": ("Jamaica", "388"),
    "JO": ("Jordan", "400"),
    "JP": ("Japan", "392"),
    "KE": ("Kenya", "404"),
    "KG": ("Kyrgyzstan", "417"),
    "KH": ("Cambodia", "116"),
    "KI": ("Kiribati", "296"),
    "KM": ("Comoros", "174"),
    "KN": ("Saint Kitts and Nevis", "659"),
    "KP": ("Democratic People's Republic of Korea", "408"),
    "KR": ("Republic of Korea", "410"),
    "KW": ("Kuwait", "414"),
    "KY": ("Cayman Islands", "136"),
    "KZ": ("Kazakhstan", "398"),
    "LA": ("Lao People's Democratic Republic", "418"),
    "LB": ("Lebanon", "422"),
    "LC": ("Saint Lucia", "662"),
    "LI": ("Liechtenstein", "438"),
    "LK": ("Sri Lanka", "144"),
    "LR": ("Liberia", "430"),
    "LS": ("Lesotho", "426"),
    "LT": ("Lithuania", "440"),
    "LU": ("Luxembourg", "442"),
    "LV": ("Latvia", "428"),
    "LY": ("Libya", "434"),
    "MA": ("Morocco", "504"),
    "MC": ("Monaco", "492"),
    "MD": ("Republic of Moldova", "498"),
    "ME": ("Montenegro", "499"),
    "MF": ("Saint Martin (French part)", "663"),
    "MG": ("Madagascar", "450"),
    "MH": ("Marshall Islands", "584"),
    "MK": ("North Macedonia", "807"),
    "ML": ("Mali", "466"),
    "MM": ("Myanmar", "104"),
    "MN": ("Mongolia", "496"),
    "MO": ("Macao, China", "446"),
    "MP": ("Northern Mariana Islands", "580"),
    "MQ": ("Martinique", "474"),
    "MR": ("Mauritania", "478"),
    "MS": ("Montserrat", "500"),
    "MT": ("Malta", "470"),
    "MU": ("Mauritius", "480"),
    "MV": ("Maldives", "462"),
    "MW": ("Malawi", "454"),
    "MX": ("Mexico", "484"),
    "MY": ("Malaysia", "458"),
    "MZ": ("Mozambique", "508"),
    "NA": ("Namibia", "516"),
    "NC": ("New Caledonia", "540"),
    "NE": ("Niger", "562"),
    "NF": ("Norfolk Island", "574"),
    "NG": ("Nigeria", "566"),
    "NI": ("Nicaragua", "558"),
    "NL": ("Netherlands", "528"),
    "NO": ("Norway", "578"),
    "NP": ("Nepal", "524"),
    "NR": ("Nauru", "520"),
    "NU": ("Niue", "570"),
    "NZ": ("New Zealand", "554"),
    "OM": ("Oman", "512"),
    "PA": ("Panama", "591"),
    "PE": ("Peru", "604"),
    "PF": ("French Polynesia", "258"),
    "PG": ("Papua New Guinea", "598"),
    "PH": ("Philippines", "608"),
    "PK": ("Pakistan", "586"),
    "PL": ("Poland", "616"),
    "PM": ("Saint Pierre and Miquelon", "666"),
    "PN": ("Pitcairn", "612"),
    "PR": ("Puerto Rico", "630"),
    "PS": ("State of Palestine", "275"),
    "PT": ("Portugal", "620"),
    "PW": ("Palau", "585"),
    "PY": ("Paraguay", "600"),
    "QA": ("Qatar", "634"),
    "RE": ("Réunion", "638"),
    "RO": ("Romania", "642"),
    "RS": ("Serbia", "688"),
    "RU": ("Russian Federation", "643"),
    "RW": ("Rwanda", "646"),
    "SA": ("Saudi Arabia", "682"),
    "SB": ("Solomon Islands", "090"),
    "SC": ("Seychelles", "690"),
    "SD": ("Sudan", "729"),
    "SE": ("Sweden", "752"),
    "SG": ("Singapore", "702"),
    "SH": ("Saint Helena, Ascension and Tristan da Cunha", "654"),
    "SI": ("Slovenia", "705"),
    "SJ": ("Svalbard and Jan Mayen", "744"),
    "SK": ("Slovakia", "703"),
    "SL": ("Sierra Leone", "694"),
    "SM": ("San Marino", "674"),
    "SN": ("Senegal", "686"),
    "SO": ("Somalia", "706"),
    "SR": ("Suriname", "740"),
    "SS": ("South Sudan", "728"),
    "ST": ("Sao Tome and Principe", "678"),
    "SV": ("El Salvador", "222"),
    "SX": ("Sint Maarten (Dutch part)", "534"),
    "SY": ("Syrian Arab Republic", "760"),
    "SZ": ("Eswatini", "748"),
    "TC": ("Turks and Caicos Islands", "796"),
    "TD": ("Chad", "148"),
    "TF": ("French Southern Territories", "260"),
    "TG": ("Togo", "768"),
    "TH": ("Thailand", "764"),
    "TJ": ("Tajikistan", "762"),
    "TK": ("Tokelau", "772"),
    "TL": ("Timor-Leste", "626"),
    "TM": ("Turkmenistan", "795"),
    "TN": ("Tunisia", "788"),
    "TO": ("Tonga", "776"),
    "TR": ("Türkiye", "792"),
    "TT": ("Trinidad and Tobago", "780"),
    "TV": ("Tuvalu", "798"),
    "TW": ("Taiwan, Province of China", "158"),
    "TZ": ("United Republic of Tanzania", "834"),
    "UA": ("Ukraine", "804"),
    "UG": ("Uganda", "800"),
    "UM": ("United States Minor Outlying Islands", "581"),
    "US": ("United States", "840"),
    "UY": ("Uruguay", "858"),
    "UZ": ("Uzbekistan", "860"),
    "VA": ("Holy See", "336"),
    "VC": ("Saint Vincent and the Grenadines", "670"),
    "VE": ("Venezuela (Bolivarian Republic of)", "862"),
    "VG": ("British Virgin Islands", "092"),
    "VI": ("United States Virgin Islands", "850"),
    "VN": ("Viet Nam", "704"),
    "VU": ("Vanuatu", "548"),
    "WF": ("Wallis and Futuna", "876"),
    "WS": ("Samoa", "882"),
    "YE": ("Yemen", "887"),
    "YT": ("Mayotte", "175"),
    "ZA": ("South Africa", "710"),
    "ZM": ("Zambia", "894"),
    "ZW": ("Zimbabwe", "716"),
}

# UN M49 sub-regions (the level below the five regions; for Latin America and
# the Caribbean and Sub-Saharan Africa the intermediate regions below them are
# not used).  Antarctica belongs to no M49 region: region and sub-region null.
M49_SUBREGIONS = [
    ("Africa", "Northern Africa", "DZ EG EH LY MA SD TN"),
    ("Africa", "Sub-Saharan Africa",
     # Eastern Africa
     "BI DJ ER ET IO KE KM MG MU MW MZ RE RW SC SO SS TF TZ UG YT ZM ZW "
     # Middle Africa
     "AO CD CF CG CM GA GQ ST TD "
     # Southern Africa
     "BW LS NA SZ ZA "
     # Western Africa
     "BF BJ CI CV GH GM GN GW LR ML MR NE NG SH SL SN TG"),
    ("Americas", "Latin America and the Caribbean",
     # Caribbean
     "AG AI AW BB BL BQ BS CU CW DM DO GD GP HT JM KN KY LC MF MQ MS PR SX "
     "TC TT VC VG VI "
     # Central America
     "BZ CR GT HN MX NI PA SV "
     # South America
     "AR BO BR BV CL CO EC FK GF GS GY PE PY SR UY VE"),
    ("Americas", "Northern America", "BM CA GL PM US"),
    ("Asia", "Central Asia", "KG KZ TJ TM UZ"),
    ("Asia", "Eastern Asia", "CN HK JP KP KR MN MO TW"),
    ("Asia", "South-eastern Asia", "BN ID KH LA MM MY PH SG TH TL VN"),
    ("Asia", "Southern Asia", "AF BD BT IN IR LK MV NP PK"),
    ("Asia", "Western Asia",
     "AE AM AZ BH CY GE IL IQ JO KW LB OM PS QA SA SY TR YE"),
    ("Europe", "Eastern Europe", "BG BY CZ HU MD PL RO RU SK UA"),
    ("Europe", "Northern Europe",
     "AX DK EE FI FO GB GG IE IM IS JE LT LV NO SE SJ"),
    ("Europe", "Southern Europe",
     "AD AL BA ES GI GR HR IT ME MK MT PT RS SI SM VA"),
    ("Europe", "Western Europe", "AT BE CH DE FR LI LU MC NL"),
    ("Oceania", "Australia and New Zealand", "AU CC CX HM NF NZ"),
    ("Oceania", "Melanesia", "FJ NC PG SB VU"),
    ("Oceania", "Micronesia", "FM GU KI MH MP NR PW UM"),
    ("Oceania", "Polynesia", "AS CK NU PF PN TK TO TV WF WS"),
]
NO_REGION = {"AQ"}


def countries():
    placed = {}
    for region, subregion, codes in M49_SUBREGIONS:
        for code in codes.split():
            if code in placed:
                raise ValueError("country %s placed twice" % code)
            placed[code] = (region, subregion)
    for code in NO_REGION:
        placed[code] = (None, None)
    if set(placed) != set(COUNTRY_NAMES):
        raise ValueError("region table and name table differ: %s"
                         % sorted(set(placed) ^ set(COUNTRY_NAMES)))
    if len(COUNTRY_NAMES) != 249:
        raise ValueError("expected 249 countries, have %d" % len(COUNTRY_NAMES))
    out = []
    for code in sorted(COUNTRY_NAMES):
        name, m49 = COUNTRY_NAMES[code]
        region, subregion = placed[code]
        out.append(record("country:" + code, [
            ("code", code),
            ("name", name),
            ("region", region),
            ("subregion", subregion),
            ("m49", m49),
        ]))
    return out


# ---------------------------------------------------------------------------
# Meetings (DOMAIN.md "The meetings"; concept-note.txt)
# ---------------------------------------------------------------------------

BANGKOK = "meeting:bangkok-2014"
BERLIN = "meeting:berlin-2013"

SR = ("UN Special Rapporteur on trafficking in persons, especially women and "
      "children (Joy Ngozi Ezeilo)")


def meetings():
    bangkok = record(BANGKOK, [
        ("title", "Second Consultative Meeting on Strengthening Partnerships "
                  "with National Rapporteurs on Trafficking in Persons and "
                  "Equivalent Mechanisms"),
        ("short_title", "Bangkok 2014"),
        ("city", "Bangkok"),
        ("country", "TH"),
        # The concept note names no venue.
        ("venue", "To be confirmed by the secretariat"),
        ("start_date", "2014-05-21"),
        ("end_date", "2014-05-22"),
        ("time_zone", "Asia/Bangkok"),
        ("convenors", SR + ", in partnership with the Office of the United "
                      "Nations High Commissioner for Human Rights (OHCHR) and "
                      "the United Nations Office on Drugs and Crime (UNODC)"),
        ("language", "English"),
        ("objectives", "\n".join([
            "1. Deepen discussion on the importance and benefits of "
            "establishing and implementing the mandate of national "
            "rapporteurs and equivalent mechanisms.",
            "2. Promote exchange of information on current trends, good "
            "practices and lessons learnt from national rapporteurs and "
            "equivalent mechanisms, including national coordinating "
            "mechanisms.",
            "3. Provide a forum for developing and enhancing networking "
            "between NREMs across countries and regions.",
        ])),
        ("expected_outcome", "\n".join([
            "A set of recommendations, based on the participants' "
            "observations and conclusions, to strengthen existing NREMs and "
            "foster cooperation among them, sharing expertise and good "
            "practices across and within regions.",
            "Report: A/HRC/29/38/Add.2",
        ])),
    ])
    berlin = record(BERLIN, [
        ("title", "First Consultative Meeting on Strengthening Partnerships "
                  "with National Rapporteurs on Trafficking in Persons and "
                  "Equivalent Mechanisms"),
        ("short_title", "Berlin 2013"),
        ("city", "Berlin"),
        ("country", "DE"),
        ("venue", None),
        ("start_date", "2013-05-23"),
        ("end_date", "2013-05-24"),
        ("time_zone", "Europe/Berlin"),
        ("convenors", SR),
        ("language", None),
        ("objectives", "\n".join([
            "1. Discuss ways to strengthen partnerships with and among "
            "national rapporteurs and equivalent mechanisms (NREMs) on "
            "trafficking in persons.",
            "2. Discuss the main functions of NREMs: data collection and "
            "analysis; monitoring, evaluating and reporting on the impact of "
            "anti-trafficking policies; fostering partnership and "
            "coordination at national, regional and international levels.",
            "3. Provide a platform for discussing common issues, exchanging "
            "good practices and establishing contacts.",
        ])),
        ("expected_outcome", "\n".join([
            "Exchange of good practices and contacts among national "
            "rapporteurs, coordinating mechanisms and equivalent mechanisms "
            "from seventeen countries, brought together for the first time. "
            "Participants unanimously stressed independence and wished the "
            "consultation to continue in another region.",
            "Report: A/HRC/26/37/Add.1",
        ])),
    ])
    return [bangkok, berlin]


# ---------------------------------------------------------------------------
# Sessions of Bangkok 2014: the concept note gives topics but no times, so the
# times are indicative (the secretariat edits them).
# n = 1..6 are the six topic sessions in the concept note's order; n = 7.. are
# the other items (opening, breaks, closing), numbered in time order.
# ---------------------------------------------------------------------------

DAY1 = "2014-05-21"
DAY2 = "2014-05-22"
PLENARY_HALL = "Plenary hall"

SESSIONS = [
    # (n, day, start, end, kind, title, description, room)
    (7, DAY1, "09:00", "10:15", "opening", "Opening of the consultation",
     "Welcome and opening remarks; introduction of participants; objectives "
     "and programme of the consultation.", PLENARY_HALL),
    (8, DAY1, "10:15", "10:30", "break", "Tea break", None, None),
    (1, DAY1, "10:30", "12:30", "panel",
     "NREMs institutional frameworks and mandates",
     "Defining, among others, the core functions of a national rapporteur; "
     "identifying the institutional structure needed for the successful "
     "implementation of the mandate; and outlining the existing international "
     "and regional tools supporting the work of NREMs.", PLENARY_HALL),
    (9, DAY1, "12:30", "14:00", "break", "Lunch break", None, None),
    (2, DAY1, "14:00", "15:30", "panel",
     "Differences and similarities between rapporteurs and coordinating "
     "mechanisms",
     "Discussing, among others, the conceptual differences and the pros and "
     "cons of having separate dedicated institutions.", PLENARY_HALL),
    (10, DAY1, "15:30", "15:45", "break", "Tea break", None, None),
    (3, DAY1, "15:45", "17:30", "plenary",
     "Typical dilemma: challenges in implementing the mandate", None,
     PLENARY_HALL),
    (4, DAY2, "09:00", "10:30", "panel",
     "Exchanging best practices: progress made and successful implementation",
     None, PLENARY_HALL),
    (11, DAY2, "10:30", "10:45", "break", "Tea break", None, None),
    (5, DAY2, "10:45", "12:30", "panel", "Fostering partnership",
     "Establishing good working relations with all stakeholders (government "
     "and non-governmental organizations) while retaining independence and "
     "impartiality; the role of NREMs in strengthening cooperation and "
     "partnerships between countries of destination, transit and origin.",
     PLENARY_HALL),
    (12, DAY2, "12:30", "14:00", "break", "Lunch break", None, None),
    (6, DAY2, "14:00", "16:00", "plenary", "Discussing ways forward",
     "Way forward: recommendations to strengthen existing NREMs and "
     "partnership among them.", PLENARY_HALL),
    (13, DAY2, "16:00", "16:15", "break", "Tea break", None, None),
    (14, DAY2, "16:15", "17:30", "closing", "Closing of the consultation",
     "Conclusions and recommendations of the consultation; closing remarks.",
     PLENARY_HALL),
]


def sessions():
    numbers = [s[0] for s in SESSIONS]
    if sorted(numbers) != list(range(1, len(SESSIONS) + 1)):
        raise ValueError("session numbers must be 1..%d" % len(SESSIONS))
    meeting = v5(BANGKOK)
    out = []
    for n, day, start, end, kind, title, description, room in SESSIONS:
        out.append(record("session:bangkok-2014:%d" % n, [
            ("meeting", meeting),
            ("day", day),
            ("start_time", start),
            ("end_time", end),
            ("title", title),
            ("kind", kind),
            ("description", description),
            ("room", room),
            ("chair", None),
            ("rapporteur", None),
            ("speakers", []),
            ("notes", None),
        ]))
    return out


# ---------------------------------------------------------------------------
# Mandate dimensions (DOMAIN.md "Mandate dimensions"), in matrix order.
# ---------------------------------------------------------------------------

DIR = "Directive 2011/36/EU"
DIR_AM = "as amended by Directive (EU) 2024/1712"
CETS = "CETS 197"
BERLIN_REPORT = "Berlin report (A/HRC/26/37/Add.1)"
BANGKOK_REPORT = "Bangkok report (A/HRC/29/38/Add.2)"
DUTCH = "Dutch National Rapporteur's mandate"
ODIHR = "OSCE/ODIHR National Referral Mechanisms handbook (2004; 2nd ed. 2022)"

MECHANISM_TYPES = ["independent-rapporteur", "nhri-ombuds",
                   "government-rapporteur", "national-coordinator",
                   "inter-agency-body", "other"]

DIMENSIONS = [
    # (key, group, label, definition, value_type, options, source)
    ("mechanism-type", "set-up", "Mechanism type",
     "What kind of body the mechanism is: an independent national rapporteur, "
     "an NHRI or ombuds institution, a government unit acting as rapporteur, "
     "a national coordinator, an inter-agency coordinating body, or another "
     "kind.",
     "enum", MECHANISM_TYPES,
     "%s Art. 29(2) and 29(4); %s Art. 19, %s" % (CETS, DIR, DIR_AM)),
    ("legal-basis", "set-up", "Legal basis",
     "The instrument that establishes the mechanism and its mandate: a "
     "statute, a decree, a government decision, or none. The note cites the "
     "instrument.",
     "enum", ["statute", "decree", "government-decision", "none"],
     "%s Art. 29(4); %s Art. 19" % (CETS, DIR)),
    ("host-body", "set-up", "Host body",
     "Where the mechanism sits: a stand-alone body, a national human rights "
     "institution, a ministry, the police, or another host (named in the "
     "note).",
     "enum", ["standalone", "nhri", "ministry", "police", "other"],
     "%s Art. 19, %s; %s Art. 29" % (DIR, DIR_AM, CETS)),
    ("independence", "set-up", "Independence",
     "Whether the mechanism is free from instruction by the executive: "
     "independent by law, independent in practice (functionally), or part "
     "of the executive.",
     "enum", ["by-law", "functional", "part-of-executive"],
     "%s Art. 19(3), %s; %s Art. 29(4); %s"
     % (DIR, DIR_AM, CETS, BERLIN_REPORT)),
    ("appointment-tenure", "set-up", "Appointment and tenure",
     "Who appoints the head of the mechanism, for how long, on what terms "
     "the appointment can end, and whether the mandate is periodically "
     "reviewed.",
     "text", [],
     "%s; %s" % (BERLIN_REPORT, BANGKOK_REPORT)),
    ("resources", "set-up", "Resources and staffing",
     "The budget and staff available to the mechanism, and whether they are "
     "sufficient and secured for its mandate.",
     "text", [],
     "%s; %s" % (BERLIN_REPORT, BANGKOK_REPORT)),
    ("thematic-scope", "set-up", "Thematic scope",
     "The forms of trafficking the mandate covers: sexual exploitation, "
     "labour exploitation, exploitation of criminal activities, removal of "
     "organs, forced marriage, trafficking in children, internal "
     "trafficking.",
     "multi", ["sexual-exploitation", "labour-exploitation",
               "criminal-activities", "organ-removal", "forced-marriage",
               "child-trafficking", "internal-trafficking"],
     "%s Art. 2, %s; %s Art. 2 and 4(a)" % (DIR, DIR_AM, CETS)),
    ("trend-assessment", "functions", "Trend assessment and research",
     "Whether the mechanism assesses trends in trafficking in persons and "
     "carries out or commissions research.",
     "tristate", [],
     "%s Art. 19; %s Art. 29(4)" % (DIR, CETS)),
    ("data-collection", "functions", "Data collection and statistics",
     "Whether the mechanism gathers its own data and statistics, compiles "
     "those of other bodies, or does neither.",
     "enum", ["own", "compiles-others", "none"],
     "%s Art. 19; %s (yearly statistics)" % (DIR, DUTCH)),
    ("monitoring", "functions", "Monitoring of law and policy",
     "Whether the mechanism monitors the anti-trafficking activities of "
     "State institutions and the implementation of national law and policy.",
     "tristate", [],
     "%s Art. 29(4); %s Art. 19(3), %s" % (CETS, DIR, DIR_AM)),
    ("evaluation", "functions", "Evaluation of results and impact",
     "Whether the mechanism measures the results and impact of "
     "anti-trafficking action, including its effect on human rights.",
     "tristate", [],
     "%s Art. 19; %s" % (DIR, BERLIN_REPORT)),
    ("policy-coordination", "functions", "Policy coordination",
     "Whether the mechanism coordinates the anti-trafficking policies and "
     "actions of ministries and public agencies.",
     "tristate", [],
     "%s Art. 29(2); %s Art. 19(1)–(2), %s" % (CETS, DIR, DIR_AM)),
    ("operational-role", "functions", "Operational role",
     "Whether the mechanism itself runs or funds anti-trafficking programmes "
     "or services.",
     "tristate", [],
     "%s Art. 29(2); %s Art. 19(1)–(2), %s" % (CETS, DIR, DIR_AM)),
    ("nrm-role", "functions", "Role in the national referral mechanism",
     "The mechanism's part in the identification and referral of victims "
     "(the national referral mechanism): none, observer, member, or the body "
     "that operates it.",
     "enum", ["none", "observer", "member", "operates"],
     "%s; %s Art. 11(4)" % (ODIHR, DIR)),
    ("recommendations-power", "functions", "Power to make recommendations",
     "Whether the mechanism may address recommendations to the government "
     "and other authorities.",
     "tristate", [],
     "%s (reports with recommendations); %s" % (DUTCH, BERLIN_REPORT)),
    ("reports-to", "reporting", "Reports to",
     "To whom the mechanism reports: the government, parliament, the public, "
     "regional bodies, the United Nations.",
     "multi", ["government", "parliament", "public", "regional", "un"],
     "%s Art. 19–20; %s Art. 29(4); %s" % (DIR, CETS, DUTCH)),
    ("reporting-frequency", "reporting", "Reporting frequency and products",
     "How often the mechanism reports and in what products (statistics, "
     "full reports, thematic studies).",
     "text", [],
     "%s (yearly statistics; a full report every other year); %s Art. 20"
     % (DUTCH, DIR)),
    ("government-response", "reporting", "Government response",
     "Whether the government must respond to the mechanism's reports and "
     "recommendations: formally, in practice only, or not at all.",
     "enum", ["formal", "in-practice", "none"],
     "%s (the government responds to its reports)" % DUTCH),
    ("reports-public", "reporting", "Public reports",
     "Whether the mechanism's reports are published in full, in part, or "
     "kept confidential.",
     "enum", ["public", "partly", "confidential"],
     "%s; %s" % (DUTCH, BERLIN_REPORT)),
    ("access-to-information", "powers", "Access to information",
     "Whether the mechanism has access to information held by authorities: "
     "by statute, by agreement, or not at all.",
     "enum", ["statutory", "by-agreement", "none"],
     "%s Art. 29(4); %s Art. 19, %s" % (CETS, DIR, DIR_AM)),
    ("data-protection", "powers", "Personal data safeguards",
     "How personal data of victims and others that the mechanism receives "
     "are protected: legal basis, anonymisation, retention and access.",
     "text", [],
     "%s Art. 19–20, %s" % (DIR, DIR_AM)),
    ("civil-society-cooperation", "cooperation", "Cooperation with civil society",
     "Whether the mechanism cooperates with civil society organisations "
     "under a formal arrangement, ad hoc, or not at all.",
     "enum", ["formal", "ad-hoc", "none"],
     "%s Art. 19 (in close cooperation with civil society); Palermo "
     "Protocol Art. 9(3)" % DIR),
    ("state-cooperation", "cooperation", "Cooperation with State actors",
     "How the mechanism works with other State actors, including local "
     "authorities, law enforcement, labour inspection and service providers.",
     "text", [],
     "%s Art. 29(2); Bangkok concept note (session 5)" % CETS),
    ("networks", "cooperation", "Regional and international networks",
     "The regional and international networks the mechanism takes part in.",
     "multi", ["eu-network", "council-of-europe", "osce", "asean", "un",
               "bilateral", "other"],
     "%s Art. 20; %s; %s" % (DIR, BERLIN_REPORT, BANGKOK_REPORT)),
    ("international-reporting", "cooperation", "International reporting duties",
     "The international reporting the mechanism carries out or contributes "
     "to: to the EU Anti-Trafficking Coordinator, to GRETA, to the United "
     "Nations, or other.",
     "multi", ["eu-coordinator", "greta", "un", "other"],
     "%s Art. 20; %s Art. 36–38 (GRETA); A/HRC/10/16" % (DIR, CETS)),
]

GROUPS = ["set-up", "functions", "reporting", "powers", "cooperation"]


def dimensions():
    if len(DIMENSIONS) != 25:
        raise ValueError("expected 25 dimensions, have %d" % len(DIMENSIONS))
    out = []
    last_group = 0
    for position, dim in enumerate(DIMENSIONS, start=1):
        key, group, label, definition, value_type, options, source = dim
        if GROUPS.index(group) < last_group:
            raise ValueError("dimension %s out of group order" % key)
        last_group = GROUPS.index(group)
        if (value_type in ("tristate", "text")) != (not options):
            raise ValueError("dimension %s: options do not fit %s"
                             % (key, value_type))
        out.append(record("dimension:" + key, [
            ("key", key),
            ("group", group),
            ("position", position),
            ("label", label),
            ("definition", definition),
            ("value_type", value_type),
            ("options", list(options)),
            ("source", source),
        ]))
    return out


# ---------------------------------------------------------------------------
# Reference profiles (DOMAIN.md "Reference profiles"): a typology drawn from
# CETS 197 Art. 29 and Directive 2011/36/EU Art. 19, not data about any State.
# ---------------------------------------------------------------------------

RAPPORTEUR = "mechanism:reference:independent-rapporteur"
COORDINATOR = "mechanism:reference:coordinating-mechanism"

RAP_BASIS = "%s Art. 29(4); %s Art. 19(3), %s" % (CETS, DIR, DIR_AM)
COORD_BASIS = "%s Art. 29(2); %s Art. 19(1)–(2), %s" % (CETS, DIR, DIR_AM)

PROFILE_NOTE = ("A typology drawn from CETS 197 Art. 29 and Directive "
                "2011/36/EU Art. 19, not data about any State. It shows the "
                "contrast the consultations discussed between %s.")


def mechanisms():
    return [
        record(RAPPORTEUR, [
            ("name", "Reference profile: independent national rapporteur"),
            ("country", None),
            ("type", "independent-rapporteur"),
            ("reference", True),
            ("legal_basis", RAP_BASIS),
            ("established", None),
            ("host_body", None),
            ("website", None),
            ("notes", PROFILE_NOTE % "a body that monitors and reports "
             "independently (Art. 29(4); Art. 19(3)) and a mechanism that "
             "coordinates government action"),
        ]),
        record(COORDINATOR, [
            ("name", "Reference profile: coordinating mechanism"),
            ("country", None),
            ("type", "national-coordinator"),
            ("reference", True),
            ("legal_basis", COORD_BASIS),
            ("established", None),
            ("host_body", None),
            ("website", None),
            ("notes", PROFILE_NOTE % "a mechanism that coordinates "
             "government action (Art. 29(2); Art. 19(1)–(2)) and a body that "
             "monitors and reports independently"),
        ]),
    ]


RAP_SRC = RAP_BASIS
COORD_SRC = COORD_BASIS

ASSESSMENTS = {
    RAPPORTEUR: [
        # (dimension key, value, note, source)
        ("mechanism-type", "independent-rapporteur",
         "A national rapporteur or other mechanism monitoring State "
         "institutions, separate from coordination.", RAP_SRC),
        ("independence", "by-law",
         "Independent of instruction by the executive, by law.",
         "%s Art. 19(3), %s; %s Art. 29(4)" % (DIR, DIR_AM, CETS)),
        ("trend-assessment", "yes",
         "Assesses trends in trafficking in persons.",
         "%s Art. 19" % DIR),
        ("data-collection", "own",
         "Gathers statistics itself, in cooperation with civil society.",
         "%s Art. 19" % DIR),
        ("monitoring", "yes",
         "Monitors the anti-trafficking activities of State institutions and "
         "the implementation of national law.",
         "%s Art. 29(4)" % CETS),
        ("evaluation", "yes",
         "Measures the results of anti-trafficking action.",
         "%s Art. 19" % DIR),
        ("policy-coordination", "no",
         "Coordination is left to the government's coordinating mechanism, "
         "which the rapporteur monitors.",
         "%s Art. 29(2) and 29(4)" % CETS),
        ("operational-role", "no",
         "Runs and funds no programmes, so that it can assess them "
         "impartially.",
         "%s Art. 29(4); %s Art. 19(3), %s" % (CETS, DIR, DIR_AM)),
        ("nrm-role", "observer",
         "Observes the national referral mechanism without operating it.",
         ODIHR),
        ("recommendations-power", "yes",
         "Reports with recommendations to which the government responds.",
         DUTCH),
        ("reports-to", "government,parliament,public",
         "Reports to government and parliament, and publishes its reports.",
         "%s Art. 19; %s" % (DIR, DUTCH)),
        ("reports-public", "public",
         "Its reports are published.", DUTCH),
    ],
    COORDINATOR: [
        ("mechanism-type", "national-coordinator",
         "A coordinator or coordinating body of ministries and agencies "
         "within the executive.", COORD_SRC),
        ("independence", "part-of-executive",
         "Part of the executive.",
         "%s Art. 29(2); %s Art. 19(1)–(2), %s" % (CETS, DIR, DIR_AM)),
        ("data-collection", "compiles-others",
         "Compiles the data of ministries and agencies.",
         "%s Art. 19(1)–(2), %s" % (DIR, DIR_AM)),
        ("monitoring", "partial",
         "Monitors the implementation of its own action plan.",
         "%s Art. 29(2)" % CETS),
        ("evaluation", "partial",
         "Evaluates its own action plan.",
         "%s Art. 29(2)" % CETS),
        ("policy-coordination", "yes",
         "Coordinates the policies and actions of ministries and public "
         "agencies.",
         "%s Art. 29(2); %s Art. 19(1)–(2), %s" % (CETS, DIR, DIR_AM)),
        ("operational-role", "yes",
         "Runs or funds anti-trafficking programmes.",
         "%s Art. 29(2)" % CETS),
        ("nrm-role", "operates",
         "Operates the national referral mechanism, or is a member of it.",
         ODIHR),
        ("reports-to", "government",
         "Reports to the government.",
         "%s Art. 29(2); %s Art. 19(1)–(2), %s" % (CETS, DIR, DIR_AM)),
    ],
}


def assessments():
    dims = {d[0]: d for d in DIMENSIONS}
    out = []
    for mech_name in (RAPPORTEUR, COORDINATOR):
        mech = v5(mech_name)
        for key, value, note, source in ASSESSMENTS[mech_name]:
            _, _, _, _, value_type, options, _ = dims[key]
            if value_type == "tristate":
                ok = value in ("yes", "partial", "no", "unknown")
            elif value_type == "enum":
                ok = value in options
            elif value_type == "multi":
                parts = value.split(",")
                ok = all(p in options for p in parts) and len(set(parts)) == len(parts)
            else:
                ok = True
            if not ok:
                raise ValueError("assessment %s/%s: bad value %r"
                                 % (mech_name, key, value))
            dim = v5("dimension:" + key)
            out.append(record("assessment:%s:%s" % (mech, dim), [
                ("mechanism", mech),
                ("dimension", dim),
                ("value", value),
                ("note", note),
                ("source", source),
                ("as_of", None),
            ]))
    return out


# ---------------------------------------------------------------------------

def by_uuid(records):
    return sorted(records, key=lambda r: r["uuid"].encode("ascii"))


def build():
    doc = {
        "format": "nrem-desk",
        "version": 1,
        "exported_at": SEED_TIME,
        "origin": ORIGIN,
        "countries": by_uuid(countries()),
        "meetings": by_uuid(meetings()),
        "mechanisms": by_uuid(mechanisms()),
        "participants": [],
        "attendances": [],
        "sessions": by_uuid(sessions()),
        "dimensions": by_uuid(dimensions()),
        "assessments": by_uuid(assessments()),
        "recommendations": [],
        "revisions": [],
        "tombstones": [],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, os.pardir, "resources", "seed", "seed.json")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", default=os.path.normpath(default),
                        help="file to write ('-' for standard output)")
    args = parser.parse_args()
    text = build()
    if args.output == "-":
        sys.stdout.write(text)
        return
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    tmp = args.output + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(tmp, args.output)


if __name__ == "__main__":
    main()
