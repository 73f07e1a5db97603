#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write the fictional sample data set data/samples/nrem-desk-sample.json.

Usage: make-samples.py [OUTPUT] [--seed PATH]

Everything in the sample is invented: the people (every participant's notes start
"Fictional sample person."), their e-mail addresses (example.org / example.net, RFC 2606),
their telephone numbers (+1 555 01xx), the mechanisms (named "... (sample)") and their
matrix cells, and the recommendations.  Only the countries are real, referred to by their
ISO 3166-1 codes; they, the Bangkok 2014 and Berlin 2013 meetings and the 25 mandate
dimensions come from the seed (resources/seed/seed.json) and are referred to, not copied.
The Bangkok sessions are seed records too: the sample carries the opening, the six topic
sessions and the closing with every seed field copied and chair, rapporteur and speakers
filled in (rev 2), so that the sample's version wins the merge.

The output is deterministic (a seeded random.Random; no clock, no os.urandom).
Standard library only.
"""

import datetime
import json
import os
import random
import sys
import unicodedata
import uuid

NAMESPACE = uuid.UUID("6f1c2a4e-3b7d-5e8f-9a01-4c2d3e5f6a7b")
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SEED = os.path.join(REPO, "resources", "seed", "seed.json")
DEFAULT_OUTPUT = os.path.join(REPO, "data", "samples", "nrem-desk-sample.json")

ARRAYS = ["countries", "meetings", "mechanisms", "participants", "attendances", "sessions",
          "dimensions", "assessments", "recommendations", "revisions", "tombstones"]
FIELDS = {
    "countries": ["code", "name", "region", "subregion", "m49"],
    "meetings": ["title", "short_title", "city", "country", "venue", "start_date", "end_date",
                 "time_zone", "convenors", "language", "objectives", "expected_outcome"],
    "mechanisms": ["name", "country", "type", "reference", "legal_basis", "established",
                   "host_body", "website", "notes"],
    "participants": ["name", "honorific", "position", "organisation", "mechanism", "country",
                     "role", "email", "phone", "languages", "notes"],
    "attendances": ["participant", "meeting", "status", "head_of_delegation"],
    "sessions": ["meeting", "day", "start_time", "end_time", "title", "kind", "description",
                 "room", "chair", "rapporteur", "speakers", "notes"],
    "dimensions": ["key", "group", "position", "label", "definition", "value_type", "options",
                   "source"],
    "assessments": ["mechanism", "dimension", "value", "note", "source", "as_of"],
    "recommendations": ["meeting", "position", "theme", "addressees", "session", "status",
                        "merged_into", "proposer", "supporters", "bracketed", "alternative",
                        "text"],
    "revisions": ["recommendation", "parent", "author", "author_name", "created_at", "status",
                  "text"],
}

ORIGIN = None  # set in main(): v5 "origin:sample"
UPDATED = "2014-05-15T00:00:00.000Z"
EXPORTED = "2014-05-23T00:00:00.000Z"
RNG_SEED = 20140521


def v5(name):
    return str(uuid.uuid5(NAMESPACE, name))


def uuid4(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def record(entity, uid, fields, updated_at=UPDATED, rev=1, origin=None):
    """One record with the clock keys first and the fields in the documented order."""
    r = {"uuid": uid, "updated_at": updated_at, "rev": rev, "origin": origin or ORIGIN}
    for k in FIELDS[entity]:
        v = fields[k]
        if v == "":
            raise ValueError("%s.%s: empty string; write None" % (entity, k))
        r[k] = v
    extra = set(fields) - set(FIELDS[entity])
    if extra:
        raise ValueError("%s: unknown fields %s" % (entity, sorted(extra)))
    return r


# ---------------------------------------------------------------------------------------
# Countries, mechanisms

# (country, type, name, host body, established, legal basis)
MECHANISMS = [
    # independent national rapporteurs
    ("NL", "independent-rapporteur", "National Rapporteur on Trafficking in Human Beings (sample)",
     "Standalone office", 2000, "Decree on the National Rapporteur (fictional citation)"),
    ("GB", "independent-rapporteur", "Independent Anti-Trafficking Commissioner (sample)",
     "Standalone office", 2012, "Trafficking Monitoring Act 2012, part 3 (fictional citation)"),
    ("BE", "independent-rapporteur", "Independent Rapporteur on Human Trafficking (sample)",
     "Standalone office", 1995, "Law of 13 April 1995, art. 11 (fictional citation)"),
    ("CR", "independent-rapporteur", "Independent Rapporteur on Trafficking in Persons (sample)",
     "Standalone office", 2010, "Ley No. 9.095, art. 14 (fictional citation)"),
    ("NP", "independent-rapporteur", "Office of the National Rapporteur on Trafficking in Persons (sample)",
     "Standalone office", 2002, "Human Trafficking Control Act, sect. 28 (fictional citation)"),
    ("AR", "independent-rapporteur", "National Rapporteur for the Monitoring of Trafficking in Persons (sample)",
     "Standalone office", 2012, "Ley No. 26.842, art. 22 (fictional citation)"),
    # NHRIs and ombuds institutions
    ("FI", "nhri-ombuds", "Non-Discrimination Ombudsman, Rapporteur Unit on Trafficking (sample)",
     "Ombuds institution", 2009, "Act on the Ombudsman, sect. 4 (fictional citation)"),
    ("DE", "nhri-ombuds", "Human Rights Institute, Monitoring Unit on Trafficking in Human Beings (sample)",
     "National human rights institution", 2013, "Act on the Human Rights Institute, sect. 2 (fictional citation)"),
    ("IE", "nhri-ombuds", "Human Rights and Equality Commission, Trafficking Rapporteur (sample)",
     "National human rights institution", 2013, "Human Rights Commission Act 2013, sect. 10 (fictional citation)"),
    ("KE", "nhri-ombuds", "National Commission on Human Rights, Trafficking in Persons Desk (sample)",
     "National human rights institution", 2011, "Counter-Trafficking in Persons Act, sect. 19 (fictional citation)"),
    ("IN", "nhri-ombuds", "Human Rights Commission, Anti-Trafficking Monitoring Cell (sample)",
     "National human rights institution", 2006, "Protection of Human Rights Act, sect. 12 (fictional citation)"),
    ("JO", "nhri-ombuds", "National Centre for Human Rights, Trafficking Monitoring Unit (sample)",
     "National human rights institution", 2009, "Law No. 9 of 2009, art. 6 (fictional citation)"),
    # government units acting as rapporteur
    ("SE", "government-rapporteur", "National Rapporteur on Trafficking, National Police (sample)",
     "National Police", 1998, "Government decision Ju98/1234 (fictional citation)"),
    ("US", "government-rapporteur", "Office to Monitor Trafficking in Persons (sample)",
     "Department of State", 2001, "Victims Protection Act, sect. 105 (fictional citation)"),
    ("PT", "government-rapporteur", "Observatory on Trafficking in Human Beings (sample)",
     "Ministry of Internal Administration", 2008, "Decree-Law No. 229/2008 (fictional citation)"),
    ("MX", "government-rapporteur", "Rapporteur Unit on Trafficking in Persons, Ministry of the Interior (sample)",
     "Ministry of the Interior", 2012, "Ley General, art. 88 (fictional citation)"),
    ("GH", "government-rapporteur", "Anti-Trafficking Rapporteur Unit, Ministry of Gender (sample)",
     "Ministry of Gender and Social Protection", 2011, "Human Trafficking Act, sect. 29 (fictional citation)"),
    ("ID", "government-rapporteur", "Rapporteur Office on Trafficking, Ministry of Women's Empowerment (sample)",
     "Ministry of Women's Empowerment and Child Protection", 2008, "Presidential Regulation No. 69/2008 (fictional citation)"),
    # national coordinators
    ("RO", "national-coordinator", "National Agency against Trafficking in Persons (sample)",
     "Ministry of Internal Affairs", 2006, "Government Decision No. 1584/2005 (fictional citation)"),
    ("NG", "national-coordinator", "Office of the National Anti-Trafficking Coordinator (sample)",
     "Federal Ministry of Justice", 2003, "Trafficking in Persons Act 2003, sect. 4 (fictional citation)"),
    ("CA", "national-coordinator", "National Anti-Trafficking Coordinator, Public Safety (sample)",
     "Department of Public Safety", 2012, "National Action Plan 2012, chap. 5 (fictional citation)"),
    ("AE", "national-coordinator", "National Coordinator for Combating Human Trafficking (sample)",
     "Ministry of the Interior", 2007, "Federal Law No. 51 of 2006, art. 3 (fictional citation)"),
    ("ZA", "national-coordinator", "National Coordinator on Trafficking, Department of Justice (sample)",
     "Department of Justice and Constitutional Development", 2013, "Prevention of Trafficking Act, sect. 41 (fictional citation)"),
    ("AU", "national-coordinator", "National Anti-Trafficking Coordinator, Attorney-General's Department (sample)",
     "Attorney-General's Department", 2009, "Cabinet decision of 2009 (fictional citation)"),
    # inter-agency bodies
    ("PH", "inter-agency-body", "Inter-Agency Council Against Trafficking (sample)",
     "Department of Justice", 2003, "Republic Act No. 9208, sect. 20 (fictional citation)"),
    ("TH", "inter-agency-body", "National Committee on the Prevention and Suppression of Trafficking (sample)",
     "Office of the Prime Minister", 2008, "Anti-Trafficking in Persons Act B.E. 2551, sect. 15 (fictional citation)"),
    ("VN", "inter-agency-body", "Inter-Ministerial Steering Committee on Human Trafficking (sample)",
     "Ministry of Public Security", 2005, "Decision No. 130/2004 (fictional citation)"),
    ("KH", "inter-agency-body", "National Committee for Counter Trafficking (sample)",
     "Ministry of Interior", 2009, "Sub-Decree No. 97 (fictional citation)"),
    ("EG", "inter-agency-body", "National Coordinating Committee on Preventing Trafficking in Persons (sample)",
     "Ministry of Foreign Affairs", 2007, "Prime Ministerial Decree No. 1584 of 2007 (fictional citation)"),
    ("BR", "inter-agency-body", "Inter-Ministerial Working Group on Trafficking in Persons (sample)",
     "Ministry of Justice", 2006, "Decreto No. 5.948/2006 (fictional citation)"),
    # other arrangements
    ("NZ", "other", "Parliamentary Rapporteur on Human Trafficking (sample)",
     "Parliament", 2013, "Standing Orders, order 189A (fictional citation)"),
    ("QA", "other", "National Anti-Trafficking Observatory (sample)",
     "Independent foundation", 2010, "Emiri Decision No. 15 of 2010 (fictional citation)"),
    ("CO", "other", "Joint Government and Civil Society Monitoring Platform on Trafficking (sample)",
     "Joint platform", 2012, "Decreto 1036 de 2012 (fictional citation)"),
    ("UG", "other", "Anti-Trafficking Monitoring Office, Prevention of Trafficking Office (sample)",
     "Ministry of Internal Affairs", 2009, None),
    ("MA", "other", "Trafficking Observatory, Ministry of Justice (sample)",
     "Ministry of Justice", 2014, None),
    ("FJ", "other", "Anti-Trafficking Monitoring Desk (sample)",
     "Office of the Solicitor-General", 2012, "Crimes Decree 2009, sect. 111 (fictional citation)"),
]

# Name pools by culture: (given names, family names, order, languages).
# order "gf" = given family; "fg" = family given (Vietnamese, Khmer).
CULTURES = {
    "nl": (["Anouk", "Pieter", "Sanne", "Joost", "Femke", "Maarten"],
           ["de Vries", "van den Berg", "Jansen", "Bakker", "Visser", "van Dijk"], "gf", "Dutch, English"),
    "en": (["Siobhán", "Rachel", "Daniel", "Aoife", "Thomas", "Margaret", "Liam", "Hannah", "Owen"],
           ["O'Connor", "O'Brien", "Whitfield", "Harrington", "McAllister", "Pemberton", "Fitzgerald",
            "Kavanagh"], "gf", "English"),
    "de": (["Jürgen", "Katrin", "Lena", "Matthias", "Birgit", "Jörg"],
           ["Müller", "Schäfer", "Weiß", "Hoffmann", "Krüger", "Groß"], "gf", "German, English"),
    "fi": (["Päivi", "Mikael", "Sanna", "Jukka", "Aino"],
           ["Mäkinen", "Korhonen", "Virtanen", "Heikkilä", "Lehtonen"], "gf", "Finnish, Swedish, English"),
    "sv": (["Åsa", "Björn", "Linnéa", "Göran", "Ebba"],
           ["Lindqvist", "Sjöberg", "Åström", "Bergström", "Nyström"], "gf", "Swedish, English"),
    "fr": (["Émilie", "François", "Renée", "Hélène", "Benoît", "Aurélie"],
           ["Lefèvre", "Dubois", "Tremblay", "Gagné", "Mercier", "Bélanger"], "gf", "French, English"),
    "pt": (["João", "Inês", "Conceição", "Rui", "Beatriz", "Gonçalo"],
           ["São Bento", "Gonçalves", "Araújo", "Magalhães", "Brandão", "Simões"], "gf",
           "Portuguese, English"),
    "es": (["José", "Martín", "Camila", "María José", "Ximena", "Andrés", "Sofía"],
           ["Ramírez", "Ibáñez", "Ortiz-Peña", "Jiménez", "Núñez", "Gómez", "Peña"], "gf",
           "Spanish, English"),
    "ro": (["Ioana", "Mihai", "Andreea", "Ștefan"],
           ["Țurcanu", "Popescu", "Dumitrescu", "Mărgărit"], "gf", "Romanian, English, French"),
    "pl": (["Małgorzata", "Paweł", "Zofia"], ["Wiśniewska", "Łukasik", "Kowalczyk"], "gf",
           "Polish, English"),
    "vi": (["Thị Lan", "Thị Hương", "Văn Đức", "Minh Anh", "Thị Thảo", "Văn Quang"],
           ["Nguyễn", "Trần", "Phạm", "Lê", "Đặng"], "fg",
           "Vietnamese, English"),
    "th": (["Siriporn", "Somchai", "Kanokwan", "Thanawat", "Pimchanok", "Nattapong"],
           ["Chaiyaphum", "Srisuk", "Wongsawat", "Boonmee", "Rattanakul", "Phromsiri"], "gf",
           "Thai, English"),
    "ph": (["Maria Luz", "Jose Mari", "Ma. Teresa", "Ramon", "Cristina"],
           ["dela Cruz", "Santos", "Reyes", "Bautista", "Villanueva"], "gf", "Filipino, English"),
    "id": (["Dewi", "Budi", "Sri", "Agus", "Nurul"],
           ["Kusumawati", "Santoso", "Wahyuni", "Hidayat", "Permana"], "gf",
           "Indonesian, English"),
    "ms": (["Nurul Aina", "Faizal", "Siti"], ["binti Abdullah", "bin Hassan", "binti Ismail"], "gf",
           "Malay, English"),
    "km": (["Sokha", "Dara", "Channary", "Vuthy", "Sreyneang"],
           ["Chan", "Sok", "Meas", "Heng", "Prak"], "fg", "Khmer, English, French"),
    "in": (["Priya", "Arjun", "Anjali", "Rajesh", "Kavita"],
           ["D'Souza", "Iyer", "Sharma", "Menon", "Bhattacharya"], "gf", "Hindi, English"),
    "np": (["Sunita", "Bishnu", "Anita", "Ramesh"],
           ["Shrestha", "Thapa", "Gurung", "Adhikari"], "gf", "Nepali, English"),
    "ja": (["Yuki", "Haruto", "Aiko", "Kenji"], ["Satō", "Tanaka", "Ōtsuka", "Kobayashi"], "gf",
           "Japanese, English"),
    "ar": (["Layla", "Omar", "Nour", "Yousef", "Hala", "Karim", "Rania", "Sami"],
           ["Haddad", "Al-Masri", "El-Sayed", "Khoury", "Al-Tamimi", "Mansour", "Al-Kuwari",
            "Abou Jaoudé"], "gf", "Arabic, English"),
    "ma": (["Yasmine", "Mehdi", "Salma"], ["Benali", "El Idrissi", "Tazi"], "gf",
           "Arabic, French, English"),
    "wa": (["Adébáyọ̀", "Chidinma", "Kwame", "Abena", "Emeka", "Folake", "Kofi", "Ifeoma"],
           ["Okafor", "Mensah-Bonsu", "Adéwálé", "Owusu", "Nwachukwu", "Ọlátúnjí", "Asante"], "gf",
           "English, Yoruba"),
    "sn": (["Fatou", "Mamadou", "Aïssatou"], ["Diallo", "Ndiaye", "Sèye"], "gf", "French, Wolof"),
    "ea": (["Wanjiru", "Grace", "Achieng", "Joseph", "Brian", "Esther"],
           ["Ngũgĩ", "Nakato", "Otieno", "Kiptoo", "Mugisha", "Namubiru"], "gf",
           "English, Swahili"),
    "za": (["Thandiwe", "Sipho", "Lerato", "Pieter"], ["Dlamini", "Mokoena", "Nkosi", "du Plessis"],
           "gf", "English, Afrikaans, isiZulu"),
    "pa": (["Litia", "Tevita", "Mere", "Aroha", "Rāwiri"],
           ["Vakaloloma", "Koroi", "Te Whāiti", "Ngata", "Naidu"], "gf", "English, Fijian"),
}

COUNTRY_CULTURE = {
    "NL": "nl", "GB": "en", "IE": "en", "US": "en", "CA": "fr", "AU": "en", "NZ": "pa",
    "DE": "de", "AT": "de", "CH": "fr", "FI": "fi", "SE": "sv", "BE": "fr", "FR": "fr",
    "PT": "pt", "BR": "pt", "MX": "es", "AR": "es", "CO": "es", "CR": "es", "RO": "ro",
    "PL": "pl", "VN": "vi", "TH": "th", "PH": "ph", "ID": "id", "MY": "ms", "KH": "km",
    "IN": "in", "NP": "np", "JP": "ja", "JO": "ar", "AE": "ar", "QA": "ar", "EG": "ar",
    "LB": "ar", "MA": "ma", "NG": "wa", "GH": "wa", "SN": "sn", "KE": "ea", "UG": "ea",
    "ZA": "za", "FJ": "pa",
}

# Names fixed first so that accent-insensitive search has its test cases.
# country -> (name, given name)
FIXED_NAMES = {
    "IE": ("Siobhán O'Connor", "Siobhán"),
    "VN": ("Nguyễn Thị Minh Anh", "Thị Minh Anh"),
    "DE": ("Jürgen Müller", "Jürgen"),
    "BR": ("Conceição São Bento", "Conceição"),
    "KE": ("Wanjiru Ngũgĩ", "Wanjiru"),
    "NG": ("Adébáyọ̀ Ọlátúnjí", "Adébáyọ̀"),
    "IN": ("Priya D'Souza", "Priya"),
    "RO": ("Ioana Țurcanu", "Ioana"),
}

HONORIFICS = {"f": ["Ms.", "Ms.", "Ms.", "Dr."], "m": ["Mr.", "Mr.", "Mr.", "Dr."]}
FEMININE = set("""Anouk Sanne Femke Siobhán Rachel Aoife Margaret Hannah Katrin Lena Birgit Päivi
Sanna Aino Åsa Linnéa Ebba Émilie Renée Hélène Aurélie Inês Conceição Beatriz Camila Ximena Sofía
Ioana Andreea Małgorzata Zofia Lan Hương Thảo Siriporn Kanokwan Pimchanok Cristina Dewi Sri Nurul
Siti Sokha Channary Sreyneang Priya Anjali Kavita Sunita Anita Yuki Aiko Layla Nour Hala Rania
Yasmine Salma Chidinma Abena Folake Ifeoma Fatou Aïssatou Wanjiru Grace Achieng Esther Thandiwe
Lerato Litia Mere Aroha""".split()) | {"María José", "Maria Luz", "Ma. Teresa", "Minh Anh",
                                       "Nurul Aina"}

POSITIONS = {
    "national-rapporteur": ["National Rapporteur", "Deputy National Rapporteur",
                            "Head of the Rapporteur Unit", "Commissioner",
                            "Senior Researcher, Rapporteur's Office"],
    "coordinator": ["National Coordinator", "Secretary of the Committee",
                    "Deputy Director, Anti-Trafficking Division", "Head of the Coordination Unit"],
    "delegate": ["Counsellor, Permanent Mission to the United Nations Office at Geneva",
                 "First Secretary, Embassy in Bangkok",
                 "Director, Human Rights Department, Ministry of Foreign Affairs",
                 "Senior Legal Officer, Ministry of Justice",
                 "Policy Adviser, Ministry of Labour"],
    "expert": ["Professor of International Law", "Senior Research Fellow",
               "Independent consultant on data and statistics", "Associate Professor of Criminology"],
    "observer": ["Programme Officer", "Senior Adviser on Anti-Trafficking Issues",
                 "Head of Unit, Migration and Trafficking"],
    "civil-society": ["Executive Director", "Programme Coordinator", "Legal Adviser",
                      "Head of Advocacy"],
}

EXPERT_ORGS = [
    ("Institute for Migration and Labour Research (sample)", "institute.example.org"),
    ("Centre for Human Rights Law, Faculty of Law (sample)", "law-centre.example.org"),
    ("Data and Statistics Consultancy (sample)", "data-consult.example.net"),
]
OBSERVER_ORGS = [
    ("ASEAN Secretariat", "asean.example.org", "ID"),
    ("Council of Europe, GRETA Secretariat", "coe.example.org", "FR"),
    ("OSCE Office of the Special Representative", "osce.example.org", "AT"),
    ("European Commission, Office of the EU Anti-Trafficking Coordinator", "eu.example.org", "BE"),
    ("ECOWAS Commission", "ecowas.example.org", "NG"),
    ("International Organization for Migration", "iom.example.org", "CH"),
]
NGOS = [
    ("Safe Passage Network (sample)", "safe-passage.example.net"),
    ("Freedom Lantern Foundation (sample)", "freedom-lantern.example.net"),
    ("Coalition for Migrant Workers' Rights (sample)", "cmwr.example.net"),
    ("Casa Esperança (sample)", "casa-esperanca.example.net"),
    ("Women's Shelter Alliance (sample)", "shelter-alliance.example.net"),
    ("Survivors' Voices Collective (sample)", "survivors-voices.example.net"),
    ("Domestic Workers' Solidarity Centre (sample)", "dwsc.example.net"),
    ("Child Protection Watch (sample)", "cpwatch.example.net"),
]
UN_STAFF = [
    ("OHCHR", "ohchr.example.org", "CH", "Human Rights Officer, Special Procedures Branch"),
    ("OHCHR", "ohchr.example.org", "CH", "Associate Human Rights Officer"),
    ("OHCHR", "ohchr.example.org", "TH", "Human Rights Officer, Regional Office for South-East Asia"),
    ("OHCHR", "ohchr.example.org", "CH", "Coordinator, Trafficking and Migration Team"),
    ("UNODC", "unodc.example.org", "AT", "Crime Prevention and Criminal Justice Officer"),
    ("UNODC", "unodc.example.org", "TH", "Regional Programme Coordinator, Regional Office for South-East Asia and the Pacific"),
    ("UNODC", "unodc.example.org", "AT", "Programme Officer, Human Trafficking and Migrant Smuggling Section"),
    ("UNODC", "unodc.example.org", "TH", "Research Officer"),
]
SECRETARIAT = [
    ("Office of the Special Rapporteur on trafficking in persons (OHCHR)", "CH",
     "Assistant to the Special Rapporteur"),
    ("Office of the Special Rapporteur on trafficking in persons (OHCHR)", "CH",
     "Human Rights Officer, secretariat of the consultation"),
    ("Office of the Special Rapporteur on trafficking in persons (OHCHR)", "CH",
     "Rapporteur of the consultation (consultant)"),
    ("UNODC Regional Office for South-East Asia and the Pacific", "TH", "Meeting coordinator"),
    ("UNODC Regional Office for South-East Asia and the Pacific", "TH", "Logistics assistant"),
]


def ascii_fold(s):
    s = s.replace("Đ", "D").replace("đ", "d").replace("Ł", "L").replace("ł", "l")
    s = s.replace("ß", "ss").replace("Æ", "AE").replace("æ", "ae").replace("Ø", "O").replace("ø", "o")
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def email_local(name):
    parts = [p for p in "".join(c if c.isalnum() or c == " " else " " for c in ascii_fold(name).lower()).split()
             if p not in ("bin", "binti", "ma")]
    return ".".join([parts[0], parts[-1]]) if len(parts) > 1 else parts[0]


# ---------------------------------------------------------------------------------------
# Matrix cells correlated with the mechanism type.
# Types: R independent-rapporteur, N nhri-ombuds, G government-rapporteur,
# C national-coordinator, I inter-agency-body, O other.
TYPE_LETTER = {"independent-rapporteur": "R", "nhri-ombuds": "N", "government-rapporteur": "G",
               "national-coordinator": "C", "inter-agency-body": "I", "other": "O"}

# enum and tristate dimensions: option-key -> weight, per type letter.
CHOICE = {
    "legal-basis": {
        "R": {"statute": 6, "decree": 1}, "N": {"statute": 8},
        "G": {"decree": 3, "government-decision": 3, "statute": 2},
        "C": {"government-decision": 4, "decree": 3, "statute": 2},
        "I": {"decree": 4, "government-decision": 3, "statute": 2},
        "O": {"statute": 1, "decree": 1, "government-decision": 1, "none": 1}},
    "host-body": {
        "R": {"standalone": 8, "other": 1}, "N": {"nhri": 9},
        "G": {"ministry": 5, "police": 3}, "C": {"ministry": 8, "other": 1},
        "I": {"ministry": 6, "other": 2}, "O": {"other": 4, "standalone": 1, "ministry": 2}},
    "independence": {
        "R": {"by-law": 7, "functional": 2}, "N": {"by-law": 9},
        "G": {"functional": 4, "part-of-executive": 4}, "C": {"part-of-executive": 9, "functional": 1},
        "I": {"part-of-executive": 9}, "O": {"functional": 3, "by-law": 1, "part-of-executive": 2}},
    "trend-assessment": {
        "R": {"yes": 9, "partial": 1}, "N": {"yes": 4, "partial": 4, "no": 1},
        "G": {"yes": 5, "partial": 3}, "C": {"partial": 5, "yes": 2, "no": 2},
        "I": {"partial": 3, "no": 4, "yes": 1}, "O": {"partial": 3, "yes": 2, "no": 2}},
    "data-collection": {
        "R": {"own": 5, "compiles-others": 4}, "N": {"compiles-others": 6, "own": 2},
        "G": {"own": 5, "compiles-others": 3}, "C": {"compiles-others": 8, "own": 1},
        "I": {"compiles-others": 5, "none": 2}, "O": {"compiles-others": 3, "own": 1, "none": 2}},
    "monitoring": {
        "R": {"yes": 9}, "N": {"yes": 7, "partial": 2}, "G": {"yes": 5, "partial": 3},
        "C": {"partial": 6, "yes": 1, "no": 2}, "I": {"partial": 5, "no": 3},
        "O": {"partial": 3, "yes": 2, "no": 1}},
    "evaluation": {
        "R": {"yes": 6, "partial": 3}, "N": {"partial": 5, "yes": 3},
        "G": {"partial": 5, "yes": 2, "no": 1}, "C": {"partial": 6, "no": 2},
        "I": {"partial": 4, "no": 4}, "O": {"partial": 3, "no": 2, "yes": 1}},
    "policy-coordination": {
        "R": {"no": 8, "partial": 1}, "N": {"no": 8}, "G": {"partial": 4, "no": 4},
        "C": {"yes": 9}, "I": {"yes": 9}, "O": {"partial": 3, "no": 2, "yes": 2}},
    "operational-role": {
        "R": {"no": 9}, "N": {"no": 6, "partial": 2}, "G": {"no": 4, "partial": 4},
        "C": {"yes": 5, "partial": 4}, "I": {"yes": 5, "partial": 3},
        "O": {"partial": 3, "no": 3}},
    "nrm-role": {
        "R": {"observer": 6, "none": 2}, "N": {"observer": 5, "none": 3},
        "G": {"member": 4, "observer": 3}, "C": {"operates": 5, "member": 4},
        "I": {"operates": 4, "member": 5}, "O": {"observer": 2, "none": 3, "member": 1}},
    "recommendations-power": {
        "R": {"yes": 9}, "N": {"yes": 9}, "G": {"yes": 5, "partial": 4},
        "C": {"partial": 5, "yes": 3}, "I": {"partial": 5, "no": 2, "yes": 2},
        "O": {"partial": 3, "yes": 3}},
    "government-response": {
        "R": {"formal": 5, "in-practice": 3}, "N": {"in-practice": 5, "formal": 3},
        "G": {"in-practice": 5, "none": 2}, "C": {"none": 5, "in-practice": 3},
        "I": {"none": 6, "in-practice": 2}, "O": {"in-practice": 2, "none": 3}},
    "reports-public": {
        "R": {"public": 9}, "N": {"public": 9}, "G": {"public": 5, "partly": 3},
        "C": {"partly": 5, "public": 3, "confidential": 1},
        "I": {"partly": 4, "confidential": 3, "public": 2}, "O": {"public": 3, "partly": 3}},
    "access-to-information": {
        "R": {"statutory": 7, "by-agreement": 2}, "N": {"statutory": 7, "by-agreement": 1},
        "G": {"by-agreement": 4, "statutory": 4}, "C": {"by-agreement": 6, "statutory": 2},
        "I": {"by-agreement": 5, "none": 2}, "O": {"by-agreement": 3, "none": 2}},
    "civil-society-cooperation": {
        "R": {"formal": 5, "ad-hoc": 4}, "N": {"formal": 6, "ad-hoc": 1},
        "G": {"ad-hoc": 5, "formal": 3}, "C": {"formal": 6, "ad-hoc": 2},
        "I": {"ad-hoc": 4, "formal": 3, "none": 1}, "O": {"ad-hoc": 3, "formal": 3}},
}

# multi dimensions: option-key -> probability of being included, per type letter
# ("*" = every type).
MULTI = {
    "thematic-scope": {
        "*": {"sexual-exploitation": .95, "labour-exploitation": .85, "criminal-activities": .5,
              "organ-removal": .45, "forced-marriage": .35, "child-trafficking": .8,
              "internal-trafficking": .5}},
    "reports-to": {
        "R": {"government": .9, "parliament": .9, "public": .95, "regional": .3, "un": .4},
        "N": {"government": .6, "parliament": .9, "public": .95, "regional": .2, "un": .6},
        "G": {"government": .95, "parliament": .5, "public": .5, "regional": .2, "un": .2},
        "C": {"government": .95, "parliament": .3, "public": .3, "regional": .5, "un": .4},
        "I": {"government": .95, "parliament": .2, "public": .2, "regional": .2, "un": .3},
        "O": {"government": .6, "parliament": .5, "public": .5, "regional": .1, "un": .1}},
}

REGION_NETWORKS = {
    "Europe": {"eu-network": .8, "council-of-europe": .8, "osce": .6, "un": .4, "bilateral": .3},
    "Asia": {"asean": .7, "un": .6, "bilateral": .5, "other": .3},
    "Africa": {"un": .6, "bilateral": .5, "other": .6},
    "Americas": {"osce": .15, "un": .6, "bilateral": .5, "other": .5},
    "Oceania": {"un": .5, "bilateral": .6, "other": .5},
}
REGION_INTL = {
    "Europe": {"eu-coordinator": .75, "greta": .85, "un": .5, "other": .1},
    "*": {"un": .7, "other": .3},
}
NOT_EU = {"CH", "NO"}  # European countries outside the EU (in 2014)

TEXT_VALUES = {
    "appointment-tenure": {
        "R": ["Appointed by the Crown on the proposal of the Minister of Justice for a term of six years, "
              "renewable once; dismissal only for cause.",
              "Elected by Parliament for a five-year term after a public call for candidates.",
              "Appointed by the Head of State after an open competition; seven-year term, not renewable."],
        "N": ["Members of the institution are elected by Parliament for five years; the board assigns the "
              "rapporteur function to one of its units.",
              "The Ombudsman is elected by Parliament for six years and designates the head of the rapporteur unit."],
        "G": ["Head of unit appointed by the Minister; no fixed term.",
              "Senior police officer designated by the National Police Commissioner; rotates every four years."],
        "C": ["Appointed by the Council of Ministers; serves at the Government's pleasure. The mandate is "
              "reviewed with each national action plan.",
              "Deputy minister designated by the Cabinet as national coordinator; no fixed term."],
        "I": ["Chaired by the Minister; member agencies designate their representatives. Terms of reference "
              "reviewed every three years.",
              "Chaired by the Prime Minister's Office; membership fixed by decree and reviewed with each "
              "five-year plan."],
        "O": ["Appointed by the parliamentary committee for the legislative term.",
              "Board of five members appointed jointly by Government and civil society for three years."],
    },
    "resources": {
        "R": ["Staff of {n} ({f} full-time equivalents); own budget line of about EUR {m} million a year.",
              "Staff of {n}; own budget approved by Parliament each year."],
        "N": ["{n} staff in the rapporteur unit, financed from the institution's general budget.",
              "A team of {n}; no separate budget line for the trafficking mandate."],
        "G": ["{n} staff seconded from the ministry; no separate budget line.",
              "Unit of {n} officers; research commissioned from universities when funds allow."],
        "C": ["Secretariat of {n}; budget for the national action plan of about USD {m} million.",
              "{n} staff; programme funds channelled through the coordinator's office."],
        "I": ["Secretariat of {n} staff seconded from member agencies.",
              "No own staff: the secretariat is provided by the chairing ministry."],
        "O": ["{n} staff, funded by a combination of public grants and donor contributions.",
              "Two part-time researchers; project-based funding."],
    },
    "reporting-frequency": {
        "R": ["Yearly statistics; a full report with recommendations every other year.",
              "Annual report to Parliament with recommendations; thematic studies."],
        "N": ["Annual report to Parliament with a chapter on trafficking; occasional thematic reports."],
        "G": ["Annual report to the Government, summarised for the public."],
        "C": ["Annual progress report on the national action plan."],
        "I": ["Report on the implementation of the national plan every two years."],
        "O": ["Report to Parliament at the end of each session.", "Yearly monitoring bulletin."],
    },
    "data-protection": {
        "*": ["Receives pseudonymised data only; covered by the national data protection act.",
              "Statutory basis for processing personal data; retention limited to five years.",
              "Aggregated statistics only; no personal data are transferred to the mechanism.",
              "Data-sharing agreements with the police and prosecution service specify anonymisation.",
              None],
    },
    "state-cooperation": {
        "*": ["Regular meetings with police, labour inspectorate, prosecution service and municipalities.",
              "Memoranda of understanding with {k} agencies; focal points in each province.",
              "Cooperates with local governments through regional anti-trafficking task forces.",
              "Ad hoc contacts with ministries; no cooperation with local authorities yet."],
    },
}

# Notes shown only when the cell's value holds the key ("*" = any value).
NOTES = {
    "independence": {
        "by-law": "The law prohibits instructions on the content of reports.",
        "functional": "Independence rests on practice and the rules of procedure, not on statute.",
        "part-of-executive": "Part of the ministry; reports are cleared by the minister."},
    "resources": {"*": "Figures from the mechanism's reply to the questionnaire."},
    "data-collection": {
        "compiles-others": "Data of police, prosecution, courts and NGOs compiled once a year.",
        "own": "Keeps its own case database, fed by police and NGO reports."},
    "nrm-role": {
        "observer": "Attends the meetings of the national referral mechanism as an observer.",
        "member": "Sits on the steering group of the national referral mechanism.",
        "operates": "Runs the case management of the national referral mechanism."},
    "reports-to": {"un": "Reports are also sent to the Special Rapporteur."},
    "government-response": {
        "formal": "The Government responds to each report within six months.",
        "in-practice": "No legal duty, but the Government has responded to each report so far."},
    "thematic-scope": {"criminal-activities": "Forced criminality was added to the mandate in 2013."},
    "networks": {
        "eu-network": "Member of the informal EU network of national rapporteurs or equivalent mechanisms.",
        "asean": "Takes part in the regional meetings of ASEAN focal points."},
    "policy-coordination": {"no": "Coordination is left to a separate inter-ministerial body."},
    "monitoring": {"yes": "Monitors the national action plan and the case law."},
}
SOURCES = ["Questionnaire returned by the mechanism, April 2014 (sample)",
           "Annual report 2013 (sample)",
           "Founding instrument of the mechanism (sample)",
           "Presentation at the Berlin consultation, May 2013 (sample)",
           "Mechanism's website (sample)"]


def weighted(rng, weights):
    keys = list(weights)
    return rng.choices(keys, [weights[k] for k in keys])[0]


def assessment_value(rng, dim, mech, region):
    key, vt, options = dim["key"], dim["value_type"], dim["options"]
    letter = TYPE_LETTER[mech["type"]]
    if key == "mechanism-type":
        return mech["type"] if mech["type"] in options else rng.choice(options)
    if vt in ("enum", "tristate"):
        allowed = options if vt == "enum" else ["yes", "partial", "no", "unknown"]
        prefs = CHOICE.get(key, {}).get(letter, {})
        weights = {o: prefs.get(o, 0.15) for o in allowed}
        if vt == "tristate":
            weights["unknown"] = prefs.get("unknown", 0.3)
        return weighted(rng, weights)
    if vt == "multi":
        if key == "networks":
            probs = REGION_NETWORKS.get(region, {})
        elif key == "international-reporting":
            eu = region == "Europe" and mech["country"] not in NOT_EU
            probs = REGION_INTL["Europe"] if eu else REGION_INTL["*"]
            if region == "Europe" and not eu:
                probs = dict(probs, greta=.8)
        else:
            table = MULTI.get(key, {})
            probs = table.get(letter, table.get("*", {}))
        chosen = [o for o in options if rng.random() < probs.get(o, 0.1)]
        if not chosen:
            best = max(options, key=lambda o: (probs.get(o, 0), -options.index(o)))
            chosen = [best]
        return ",".join(chosen)
    # text
    table = TEXT_VALUES.get(key, {})
    choices = table.get(letter, table.get("*"))
    if not choices:
        return None
    t = rng.choice(choices)
    if t is None:
        return None
    return t.format(n=rng.randint(2, 14), f=rng.randint(2, 12), m=rng.choice(["0.4", "0.8", "1.1", "1.6"]),
                    k=rng.randint(3, 9))


# ---------------------------------------------------------------------------------------
# Recommendations (Bangkok 2014).  Each: theme, topic session n, addressees, final status,
# flags and the history as (status, text) pairs; None history = derived from the status.

T_INST = "Institutional framework and independence"
T_DATA = "Data collection and analysis"
T_REG = "Regional cooperation"
T_PART = "Partnership among NREMs"
T_COOP = "Cooperation with State and non-State actors in countries of origin, transit and destination"
T_FOLLOW = "Follow-up"

RECS = [
    dict(id="inst-establish", theme=T_INST, session=1, addressees=["states"], status="agreed",
         history=[
             ("draft", "States should establish a national rapporteur on trafficking in persons."),
             ("proposed", "States that have not yet done so should establish a national rapporteur on "
                          "trafficking in persons with a mandate laid down in law."),
             ("under-discussion", "States that have not yet done so should [establish] [consider establishing "
                                  "or designating] a national rapporteur or equivalent mechanism with a clear "
                                  "mandate, laid down in law, to monitor and report on the implementation of "
                                  "national anti-trafficking law and policy."),
             ("agreed", "States that have not yet done so should consider establishing or designating a national "
                        "rapporteur or equivalent mechanism with a clear mandate, laid down in law, to monitor "
                        "and report on the implementation of national anti-trafficking law and policy."),
         ]),
    dict(id="inst-guarantees", theme=T_INST, session=1, addressees=["states"], status="agreed",
         history=[
             ("proposed", "States should ensure that national rapporteurs and equivalent mechanisms:\n"
                          "(a) Are established by law;\n"
                          "(b) Are independent;\n"
                          "(c) Have adequate resources."),
             ("agreed", "States should ensure that national rapporteurs and equivalent mechanisms:\n"
                        "(a) Are established by a statute or another legal instrument that defines their mandate, "
                        "functions and powers;\n"
                        "(b) Are independent from instruction by the executive in the performance of their "
                        "monitoring and reporting functions;\n"
                        "(c) Are provided with adequate human and financial resources, including a dedicated "
                        "budget line;\n"
                        "(d) Have statutory access to the information held by public authorities that is "
                        "necessary for the fulfilment of their mandate."),
         ]),
    dict(id="inst-separation", theme=T_INST, session=2, addressees=["states", "nrems"],
         status="under-discussion",
         history=[
             ("proposed", "Where the functions of national rapporteur and national coordinator are combined in "
                          "one institution, States should ensure a clear separation between the coordination of "
                          "anti-trafficking policy and its independent monitoring and evaluation."),
             ("under-discussion", "Where the functions of national rapporteur and national coordinator are "
                                  "combined in one institution, States should [ensure] [consider ensuring] a "
                                  "clear separation between the coordination of anti-trafficking policy and its "
                                  "independent monitoring and evaluation."),
         ]),
    dict(id="inst-separation-bis", theme=T_INST, session=2, addressees=["states"], status="under-discussion",
         alternative=1,
         history=[
             ("under-discussion", "[States should entrust the monitoring of anti-trafficking policy to a body "
                                  "separate from the national coordinating mechanism, in line with article 29, "
                                  "paragraph 4, of the Council of Europe Convention on Action against "
                                  "Trafficking in Human Beings, where applicable.]"),
         ]),
    dict(id="inst-interior", theme=T_INST, session=3, addressees=["states"], status="withdrawn",
         text="NREMs should be placed under the authority of the ministry responsible for internal affairs "
              "in order to facilitate their access to law enforcement data."),
    dict(id="inst-review", theme=T_INST, session=3, addressees=["nrems"], status="agreed",
         text="NREMs should periodically review their mandate, working methods and resources, and share the "
              "results of such reviews with their counterparts in other countries."),
    dict(id="data-disaggregated", theme=T_DATA, session=4, addressees=["nrems", "states"], status="agreed",
         history=[
             ("proposed", "NREMs should collect data on trafficking in persons, disaggregated by sex and age."),
             ("under-discussion", "NREMs should collect, or compile from all relevant sources, disaggregated data "
                                  "on trafficking in persons, including by sex, age, nationality [and form of "
                                  "exploitation]."),
             ("agreed", "NREMs should collect, or compile from all relevant sources, disaggregated data on "
                        "trafficking in persons, including by sex, age, nationality, form of exploitation and "
                        "stage of the criminal justice process, with due regard to the protection of personal "
                        "data."),
         ]),
    dict(id="data-systems", theme=T_DATA, session=4, addressees=["states"], status="agreed",
         text="States should support NREMs in developing data collection systems that:\n"
              "(a) Cover victims identified by State and non-State actors, including victims who do not "
              "cooperate with the criminal justice system;\n"
              "(b) Apply common definitions and indicators, so that data can be compared over time and "
              "between countries;\n"
              "(c) Respect the right to privacy and the principles of data protection."),
    dict(id="data-annual", theme=T_DATA, session=4, addressees=["nrems"], status="merged",
         merged_into="data-disaggregated",
         text="National rapporteurs should publish annual statistics on identified victims of trafficking, "
              "disaggregated by sex and age."),
    dict(id="data-guidance", theme=T_DATA, session=4, addressees=["sr-ohchr-unodc"], status="proposed",
         text="The Special Rapporteur, OHCHR and UNODC are invited to develop, in consultation with NREMs, "
              "guidance on minimum indicators for data collection on trafficking in persons, building on "
              "existing regional work."),
    dict(id="data-trends", theme=T_DATA, session=3, addressees=["nrems"], status="under-discussion",
         history=[
             ("draft", "NREMs should assess trends in trafficking in persons."),
             ("proposed", "NREMs should assess trends in trafficking in persons and make their findings public "
                          "at regular intervals."),
             ("under-discussion", "NREMs should assess [trends in trafficking in persons] [the nature and scale "
                                  "of trafficking in persons, including emerging forms of exploitation,] and make "
                                  "their findings public at regular intervals."),
         ]),
    dict(id="data-labour", theme=T_DATA, session=4, addressees=["nrems"], status="draft",
         text="NREMs should pay particular attention to trafficking for the purpose of labour exploitation, "
              "including in supply chains, and to internal trafficking, both of which are often "
              "under-reported."),
    dict(id="reg-networks", theme=T_REG, session=5, addressees=["regional-organisations"], status="agreed",
         text="Regional organisations are encouraged to support the establishment of regional networks of "
              "NREMs, building on existing experience such as the informal network of national rapporteurs "
              "or equivalent mechanisms of the States members of the European Union."),
    dict(id="reg-focal", theme=T_REG, session=5, addressees=["regional-organisations"],
         status="under-discussion",
         history=[
             ("draft", "Regional organisations should establish a focal point for NREMs."),
             ("proposed", "Regional organisations should establish a focal point for NREMs within their "
                          "secretariats."),
             ("under-discussion", "Regional organisations should [establish] [consider establishing] a focal "
                                  "point for NREMs within their secretariats [and allocate resources to this end]."),
         ]),
    dict(id="reg-meetings", theme=T_REG, session=5, addressees=["nrems"], status="proposed",
         text="NREMs of the same region should meet at least once a year to exchange information on trends, "
              "routes and good practices."),
    dict(id="part-share", theme=T_PART, session=5, addressees=["nrems"], status="agreed",
         text="NREMs should share information, research findings and good practices with each other on a "
              "regular basis, including through a secure online platform."),
    dict(id="part-global", theme=T_PART, session=6, addressees=["nrems", "sr-ohchr-unodc"],
         status="under-discussion",
         text="[A global network of NREMs should be established, with a secretariat provided by OHCHR.]"),
    dict(id="part-global-bis", theme=T_PART, session=6, addressees=["sr-ohchr-unodc"],
         status="under-discussion", alternative=1,
         text="[The Special Rapporteur, OHCHR and UNODC are invited to facilitate an informal global network "
              "of NREMs, which would meet on the margins of existing international meetings.]"),
    dict(id="part-exchange", theme=T_PART, session=4, addressees=["nrems"], status="agreed",
         text="NREMs are encouraged to conduct peer exchanges and joint studies, including staff exchanges "
              "between mechanisms of countries of origin and of destination."),
    dict(id="part-liaison", theme=T_PART, session=6, addressees=["nrems"], status="withdrawn",
         text="Each NREM should designate a liaison officer responsible for contacts with all other NREMs."),
    dict(id="coop-civil", theme=T_COOP, session=5, addressees=["nrems", "civil-society"], status="agreed",
         history=[
             ("draft", "NREMs should cooperate with civil society organisations."),
             ("proposed", "NREMs should cooperate closely with civil society organisations and draw on the "
                          "information they hold."),
             ("under-discussion", "NREMs should cooperate closely with civil society organisations, trade unions, "
                                  "the private sector and academic institutions, and should in particular:\n"
                                  "(a) Establish [formal] channels for consultation with civil society;\n"
                                  "(b) Draw on information held by non-governmental organizations;\n"
                                  "(c) Retain their independence and impartiality in such partnerships."),
             ("agreed", "NREMs should cooperate closely with civil society organisations, trade unions, the "
                        "private sector and academic institutions, and should in particular:\n"
                        "(a) Establish formal channels for consultation with civil society, including "
                        "organisations of survivors;\n"
                        "(b) Draw on information held by non-governmental organisations, subject to the "
                        "informed consent of the persons concerned;\n"
                        "(c) Retain their independence and impartiality in such partnerships."),
         ]),
    dict(id="coop-origin", theme=T_COOP, session=5, addressees=["states", "nrems"], status="agreed",
         text="States of origin, transit and destination should facilitate the exchange of information between "
              "their NREMs, in particular on the transnational referral of victims and on their safe and "
              "voluntary return."),
    dict(id="coop-reports", theme=T_COOP, session=5, addressees=["nrems", "civil-society"], status="merged",
         merged_into="coop-civil",
         text="NREMs should involve civil society in the preparation of their reports."),
    dict(id="coop-csos", theme=T_COOP, session=5, addressees=["civil-society"], status="proposed",
         text="Civil society organisations are encouraged to share their data and analysis with NREMs and to "
              "contribute to their reports, with due respect for the independence of each."),
    dict(id="coop-nrm", theme=T_COOP, session=2, addressees=["nrems", "states"], status="draft",
         text="NREMs should [monitor] [be kept informed of] the functioning of national and transnational "
              "referral mechanisms, including the treatment of victims in countries of transit."),
    dict(id="follow-third", theme=T_FOLLOW, session=6, addressees=["sr-ohchr-unodc"], status="agreed",
         text="The Special Rapporteur is invited to convene a third consultative meeting of NREMs, preferably "
              "in a region that has not yet hosted such a meeting, and to report on the outcome of the present "
              "meeting to the Human Rights Council."),
    dict(id="follow-report", theme=T_FOLLOW, session=6, addressees=["nrems"], status="agreed",
         text="NREMs are invited to report on the steps taken to implement the present recommendations at the "
              "next consultative meeting."),
    dict(id="follow-directory", theme=T_FOLLOW, session=6, addressees=["sr-ohchr-unodc"], status="draft",
         text="OHCHR and UNODC are invited to maintain a directory of NREMs and their contact points, updated "
              "at least once a year, and to make it available to all NREMs."),
    dict(id="follow-funding", theme=T_FOLLOW, session=6, addressees=["states"], status="proposed",
         text="States are encouraged to make voluntary contributions to support the participation of NREMs "
              "of developing countries in future consultations."),
]

STATUS_CHAINS = {
    "agreed": [["proposed", "agreed"], ["proposed", "under-discussion", "agreed"],
               ["draft", "proposed", "under-discussion", "agreed"]],
    "under-discussion": [["under-discussion"], ["proposed", "under-discussion"],
                         ["draft", "proposed", "under-discussion"]],
    "proposed": [["proposed"], ["draft", "proposed"]],
    "draft": [["draft"], ["draft", "draft"]],
    "withdrawn": [["proposed", "withdrawn"], ["draft", "proposed", "withdrawn"]],
    "merged": [["proposed", "merged"], ["proposed", "under-discussion", "merged"]],
}
# Windows (UTC start, minutes) in which revisions of each status are made: drafts arrive
# before the meeting, the rest happens during the sessions of 21-22 May 2014 (Bangkok is
# UTC+7, so 09:00-17:30 local is 02:00-10:30 UTC).
STATUS_WINDOWS = {
    "draft": ("2014-05-15T03:00", 5 * 24 * 60),
    "proposed": ("2014-05-21T03:30", 8 * 60),
    "under-discussion": [("2014-05-21T07:00", 3 * 60), ("2014-05-22T02:00", 5 * 60)],
    "agreed": ("2014-05-22T07:00", 3 * 60),
    "withdrawn": ("2014-05-22T03:00", 5 * 60),
    "merged": ("2014-05-22T04:00", 4 * 60),
}


def add_minutes(ts, minutes):
    t = datetime.datetime.strptime(ts, "%Y-%m-%dT%H:%M")
    return t + datetime.timedelta(minutes=minutes)


def fmt(t, ms=0):
    return t.strftime("%Y-%m-%dT%H:%M:%S") + ".%03dZ" % ms


# ---------------------------------------------------------------------------------------

def build(seed, rng):
    countries = {c["code"]: c for c in seed["countries"]}
    dims = sorted(seed["dimensions"], key=lambda d: d["position"])
    bangkok = v5("meeting:bangkok-2014")
    berlin = v5("meeting:berlin-2013")
    seed_meetings = {m["uuid"] for m in seed["meetings"]}
    if bangkok not in seed_meetings:
        raise SystemExit("make-samples: the seed has no Bangkok 2014 meeting")

    out = {name: [] for name in ARRAYS}

    # Berlin 2013 is a seed meeting; if an older seed lacks it, the sample brings it.
    if berlin not in seed_meetings:
        out["meetings"].append(record("meetings", berlin, {
            "title": "First Consultative Meeting on Strengthening Partnerships with National Rapporteurs "
                     "on Trafficking in Persons and Equivalent Mechanisms",
            "short_title": "Berlin 2013", "city": "Berlin", "country": "DE", "venue": None,
            "start_date": "2013-05-23", "end_date": "2013-05-24", "time_zone": "Europe/Berlin",
            "convenors": "UN Special Rapporteur on trafficking in persons, especially women and children",
            "language": "English", "objectives": None, "expected_outcome": "Report: A/HRC/26/37/Add.1"}))

    # Mechanisms.
    mechs = []
    for code, mtype, name, host, year, legal in MECHANISMS:
        if code not in countries:
            raise SystemExit("make-samples: country %s missing from the seed" % code)
        uid = uuid4(rng)
        r = record("mechanisms", uid, {
            "name": name, "country": code, "type": mtype, "reference": False, "legal_basis": legal,
            "established": year, "host_body": host,
            "website": "https://nrem-%s.example.org/" % code.lower(),
            "notes": "Fictional sample profile: it does not describe the actual mechanism of %s."
                     % countries[code]["name"]})
        mechs.append(r)
    out["mechanisms"] = mechs

    # Assessments: most cells of every mechanism.
    for m in mechs:
        region = countries[m["country"]]["region"]
        skippable = [d for d in dims if d["key"] != "mechanism-type"]
        skip = {d["uuid"] for d in rng.sample(skippable, rng.randint(0, 4))}
        for d in dims:
            if d["uuid"] in skip:
                continue
            value = assessment_value(rng, d, m, region)
            note = source = as_of = None
            if d["key"] == "legal-basis" and m["legal_basis"] and value != "none":
                note = m["legal_basis"]
            elif d["key"] in NOTES and rng.random() < 0.5:
                parts = value.split(",") if value else []
                fitting = [t for k, t in NOTES[d["key"]].items() if k == "*" or k in parts]
                note = fitting[0] if fitting else None
            elif value is None and rng.random() < 0.5:
                note = "Not reported by the mechanism."
            if rng.random() < 0.5:
                source = rng.choice(SOURCES)
            if rng.random() < 0.5:
                as_of = "%04d-%02d-%02d" % rng.choice([(2013, rng.randint(1, 12), rng.randint(1, 28)),
                                                        (2014, rng.randint(1, 4), rng.randint(1, 28))])
            if value is None and note is None and source is None and as_of is None:
                continue  # an empty cell is no assessment
            out["assessments"].append(record("assessments", v5("assessment:%s:%s" % (m["uuid"], d["uuid"])), {
                "mechanism": m["uuid"], "dimension": d["uuid"], "value": value, "note": note,
                "source": source, "as_of": as_of}))

    # Participants.
    used_names = set()
    phones = iter(range(100))
    people = []  # (record, gender) in creation order

    def make_name(code, culture=None):
        if culture is None and code in FIXED_NAMES and FIXED_NAMES[code][0] not in used_names:
            name, given = FIXED_NAMES[code]
            used_names.add(name)
            return name, given
        given_pool, family_pool, order, _ = CULTURES[culture or COUNTRY_CULTURE[code]]
        for _ in range(200):
            given, family = rng.choice(given_pool), rng.choice(family_pool)
            name = "%s %s" % ((family, given) if order == "fg" else (given, family))
            if name not in used_names:
                used_names.add(name)
                return name, given
        raise SystemExit("make-samples: name pool for %s exhausted" % code)

    def add_person(code, role, position, organisation, mechanism, domain, culture=None):
        name, given = make_name(code, culture)
        gender = "f" if given in FEMININE or given.startswith("Thị") else "m"
        honorific = rng.choice(HONORIFICS[gender]) if rng.random() < 0.85 else None
        if position and "Professor" in position:
            honorific = "Prof."
        languages = CULTURES[culture or COUNTRY_CULTURE[code]][3]
        if role in ("un-staff", "secretariat") and "French" not in languages and rng.random() < 0.5:
            languages += ", French"
        phone = None
        if rng.random() < 0.85:
            n = next(phones, None)
            phone = "+1 555 01%02d" % n if n is not None else None
        r = record("participants", uuid4(rng), {
            "name": name, "honorific": honorific, "position": position, "organisation": organisation,
            "mechanism": mechanism, "country": code, "role": role,
            "email": unique_email(email_local(name), domain), "phone": phone, "languages": languages,
            "notes": "Fictional sample person. " + rng.choice([
                "Invented for demonstration; any resemblance to a real person is coincidental.",
                "Invented for demonstration and testing.",
                "Not a real person; contact details use reserved example domains and numbers."])})
        people.append(r)
        return r

    emails = set()

    def unique_email(local, domain):
        address, n = "%s@%s" % (local, domain), 1
        while address in emails:
            n += 1
            address = "%s%d@%s" % (local, n, domain)
        emails.add(address)
        return address

    # The principal of each mechanism.
    principal = {}
    for m in mechs:
        role = "national-rapporteur" if m["type"] in ("independent-rapporteur", "nhri-ombuds",
                                                       "government-rapporteur") else "coordinator"
        if m["type"] == "other" and rng.random() < 0.5:
            role = "national-rapporteur"
        domain = "nrem-%s.example.org" % m["country"].lower()
        principal[m["uuid"]] = add_person(m["country"], role, POSITIONS[role][0] if rng.random() < 0.6
                                          else rng.choice(POSITIONS[role]), None, m["uuid"], domain)
    # Second staff members for a dozen mechanisms.
    for m in rng.sample(mechs, 12):
        role = principal[m["uuid"]]["role"]
        add_person(m["country"], role, rng.choice(POSITIONS[role][1:]), None, m["uuid"],
                   "nrem-%s.example.org" % m["country"].lower())
    # Government delegates: some tied to their country's mechanism, some only to a ministry.
    mech_by_country = {m["country"]: m for m in mechs}
    delegate_countries = rng.sample(sorted(mech_by_country), 12) + ["JP", "LB", "MY", "PL"]
    for code in delegate_countries:
        pos = rng.choice(POSITIONS["delegate"])
        org = ("Ministry of Foreign Affairs" if "Foreign" in pos or "Mission" in pos or "Embassy" in pos
               else pos.split(", ", 1)[1] if ", " in pos else "Ministry of Justice")
        mech = mech_by_country.get(code)
        add_person(code, "delegate", pos, org, mech["uuid"] if mech and rng.random() < 0.6 else None,
                   "gov-%s.example.org" % code.lower())
    # Experts.
    for code in ["NL", "TH", "ZA", "MX", "GB", "SN"]:
        org, domain = rng.choice(EXPERT_ORGS)
        add_person(code, "expert", rng.choice(POSITIONS["expert"]), org, None, domain)
    # Observers from regional and international organisations.
    for org, domain, code in OBSERVER_ORGS[:5]:
        add_person(code, "observer", rng.choice(POSITIONS["observer"]), org, None, domain)
    # UN staff.
    for org, domain, code, pos in UN_STAFF:
        culture = rng.choice(sorted(CULTURES))
        add_person(code, "un-staff", pos, org, None, domain, culture)
    # Civil society.
    ngo_countries = ["TH", "PH", "BR", "NG", "NL", "IN", "US", "KH"]
    for (org, domain), code in zip(NGOS, ngo_countries):
        add_person(code, "civil-society", rng.choice(POSITIONS["civil-society"]), org, None, domain)
    # Secretariat.
    for org, code, pos in SECRETARIAT:
        culture = rng.choice(sorted(CULTURES))
        add_person(code, "secretariat", pos, org, None,
                   "ohchr.example.org" if "OHCHR" in org else "unodc.example.org", culture)
    out["participants"] = people

    # Attendance at Bangkok 2014: every participant; Berlin 2013: a dozen.
    status_of = {}
    heads = set()
    for p in people:
        if p["role"] in ("secretariat", "un-staff"):
            st = "attended"
        else:
            st = rng.choices(["attended", "confirmed", "declined", "invited"], [70, 10, 10, 8])[0]
        status_of[p["uuid"]] = st
    # Make sure each status occurs.
    order = [p for p in people if p["role"] not in ("secretariat", "un-staff")]
    for st, p in zip(["confirmed", "declined", "invited"], order[-3:]):
        status_of[p["uuid"]] = st
    # Head of delegation: one per country with at least two national attendees.
    by_country = {}
    for p in people:
        if p["role"] in ("national-rapporteur", "coordinator", "delegate") \
                and status_of[p["uuid"]] in ("attended", "confirmed"):
            by_country.setdefault(p["country"], []).append(p)
    for code, group in sorted(by_country.items()):
        if len(group) >= 2:
            rank = {"national-rapporteur": 0, "coordinator": 1, "delegate": 2}
            heads.add(min(group, key=lambda p: rank[p["role"]])["uuid"])
    for p in people:
        out["attendances"].append(record("attendances", v5("attendance:%s:%s" % (p["uuid"], bangkok)), {
            "participant": p["uuid"], "meeting": bangkok, "status": status_of[p["uuid"]],
            "head_of_delegation": p["uuid"] in heads}))
    veterans = [p for p in people if p["role"] in ("national-rapporteur", "coordinator", "secretariat")
                and p["country"] in ("NL", "DE", "FI", "SE", "BE", "GB", "US", "PH", "NG", "TH", "RO",
                                     "IE", "CH", "PT", "MX")]
    berlin_people = veterans[:12]
    for i, p in enumerate(berlin_people):
        out["attendances"].append(record("attendances", v5("attendance:%s:%s" % (p["uuid"], berlin)), {
            "participant": p["uuid"], "meeting": berlin, "status": "declined" if i == 5 else "attended",
            "head_of_delegation": p["role"] == "national-rapporteur" and i % 3 == 0}))

    # Bangkok sessions: seed records with chair, rapporteur and speakers filled in.
    attended = [p for p in people if status_of[p["uuid"]] == "attended"]
    secretariat = [p for p in attended if p["role"] == "secretariat"]
    un_staff = [p for p in attended if p["role"] == "un-staff"]
    speakers_pool = [p for p in attended if p["role"] in ("national-rapporteur", "coordinator", "expert",
                                                          "civil-society", "observer")]
    chairs_pool = [p for p in attended if p["role"] in ("national-rapporteur", "coordinator")]
    seed_sessions = {s["uuid"]: s for s in seed["sessions"]}
    topic = {}
    used_speakers = set()
    for n in range(1, 40):
        su = v5("session:bangkok-2014:%d" % n)
        s = seed_sessions.get(su)
        if s is None or s["meeting"] != bangkok or s["kind"] == "break":
            continue
        fields = {k: s[k] for k in FIELDS["sessions"]}
        if s["kind"] in ("opening", "closing"):
            fields["chair"] = secretariat[0]["uuid"]
            fields["rapporteur"] = secretariat[2]["uuid"] if len(secretariat) > 2 else None
            fields["speakers"] = [u["uuid"] for u in un_staff[:1] + un_staff[4:5]] + \
                ([rng.choice(chairs_pool)["uuid"]] if s["kind"] == "opening" else [])
        else:
            topic[n] = su
            fields["chair"] = rng.choice(chairs_pool + un_staff[:2])["uuid"]
            fields["rapporteur"] = rng.choice(secretariat + un_staff)["uuid"]
            fresh = [p for p in speakers_pool if p["uuid"] not in used_speakers
                     and p["uuid"] != fields["chair"]]
            chosen = rng.sample(fresh if len(fresh) >= 5 else speakers_pool, rng.randint(3, 5))
            used_speakers.update(p["uuid"] for p in chosen)
            fields["speakers"] = [p["uuid"] for p in chosen]
            if rng.random() < 0.5:
                fields["notes"] = rng.choice([
                    "Presentations followed by questions from the floor.",
                    "Speakers are asked to keep their presentations to ten minutes.",
                    "Discussion to be summarised by the rapporteur for the outcome document."])
        out["sessions"].append(record("sessions", su, fields, updated_at="2014-05-15T%02d:00:00.000Z" % n,
                                      rev=s["rev"] + 1))

    # Recommendations and their revisions.
    proposers = [p for p in attended if p["role"] in ("national-rapporteur", "coordinator", "expert",
                                                      "delegate")]
    csos = [p for p in attended if p["role"] == "civil-society"]
    rec_uuids = {spec["id"]: uuid4(rng) for spec in RECS}
    base_author = secretariat[2] if len(secretariat) > 2 else secretariat[0]
    for position, spec in enumerate(RECS, start=1):
        status = spec["status"]
        if "history" in spec:
            history = spec["history"]
        else:
            chain = rng.choice(STATUS_CHAINS[status])
            history = [(st, spec["text"]) for st in chain]
        assert history[-1][0] == status
        text = history[-1][1]
        if spec["addressees"] == ["civil-society"]:
            proposer = rng.choice(csos)
        elif spec["theme"] == T_FOLLOW and "sr-ohchr-unodc" in spec["addressees"]:
            proposer = rng.choice(un_staff + secretariat[:2])
        else:
            proposer = rng.choice(proposers)
        others = [p for p in attended if p["uuid"] != proposer["uuid"]
                  and p["role"] not in ("secretariat",)]
        supporters = sorted(p["uuid"] for p in rng.sample(others, rng.randint(0, 4)))
        uid = rec_uuids[spec["id"]]
        parent = None
        last = None
        for i, (st, t) in enumerate(history):
            window = STATUS_WINDOWS[st]
            start, span = rng.choice(window) if isinstance(window, list) else window
            when = add_minutes(start, rng.randint(0, span)) + datetime.timedelta(seconds=rng.randint(0, 59))
            if last is not None and when <= last:
                when = last + datetime.timedelta(minutes=rng.randint(5, 90))
            last = when
            author = proposer if i == 0 or st in ("draft", "proposed") else base_author
            rv = record("revisions", uuid4(rng), {
                "recommendation": uid, "parent": parent, "author": author["uuid"],
                "author_name": author["name"], "created_at": fmt(when, rng.randint(0, 999)),
                "status": st, "text": t}, updated_at=None, rev=1)
            rv["updated_at"] = rv["created_at"]
            out["revisions"].append(rv)
            parent = rv["uuid"]
        r = record("recommendations", uid, {
            "meeting": bangkok, "position": position, "theme": spec["theme"],
            "addressees": spec["addressees"], "session": topic.get(spec["session"]), "status": status,
            "merged_into": rec_uuids[spec["merged_into"]] if spec.get("merged_into") else None,
            "proposer": proposer["uuid"], "supporters": supporters, "bracketed": "[" in text,
            "alternative": spec.get("alternative", 0), "text": text},
            updated_at=out["revisions"][-1]["created_at"], rev=len(history))
        out["recommendations"].append(r)

    for name in ARRAYS:
        out[name].sort(key=lambda r: r["uuid"])
    doc = {"format": "nrem-desk", "version": 1, "exported_at": EXPORTED, "origin": ORIGIN}
    doc.update(out)
    return doc


def main(argv):
    global ORIGIN
    output = DEFAULT_OUTPUT
    seed_path = DEFAULT_SEED
    args = []
    it = iter(argv[1:])
    for a in it:
        if a == "--seed":
            seed_path = next(it)
        elif a in ("-h", "--help"):
            print(__doc__.strip())
            return 0
        else:
            args.append(a)
    if len(args) > 1:
        print("usage: make-samples.py [OUTPUT] [--seed PATH]", file=sys.stderr)
        return 2
    if args:
        output = args[0]
    with open(seed_path, encoding="utf-8") as f:
        seed = json.load(f)
    ORIGIN = v5("origin:sample")
    doc = build(seed, random.Random(RNG_SEED))
    os.makedirs(os.path.dirname(os.path.abspath(output)), exist_ok=True)
    tmp = output + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        json.dump(doc, f, indent=2, ensure_ascii=False)
        f.write("\n")
    os.replace(tmp, output)
    counts = ", ".join("%s %d" % (k, len(doc[k])) for k in ARRAYS)
    print("wrote %s: %s" % (os.path.relpath(output), counts))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
