"""Benchmark extraction: throughput, streaming memory and gazetteer scan speed.

    .venv/bin/python bench/bench_extract.py                      # defaults below
    .venv/bin/python bench/bench_extract.py --articles 500 --stream 2000 --jobs 2

On synthetic ~3 KB diplomatic news pages (generated here, deterministic in ``--seed``: a
headline, a timestamp, a dateline, meetings, commitments, statements that are not facts,
background and page furniture), it measures

1. extraction throughput on one core, calling :func:`kg.extract.extract_article` directly
   (articles/s and MB/s of article text), and through :func:`kg.pipeline.extract_all` with
   ``jobs=1`` and ``jobs=2`` (reading a JSON Lines corpus, worker processes included);
2. the peak resident memory of ``kg extract CORPUS --output FILE`` streaming a small and a
   large JSON Lines corpus (the default large one is 20,000 articles, ~60 MB): if articles are
   streamed, the peak does not grow with the corpus. Measured with ``resource.getrusage`` in a
   wrapper process (the largest of the ``kg`` process and its workers);
3. the gazetteer scan: :meth:`kg.gazetteer.Gazetteer.scan` (one pyahocorasick automaton over
   every name, plus case and word-boundary checks) against the naive alternative, one Python
   regex alternation of the same names, in MB/s on the same text.

It prints a table and asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from kg.extract import extract_article
from kg.gazetteer import get_gazetteer, lower_same_length
from kg.model import Article
from kg.pipeline import extract_all

__all__ = ["synthetic_article", "synthetic_corpus", "write_corpus"]

# -- synthetic articles ----------------------------------------------------------------------
# (country, demonym, capital, official title, given name, family name); the people are invented.
PEOPLE = [
    ("Japan", "Japanese", "Tokyo", "Foreign Minister", "Haruto", "Sakamoto"),
    ("Japan", "Japanese", "Tokyo", "Defense Minister", "Kenji", "Morita"),
    ("India", "Indian", "New Delhi", "External Affairs Minister", "Arvind", "Raghavan"),
    ("Germany", "German", "Berlin", "Foreign Minister", "Katrin", "Vogelsang"),
    ("France", "French", "Paris", "Foreign Minister", "Mathilde", "Roussel"),
    ("Brazil", "Brazilian", "Brasilia", "Foreign Minister", "Rafael", "Monteiro"),
    ("Kenya", "Kenyan", "Nairobi", "Foreign Minister", "Wanjiru", "Kamau"),
    ("South Korea", "South Korean", "Seoul", "Foreign Minister", "Min-jun", "Hwang"),
    ("Australia", "Australian", "Canberra", "Foreign Minister", "Eleanor", "Whitfield"),
    ("Indonesia", "Indonesian", "Jakarta", "Foreign Minister", "Dewi", "Santoso"),
    ("Canada", "Canadian", "Ottawa", "Foreign Minister", "Graham", "Leclair"),
    ("Mexico", "Mexican", "Mexico City", "Foreign Minister", "Lucia", "Villanueva"),
    ("Nigeria", "Nigerian", "Abuja", "Foreign Minister", "Chidi", "Okonkwo"),
    ("Poland", "Polish", "Warsaw", "Foreign Minister", "Tomasz", "Wieczorek"),
    ("Vietnam", "Vietnamese", "Hanoi", "Foreign Minister", "Tran Van", "Long"),
    ("Egypt", "Egyptian", "Cairo", "Foreign Minister", "Karim", "Mansour"),
    ("Chile", "Chilean", "Santiago", "Foreign Minister", "Ignacio", "Fuentealba"),
    ("Turkey", "Turkish", "Ankara", "Foreign Minister", "Selim", "Aydemir"),
    ("Sweden", "Swedish", "Stockholm", "Foreign Minister", "Ingrid", "Lindqvist"),
    ("Philippines", "Philippine", "Manila", "Defense Secretary", "Ramon", "Dizon"),
]
ORG_PEOPLE = [
    ("North Atlantic Treaty Organization", "NATO", "Secretary-General", "Henrik", "Aalborg"),
    ("African Union", "AU", "Commission Chairperson", "Amara", "Diallo"),
    ("United Nations", "U.N.", "Secretary-General", "Olivia", "Marchetti"),
    ("Association of Southeast Asian Nations", "ASEAN", "Secretary-General", "Surya", "Prasetyo"),
]
OCCASIONS = ["the Group of Seven summit", "the Munich Security Conference", "the ASEAN Regional Forum",
             "the United Nations General Assembly", "the G20 foreign ministers' meeting", "the Shangri-La Dialogue"]
TOPICS = ["maritime security", "critical minerals", "semiconductor supply chains", "climate finance",
          "food security", "cyber defense", "nuclear non-proliferation", "refugee assistance",
          "green hydrogen", "undersea cables", "vaccine production", "disaster relief"]
PLEDGES = ["expand real-time sharing of missile warning data", "set up a joint working group on {topic}",
           "hold a new round of strategic dialogue before the end of the year",
           "double the number of student exchanges by 2027", "launch negotiations on an investment treaty",
           "step up cooperation on {topic}", "keep their sanctions enforcement closely aligned",
           "conduct joint coast guard drills next spring"]
OUTLETS = ["Example Wire", "Harbor Ledger", "Meridian Post", "Continental Dispatch", "Northern Bulletin"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
FURNITURE = ["Share", "Facebook", "X (Twitter)", "LINE", "Advertisement", "Related:",
             "Sign up for our newsletter", "Read more", "Copyright Example Media. All rights reserved."]


def _stamp(rng: random.Random, d: date) -> str:
    h, m = rng.randrange(24), rng.randrange(60)
    return rng.choice([
        f"{h:02d}:{m:02d} JST, {MONTHS[d.month - 1]} {d.day}, {d.year}",
        f"Updated {h:02d}:{m:02d} GMT, {MONTHS[d.month - 1]} {d.day}, {d.year}",
        f"{d.isoformat()} {h:02d}:{m:02d}",
        f"{MONTHS[d.month - 1]} {d.day}, {d.year} {h:02d}:{m:02d}",
    ])


def _person(p, full: bool = True) -> str:
    return f"{p[4]} {p[5]}" if full else p[5]


def synthetic_article(i: int, rng: random.Random, target: int = 3000) -> dict:
    """One news page of about ``target`` characters as a JSON Lines record."""
    published = date(2021, 1, 1) + timedelta(days=rng.randrange(1500))
    a, b = rng.sample(PEOPLE, 2)
    org = rng.choice(ORG_PEOPLE)
    third = rng.choice([p for p in PEOPLE if p[0] not in (a[0], b[0])])
    topic, topic2 = rng.sample(TOPICS, 2)
    wd = rng.choice(WEEKDAYS)
    city = rng.choice([a[2], b[2]])
    occasion = rng.choice(OCCASIONS)
    pledge = rng.choice(PLEDGES).format(topic=topic)
    outlet = rng.choice(OUTLETS)
    A, B, T = _person(a), _person(b), _person(third)
    a_, b_ = _person(a, False), _person(b, False)

    lead = rng.choice([
        f"{a[1]} {a[3]} {A} met his {b[1]} counterpart {B} in {city} on {wd}, on the sidelines of {occasion}.",
        f"{a[1]} {a[3]} {A} held talks with {b[1]} {b[3]} {B} in {city} on {wd}.",
        f"{a[1]} {a[3]} {A} received {B}, {b[3].lower()} of {b[0]}, in {city} on {wd}.",
        f"{a[1]} {a[3]} {A} hosted {b[1]} {b[3]} {B} for a working lunch in {city} on {wd}.",
        f"{a[1]} {a[3]} {A} and {b[1]} {b[3]} {B} had talks in {city} on {wd} on the sidelines of {occasion}.",
    ])
    body = [
        lead,
        rng.choice([
            f"{a_} and {b_} agreed to {pledge}, according to officials from both foreign ministries.",
            f"The two ministers confirmed that the two sides will {pledge}.",
            f"{a_} pledged to {pledge}, and {b_} said {b[0]} would study the proposal.",
            f"The two sides signed an agreement to {pledge}.",
        ]),
        f"{b_} expressed concern over rising tensions in the region and called on all parties to show restraint.",
        rng.choice([
            f"Later the same day, {a_} spoke by phone with {third[1]} {third[3]} {T} about {topic2}.",
            f"{a_} also had phone talks with {T}, {third[3].lower()} of {third[0]}, on {rng.choice(WEEKDAYS)}.",
            f"{org[1]} {org[2]} {org[3]} {org[4]} met {a_} and {b_} on {wd} to discuss {topic2}.",
        ]),
        rng.choice([
            f"{a[0]} will provide technical support for {topic} projects in {b[0]}, {a_} said.",
            f"{b[2]} said in a statement that the talks had been constructive.",
            f"{a_} vowed to deepen cooperation with the {org[0]} on {topic2}.",
        ]),
        f"{a_} and {b_} are scheduled to meet again in {b[2]} on {MONTHS[rng.randrange(12)]} {1 + rng.randrange(28)}.",
        f"{b_} hoped the two countries could conclude a free trade agreement, but gave no timeline.",
    ]
    background = [
        f"Trade between {a[0]} and {b[0]} has grown steadily over the past decade, driven by demand for {topic}.",
        f"Analysts said the meeting reflected a broader effort by {a[2]} to diversify its partnerships.",
        f"The {org[0]} has repeatedly urged its members to coordinate more closely on {topic2}.",
        f"Officials in {b[2]} described the relationship as one of the most important in the region.",
        f"Both governments face domestic pressure over energy prices and the cost of living.",
        f"A joint statement released after the talks ran to more than four pages and covered {topic2}.",
        f"Diplomats noted that the two ministers last met in person more than a year ago.",
        f"{b[0]} is one of the largest recipients of development loans from {a[0]}.",
        f"The ministry of {a[0]} said further details would be announced in the coming weeks.",
        f"Exports of {topic} equipment rose by {rng.randrange(5, 40)} percent last year, customs data showed.",
        f"Opposition lawmakers in {b[2]} questioned the cost of the new programs.",
        f"Several business leaders accompanied the delegation, including executives from energy and shipping firms.",
        f"The talks came weeks after a regional summit failed to agree on a common approach to {topic2}.",
        f"Observers said the visit was closely watched in neighboring capitals.",
        f"Both ministries posted photographs of the meeting on social media.",
        f"The previous round of consultations, held in {third[2]}, ended without a joint statement.",
        f"Public opinion polls in {a[0]} show broad support for closer ties with {b[0]}.",
        f"The two countries established diplomatic relations in {rng.randrange(1950, 2000)}.",
    ]
    rng.shuffle(background)
    lines = [f"{a[0]}, {b[0]} Agree to Deepen Cooperation on {topic.title()}", _stamp(rng, published),
             f"{city.upper()} ({outlet}) — " + body[0]] + body[1:]
    text = "\n".join(lines)
    k = 0
    while len(text) < target - 400:
        text += "\n" + background[k % len(background)]
        k += 1
    furn = rng.sample(FURNITURE, 4)
    headlines = [f"{p[1]} {p[3]} {_person(p)} Meets {q[1]} Counterpart, Pledges Closer Ties"
                 for p, q in (rng.sample(PEOPLE, 2), rng.sample(PEOPLE, 2))]
    text += "\n" + "\n".join(furn[:2] + ["POPULAR ARTICLES"] + headlines + furn[2:])
    return {"id": f"bench-{i:06d}", "text": text, "published": published.isoformat(),
            "url": f"https://news.example/{i}", "title": lines[0]}


def synthetic_corpus(n: int, seed: int = 7):
    rng = random.Random(seed)
    for i in range(n):
        yield synthetic_article(i, rng)


def write_corpus(path: Path, n: int, seed: int = 7) -> int:
    size = 0
    with path.open("w", encoding="utf-8") as f:
        for rec in synthetic_corpus(n, seed):
            line = json.dumps(rec, ensure_ascii=False) + "\n"
            size += len(line.encode("utf-8"))
            f.write(line)
    return size


# -- measurements ----------------------------------------------------------------------------

def _mb(n_bytes: float) -> float:
    return n_bytes / 1e6


def bench_extract_article(n: int, seed: int) -> dict:
    gaz = get_gazetteer()
    articles = [Article(id=r["id"], text=r["text"], published=r["published"], url=r["url"], title=r["title"])
                for r in synthetic_corpus(n, seed)]
    size = sum(len(a.text.encode("utf-8")) for a in articles)
    extract_article(articles[0], gaz)  # warm up (regex compilation)
    t = time.perf_counter()
    facts = 0
    for a in articles:
        ex = extract_article(a, gaz)
        facts += len(ex.meetings) + len(ex.commitments)
    dt = time.perf_counter() - t
    return {"what": "extract_article, 1 core", "n": n, "seconds": dt, "art_s": n / dt, "mb_s": _mb(size) / dt,
            "note": f"{facts / n:.1f} facts/article, {size / n / 1000:.1f} KB/article"}


def bench_extract_all(corpus: Path, n: int, size: int, jobs: int) -> dict:
    t = time.perf_counter()
    count = sum(1 for _ in extract_all([str(corpus)], jobs=jobs))
    dt = time.perf_counter() - t
    assert count == n
    return {"what": f"extract_all(jobs={jobs}) from JSONL", "n": n, "seconds": dt, "art_s": n / dt,
            "mb_s": _mb(size) / dt, "note": "incl. reading" + (" and worker start-up" if jobs > 1 else "")}


_WRAPPER = """
import resource, subprocess, sys, time
t = time.perf_counter()
rc = subprocess.run(sys.argv[1:]).returncode
dt = time.perf_counter() - t
print(rc, dt, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def bench_stream_memory(corpus: Path, n: int, size: int, jobs: int, workdir: Path) -> dict:
    out = workdir / f"facts-{n}.jsonl"
    cmd = [sys.executable, "-c", _WRAPPER, sys.executable, "-m", "kg.cli", "extract", str(corpus),
           "--output", str(out), "--jobs", str(jobs)]
    p = subprocess.run(cmd, capture_output=True, text=True, check=True)
    rc, dt, maxrss_kb = p.stdout.split()
    lines = sum(1 for _ in out.open(encoding="utf-8"))
    return {"what": f"kg extract --jobs {jobs} --output", "n": n, "seconds": float(dt), "art_s": n / float(dt),
            "mb_s": _mb(size) / float(dt),
            "note": f"exit {rc}, {lines} objects written, corpus {_mb(size):.1f} MB, "
                    f"peak RSS {int(maxrss_kb) / 1024:.0f} MB"}


def _regex_alternation(gaz) -> re.Pattern:
    names = sorted({form for entries in gaz._forms.values() for _, _, form in entries}, key=len, reverse=True)
    return re.compile(r"(?<![\w\-])(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)", re.IGNORECASE)


def bench_gazetteer(seed: int, mb: float) -> list[dict]:
    gaz = get_gazetteer()
    text = ""
    for rec in synthetic_corpus(10 ** 9, seed + 1):
        text += rec["text"] + "\n\n"
        if len(text) >= mb * 1e6:
            break
    size = len(text.encode("utf-8"))
    n_names = len({form for entries in gaz._forms.values() for _, _, form in entries})
    rows = []

    gaz.scan(text[:1000])  # build the automaton outside the timing
    t = time.perf_counter()
    hits = gaz.scan(text)
    dt = time.perf_counter() - t
    rows.append({"what": "Gazetteer.scan (pyahocorasick)", "n": n_names, "seconds": dt, "art_s": None,
                 "mb_s": _mb(size) / dt, "note": f"{len(hits)} hits in {_mb(size):.1f} MB; n = names"})

    low = lower_same_length(text)
    automaton = gaz.automaton()
    t = time.perf_counter()
    raw = sum(1 for _ in automaton.iter(low))
    dt = time.perf_counter() - t
    rows.append({"what": "  automaton.iter only", "n": n_names, "seconds": dt, "art_s": None,
                 "mb_s": _mb(size) / dt, "note": f"{raw} raw matches, before case/boundary checks"})

    t = time.perf_counter()
    rx = _regex_alternation(gaz)
    compile_s = time.perf_counter() - t
    sample = text[: max(20_000, int(len(text) / 20))]  # the regex is slow: time a slice of the text
    t = time.perf_counter()
    rx_hits = sum(1 for _ in rx.finditer(sample))
    dt = time.perf_counter() - t
    rows.append({"what": "regex alternation (re, IGNORECASE)", "n": n_names, "seconds": dt, "art_s": None,
                 "mb_s": _mb(len(sample.encode("utf-8"))) / dt,
                 "note": f"{rx_hits} hits in {_mb(len(sample.encode('utf-8'))):.2f} MB; compile {compile_s:.2f} s"})
    return rows


def print_table(rows: list[dict]) -> None:
    head = ["measure", "n", "seconds", "articles/s", "MB/s", "notes"]
    body = [[r["what"], str(r["n"]), f"{r['seconds']:.2f}", "" if r["art_s"] is None else f"{r['art_s']:.1f}",
             f"{r['mb_s']:.3f}" if r["mb_s"] < 1 else f"{r['mb_s']:.2f}", r["note"]] for r in rows]
    widths = [max(len(x) for x in col) for col in zip(head, *body)]
    fmt = lambda cells: "  ".join(c.ljust(w) if i in (0, 5) else c.rjust(w)  # noqa: E731
                                  for i, (c, w) in enumerate(zip(cells, widths))).rstrip()
    print(fmt(head))
    print("  ".join("-" * w for w in widths))
    for cells in body:
        print(fmt(cells))


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=1000, help="articles for the throughput runs (default 1000)")
    ap.add_argument("--stream", type=int, default=20000, help="articles in the large streamed corpus (default 20000)")
    ap.add_argument("--small", type=int, default=1000, help="articles in the small streamed corpus (default 1000)")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes for the kg extract runs (default 2)")
    ap.add_argument("--scan-mb", type=float, default=2.0, help="MB of text for the gazetteer scan (default 2)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)

    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores; synthetic articles, seed {args.seed}",
          flush=True)
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        work = Path(tmp)
        rows.append(bench_extract_article(args.articles, args.seed))
        print(f"... {rows[-1]['what']}: {rows[-1]['seconds']:.1f} s", file=sys.stderr, flush=True)

        corpus = work / "throughput.jsonl"
        size = write_corpus(corpus, args.articles, args.seed)
        for jobs in (1, 2):
            rows.append(bench_extract_all(corpus, args.articles, size, jobs))
            print(f"... {rows[-1]['what']}: {rows[-1]['seconds']:.1f} s", file=sys.stderr, flush=True)

        for n in (args.small, args.stream):
            corpus = work / f"stream-{n}.jsonl"
            size = write_corpus(corpus, n, args.seed)
            rows.append(bench_stream_memory(corpus, n, size, args.jobs, work))
            print(f"... {rows[-1]['what']} ({n}): {rows[-1]['seconds']:.1f} s", file=sys.stderr, flush=True)
            corpus.unlink()

        rows.extend(bench_gazetteer(args.seed, args.scan_mb))
    print()
    print_table(rows)


if __name__ == "__main__":
    main()
