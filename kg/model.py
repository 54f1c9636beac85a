"""The small dataclasses passed between pipeline stages.

read -> :class:`Article`; sentences -> :class:`Sentence`; entities -> :class:`Mention`;
aliases and coreference -> :class:`Person`, :class:`Country`, :class:`Organization`;
events -> :class:`Meeting`, :class:`Commitment`; all of it for one article -> :class:`Extraction`.

An :class:`Extraction` serialises to the interchange format of ``shared/eval/OUTPUT.md``
(:meth:`Extraction.to_json`) and back (:meth:`Extraction.from_json`), so the graph can be
built from saved extractions as well as from articles.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = [
    "Article", "Sentence", "Mention", "Position", "Person", "Country", "Organization",
    "Evidence", "Meeting", "Commitment", "Extraction",
]


@dataclass
class Article:
    """One news article as read from a file, a JSON Lines corpus or standard input."""
    id: str
    text: str
    published: str | None = None  # ISO date
    url: str | None = None
    title: str | None = None
    source: str | None = None  # path or "<stdin>", for messages


@dataclass
class Sentence:
    """A sentence of an article, with its character offsets in ``Article.text``."""
    index: int
    start: int
    end: int
    text: str
    furniture: bool = False  # page furniture (other articles' headlines, menus): yields nothing


@dataclass
class Mention:
    """A span of text naming an entity or a post."""
    start: int
    end: int
    text: str
    kind: str  # "person" | "country" | "org" | "title" | "city"
    key: str = ""  # entity key once resolved (country name, org id, person key, normalised title)
    sentence: int = -1
    rule: str = ""


@dataclass
class Position:
    """A post held: a normalised title and the country or organization it belongs to."""
    title: str
    of: str | None = None  # display name of a country or organization


@dataclass
class Person:
    name: str
    aliases: list[str] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    country: str | None = None  # the country the person acts for, when known
    former: bool = False
    found_by: list[str] = field(default_factory=list)  # the rules that found the person (--explain)


@dataclass
class Country:
    name: str
    iso2: str | None = None
    iso3: str | None = None
    wikidata: str | None = None


@dataclass
class Organization:
    name: str
    aliases: list[str] = field(default_factory=list)
    id: str | None = None  # reference-data id when the organization is known
    wikidata: str | None = None


@dataclass
class Evidence:
    """The sentence a fact was read from and where it sits in the article."""
    text: str
    start: int
    end: int
    rule: str = ""  # the rule or pattern that produced the fact (kg extract --explain)


@dataclass
class Meeting:
    participants: list[str]
    evidence: Evidence
    date: str | None = None
    place: str | None = None
    occasion: str | None = None
    status: str = "held"  # "held" | "planned" | "cancelled"
    mode: str = "in person"  # "in person" | "phone" | "video"
    host: str | None = None
    guest: str | None = None
    plover: str = "CONSULT"
    plover_mode: str | None = None  # "visit" | "host" | "third-party" | "phone" | "multilateral"
    cameo: str = "040"
    confidence: float = 0.8


@dataclass
class Commitment:
    actors: list[str]
    content: str
    evidence: Evidence
    counterpart: str | None = None
    date: str | None = None
    plover: str = "AGREE"
    cameo: str = "030"
    confidence: float = 0.7


@dataclass
class Extraction:
    """Everything read out of one article."""
    article: Article
    persons: list[Person] = field(default_factory=list)
    countries: list[Country] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)

    def to_json(self, explain: bool = False) -> dict[str, Any]:
        """The interchange object of OUTPUT.md, with extra keys (offsets, codes, confidence)."""
        def event(e: Meeting | Commitment) -> dict[str, Any]:
            d = asdict(e)
            ev = d.pop("evidence")
            d["evidence"] = ev["text"]
            d["evidence_start"], d["evidence_end"] = ev["start"], ev["end"]
            if explain:
                d["rule"] = ev["rule"]
            return d

        a = self.article
        return {
            "id": a.id,
            "url": a.url,
            "published": a.published,
            "title": a.title,
            "persons": [{k: v for k, v in asdict(p).items() if explain or k != "found_by"} for p in self.persons],
            "countries": [c.name for c in self.countries],
            "country_codes": {c.name: c.iso2 for c in self.countries},
            "organizations": [asdict(o) for o in self.organizations],
            "meetings": [event(m) for m in self.meetings],
            "commitments": [event(c) for c in self.commitments],
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "Extraction":
        """Rebuild an extraction from its interchange object (extra keys optional)."""
        article = Article(id=str(d.get("id")), text="", published=d.get("published"),
                          url=d.get("url"), title=d.get("title"))
        codes = d.get("country_codes") or {}

        def evidence(e: dict[str, Any]) -> Evidence:
            return Evidence(text=e.get("evidence") or "", start=e.get("evidence_start", -1),
                            end=e.get("evidence_end", -1), rule=e.get("rule", ""))

        def fields(e: dict[str, Any], klass: type) -> dict[str, Any]:
            names = klass.__dataclass_fields__.keys() - {"evidence"}
            return {k: v for k, v in e.items() if k in names}

        return cls(
            article=article,
            persons=[Person(name=p["name"], aliases=list(p.get("aliases") or []),
                            positions=[Position(**pos) for pos in p.get("positions") or []],
                            country=p.get("country"), former=bool(p.get("former")))
                     for p in d.get("persons") or []],
            countries=[Country(name=c, iso2=codes.get(c)) for c in d.get("countries") or []],
            organizations=[Organization(name=o["name"], aliases=list(o.get("aliases") or []),
                                        id=o.get("id"), wikidata=o.get("wikidata"))
                           for o in d.get("organizations") or []],
            meetings=[Meeting(evidence=evidence(m), **fields(m, Meeting)) for m in d.get("meetings") or []],
            commitments=[Commitment(evidence=evidence(c), **fields(c, Commitment))
                         for c in d.get("commitments") or []],
        )
