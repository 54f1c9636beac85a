"""Benchmark the RDF side: saved SPARQL queries on pyoxigraph against rdflib's memory store,
and export / load times, on synthetic graphs of about 100k and 1M triples.

    .venv/bin/python bench/bench_sparql.py                              # 100k and 1M triples
    .venv/bin/python bench/bench_sparql.py --sizes 100000 --repeat 3
    .venv/bin/python bench/bench_sparql.py --sizes 100000 1000000 --skip-rdflib-above 200000
    .venv/bin/python bench/bench_sparql.py --rdflib-timeout 30

rdflib is slow on the join-heavy queries (minutes at 100k triples), so each rdflib run happens
in a forked process that is stopped after --rdflib-timeout seconds; the table then says "> N".
rdflib's Turtle serializer is only timed up to 200k triples (it takes minutes beyond).

The graphs are built the real way: synthetic :class:`kg.model.Extraction` objects (officials
holding posts in countries and organizations, meetings and commitments between them, dated over
five years) merged by :func:`kg.graph.build_graph` and turned into quads by :mod:`kg.rdf`.
Each saved query of ``ontology/queries`` runs with parameters taken from the data (the most
active officials and countries); the table gives the median time on each engine, the ratio, and
whether both engines returned the same number of rows.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pyoxigraph as ox  # noqa: E402

from kg.graph import build_graph  # noqa: E402
from kg.model import (Article, Commitment, Country, Evidence, Extraction, Meeting,  # noqa: E402
                      Organization, Person, Position)
from kg.query import run_query, saved_queries  # noqa: E402
from kg.rdf import nquads, to_rows, write_graph, write_rows  # noqa: E402
from kg.vocab import PREFIXES  # noqa: E402

TRIPLES_PER_MEETING = 27.0  # first guess; corrected after a small trial build

FIRST = ["Aiko", "Bram", "Chen", "Dara", "Emil", "Farah", "Goran", "Hana", "Ivo", "Jun", "Kofi", "Lena",
         "Mateo", "Nia", "Omar", "Pia", "Quinn", "Rafa", "Sana", "Tomas", "Uma", "Viktor", "Wen", "Yara"]
LAST = ["Abe", "Berg", "Costa", "Diallo", "Eriksen", "Fischer", "Garcia", "Haddad", "Ito", "Jensen", "Kim",
        "Lopez", "Moreau", "Novak", "Okafor", "Petrov", "Quispe", "Rossi", "Sato", "Tanaka", "Usman", "Vega",
        "Weber", "Xu", "Yilmaz", "Zhou"]
TITLES = ["Foreign Minister", "Defence Minister", "Prime Minister", "President", "Trade Minister", "Ambassador"]
VERBS = ["met", "held talks with", "spoke by phone with", "received", "hosted"]
PLACES = ["Tokyo", "Geneva", "Brussels", "Jakarta", "Nairobi", "Lima", "Doha", "Vienna", "Seoul", "Canberra"]


def synthetic_extractions(n_meetings: int, seed: int = 7) -> list[Extraction]:
    """About ``n_meetings`` meetings (and a commitment every third one) in articles of four meetings."""
    rnd = random.Random(seed)
    n_countries = min(600, max(40, n_meetings // 60))
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    codes = [a + b for a in letters for b in letters][:n_countries]
    countries = [Country(f"Country {c}", c, c + "X", f"Q{1000 + i}") for i, c in enumerate(codes)]
    orgs = [Organization(f"Organization {i}", [f"ORG{i}"], f"org{i}", f"Q{90000 + i}") for i in range(30)]
    n_people = max(200, n_meetings // 10)
    people = []
    for i in range(n_people):
        name = f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]} {i}"
        body = countries[rnd.randrange(len(countries))] if rnd.random() < 0.9 else orgs[rnd.randrange(len(orgs))]
        people.append((name, Position(rnd.choice(TITLES), body.name), body))
    # a few very active officials, as in real news
    weights = [1.0 / (1 + i) ** 0.8 for i in range(n_people)]
    out = []
    for a in range(0, n_meetings, 4):
        day = f"20{20 + a * 5 // n_meetings}-{1 + rnd.randrange(12):02d}-{1 + rnd.randrange(28):02d}"
        persons, cs, os_, meetings, commitments = {}, {}, {}, [], []
        offset = 0
        for m in range(min(4, n_meetings - a)):
            k = 3 if rnd.random() < 0.1 else 2
            chosen = list({p[0]: p for p in rnd.choices(people, weights, k=k)}.values())
            if len(chosen) < 2:
                continue
            for name, pos, body in chosen:
                persons[name] = Person(name, [name.split()[1]], [pos])
                (cs if isinstance(body, Country) else os_)[body.name] = body
            names = [c[0] for c in chosen]
            text = f"{names[0]} {rnd.choice(VERBS)} {' and '.join(names[1:])} in {rnd.choice(PLACES)}."
            ev = Evidence(text, offset, offset + len(text), rule="synthetic")
            offset += len(text) + 1
            mode = "phone" if "phone" in text else "in person"
            meetings.append(Meeting(names, ev, date=day, place=text.rsplit(" in ", 1)[1][:-1], mode=mode,
                                    host=names[0] if "hosted" in text else None,
                                    guest=names[1] if "hosted" in text else None,
                                    plover_mode="phone" if mode == "phone" else None,
                                    cameo="041" if mode == "phone" else "040", confidence=0.8))
            if rnd.random() < 0.33:
                ctext = f"{names[0]} pledged to deepen cooperation with {names[1]}."
                commitments.append(Commitment([names[0]], "deepen cooperation", Evidence(ctext, offset, offset + len(ctext)),
                                              counterpart=names[1], date=day))
                offset += len(ctext) + 1
        out.append(Extraction(article=Article(f"synthetic-{a // 4:06d}", "", published=day,
                                              url=f"https://news.example.org/{a // 4}", title=f"Story {a // 4}"),
                              persons=list(persons.values()), countries=list(cs.values()),
                              organizations=list(os_.values()), meetings=meetings, commitments=commitments))
    return out


def timed(fn, repeat: int, budget: float = 30.0):
    """Median seconds of up to ``repeat`` runs (fewer if one run takes more than budget/repeat)."""
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
        if sum(times) > budget:
            break
    return statistics.median(times), result


def params_for(store: ox.Store) -> dict[str, dict[str, str]]:
    """Parameters for the saved queries taken from the data: the busiest officials and countries."""
    top = [s["name"].value for s in store.query(
        "SELECT ?name (COUNT(?m) AS ?n) WHERE { ?m a kg:Meeting ; sem:hasActor ?p . ?p a kg:Official ; "
        "schema:name ?name } GROUP BY ?name ORDER BY DESC(?n) LIMIT 2",
        prefixes=PREFIXES, use_default_graph_as_union=True)]
    pairs = list(store.query(
        """SELECT ?a ?b (COUNT(?m) AS ?n) WHERE { ?m a kg:Meeting ; sem:hasActor ?x , ?y .
           ?x org:holds/org:postIn ?ca . ?y org:holds/org:postIn ?cb .
           ?ca kg:iso3166Alpha2 ?a . ?cb kg:iso3166Alpha2 ?b . FILTER(?a < ?b) }
           GROUP BY ?a ?b ORDER BY DESC(?n) LIMIT 1""", prefixes=PREFIXES, use_default_graph_as_union=True))
    a, b = (pairs[0]["a"].value, pairs[0]["b"].value) if pairs else ("AA", "AB")
    return {
        "meetings-of": {"person": top[0]}, "posts-of": {"person": top[0]},
        "met-both": {"a": top[0], "b": top[1]},
        "meetings-between-countries": {"country_a": a, "country_b": b},
        "commitments-by": {"party": a}, "officials-by-country": {"country": a},
        "most-active-officials": {}, "country-pairs": {},
    }


def rdflib_query(graph, text: str, params: dict[str, str]):
    import rdflib
    ns = {k: rdflib.Namespace(v) for k, v in PREFIXES.items()}
    bindings = {rdflib.Variable(k): rdflib.Literal(v) for k, v in params.items()}
    return list(graph.query(text, initNs=ns, initBindings=bindings))


def _child(conn, graph, text, params):
    t = time.perf_counter()
    try:
        n = len(rdflib_query(graph, text, params))
    except Exception as e:  # an rdflib failure is a result too
        n = f"rdflib error: {type(e).__name__}"
    conn.send((time.perf_counter() - t, n))
    conn.close()


def rdflib_timed(graph, text: str, params: dict[str, str], repeat: int, timeout: float):
    """Median seconds and row count of rdflib runs, each in a forked process killed after
    ``timeout`` seconds: (None, None) when the first run times out."""
    import multiprocessing as mp
    ctx = mp.get_context("fork")
    times, rows = [], None
    for _ in range(repeat):
        parent, child = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_child, args=(child, graph, text, params))
        proc.start()
        child.close()
        if parent.poll(timeout):
            try:
                sec, rows = parent.recv()
            except EOFError:
                sec, rows = None, "rdflib crashed"
            proc.join()
            if sec is None or isinstance(rows, str):
                return None, rows
            times.append(sec)
        else:
            proc.terminate()
            proc.join()
            break
        if sum(times) > 20:
            break
    return (statistics.median(times), rows) if times else (None, None)


def bench_size(target: int, repeat: int, skip_rdflib_above: int, per_meeting: float,
               rdflib_timeout: float = 60.0, rdflib_serialize_above: int = 200_000) -> list[str]:
    lines = []
    t = time.perf_counter()
    extractions = synthetic_extractions(int(target / per_meeting))
    g = build_graph(extractions)
    t_build = time.perf_counter() - t
    t_rows, rows = timed(lambda: to_rows(g), 3)
    n = len(rows)
    n_meet = sum(1 for e in g.graph["events"].values() if e["kind"] == "meeting")
    lines.append(f"\n## {n:,} triples ({n_meet:,} meetings, {g.number_of_nodes():,} nodes, "
                 f"{len(g.graph['articles']):,} articles)\n")
    lines.append(f"networkx graph built from extractions in {t_build:.2f} s (kg.graph); "
                 f"RDF rows (N-Triples terms) generated from it in {t_rows:.2f} s (kg.rdf.to_rows)\n")

    with tempfile.TemporaryDirectory() as d:
        out = Path(d)
        text = nquads(rows).encode("utf-8")
        t = time.perf_counter()
        store = ox.Store()
        store.load(input=text, format=ox.RdfFormat.N_QUADS)
        t_store = time.perf_counter() - t
        del text
        exports = []
        for fmt, ext in [("turtle", "ttl"), ("nquads", "nq")]:
            sec, _ = timed(lambda: write_graph(g, out, [fmt]), 1)
            sec_ser, _ = timed(lambda: write_rows(rows, out / f"graph.{ext}", fmt), repeat)
            exports.append((fmt, sec_ser, sec, (out / f"graph.{ext}").stat().st_size / 1e6))
        t_load, _ = timed(lambda: ox.Store().bulk_load(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE), 1)
        use_rdflib = n <= skip_rdflib_above
        rg = None
        t_rser = None
        if use_rdflib:
            import gc

            import rdflib
            t = time.perf_counter()
            rg = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
            t_rparse = time.perf_counter() - t
            gc.freeze()  # keep the collector from walking rdflib's millions of objects during the timings
            if n <= rdflib_serialize_above:
                t_rser, _ = timed(lambda: rg.serialize(format="turtle"), 1)

        lines.append("| step | kg: pyoxigraph + kg.rdf (s) | rdflib (s) | ratio |")
        lines.append("|---|---:|---:|---:|")
        lines.append(f"| load the N-Quads into a store | {t_store:.2f} | | |")
        for fmt, sec_ser, sec_all, mb in exports:
            lines.append(f"| write {fmt} from the rows ({mb:.0f} MB) | {sec_ser:.2f} | "
                         + (f"{t_rser:.2f} | {t_rser / sec_ser:.0f}x |" if t_rser and fmt == "turtle" else " | |"))
            lines.append(f"| kg.rdf.write_graph {fmt} (from the networkx graph) | {sec_all:.2f} | | |")
        lines.append(f"| parse Turtle | {t_load:.2f} | "
                     + (f"{t_rparse:.2f} | {t_rparse / t_load:.0f}x |" if use_rdflib else "skipped | |"))

        lines.append("")
        lines.append("| saved query | rows | pyoxigraph median (s) | rdflib median (s) | ratio | same rows |")
        lines.append("|---|---:|---:|---:|---:|---|")
        params = params_for(store)
        for name, q in saved_queries().items():
            p = params.get(name, {})
            sec, res = timed(lambda: list(run_query(store, q.text, p)), repeat)
            if use_rdflib:
                rsec, rrows = rdflib_timed(rg, q.text, p, max(1, min(repeat, 3)), rdflib_timeout)
                if isinstance(rrows, str):
                    lines.append(f"| {name} | {len(res)} | {sec:.4f} | {rrows} | | |")
                elif rsec is None:
                    lines.append(f"| {name} | {len(res)} | {sec:.4f} | > {rdflib_timeout:.0f} | "
                                 f"> {rdflib_timeout / max(sec, 1e-6):.0f}x | (timed out) |")
                else:
                    lines.append(f"| {name} | {len(res)} | {sec:.4f} | {rsec:.3f} | {rsec / max(sec, 1e-6):.0f}x | "
                                 f"{'yes' if rrows == len(res) else f'no ({rrows})'} |")
            else:
                lines.append(f"| {name} | {len(res)} | {sec:.4f} | skipped | | |")
    return lines


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000], help="target triple counts")
    ap.add_argument("--repeat", type=int, default=5, help="runs per measurement (median)")
    ap.add_argument("--skip-rdflib-above", type=int, default=1_500_000,
                    help="do not run rdflib on graphs with more triples than this")
    ap.add_argument("--rdflib-timeout", type=float, default=60.0,
                    help="give up an rdflib query after this many seconds (reported as '> N')")
    args = ap.parse_args(argv)
    # triples per meeting, measured on a small build
    small = synthetic_extractions(2000)
    g = build_graph(small)
    per_meeting = len(to_rows(g)) / sum(1 for e in g.graph["events"].values() if e["kind"] == "meeting")
    print(f"# kg SPARQL and export benchmark  (python {sys.version.split()[0]}, pyoxigraph {ox.__version__ if hasattr(ox, '__version__') else ''})")
    for size in args.sizes:
        for line in bench_size(size, args.repeat, args.skip_rdflib_above, per_meeting, args.rdflib_timeout):
            print(line, flush=True)


if __name__ == "__main__":
    main()
