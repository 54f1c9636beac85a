"""The main job on the bundled examples: build, then read the meetings back with SPARQL.

The expected meetings are the ones written into the example articles, listed in
examples/README.md ("Expected facts").
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.cli import cli

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

MEETINGS = """
PREFIX kg: <https://w3id.org/kg-diplomacy/ontology#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX schema: <http://schema.org/>
SELECT ?meeting ?name ?date ?status ?place WHERE {
  ?meeting a kg:Meeting ; sem:hasActor ?actor .
  ?actor schema:name ?name .
  OPTIONAL { ?meeting schema:startDate ?date }
  OPTIONAL { ?meeting kg:status ?status }
  OPTIONAL { ?meeting sem:hasPlace/schema:name ?place }
}"""


def expected_meetings():
    """(article, participants, date, place, status) from examples/README.md."""
    text = (EXAMPLES / "README.md").read_text(encoding="utf-8").split("## Expected facts", 1)[1]
    out = []
    for block in re.split(r"\n### ", text)[1:]:
        article = block.splitlines()[0].strip()
        if "Meetings:" not in block:
            continue
        for line in block.split("Meetings:", 1)[1].split("Commitments:", 1)[0].strip().splitlines():
            if line.startswith("- "):
                names, date, place, status = [p.strip() for p in line[2:].split("|")]
                out.append((article, frozenset(n.strip() for n in names.split(",")), date, place, status))
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("exports")
    result = CliRunner().invoke(cli, ["build", str(EXAMPLES / "articles"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out, result


def test_build_writes_turtle_and_html_and_prints_counts(built):
    out, result = built
    assert (out / "graph.ttl").stat().st_size > 1000
    html = (out / "graph.html").read_text(encoding="utf-8")
    assert "<html" in html.lower()
    counts = dict(re.findall(r"(\w+): (\d+)", result.stdout))
    assert counts["articles"] == "10"
    assert int(counts["meetings"]) >= 15 and int(counts["commitments"]) >= 10
    assert int(counts["officials"]) >= 25 and int(counts["countries"]) >= 15


def test_sparql_returns_the_meetings_written_into_the_examples(built):
    out, _ = built
    g = Graph()
    g.parse(out / "graph.ttl", format="turtle")
    found: dict = {}
    for meeting, name, date, status, place in g.query(MEETINGS):
        rec = found.setdefault(meeting, {"names": set(), "date": None, "status": None, "place": None})
        rec["names"].add(str(name))
        rec.update(date=str(date) if date else None, status=str(status), place=str(place) if place else None)
    got = [(frozenset(r["names"]), r) for r in found.values()]
    missing = []
    for article, names, date, place, status in expected_meetings():
        if status == "not held":
            assert not any(n == names for n, _ in got), f"{article}: a meeting that did not happen: {sorted(names)}"
            continue
        hits = [r for n, r in got if n == names and r["status"] == status]
        if not hits:
            missing.append((article, sorted(names), status))
            continue
        if date != "none":
            assert any(r["date"] == date for r in hits), (article, sorted(names), date, hits)
        # a call has no meeting place: "none" is checked too
        assert any(r["place"] == (None if place == "none" else place) for r in hits), (article, sorted(names), place, hits)
    assert not missing, missing
