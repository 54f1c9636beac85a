"""SPARQL over exported graphs: the library, the saved queries, parameters as terms, and `kg query`."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from conftest import XSS_NAME, sample_extractions
from kg.cli import cli
from kg.errors import KgError
from kg.graph import build_graph
from kg.model import Article, Evidence, Extraction, Meeting, Person
from kg.query import query_command, run_query, run_saved, saved_queries
from kg.rdf import load_store, write_graph

WHO_MET_WHOM = """
SELECT ?a ?b ?date WHERE {
  ?m a kg:Meeting ; sem:hasActor ?x , ?y ; schema:startDate ?date .
  ?x schema:name ?a . ?y schema:name ?b . FILTER(STR(?a) < STR(?b))
} ORDER BY ?date ?a ?b"""


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    out = tmp_path_factory.mktemp("q")
    write_graph(build_graph(sample_extractions()), out, ["turtle", "trig", "nquads", "json-ld", "graphml"])
    return out


@pytest.fixture(scope="module")
def ttl(exports):
    return exports / "graph.ttl"


def rows(results):
    return [tuple(None if sol[v] is None else sol[v].value for v in results.variables) for sol in results]


def test_who_met_whom_when(ttl):
    got = rows(run_query(ttl, WHO_MET_WHOM))
    assert got[0] == ("Jens Stoltenberg", "Yoshimasa Hayashi", "2022-02-19")
    assert ("Alice Example", XSS_NAME, "2024-01-04") in got
    assert len(got) == 6


@pytest.mark.parametrize("name", ["graph.trig", "graph.nq", "graph.jsonld", "graph.graphml"])
def test_every_export_answers_the_same(exports, ttl, name):
    assert rows(run_query(exports / name, WHO_MET_WHOM)) == rows(run_query(ttl, WHO_MET_WHOM))


def test_saved_queries_are_documented():
    queries = saved_queries()
    assert {"meetings-of", "met-both", "meetings-between-countries", "commitments-by", "most-active-officials",
            "officials-by-country", "posts-of"} <= set(queries)
    for q in queries.values():
        assert q.text.startswith(f"# {q.name}: ") and q.summary, q.name
        assert "# Example: kg query" in q.text
        select = q.text[q.text.index("SELECT"):].split("\n", 1)[0]
        for p in q.params:
            assert f"?{p}" in select, f"{q.name}: ?{p} must be projected to be bound"
            assert q.text.count(f"?{p} ") + q.text.count(f"?{p}\n") >= 2, q.name


@pytest.mark.parametrize("name, params, expected", [
    ("meetings-of", {"person": "Yoshimasa Hayashi"}, [("2022-02-19", "Jens Stoltenberg"), ("2025-03-20", "Wang Yi")]),
    ("meetings-of", {"person": "Hayashi"}, [("2022-02-19", "Jens Stoltenberg"), ("2025-03-20", "Wang Yi")]),
    ("met-both", {"a": "Wang Yi", "b": "Takeshi Iwaya"}, [("Cho Tae-yul",)]),
    ("meetings-between-countries", {"country_a": "JP", "country_b": "China"},
     [("2025-03-20", "Yoshimasa Hayashi", "Wang Yi"), ("2025-03-22", "Takeshi Iwaya", "Wang Yi")]),
    ("commitments-by", {"party": "Japan"},
     [("Japan", "provide assistance", "China"), ("Yoshimasa Hayashi", "work closely to ease tensions", None)]),
    ("officials-by-country", {"country": "JP"}, [("Foreign Minister", "Yoshimasa Hayashi"),
                                                 ("Foreign Minister", "Takeshi Iwaya")]),
    ("posts-of", {"person": "Jens Stoltenberg"}, [("Secretary-General", "North Atlantic Treaty Organization")]),
    ("most-active-officials", {}, [("Wang Yi", "2"), ("Yoshimasa Hayashi", "2")]),
    ("country-pairs", {}, [("China", "Japan", "2"), ("China", "South Korea", "1"), ("Japan", "South Korea", "1")]),
])
def test_saved_query_answers(ttl, name, params, expected):
    got = rows(run_saved(ttl, name, **params))
    cols = {"meetings-of": (1, 2), "met-both": (2,), "meetings-between-countries": (3, 4, 5),
            "commitments-by": (2, 3, 4), "officials-by-country": (1, 2), "posts-of": (1, 2),
            "most-active-officials": (0, 1), "country-pairs": (0, 1, 2)}[name]
    assert [tuple(r[i] for i in cols) for r in got][:len(expected)] == expected


def _graph_with(name):
    ex = Extraction(article=Article(id="evil", text="", published="2024-05-05"),
                    persons=[Person(name), Person("Bob Plain")],
                    meetings=[Meeting([name, "Bob Plain"], Evidence("x met y.", 0, 8), date="2024-05-04")])
    return build_graph(sample_extractions() + [ex])


def test_a_quote_or_brace_in_a_parameter_cannot_change_the_query(tmp_path):
    evil = 'Eve "} UNION { ?official ?x ?y } # {'
    write_graph(_graph_with(evil), tmp_path, ["turtle"])
    store = load_store(tmp_path / "graph.ttl")
    # the value is one RDF literal: it matches exactly the official with that name
    got = rows(run_saved(store, "meetings-of", person=evil))
    assert [(r[0], r[2]) for r in got] == [(evil, "Bob Plain")]
    # a value that would break out of a string if pasted into the text matches nothing
    for attack in ['Yoshimasa Hayashi" } UNION { ?official ?p ?o } #', "x' . ?a ?b ?c #", "} } ASK {"]:
        assert rows(run_saved(store, "meetings-of", person=attack)) == []
    # the same through the CLI
    out = query_command(str(tmp_path / "graph.ttl"), None, saved="meetings-of", params=[f"person={evil}"], fmt="csv")
    assert list(csv.reader(io.StringIO(out)))[1][1] == "Bob Plain"


def test_output_formats(ttl):
    table = query_command(str(ttl), WHO_MET_WHOM, fmt="table")
    lines = table.splitlines()
    assert lines[0].split() == ["a", "b", "date"] and set(lines[1]) <= {"-", " "}
    assert lines[2].index("Yoshimasa") == lines[0].index("b"), "columns are aligned"
    assert lines[-1] == "(6 rows)"
    data = list(csv.reader(io.StringIO(query_command(str(ttl), WHO_MET_WHOM, fmt="csv"))))
    assert data[0] == ["a", "b", "date"] and data[1] == ["Jens Stoltenberg", "Yoshimasa Hayashi", "2022-02-19"]
    doc = json.loads(query_command(str(ttl), WHO_MET_WHOM, fmt="json"))
    assert doc["head"]["vars"] == ["a", "b", "date"]
    assert doc["results"]["bindings"][0]["date"] == {
        "type": "literal", "value": "2022-02-19", "datatype": "http://www.w3.org/2001/XMLSchema#date"}
    assert query_command(str(ttl), "ASK { ?m a kg:Meeting }") == "true\n"
    construct = query_command(str(ttl), "CONSTRUCT { ?m a kg:Meeting } WHERE { ?m a kg:Meeting }", fmt="csv")
    assert construct.count("\n") == 4


def test_saved_query_output_leaves_out_parameter_columns(ttl):
    out = query_command(str(ttl), None, saved="meetings-of", params=["person=Yoshimasa Hayashi"])
    assert out.splitlines()[0].split()[:2] == ["date", "with"]


def test_table_cells_cannot_carry_newlines_or_terminal_escapes(tmp_path):
    write_graph(_graph_with("Line\nBreak \x1b[31mRed"), tmp_path, ["turtle"])
    out = query_command(str(tmp_path / "graph.ttl"), "SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n }")
    assert "\x1b" not in out and "Line\\nBreak \\x1b[31mRed" in out


def test_user_errors(ttl, tmp_path):
    with pytest.raises(KgError, match=r"^bad SPARQL: "):
        query_command(str(ttl), "SELECT ?x WHERE { ?x ")
    with pytest.raises(KgError, match="^unknown saved query 'nope': choose from commitments-by, "):
        query_command(str(ttl), None, saved="nope")
    with pytest.raises(KgError, match=r"^saved query met-both needs --param b=VALUE$"):
        query_command(str(ttl), None, saved="met-both", params=["a=Wang Yi"])
    with pytest.raises(KgError, match=r"^saved query country-pairs has no parameter 'x' \(it takes no parameters\)$"):
        query_command(str(ttl), None, saved="country-pairs", params=["x=1"])
    with pytest.raises(KgError, match=r"^--param 'person': expected NAME=VALUE$"):
        query_command(str(ttl), None, saved="meetings-of", params=["person"])
    with pytest.raises(KgError, match=r"no such graph file$"):
        query_command(str(tmp_path / "missing.ttl"), "ASK {}")
    with pytest.raises(KgError, match=r"^--param x: the query must SELECT \?x to bind it$"):
        query_command(str(ttl), "SELECT ?n WHERE { ?p schema:name ?n }", params=["x=1"])


# ---------------------------------------------------------------- the CLI

def invoke(*args):
    return CliRunner().invoke(cli, list(args))


def test_cli_query(ttl):
    r = invoke("query", str(ttl), "SELECT ?name WHERE { ?p a kg:Official ; schema:name ?name } ORDER BY ?name")
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[2] == "Alice Example"
    r = invoke("query", str(ttl), "--saved", "meetings-of", "--param", "person=Yoshimasa Hayashi", "--format", "csv")
    assert r.exit_code == 0 and r.stdout.splitlines()[1].startswith("2022-02-19,Jens Stoltenberg,Germany,")
    r = invoke("query", "--list")
    assert r.exit_code == 0 and "meetings-of" in r.stdout and "country_a country_b" in r.stdout


def test_cli_query_file(ttl, tmp_path):
    q = tmp_path / "q.rq"
    q.write_text("# count meetings\nSELECT (COUNT(?m) AS ?n) WHERE { ?m a kg:Meeting }\n")
    r = invoke("query", str(ttl), "--file", str(q), "--format", "csv")
    assert r.exit_code == 0 and r.stdout == "n\n4\n"


@pytest.mark.parametrize("args, message", [
    (["query", "missing.ttl", "ASK {}"], "Error: missing.ttl: no such graph file\n"),
    (["query", "{ttl}", "--saved", "nope"],
     "Error: unknown saved query 'nope': choose from commitments-by, country-pairs, meetings-between-countries, "
     "meetings-of, met-both, most-active-officials, officials-by-country, posts-of (kg query --list)\n"),
    (["query", "{ttl}", "--saved", "meetings-of"], "Error: saved query meetings-of needs --param person=VALUE\n"),
    (["query", "{ttl}"], "Error: no query: give SPARQL text, --file Q.rq or --saved NAME (kg query --list)\n"),
    (["query"], "Error: missing GRAPH: kg query GRAPH 'SPARQL' (or --file Q.rq, --saved NAME; kg query --list)\n"),
])
def test_cli_query_errors(ttl, args, message):
    r = invoke(*[a.replace("{ttl}", str(ttl)) for a in args])
    assert r.exit_code == 1
    assert r.stderr == message
    assert "Traceback" not in r.output


def test_cli_bad_sparql_is_one_line(ttl):
    r = invoke("query", str(ttl), "SELECT ?x WHERE {")
    assert r.exit_code == 1
    assert r.stderr.startswith("Error: bad SPARQL: ") and r.stderr.count("\n") == 1
