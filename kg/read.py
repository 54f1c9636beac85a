"""Read articles from .txt files, folders, JSON Lines corpora and standard input, one at a time.

Inputs are streamed: a corpus of any size is read line by line and never held whole.
Unreadable input raises :class:`kg.errors.InputError` with one clear line naming the file
(and, for JSON Lines, the line number).
"""
from __future__ import annotations

import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from .dates import find_publication_date
from .errors import InputError
from .model import Article

__all__ = ["iter_articles", "article_from_text", "TEXT_SUFFIXES", "CORPUS_SUFFIXES"]

TEXT_SUFFIXES = {".txt", ".text"}
CORPUS_SUFFIXES = {".jsonl", ".ndjson"}
MAX_ARTICLE_CHARS = 300_000  # a longer "article" is not news (a long feature runs ~30,000); cut it rather than stall


_ISO_PREFIX = re.compile(r"\d{4}-\d\d-\d\d")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _clean(text: str) -> str:
    # NUL and other C0 controls (but tab/newline) are never part of news text: each becomes
    # one space, anywhere in the text, so the text keeps its length
    text = _CONTROL_RE.sub(" ", text[:MAX_ARTICLE_CHARS])
    return text.replace("\r\n", "\n").replace("\r", "\n")


def article_from_text(text: str, id: str, source: str | None = None) -> Article:
    """A pasted news page: headline first, a timestamp giving the publication date."""
    text = _clean(text)
    title = next((line.strip() for line in text.splitlines() if line.strip()), None)
    return Article(id=id, text=text, published=find_publication_date(text), title=title, source=source)


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{name}: not UTF-8 text (byte {e.start})") from None


def _article_from_record(rec: object, where: str) -> Article:
    if not isinstance(rec, dict):
        raise InputError(f"{where}: expected a JSON object with \"id\" and \"text\"")
    text = rec.get("text")
    if not isinstance(text, str):
        raise InputError(f"{where}: missing \"text\" string")
    rid = rec.get("id")
    if rid is None or isinstance(rid, (dict, list)):
        raise InputError(f"{where}: missing \"id\"")
    published = rec.get("published")
    if published is not None and not isinstance(published, str):
        raise InputError(f"{where}: \"published\" must be a date string or null")
    text = _clean(text)
    if published:
        # an ISO date or timestamp ("2022-04-08T10:00:00Z"), or a written date ("April 8, 2022")
        stamp = published.strip()
        iso = find_publication_date(stamp[:10] if _ISO_PREFIX.match(stamp) else stamp)
        if iso is None:
            raise InputError(f"{where}: \"published\" is not a date: {published[:40]!r}")
        published = iso
    url = rec.get("url") if isinstance(rec.get("url"), str) else None
    title = rec.get("title") if isinstance(rec.get("title"), str) else None
    return Article(id=str(rid), text=text, published=published or find_publication_date(text),
                   url=url, title=title, source=where)


def _iter_jsonl(lines: Iterable[bytes | str], name: str) -> Iterator[Article]:
    n = 0
    for lineno, raw in enumerate(lines, 1):
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
            except UnicodeDecodeError:
                raise InputError(f"{name}:{lineno}: not UTF-8 text") from None
        if not raw.strip():
            continue
        try:
            rec = json.loads(raw)
        except json.JSONDecodeError as e:
            raise InputError(f"{name}:{lineno}: malformed JSON ({e.msg})") from None
        n += 1
        yield _article_from_record(rec, f"{name}:{lineno}")
    if n == 0:
        raise InputError(f"{name}: no articles (the corpus has no records)")


def _iter_file(path: Path, base: Path | None = None) -> Iterator[Article]:
    name = str(path)
    try:
        if path.suffix.lower() in CORPUS_SUFFIXES:
            with path.open("rb") as f:
                head = f.read(8192)
                if b"\x00" in head:
                    raise InputError(f"{name}: binary file, not text")
                f.seek(0)
                yield from _iter_jsonl(f, name)
            return
        text = _decode(path.read_bytes(), name)
    except OSError as e:
        raise InputError(f"{name}: cannot read ({e.strerror or e})") from None
    rel = path.relative_to(base) if base else Path(path.name)
    yield article_from_text(text, id=str(rel.with_suffix("")), source=name)


def _joined_lines(head: bytes, rest: IO[bytes]) -> Iterator[bytes]:
    """The lines of ``head`` followed by the rest of the stream, read lazily."""
    lines = io.BytesIO(head).readlines()
    pending = lines.pop() if lines and not lines[-1].endswith(b"\n") else b""
    yield from lines
    for line in rest:
        if pending:
            line, pending = pending + line, b""
        yield line
    if pending:
        yield pending


def _iter_stdin() -> Iterator[Article]:
    if not hasattr(sys.stdin, "buffer"):
        data = sys.stdin.read().encode("utf-8")
        head, rest = data, io.BytesIO()
    else:
        rest = sys.stdin.buffer
        head = rest.read(8192)
    if b"\x00" in head:
        raise InputError("<stdin>: binary file, not text")
    if head.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"{"):
        # JSON Lines: streamed line by line, never read whole
        yield from _iter_jsonl(_joined_lines(head, rest), "<stdin>")
        return
    text = _decode(head + rest.read(), "<stdin>")
    yield article_from_text(text, id="stdin", source="<stdin>")


def iter_articles(inputs: Iterable[str]) -> Iterator[Article]:
    """Every article of every input, in order; raises InputError on the first bad one."""
    for spec in inputs:
        if spec == "-":
            yield from _iter_stdin()
            continue
        path = Path(spec)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*")
                           if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES | CORPUS_SUFFIXES
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            if not files:
                raise InputError(f"{spec}: no articles in this folder (looked for .txt and .jsonl files)")
            for f in files:
                yield from _iter_file(f, base=path)
        elif path.is_file():
            yield from _iter_file(path)
        elif path.exists():
            raise InputError(f"{spec}: not a file or folder")
        else:
            raise InputError(f"{spec}: no such file or folder")
