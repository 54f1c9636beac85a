"""SHACL validation of an exported graph (``kg validate``).

The graph file (any RDF syntax, or GraphML / GEXF / node-link JSON) is read with pyoxigraph,
the union of its named graphs is checked with pyshacl against ``ontology/shapes.ttl`` (or the
shapes given), and the result comes back as ``(conforms, report_text)``: one line per problem,
sorted, naming the node, the property, the offending value and what is wrong.
"""
from __future__ import annotations

from pathlib import Path

from .errors import KgError
from .vocab import PREFIXES, ontology_file

__all__ = ["validate_graph", "validate_command", "DEFAULT_SHAPES"]

DEFAULT_SHAPES = ontology_file("shapes.ttl")
SH = "http://www.w3.org/ns/shacl#"


def _short(term) -> str:
    if term is None:
        return "-"
    text = str(term)
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if text.startswith(ns) and len(text) > len(ns):
            return f"{prefix}:{text[len(ns):]}"
    text = " ".join(text.split())
    return text if len(text) <= 80 else text[:79] + "…"


def validate_graph(data_graph, shapes_graph):
    """Run pyshacl on two rdflib graphs; return ``(conforms, problems)``, each problem a tuple
    (severity, focus node, path, value, message) of short strings."""
    import pyshacl
    import rdflib
    conforms, results, _ = pyshacl.validate(data_graph, shacl_graph=shapes_graph, inference="none",
                                            advanced=True, allow_warnings=True)
    sh = rdflib.Namespace(SH)
    problems = []
    for r in results.subjects(rdflib.RDF.type, sh.ValidationResult):
        severity = results.value(r, sh.resultSeverity)
        messages = sorted(str(m) for m in results.objects(r, sh.resultMessage))
        problems.append((
            str(severity).rsplit("#", 1)[-1] if severity else "Violation",
            _short(results.value(r, sh.focusNode)),
            _short(results.value(r, sh.resultPath)),
            _short(results.value(r, sh.value)),
            messages[0] if messages else "",
        ))
    return bool(conforms), sorted(set(problems))


def _load_shapes(shapes: str | Path | None):
    import rdflib
    path = Path(shapes) if shapes else DEFAULT_SHAPES
    if not path.is_file():
        raise KgError(f"{path}: no such shapes file", exit_code=2)
    try:
        return rdflib.Graph().parse(path, format="turtle")
    except Exception as e:  # rdflib raises many kinds of parser errors
        raise KgError(f"{path}: not valid Turtle shapes: {' '.join(str(e).split())}", exit_code=2) from None


def validate_command(graph: str | Path, shapes: str | Path | None = None) -> tuple[bool, str]:
    """``kg validate``: check GRAPH against the SHACL shapes; errors (an unreadable graph or
    shapes file) raise :class:`KgError` with exit code 2."""
    from .rdf import load_quads, to_rdflib_graph
    try:
        quads = load_quads(graph)
    except KgError as e:
        raise KgError(str(e), exit_code=2) from None
    data = to_rdflib_graph(quads)
    conforms, problems = validate_graph(data, _load_shapes(shapes))
    name = Path(graph).name
    if conforms and not problems:
        return True, f"{name} conforms to the shapes ({len(data)} triples checked)."
    counts: dict[str, int] = {}
    for p in problems:
        counts[p[0]] = counts.get(p[0], 0) + 1
    head = ", ".join(f"{n} {sev.lower()}{'s' if n != 1 else ''}" for sev, n in sorted(counts.items()))
    verdict = "conforms, with" if conforms else "does not conform:"
    lines = [f"{name} {verdict} {head} ({len(data)} triples checked)"]
    for severity, focus, path, value, message in problems:
        lines.append(f"  {severity}: {focus}  {path}  value={value}  {message}")
    return conforms, "\n".join(lines)
