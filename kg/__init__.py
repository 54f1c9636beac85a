"""kg: diplomatic news in, knowledge graph out.

The pipeline, one module per stage: :mod:`kg.read` (articles) -> :mod:`kg.sentences` ->
:mod:`kg.entities` -> :mod:`kg.coref` (aliases and coreference) -> :mod:`kg.events`
(meetings, commitments) -> :mod:`kg.graph` (networkx, merged across articles) ->
:mod:`kg.rdf` / :mod:`kg.html` (exports) -> :mod:`kg.query` (SPARQL).
"""
__version__ = "0.1.0"
