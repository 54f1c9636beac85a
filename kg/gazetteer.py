"""Reference data (countries, organizations, titles, cities, trigger words) and fast lookup.

All names go into one Aho-Corasick automaton (pyahocorasick) over lower-cased text: one
pass finds every country name, demonym, capital, organization name or acronym, title form
and city in an article. Proper names must be capitalised in the text and acronyms must
match exactly, so "chad" in lower case or "us" the pronoun never match.

User dictionaries (``kg extract --dict FILE``) are JSON Lines files whose records add to the
reference data without touching code::

    {"type": "title", "title": "Foreign Minister", "forms": ["top envoy"]}
    {"type": "organization", "id": "quad", "name": "Quadrilateral Security Dialogue", "aliases": ["Quad"]}
    {"type": "alias", "name": "United States", "aliases": ["Uncle Sam"]}      # country or organization
    {"type": "country", "name": "Wakanda", "iso2": "WK", "demonyms": ["Wakandan"], "capitals": ["Birnin Zana"]}
    {"type": "city", "name": "Camp David", "iso2": "US"}
    {"type": "venue", "name": "Hyderabad House", "city": "New Delhi"}   # "talks at Hyderabad House"
    {"type": "combining_form", "name": "France", "forms": ["Franco"]}     # "the Franco-Kazakh commission"
    {"type": "meeting_trigger", "pattern": "broke bread with"}
    {"type": "commitment_trigger", "pattern": "swore to"}

A title record may add ``default_of`` (its holder's country when the text names none),
``rank`` (4 and above: a weak post that gives way to a real one), ``equivalent`` (with
``default_of``: what another post is called in that country, "Secretary of State" for
"Foreign Minister" in the United States), ``given_name_forms`` (forms that are also given
names: "Amir" after "Foreign Minister" starts a name) and ``shared`` (a post several people hold
at once in one country, "Senior Minister": one holder does not make the country taken for another).
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import ahocorasick

from .errors import InputError

DATA_DIR = Path(__file__).parent / "data"

__all__ = ["DATA_DIR", "Gazetteer", "Hit", "get_gazetteer", "load_user_dictionary", "lower_same_length"]


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    kind: str  # "country" | "demonym" | "capital" | "org" | "title" | "city" | "venue"
    key: str  # canonical country name, org id, normalised title, city name
    text: str


@dataclass
class Gazetteer:
    countries: dict[str, dict] = field(default_factory=dict)  # canonical name -> record
    orgs: dict[str, dict] = field(default_factory=dict)  # id -> record
    titles: dict[str, dict] = field(default_factory=dict)  # normalised title -> record
    cities: dict[str, str] = field(default_factory=dict)  # city name -> iso2
    capital_of: dict[str, str] = field(default_factory=dict)  # capital city -> country name
    iso2_country: dict[str, str] = field(default_factory=dict)  # iso2 -> canonical country name
    venues: dict[str, str] = field(default_factory=dict)  # lower-cased venue name -> its city
    meeting_triggers: list[str] = field(default_factory=list)
    commitment_triggers: list[str] = field(default_factory=list)
    _forms: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)  # lower form -> [(kind, key, form)]
    _automaton: object = None

    # -- building -------------------------------------------------------------------------
    def add_form(self, form: str, kind: str, key: str) -> None:
        form = form.strip()
        if len(form) < 2:
            return
        entry = (kind, key, form)
        lst = self._forms.setdefault(lower_same_length(form), [])
        if kind == "title":
            # a later title claiming a form takes it over (user dictionaries, extra.jsonl)
            lst[:] = [e for e in lst if e[0] != "title"]
        if kind != "venue":
            lst[:] = [e for e in lst if e[0] != "venue"]  # a venue that also names a body is read as the body
        if entry not in lst:
            lst.append(entry)
        self._automaton = None

    def add_country(self, rec: dict) -> None:
        name = rec["name"]
        self.countries[name] = rec
        if rec.get("iso2"):
            self.iso2_country[rec["iso2"]] = name
        self.add_form(name, "country", name)
        for a in rec.get("aliases") or []:
            self.add_form(a, "country", name)
        for d in rec.get("demonyms") or []:
            self.add_form(d, "demonym", name)
            if not d.endswith(("s", "ese", "sh", "ch", "x", "z")):
                self.add_form(d + "s", "demonym", name)  # "the Israelis and the Palestinians"
        for c in rec.get("capitals") or []:
            self.add_form(c, "capital", name)
            self.capital_of.setdefault(c, name)

    def add_org(self, rec: dict) -> None:
        oid = rec.get("id") or rec["name"]
        old = self.orgs.get(oid)
        if old:
            old["aliases"] = sorted(set(old.get("aliases") or []) | set(rec.get("aliases") or []))
            rec = old
        self.orgs[oid] = rec
        for n in [rec["name"], *(rec.get("aliases") or [])]:
            self.add_form(n, "org", oid)

    def add_title(self, rec: dict) -> None:
        title = rec["title"]
        old = self.titles.get(title)
        if old:
            old["forms"] = sorted(set(old.get("forms") or []) | set(rec.get("forms") or []))
            old.update({k: v for k, v in rec.items() if k not in ("forms", "title")})
            rec = old
        self.titles[title] = rec
        for f in [title, *(rec.get("forms") or [])]:
            self.add_form(f, "title", title)
            if not f.isupper():
                self.add_form(plural(f), "title", title)

    def add_city(self, name: str, iso2: str) -> None:
        self.cities.setdefault(name, iso2)
        self.add_form(name, "city", name)

    def add_venue(self, rec: dict) -> None:
        """A building or site that meetings are held at, and its city ("the White House": Washington).
        A venue that already names a government ("the Kremlin said") keeps that reading as well."""
        for n in [rec["name"], *(rec.get("aliases") or [])]:
            self.venues[lower_same_length(n)] = rec["city"]
            self.add_form(n, "venue", n)  # last among a form's readings: "the Kremlin said" stays Russia

    def apply(self, rec: dict, where: str = "") -> None:
        """Add one user-dictionary record."""
        kind = rec.get("type")
        try:
            if kind == "title":
                self.add_title({k: v for k, v in rec.items() if k != "type"} | {"forms": rec.get("forms") or []})
            elif kind in ("organization", "org"):
                self.add_org({"id": rec.get("id") or rec["name"], "name": rec["name"],
                              "aliases": rec.get("aliases") or [], "wikidata": rec.get("wikidata")})
            elif kind == "country":
                self.add_country({**rec})
            elif kind == "alias":
                name = rec["name"]
                if name in self.countries:
                    for a in rec.get("aliases") or []:
                        self.add_form(a, "country", name)
                else:
                    oid = next((i for i, o in self.orgs.items() if name in (i, o["name"])), None)
                    if oid is None:
                        raise InputError(f"{where}: alias for unknown country or organization {name!r}")
                    self.add_org({"id": oid, "name": self.orgs[oid]["name"], "aliases": rec.get("aliases") or []})
            elif kind == "city":
                self.add_city(rec["name"], rec["iso2"])
            elif kind == "combining_form":
                for f in rec.get("forms") or []:
                    self.add_form(f.rstrip("-") + "-", "demonym", rec["name"])
            elif kind == "venue":
                self.add_venue(rec)
            elif kind == "meeting_trigger":
                self.meeting_triggers.append(rec["pattern"])
            elif kind == "commitment_trigger":
                self.commitment_triggers.append(rec["pattern"])
            else:
                raise InputError(f"{where}: unknown record type {kind!r} (title, organization, alias, country, city, "
                                 "venue, combining_form, meeting_trigger, commitment_trigger)")
        except KeyError as e:
            raise InputError(f"{where}: missing field {e.args[0]!r}") from None

    # -- lookup ---------------------------------------------------------------------------
    def title_of(self, phrase: str) -> str | None:
        """The title a phrase names ("FOREIGN MINISTER" -> "Foreign Minister"), or None."""
        for kind, key, _ in self._forms.get(" ".join(phrase.lower().split()), ()):
            if kind == "title":
                return key
        return None

    def automaton(self):
        if self._automaton is None:
            a = ahocorasick.Automaton()
            for form, entries in self._forms.items():
                a.add_word(form, (len(form), entries))
            a.make_automaton()
            self._automaton = a
        return self._automaton

    def scan(self, text: str) -> list[Hit]:
        """Every gazetteer name in ``text``: longest match first, no overlaps, word-bounded."""
        low = lower_same_length(text).replace("\n", " ")  # hard-wrapped lines: "Foreign\nMinister"
        n = len(text)
        found = []
        for end, (length, entries) in self.automaton().iter(low):
            start = end - length + 1
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_@#"):
                continue
            if start > 0 and text[start - 1] == "/" and not _TITLE_WORD_BEFORE_SLASH.search(text, max(0, start - 40), start):
                continue  # a path in an address, not "State Councilor/Foreign Minister"
            if start > 1 and text[start - 1] == "-" and not text[start - 2].isupper() and not text[start - 2].islower():
                continue
            if end + 1 < n and low[end] != "-" and (text[end + 1].isalnum() or (text[end + 1] == "-" and end + 2 < n and text[end + 2].islower())):
                continue
            if low[end] == "-" and not (end + 1 < n and text[end + 1].isupper()):
                continue  # a combining form joins a capitalised name: "Franco-Kazakh", "Sino-Japanese"
            surface = text[start:end + 1]
            for kind, key, form in entries:
                if _case_ok(surface, form, kind):
                    found.append((start, -(end + 1), kind, key, surface))
                    break
        found.sort()
        out: list[Hit] = []
        last = -1
        for start, neg_end, kind, key, surface in found:
            if start < last:
                continue
            out.append(Hit(start, -neg_end, kind, key, surface))
            last = -neg_end
        return out

    def country_of_city(self, city: str) -> str | None:
        iso2 = self.cities.get(city)
        return self.capital_of.get(city) or (self.iso2_country.get(iso2) if iso2 else None)


_TITLE_WORD_BEFORE_SLASH = re.compile(r"(?:^|\s)[A-Z][a-z]+[ \t]?/[ \t]?$")


def _case_ok(surface: str, form: str, kind: str) -> bool:
    if form.isupper() and len(form) <= 8:
        return surface == form  # acronyms match exactly: "AU", "US", "FM"
    if kind == "title":
        return True  # "foreign minister", "Foreign Minister", "FOREIGN MINISTER"
    return surface[0].isupper()  # proper names are capitalised


def plural(form: str) -> str:
    """ "foreign minister" -> "foreign ministers", "secretary of state" -> "secretaries of state"."""
    words = form.split(" ")
    i = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
    w = words[i]
    if w.endswith("y") and not w.endswith(("ay", "ey", "oy")):
        w = w[:-1] + "ies"
    elif w.endswith(("s", "sh", "ch", "x")):
        w = w + "es"
    else:
        w = w + "s"
    words[i] = w
    return " ".join(words)


# accented Latin letters to their base letter, one character for one: "Việt Nam" and "Viet Nam",
# "Côte d'Ivoire" and "Cote d'Ivoire" are one form
_UNACCENT = {chr(c): base.lower() for c in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]
             if chr(c).isalpha() and (base := unicodedata.normalize("NFD", chr(c))[0]).isascii() and base.isalpha()}
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def lower_same_length(text: str) -> str:
    """Lower case without accents or typographic apostrophes that keeps every offset (a few
    characters change length when lowered; those stay as they are)."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    if low.isascii():
        return low
    if "’" in low:
        low = low.replace("’", "'")  # "People’s Republic of China" is "People's Republic of China"
    return _NON_ASCII.sub(lambda m: _UNACCENT.get(m.group(0), m.group(0)), low)  # few such characters: only those


def _read_jsonl(path, where: str) -> list[dict]:
    out = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.lstrip().startswith("#"):
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise InputError(f"{where}:{lineno}: malformed JSON ({e.msg})") from None
    return out


@lru_cache(maxsize=1)
def _base() -> Gazetteer:
    data = DATA_DIR
    g = Gazetteer()
    for rec in json.loads((data / "countries.json").read_text(encoding="utf-8")):
        g.add_country(rec)
    for rec in _read_jsonl(data / "organizations.jsonl", "organizations.jsonl"):
        g.add_org(rec)
    for rec in _read_jsonl(data / "titles.jsonl", "titles.jsonl"):
        g.add_title(rec)
    extra = data / "extra.jsonl"
    if extra.is_file():
        for i, rec in enumerate(_read_jsonl(extra, "extra.jsonl")):
            g.apply(rec, f"extra.jsonl:{i + 1}")
    for line in (data / "cities.tsv").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 3 and parts[0] and not line.startswith("#") and parts[0] != "name":
            g.add_city(parts[0], parts[2])
            if parts[1] and parts[1] != parts[0]:
                g.add_city(parts[1], parts[2])
    return g


def load_user_dictionary(path: str) -> list[dict]:
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{path}: no such dictionary file")
    try:
        return _read_jsonl(p, path)
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None


_cache: dict[tuple, Gazetteer] = {}


def get_gazetteer(user_records: tuple[tuple[str, str], ...] = ()) -> Gazetteer:
    """The reference gazetteer, extended by user dictionary records ((where, json) pairs)."""
    if not user_records:
        return _base()
    if user_records not in _cache:
        import copy
        g = copy.deepcopy(_base())
        g._automaton = None
        for where, rec in user_records:
            g.apply(json.loads(rec), where)
        _cache[user_records] = g
    return _cache[user_records]
