"""Merge per-article extractions into one networkx graph.

The graph is a :class:`networkx.MultiDiGraph`:

* nodes ``person:<slug>``, ``country:<ISO2>``, ``org:<id>``, with ``kind`` ("person",
  "country", "organization"), ``label``, ``aliases``, ``articles`` and, per kind, ``posts``
  (persons), ``iso2``/``iso3``/``wikidata`` (countries), ``wikidata`` (organizations);
* edges keyed by event id, ``kind`` "meeting" (one edge per pair of participants),
  "commitment" (actor -> counterpart, or between joint actors) and "holds_post"
  (person -> country or organization), each carrying date, place, evidence and article;
* ``G.graph["events"]``: every meeting and commitment as one record (participants as node ids),
  including events with a single party that no edge can show;
* ``G.graph["articles"]``: the source articles (id, url, published, title).

Entity resolution across articles: the same country (ISO code) or organization (reference id
or name) is one node; a person is matched by full name, by the same names in another order,
by alias, or, for a surname alone, by the one person with that surname (never when two
different people share it). Re-ingesting an article replaces exactly its facts
(:func:`remove_article`).
"""
from __future__ import annotations

import bisect
import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict

import networkx as nx

from .entities import one_edit_apart
from .model import Extraction

__all__ = ["build_graph", "add_extraction", "add_event_edges", "remove_article", "fold", "slug", "event_id", "summary"]


def fold(s: str | None) -> str:
    """Case-, accent- and punctuation-insensitive form of a name."""
    if not s:
        return ""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower().replace("’", "'")
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


def slug(s: str) -> str:
    return fold(s).replace(" ", "-") or "x"


def event_id(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]


class _Resolver:
    """Finds the node of an entity named in one article, creating it when new."""

    def __init__(self, g: nx.MultiDiGraph):
        self.g = g

    def index(self) -> dict[str, set[str]]:
        idx = self.g.graph.setdefault("_name_index", {})
        return idx

    def _add_names(self, node: str, names: Iterable[str]) -> None:
        idx = self.index()
        for n in names:
            f = fold(n)
            if f:
                idx.setdefault(f, set()).add(node)

    def _person_keys(self, node: str) -> None:
        """Index a person node by its tokens in any order and by its first and last token."""
        toks = fold(self.g.nodes[node]["label"]).split()
        if not toks:
            return
        self.g.graph.setdefault("_token_index", {}).setdefault(" ".join(sorted(toks)), set()).add(node)
        ends = self.g.graph.setdefault("_end_index", {})
        for t in {toks[0], toks[-1]}:
            ends.setdefault(t, set()).add(node)

    def person(self, name: str, aliases: list[str], acts_for: Iterable[str] = ()) -> str:
        """The node of a person; ``acts_for`` are the country or body labels of the person's posts
        in this article (a spelling variant is merged only when they do not disagree)."""
        g, idx = self.g, self.index()
        f = fold(name)
        tokens = f.split()
        alive = lambda nodes: {n for n in nodes if n in g and g.nodes[n]["kind"] == "person"}  # noqa: E731
        candidates = alive(idx.get(f, set()))
        if not candidates and len(tokens) >= 2:
            # the same names in another order: "Sakamoto Haruto", "Haruto Sakamoto"
            candidates = alive(g.graph.get("_token_index", {}).get(" ".join(sorted(tokens)), set()))
        if not candidates and len(tokens) >= 2:
            # a spelling or a middle name apart: "Sergey"/"Sergei Volkov", "William (Kip) Otieno"
            ends = g.graph.get("_end_index", {})
            near = alive(ends.get(tokens[-1], set()) | ends.get(tokens[0], set()) | {
                n for t in tokens for n in ends.get(t, set())})
            candidates = {n for n in near if _same_person_name(tokens, fold(g.nodes[n]["label"]).split())
                          and _posts_agree(g.nodes[n], set(acts_for))}
        if not candidates and len(tokens) == 1:
            # a surname alone: the one person whose name ends or starts with it
            candidates = alive(g.graph.get("_end_index", {}).get(tokens[0], set()))
        if len(candidates) == 1:
            node = candidates.pop()
            d = g.nodes[node]
            # prefer the fuller name as the label
            if len(tokens) > len(fold(d["label"]).split()):
                d["aliases"] = sorted(set(d["aliases"]) | {d["label"]})
                d["label"] = name
                self._person_keys(node)
            d["aliases"] = sorted((set(d["aliases"]) | set(aliases)) - {d["label"]})
        else:
            node = "person:" + slug(name)
            while node in g and fold(g.nodes[node]["label"]) != f:
                node += "-2"
            if node not in g:
                # a surname seen alone in an earlier article: the one person it can be becomes
                # this full name ("Sakamoto" first, "Haruto Sakamoto" later)
                lone = set()
                if len(tokens) >= 2:
                    lone = {n for t in {tokens[0], tokens[-1]} for n in alive(idx.get(t, set()))
                            if len(fold(g.nodes[n]["label"]).split()) == 1}
                others = alive(g.graph.get("_end_index", {}).get(tokens[-1], set())) - lone if len(tokens) >= 2 else set()
                if len(lone) == 1 and not others:
                    old = lone.pop()
                    _rename_node(g, old, node)
                    d = g.nodes[node]
                    d["aliases"] = sorted((set(d["aliases"]) | {d["label"]} | set(aliases)) - {name})
                    d["label"] = name
                else:
                    g.add_node(node, kind="person", label=name, aliases=sorted(set(aliases)), posts=[], articles=[])
                self._person_keys(node)
        self._add_names(node, [name, *aliases])
        return node

    def country(self, name: str, iso2: str | None, iso3: str | None = None, wikidata: str | None = None) -> str:
        node = "country:" + (iso2 or slug(name))
        if node not in self.g:
            self.g.add_node(node, kind="country", label=name, aliases=[], iso2=iso2, iso3=iso3,
                            wikidata=wikidata, articles=[])
        self._add_names(node, [name])
        return node

    def organization(self, name: str, aliases: list[str], oid: str | None, wikidata: str | None) -> str:
        g, idx = self.g, self.index()
        node = "org:" + oid if oid else None
        if node is None:
            hits = {n for a in [name, *aliases] for n in idx.get(fold(a), set())
                    if g.nodes[n]["kind"] == "organization"}
            node = hits.pop() if len(hits) == 1 else "org:" + slug(name)
        if node not in g:
            g.add_node(node, kind="organization", label=name, aliases=sorted(set(aliases)),
                       wikidata=wikidata, articles=[])
        else:
            d = g.nodes[node]
            d["aliases"] = sorted((set(d["aliases"]) | set(aliases) | {name}) - {d["label"]})
        self._add_names(node, [name, *aliases])
        return node


def _same_person_name(a: list[str], b: list[str]) -> bool:
    """Folded name tokens of one person written two ways: each token the same or one edit apart
    (five letters or more), or one name the other with middle names left out."""
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1 and all(
            x == y or (min(len(x), len(y)) >= 5 and one_edit_apart(x, y)) for x, y in zip(a, b))
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if len(short) < 2 or short[0] != long_[0] or short[-1] != long_[-1] or any(len(t) == 1 for t in short):
        return False  # "George W. Bush" is not "George H. W. Bush"
    rest = iter(long_)
    return all(t in rest for t in short)  # in order


def _posts_agree(node: dict, acts_for: set[str]) -> bool:
    known = {p["of_label"] for p in node.get("posts", []) if p.get("of_label")}
    return not known or not acts_for or bool(known & acts_for)


def _rename_node(g: nx.MultiDiGraph, old: str, new: str) -> None:
    """Give a node a new id everywhere: edges, event records and name indexes."""
    nx.relabel_nodes(g, {old: new}, copy=False)
    for rec in g.graph.get("events", {}).values():
        for key in ("participants", "actors"):
            if old in rec.get(key, []):
                rec[key][:] = [new if n == old else n for n in rec[key]]
        for key in ("counterpart", "host", "guest"):
            if rec.get(key) == old:
                rec[key] = new
    for u, v, k, d in g.edges(keys=True, data=True):
        for key in ("counterpart", "host", "guest"):
            if d.get(key) == old:
                d[key] = new
    for index in ("_name_index", "_token_index", "_end_index"):
        for nodes in g.graph.get(index, {}).values():
            if old in nodes:
                nodes.discard(old)
                nodes.add(new)


def _touch(g: nx.MultiDiGraph, node: str, article: str) -> None:
    """Record that an article mentions a node; the list stays sorted without re-sorting."""
    arts = g.nodes[node]["articles"]
    i = bisect.bisect_left(arts, article)
    if i == len(arts) or arts[i] != article:
        arts.insert(i, article)


def add_extraction(g: nx.MultiDiGraph, ex: Extraction) -> None:
    """Add one article's facts to the graph, replacing what that article said before."""
    art = ex.article
    if art.id in g.graph.setdefault("articles", {}):
        remove_article(g, art.id)
    g.graph["articles"][art.id] = {"id": art.id, "url": art.url, "published": art.published, "title": art.title}
    events = g.graph.setdefault("events", {})
    r = _Resolver(g)
    local: dict[str, str] = {}  # display name in this article -> node id

    for c in ex.countries:
        node = r.country(c.name, c.iso2, c.iso3, c.wikidata)
        local[c.name] = node
        _touch(g, node, art.id)
    for o in ex.organizations:
        node = r.organization(o.name, o.aliases, o.id, o.wikidata)
        for n in [o.name, *o.aliases]:
            local.setdefault(n, node)
        _touch(g, node, art.id)
    for p in ex.persons:
        node = r.person(p.name, p.aliases, {pos.of for pos in p.positions if pos.of} | ({p.country} if p.country else set()))
        for n in [p.name, *p.aliases]:
            local.setdefault(n, node)
        _touch(g, node, art.id)
    for p in ex.persons:
        node = local[p.name]
        for pos in p.positions:
            body = local.get(pos.of) if pos.of else None
            _add_post(g, node, pos.title, body, pos.of, art.published, art.id)

    def nodes_of(names: Iterable[str]) -> list[str]:
        out = []
        for n in names:
            if n in local and local[n] not in out:
                out.append(local[n])
        return out

    base = {"article": art.id, "url": art.url, "published": art.published}
    for m in ex.meetings:
        parts = sorted(nodes_of(m.participants))  # RDF keeps no order: neither does the graph
        eid = event_id(art.id, "meeting", m.evidence.start, *parts)
        rec = {**base, **{k: v for k, v in asdict(m).items() if k not in ("evidence", "participants")},
               "kind": "meeting", "id": eid, "participants": parts,
               "host": local.get(m.host) if m.host else None, "guest": local.get(m.guest) if m.guest else None,
               "evidence": m.evidence.text, "evidence_start": m.evidence.start,
               "evidence_end": m.evidence.end, "rule": m.evidence.rule}
        events[eid] = rec
        add_event_edges(g, rec)
    for c in ex.commitments:
        actors = sorted(nodes_of(c.actors))
        counterpart = local.get(c.counterpart) if c.counterpart else None
        eid = event_id(art.id, "commitment", c.evidence.start, c.content, *sorted(actors))
        rec = {**base, **{k: v for k, v in asdict(c).items() if k not in ("evidence", "actors", "counterpart")},
               "kind": "commitment", "id": eid, "actors": actors, "counterpart": counterpart,
               "evidence": c.evidence.text, "evidence_start": c.evidence.start,
               "evidence_end": c.evidence.end, "rule": c.evidence.rule}
        events[eid] = rec
        add_event_edges(g, rec)


def add_event_edges(g: nx.MultiDiGraph, rec: dict) -> None:
    """The edges of one event record: a meeting joins each pair of participants; a commitment
    points from each actor to the counterpart, or joins joint actors when there is none."""
    eid = rec["id"]
    edge = {k: v for k, v in rec.items() if k != "id"}
    if rec["kind"] == "meeting":
        parties = [p for p in rec["participants"] if p in g]
        pairs = [(u, v) for i, u in enumerate(parties) for v in parties[i + 1:]]
    else:
        actors, cp = [a for a in rec["actors"] if a in g], rec.get("counterpart")
        if cp and cp in g:
            pairs = [(a, cp) for a in actors if a != cp]
        else:
            pairs = [(u, v) for i, u in enumerate(actors) for v in actors[i + 1:]]
    for u, v in pairs:
        g.add_edge(u, v, key=eid, event=eid, **edge)


def _add_post(g: nx.MultiDiGraph, person: str, title: str, body: str | None, body_label: str | None,
              published: str | None, article: str) -> None:
    posts = g.nodes[person]["posts"]
    post = next((p for p in posts if p["title"] == title and p["of"] == body), None)
    if post is None:
        post = {"title": title, "of": body, "of_label": body_label, "first_seen": published,
                "last_seen": published, "articles": []}
        posts.append(post)
        posts.sort(key=lambda p: (p["title"], p["of"] or ""))
    if article not in post["articles"]:
        post["articles"].append(article)
        post["articles"].sort()
    if published:
        post["first_seen"] = min(filter(None, [post["first_seen"], published]))
        post["last_seen"] = max(filter(None, [post["last_seen"], published]))
    if body:
        key = "post:" + event_id(title, body)
        if g.has_edge(person, body, key):
            g.edges[person, body, key]["articles"] = post["articles"]
            g.edges[person, body, key].update(first_seen=post["first_seen"], last_seen=post["last_seen"])
        else:
            g.add_edge(person, body, key=key, kind="holds_post", title=title, articles=post["articles"],
                       first_seen=post["first_seen"], last_seen=post["last_seen"])


def remove_article(g: nx.MultiDiGraph, article_id: str) -> None:
    """Remove every fact an article contributed; nodes no other article mentions go too."""
    events = g.graph.get("events", {})
    for eid in [e for e, rec in events.items() if rec["article"] == article_id]:
        del events[eid]
    g.remove_edges_from([(u, v, k) for u, v, k, d in g.edges(keys=True, data=True)
                         if d.get("article") == article_id])
    for node, d in list(g.nodes(data=True)):
        if article_id in d.get("articles", []):
            d["articles"].remove(article_id)
        for post in d.get("posts", []):
            if article_id in post["articles"]:
                post["articles"].remove(article_id)
        d["posts"] = [p for p in d.get("posts", []) if p["articles"]] if "posts" in d else None
        if d["posts"] is None:
            del d["posts"]
    for u, v, k, d in list(g.edges(keys=True, data=True)):
        if d.get("kind") == "holds_post" and not d["articles"]:
            g.remove_edge(u, v, k)
    orphans = [n for n, d in g.nodes(data=True) if not d.get("articles")]
    g.remove_nodes_from(orphans)
    idx = g.graph.get("_name_index", {})
    for name in list(idx):
        idx[name] -= set(orphans)
        if not idx[name]:
            del idx[name]
    g.graph.get("articles", {}).pop(article_id, None)


def build_graph(extractions: Iterable[Extraction], base: nx.MultiDiGraph | None = None) -> nx.MultiDiGraph:
    """Merge extractions (an iterable, consumed once) into a new or an existing graph."""
    g = base if base is not None else nx.MultiDiGraph(articles={}, events={})
    for ex in extractions:
        add_extraction(g, ex)
    return g


def summary(g: nx.MultiDiGraph) -> dict[str, int]:
    """Counts a user sees after a build."""
    kinds = [d["kind"] for _, d in g.nodes(data=True)]
    events = g.graph.get("events", {}).values()
    return {
        "articles": len(g.graph.get("articles", {})),
        "officials": kinds.count("person"),
        "countries": kinds.count("country"),
        "organizations": kinds.count("organization"),
        "meetings": sum(1 for e in events if e["kind"] == "meeting"),
        "commitments": sum(1 for e in events if e["kind"] == "commitment"),
    }
