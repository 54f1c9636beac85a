"""The interactive HTML page (kg/html.py, kg/templates/): the file itself, the selection
options, ``kg render``, and the page driven in a real headless chromium (Debian's
/usr/bin/chromium through Playwright; those tests skip when it is absent)."""
from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from conftest import XSS_NAME, XSS_SENTENCE, sample_extractions
from kg.cli import cli
from kg.errors import InputError, KgError
from kg.graph import build_graph
from kg.html import (find_node, load_graph, page_data, parse_date, render_command, render_html, select)
from kg.layout import layout
from kg.model import Article, Evidence, Extraction, Meeting, Person

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


def _data(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert m, "no data block"
    return json.loads(m.group(1))


def _node_link(g: nx.MultiDiGraph, path: Path) -> Path:
    data = nx.node_link_data(g, edges="edges")
    data["graph"] = {k: v for k, v in data["graph"].items() if not k.startswith("_")}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- the file


def test_page_is_one_self_contained_file(graph, tmp_path):
    out = render_html(graph, tmp_path / "g.html")
    assert out == tmp_path / "g.html" and sorted(p.name for p in tmp_path.iterdir()) == ["g.html"]
    html = out.read_text(encoding="utf-8")
    # nothing to load: no src/href at all in markup, no stylesheet links, no CSS imports or remote urls
    assert not re.search(r"<(script|img|iframe|link|source|embed|object)\b[^>]*\b(src|href)\s*=", html, re.I)
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html, re.I)
    assert not re.search(r"@import|url\(\s*['\"]?\s*(https?:)?//", html, re.I)
    assert not re.search(r"https?://[^\s\"']*(cdn|unpkg|jsdelivr|bootstrap|googleapis)", html, re.I)
    assert "vis.Network" in html and "vis-network" in html  # vis-network inlined
    assert len(re.findall(r"^<script\b", html, re.M)) == 3 and "<script src" not in html
    assert "default-src 'none'" in html


def test_article_strings_only_travel_as_escaped_json(graph, tmp_path):
    html = render_html(graph, tmp_path / "g.html").read_text(encoding="utf-8")
    assert "<img" not in html and "__xss=1</script>" not in html
    block = re.search(r'id="kg-data">(.*?)</script>', html, re.S).group(1)
    assert not set("<>&") & set(block)
    data = json.loads(block)
    assert XSS_NAME in [n["l"] for n in data["nodes"]]
    assert any(r["ev"] == XSS_SENTENCE for e in data["events"] for r in e["r"])
    assert data["articles"]["a3"] == {"u": "https://example.org/a3?x=<b>", "t": "<i>Three</i>", "p": "2024-01-05"}


def test_separators_and_script_endings_in_data(tmp_path):
    name = "Eve \u2028 </script><script>window.__xss=3</script> \u2029 & Co"
    ex = Extraction(article=Article(id="x", text="", published="2024-05-01", url="javascript:alert(1)"),
                    persons=[Person(name), Person("Bob Builder")],
                    meetings=[Meeting([name, "Bob Builder"], Evidence("</script> met <!-- -->", 0, 20))])
    html = render_html(build_graph([ex]), tmp_path / "g.html").read_text(encoding="utf-8")
    assert "\u2028" not in html and "\u2029" not in html and "<!--" not in html.split("<body>", 1)[1]
    data = _data(html)
    assert data["nodes"][0]["l"] == name or data["nodes"][1]["l"] == name
    assert data["articles"]["x"]["u"] is None  # only http(s) URLs become links


def test_counts_and_kinds_match_the_graph(graph, tmp_path):
    data = _data(render_html(graph, tmp_path / "g.html").read_text(encoding="utf-8"))
    assert len(data["nodes"]) == graph.number_of_nodes() == 13
    assert len(data["edges"]) == graph.number_of_edges() == 14
    kinds = {n["id"]: n["k"] for n in data["nodes"]}
    assert kinds["person:wang-yi"] == "person" and kinds["country:JP"] == "country" and kinds["org:nato"] == "organization"
    assert sorted(e["k"] for e in data["edges"]).count("holds_post") == 6
    # positions are finite and distinct
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == 13


def test_layout_is_deterministic_and_spreads_nodes():
    pairs = [(i, (i * 7 + 3) % 300) for i in range(300)] + [(i, i + 1) for i in range(0, 299, 3)]
    a, b = layout(310, pairs), layout(310, pairs)
    assert a == b and len(set(a)) == 310


def test_same_meeting_in_two_articles_is_one_event_with_two_sources():
    def ex(aid):
        return Extraction(article=Article(id=aid, text="", published="2024-02-02", url=f"https://n.example/{aid}"),
                          persons=[Person("Ann Lee"), Person("Bo Kim")],
                          meetings=[Meeting(["Ann Lee", "Bo Kim"], Evidence(f"They met ({aid}).", 0, 14), date="2024-02-01")])
    g = build_graph([ex("p"), ex("q")])
    data = page_data(select(g))
    assert len(data["edges"]) == 2 and len(data["events"]) == 1
    assert sorted(r["a"] for r in data["events"][0]["r"]) == ["p", "q"]


def test_focused_page_carries_only_its_own_events_and_articles(graph):
    data = page_data(select(graph, focus="Alice Example"))
    assert {n["id"] for n in data["nodes"]} == {"person:alice-example", "person:mallory-script-window-xss-1-script-smith"}
    assert len(data["events"]) == 1 and set(data["articles"]) == {"a3"}


def test_graph_without_event_records_or_nodes(graph, tmp_path):
    bare = nx.MultiDiGraph(graph)
    bare.graph.clear()  # e.g. read back from GEXF: events and articles rebuilt from the edges
    data = page_data(select(bare))
    assert len(data["edges"]) == 14 and len(data["events"]) == 6
    assert data["articles"]["a1"]["u"] == "https://example.org/a1"
    empty = _data(render_html(nx.MultiDiGraph(), tmp_path / "e.html").read_text(encoding="utf-8"))
    assert empty["nodes"] == [] and empty["edges"] == []


# --------------------------------------------------------------------------- options


@pytest.mark.parametrize("value,end,want", [
    ("2024-02-29", False, "2024-02-29"), ("2024", False, "2024-01-01"), ("2024", True, "2024-12-31"),
    ("2024-02", True, "2024-02-29"), ("2023-12", True, "2023-12-31"), (None, False, None)])
def test_parse_date(value, end, want):
    assert parse_date(value, end=end) == want


@pytest.mark.parametrize("bad", ["2024-13-01", "yesterday", "2024/01/01", "20240101", "2023-02-29"])
def test_bad_dates_are_user_errors(graph, tmp_path, bad):
    with pytest.raises(KgError, match="not a date"):
        render_html(graph, tmp_path / "g.html", since=bad)
    assert not (tmp_path / "g.html").exists()


def test_focus_by_label_alias_or_id(graph):
    assert find_node(graph, "yoshimasa hayashi") == "person:yoshimasa-hayashi"
    assert find_node(graph, "NATO") == "org:nato"
    assert find_node(graph, "country:JP") == "country:JP"
    with pytest.raises(KgError, match="no official.*did you mean 'Wang Yi'"):
        find_node(graph, "Wang Yii")


def test_focus_depth(graph):
    one = select(graph, focus="Stoltenberg", depth=1).graph
    assert set(one) == {"person:jens-stoltenberg", "person:yoshimasa-hayashi", "org:nato"}
    two = select(graph, focus="Stoltenberg", depth=2).graph
    assert {"country:JP", "person:wang-yi"} <= set(two) and "country:FR" not in two


def test_since_until_keep_events_in_range(graph):
    sel = select(graph, since="2025-01-01")
    kinds = sorted(d["kind"] for _, _, d in sel.graph.edges(data=True))
    assert kinds.count("meeting") == 4 and kinds.count("commitment") == 1 and kinds.count("holds_post") == 3
    assert "person:jens-stoltenberg" not in sel.graph
    sel = select(graph, since="2024-01-01", until="2024-12-31")
    assert set(sel.graph) == {"person:mallory-script-window-xss-1-script-smith", "person:alice-example", "country:FR"}
    with pytest.raises(KgError, match="after"):
        select(graph, since="2025-01-01", until="2024-01-01")


def test_max_nodes_keeps_the_most_active_and_says_what_was_left_out(graph, tmp_path):
    sel = select(graph, max_nodes=4)
    assert sel.graph.number_of_nodes() == 4
    assert "person:yoshimasa-hayashi" in sel.graph and "person:wang-yi" in sel.graph
    assert len(sel.omitted) == 9 and "country:DE" in sel.omitted
    assert sel.omitted_edges == 14 - sel.graph.number_of_edges()
    meta = _data(render_html(graph, tmp_path / "g.html", max_nodes=4).read_text(encoding="utf-8"))["meta"]
    assert meta["omitted"]["nodes"] == 9 and "Germany" in meta["omitted"]["names"]
    assert sum(meta["omitted"]["by_kind"].values()) == 9
    # the focus node is kept even when it is not among the most active
    assert "person:alice-example" in select(graph, focus="Alice Example", max_nodes=1).graph


def test_render_command_reads_node_link_json(graph, tmp_path):
    src = _node_link(graph, tmp_path / "graph.json")
    out = render_command(src, None, focus="nato", depth=1, since=None, until=None, max_nodes=None)
    assert out == tmp_path / "graph.html"
    data = _data(out.read_text(encoding="utf-8"))
    assert {n["id"] for n in data["nodes"]} == {"org:nato", "person:jens-stoltenberg"}
    assert data["events"] == [] or all(e["r"] for e in data["events"])
    assert load_graph(src).number_of_edges() == graph.number_of_edges()


def test_render_command_user_errors(graph, tmp_path):
    src = _node_link(graph, tmp_path / "graph.json")
    with pytest.raises(InputError, match="no such file"):
        render_command(tmp_path / "missing.ttl", None)
    with pytest.raises(KgError, match="--until"):
        render_command(src, None, until="soon")
    with pytest.raises(KgError, match="--focus"):
        render_command(src, None, focus="Nobody At All")
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="not a readable json graph"):
        render_command(tmp_path / "bad.json", None)
    with pytest.raises(KgError, match="folder"):
        render_command(src, tmp_path)


def test_cli_render(graph, tmp_path):
    src = _node_link(graph, tmp_path / "graph.json")
    runner = CliRunner()
    r = runner.invoke(cli, ["render", str(src), "--out", str(tmp_path / "m.html"), "--max-nodes", "5"])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "m.html").exists()
    r = runner.invoke(cli, ["render", str(src), "--since", "2024-99-01"])
    assert r.exit_code == 1 and "not a date" in r.output and "Traceback" not in r.output


def test_cli_render_rdf(graph, tmp_path):
    rdf = pytest.importorskip("kg.rdf", reason="kg.rdf not written yet")
    if not hasattr(rdf, "read_graph") or not hasattr(rdf, "write_graph"):
        pytest.skip("kg.rdf has no read_graph/write_graph yet")
    [src] = rdf.write_graph(graph, tmp_path, formats=["turtle"])
    r = CliRunner().invoke(cli, ["render", str(src), "--focus", "Hayashi"])
    assert r.exit_code == 0, r.output
    data = _data((tmp_path / "graph.html").read_text(encoding="utf-8"))
    assert "Yoshimasa Hayashi" in {n["l"] for n in data["nodes"]}


# --------------------------------------------------------------------------- in a real browser


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium (.ci/install-chromium) for the browser tests")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install '.[test]')")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """The pages under test, rendered once: full, focused, capped, and one with a non-http link."""
    d = tmp_path_factory.mktemp("pages")
    g = build_graph(sample_extractions())
    odd = sample_extractions()
    odd[2].article.url = "javascript:window.__xss=4"
    return {
        "full": render_html(g, d / "full.html"),
        "focus": render_html(g, d / "focus.html", focus="hayashi", depth=1),
        "capped": render_html(g, d / "capped.html", max_nodes=4),
        "odd": render_html(build_graph(odd), d / "odd.html"),
        "mallory": render_html(g, d / "mallory.html", focus=XSS_NAME),
    }


def wait_js(page, expr: str, timeout: float = 10.0) -> None:
    """Poll a JS expression until it is truthy. Playwright's wait_for_function would poll with
    eval inside the page, which the page's Content-Security-Policy (rightly) forbids."""
    end = time.monotonic() + timeout
    while not page.evaluate(expr):
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting for {expr}")
        time.sleep(0.01)


class Page:
    """One loaded page with what it logged and requested."""

    def __init__(self, browser, path: Path):
        self.page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: m.type in ("error", "warning") and self.errors.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.url = path.resolve().as_uri()
        self.page.goto(self.url)
        wait_js(self.page, "window.kgReady === true")

    def counts(self) -> tuple[int, int]:
        s = self.page.locator("#kg-status")
        return int(s.get_attribute("data-nodes")), int(s.get_attribute("data-edges"))

    def point(self, node_id: str) -> tuple[float, float]:
        """Where a node is on screen."""
        box = self.page.locator("#kg-network canvas").bounding_box()
        p = self.page.evaluate("""id => {
            const i = kg.data.nodes.findIndex(n => n.id === id);
            return kg.network.canvasToDOM(kg.network.getPosition(i)); }""", node_id)
        return box["x"] + p["x"], box["y"] + p["y"]

    def edge_point(self, a: str, b: str) -> tuple[float, float]:
        """A point on screen where the link between two nodes, and no node, is under the mouse."""
        box = self.page.locator("#kg-network canvas").bounding_box()
        p = self.page.evaluate("""([a, b]) => {
            const net = kg.network, ids = kg.data.nodes.map(n => n.id);
            const i = ids.indexOf(a), j = ids.indexOf(b);
            const li = kg.links.findIndex(l => (l.from === i && l.to === j) || (l.from === j && l.to === i));
            const p = net.canvasToDOM(net.getPosition(i)), q = net.canvasToDOM(net.getPosition(j));
            for (let t = 0.5, s = 0; s < 40; s++, t = 0.5 + (s % 2 ? 1 : -1) * Math.ceil(s / 2) * 0.02) {
                const pt = {x: p.x + (q.x - p.x) * t, y: p.y + (q.y - p.y) * t};
                if (net.getNodeAt(pt) === undefined && net.getEdgeAt(pt) === li) return pt;
            }
            return null; }""", [a, b])
        assert p, f"no clickable point on the link {a} - {b}"
        return box["x"] + p["x"], box["y"] + p["y"]

    def settle(self) -> None:
        """Wait until the view has finished moving to the selected node (a 300 ms animation)."""
        wait_js(self.page, """(() => { const i = kg.network.getSelectedNodes()[0]; if (i === undefined) return true;
            const n = kg.network.getPosition(i), v = kg.network.getViewPosition();
            return Math.hypot(n.x - v.x, n.y - v.y) < 1; })()""", timeout=3)

    def details(self) -> str:
        return self.page.locator("#kg-details").inner_text()

    def close(self):
        assert self.errors == [], self.errors
        assert [u for u in self.requests if u != self.url and not u.startswith("data:")] == []
        self.page.close()


@pytest.fixture
def open_page(browser, pages):
    opened = []

    def _open(name="full"):
        p = Page(browser, pages[name])
        opened.append(p)
        return p
    yield _open
    for p in opened:
        p.close()


def test_loads_offline_without_errors_and_shows_the_whole_graph(open_page, graph):
    p = open_page()
    assert p.counts() == (graph.number_of_nodes(), graph.number_of_edges())
    assert p.requests == [p.url]
    assert "Showing 13 of 13 nodes and 14 of 14 edges" in p.page.locator("#kg-status").inner_text()
    legend = p.page.locator("#kg-legend").inner_text()
    for word in ("Official", "Country", "Organization", "Meeting", "Commitment", "Post held"):
        assert word in legend
    assert p.page.evaluate("kg.network.physics.options.enabled") is False


def test_filters_change_the_visible_counts(open_page):
    p = open_page()
    pg = p.page
    pg.uncheck("#kg-type-meeting")
    assert p.counts() == (11, 8)  # Alice Example and Germany lose their only links
    pg.uncheck("#kg-type-holds_post")
    assert p.counts() == (4, 2)  # the two commitments: Japan -> China, Hayashi and Stoltenberg
    pg.check("#kg-type-meeting")
    pg.check("#kg-type-holds_post")
    assert p.counts() == (13, 14)
    pg.fill("#kg-since", "2025-01-01")
    assert p.counts() == (7, 8)
    pg.fill("#kg-until", "2025-03-21")
    assert p.counts() == (2, 1)  # Wang and Hayashi met on 03-20; the rest is dated (or published) 03-22
    pg.fill("#kg-since", "")
    pg.fill("#kg-until", "")
    pg.select_option("#kg-country", label="Japan")
    assert p.counts() == (7, 8)
    pg.select_option("#kg-country", label="North Atlantic Treaty Organization")
    assert p.counts() == (3, 3)
    pg.uncheck("#kg-type-commitment")
    assert p.counts() == (3, 2)
    pg.click("#kg-reset")
    assert p.counts() == (13, 14)
    assert pg.is_checked("#kg-type-commitment") and pg.input_value("#kg-country") == ""
    # hidden in vis-network too, not only in the status line
    pg.select_option("#kg-country", label="France")
    shown = pg.evaluate("kg.network.body.data.nodes.getIds().map(i => kg.data.nodes[i].id).sort()")
    assert shown == ["country:FR", "person:alice-example", "person:mallory-script-window-xss-1-script-smith"]
    assert pg.evaluate("kg.network.body.data.edges.getIds().length") == 2  # the meeting and the post


def test_search_focuses_the_node(open_page):
    p = open_page()
    pg = p.page
    pg.fill("#kg-search", "stoltenberg")
    pg.press("#kg-search", "Enter")
    wait_js(pg, "kg.network.getSelectedNodes().length === 1")
    assert pg.get_attribute("#kg-status", "data-selected") == "person:jens-stoltenberg"
    assert pg.locator("#kg-details h2").inner_text() == "Jens Stoltenberg"
    assert "Secretary-General" in p.details() and "North Atlantic Treaty Organization" in p.details()
    p.settle()  # the view moves to the node (animated for 300 ms)
    pg.fill("#kg-search", "Nobody")
    pg.click("#kg-find")
    assert "No official" in pg.locator("#kg-message").inner_text()
    # suggestions while typing, as text; picking one selects it
    pg.fill("#kg-search", "mallory")
    pg.wait_for_selector("#kg-suggest button", state="visible")
    assert XSS_NAME in pg.locator("#kg-suggest").inner_text()
    pg.fill("#kg-search", "wan")
    pg.wait_for_selector("#kg-suggest button >> text=Wang Yi", state="visible")
    pg.click("#kg-suggest button >> text=Wang Yi")
    assert pg.get_attribute("#kg-status", "data-selected") == "person:wang-yi"
    assert pg.locator("#kg-suggest").is_hidden()
    assert pg.evaluate("typeof window.__xss") == "undefined"


def test_clicks_open_details_for_nodes_and_edges(open_page):
    p = open_page()
    pg = p.page
    pg.mouse.click(*p.point("person:yoshimasa-hayashi"))
    assert pg.locator("#kg-details h2").inner_text() == "Yoshimasa Hayashi"
    text = p.details()
    assert "Foreign Minister, Japan" in text and "MEETINGS (2)" in text.upper() and "with Wang Yi" in text
    pg.click("#kg-details .kg-link >> text=Japan")  # a post's body opens that node
    assert pg.locator("#kg-details h2").inner_text() == "Japan"
    assert "Takeshi Iwaya" in p.details() and "provide assistance" in p.details()
    p.settle()  # the view centres on Japan
    pg.click("#kg-close")
    pg.mouse.click(*p.edge_point("person:takeshi-iwaya", "person:cho-tae-yul"))
    text = p.details()
    assert "Takeshi Iwaya — Cho Tae-yul" in text or "Cho Tae-yul — Takeshi Iwaya" in text
    assert "2025-03-22" in text and "Tokyo" in text and "The three ministers met in Tokyo." in text
    assert "Wang Yi" in text  # all participants
    href = pg.locator("#kg-details a").first.get_attribute("href")
    assert href == "https://example.org/a2"


def test_xss_payloads_render_as_text_and_never_run(open_page):
    p = open_page()
    pg = p.page
    assert pg.evaluate("typeof window.__xss") == "undefined"
    pg.mouse.click(*p.point("person:mallory-script-window-xss-1-script-smith"))
    assert pg.locator("#kg-details h2").inner_text() == XSS_NAME
    pg.click("#kg-details button.kg-link >> text=Paris")  # the meeting, from the official's list
    assert pg.evaluate("kg.network.getSelectedEdges().length") == 1  # and its link is marked
    assert XSS_SENTENCE in p.details() and XSS_NAME in p.details()
    link = pg.locator("#kg-details a")
    assert link.inner_text() == "<i>Three</i>"
    assert link.get_attribute("href") == "https://example.org/a3?x=%3Cb%3E"
    # hovering shows the tooltip as text too
    pg.click("#kg-close")
    pg.mouse.move(*p.point("person:mallory-script-window-xss-1-script-smith"))
    pg.wait_for_selector("div.vis-tooltip", state="visible", timeout=3000)
    assert XSS_NAME in pg.locator("div.vis-tooltip").inner_text()
    assert pg.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert pg.evaluate("document.scripts.length") == 3
    assert pg.evaluate("typeof window.__xss") == "undefined"


def test_payload_in_the_page_title_is_text(open_page):
    p = open_page("mallory")
    pg = p.page
    assert pg.title() == f"Knowledge graph: {XSS_NAME}"
    assert pg.locator("#kg-title").inner_text() == f"Knowledge graph: {XSS_NAME}"
    assert "Around " + XSS_NAME in pg.locator("#kg-scope").inner_text()
    assert p.counts() == (3, 2)
    assert pg.evaluate("typeof window.__xss") == "undefined" and pg.evaluate("document.scripts.length") == 3


def test_non_http_article_links_are_plain_text(open_page):
    p = open_page("odd")
    pg = p.page
    pg.evaluate("kg.select(kg.data.nodes.findIndex(n => n.id === 'person:alice-example'))")
    assert "<i>Three</i>" in p.details()
    assert pg.locator("#kg-details a").count() == 0
    assert pg.evaluate("typeof window.__xss") == "undefined"


def test_focus_and_max_nodes_pages(open_page):
    p = open_page("focus")
    assert p.counts() == (4, 4)  # Hayashi, Stoltenberg, Wang Yi, Japan; meeting+commitment, meeting, post
    assert "Around Yoshimasa Hayashi (depth 1)" in p.page.locator("#kg-scope").inner_text()
    q = open_page("capped")
    assert q.counts()[0] == 4
    note = q.page.locator("#kg-note")
    assert note.is_visible()
    assert "Left out" in note.inner_text() and "9 nodes" in note.inner_text()
    q.page.click("#kg-note-summary")
    assert "Germany" in q.page.locator("#kg-note-list").inner_text()


def _big_graph(n_people=300, n_countries=20, n_meetings=3800, seed=3) -> nx.MultiDiGraph:
    """A graph in the kg.graph contract, made directly, with enough edges (4,100) for the fast drawing style."""
    import random
    rng = random.Random(seed)
    g = nx.MultiDiGraph(articles={"b": {"id": "b", "url": "https://b.example/", "published": "2024-06-01", "title": "B"}},
                        events={})
    for c in range(n_countries):
        g.add_node(f"country:C{c}", kind="country", label=f"Country {c}", aliases=[], articles=["b"])
    for p in range(n_people):
        body = f"country:C{p % n_countries}"
        post = {"title": "Envoy", "of": body, "of_label": body, "first_seen": "2024-06-01", "last_seen": "2024-06-01",
                "articles": ["b"]}
        g.add_node(f"person:p{p}", kind="person", label=f"Person {p}", aliases=[], posts=[post], articles=["b"])
        g.add_edge(f"person:p{p}", body, key=f"post:{p}", kind="holds_post", title="Envoy", articles=["b"],
                   first_seen="2024-06-01", last_seen="2024-06-01")
    for m in range(n_meetings):
        u, v = rng.sample(range(n_people), 2)
        date = f"202{m % 4}-0{1 + m % 9}-1{m % 10}"
        rec = {"kind": "meeting", "id": f"m{m}", "participants": [f"person:p{u}", f"person:p{v}"], "date": date,
               "place": "Geneva", "article": "b", "url": "https://b.example/", "published": date,
               "evidence": f"Person {u} met Person {v}."}
        g.graph["events"][f"m{m}"] = rec
        g.add_edge(f"person:p{u}", f"person:p{v}", key=f"m{m}", event=f"m{m}",
                   **{k: v_ for k, v_ in rec.items() if k != "id"})
    return g


def test_big_graph_page_is_drawn_fast_and_filters(browser, tmp_path):
    g = _big_graph()
    t = time.perf_counter()
    path = render_html(g, tmp_path / "big.html")
    assert time.perf_counter() - t < 15
    p = Page(browser, path)
    try:
        assert p.counts() == (g.number_of_nodes(), g.number_of_edges())
        assert p.page.evaluate("kg.network.body.data.edges.get().every(e => !e.dashes && !e.arrows)")
        assert p.page.evaluate("window.kgReadyAt") < 10_000
        p.page.uncheck("#kg-type-holds_post")
        people = {n for u, v, d in g.edges(data=True) if d["kind"] == "meeting" for n in (u, v)}
        assert p.counts() == (len(people), 3800)
        p.page.fill("#kg-until", "2021-12-31")
        kept = [(u, v) for u, v, d in g.edges(data=True) if d["kind"] == "meeting" and d["date"] <= "2021-12-31"]
        assert p.counts() == (len({n for e in kept for n in e}), len(kept))
    finally:
        p.close()


def test_chromium_install_script_is_idempotent():
    script = Path(__file__).parents[1] / ".ci" / "install-chromium"
    assert script.exists() and script.stat().st_mode & 0o111
    text = script.read_text(encoding="utf-8")
    assert "[ -x /usr/bin/chromium ]" in text and "apt-get install" in text
    if shutil.which("sh") and Path(CHROMIUM).exists():
        import subprocess
        r = subprocess.run(["sh", str(script)], capture_output=True, text=True, timeout=30)
        assert r.returncode == 0 and "already present" in r.stderr
