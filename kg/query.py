"""SPARQL over an exported graph: ad-hoc queries, saved queries with parameters, and output.

Queries run on pyoxigraph with the union of all named graphs as the default graph and the
common prefixes (kg, kgid, evt, schema, sem, org, prov, time, nif, xsd, rdf, rdfs, owl, skos,
wd, dcterms) predeclared. Parameters are bound as RDF terms through pyoxigraph's
``substitutions``; they are never pasted into query text, so a quote or a brace in a value
cannot change the query.

Saved queries are the ``.rq`` files of ``ontology/queries``; each starts with comments saying
what it answers (first line ``# name: summary``) and its parameters (``# param NAME: what``).
pyoxigraph binds only projected variables, so a saved query SELECTs its parameters too;
``kg query`` leaves those constant columns out of its output.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .errors import KgError
from .rdf import load_store
from .vocab import PREFIXES, ontology_dir

__all__ = ["SavedQuery", "saved_queries", "run_query", "run_saved", "query_command", "format_results",
           "to_term"]

_PARAM = re.compile(r"#\s*param\s+([A-Za-z_][A-Za-z0-9_]*)\s*:\s*(.*)")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
MAX_CELL = 80


@dataclass
class SavedQuery:
    name: str
    summary: str
    params: dict[str, str] = field(default_factory=dict)  # name -> description
    text: str = ""
    path: Path | None = None


def _parse_saved(path: Path) -> SavedQuery:
    text = path.read_text(encoding="utf-8")
    header = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        header.append(line)
    summary = header[0].lstrip("# ").split(":", 1)[-1].strip() if header else ""
    params = {m.group(1): m.group(2).strip() for m in map(_PARAM.match, header) if m}
    return SavedQuery(name=path.stem, summary=summary, params=params, text=text, path=path)


def saved_queries(folder: str | Path | None = None) -> dict[str, SavedQuery]:
    """The saved queries by name (default: the shipped ``ontology/queries``)."""
    folder = Path(folder) if folder else ontology_dir() / "queries"
    return {p.stem: _parse_saved(p) for p in sorted(folder.glob("*.rq"))}


def to_term(value: Any) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    """A Python value as an RDF term: pyoxigraph and rdflib terms are kept, str -> xsd:string,
    bool, int and float -> typed literals."""
    if isinstance(value, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return value
    try:
        import rdflib
        if isinstance(value, rdflib.URIRef):
            return ox.NamedNode(str(value))
        if isinstance(value, rdflib.Literal):
            if value.language:
                return ox.Literal(str(value), language=value.language)
            if value.datatype:
                return ox.Literal(str(value), datatype=ox.NamedNode(str(value.datatype)))
            return ox.Literal(str(value))
    except ImportError:  # pragma: no cover
        pass
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode(PREFIXES["xsd"] + "boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(PREFIXES["xsd"] + "integer"))
    if isinstance(value, float):
        return ox.Literal(repr(value), datatype=ox.NamedNode(PREFIXES["xsd"] + "double"))
    return ox.Literal(str(value))


def _store(path_or_store: str | Path | ox.Store) -> ox.Store:
    if isinstance(path_or_store, ox.Store):
        return path_or_store
    return load_store(path_or_store)


def _one_line(e: BaseException) -> str:
    return " ".join(str(e).split()) or type(e).__name__


def run_query(path_or_store: str | Path | ox.Store, sparql: str, bindings: dict[str, Any] | None = None):
    """Run SPARQL over a graph file or a pyoxigraph store.

    ``bindings`` maps variable names to values bound as RDF terms (see :func:`to_term`).
    Returns pyoxigraph's results: ``QuerySolutions`` for SELECT (iterate; ``.variables``),
    ``QueryBoolean`` for ASK, ``QueryTriples`` for CONSTRUCT and DESCRIBE.
    Raises :class:`KgError` for a syntax error (one line)."""
    store = _store(path_or_store)
    subs = {ox.Variable(k): to_term(v) for k, v in (bindings or {}).items()}
    try:
        return store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True,
                           substitutions=subs or None)
    except SyntaxError as e:
        raise KgError(f"bad SPARQL: {_one_line(e)}") from None
    except RuntimeError as e:
        m = re.search(r"variable \?(\w+) in its SELECT projection", str(e))
        if m:
            raise KgError(f"--param {m.group(1)}: the query must SELECT ?{m.group(1)} to bind it") from None
        raise KgError(f"query failed: {_one_line(e)}") from None
    except (ValueError, OSError) as e:
        raise KgError(f"query failed: {_one_line(e)}") from None


def run_saved(path_or_store: str | Path | ox.Store, name: str, **params: Any):
    """Run a saved query by name with its parameters; see :func:`run_query`."""
    q = _saved(name)
    _check_params(q, params)
    return run_query(path_or_store, q.text, params)


def _saved(name: str) -> SavedQuery:
    queries = saved_queries()
    if name not in queries:
        raise KgError(f"unknown saved query {name!r}: choose from {', '.join(queries)} (kg query --list)")
    return queries[name]


def _check_params(q: SavedQuery, params: dict[str, Any]) -> None:
    missing = [p for p in q.params if p not in params]
    if missing:
        need = " ".join(f"--param {p}=VALUE" for p in missing)
        raise KgError(f"saved query {q.name} needs {need}")
    extra = [p for p in params if p not in q.params]
    if extra:
        takes = ", ".join(q.params) or "no parameters"
        raise KgError(f"saved query {q.name} has no parameter {extra[0]!r} (it takes {takes})")


def _parse_params(params) -> dict[str, str]:
    out: dict[str, str] = {}
    for p in params:
        name, sep, value = p.partition("=")
        name = name.strip()
        if not sep or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise KgError(f"--param {p!r}: expected NAME=VALUE")
        out[name] = value
    return out


# ---------------------------------------------------------------- output

def _compact(iri: str) -> str:
    best = ""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(ns) > len(PREFIXES.get(best, "")):
            best = prefix
    return f"{best}:{iri[len(PREFIXES[best]):]}" if best else iri


def _cell(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        text = _compact(term.value)
    elif isinstance(term, ox.BlankNode):
        text = f"_:{term.value}"
    else:
        text = term.value
    text = _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)  # no newlines or terminal escapes
    return text if len(text) <= MAX_CELL else text[:MAX_CELL - 1] + "…"


def _table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]
    line = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()  # noqa: E731
    out = [line(header), line(["-" * w for w in widths])] + [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def _json_term(t) -> dict[str, str]:
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    d = {"type": "literal", "value": t.value}
    if t.language:
        d["xml:lang"] = t.language
    elif t.datatype.value != PREFIXES["xsd"] + "string":
        d["datatype"] = t.datatype.value
    return d


def format_results(results, fmt: str = "table", hide: tuple[str, ...] = ()) -> str:
    """Results of :func:`run_query` as an aligned table, CSV or JSON, without the ``hide`` columns.

    SELECT and ASK follow the W3C SPARQL results formats for csv and json; CONSTRUCT and
    DESCRIBE give N-Triples for both."""
    if isinstance(results, ox.QueryBoolean):
        if fmt == "table":
            return ("true" if bool(results) else "false") + "\n"
        return results.serialize(format=ox.QueryResultsFormat.JSON if fmt == "json" else
                                 ox.QueryResultsFormat.CSV).decode("utf-8")
    if isinstance(results, ox.QueryTriples):
        triples = list(results)
        if fmt != "table":
            return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
        return _table(["subject", "predicate", "object"],
                      [[_cell(t.subject), _cell(t.predicate), _cell(t.object)] for t in triples])
    variables = [v.value for v in results.variables if v.value not in hide]
    rows = [[sol[v] for v in variables] for sol in results]
    if fmt == "json":
        doc = {"head": {"vars": variables},
               "results": {"bindings": [{v: _json_term(t) for v, t in zip(variables, r) if t is not None}
                                        for r in rows]}}
        return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(variables)
        for r in rows:
            w.writerow(["" if t is None else t.value for t in r])
        return buf.getvalue()
    return _table(variables, [[_cell(t) for t in r] for r in rows])


def _listing() -> str:
    rows = [[q.name, " ".join(q.params) or "-", q.summary] for q in saved_queries().values()]
    text = _table(["name", "params", "answers"], rows)
    return text.rsplit("(", 1)[0] + "Run: kg query GRAPH --saved NAME --param NAME=VALUE\n"


def query_command(graph, sparql, query_file=None, saved=None, params=(), list_saved=False, fmt="table") -> str:
    """``kg query``: run one query (text, --file or --saved) over GRAPH; return the output text."""
    if list_saved:
        return _listing()
    sources = [s for s in (sparql, query_file, saved) if s]
    if graph is None:
        raise KgError("missing GRAPH: kg query GRAPH 'SPARQL' (or --file Q.rq, --saved NAME; kg query --list)")
    if not sources:
        raise KgError("no query: give SPARQL text, --file Q.rq or --saved NAME (kg query --list)")
    if len(sources) > 1:
        raise KgError("give only one of SPARQL text, --file and --saved")
    bindings = _parse_params(params)
    hide: tuple[str, ...] = ()
    if saved:
        q = _saved(saved)
        _check_params(q, bindings)
        text, hide = q.text, tuple(q.params)
    elif query_file:
        try:
            text = Path(query_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise KgError(f"{query_file}: cannot read the query: {_one_line(e)}") from None
    else:
        text = sparql
    if not Path(graph).is_file():
        raise KgError(f"{graph}: no such graph file" if not Path(graph).exists() else f"{graph}: not a file")
    return format_results(run_query(graph, text, bindings), fmt, hide=hide)
