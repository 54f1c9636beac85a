"""The RDF vocabulary of the knowledge graph: our own terms and the namespaces we reuse.

:class:`KG` is a closed rdflib :class:`~rdflib.namespace.DefinedNamespace` over
``ontology/kg.ttl``: ``KG.Meeting`` works, a misspelt ``KG.Meting`` raises at once
(``tests/test_vocab.py`` checks the class against the Turtle both ways).
:data:`PREFIXES` maps the prefixes every export and every query uses to their IRIs.
"""
from __future__ import annotations

from pathlib import Path

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

__all__ = [
    "KG", "KG_NS", "ID", "EVT", "SCHEMA", "SEM", "ORG", "PROV", "TIME", "NIF", "SKOS", "OWL",
    "RDF", "RDFS", "XSD", "WD", "DCTERMS", "PREFIXES", "ontology_dir", "ontology_file",
]

KG_NS = "https://w3id.org/kg-diplomacy/ontology#"
ID = Namespace("https://w3id.org/kg-diplomacy/id/")
EVT = Namespace("https://w3id.org/kg-diplomacy/event-type/")
SCHEMA = Namespace("http://schema.org/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
ORG = Namespace("http://www.w3.org/ns/org#")
PROV = Namespace("http://www.w3.org/ns/prov#")
TIME = Namespace("http://www.w3.org/2006/time#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
WD = Namespace("http://www.wikidata.org/entity/")
DCTERMS = Namespace("http://purl.org/dc/terms/")


class KG(DefinedNamespace):
    """The terms of ``ontology/kg.ttl`` (closed: an unknown name raises AttributeError)."""

    _NS = Namespace(KG_NS)
    _fail = True

    # classes
    DiplomaticEvent: URIRef
    Meeting: URIRef
    Commitment: URIRef
    Official: URIRef
    Post: URIRef
    Tenure: URIRef
    EvidenceSpan: URIRef
    ArticleGraph: URIRef
    # event properties
    host: URIRef
    guest: URIRef
    counterpart: URIRef
    occasion: URIRef
    status: URIRef
    mode: URIRef
    confidence: URIRef
    ploverType: URIRef
    cameoType: URIRef
    content: URIRef
    evidence: URIRef
    rule: URIRef
    # entity properties
    iso3166Alpha2: URIRef
    iso3166Alpha3: URIRef
    title: URIRef
    post: URIRef
    bodyName: URIRef
    firstSeen: URIRef
    lastSeen: URIRef


PREFIXES: dict[str, str] = {
    "kg": KG_NS,
    "kgid": str(ID),
    "evt": str(EVT),
    "schema": str(SCHEMA),
    "sem": str(SEM),
    "org": str(ORG),
    "prov": str(PROV),
    "time": str(TIME),
    "nif": str(NIF),
    "skos": str(SKOS),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "wd": str(WD),
    "dcterms": str(DCTERMS),
}


def ontology_dir() -> Path:
    """The folder holding kg.ttl, event-types.ttl, shapes.ttl, context.jsonld and queries/."""
    return Path(__file__).resolve().parent / "ontology"


def ontology_file(name: str) -> Path:
    return ontology_dir() / name
