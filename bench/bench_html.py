"""Benchmark the interactive HTML page: generation time, file size, and time until the page
is interactive in headless chromium, on synthetic graphs of 500 and 5,000 nodes.

    .venv/bin/python bench/bench_html.py                 # 500 and 5000 nodes, best of 3
    .venv/bin/python bench/bench_html.py 2000 --repeat 1 # other sizes

The graphs are built the real way: synthetic :class:`kg.model.Extraction` objects (officials
holding posts in countries and organizations, meetings and commitments between them, dated
over five years) merged by :func:`kg.graph.build_graph`.

"Ready" is the time from navigation start until the page's first frame is drawn with its
controls bound (``window.kgReady``); "filter" is one click on the Meetings checkbox until the
counts are updated; "search" is a search until the node is selected. Needs Debian's chromium at
/usr/bin/chromium (the browser columns are left empty without it).
"""
from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from kg.graph import build_graph
from kg.html import render_html
from kg.layout import positions
from kg.model import Article, Commitment, Country, Evidence, Extraction, Meeting, Organization, Person, Position

__all__ = ["synthetic_extractions", "bench"]

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run"]
SYLLABLES = ["ka", "lo", "mi", "ren", "sa", "to", "vi", "del", "mar", "no", "ba", "ri", "zen", "ul", "ek", "an"]


def _name(rng: random.Random, i: int) -> str:
    """A unique two-word name (the index is spelled in syllables, so no digits)."""
    def word(n: int, extra: int) -> str:
        s = ""
        n = n * 7 + extra
        while True:
            s += SYLLABLES[n % len(SYLLABLES)]
            n //= len(SYLLABLES)
            if n == 0:
                break
        return s.capitalize()
    return f"{word(rng.randrange(10_000), 3)} {word(i, 1)}"


def synthetic_extractions(n_nodes: int, seed: int = 1) -> list[Extraction]:
    """Articles whose merged graph has about ``n_nodes`` nodes and 2-3 edges per node."""
    rng = random.Random(seed)
    n_countries = max(5, n_nodes // 25)
    n_orgs = max(2, n_nodes // 100)
    n_people = n_nodes - n_countries - n_orgs
    countries = [Country(f"Land {_name(rng, i).split()[1]}", iso2=f"X{i}") for i in range(n_countries)]
    orgs = [Organization(f"Council {_name(rng, i).split()[1]}", [], f"o{i}") for i in range(n_orgs)]
    people = []
    for i in range(n_people):
        body = orgs[i % n_orgs].name if i % 10 == 0 else countries[i % n_countries].name
        title = rng.choice(["Foreign Minister", "Prime Minister", "Ambassador", "Defense Minister", "Envoy"])
        people.append(Person(_name(rng, i), [], [Position(title, body)]))
    body_of = {p.name: p.positions[0].of for p in people}
    by_body: dict[str, list[Person]] = {}
    for p in people:
        by_body.setdefault(body_of[p.name], []).append(p)

    country_index = {c.name: i for i, c in enumerate(countries)}
    out = []
    order = people[:]
    rng.shuffle(order)
    for a in range(len(order)):  # one article per official: each appears at least once
        first = order[a]
        # mostly meetings with someone of a neighbouring country, sometimes with anyone
        home = body_of[first.name]
        if rng.random() < 0.6 and home in country_index:
            near = countries[(country_index[home] + rng.randint(1, 3)) % n_countries].name
            second = rng.choice(by_body.get(near) or people)
        else:
            second = rng.choice(people)
        if second is first:
            second = people[(people.index(first) + 1) % len(people)]
        party = [first, second]
        if rng.random() < 0.2:
            third = rng.choice(people)
            if third not in party:
                party.append(third)
        bodies = {body_of[p.name] for p in party}
        year, month, day = 2020 + rng.randrange(6), 1 + rng.randrange(12), 1 + rng.randrange(28)
        date = f"{year:04d}-{month:02d}-{day:02d}"
        names = [p.name for p in party]
        sentence = f"{names[0]} met {' and '.join(names[1:])} on the sidelines of the summit to discuss trade."
        meetings = [Meeting(names[:3], Evidence(sentence, 0, len(sentence)), date=date,
                            place=rng.choice(["Geneva", "Tokyo", "Paris", "Nairobi", None]))]
        commitments = []
        if rng.random() < 0.3:
            s2 = f"{names[0]} pledged to deepen cooperation with {names[1]}."
            commitments.append(Commitment([names[0]], "deepen cooperation", Evidence(s2, len(sentence) + 1,
                                          len(sentence) + 1 + len(s2)), counterpart=names[1], date=date))
        out.append(Extraction(
            article=Article(id=f"syn{a}", text="", published=date, url=f"https://news.example/{a}", title=f"Story {a}"),
            persons=party,
            countries=[c for c in countries if c.name in bodies],
            organizations=[o for o in orgs if o.name in bodies],
            meetings=meetings, commitments=commitments))
    return out


def wait_js(page, expr: str, timeout: float = 120.0) -> None:
    """Poll a JS expression from Python until it is truthy. (Playwright's wait_for_function
    polls with eval inside the page, which the page's Content-Security-Policy forbids.)"""
    end = time.perf_counter() + timeout
    while not page.evaluate(expr):
        if time.perf_counter() > end:
            raise TimeoutError(expr)
        time.sleep(0.005)


def _browser_times(path: Path, pw) -> tuple[float, float, float, str]:
    b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
    try:
        page = b.new_page(viewport={"width": 1400, "height": 900})
        errors: list[str] = []
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(path.resolve().as_uri(), wait_until="commit")
        wait_js(page, "window.kgReady === true")
        # when the first frame was drawn, counted from navigation start
        ready = page.evaluate("window.kgReadyAt") / 1000
        before = page.get_attribute("#kg-status", "data-edges")
        t = time.perf_counter()
        page.click("#kg-type-meeting")
        wait_js(page, f"document.getElementById('kg-status').dataset.edges !== '{before}'")
        page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        filt = time.perf_counter() - t
        page.click("#kg-type-meeting")
        name = page.evaluate("kg.data.nodes[kg.data.nodes.length >> 1].l")
        t = time.perf_counter()
        page.fill("#kg-search", name)
        page.press("#kg-search", "Enter")
        wait_js(page, "kg.network.getSelectedNodes().length === 1")
        page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        search = time.perf_counter() - t
        return ready, filt, search, "; ".join(errors)[:80]
    finally:
        b.close()


def bench(sizes: list[int], repeat: int = 3) -> list[dict]:
    """One row per size; every timing is the best of ``repeat`` runs (the machine may be shared)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    have_browser = sync_playwright is not None and Path(CHROMIUM).exists()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            exs = synthetic_extractions(n)
            t = time.perf_counter()
            g = build_graph(exs)
            build = time.perf_counter() - t
            path = Path(tmp) / f"g{n}.html"
            t_layout, gen, browser = [], [], []
            for _ in range(repeat):
                t = time.perf_counter()
                positions(g)
                t_layout.append(time.perf_counter() - t)
                t = time.perf_counter()
                render_html(g, path)
                gen.append(time.perf_counter() - t)
                if have_browser:
                    with sync_playwright() as pw:
                        browser.append(_browser_times(path, pw))
            row = {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "build_s": build,
                   "render_s": min(gen), "layout_s": min(t_layout), "size_mb": path.stat().st_size / 1e6}
            if browser:
                row["ready_s"] = min(b[0] for b in browser)
                row["filter_s"] = min(b[1] for b in browser)
                row["search_s"] = min(b[2] for b in browser)
                row["errors"] = "; ".join(sorted({b[3] for b in browser if b[3]}))
            rows.append(row)
            print(_fmt_row(row), flush=True)
    return rows


HEADER = ("| nodes | edges | graph build (s) | render_html (s) | of which layout (s) | file (MB) "
          "| page ready (s) | filter click (s) | search (s) | console errors |")


def _fmt_row(r: dict) -> str:
    def f(k, fmt="{:.2f}"):
        return fmt.format(r[k]) if k in r else "n/a"
    return (f"| {r['nodes']:,} | {r['edges']:,} | {f('build_s')} | {f('render_s')} | {f('layout_s')} | "
            f"{f('size_mb')} | {f('ready_s')} | {f('filter_s')} | {f('search_s')} | {r.get('errors') or 'none'} |")


def main(argv: list[str]) -> None:
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sizes", nargs="*", type=int, default=[500, 5000], help="graph sizes in nodes")
    ap.add_argument("--repeat", type=int, default=3, help="runs per size; the best is reported")
    args = ap.parse_args(argv)
    print(HEADER)
    print("|---" * (HEADER.count("|") - 1) + "|")
    bench(args.sizes, args.repeat)


if __name__ == "__main__":
    main(sys.argv[1:])
