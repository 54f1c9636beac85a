"""Shared fixtures: hand-made extractions (no extractor involved) and the graph built from them."""
from __future__ import annotations

import pytest

from kg.graph import build_graph
from kg.model import (Article, Commitment, Country, Evidence, Extraction, Meeting, Organization,
                      Person, Position)

XSS_NAME = 'Mallory <script>window.__xss=1</script> Smith'
XSS_SENTENCE = 'Mallory <img src=x onerror="window.__xss=2"> met Alice Example in Paris.'


def _ev(text, start=0):
    return Evidence(text=text, start=start, end=start + len(text), rule="test")


def sample_extractions():
    """Three small articles: a bilateral meeting, a trilateral meeting with a commitment,
    and an article whose strings carry markup payloads."""
    a1 = Extraction(
        article=Article(id="a1", text="", published="2022-02-20", url="https://example.org/a1", title="One"),
        persons=[Person("Yoshimasa Hayashi", ["Hayashi"], [Position("Foreign Minister", "Japan")]),
                 Person("Jens Stoltenberg", ["Stoltenberg"],
                        [Position("Secretary-General", "North Atlantic Treaty Organization")])],
        countries=[Country("Japan", "JP", "JPN", "Q17"), Country("Germany", "DE", "DEU", "Q183")],
        organizations=[Organization("North Atlantic Treaty Organization", ["NATO"], "nato", "Q7184")],
        meetings=[Meeting(["Yoshimasa Hayashi", "Jens Stoltenberg"], _ev("The two officials met in Germany on Saturday.", 100),
                          date="2022-02-19", place="Germany", status="held")],
        commitments=[Commitment(["Yoshimasa Hayashi", "Jens Stoltenberg"], "work closely to ease tensions",
                                _ev("They confirmed that the two sides will work closely to ease tensions.", 10))],
    )
    a2 = Extraction(
        article=Article(id="a2", text="", published="2025-03-22", url="https://example.org/a2", title="Two"),
        persons=[Person("Takeshi Iwaya", ["Iwaya"], [Position("Foreign Minister", "Japan")]),
                 Person("Wang Yi", ["Wang"], [Position("Foreign Minister", "China")]),
                 Person("Cho Tae-yul", ["Cho"], [Position("Foreign Minister", "South Korea")]),
                 Person("Hayashi", [], [])],
        countries=[Country("Japan", "JP", "JPN", "Q17"), Country("China", "CN", "CHN", "Q148"),
                   Country("South Korea", "KR", "KOR", "Q884")],
        meetings=[Meeting(["Takeshi Iwaya", "Wang Yi", "Cho Tae-yul"], _ev("The three ministers met in Tokyo.", 50),
                          date="2025-03-22", place="Tokyo", status="held", occasion=None),
                  Meeting(["Wang Yi", "Hayashi"], _ev("Wang met Hayashi in Beijing.", 200),
                          date="2025-03-20", place="Beijing", status="held")],
        commitments=[Commitment(["Japan"], "provide assistance", _ev("Japan will provide assistance.", 300),
                                counterpart="China")],
    )
    a3 = Extraction(
        article=Article(id="a3", text="", published="2024-01-05", url="https://example.org/a3?x=<b>", title="<i>Three</i>"),
        persons=[Person(XSS_NAME, [], [Position("Ambassador", "France")]), Person("Alice Example", [], [])],
        countries=[Country("France", "FR", "FRA", "Q142")],
        meetings=[Meeting([XSS_NAME, "Alice Example"], _ev(XSS_SENTENCE, 0), date="2024-01-04", place="Paris")],
    )
    return [a1, a2, a3]


@pytest.fixture
def extractions():
    return sample_extractions()


@pytest.fixture
def graph():
    return build_graph(sample_extractions())
