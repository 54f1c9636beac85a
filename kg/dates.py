"""Dates in news text: explicit dates, publication timestamps and relative day words.

``resolve_day(phrase, published, future=False)`` turns "on Saturday", "yesterday", "today",
"on March 3" or "18 February" into an ISO date, relative to the publication date: a weekday
names the most recent such day on or before publication (the next one for future events).
"""
from __future__ import annotations

import re
from datetime import date, timedelta

__all__ = ["MONTHS", "WEEKDAYS", "DATE_RE", "parse_explicit", "find_publication_date", "resolve_day",
           "day_phrases"]

MONTHS = {m: i + 1 for i, ms in enumerate([
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")]) for m in ms}
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}

_MONTH = r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
DATE_RE = re.compile(
    r"\b(?:(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)"
    r"|" + _MONTH + r"\s+" + _DAY + r"(?:\s*(?:-|–)\s*[0-3]?\d)?(?:,?\s+" + _YEAR + r")?"
    r"|" + _DAY.replace("day>", "day2>") + r"\s+(?:of\s+)?" + _MONTH.replace("mon>", "mon2>") + r"(?:,?\s+" + _YEAR.replace("year>", "year2>") + r")?"
    r")\b", re.IGNORECASE)
_ORDINAL_DAY = re.compile(r"\bthe\s+([0-3]?\d)(?:st|nd|rd|th)\b", re.IGNORECASE)
_WEEKDAY_RE = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE)
_RELATIVE_RE = re.compile(r"\b(today|yesterday|tomorrow|tonight|last (?:night|evening)|this (?:morning|afternoon|evening))\b",
                          re.IGNORECASE)


def _mk(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_explicit(m: re.Match, published: date | None) -> date | None:
    """The date a DATE_RE match names; a missing year comes from the publication date."""
    if m.group("iso"):
        y, mo, d = map(int, m.group("iso").split("-"))
        return _mk(y, mo, d)
    mon = m.group("mon") or m.group("mon2")
    day = m.group("day") or m.group("day2")
    year = m.group("year") or m.group("year2")
    month = MONTHS[mon.lower().rstrip(".")]
    if year:
        return _mk(int(year), month, int(day))
    if published is None:
        return None
    d = _mk(published.year, month, int(day))
    # "on December 30" in a story of January 2 is last year's
    if d and (d - published).days > 180:
        d = _mk(published.year - 1, month, int(day))
    return d


_NUMERIC_RE = re.compile(r"\b(?:(?P<y>(?:19|20)\d\d)[/.](?P<m>[01]?\d)[/.](?P<d>[0-3]?\d)|(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<y2>(?:19|20)\d\d))\b")


def find_publication_date(text: str, lines: int = 12) -> str | None:
    """The first full date (with a year) in the first lines of a news page: its timestamp.

    Numeric dates are read day first ("27/07/2024"), month first only when the day-first
    reading is impossible ("07/27/2024")."""
    # only timestamp-like lines: short, or carrying a time or a "published"/"updated" label
    # and the head of the first lines: a dateline's date ("ABU DHABI, (WAM - 12th Oct, 2020) During ...")
    head = "\n".join(line if len(line) <= 90 or re.search(r"\d\d?:\d\d|\b(?:updated|published|posted|date)\b", line, re.I)
                     else line[:100] if i < 3 else "" for i, line in enumerate(text.splitlines()[:lines]))
    found = []
    for m in DATE_RE.finditer(head):
        if m.group("iso") or m.group("year") or m.group("year2"):
            d = parse_explicit(m, None)
            if d:
                found.append((m.start(), d))
    for m in _NUMERIC_RE.finditer(head):
        if m.group("y"):
            d = _mk(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        else:
            a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y2"))
            d = _mk(y, b, a) or _mk(y, a, b)
        if d:
            found.append((m.start(), d))
    return min(found)[1].isoformat() if found else None


def resolve_day(phrase: str, published: str | None, future: bool = False) -> str | None:
    """An ISO date for a day phrase found in a sentence, or None when it cannot be fixed."""
    pub = date.fromisoformat(published) if published else None
    m = DATE_RE.search(phrase)
    if m:
        d = parse_explicit(m, pub)
        if d and future and pub and d < pub and not (m.group("year") or m.group("year2") or m.group("iso")):
            d = _mk(d.year + 1, d.month, d.day)  # "will meet on January 16" in a November story
        elif d and not future and pub and d > pub and not (m.group("year") or m.group("year2") or m.group("iso")):
            d = _mk(d.year - 1, d.month, d.day)  # "met on June 17" in a May story: last June
        return d.isoformat() if d else None
    if pub is None:
        return None
    m = _ORDINAL_DAY.search(phrase)
    if m:
        # "on the 7th": the nearest such day of a month, before the story or, for a plan, after it
        day, d = int(m.group(1)), None
        for step in range(0, 3):
            month = (pub.month - 1 + (step if future else -step)) % 12 + 1
            year = pub.year + ((pub.month - 1 + (step if future else -step)) // 12)
            d = _mk(year, month, day)
            if d and ((d >= pub) if future else (d <= pub)):
                return d.isoformat()
        return None
    m = _RELATIVE_RE.search(phrase)
    if m:
        w = m.group(1).lower()
        if w == "yesterday" or w.startswith("last"):
            return (pub - timedelta(days=1)).isoformat()
        if w == "tomorrow":
            return (pub + timedelta(days=1)).isoformat()
        return pub.isoformat()
    m = _WEEKDAY_RE.search(phrase)
    if m:
        wd = WEEKDAYS[m.group(1).lower()]
        if future:
            return (pub + timedelta(days=(wd - pub.weekday()) % 7)).isoformat()
        return (pub - timedelta(days=(pub.weekday() - wd) % 7)).isoformat()
    return None


_DAY_PHRASE = (
    r"\b(?:on|late on|early on|last|this|since|from|until|by)?\s*(?:the\s+)?(?:(?:afternoon|morning|evening|night)\s+of\s+)?"
    r"(?:" + DATE_RE.pattern[2:-2] + r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|today|yesterday|tomorrow|tonight|last (?:night|evening)"
    r"|[0-3]?\d(?:st|nd|rd|th)(?=[,.;]|\s+(?:and|in|at|with|to|for|but|when|after|before|of\s+this\s+month)\b|\s*$))\b")
# matched case-sensitively against lower-cased text: the same matches as re.IGNORECASE, twice as fast
_DAY_PHRASE_RE = re.compile(re.sub(r"(?<![\\?])[A-Z]", lambda m: m.group(0).lower(), _DAY_PHRASE))


def day_phrases(sentence: str) -> list[str]:
    """Candidate day expressions in a sentence, in order, as written."""
    low = sentence.lower()
    if len(low) != len(sentence):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in sentence)
    return [sentence[m.start():m.end()] for m in _DAY_PHRASE_RE.finditer(low)]
