"""The networkx graph as linked data, and back.

:func:`to_rows` turns the graph of :mod:`kg.graph` into RDF quads (N-Triples text; :func:`to_quads`
gives pyoxigraph terms):

* entity descriptions (officials, countries, organizations, posts, tenures, roles, places, dates)
  in the default graph;
* one named graph per article (``kgid:graph/<article id>``) holding exactly that article's facts:
  the article (schema:NewsArticle), what it mentions, its meetings and commitments (n-ary
  kg:Meeting / kg:Commitment resources with participants, roles, date, place, status, mode,
  confidence, PLOVER and CAMEO types, PROV links) and their evidence spans (NIF offsets).

Every IRI is minted from node ids, event ids and article ids, never from blank nodes or
counters, so the same input gives the same IRIs and byte-identical sorted N-Triples.

:func:`to_store` loads the quads into a pyoxigraph store (fast path for big graphs);
:func:`to_dataset` into an rdflib Dataset (small graphs, rdflib's API).
:func:`write_graph` writes ``graph.<ext>`` files atomically in RDF formats (N-Quads, N-Triples,
Turtle and TriG straight from the text; RDF/XML through pyoxigraph; JSON-LD compacted with our
prefixes) and in
GraphML, GEXF and node-link JSON (networkx). :func:`read_graph` reads any of them back into the
networkx contract, so ``kg render exports/graph.ttl`` works.
"""
from __future__ import annotations

import datetime as _dt
import gc
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache
from types import SimpleNamespace
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import networkx as nx
import pyoxigraph as ox

from .errors import InputError, KgError
from .fsutil import atomic_open
from .graph import add_event_edges, event_id, fold
from .vocab import PREFIXES

__all__ = [
    "FORMATS", "to_quads", "to_store", "to_dataset", "write_graph", "read_graph", "load_store",
    "node_iri", "node_id_of", "article_iri", "graph_iri", "event_iri", "rdf_format_of",
    "to_rdflib_graph", "load_quads", "from_quads", "ntriples", "jsonld", "turtle", "nquads",
    "to_rows", "to_nquads", "write_rows", "SERIALIZATION_PREFIXES",
]

#: --format name -> file extension of ``graph.<ext>``
FORMATS: dict[str, str] = {
    "turtle": "ttl", "trig": "trig", "nquads": "nq", "nt": "nt", "json-ld": "jsonld", "xml": "rdf",
    "graphml": "graphml", "gexf": "gexf", "node-link": "json",
}

_RDF_EXT = {
    ".ttl": ox.RdfFormat.TURTLE, ".turtle": ox.RdfFormat.TURTLE, ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS, ".nquads": ox.RdfFormat.N_QUADS, ".nt": ox.RdfFormat.N_TRIPLES,
    ".jsonld": ox.RdfFormat.JSON_LD, ".json-ld": ox.RdfFormat.JSON_LD, ".rdf": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML, ".owl": ox.RdfFormat.RDF_XML, ".n3": ox.RdfFormat.N3,
}

ID = PREFIXES["kgid"]
#: prefixes written into Turtle, TriG and RDF/XML (not kgid:, whose local names would need escapes)
SERIALIZATION_PREFIXES = {k: v for k, v in PREFIXES.items() if k != "kgid"}
_KINDS = {"person": "person", "country": "country", "org": "organization"}
_N = ox.NamedNode
_DG = ox.DefaultGraph()


def _t(curie: str) -> ox.NamedNode:
    prefix, _, local = curie.partition(":")
    return _N(PREFIXES[prefix] + local)


# the terms used, as pyoxigraph NamedNodes built once
A = _t("rdf:type")
LABEL, NAME, ALT = _t("rdfs:label"), _t("schema:name"), _t("schema:alternateName")
SAME_AS = _t("owl:sameAs")
XSD_STRING, XSD_DATE, XSD_DECIMAL = _t("xsd:string"), _t("xsd:date"), _t("xsd:decimal")
XSD_NNI, XSD_GYEAR, XSD_GYM = _t("xsd:nonNegativeInteger"), _t("xsd:gYear"), _t("xsd:gYearMonth")
C_PERSON, C_COUNTRY, C_ORG, C_THING = (_t("schema:Person"), _t("schema:Country"),
                                       _t("schema:Organization"), _t("schema:Thing"))
C_OFFICIAL, C_FORMAL_ORG, C_SEM_ACTOR = _t("kg:Official"), _t("org:FormalOrganization"), _t("sem:Actor")
ISO2, ISO3 = _t("kg:iso3166Alpha2"), _t("kg:iso3166Alpha3")
C_POST, C_KG_POST, C_ROLE = _t("org:Post"), _t("kg:Post"), _t("org:Role")
C_TENURE, C_MEMBERSHIP = _t("kg:Tenure"), _t("org:Membership")
HOLDS, POST_IN, ROLE, MEMBER, ORGANIZATION = (_t("org:holds"), _t("org:postIn"), _t("org:role"),
                                              _t("org:member"), _t("org:organization"))
TITLE, POST, BODY_NAME, FIRST_SEEN, LAST_SEEN = (_t("kg:title"), _t("kg:post"), _t("kg:bodyName"),
                                                 _t("kg:firstSeen"), _t("kg:lastSeen"))
MEMBER_DURING, C_INTERVAL, C_INSTANT = _t("org:memberDuring"), _t("time:Interval"), _t("time:Instant")
HAS_BEGINNING, HAS_END, IN_XSD_DATE = _t("time:hasBeginning"), _t("time:hasEnd"), _t("time:inXSDDate")
C_PLACE, C_SEM_PLACE = _t("schema:Place"), _t("sem:Place")
C_ARTICLE, C_ARTICLE_GRAPH = _t("schema:NewsArticle"), _t("kg:ArticleGraph")
IDENTIFIER, URL, PUBLISHED, HEADLINE, MENTIONS = (_t("schema:identifier"), _t("schema:url"),
                                                  _t("schema:datePublished"), _t("schema:headline"),
                                                  _t("schema:mentions"))
DERIVED, QUOTED = _t("prov:wasDerivedFrom"), _t("prov:wasQuotedFrom")
C_MEETING, C_COMMITMENT, C_SEM_EVENT, C_EVENT = (_t("kg:Meeting"), _t("kg:Commitment"),
                                                 _t("sem:Event"), _t("schema:Event"))
ACTOR, HOST, GUEST, COUNTERPART = _t("sem:hasActor"), _t("kg:host"), _t("kg:guest"), _t("kg:counterpart")
START, HAS_PLACE, LOCATION = _t("schema:startDate"), _t("sem:hasPlace"), _t("schema:location")
OCCASION, STATUS, MODE, CONFIDENCE = _t("kg:occasion"), _t("kg:status"), _t("kg:mode"), _t("kg:confidence")
PLOVER, CAMEO, CONTENT, EVIDENCE, RULE = (_t("kg:ploverType"), _t("kg:cameoType"), _t("kg:content"),
                                          _t("kg:evidence"), _t("kg:rule"))
EVENT_STATUS, ATTENDANCE = _t("schema:eventStatus"), _t("schema:eventAttendanceMode")
C_SPAN, C_NIF_SPAN = _t("kg:EvidenceSpan"), _t("nif:OffsetBasedString")
ANCHOR, BEGIN, END = _t("nif:anchorOf"), _t("nif:beginIndex"), _t("nif:endIndex")

_EVENT_STATUS = {"planned": _t("schema:EventScheduled"), "cancelled": _t("schema:EventCancelled")}
_ATTENDANCE = {"in person": _t("schema:OfflineEventAttendanceMode"),
               "phone": _t("schema:OnlineEventAttendanceMode"),
               "video": _t("schema:OnlineEventAttendanceMode")}

#: the same terms in N-Triples form, for the text the exports are written from
W = SimpleNamespace(**{k: f"<{v.value}>" for k, v in dict(globals()).items()
                       if isinstance(v, ox.NamedNode) and k.isupper()})
_EVENT_STATUS_W = {k: f"<{v.value}>" for k, v in _EVENT_STATUS.items()}
_ATTENDANCE_W = {k: f"<{v.value}>" for k, v in _ATTENDANCE.items()}

_QID = re.compile(r"Q[1-9][0-9]*\Z")
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\Z")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f]')


# ---------------------------------------------------------------- IRIs

_SAFE = re.compile(r"[A-Za-z0-9._~-]+\Z")


def _seg(s: object) -> str:
    s = str(s)
    return s if _SAFE.match(s) else quote(s, safe="-._~")


def node_iri(node: str) -> str:
    """``person:yoshimasa-hayashi`` -> ``https://w3id.org/kg-diplomacy/id/person/yoshimasa-hayashi``."""
    prefix, sep, rest = node.partition(":")
    if sep and rest and prefix in _KINDS:
        return f"{ID}{prefix}/{_seg(rest)}"
    return f"{ID}node/{_seg(node)}"


def node_id_of(iri: str) -> str:
    """The node id an entity IRI was minted from (a foreign IRI is its own id)."""
    if iri.startswith(ID):
        prefix, _, rest = iri[len(ID):].partition("/")
        if prefix in _KINDS and rest:
            return f"{prefix}:{unquote(rest)}"
        if prefix == "node" and rest:
            return unquote(rest)
    return iri


def article_iri(article_id: str) -> str:
    return f"{ID}article/{_seg(article_id)}"


def graph_iri(article_id: str) -> str:
    """The named graph holding one article's facts."""
    return f"{ID}graph/{_seg(article_id)}"


def event_iri(eid: str) -> str:
    return f"{ID}event/{_seg(eid)}"


def _event_id_of(iri: str) -> str:
    return unquote(iri[len(ID) + 6:]) if iri.startswith(ID + "event/") else iri


def _iri(iri: str) -> str:
    return f"<{iri}>"


def _url_term(url: str) -> str:
    """An absolute URL as an IRI (characters IRIs forbid percent-encoded); anything else a literal."""
    if _SCHEME.match(url):
        iri = _IRI_BAD.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), url)
        try:
            ox.NamedNode(iri)  # an untrusted URL must be a valid IRI before it goes into the text
            return f"<{iri}>"
        except ValueError:
            pass
    return _lit(url)


# ---------------------------------------------------------------- literals, as N-Triples text

_ESCAPES = {0x5C: "\\\\", 0x22: '\\"', 0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t", 0x08: "\\b", 0x0C: "\\f"}
_ESCAPES.update({c: f"\\u{c:04X}" for c in [*range(0x20), 0x7F] if c not in _ESCAPES})


def _lit(s: object) -> str:
    """A plain (xsd:string) literal in canonical N-Triples form."""
    return '"' + str(s).translate(_ESCAPES) + '"'


def _typed(lexical: str, datatype: str) -> str:
    return '"' + lexical.translate(_ESCAPES) + '"^^' + datatype


_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


@lru_cache(maxsize=1 << 16)
def _date(s: str | None) -> str | None:
    """xsd:date for YYYY-MM-DD, xsd:gYearMonth / xsd:gYear for partial dates, else a plain literal."""
    if not s:
        return None
    m = _DATE.match(str(s))
    if m:
        y, mo, d = m.groups()
        try:
            if d:
                _dt.date(int(y), int(mo), int(d))
                return _typed(s, W.XSD_DATE)
            if mo and 1 <= int(mo) <= 12:
                return _typed(s, W.XSD_GYM)
            if not mo:
                return _typed(s, W.XSD_GYEAR)
        except ValueError:
            pass
    return _lit(s)


@lru_cache(maxsize=1 << 16)
def _decimal(x: float) -> str:
    return _typed(format(Decimal(repr(float(x))), "f"), W.XSD_DECIMAL)


@lru_cache(maxsize=1 << 16)
def _nni(n: int) -> str:
    return _typed(str(int(n)), W.XSD_NNI)


@lru_cache(maxsize=1 << 12)
def _short_lit(s: str) -> str:
    """A literal for a value that repeats (status, mode, rule, occasion): built once."""
    return _lit(s)


@lru_cache(maxsize=1 << 12)
def _evt(local: str) -> str:
    return f"<{PREFIXES['evt']}{_seg(local)}>"


# ---------------------------------------------------------------- graph -> quads

Row = tuple[str, str, str, str]  # subject, predicate, object, graph ("" = default) in N-Triples syntax


def to_rows(g: nx.MultiDiGraph) -> list[Row]:
    """Every fact of the graph as a row of N-Triples terms, in a deterministic order.

    Text, not pyoxigraph objects: building a Python object per quad costs about 2 µs, a
    formatted string a tenth of that, and pyoxigraph parses the text back in Rust."""
    out: list[Row] = []
    gc_was_enabled = gc.isenabled()
    gc.disable()  # a million small tuples: the cyclic collector only slows their creation down
    try:
        _entity_and_article_rows(g, out.append)
    finally:
        if gc_was_enabled:
            gc.enable()
    return out


def nquads(rows: Iterable[Row]) -> str:
    """N-Quads text of the rows (deterministic order)."""
    return "".join(f"{s} {p} {o} {g} .\n" if g else f"{s} {p} {o} .\n" for s, p, o, g in rows)


def to_nquads(g: nx.MultiDiGraph) -> str:
    """The graph as an N-Quads document: one named graph per article, entities in the default graph."""
    return nquads(to_rows(g))


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "replace")  # a lone surrogate from a broken input becomes "?"


def to_quads(g: nx.MultiDiGraph) -> list[ox.Quad]:
    """Every fact of the graph as a pyoxigraph quad, in a deterministic order."""
    return list(ox.parse(input=_encode(to_nquads(g)), format=ox.RdfFormat.N_QUADS))


def _entity_and_article_rows(g, emit) -> None:
    iris: dict[str, str] = {}

    def node(n: str) -> str:
        t = iris.get(n)
        if t is None:
            t = iris[n] = _iri(node_iri(n))
        return t

    nodes = g.nodes
    events = g.graph.get("events") or {}
    articles = g.graph.get("articles") or {}
    places: dict[str, str] = {}
    dates: dict[str, str] = {}
    seen_posts: set[str] = set()
    mentions: dict[str, list[str]] = defaultdict(list)

    def label(n: str | None) -> str:
        return str(nodes[n].get("label", n)) if n in nodes else str(n)

    def date_node(s: str) -> str:
        t = dates.get(s)
        if t is None:
            t = dates[s] = _iri(f"{ID}date/{s}")
        return t

    # entities, in the default graph
    for n in sorted(nodes):
        d = nodes[n]
        s = node(n)
        kind = d.get("kind")
        for a in d.get("articles") or []:
            mentions[a].append(n)
        if kind == "person":
            emit((s, W.A, W.C_PERSON, ""))
            emit((s, W.A, W.C_OFFICIAL, ""))
        elif kind == "country":
            emit((s, W.A, W.C_COUNTRY, ""))
        elif kind == "organization":
            emit((s, W.A, W.C_ORG, ""))
            emit((s, W.A, W.C_FORMAL_ORG, ""))
        else:
            emit((s, W.A, W.C_THING, ""))
        emit((s, W.A, W.C_SEM_ACTOR, ""))
        lab = _lit(d.get("label") or n)
        emit((s, W.LABEL, lab, ""))
        emit((s, W.NAME, lab, ""))
        for alias in d.get("aliases") or []:
            emit((s, W.ALT, _lit(alias), ""))
        if d.get("iso2"):
            emit((s, W.ISO2, _lit(d["iso2"]), ""))
        if d.get("iso3"):
            emit((s, W.ISO3, _lit(d["iso3"]), ""))
        if d.get("wikidata") and _QID.match(str(d["wikidata"])):
            emit((s, W.SAME_AS, _iri(PREFIXES["wd"] + d["wikidata"]), ""))
        posts = d.get("posts") or []
        for p in posts:
            emit((s, W.HOLDS, _iri(f"{ID}post/{_post_key(p, nodes)}"), ""))
        for p in posts:
            _post_quads(emit, n, s, p, node, label, date_node, seen_posts, nodes)

    for text, iri in sorted(_places(events).items()):
        places[text] = t = _iri(iri)
        emit((t, W.A, W.C_PLACE, ""))
        emit((t, W.A, W.C_SEM_PLACE, ""))
        emit((t, W.LABEL, _lit(text), ""))
        emit((t, W.NAME, _lit(text), ""))
    for s, t in sorted(dates.items()):
        emit((t, W.A, W.C_INSTANT, ""))
        emit((t, W.IN_XSD_DATE, _typed(s, W.XSD_DATE), ""))

    # one named graph per article
    by_article: dict[str, list[str]] = defaultdict(list)
    for eid in sorted(events):
        by_article[str(events[eid].get("article"))].append(eid)
    for aid in sorted(set(articles) | set(by_article)):
        rec = articles.get(aid) or {"id": aid}
        gr = _iri(graph_iri(aid))
        art = _iri(article_iri(aid))
        emit((gr, W.A, W.C_ARTICLE_GRAPH, gr))
        emit((gr, W.DERIVED, art, gr))
        emit((art, W.A, W.C_ARTICLE, gr))
        emit((art, W.IDENTIFIER, _lit(aid), gr))
        if rec.get("url"):
            emit((art, W.URL, _url_term(str(rec["url"])), gr))
        if rec.get("published") and (pub := _date(rec["published"])) is not None:
            emit((art, W.PUBLISHED, pub, gr))
        if rec.get("title"):
            emit((art, W.HEADLINE, _lit(rec["title"]), gr))
        for n in mentions.get(aid, ()):
            emit((art, W.MENTIONS, node(n), gr))
        spans: set[str] = set()
        for eid in by_article.get(aid, ()):
            _event_quads(emit, events[eid], eid, art, gr, node, label, places, spans)


def _places(events: dict) -> dict[str, str]:
    return {str(r["place"]): f"{ID}place/{_seg(r['place'])}" for r in events.values() if r.get("place")}


def _post_quads(emit, n, s, p, node, label, date_node, seen_posts, nodes) -> None:
    title, body = p.get("title") or "", p.get("of")
    body = body if body in nodes else None
    pkey = _post_key(p, nodes)
    post = _iri(f"{ID}post/{pkey}")
    role = _iri(f"{ID}role/{_seg(title) or 'x'}")
    if pkey not in seen_posts:
        seen_posts.add(pkey)
        emit((post, W.A, W.C_POST, ""))
        emit((post, W.A, W.C_KG_POST, ""))
        emit((post, W.TITLE, _lit(title), ""))
        emit((post, W.LABEL, _lit(f"{title} of {label(body)}" if body else title), ""))
        emit((post, W.ROLE, role, ""))
        if body:
            emit((post, W.POST_IN, node(body), ""))
        if "role:" + title not in seen_posts:
            seen_posts.add("role:" + title)
            emit((role, W.A, W.C_ROLE, ""))
            emit((role, W.LABEL, _lit(title), ""))
    ten = _iri(f"{ID}tenure/{event_id(n, title, body)}")
    emit((ten, W.A, W.C_TENURE, ""))
    emit((ten, W.A, W.C_MEMBERSHIP, ""))
    emit((ten, W.MEMBER, s, ""))
    emit((ten, W.POST, post, ""))
    emit((ten, W.ROLE, role, ""))
    if body:
        emit((ten, W.ORGANIZATION, node(body), ""))
    if p.get("of_label"):
        emit((ten, W.BODY_NAME, _lit(p["of_label"]), ""))
    first, last = _date(p.get("first_seen")), _date(p.get("last_seen"))
    if first is not None:
        emit((ten, W.FIRST_SEEN, first, ""))
    if last is not None:
        emit((ten, W.LAST_SEEN, last, ""))
    for a in p.get("articles") or []:
        emit((ten, W.DERIVED, _iri(article_iri(a)), ""))
    if _FULL_DATE.match(str(p.get("first_seen") or "")) and _FULL_DATE.match(str(p.get("last_seen") or "")) \
            and first is not None and last is not None and first.endswith(W.XSD_DATE) and last.endswith(W.XSD_DATE):
        iv = ten[:-1] + "/seen>"
        emit((ten, W.MEMBER_DURING, iv, ""))
        emit((iv, W.A, W.C_INTERVAL, ""))
        emit((iv, W.HAS_BEGINNING, date_node(p["first_seen"]), ""))
        emit((iv, W.HAS_END, date_node(p["last_seen"]), ""))


def _post_key(p: dict, nodes) -> str:
    """The hash of a post's IRI: that of the holds_post edge key of :mod:`kg.graph`."""
    body = p.get("of")
    return event_id(p.get("title") or "", body if body in nodes else None)


def _event_quads(emit, r: dict, eid: str, art, gr, node, label, places, spans: set[str]) -> None:
    e = _iri(event_iri(eid))
    meeting = r.get("kind") == "meeting"
    parties = r.get("participants") if meeting else r.get("actors")
    parties = [p for p in parties or [] if p]
    emit((e, W.A, W.C_MEETING if meeting else W.C_COMMITMENT, gr))
    emit((e, W.A, W.C_SEM_EVENT, gr))
    emit((e, W.A, W.C_EVENT, gr))
    names = ", ".join(label(p) for p in parties)
    what = "meeting" if meeting else "commitment"
    emit((e, W.LABEL, _lit(f"{what}: {names}" + (f" ({r['date']})" if r.get("date") else "")), gr))
    for p in parties:
        emit((e, W.ACTOR, node(p), gr))
    if meeting:
        if r.get("host"):
            emit((e, W.HOST, node(r["host"]), gr))
        if r.get("guest"):
            emit((e, W.GUEST, node(r["guest"]), gr))
    else:
        if r.get("counterpart"):
            emit((e, W.COUNTERPART, node(r["counterpart"]), gr))
        if r.get("content"):
            emit((e, W.CONTENT, _lit(r["content"]), gr))
    if r.get("date") and (d := _date(str(r["date"]))) is not None:
        emit((e, W.START, d, gr))
    if r.get("place"):
        pl = places[str(r["place"])]
        emit((e, W.HAS_PLACE, pl, gr))
        emit((e, W.LOCATION, pl, gr))
    if r.get("occasion"):
        emit((e, W.OCCASION, _short_lit(str(r["occasion"])), gr))
    if r.get("status"):
        emit((e, W.STATUS, _short_lit(str(r["status"])), gr))
        if r["status"] in _EVENT_STATUS:
            emit((e, W.EVENT_STATUS, _EVENT_STATUS_W[r["status"]], gr))
    if r.get("mode"):
        emit((e, W.MODE, _short_lit(str(r["mode"])), gr))
        if r["mode"] in _ATTENDANCE:
            emit((e, W.ATTENDANCE, _ATTENDANCE_W[r["mode"]], gr))
    conf = r.get("confidence")
    if isinstance(conf, (int, float)) and not isinstance(conf, bool) and math.isfinite(conf):
        emit((e, W.CONFIDENCE, _decimal(float(conf)), gr))
    if r.get("plover"):
        code = str(r["plover"]) + (f"-{r['plover_mode']}" if r.get("plover_mode") else "")
        emit((e, W.PLOVER, _evt(code), gr))
    if r.get("cameo"):
        emit((e, W.CAMEO, _evt(f"cameo-{r['cameo']}"), gr))
    if r.get("rule"):
        emit((e, W.RULE, _short_lit(str(r["rule"])), gr))
    emit((e, W.DERIVED, art, gr))
    start, end = r.get("evidence_start"), r.get("evidence_end")
    has_offsets = isinstance(start, int) and isinstance(end, int) and 0 <= start <= end
    if r.get("evidence") or has_offsets:
        span = f"{art[:-1]}#char={start},{end}>" if has_offsets else f"{e[:-1]}#evidence>"
        emit((e, W.EVIDENCE, span, gr))
        if span not in spans:
            spans.add(span)
            emit((span, W.A, W.C_SPAN, gr))
            emit((span, W.A, W.C_NIF_SPAN, gr))
            if r.get("evidence"):
                emit((span, W.ANCHOR, _lit(r["evidence"]), gr))
            if has_offsets:
                emit((span, W.BEGIN, _nni(start), gr))
                emit((span, W.END, _nni(end), gr))
            emit((span, W.QUOTED, art, gr))


def to_store(g: nx.MultiDiGraph, quads: Iterable[ox.Quad] | None = None) -> ox.Store:
    """An in-memory pyoxigraph store holding the graph's quads (or the quads given)."""
    store = ox.Store()
    if quads is None:
        store.load(input=_encode(to_nquads(g)), format=ox.RdfFormat.N_QUADS)
    else:
        store.extend(quads)
    return store


def _rdflib_term(t):
    import rdflib
    if isinstance(t, ox.NamedNode):
        return rdflib.URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return rdflib.BNode(t.value)
    if t.language:
        return rdflib.Literal(t.value, lang=t.language)
    if t.datatype == XSD_STRING:
        return rdflib.Literal(t.value)
    return rdflib.Literal(t.value, datatype=rdflib.URIRef(t.datatype.value))


def to_rdflib_graph(quads: Iterable[ox.Quad]):
    """The union of the quads' graphs as one rdflib Graph (for pyshacl and rdflib's API)."""
    import rdflib
    graph = rdflib.Graph()
    for prefix, iri in SERIALIZATION_PREFIXES.items():
        graph.bind(prefix, iri, override=True, replace=True)
    T = _rdflib_term
    graph.addN((T(q.subject), T(q.predicate), T(q.object), graph) for q in quads)
    return graph


def load_quads(path: str | Path) -> list[ox.Quad]:
    """Every quad of a graph file (any RDF syntax, or GraphML/GEXF/node-link via :func:`read_graph`)."""
    path = Path(path)
    _check_readable(path)
    fmt = rdf_format_of(path)
    if fmt is None:
        return list(to_quads(read_graph(path)))
    try:
        return list(ox.parse(path=str(path), format=fmt))
    except (SyntaxError, ValueError, OSError) as e:
        raise InputError(f"{path}: not valid {fmt.name}: {_one_line(e)}") from None


def to_dataset(g: nx.MultiDiGraph, quads: Iterable[ox.Quad] | None = None):
    """An rdflib Dataset: one named graph per article, entity descriptions in the default graph.

    ``default_union`` is on, so SPARQL over the dataset sees every graph."""
    import rdflib
    ds = rdflib.Dataset(default_union=True)
    for prefix, iri in SERIALIZATION_PREFIXES.items():
        ds.bind(prefix, iri, override=True, replace=True)
    contexts: dict[str, Any] = {}

    def ctx(gn):
        if isinstance(gn, ox.DefaultGraph):
            return ds.default_graph
        c = contexts.get(gn.value)
        if c is None:
            c = contexts[gn.value] = ds.graph(rdflib.URIRef(gn.value))
        return c

    T = _rdflib_term
    ds.addN((T(q.subject), T(q.predicate), T(q.object), ctx(q.graph_name))
            for q in (to_quads(g) if quads is None else quads))
    return ds


# ---------------------------------------------------------------- writing

def write_graph(g: nx.MultiDiGraph, out_dir: str | Path, formats: Iterable[str] = ("turtle",)) -> list[Path]:
    """Write ``graph.<ext>`` in each format into ``out_dir`` atomically; return the paths written."""
    formats = list(dict.fromkeys(formats))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise KgError(f"unknown format {unknown[0]!r}: choose from {', '.join(FORMATS)}")
    out = Path(out_dir)
    rows: list[Row] | None = None
    paths = []
    for fmt in formats:
        path = out / f"graph.{FORMATS[fmt]}"
        if fmt in ("graphml", "gexf", "node-link"):
            _write_networkx(g, path, fmt)
        else:
            if rows is None:
                rows = to_rows(g)
            write_rows(rows, path, fmt)
        paths.append(path)
    return paths


def write_rows(rows: list[Row], path: str | Path, fmt: str) -> None:
    """Serialize rows (:func:`to_rows`) to ``path`` atomically in one RDF format (a key of :data:`FORMATS`)."""
    if fmt == "nquads":
        data = _encode(nquads(rows))
    elif fmt == "nt":
        data = ntriples(rows)
    elif fmt == "turtle":
        data = _encode(turtle(rows, named_graphs=False))
    elif fmt == "trig":
        data = _encode(turtle(rows, named_graphs=True))
    elif fmt == "xml":  # not through a Store: it would turn xsd:nonNegativeInteger into xsd:integer
        triples = ox.parse(input=_encode(nquads((s, p, o, "") for s, p, o, _ in rows)), format=ox.RdfFormat.N_TRIPLES)
        data = ox.serialize((_xml_safe(q.triple) for q in triples), format=ox.RdfFormat.RDF_XML,
                            prefixes=SERIALIZATION_PREFIXES)
        data = data.replace(b"\r", b"&#13;")  # XML parsers turn a raw CR into LF (IRIs never hold one)
    elif fmt == "json-ld":
        data = jsonld(ox.parse(input=_encode(nquads(rows)), format=ox.RdfFormat.N_QUADS)).encode("utf-8")
    else:
        raise KgError(f"unknown RDF format {fmt!r}")
    with atomic_open(path, "wb") as f:
        f.write(data)


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_safe(t: ox.Triple) -> ox.Triple:
    """XML 1.0 cannot carry most control characters: in RDF/XML they become U+FFFD."""
    o = t.object
    if isinstance(o, ox.Literal) and _NOT_XML.search(o.value):
        value = _NOT_XML.sub("\ufffd", o.value)
        o = ox.Literal(value, language=o.language) if o.language else ox.Literal(value, datatype=o.datatype)
        return ox.Triple(t.subject, t.predicate, o)
    return t


def ntriples(rows: Iterable[Row]) -> bytes:
    """Sorted, duplicate-free N-Triples of the union of the graphs: byte-identical for the same facts."""
    lines = sorted({f"{s} {p} {o} ." for s, p, o, _ in rows})
    return _encode("\n".join(lines) + "\n") if lines else b""


_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")


def turtle(rows: Iterable[Row], named_graphs: bool = False) -> str:
    """Turtle (or TriG with ``named_graphs``) of the rows: our prefixes, one block per subject.

    Rows arrive grouped by graph and subject (:func:`to_rows` emits them so); a subject or graph
    that comes back later simply starts another block, which is still the same RDF."""
    prefixes = sorted(SERIALIZATION_PREFIXES.items(), key=lambda kv: -len(kv[1]))
    rdf_type = f"<{PREFIXES['rdf']}type>"
    cache: dict[str, str] = {rdf_type: "a"}

    def c(term: str) -> str:
        t = cache.get(term)
        if t is None:
            t = term
            if term.startswith("<"):
                iri = term[1:-1]
                for prefix, ns in prefixes:
                    if iri.startswith(ns) and _LOCAL.match(iri[len(ns):]):
                        t = f"{prefix}:{iri[len(ns):]}"
                        break
            elif "\"^^<" in term:
                lex, _, dt = term.rpartition("^^")
                t = f"{lex}^^{c(dt)}"
            if len(cache) < 100_000:
                cache[term] = t
        return t

    out = [f"@prefix {k}: <{v}> .\n" for k, v in sorted(SERIALIZATION_PREFIXES.items())]
    out.append("\n")
    graph, subject, predicate, indent = None, None, None, ""
    for s, p, o, g in rows:
        g = g if named_graphs else ""
        if g != graph:
            if subject is not None:
                out.append(" .\n")
            if graph:
                out.append("}\n")
            if g:
                out.append(f"{g} {{\n")
            graph, subject, indent = g, None, "\t" if g else ""
        if s == subject and p == predicate:
            out.append(f" , {c(o)}")
        elif s == subject:
            out.append(f" ;\n{indent}\t{c(p)} {c(o)}")
        else:
            if subject is not None:
                out.append(" .\n")
            out.append(f"{indent}{s} {c(p)} {c(o)}")
            subject = s
        predicate = p
    if subject is not None:
        out.append(" .\n")
    if graph:
        out.append("}\n")
    return "".join(out)


def jsonld(quads: Iterable[ox.Quad]) -> str:
    """Compact-IRI JSON-LD with an inline context of our prefixes; named graphs as ``@graph`` nodes."""
    prefixes = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))
    cache: dict[str, str] = {}

    def compact(iri: str) -> str:
        c = cache.get(iri)
        if c is None:
            c = iri
            for prefix, ns in prefixes:
                if iri.startswith(ns) and len(iri) > len(ns) and not iri[len(ns):].startswith("//"):
                    c = f"{prefix}:{iri[len(ns):]}"
                    break
            cache[iri] = c
        return c

    def value(o):
        if isinstance(o, ox.NamedNode):
            return {"@id": compact(o.value)}
        if isinstance(o, ox.BlankNode):
            return {"@id": f"_:{o.value}"}
        if o.language:
            return {"@value": o.value, "@language": o.language}
        if o.datatype == XSD_STRING:
            return o.value
        return {"@value": o.value, "@type": compact(o.datatype.value)}

    graphs: dict[str, dict[str, dict[str, list]]] = {}
    for q in quads:
        gname = "" if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
        subjects = graphs.setdefault(gname, {})
        s = q.subject.value if isinstance(q.subject, ox.NamedNode) else f"_:{q.subject.value}"
        props = subjects.get(s)
        if props is None:
            props = subjects[s] = {"@id": compact(s) if not s.startswith("_:") else s}
        if q.predicate == A:
            props.setdefault("@type", []).append(compact(q.object.value))
        else:
            props.setdefault(compact(q.predicate.value), []).append(value(q.object))
    top = list(graphs.get("", {}).values())
    for gname in sorted(k for k in graphs if k):
        top.append({"@id": compact(gname), "@graph": list(graphs[gname].values())})
    doc = {"@context": dict(PREFIXES), "@graph": top}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


#: attributes of the graph contract that hold lists or dicts (JSON-encoded in GraphML and GEXF)
_JSON_KEYS = {"aliases", "articles", "posts", "participants", "actors", "events"}


def _scalar(v) -> bool:
    return isinstance(v, (str, int, float, bool))


def _flatten(g: nx.MultiDiGraph, graph_attrs: bool = True) -> nx.MultiDiGraph:
    """A copy whose attribute values GraphML and GEXF can hold: lists and dicts JSON-encoded
    (the names of such keys recorded in graph attributes), None values left out and their
    names listed in ``kg_null``, the edge key kept as ``kg_key``."""
    def json_keys(dicts: Iterable[dict]) -> set[str]:
        keys: set[str] = set()
        for d in dicts:
            keys.update(k for k, v in d.items() if v is not None and not _scalar(v))
        return keys

    def enc(d: dict, keys: set[str]) -> dict:
        out = {k: json.dumps(v, ensure_ascii=False, sort_keys=True, default=_json_default) if k in keys else v
               for k, v in d.items() if not k.startswith("_") and v is not None}
        nulls = sorted(k for k, v in d.items() if not k.startswith("_") and v is None)
        if nulls:
            out["kg_null"] = json.dumps(nulls)
        return out

    nkeys = json_keys(d for _, d in g.nodes(data=True))
    ekeys = json_keys(d for *_, d in g.edges(keys=True, data=True))
    h = nx.MultiDiGraph()
    if graph_attrs:
        gdata = {k: v for k, v in g.graph.items() if not k.startswith("_")}
        gkeys = json_keys([gdata])
        h.graph.update(enc(gdata, gkeys))
        h.graph["kg_json_graph"] = json.dumps(sorted(gkeys))
        h.graph["kg_json_node"] = json.dumps(sorted(nkeys))
        h.graph["kg_json_edge"] = json.dumps(sorted(ekeys))
    for n in sorted(g.nodes):
        h.add_node(n, **enc(g.nodes[n], nkeys))
    for u, v, k, d in sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2]))):
        h.add_edge(u, v, key=k, kg_key=json.dumps(k), **enc(d, ekeys))
    return h


_FORMAT_KEYS = {"kg_json_graph", "kg_json_node", "kg_json_edge", "node_default", "edge_default", "mode", "name"}


def _unflatten(h: nx.Graph) -> nx.MultiDiGraph:
    """Undo :func:`_flatten`: decode JSON values, restore None values and edge keys."""
    if not h.is_multigraph():
        h = nx.MultiDiGraph(h)
    keys = {c: set(json.loads(h.graph[f"kg_json_{c}"])) if f"kg_json_{c}" in h.graph else _JSON_KEYS
            for c in ("graph", "node", "edge")}

    def dec(d: dict, ks: set[str]) -> dict:
        out = {k: json.loads(v) if k in ks and isinstance(v, str) else v for k, v in d.items()
               if k not in ("kg_key", "kg_null", "id", "networkx_key")}
        out.update(dict.fromkeys(json.loads(d.get("kg_null", "[]"))))
        return out

    g = nx.MultiDiGraph()
    g.graph.update(dec({k: v for k, v in h.graph.items() if k not in _FORMAT_KEYS}, keys["graph"]))
    nodes = [(n, dec(d, keys["node"])) for n, d in h.nodes(data=True)]
    edges = [(u, v, json.loads(d["kg_key"]) if "kg_key" in d else k, dec(d, keys["edge"]))
             for u, v, k, d in h.edges(keys=True, data=True)]
    g.add_nodes_from(nodes)
    for u, v, k, d in edges:
        g.add_edge(u, v, key=k, **d)
    return g


def _write_networkx(g: nx.MultiDiGraph, path: Path, fmt: str) -> None:
    if fmt == "node-link":
        h = nx.MultiDiGraph()
        h.graph.update({k: v for k, v in g.graph.items() if not k.startswith("_")})
        h.add_nodes_from(sorted(g.nodes(data=True), key=lambda x: x[0]))
        h.add_edges_from(sorted(g.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2]))))
        data = nx.node_link_data(h, edges="edges")
        with atomic_open(path, "w") as f:
            json.dump(data, f, ensure_ascii=False, sort_keys=True, indent=1, default=_json_default)
            f.write("\n")
        return
    h = _flatten(g, graph_attrs=(fmt == "graphml"))
    with atomic_open(path, "wb") as f:
        if fmt == "graphml":
            nx.write_graphml(h, f)
        else:
            nx.write_gexf(h, f)


def _json_default(o):
    if isinstance(o, (set, frozenset)):
        return sorted(o)
    raise TypeError(f"not JSON serialisable: {type(o).__name__}")


# ---------------------------------------------------------------- reading

def rdf_format_of(path: str | Path) -> ox.RdfFormat | None:
    return _RDF_EXT.get(Path(path).suffix.lower())


def _check_readable(path: Path) -> None:
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not a graph file")


def _one_line(e: BaseException) -> str:
    return " ".join(str(e).split()) or type(e).__name__


def load_store(path: str | Path) -> ox.Store:
    """A pyoxigraph store holding the graph in ``path`` (any RDF syntax, or GraphML/GEXF/node-link)."""
    path = Path(path)
    _check_readable(path)
    fmt = rdf_format_of(path)
    if fmt is None:
        return to_store(read_graph(path))
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except (SyntaxError, ValueError, OSError) as e:
        raise InputError(f"{path}: not valid {fmt.name}: {_one_line(e)}") from None
    return store


def read_graph(path: str | Path) -> nx.MultiDiGraph:
    """Read an exported graph (RDF in any syntax, GraphML, GEXF or node-link JSON) back into the
    networkx contract of :mod:`kg.graph`.

    Meeting participants and commitment actors come back sorted by node id (RDF does not order
    them), so a meeting edge may point the other way than in the graph that was written. GEXF
    keeps no graph attributes: its events and articles are rebuilt from the edges."""
    path = Path(path)
    _check_readable(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".graphml":
            return _with_index(_unflatten(nx.read_graphml(path, force_multigraph=True)))
        if suffix == ".gexf":
            return _with_index(_from_edges(_unflatten(nx.read_gexf(path))))
        if suffix == ".json":
            data = json.loads(path.read_text(encoding="utf-8"))
            edges = "edges" if isinstance(data, dict) and "edges" in data else "links"
            h = nx.node_link_graph(data, directed=True, multigraph=True, edges=edges)
            h.graph.setdefault("events", {})
            h.graph.setdefault("articles", {})
            return _with_index(h)
    except (ValueError, KeyError, TypeError, SyntaxError, AttributeError, nx.NetworkXError) as e:
        raise InputError(f"{path}: not a readable {suffix[1:]} graph: {_one_line(e)}") from None
    fmt = rdf_format_of(path)
    if fmt is None:
        raise InputError(f"{path}: unknown graph format (use .ttl, .trig, .nq, .nt, .jsonld, .rdf, "
                         ".graphml, .gexf or .json)")
    try:
        quads = ox.parse(path=str(path), format=fmt)
        return _with_index(from_quads(quads))
    except (SyntaxError, ValueError, OSError) as e:
        raise InputError(f"{path}: not valid {fmt.name}: {_one_line(e)}") from None


def _with_index(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    g.graph.setdefault("articles", {})
    g.graph.setdefault("events", {})
    idx: dict[str, set[str]] = {}
    for n, d in g.nodes(data=True):
        for name in [d.get("label"), *(d.get("aliases") or [])]:
            f = fold(name)
            if f:
                idx.setdefault(f, set()).add(n)
    g.graph["_name_index"] = idx
    return g


def _from_edges(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Events and articles rebuilt from event edges (for formats that keep no graph attributes)."""
    events = g.graph.setdefault("events", {})
    articles = g.graph.setdefault("articles", {})
    for *_, d in g.edges(keys=True, data=True):
        eid = d.get("event")
        if eid and eid not in events:
            events[eid] = {**{k: v for k, v in d.items() if k != "event"}, "id": eid}
        if d.get("article") and d["article"] not in articles:
            articles[d["article"]] = {"id": d["article"], "url": d.get("url"),
                                      "published": d.get("published"), "title": None}
    return g


def from_quads(quads: Iterable[ox.Quad]) -> nx.MultiDiGraph:
    """The networkx graph described by quads in this module's vocabulary (graph names ignored)."""
    props: dict[Any, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    types: dict[str, set[str]] = defaultdict(set)
    a = A.value
    for q in quads:
        s = q.subject.value if isinstance(q.subject, ox.NamedNode) else "_:" + q.subject.value
        if q.predicate.value == a:
            types[s].add(q.object.value)
        else:
            props[s][q.predicate.value].append(q.object)

    def one(s, p: ox.NamedNode, default=None):
        vals = props[s].get(p.value) if s in props else None
        return vals[0].value if vals else default

    def many(s, p: ox.NamedNode) -> list[str]:
        return [o.value for o in props[s].get(p.value, ())] if s in props else []

    by_type: dict[str, list[str]] = defaultdict(list)
    for s, ts in types.items():
        for t in ts:
            by_type[t].append(s)

    g = nx.MultiDiGraph(articles={}, events={})
    # articles
    art_ids: dict[str, str] = {}
    for s in sorted(by_type[C_ARTICLE.value]):
        aid = one(s, IDENTIFIER) or unquote(s.rsplit("/", 1)[-1])
        art_ids[s] = aid
        g.graph["articles"][aid] = {"id": aid, "url": one(s, URL), "published": one(s, PUBLISHED),
                                    "title": one(s, HEADLINE)}
    mentioned: dict[str, list[str]] = defaultdict(list)
    for s, aid in art_ids.items():
        for n in many(s, MENTIONS):
            mentioned[n].append(aid)

    def aid_of(iri: str) -> str:
        return art_ids.get(iri) or unquote(iri.rsplit("/", 1)[-1])

    # entities
    kinds = [(C_PERSON.value, "person"), (C_COUNTRY.value, "country"), (C_ORG.value, "organization")]
    for t, kind in kinds:
        for s in sorted(by_type[t]):
            n = node_id_of(s)
            d: dict[str, Any] = {"kind": kind, "label": one(s, NAME) or one(s, LABEL) or n,
                                 "aliases": sorted(many(s, ALT))}
            if kind == "person":
                d["posts"] = []
            if kind == "country":
                d["iso2"], d["iso3"] = one(s, ISO2), one(s, ISO3)
            if kind != "person":
                qids = [v[len(PREFIXES["wd"]):] for v in many(s, SAME_AS) if v.startswith(PREFIXES["wd"])]
                d["wikidata"] = qids[0] if qids else None
            d["articles"] = sorted(mentioned.get(s, []))
            g.add_node(n, **d)

    # posts, from tenures
    for s in sorted(by_type[C_TENURE.value]):
        person = one(s, MEMBER)
        if person is None or node_id_of(person) not in g:
            continue
        pn = node_id_of(person)
        post = one(s, POST)
        title = (one(post, TITLE) if post else None) or one(one(s, ROLE), LABEL) or ""
        body_iri = one(s, ORGANIZATION)
        body = node_id_of(body_iri) if body_iri else None
        rec = {"title": title, "of": body, "of_label": one(s, BODY_NAME),
               "first_seen": one(s, FIRST_SEEN), "last_seen": one(s, LAST_SEEN),
               "articles": sorted(aid_of(x) for x in many(s, DERIVED))}
        posts = g.nodes[pn].setdefault("posts", [])
        posts.append(rec)
        posts.sort(key=lambda p: (p["title"], p["of"] or ""))
        if body and body in g:
            g.add_edge(pn, body, key="post:" + event_id(title, body), kind="holds_post", title=title,
                       articles=rec["articles"], first_seen=rec["first_seen"], last_seen=rec["last_seen"])

    # events
    evt = PREFIXES["evt"]
    for t, kind in ((C_MEETING.value, "meeting"), (C_COMMITMENT.value, "commitment")):
        for s in sorted(by_type[t]):
            eid = _event_id_of(s)
            art = one(s, DERIVED)
            aid = aid_of(art) if art else None
            arec = g.graph["articles"].get(aid, {})
            span = one(s, EVIDENCE)
            start, end = one(span, BEGIN) if span else None, one(span, END) if span else None
            plover = one(s, PLOVER)
            plover_code, _, plover_mode = unquote(plover[len(evt):]).partition("-") if plover else ("", "", "")
            cameo = one(s, CAMEO)
            conf = one(s, CONFIDENCE)
            parties = sorted(node_id_of(x) for x in many(s, ACTOR))
            place = one(s, HAS_PLACE)
            rec: dict[str, Any] = {
                "article": aid, "url": arec.get("url"), "published": arec.get("published"),
                "date": one(s, START),
                "plover": plover_code or None,
                "cameo": unquote(cameo[len(evt) + 6:]) if cameo and cameo.startswith(evt + "cameo-") else None,
                "confidence": float(conf) if conf is not None else None,
                "kind": kind, "id": eid,
                "evidence": one(span, ANCHOR, "") if span else "",
                "evidence_start": int(start) if start is not None else -1,
                "evidence_end": int(end) if end is not None else -1,
                "rule": one(s, RULE, ""),
            }
            if kind == "meeting":
                host, guest = one(s, HOST), one(s, GUEST)
                rec.update(place=one(place, NAME) or one(place, LABEL) if place else None,
                           occasion=one(s, OCCASION), status=one(s, STATUS), mode=one(s, MODE),
                           host=node_id_of(host) if host else None, guest=node_id_of(guest) if guest else None,
                           plover_mode=plover_mode or None, participants=parties)
            else:
                cp = one(s, COUNTERPART)
                rec.update(content=one(s, CONTENT, ""), actors=parties,
                           counterpart=node_id_of(cp) if cp else None)
            g.graph["events"][eid] = rec
            add_event_edges(g, rec)
    return g
