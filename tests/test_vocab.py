"""The closed namespace in kg/vocab.py and the ontology in kg.ttl name the same terms."""
from __future__ import annotations

import json

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from kg.vocab import KG, KG_NS, PREFIXES, ontology_dir, ontology_file


@pytest.fixture(scope="module")
def ontology():
    return rdflib.Graph().parse(ontology_file("kg.ttl"))


def _declared(ontology):
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, RDF.Property)
    return {str(s) for k in kinds for s in ontology.subjects(RDF.type, k) if str(s).startswith(KG_NS)}


def test_every_vocab_term_is_declared_in_the_ontology(ontology):
    declared = _declared(ontology)
    terms = {str(KG[name]) for name in KG.__annotations__}
    assert terms and terms <= declared, sorted(terms - declared)


def test_every_ontology_term_is_in_the_vocab(ontology):
    terms = {str(KG[name]) for name in KG.__annotations__}
    assert _declared(ontology) <= terms, sorted(_declared(ontology) - terms)


def test_every_term_has_an_english_label_and_comment(ontology):
    for term in _declared(ontology):
        s = rdflib.URIRef(term)
        assert any(getattr(o, "language", None) == "en" for o in ontology.objects(s, RDFS.label)), term
        assert any(getattr(o, "language", None) == "en" for o in ontology.objects(s, RDFS.comment)), term


def test_no_stray_kg_terms_are_used_without_declaration(ontology):
    used = {str(t) for triple in ontology for t in triple
            if isinstance(t, rdflib.URIRef) and str(t).startswith(KG_NS)}
    assert used <= _declared(ontology), sorted(used - _declared(ontology))


def test_namespace_is_closed():
    assert str(KG.Meeting) == KG_NS + "Meeting"
    with pytest.raises(AttributeError):
        KG.Meting  # noqa: B018 - a misspelling must fail


def test_event_types_parse_and_cover_the_codes():
    g = rdflib.Graph().parse(ontology_file("event-types.ttl"))
    skos = rdflib.Namespace(PREFIXES["skos"])
    notations = {str(o) for o in g.objects(None, skos.notation)}
    assert {"CONSULT", "CONSULT/visit", "CONSULT/host", "CONSULT/third-party", "CONSULT/phone",
            "CONSULT/multilateral", "AGREE", "SUPPORT"} <= notations
    assert {"030", "036", "040", "041", "042", "043", "044", "045", "046", "057"} <= notations
    for c in g.subjects(RDF.type, skos.Concept):
        assert g.value(c, skos.prefLabel) is not None and g.value(c, skos.inScheme) is not None, c


def test_context_and_layout():
    ctx = json.loads(ontology_file("context.jsonld").read_text())["@context"]
    for prefix, iri in PREFIXES.items():
        if prefix != "dcterms":
            assert ctx[prefix] == iri
    assert (ontology_dir() / "queries").is_dir()
