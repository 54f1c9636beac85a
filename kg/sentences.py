"""Split an article into sentences with character offsets, and mark page furniture.

News pages come as pasted text: one paragraph a line, or hard-wrapped at ~70 columns,
followed by lists of other articles' headlines ("POPULAR ARTICLE", "Related Stories",
"Advertisement", bullet dashes). Furniture sentences are kept (offsets stay true) but flagged,
and later stages read nothing from them.
"""
from __future__ import annotations

import re

from .model import Sentence

__all__ = ["split_sentences", "is_credit_line", "MAX_SENTENCE"]

MAX_SENTENCE = 800  # characters; longer runs are cut at a "; ", ", " or space

# abbreviations after which a period does not end a sentence
_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen", "rep",
    "st", "mt", "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "u.s", "u.n", "u.k", "e.u", "inc", "ltd", "co", "corp", "jr", "sr", "hon", "h.e", "rev", "est",
    "approx", "dept", "fig", "p.m", "a.m", "d.c", "h.h", "h.r.h", "s.m", "etc", "al",
    "md", "mohd", "muhd", "amb", "pres", "brig", "cdr", "cmdr",  # "Md. Touhid Hossain", "Amb. X"
}
_BOUNDARY = re.compile(r"""(?<=[.!?])["”’']?\)?(?=\s+["“‘'(]?[A-Z0-9])|(?<=[.!?]["”’])(?=\s)""")
# a period (and a closing quote) and a capital with the space lost in scraping ("with X.The meeting",
# "beyond.”The office said"): a rarer, slower pattern
_JOINED = re.compile(r"""[a-z]{2}[.!?]["”’]?[A-Z][a-z]""")
_BOUNDARY_OR_JOINED = re.compile(_BOUNDARY.pattern + r"""|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])|(?<=[a-z]{2}[.!?]["”’])(?=[A-Z][a-z])""")
_FURNITURE_MARKER = re.compile(
    r"^\s*(?:[-–—•*|·]+|>>.*|►.*|advertisement:?|\W*(?:popular|most read|most popular|trending|related"
    r"(?: articles?| stories| news| posts)?|read more|read also|also read|see also|more (?:from|stories|news)"
    r"|recommended|latest news|top stories|access ranking|editor'?s picks|you may also like|share this|share on"
    r"|tags?:|photos?|videos?)\b.*)\s*$",
    re.IGNORECASE)
_LINK_LINE = re.compile(r"\s*(?:>>|►|»|(?:read more|read also|also read|see also|related)\s*:)", re.IGNORECASE)
_CREDIT = re.compile(
    r"^\s*(?:\(?(?:by|edited by|compiled by|reporting by|writing by|reported by|translated by|web editor|"
    r"editor|photo(?:graph)?s?|credit|image)\b[:/ ]|.*\(@\w+\)|.*\bphoto/|\(.*\bphoto\b)",
    re.IGNORECASE)


def is_credit_line(text: str) -> bool:
    """Bylines and photo or editor credits: the names there are journalists, not officials."""
    return bool(_CREDIT.match(text)) and len(text) < 200


def _looks_like_headline(line: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'’-]*", line)
    if len(words) < 3 or line.rstrip().endswith((".", ".”", '."', ":")):
        return False
    caps = sum(w[0].isupper() for w in words)
    return caps / len(words) >= 0.5 or len(line) < 140


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty logical line; hard-wrapped paragraphs are joined."""
    raw = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    lengths = [e - s for s, e in raw]
    long_lines = [n for n in lengths if n > 40]
    # hard-wrapped: nearly every long line stops near one width (a pasted page mixes widths)
    wrapped = (sum(1 for n in long_lines if 55 <= n <= 82) >= 4
               and sum(1 for n in long_lines if n <= 82) >= 0.9 * len(long_lines))
    out: list[tuple[int, int]] = []
    for s, e in raw:
        if not text[s:e].strip():
            continue
        if out and wrapped:
            ps, pe = out[-1]
            prev = text[ps:pe].rstrip()
            gap = text[pe:s]
            if gap.count("\n") == 1 and not re.search(r"""[.!?:;"”’]\s*$""", prev) and 50 < pe - text.rfind("\n", 0, pe) <= 84 \
                    and not _LINK_LINE.match(prev) and not _FURNITURE_MARKER.match(prev):
                out[-1] = (ps, e)
                continue
        out.append((s, e))
    return out


def _split_line(text: str, s: int, e: int) -> list[tuple[int, int]]:
    chunk = text[s:e]
    spans, start = [], 0
    for m in (_BOUNDARY_OR_JOINED if _JOINED.search(chunk) else _BOUNDARY).finditer(chunk):
        cut = m.start()
        before = chunk[start:cut]
        word = re.search(r"([\w.]+)\.\W*$", before)
        if word:
            w = word.group(1).lower()
            if w in _ABBREV or (len(w) == 1 and w.isalpha()) or re.fullmatch(r"(?:\w\.)+\w", w):
                # "Mr. Reed", "S. Raghavan", "U.S. President": not a boundary,
                # unless an abbreviation ends the sentence before a clear new one ("in the U.S. The")
                nxt = chunk[cut:cut + 12].lstrip()
                if not (w in {"u.s", "u.k", "u.n", "d.c", "etc"} and re.match(r"(?:The|It|He|She|They|We|In|On|But|A)\b", nxt)):
                    continue
        if chunk[start:cut].strip():
            spans.append((s + start, s + cut))
        start = cut
        while start < len(chunk) and chunk[start].isspace():
            start += 1
    if chunk[start:].strip():
        spans.append((s + start, e))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        # no real sentence is this long: cut run-on text (hostile or broken input) into pieces
        # so that every later stage stays linear in the length of the article
        while b - a > MAX_SENTENCE:
            cut = max(text.rfind(sep, a + MAX_SENTENCE // 2, a + MAX_SENTENCE) for sep in ("; ", ", ", " "))
            cut = cut + 1 if cut > a else a + MAX_SENTENCE
            out.append((a, cut))
            a = cut
            while a < b and text[a].isspace():
                a += 1
        if a < b:
            out.append((a, b))
    return out


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` in order, with offsets; furniture flagged.

    Furniture starts at a marker line ("POPULAR ARTICLE", "Related", "Advertisement", a bullet
    dash) followed by headline-like lines, and lasts until prose resumes: a long line ending
    like a sentence, as when a "Read more" block sits in the middle of a story."""
    lines = _lines(text)
    flags = []
    furniture = False
    for i, (s, e) in enumerate(lines):
        line = text[s:e].strip()
        if furniture and _is_prose(line):
            furniture = False
        if not furniture and i >= 2 and _FURNITURE_MARKER.match(line):
            rest = [text[a:b].strip() for a, b in lines[i + 1:i + 6]]
            heads = [r for r in rest if not _FURNITURE_MARKER.match(r)]
            furniture = not heads or sum(_looks_like_headline(r) or _is_teaser(r) for r in heads) >= max(1, len(heads) - 1)
        # ">>Related headline", "Read more: ...": a link to another story, whatever follows
        flags.append(furniture or bool(_LINK_LINE.match(line)))
    out: list[Sentence] = []
    for (s, e), furniture in zip(lines, flags):
        for a, b in _split_line(text, s, e):
            out.append(Sentence(index=len(out), start=a, end=b, text=text[a:b], furniture=furniture))
    return out


def _is_prose(line: str) -> bool:
    """A paragraph of a story rather than a headline: long, and ending like a sentence."""
    return len(line.split()) >= 8 and bool(re.search(r"""[.!?]["”’)]?$""", line)) and not _looks_like_headline(line) \
        and not _is_teaser(line)


def _is_teaser(line: str) -> bool:
    """The cut-off opening of another story under its headline: "Colombo: Sri Lanka has decided to ..."."""
    return line.endswith(("...", "…", "[…]", "[...]"))
