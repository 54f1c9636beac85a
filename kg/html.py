"""The interactive map: one self-contained HTML page for a knowledge graph.

:func:`render_html` writes a single file that works offline from disk: vis-network's script
and stylesheet (shipped inside the pyvis package) are inlined, the page template, style and
application script come from ``kg/templates/``, and the graph travels as JSON inside
``<script type="application/json">``. Nothing is fetched at run time; a Content-Security-Policy
allows only the page's own inline scripts (by hash), so markup hidden in article text can
neither load nor run anything. The page builds its DOM with ``textContent`` only.

What the page gets is chosen here (:func:`select`): ``since``/``until`` keep the events in a
date range, ``focus``/``depth`` keep one entity's neighbourhood, ``max_nodes`` keeps the most
active nodes and records what was left out. Positions are precomputed (:func:`layout`, a
grid-accelerated Fruchterman-Reingold per connected component, pure Python) so the browser
runs no physics and a 5,000-node page is interactive in about a second.

:func:`render_command` is ``kg render``: it reads an exported graph (RDF through
:func:`kg.rdf.read_graph`, or networkx node-link ``.json``) and renders it.
"""
from __future__ import annotations

import base64
import datetime as _dt
import difflib
import hashlib
import html as _html
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from .errors import InputError, KgError
from .fsutil import atomic_write_text
from .graph import fold
from .layout import EDGE_KINDS, positions

__all__ = ["render_html", "render_command", "load_graph", "select", "Selection",
           "page_data", "parse_date", "find_node", "activity"]

EVENT_KINDS = ("meeting", "commitment")
TEMPLATES = Path(__file__).with_name("templates")  # page.html, page.css, page.js (package data)
OMITTED_NAMES = 200  # how many left-out names the page lists
KIND_NAMES = {"person": "officials", "country": "countries", "organization": "organizations"}


# --------------------------------------------------------------------------- options


def parse_date(value: str | None, *, end: bool = False, option: str = "date") -> str | None:
    """An ISO date (``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY`` for a whole month or year).

    ``end`` picks the last day of a month or year (for ``--until``). Raises :class:`KgError`.
    """
    if value is None or value == "":
        return None
    v = value.strip()
    try:
        if len(v) == 4 and v.isdigit():
            d = _dt.date(int(v), 12, 31) if end else _dt.date(int(v), 1, 1)
        elif len(v) == 7 and v[4] == "-":
            y, m = int(v[:4]), int(v[5:])
            d = _dt.date(y, m, 1)
            if end:
                d = (_dt.date(y + (m == 12), m % 12 + 1, 1) - _dt.timedelta(days=1))
        elif len(v) == 10 and v[4] == "-" and v[7] == "-":
            d = _dt.date.fromisoformat(v)
        else:
            raise ValueError(v)
    except ValueError:
        raise KgError(f"{option}: {value!r} is not a date (use YYYY-MM-DD)") from None
    return d.isoformat()


def _in_range(d: str | None, since: str | None, until: str | None) -> bool:
    """Whether an ISO date (possibly partial, e.g. ``2024-03``) lies in [since, until]."""
    if since is None and until is None:
        return True
    if not d:
        return False
    return (since is None or d >= since[:len(d)]) and (until is None or d <= until[:len(d)])


def _overlaps(first: str | None, last: str | None, since: str | None, until: str | None) -> bool:
    """Whether the period [first, last] of a post meets [since, until]."""
    if since is None and until is None:
        return True
    first, last = first or last, last or first
    if not first:
        return False
    return (until is None or first <= until[:len(first)]) and (since is None or last >= since[:len(last)])


def _edge_date(d: dict[str, Any]) -> str | None:
    return d.get("date") or d.get("published")


def _edge_passes(d: dict[str, Any], since: str | None, until: str | None) -> bool:
    if d.get("kind") == "holds_post":
        return _overlaps(d.get("first_seen"), d.get("last_seen"), since, until)
    return _in_range(_edge_date(d), since, until)


def activity(g: nx.MultiDiGraph) -> dict[str, int]:
    """Per node: distinct meetings and commitments it takes part in, plus posts held or given."""
    events: dict[str, set[str]] = defaultdict(set)
    posts: dict[str, int] = defaultdict(int)
    for u, v, k, d in g.edges(keys=True, data=True):
        if d.get("kind") == "holds_post":
            posts[u] += 1
            posts[v] += 1
        else:
            eid = d.get("event") or k
            events[u].add(eid)
            events[v].add(eid)
    for eid, rec in g.graph.get("events", {}).items():
        for n in [*(rec.get("participants") or []), *(rec.get("actors") or []), rec.get("counterpart")]:
            if n and n in g:
                events[n].add(eid)
    return {n: len(events[n]) + posts[n] for n in g.nodes}


def find_node(g: nx.Graph, name: str) -> str:
    """The node named ``name`` (node id, label or alias; case- and accent-insensitive)."""
    if name in g:
        return name
    f = fold(name)
    by_label = [n for n, d in g.nodes(data=True) if fold(d.get("label")) == f]
    if len(by_label) == 1:
        return by_label[0]
    hits = by_label or [n for n, d in g.nodes(data=True) if f and f in map(fold, d.get("aliases") or [])]
    if len(hits) == 1:
        return hits[0]
    if hits:
        names = ", ".join(sorted(f"{g.nodes[n].get('label')} ({n})" for n in hits)[:8])
        raise KgError(f"--focus: {name!r} is ambiguous: {names}; give the node id")
    labels = {fold(d.get("label")): d.get("label") for _, d in g.nodes(data=True)}
    close = difflib.get_close_matches(f, list(labels), n=3, cutoff=0.75)
    hint = f" (did you mean {', '.join(repr(labels[c]) for c in close)}?)" if close else ""
    raise KgError(f"--focus: no official, country or organization named {name!r}{hint}")


@dataclass
class Selection:
    """The part of a graph a page shows, and what was left out of it and why."""
    graph: nx.MultiDiGraph
    total_nodes: int
    total_edges: int
    activity: dict[str, int]
    focus: str | None = None
    depth: int = 1
    since: str | None = None
    until: str | None = None
    max_nodes: int | None = None
    omitted: list[str] = field(default_factory=list)  # nodes left out by --max-nodes, most active first
    omitted_labels: list[str] = field(default_factory=list)
    omitted_by_kind: dict[str, int] = field(default_factory=dict)
    omitted_edges: int = 0


def select(g: nx.MultiDiGraph, *, focus: str | None = None, depth: int = 1, since: str | None = None,
           until: str | None = None, max_nodes: int | None = None) -> Selection:
    """Apply the date range, then the focus neighbourhood, then the node cap.

    Dates are ISO strings (see :func:`parse_date`); with a date range only nodes touching a
    kept event or post stay. ``focus`` is a node id, label or alias (:func:`find_node`).
    """
    if depth < 1:
        raise KgError("--depth must be at least 1")
    if max_nodes is not None and max_nodes < 1:
        raise KgError("--max-nodes must be at least 1")
    if since and until and since > until:
        raise KgError(f"--since {since} is after --until {until}")
    total_nodes, total_edges = g.number_of_nodes(), g.number_of_edges()
    focus_node = find_node(g, focus) if focus else None

    h: nx.MultiDiGraph = nx.MultiDiGraph()
    h.graph.update({k: v for k, v in g.graph.items() if not k.startswith("_")})
    if since or until:
        h.graph["events"] = {eid: rec for eid, rec in (g.graph.get("events") or {}).items()
                             if _in_range(_edge_date(rec), since, until)}
        kept = [(u, v, k, d) for u, v, k, d in g.edges(keys=True, data=True) if _edge_passes(d, since, until)]
        nodes = {n for u, v, _, _ in kept for n in (u, v)}
        if focus_node:
            nodes.add(focus_node)
        h.add_nodes_from((n, g.nodes[n]) for n in g.nodes if n in nodes)
        h.add_edges_from(kept)
    else:
        h.add_nodes_from(g.nodes(data=True))
        h.add_edges_from(g.edges(keys=True, data=True))

    if focus_node:
        near = nx.single_source_shortest_path_length(h.to_undirected(as_view=True), focus_node, cutoff=depth)
        h = h.subgraph(near).copy()

    act = activity(h)
    omitted: list[str] = []
    omitted_labels: list[str] = []
    omitted_by_kind: dict[str, int] = defaultdict(int)
    omitted_edges = 0
    if max_nodes is not None and h.number_of_nodes() > max_nodes:
        ranked = sorted(h.nodes, key=lambda n: (-act[n], -len(h.nodes[n].get("articles") or []),
                                               str(h.nodes[n].get("label") or n), n))
        if focus_node:
            ranked.remove(focus_node)
            ranked.insert(0, focus_node)
        keep, omitted = ranked[:max_nodes], ranked[max_nodes:]
        omitted_labels = [str(h.nodes[n].get("label") or n) for n in omitted]
        for n in omitted:
            kind = h.nodes[n].get("kind")
            omitted_by_kind[kind if kind in KIND_NAMES else "organization"] += 1
        before = h.number_of_edges()
        h = h.subgraph(keep).copy()
        omitted_edges = before - h.number_of_edges()
    return Selection(graph=h, total_nodes=total_nodes, total_edges=total_edges, activity=act,
                     focus=focus_node, depth=depth, since=since, until=until, max_nodes=max_nodes,
                     omitted=omitted, omitted_labels=omitted_labels, omitted_by_kind=dict(omitted_by_kind),
                     omitted_edges=omitted_edges)


# --------------------------------------------------------------------------- page data


def _str(v: Any) -> str | None:
    return None if v is None else str(v)


def _events_of(g: nx.MultiDiGraph) -> dict[str, dict[str, Any]]:
    """Event records by id: ``G.graph["events"]`` when present, else rebuilt from the edges."""
    events = {eid: dict(rec) for eid, rec in (g.graph.get("events") or {}).items()}
    for u, v, k, d in g.edges(keys=True, data=True):
        if d.get("kind") in EVENT_KINDS:
            eid = d.get("event") or k
            if eid not in events:
                rec = dict(d)
                rec.setdefault("participants" if d.get("kind") == "meeting" else "actors", [])
                events[eid] = rec
            rec = events[eid]
            key = "participants" if rec.get("kind") == "meeting" else "actors"
            members = rec.setdefault(key, [])
            for n in (u, v):
                if n not in members and not (key == "actors" and n == rec.get("counterpart")):
                    members.append(n)
    return events


def _articles_of(g: nx.MultiDiGraph, events: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    arts = {aid: dict(a) for aid, a in (g.graph.get("articles") or {}).items()}
    for rec in events.values():
        aid = rec.get("article")
        if aid and aid not in arts:
            arts[aid] = {"id": aid, "url": rec.get("url"), "published": rec.get("published"), "title": None}
    return arts


def _safe_url(url: Any) -> str | None:
    """The URL if it is an absolute http(s) URL without whitespace or control characters."""
    if not isinstance(url, str):
        return None
    u = url.strip()
    if not u.lower().startswith(("http://", "https://")) or any(c.isspace() or ord(c) < 32 for c in u):
        return None
    return u


def page_data(sel: Selection, *, title: str = "Knowledge graph") -> dict[str, Any]:
    """Everything the page script needs, as plain JSON-able data (strings untouched: the
    page inserts them as text)."""
    g = sel.graph
    ids = list(g.nodes)
    index = {n: i for i, n in enumerate(ids)}
    events = _events_of(g)
    articles = _articles_of(g, events)

    # One page event per fact, merging the reports of several articles about the same fact.
    page_events: list[dict[str, Any]] = []
    event_index: dict[str, int] = {}
    by_fact: dict[tuple, int] = {}
    for eid, rec in events.items():
        kind = rec.get("kind")
        members = [m for m in (rec.get("participants") or rec.get("actors") or []) if m in index]
        cp = rec.get("counterpart")
        if not members and cp not in index:
            continue  # nobody in view took part (left out by --focus or --max-nodes)
        date = rec.get("date")
        if kind == "meeting" and date:
            fact = ("meeting", tuple(sorted(members)), date)
        elif kind == "commitment":
            fact = ("commitment", tuple(sorted(members)), cp, fold(rec.get("content")), date)
        else:
            fact = ("event", eid)
        report = {"a": _str(rec.get("article")), "ev": _str(rec.get("evidence"))}
        if fact in by_fact:
            pe = page_events[by_fact[fact]]
            if report not in pe["r"]:
                pe["r"].append(report)
            for key, src in (("pl", "place"), ("oc", "occasion")):
                pe[key] = pe[key] or _str(rec.get(src))
            event_index[eid] = by_fact[fact]
            continue
        pe = {"k": kind, "d": _str(date), "pub": _str(rec.get("published")),
              "pl": _str(rec.get("place")), "oc": _str(rec.get("occasion")),
              "st": _str(rec.get("status")), "mo": _str(rec.get("mode")), "ct": _str(rec.get("content")),
              "ps": [index[m] for m in members],
              "cp": index.get(cp) if cp else None,
              "host": index.get(rec.get("host")) if rec.get("host") else None,
              "guest": index.get(rec.get("guest")) if rec.get("guest") else None,
              "r": [report]}
        by_fact[fact] = event_index[eid] = len(page_events)
        page_events.append(pe)

    edges = []
    pairs = []
    other_edges = 0
    for u, v, k, d in g.edges(keys=True, data=True):
        kind = d.get("kind")
        if kind not in EDGE_KINDS:
            other_edges += 1  # not in the graph contract: the page has no style for it
            continue
        iu, iv = index[u], index[v]
        pairs.append((iu, iv))
        if kind == "holds_post":
            edges.append({"u": iu, "v": iv, "k": "holds_post", "e": -1, "t": _str(d.get("title")),
                          "d": _str(d.get("first_seen")), "d2": _str(d.get("last_seen")),
                          "arts": [str(a) for a in d.get("articles") or []]})
        else:
            eid = d.get("event") or k
            edges.append({"u": iu, "v": iv, "k": kind,
                          "e": event_index.get(eid, -1), "d": _str(_edge_date(d)), "d2": None,
                          "t": None, "arts": [str(d["article"])] if d.get("article") else []})

    pos = positions(g, ids, pairs)
    nodes = []
    for n in ids:
        d = g.nodes[n]
        x, y = pos[index[n]]
        posts = [{"t": _str(p.get("title")), "of": index.get(p.get("of")),
                  "ol": _str(p.get("of_label")), "f": _str(p.get("first_seen")), "l": _str(p.get("last_seen"))}
                 for p in d.get("posts") or []]
        nodes.append({"id": str(n), "k": d.get("kind") if d.get("kind") in KIND_NAMES else "organization",
                      "l": str(d.get("label") or n), "a": [str(a) for a in d.get("aliases") or []],
                      "p": posts, "n": sel.activity.get(n, 0), "x": x, "y": y,
                      "arts": [str(a) for a in d.get("articles") or []]})

    used = {r["a"] for e in page_events for r in e["r"]} | {a for e in edges for a in e["arts"]} \
        | {a for n in nodes for a in n["arts"]}
    return {
        "meta": {
            "title": title,
            "generated": _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "total_nodes": sel.total_nodes, "total_edges": sel.total_edges, "other_edges": other_edges,
            "focus": index.get(sel.focus) if sel.focus else None, "depth": sel.depth,
            "since": sel.since, "until": sel.until, "max_nodes": sel.max_nodes,
            "omitted": {"nodes": len(sel.omitted), "edges": sel.omitted_edges, "by_kind": sel.omitted_by_kind,
                        "names": sel.omitted_labels[:OMITTED_NAMES]},
        },
        "nodes": nodes,
        "edges": edges,
        "events": page_events,
        "articles": {str(aid): {"u": _safe_url(a.get("url")), "t": _str(a.get("title")),
                                "p": _str(a.get("published"))} for aid, a in articles.items() if str(aid) in used},
    }


# --------------------------------------------------------------------------- the page


def _script_json(obj: Any) -> str:
    """JSON safe inside ``<script type="application/json">``: no ``<``, ``>``, ``&`` or
    line/paragraph separators survive literally."""
    s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (s.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _vis_assets() -> tuple[str, str]:
    """vis-network's script and stylesheet, read from the installed pyvis package."""
    try:
        import pyvis
    except ImportError as e:  # pragma: no cover - pyvis is a dependency
        raise KgError("the HTML page needs pyvis (pip install pyvis)") from e
    lib = Path(pyvis.__file__).parent / "templates" / "lib"
    dirs = sorted((p for p in lib.glob("vis-*") if (p / "vis-network.min.js").is_file()),
                  key=lambda p: tuple(int(x) if x.isdigit() else 0 for x in p.name[4:].split(".")))
    if not dirs:
        raise KgError(f"vis-network not found in the pyvis package ({lib})")
    d = dirs[-1]
    return (d / "vis-network.min.js").read_text(encoding="utf-8"), (d / "vis-network.css").read_text(encoding="utf-8")


def _template(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def _inline_js(js: str) -> str:
    # "</script" would end the element early; "<\/" means the same in JS strings and regexes
    return js.replace("</script", "<\\/script").replace("<!--", "<\\!--")


def render_html(g: nx.MultiDiGraph, path: str | Path, *, focus: str | None = None, depth: int = 1,
                since: str | None = None, until: str | None = None, max_nodes: int | None = None,
                title: str | None = None) -> Path:
    """Write the interactive page for ``g`` to ``path`` (atomically) and return the path.

    ``since``/``until`` accept ``YYYY-MM-DD`` (or ``YYYY-MM``, ``YYYY``); see :func:`select`
    for ``focus``, ``depth`` and ``max_nodes``. Raises :class:`KgError` for bad options.
    """
    since = parse_date(since, option="--since")
    until = parse_date(until, end=True, option="--until")
    sel = select(g, focus=focus, depth=depth, since=since, until=until, max_nodes=max_nodes)
    title = title or "Knowledge graph" + (f": {g.nodes[sel.focus].get('label')}" if sel.focus else "")
    data = page_data(sel, title=title)
    vis_js, vis_css = _vis_assets()
    vis_js = _inline_js(vis_js)
    app_js = _inline_js(_template("page.js"))
    css = (vis_css + "\n" + _template("page.css")).replace("</style", "<\\/style")
    csp = ("default-src 'none'; script-src " + _csp_hash(vis_js) + " " + _csp_hash(app_js)
           + "; style-src 'unsafe-inline'; img-src data:; font-src 'none'; connect-src 'none';"
           " base-uri 'none'; form-action 'none'")
    page = _template("page.html")
    parts = {
        "{{CSP}}": _html.escape(csp, quote=False).replace('"', "&quot;"),
        "{{TITLE}}": _html.escape(title),
        "{{STYLE}}": css,
        "{{DATA}}": _script_json(data),
        "{{VIS_JS}}": vis_js,
        "{{APP_JS}}": app_js,
    }
    # one pass, so nothing inserted is ever scanned for another placeholder
    out, rest = [], page
    while True:
        hits = [(rest.find(k), k) for k in parts if rest.find(k) >= 0]
        if not hits:
            out.append(rest)
            break
        i, k = min(hits)
        out.append(rest[:i])
        out.append(parts[k])
        rest = rest[i + len(k):]
    return atomic_write_text(path, "".join(out))


# --------------------------------------------------------------------------- kg render


def load_graph(path: str | Path) -> nx.MultiDiGraph:
    """Read an exported graph (any RDF syntax, GraphML, GEXF or node-link JSON)."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a folder, not a graph file")
    from .rdf import read_graph
    return read_graph(p)


def render_command(graph_path: str | Path, out_file: str | Path | None = None, focus: str | None = None,
                   depth: int = 1, since: str | None = None, until: str | None = None,
                   max_nodes: int | None = None) -> Path:
    """``kg render``: read an exported graph and write its page (default: beside it, ``.html``)."""
    # check the options before the (possibly long) read
    parse_date(since, option="--since")
    parse_date(until, end=True, option="--until")
    src = Path(graph_path)
    out = Path(out_file) if out_file else src.with_suffix(".html")
    if out.is_dir():
        raise KgError(f"--out {out}: is a folder; give a file name")
    if out.resolve() == src.resolve():
        raise KgError(f"--out {out}: would overwrite the graph itself")
    g = load_graph(src)
    return render_html(g, out, focus=focus, depth=depth, since=since, until=until, max_nodes=max_nodes)
