"""kg.pipeline and the graph it feeds: parallel extraction gives the same result as serial,
articles are streamed (never collected into a list), an article re-ingested with new text
replaces its facts, and the same official named in several articles is one node."""
from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest

import kg.pipeline
from kg.extract import extract_article
from kg.graph import add_extraction, build_graph
from kg.model import Article, Extraction
from kg.pipeline import extract_all
from kg.read import iter_articles

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"

try:
    from kg.rdf import read_graph, write_graph  # noqa: F401
    _RDF_MISSING = None
except Exception as e:  # pragma: no cover - only while kg.rdf is being written
    _RDF_MISSING = f"kg.rdf not importable yet: {e!r}"
needs_rdf = pytest.mark.skipif(_RDF_MISSING is not None, reason=_RDF_MISSING or "")

_MINISTERS = [("Japanese", "Foreign Minister", "Yoshimasa Hayashi"), ("Indian", "External Affairs Minister", "S. Jaishankar"),
              ("German", "Foreign Minister", "Annalena Baerbock"), ("Australian", "Foreign Minister", "Penny Wong"),
              ("Brazilian", "Foreign Minister", "Mauro Vieira"), ("Kenyan", "Foreign Minister", "Alfred Mutua")]
_CITIES = ["Tokyo", "New Delhi", "Berlin", "Canberra", "Brasilia", "Nairobi"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def synthetic_record(i: int) -> dict:
    """A short, varied article (deterministic in ``i``)."""
    a = _MINISTERS[i % len(_MINISTERS)]
    b = _MINISTERS[(i * 5 + 1) % len(_MINISTERS)]
    if a == b:
        b = _MINISTERS[(i + 1) % len(_MINISTERS)]
    city = _CITIES[i % len(_CITIES)]
    text = (f"{city.upper()} (Example Wire) — {a[0]} {a[1]} {a[2]} met {b[0]} {b[1]} {b[2]} in {city} "
            f"on {_DAYS[i % 7]}. The two ministers agreed to expand cooperation on project number {i}.")
    return {"id": f"syn-{i:05d}", "text": text, "published": f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "url": f"https://example.org/syn/{i}"}


def write_corpus(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps(synthetic_record(i)) + "\n")
    return path


def as_json(extractions) -> list[str]:
    return [json.dumps(ex.to_json(explain=True), sort_keys=True) for ex in extractions]


def extract_text(aid: str, text: str, published: str = "2022-02-21") -> Extraction:
    return extract_article(Article(id=aid, text=text, published=published))


def person_nodes(g) -> dict[str, dict]:
    return {n: d for n, d in g.nodes(data=True) if d["kind"] == "person"}


def node_of(g, label: str) -> str:
    [n] = [n for n, d in person_nodes(g).items() if d["label"] == label]
    return n


def meeting_pairs(g, article: str | None = None) -> set[frozenset[str]]:
    return {frozenset((g.nodes[u]["label"], g.nodes[v]["label"]))
            for u, v, d in g.edges(data=True)
            if d["kind"] == "meeting" and (article is None or d["article"] == article)}


# -- parallel extraction -----------------------------------------------------------------

def test_jobs_2_equals_jobs_1_on_the_examples():
    serial = as_json(extract_all([str(EXAMPLES)], jobs=1))
    parallel = as_json(extract_all([str(EXAMPLES)], jobs=2))
    assert len(serial) == 10
    assert parallel == serial


def test_jobs_2_keeps_input_order_across_batches(tmp_path):
    """More articles than one batch (64 per worker): results still come back in input order."""
    corpus = write_corpus(tmp_path / "c.jsonl", 150)
    parallel = list(extract_all([str(corpus)], jobs=2))
    assert [ex.article.id for ex in parallel] == [f"syn-{i:05d}" for i in range(150)]
    assert as_json(parallel) == as_json(extract_all([str(corpus)], jobs=1))
    assert sum(len(ex.meetings) for ex in parallel) >= 100, "the synthetic articles do yield meetings"


def test_user_dictionary_reaches_the_worker_processes(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("Envoys Meet\n15:57 JST, February 20, 2022\nTOKYO (Example Wire) — Indian Grand Vizier "
                    "Rudra Varman met Japanese Foreign Minister Yoshimasa Hayashi in Tokyo on Saturday.\n",
                    encoding="utf-8")
    d = tmp_path / "d.jsonl"
    d.write_text('{"type": "title", "title": "Foreign Minister", "forms": ["Grand Vizier"]}\n', encoding="utf-8")
    plain = as_json(extract_all([str(page)], jobs=2))
    with_dict = as_json(extract_all([str(page)], jobs=2, dictionaries=[str(d)]))
    assert with_dict == as_json(extract_all([str(page)], jobs=1, dictionaries=[str(d)]))
    assert with_dict != plain
    def persons(js):
        return [p["name"] for p in json.loads(js)["persons"]]
    assert "Rudra Varman" in persons(with_dict[0]) and "Rudra Varman" not in persons(plain[0])


# -- streaming ---------------------------------------------------------------------------

class CountingReader:
    """Wraps kg.read.iter_articles and records how far the reader got."""

    def __init__(self):
        self.pulled = 0
        self.exhausted = False

    def __call__(self, inputs):
        for a in iter_articles(inputs):
            self.pulled += 1
            yield a
        self.exhausted = True


@pytest.fixture(scope="module")
def corpus_2000(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("stream") / "corpus.jsonl", 2000)


def test_extract_all_is_a_lazy_generator(corpus_2000, monkeypatch):
    reader = CountingReader()
    monkeypatch.setattr(kg.pipeline, "iter_articles", reader)
    it = extract_all([str(corpus_2000)], jobs=1)
    assert reader.pulled == 0, "nothing is read before the first result is asked for"
    first = next(it)
    assert first.article.id == "syn-00000"
    assert reader.pulled == 1 and not reader.exhausted
    second = next(it)
    assert second.article.id == "syn-00001" and reader.pulled == 2
    it.close()


def test_extract_all_interleaves_reading_and_extracting(corpus_2000, monkeypatch):
    """Over the whole 2,000-article corpus, article k is extracted before article k+1 is read."""
    log = []
    reader = CountingReader()

    def logging_reader(inputs):
        for a in reader(inputs):
            log.append(("read", a.id))
            yield a

    def cheap_extract(article, gaz=None):
        log.append(("extract", article.id))
        return Extraction(article=article)

    monkeypatch.setattr(kg.pipeline, "iter_articles", logging_reader)
    monkeypatch.setattr(kg.pipeline, "extract_article", cheap_extract)
    n = sum(1 for _ in extract_all([str(corpus_2000)], jobs=1))
    assert n == 2000 and reader.exhausted
    assert log[:4] == [("read", "syn-00000"), ("extract", "syn-00000"), ("read", "syn-00001"), ("extract", "syn-00001")]
    assert all(log[2 * i][0] == "read" and log[2 * i + 1] == ("extract", log[2 * i][1]) for i in range(2000))


def test_extract_all_parallel_reads_at_most_one_batch_ahead(corpus_2000, monkeypatch):
    reader = CountingReader()
    monkeypatch.setattr(kg.pipeline, "iter_articles", reader)
    it = extract_all([str(corpus_2000)], jobs=2)
    assert next(it).article.id == "syn-00000"
    assert 1 <= reader.pulled <= 64 * 2 and not reader.exhausted
    it.close()


def test_reader_memory_does_not_grow_with_the_corpus(corpus_2000):
    """Streaming 2,000 articles through the reader never holds the corpus (~0.5 MB) in memory."""
    size = corpus_2000.stat().st_size
    tracemalloc.start()
    try:
        n = 0
        for a in iter_articles([str(corpus_2000)]):
            n += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert n == 2000
    assert peak < size / 4, (peak, size)


def test_extract_to_streams_into_the_output_file(corpus_2000, tmp_path, monkeypatch):
    """extract_to writes each object as it comes, then renames: the output holds all 2,000."""
    monkeypatch.setattr(kg.pipeline, "extract_article", lambda a, gaz=None: Extraction(article=a))
    out = tmp_path / "facts.jsonl"
    assert kg.pipeline.extract_to([str(corpus_2000)], str(out)) == 2000
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2000 and json.loads(lines[-1])["id"] == "syn-01999"


# -- incremental update ------------------------------------------------------------------

A_V1 = ("TOKYO (Example Wire) — Japanese Foreign Minister Yoshimasa Hayashi met NATO Secretary-General "
        "Jens Stoltenberg in Tokyo on Monday.")
A_V2 = ("TOKYO (Example Wire) — Japanese Foreign Minister Yoshimasa Hayashi held talks with Indian External "
        "Affairs Minister S. Jaishankar in Tokyo on Monday.")
B = ("CANBERRA (Example Wire) — Australian Foreign Minister Penny Wong met German Foreign Minister "
     "Annalena Baerbock in Canberra on Monday. The two ministers agreed to expand cooperation on critical minerals.")


def _events_of(g, article):
    return {eid: rec for eid, rec in g.graph["events"].items() if rec["article"] == article}


@pytest.mark.parametrize("how", ["build_graph", "add_extraction"])
def test_reingested_article_replaces_its_facts(how):
    g = build_graph([extract_text("a", A_V1), extract_text("b", B)])
    assert meeting_pairs(g, "a") == {frozenset({"Yoshimasa Hayashi", "Jens Stoltenberg"})}
    b_events = _events_of(g, "b")
    b_edges = sorted((u, v, k) for u, v, k, d in g.edges(keys=True, data=True) if d.get("article") == "b")
    assert b_events and b_edges

    new = extract_text("a", A_V2)
    if how == "build_graph":
        g2 = build_graph([new], base=g)
        assert g2 is g, "the base graph is updated in place"
    else:
        add_extraction(g, new)

    assert meeting_pairs(g, "a") == {frozenset({"Yoshimasa Hayashi", "S. Jaishankar"})}
    assert "Jens Stoltenberg" not in {d["label"] for d in person_nodes(g).values()}, \
        "a person only the old text named is gone"
    assert len([n for n, d in g.nodes(data=True) if d["label"] == "Yoshimasa Hayashi"]) == 1
    assert _events_of(g, "b") == b_events
    assert sorted((u, v, k) for u, v, k, d in g.edges(keys=True, data=True) if d.get("article") == "b") == b_edges
    assert set(g.graph["articles"]) == {"a", "b"}
    assert len(g.graph["events"]) == len(_events_of(g, "a")) + len(b_events)
    # NATO was named only in the old text of a: its node and the post edge to it are gone
    assert not [n for n, d in g.nodes(data=True) if d["kind"] == "organization"]
    assert not [1 for _, _, d in g.edges(data=True) if d["kind"] == "holds_post" and "a" in d["articles"]
                and d["title"] == "Secretary-General"]


def test_reingesting_the_same_text_changes_nothing():
    g = build_graph([extract_text("a", A_V1), extract_text("b", B)])
    before = (sorted(g.nodes), sorted(g.edges(keys=True)), dict(g.graph["events"]))
    build_graph([extract_text("a", A_V1)], base=g)
    assert (sorted(g.nodes), sorted(g.edges(keys=True)), dict(g.graph["events"])) == before


def test_shared_node_keeps_the_other_articles_mentions():
    """Hayashi is named in both articles: re-ingesting one keeps his node and the other's facts."""
    other = ("NEW DELHI (Example Wire) — Japanese Foreign Minister Yoshimasa Hayashi met Australian Foreign Minister "
             "Penny Wong in New Delhi on Monday.")
    g = build_graph([extract_text("a", A_V1), extract_text("c", other)])
    h = node_of(g, "Yoshimasa Hayashi")
    assert g.nodes[h]["articles"] == ["a", "c"]
    build_graph([extract_text("a", "TOKYO (Example Wire) — Nothing diplomatic happened today.")], base=g)
    assert g.nodes[h]["articles"] == ["c"]
    assert meeting_pairs(g) == {frozenset({"Yoshimasa Hayashi", "Penny Wong"})}
    assert any(p["title"] == "Foreign Minister" and p["articles"] == ["c"] for p in g.nodes[h]["posts"])


@needs_rdf
def test_build_update_through_the_exported_turtle(tmp_path):
    """`kg build --update`: the graph read back from graph.ttl takes the new text of an article."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text("Hayashi Meets Stoltenberg\n15:57 JST, February 21, 2022\n" + A_V1 + "\n", encoding="utf-8")
    (d / "b.txt").write_text("Wong Meets Baerbock\n15:57 JST, February 21, 2022\n" + B + "\n", encoding="utf-8")
    out = tmp_path / "exports"
    first = kg.pipeline.build([str(d)], str(out), html=False)
    assert first.counts["articles"] == 2 and first.counts["meetings"] == 2

    (d / "a.txt").write_text("Hayashi Meets Jaishankar\n15:57 JST, February 21, 2022\n" + A_V2 + "\n", encoding="utf-8")
    second = kg.pipeline.build([str(d / "a.txt")], str(out), html=False, update=True)
    assert second.counts["articles"] == 2 and second.counts["meetings"] == 2

    from kg.rdf import read_graph
    g = read_graph(out / "graph.ttl")
    assert meeting_pairs(g) == {frozenset({"Yoshimasa Hayashi", "S. Jaishankar"}),
                                frozenset({"Penny Wong", "Annalena Baerbock"})}
    assert "Jens Stoltenberg" not in {d["label"] for d in person_nodes(g).values()}


# -- cross-article merge -----------------------------------------------------------------

FULL = ("TOKYO (Example Wire) — Japanese Foreign Minister Yoshimasa Hayashi met NATO Secretary-General "
        "Jens Stoltenberg in Tokyo on Monday.")
SURNAME = ("NEW DELHI (Example Wire) — Japanese Foreign Minister Hayashi held talks with Indian External Affairs "
           "Minister S. Jaishankar in New Delhi on Monday.")


def test_surname_in_a_later_article_merges_with_the_full_name():
    a, b = extract_text("full", FULL), extract_text("surname", SURNAME)
    assert "Hayashi" in [p.name for p in b.persons], "the second article names him by surname only"
    g = build_graph([a, b])
    [h] = [n for n, d in person_nodes(g).items() if "Hayashi" in d["label"]]
    assert g.nodes[h]["label"] == "Yoshimasa Hayashi"
    assert g.nodes[h]["articles"] == ["full", "surname"]
    assert meeting_pairs(g) == {frozenset({"Yoshimasa Hayashi", "Jens Stoltenberg"}),
                                frozenset({"Yoshimasa Hayashi", "S. Jaishankar"})}
    assert len([p for p in g.nodes[h]["posts"] if p["title"] == "Foreign Minister"]) == 1


def test_surname_in_an_earlier_article_merges_with_the_full_name():
    g = build_graph([extract_text("surname", SURNAME), extract_text("full", FULL)])
    assert [d["label"] for d in person_nodes(g).values() if "Hayashi" in d["label"]] == ["Yoshimasa Hayashi"]


def test_full_name_in_other_order_merges():
    """'Hayashi Yoshimasa' (family name first) and 'Yoshimasa Hayashi' are one person (graph rule)."""
    from kg.model import Person
    a = Extraction(article=Article(id="a", text=""), persons=[Person("Yoshimasa Hayashi", ["Hayashi"])])
    b = Extraction(article=Article(id="b", text=""), persons=[Person("Hayashi Yoshimasa", [])])
    g = build_graph([a, b])
    [(node, d)] = list(person_nodes(g).items())
    assert d["articles"] == ["a", "b"]


def test_two_people_sharing_a_surname_do_not_merge():
    fumio = extract_text("pm", "TOKYO (Example Wire) — Japanese Prime Minister Fumio Kishida met Indian External Affairs "
                               "Minister S. Jaishankar in Tokyo on Monday.")
    nobuo = extract_text("dm", "TOKYO (Example Wire) — Japanese Defense Minister Nobuo Kishida met Australian Defense "
                               "Minister Richard Marles in Tokyo on Monday.")
    g = build_graph([fumio, nobuo])
    kishidas = {d["label"]: n for n, d in person_nodes(g).items() if "Kishida" in d["label"]}
    assert set(kishidas) == {"Fumio Kishida", "Nobuo Kishida"}
    assert g.nodes[kishidas["Fumio Kishida"]]["articles"] == ["pm"]
    assert g.nodes[kishidas["Nobuo Kishida"]]["articles"] == ["dm"]
    assert [p["title"] for p in g.nodes[kishidas["Fumio Kishida"]]["posts"]] == ["Prime Minister"]
    assert [p["title"] for p in g.nodes[kishidas["Nobuo Kishida"]]["posts"]] == ["Defense Minister"]

    # a third article saying only "Kishida" is ambiguous: it joins neither of them
    bare = extract_text("bare", "TOKYO (Example Wire) — Japanese Foreign Minister Kishida met Penny Wong in Tokyo on Monday.")
    build_graph([bare], base=g)
    assert g.nodes[kishidas["Fumio Kishida"]]["articles"] == ["pm"]
    assert g.nodes[kishidas["Nobuo Kishida"]]["articles"] == ["dm"]


@pytest.mark.parametrize("first, second", [("Sergei Lavrenko", "Sergey Lavrenko"), ("Volodymyr Zelenkiy", "Volodymyr Zelenkyy"),
                                           ("William Kiptoo", "William Samoei Kiptoo")])
def test_spellings_and_middle_names_of_one_person_merge(first, second):
    from kg.model import Person, Position
    a = Extraction(article=Article(id="a", text=""), persons=[Person(first, [], [Position("President", "Kenya")], "Kenya")])
    b = Extraction(article=Article(id="b", text=""), persons=[Person(second, [], [Position("President", "Kenya")], "Kenya")])
    g = build_graph([a, b])
    [(node, d)] = list(person_nodes(g).items())
    assert d["articles"] == ["a", "b"]
    assert d["label"] == max(first, second, key=lambda n: len(n.split()))


@pytest.mark.parametrize("first, second", [("Kim Jong Un", "Kim Yo Jong"), ("Mohammed bin Salman", "Mohammed bin Zayed"),
                                           ("Abdullah II", "Abdullah I"), ("George W. Bush", "George H. W. Bush")])
def test_different_people_with_near_names_stay_apart(first, second):
    from kg.model import Person
    g = build_graph([Extraction(article=Article(id="a", text=""), persons=[Person(first, [])]),
                     Extraction(article=Article(id="b", text=""), persons=[Person(second, [])])])
    assert len(person_nodes(g)) == 2


def test_a_spelling_variant_acting_for_another_country_stays_apart():
    from kg.model import Person, Position
    a = Extraction(article=Article(id="a", text=""), persons=[Person("Sergei Petrov", [], [Position("Foreign Minister", "Russia")], "Russia")])
    b = Extraction(article=Article(id="b", text=""), persons=[Person("Sergey Petrov", [], [Position("Ambassador", "Bulgaria")], "Bulgaria")])
    assert len(person_nodes(build_graph([a, b]))) == 2


def test_countries_and_organizations_merge_across_articles():
    g = build_graph([extract_text("a", FULL), extract_text("b", SURNAME),
                     extract_text("c", "BRUSSELS (Example Wire) — The North Atlantic Treaty Organization said on Monday "
                                       "that Japan will join the exercise.")])
    japan = [n for n, d in g.nodes(data=True) if d["kind"] == "country" and d["label"] == "Japan"]
    assert japan == ["country:JP"]
    assert g.nodes["country:JP"]["articles"] == ["a", "b", "c"]
    nato = [n for n, d in g.nodes(data=True) if d["kind"] == "organization"]
    assert len(nato) == 1 and g.nodes[nato[0]]["articles"] == ["a", "c"]
