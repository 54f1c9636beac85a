"""Library functions behind the CLI: stream articles through extraction, write outputs.

Articles are read lazily and extracted in parallel worker processes (``jobs``), in order;
outputs are written atomically, so a failure leaves the previous files whole.
"""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from .errors import KgError
from .extract import extract_article
from .fsutil import atomic_open
from .gazetteer import get_gazetteer, load_user_dictionary
from .graph import build_graph, summary
from .model import Article, Extraction
from .read import iter_articles

__all__ = ["extract_all", "extract_to", "build", "BuildResult", "user_records"]

_worker_records: tuple = ()


def user_records(paths: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """User dictionary records as hashable (where, json) pairs, checked up front."""
    out = []
    for p in paths or ():
        for i, rec in enumerate(load_user_dictionary(p), 1):
            out.append((f"{p}:{i}", json.dumps(rec, sort_keys=True)))
    records = tuple(out)
    get_gazetteer(records)  # fail early on a bad record
    return records


def _init_worker(records: tuple) -> None:
    global _worker_records
    _worker_records = records


def _extract_one(article: Article) -> Extraction:
    return extract_article(article, get_gazetteer(_worker_records))


def extract_all(inputs: Iterable[str], jobs: int = 1, dictionaries: Sequence[str] = ()) -> Iterator[Extraction]:
    """Extractions of every article of ``inputs``, in input order, streamed."""
    records = user_records(dictionaries)
    articles = iter_articles(inputs)
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1:
        gaz = get_gazetteer(records)
        for a in articles:
            yield extract_article(a, gaz)
        return
    with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(records,)) as pool:
        while True:
            batch = list(islice(articles, 64 * jobs))
            if not batch:
                break
            yield from pool.map(_extract_one, batch, chunksize=16)


def extract_to(inputs: Sequence[str], output: str | None, fmt: str = "jsonl", explain: bool = False,
               jobs: int = 1, dictionaries: Sequence[str] = ()) -> int:
    """Write one JSON object per article (JSON Lines, or a JSON array) to ``output`` or stdout."""
    def lines() -> Iterator[str]:
        for ex in extract_all(inputs, jobs, dictionaries):
            yield json.dumps(ex.to_json(explain=explain), ensure_ascii=False)

    n = 0
    if output and output != "-":  # "-" is standard output, as in most command-line tools
        with atomic_open(output) as f:
            n = _write(f, lines(), fmt)
    else:
        n = _write(sys.stdout, lines(), fmt)
    return n


def _write(f, lines: Iterator[str], fmt: str) -> int:
    n = 0
    if fmt == "json":
        f.write("[")
        for i, line in enumerate(lines):
            f.write(("," if i else "") + "\n" + line)
            n += 1
        f.write("\n]\n")
    else:
        for line in lines:
            f.write(line + "\n")
            n += 1
    return n


@dataclass
class BuildResult:
    files: list[Path] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def build(inputs: Sequence[str], out_dir: str, formats: Sequence[str] = ("turtle",), html: bool = True,
          update: bool = False, jobs: int = 1, dictionaries: Sequence[str] = ()) -> BuildResult:
    """Extract, merge across articles and write the graph files into ``out_dir``."""
    from . import rdf
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise KgError(f"{out_dir}: exists and is not a folder")
    base = None
    if update:
        existing = out / "graph.ttl"
        if not existing.is_file():
            raise KgError(f"{existing}: no graph to update (build without --update first)")
        base = rdf.read_graph(existing)
    g = build_graph(extract_all(inputs, jobs, dictionaries), base=base)
    if not g.graph.get("articles"):
        raise KgError("no articles were read")
    fmts = list(dict.fromkeys(formats))
    if update and "turtle" not in fmts:
        fmts.insert(0, "turtle")
    files = list(rdf.write_graph(g, out, fmts))
    if html:
        from .html import render_html
        files.append(render_html(g, out / "graph.html"))
    return BuildResult(files=files, counts=summary(g))
