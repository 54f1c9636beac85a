"""The RDF export of the fixture graph, parsed back with rdflib and pyoxigraph, and the
GraphML / GEXF / node-link exports read back into the networkx contract."""
from __future__ import annotations

import json

import pytest
import rdflib
from rdflib.compare import isomorphic, to_isomorphic

from conftest import XSS_NAME, XSS_SENTENCE, sample_extractions
from kg.errors import InputError, KgError
from kg.graph import build_graph
from kg.rdf import (FORMATS, article_iri, graph_iri, node_id_of, node_iri, read_graph, to_dataset,
                    to_quads, write_graph)
from kg.vocab import KG, PREFIXES

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib's own parsers

SCHEMA = rdflib.Namespace(PREFIXES["schema"])
ID = rdflib.Namespace(PREFIXES["kgid"])


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("exports")
    g = build_graph(sample_extractions())
    return g, out, write_graph(g, out, list(FORMATS))


@pytest.fixture(scope="module")
def turtle(exported):
    return rdflib.Graph().parse(exported[1] / "graph.ttl")


def test_every_format_is_written_as_graph_ext(exported):
    _, out, paths = exported
    assert [p.name for p in paths] == [f"graph.{ext}" for ext in FORMATS.values()]
    assert all(p.stat().st_size > 0 for p in paths)
    assert not list(out.glob(".*.tmp")), "no temporary files are left behind"


def test_who_met_whom_when_in_sparql_over_the_turtle(turtle):
    rows = turtle.query("""
        SELECT ?a ?b ?date WHERE {
          ?m a kg:Meeting ; sem:hasActor ?x , ?y ; schema:startDate ?date .
          ?x schema:name ?a . ?y schema:name ?b . FILTER(STR(?a) < STR(?b))
        } ORDER BY ?date ?a ?b""", initNs={k: rdflib.Namespace(v) for k, v in PREFIXES.items()})
    got = [(str(a), str(b), str(d)) for a, b, d in rows]
    assert got == [
        ("Jens Stoltenberg", "Yoshimasa Hayashi", "2022-02-19"),
        ("Alice Example", XSS_NAME, "2024-01-04"),
        ("Wang Yi", "Yoshimasa Hayashi", "2025-03-20"),
        ("Cho Tae-yul", "Takeshi Iwaya", "2025-03-22"),
        ("Cho Tae-yul", "Wang Yi", "2025-03-22"),
        ("Takeshi Iwaya", "Wang Yi", "2025-03-22"),
    ]


def test_meeting_is_an_nary_event_with_evidence_and_provenance(turtle):
    m = ID["event/" + next(e for e, r in build_graph(sample_extractions()).graph["events"].items()
                           if r["kind"] == "meeting" and r["article"] == "a1")]
    assert (m, rdflib.RDF.type, KG.Meeting) in turtle
    assert turtle.value(m, SCHEMA.startDate) == rdflib.Literal("2022-02-19", datatype=rdflib.XSD.date)
    assert str(turtle.value(turtle.value(m, rdflib.URIRef(PREFIXES["sem"] + "hasPlace")), SCHEMA.name)) == "Germany"
    assert str(turtle.value(m, KG.status)) == "held" and str(turtle.value(m, KG.mode)) == "in person"
    assert turtle.value(m, KG.ploverType) == rdflib.URIRef(PREFIXES["evt"] + "CONSULT")
    assert turtle.value(m, KG.cameoType) == rdflib.URIRef(PREFIXES["evt"] + "cameo-040")
    assert float(turtle.value(m, KG.confidence)) == 0.8
    art = turtle.value(m, rdflib.URIRef(PREFIXES["prov"] + "wasDerivedFrom"))
    assert art == rdflib.URIRef(article_iri("a1"))
    assert str(turtle.value(art, SCHEMA.url)) == "https://example.org/a1"
    assert turtle.value(art, SCHEMA.datePublished) == rdflib.Literal("2022-02-20", datatype=rdflib.XSD.date)
    span = turtle.value(m, KG.evidence)
    assert str(span) == article_iri("a1") + "#char=100,145"
    nif = rdflib.Namespace(PREFIXES["nif"])
    assert str(turtle.value(span, nif.anchorOf)) == "The two officials met in Germany on Saturday."
    assert (int(turtle.value(span, nif.beginIndex)), int(turtle.value(span, nif.endIndex))) == (100, 145)


def test_countries_carry_iso_codes_and_wikidata(turtle):
    jp = rdflib.URIRef(node_iri("country:JP"))
    assert str(turtle.value(jp, KG.iso3166Alpha2)) == "JP" and str(turtle.value(jp, KG.iso3166Alpha3)) == "JPN"
    assert turtle.value(jp, rdflib.OWL.sameAs) == rdflib.URIRef("http://www.wikidata.org/entity/Q17")
    nato = rdflib.URIRef(node_iri("org:nato"))
    assert turtle.value(nato, rdflib.OWL.sameAs) == rdflib.URIRef("http://www.wikidata.org/entity/Q7184")


def test_posts_are_org_posts_with_tenures(turtle):
    org = rdflib.Namespace(PREFIXES["org"])
    rows = turtle.query("""
        SELECT ?name ?title ?body ?first WHERE {
          ?t a kg:Tenure ; org:member ?p ; kg:post ?post ; kg:firstSeen ?first ; org:organization ?b .
          ?p schema:name ?name . ?post kg:title ?title ; org:postIn ?b . ?b schema:name ?body .
          ?p org:holds ?post .
        } ORDER BY ?name""", initNs={k: rdflib.Namespace(v) for k, v in PREFIXES.items()})
    got = {(str(n), str(t), str(b), str(f)) for n, t, b, f in rows}
    assert ("Yoshimasa Hayashi", "Foreign Minister", "Japan", "2022-02-20") in got
    assert ("Jens Stoltenberg", "Secretary-General", "North Atlantic Treaty Organization", "2022-02-20") in got
    assert len(list(turtle.subjects(rdflib.RDF.type, org.Post))) == 5


def test_markup_in_names_and_evidence_is_kept_as_plain_literals(turtle):
    assert (None, SCHEMA.name, rdflib.Literal(XSS_NAME)) in turtle
    assert (None, rdflib.URIRef(PREFIXES["nif"] + "anchorOf"), rdflib.Literal(XSS_SENTENCE)) in turtle
    assert (None, SCHEMA.headline, rdflib.Literal("<i>Three</i>")) in turtle
    # the URL with markup is an IRI whose forbidden characters are percent-encoded
    assert str(turtle.value(rdflib.URIRef(article_iri("a3")), SCHEMA.url)) == "https://example.org/a3?x=%3Cb%3E"


def test_every_syntax_parses_back_to_the_same_triples(exported, turtle):
    _, out, _ = exported
    for name, fmt in [("graph.nt", "nt"), ("graph.rdf", "xml")]:
        other = rdflib.Graph().parse(out / name, format=fmt)
        assert isomorphic(turtle, other), name
    for name, fmt in [("graph.trig", "trig"), ("graph.nq", "nquads"), ("graph.jsonld", "json-ld")]:
        ds = rdflib.Dataset()
        ds.parse(out / name, format=fmt)
        union = rdflib.Graph()
        for q in ds.quads((None, None, None, None)):
            union.add(q[:3])
        assert isomorphic(turtle, union), name


def test_jsonld_has_a_context_and_compact_iris(exported):
    doc = json.loads((exported[1] / "graph.jsonld").read_text())
    assert doc["@context"]["schema"] == "http://schema.org/"
    assert any(n.get("@id") == "kgid:country/JP" for n in doc["@graph"])


def test_one_named_graph_per_article_and_entities_in_the_default_graph(exported):
    ds = rdflib.Dataset()
    ds.parse(exported[1] / "graph.trig", format="trig")
    names = {str(c.identifier) for c in ds.graphs() if c.identifier != rdflib.graph.DATASET_DEFAULT_GRAPH_ID}
    assert names == {graph_iri(a) for a in ("a1", "a2", "a3")}
    a1 = ds.graph(rdflib.URIRef(graph_iri("a1")))
    assert len(set(a1.subjects(rdflib.RDF.type, KG.Meeting))) == 1
    assert len(set(a1.subjects(rdflib.RDF.type, KG.Commitment))) == 1
    assert not set(a1.subjects(rdflib.RDF.type, SCHEMA.Person)), "entity descriptions stay out"
    default = ds.graph(rdflib.graph.DATASET_DEFAULT_GRAPH_ID)
    assert set(default.subjects(rdflib.RDF.type, SCHEMA.Person))
    a2 = ds.graph(rdflib.URIRef(graph_iri("a2")))
    assert len(set(a2.subjects(rdflib.RDF.type, KG.Meeting))) == 2


def test_to_dataset_matches_the_trig_export(exported):
    ds = to_dataset(exported[0])
    parsed = rdflib.Dataset()
    parsed.parse(exported[1] / "graph.trig", format="trig")
    for gname in [graph_iri(a) for a in ("a1", "a2", "a3")]:
        assert isomorphic(ds.graph(rdflib.URIRef(gname)), parsed.graph(rdflib.URIRef(gname))), gname
    assert isomorphic(ds.default_graph, parsed.graph(rdflib.graph.DATASET_DEFAULT_GRAPH_ID))


def test_same_input_gives_byte_identical_sorted_ntriples(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    write_graph(build_graph(sample_extractions()), a, ["nt", "turtle"])
    write_graph(build_graph(sample_extractions()), b, ["nt", "turtle"])
    nt = (a / "graph.nt").read_bytes()
    assert nt == (b / "graph.nt").read_bytes()
    assert nt.splitlines() == sorted(nt.splitlines())
    assert b"_:" not in nt, "no blank nodes: every IRI is minted from ids"
    ga, gb = rdflib.Graph().parse(a / "graph.ttl"), rdflib.Graph().parse(b / "graph.ttl")
    assert to_isomorphic(ga) == to_isomorphic(gb)
    assert (a / "graph.ttl").read_bytes() == (b / "graph.ttl").read_bytes()


def test_node_iris_round_trip():
    for n in ["person:yoshimasa-hayashi", "country:JP", "org:nato", "org:a b/c?d#e", "weird"]:
        iri = node_iri(n)
        rdflib.URIRef(iri)  # a valid IRI
        assert "#" not in iri and " " not in iri
        assert node_id_of(iri) == n


def _norm(g):
    """The graph contract with meeting participants and actors in a canonical order."""
    def rec(r):
        r = dict(r)
        for k in ("participants", "actors"):
            if k in r:
                r[k] = sorted(r[k])
        return r

    nodes = {n: dict(d) for n, d in g.nodes(data=True)}
    edges = sorted((tuple(sorted((u, v))), k, json.dumps(rec(d), sort_keys=True))
                   for u, v, k, d in g.edges(keys=True, data=True))
    events = {e: rec(r) for e, r in g.graph["events"].items()}
    return nodes, edges, events, g.graph["articles"]


@pytest.mark.parametrize("name", ["graph.ttl", "graph.trig", "graph.nq", "graph.nt", "graph.jsonld",
                                  "graph.rdf", "graph.graphml", "graph.json"])
def test_read_graph_round_trips(exported, name):
    g, out, _ = exported
    back = read_graph(out / name)
    want_nodes, want_edges, want_events, want_articles = _norm(g)
    nodes, edges, events, articles = _norm(back)
    if name == "graph.ttl" or name.endswith((".nt", ".nq", ".trig", ".jsonld", ".rdf")):
        want_articles = {**want_articles, "a3": {**want_articles["a3"], "url": "https://example.org/a3?x=%3Cb%3E"}}
        for r in want_events.values():
            if r["article"] == "a3":
                r["url"] = "https://example.org/a3?x=%3Cb%3E"
        want_edges = [(uv, k, d.replace("a3?x=<b>", "a3?x=%3Cb%3E")) for uv, k, d in want_edges]
    assert nodes == want_nodes
    assert articles == want_articles
    assert events == want_events
    assert edges == want_edges
    assert "_name_index" in back.graph and back.graph["_name_index"]["hayashi"] == {"person:yoshimasa-hayashi"}


def test_gexf_round_trips_nodes_and_edges(exported):
    g, out, _ = exported
    back = read_graph(out / "graph.gexf")
    nodes, edges, events, _ = _norm(back)
    want_nodes, want_edges, want_events, _ = _norm(g)
    assert nodes == want_nodes and edges == want_edges
    # GEXF keeps no graph attributes: events drawn as edges come back from the edges
    assert set(events) == {e for e, r in want_events.items()
                           if len(r.get("participants") or r.get("actors") or []) > 1 or r.get("counterpart")}


def test_read_graph_errors_are_one_line(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_graph(tmp_path / "missing.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix x: <http://x/> .\nx:a x:b {{ not turtle\n")
    with pytest.raises(InputError) as e:
        read_graph(bad)
    assert str(e.value).startswith(f"{bad}: not valid Turtle: Parser error at line 2") and "\n" not in str(e.value)
    odd = tmp_path / "graph.xyz"
    odd.write_text("x")
    with pytest.raises(InputError, match="unknown graph format"):
        read_graph(odd)


def test_unknown_format_is_a_user_error(tmp_path):
    with pytest.raises(KgError, match="unknown format 'png'"):
        write_graph(build_graph(sample_extractions()), tmp_path, ["png"])


def test_partial_dates_odd_values_and_empty_graph(tmp_path):
    g = build_graph(sample_extractions())
    ev = next(iter(g.graph["events"].values()))
    ev["date"], ev["confidence"] = "2022-02", 1e-05
    g.graph["articles"]["a1"]["published"] = "not a date"
    others = list(g.graph["events"].values())
    others[1]["confidence"], others[2]["confidence"] = float("nan"), "high"  # untrusted input: left out
    quads = list(to_quads(g))
    dts = {q.object.datatype.value for q in quads if q.predicate.value.endswith("startDate")}
    assert PREFIXES["xsd"] + "gYearMonth" in dts
    assert any(q.object.value == "0.00001" for q in quads if q.predicate.value.endswith("confidence"))
    write_graph(g, tmp_path, ["turtle"])
    assert rdflib.Graph().parse(tmp_path / "graph.ttl")
    import networkx as nx
    empty = tmp_path / "empty"
    write_graph(nx.MultiDiGraph(articles={}, events={}), empty, ["turtle", "nt"])
    assert read_graph(empty / "graph.ttl").number_of_nodes() == 0


def test_reingesting_into_a_read_back_graph_replaces_exactly_that_articles_facts(exported):
    """What `kg build --update` does: read graph.ttl back, then re-ingest an article."""
    g, out, _ = exported
    back = read_graph(out / "graph.nt")
    a1, a2, a3 = sample_extractions()
    a2.meetings = a2.meetings[:1]  # the article changed: one meeting fewer
    updated = build_graph([a2], base=back)
    want = build_graph([a1, a2, a3])
    got_nodes, got_edges, got_events, got_articles = _norm(updated)
    want_nodes, want_edges, want_events, want_articles = _norm(want)
    assert got_nodes == want_nodes
    assert set(got_events) == set(want_events)
    assert [(uv, k) for uv, k, _ in got_edges] == [(uv, k) for uv, k, _ in want_edges]


def test_any_characters_in_strings_survive_every_syntax(tmp_path):
    from kg.model import Article, Evidence, Extraction, Meeting, Person
    odd = 'Q"uote \\back\nline\ttab\rcr \x00nul \x7fdel é 日本 \u2028 end'
    ex = Extraction(article=Article(id="odd id/with?chars#", text="", published="2024-05-05",
                                    url="not a url", title=odd),
                    persons=[Person(odd), Person("Bob Plain")],
                    meetings=[Meeting([odd, "Bob Plain"], Evidence(odd, 0, len(odd)), place=odd, occasion=odd)])
    g = build_graph([ex])
    write_graph(g, tmp_path, ["turtle", "trig", "nquads", "nt", "json-ld", "xml"])
    for name in ["graph.ttl", "graph.trig", "graph.nq", "graph.nt", "graph.jsonld"]:
        back = read_graph(tmp_path / name)
        assert back.nodes[next(n for n in back if back.nodes[n]["label"] != "Bob Plain")]["label"] == odd, name
        (rec,) = back.graph["events"].values()
        assert rec["evidence"] == odd and rec["place"] == odd and rec["occasion"] == odd, name
        assert back.graph["articles"]["odd id/with?chars#"]["title"] == odd
        assert back.graph["articles"]["odd id/with?chars#"]["url"] == "not a url"
    ds = rdflib.Dataset()
    ds.parse(tmp_path / "graph.trig", format="trig")
    assert (None, SCHEMA.name, rdflib.Literal(odd)) in ds
    # XML 1.0 cannot carry NUL or DEL-range controls: in RDF/XML they become U+FFFD
    xml = rdflib.Graph().parse(tmp_path / "graph.rdf", format="xml")
    names = {str(o) for o in xml.objects(None, SCHEMA.name)}
    assert odd.replace("\x00", "\ufffd") in names


def test_lone_surrogates_do_not_break_the_export(tmp_path):
    from kg.model import Article, Extraction, Person
    g = build_graph([Extraction(article=Article(id="s", text=""), persons=[Person("Bad \ud800 name")])])
    write_graph(g, tmp_path, ["turtle", "nt"])
    assert read_graph(tmp_path / "graph.ttl").nodes["person:bad-name"]["label"] == "Bad ? name"
