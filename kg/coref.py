"""Aliases and coreference within one article.

After :mod:`kg.entities` has found the officials named in full, this stage adds the later,
shorter mentions and the descriptions that stand for them:

* a surname or any distinctive part of a known name ("Sakamoto", "Cho", "bin Nasser",
  "Mr Raghavan"), given to the most recently mentioned person who has it;
* "the NATO leader", "the top Japanese diplomat", "the Chinese foreign minister": the person
  holding a post of that body;
* group descriptions ("the two officials", "the two sides", "both ministers", "the three",
  "they"), resolved lazily by :func:`resolve_group` from what was said before (pronouns and
  "his country" are resolved by :mod:`kg.events`, which knows the discourse).
"""
from __future__ import annotations

import re

import ahocorasick

from .entities import NAME_PARTICLES, STOP, ArticleEntities, PMention, hyphenated_surname, name_tokens, one_edit_apart
from .gazetteer import Gazetteer

__all__ = ["add_alias_mentions", "add_descriptions", "add_title_references", "resolve_group", "GROUP_RE",
           "person_country"]

GROUP_RE = re.compile(
    r"\b(?:(?:the|both|all)\s+(?:two|three|four|five|2|3)?\s*(?:visiting\s+)?(?:top\s+)?(?:foreign\s+|prime\s+|defen[cs]e\s+)?"
    r"(?:officials|ministers|leaders|sides|presidents|heads of state|heads of government|diplomats|men|women|"
    r"parties|counterparts|premiers|chancellors|secretaries|delegations|countries|nations|governments|states)"
    r"|the\s+(?:duo|pair|trio|two|three)|both\s+(?:of\s+them|sides|countries|nations|leaders|ministers|officials)"
    r"|(?:the\s+)?hosts?\s+and\s+(?:the\s+)?guests?"  # "Host and guest agreed ...": the two who met
    r"|they|we)\b", re.IGNORECASE)
_DESCRIPTION = re.compile(
    r"\bthe\s+(?:(?:top|chief|new|visiting)\s+)?(\S+(?:\s\S+)?)\s+(?:leader|chief|head|diplomat|top diplomat|chief diplomat|"
    r"minister|foreign minister|president|premier|prime minister|secretary-general|secretary general|chancellor|envoy|"
    r"ambassador|chairperson|chairman|foreign secretary|secretary of state|pm|fm|emir|amir|king|queen|sultan|crown prince)\b", re.IGNORECASE)
# "China's top diplomat", "Japan's foreign minister" with no name beside: the one who holds it
_DESCRIPTION_POSS = re.compile(
    r"\b([A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?)['’]s\s+((?i:(?:top|chief|new)\s+)?(?i:leader|diplomat|top diplomat|chief diplomat|foreign minister|"
    r"president|premier|prime minister|chancellor|foreign secretary|secretary of state|emir|king|crown prince))\b(?!\s+[A-Z])")
# "the emir of Kuwait", "the president of the African Union": the post, then whose
_DESCRIPTION_OF = re.compile(
    r"\bthe\s+(?:(?:new|visiting)\s+)?(leader|president|prime minister|premier|emir|amir|king|queen|sultan|crown prince|"
    r"foreign minister|secretary-general|secretary general|chancellor|chairperson|chairman)\s+of\s+(?:the\s+)?", re.IGNORECASE)


def party_kind(ents: ArticleEntities, key: str) -> str:
    """Whether a party key of a group is a person, an organization or a country."""
    return "person" if key in ents.persons else "org" if key in ents.orgs else "country"


def person_country(ents: ArticleEntities, key: str) -> str | None:
    rec = ents.persons.get(key)
    if not rec:
        return None
    return rec.country or next((o for _, o in rec.positions if o), None)


def add_alias_mentions(ents: ArticleEntities, text: str, scanner=None) -> None:
    """Mentions of known officials by part of their name, in every sentence."""
    if not ents.persons:
        return
    index: dict[str, list[str]] = {}
    for key, rec in ents.persons.items():
        for form in [rec.name, *rec.aliases]:
            toks = name_tokens(form)
            for i in range(len(toks)):
                for j in range(i + 1, len(toks) + 1):
                    part = " ".join(toks[i:j])
                    if part.lower() in STOP or len(part) < 2:
                        continue
                    index.setdefault(part, [])
                    if key not in index[part]:
                        index[part].append(key)
            # "Amir-Tehrani" later written "Tehrani": the last part of a hyphenated family name
            tail = hyphenated_surname(toks[-1]) if toks else None
            if tail:
                index.setdefault(tail, [])
                if key not in index[tail]:
                    index[tail].append(key)
            # "bin Nasser", "da Silva": a particle with the following name
            words = form.split()
            for i, w in enumerate(words[:-1]):
                if w.lower() in NAME_PARTICLES:
                    index.setdefault(" ".join(words[i:]), [key])
    # one pass over the article: the known name parts, longest first
    parts = sorted((p for p in index if p.strip()), key=len, reverse=True)
    if not parts:
        return
    auto = ahocorasick.Automaton()
    for p in parts:
        auto.add_word(p, p)
    auto.make_automaton()
    found = []
    for last, part in auto.iter(text):
        start, end = last - len(part) + 1, last + 1
        if (start and (text[start - 1].isalnum() or text[start - 1] in "'’-")) or \
                (end < len(text) and (text[end].isalnum() or text[end] in "'’-")):
            continue
        found.append((start, -end, part))
    found.sort()
    matches, reach = [], -1
    for start, neg_end, part in found:  # leftmost, then longest, no overlaps
        if start >= reach:
            matches.append((start, -neg_end, part))
            reach = -neg_end
    sentences = [se for se in ents.sentences if not se.sentence.furniture and se.sentence.text]
    # where each person was last mentioned, kept up to date as the scan moves on
    seen = sorted((pm.start, pm.key) for se in sentences for pm in se.mentions if pm.kind == "person")
    last: dict[str, int] = {}
    j = 0
    k = 0
    for start, end, part in matches:
        while k < len(sentences) and sentences[k].sentence.end <= start:
            k += 1
        if k == len(sentences):
            break
        se = sentences[k]
        if start < se.sentence.start:
            continue
        if any(x < end and start < y for x, y in ((pm.start, pm.end) for pm in se.mentions)) or \
                any(h.start < end and start < h.end and h.kind != "city" for h in se.hits):
            continue
        if not se.headline and _inside_other_name(text, start, end, index, se, ents, index[part]):
            continue  # "Kim" in "Kim Soo Ah" is not Kim Min Jun
        while j < len(seen) and seen[j][0] < start:
            last[seen[j][1]] = seen[j][0]
            j += 1
        keys = index[part]
        key = keys[0] if len(keys) == 1 else max(keys, key=lambda k_: last.get(k_, -1))
        rec = ents.persons[key]
        if part != rec.name:
            rec.aliases.add(part)
        se.mentions.append(PMention(start, end, "person", key, text=part))
        se.mentions.sort(key=lambda pm: pm.start)
        last[key] = start
        if scanner is not None:
            scanner.mark_origin(se, rec, end)


_NEXT_WORD = re.compile(r"[ \t\xa0]+([A-Z][\w'’-]*)")
_PREV_WORD = re.compile(r"([A-Z][\w'’-]*)[ \t\xa0]+$")
_HONORIFIC_WORDS = {"mr", "mrs", "ms", "dr", "prof", "prince", "princess", "sheikh", "sheikha", "sir", "dame", "lord", "lady",
                    "king", "queen", "emir", "sultan", "president", "premier", "chancellor", "minister", "secretary",
                    "general", "leader", "chairman", "chairwoman", "governor", "senator", "ambassador", "envoy"}


def _inside_other_name(text: str, start: int, end: int, index: dict[str, list[str]], se, ents, keys) -> bool:
    """A known name part with an unknown capitalised word glued to it belongs to another name
    (a misspelling of the person's own name does not count: "Siorjiddin" for "Sirojiddin")."""
    own = [t.lower() for k in keys for form in [ents.persons[k].name, *ents.persons[k].aliases] for t in name_tokens(form)]

    def foreign(word: str, pos: int) -> bool:
        low = word.lower().rstrip(".")
        return (low not in STOP and low not in _HONORIFIC_WORDS and word not in index
                and not any(len(low) >= 5 and one_edit_apart(low, t) for t in own)
                and not any(h.start <= pos < h.end for h in se.hits))
    nxt = _NEXT_WORD.match(text, end, min(len(text), end + 40))
    if nxt and foreign(nxt.group(1), nxt.start(1)):
        return True
    prev = _PREV_WORD.search(text, max(0, start - 40), start)
    return bool(prev and foreign(prev.group(1), prev.start(1)) and prev.start(1) > se.sentence.start)


def _most_recent(ents: ArticleEntities, keys: list[str], pos: int) -> str:
    best, best_pos = keys[0], -1
    for se in ents.sentences:
        for pm in se.mentions:
            if pm.kind == "person" and pm.key in keys and best_pos < pm.start < pos:
                best, best_pos = pm.key, pm.start
    return best


def add_descriptions(ents: ArticleEntities, text: str, gaz: Gazetteer) -> None:
    """ "the NATO leader", "the top Japanese diplomat": the person holding a post of that body."""
    for se in ents.sentences:
        s = se.sentence
        if s.furniture:
            continue
        found = [(m, m.start(1), s.text[m.end(1):m.end()].strip()) for m in _DESCRIPTION.finditer(s.text)]
        found += [(m, m.end(), m.group(1)) for m in _DESCRIPTION_OF.finditer(s.text)]
        if "'s " in s.text or "’s " in s.text:  # a possessive, cheaply: "China's top diplomat"
            found += [(m, m.start(1), m.group(2)) for m in _DESCRIPTION_POSS.finditer(s.text)]
        for m, body_at, head in found:
            a = s.start + body_at
            body = next((h for h in se.hits if h.start == a and h.kind in ("country", "demonym", "capital", "org")), None)
            if not body:
                continue
            end = max(s.start + m.end(), body.end)
            if any(pm.kind == "person" and pm.start < end + 3 and s.start + m.start() < pm.end + 3 for pm in se.mentions):
                continue  # "the emir of Kuwait, Sheikh X": the post of the name beside it
            label = body.key if body.kind != "org" else gaz.orgs.get(body.key, {}).get("name", body.key)
            holders = [k for k, r in ents.persons.items()
                       if (r.country == body.key if body.kind != "org" else False)
                       or any(o in (body.key, label) for _, o in r.positions)]
            holders = [k for k in holders if ents.persons[k].first < s.start + m.start()]
            post = gaz.title_of(head)
            titled = [k for k in holders if post and any(t == post for t, _ in ents.persons[k].positions)]
            holders = titled or holders  # "the Kuwaiti emir": the emir, not the crown prince
            if re.search(r"(?:leader|head)$", m.group(0), re.I):
                # "the Japanese leader": a head of state or government, also one whose country the
                # text leaves to the dateline
                leaders = [k for k, r in ents.persons.items() if r.first < s.start + m.start()
                           and (r.country == body.key or (r.country is None and body.key == ents.home_country))
                           and any(gaz.titles.get(t, {}).get("kind") in _LEADER_KINDS for t, _ in r.positions)]
                holders = leaders or holders
            if len(holders) >= 1:
                key = _most_recent(ents, holders, s.start + m.start()) if len(holders) > 1 else holders[0]
                start = s.start + m.start()
                for pm in se.mentions:
                    if pm.start == body.start:
                        pm.role = "modifier"
                se.mentions.append(PMention(start, end, "person", key, text=text[start:end]))
        se.mentions.sort(key=lambda pm: pm.start)


_LEADER_TITLES = {"President", "Prime Minister", "Chancellor", "King", "Queen", "Emir", "Sultan", "Crown Prince", "Leader",
                  "Supreme Leader", "Premier", "Head of State", "Head of Government"}
_LEADER_KINDS = ("head_of_state", "head_of_government", "monarch", "leader")
_VISITING = re.compile(r"\bvisiting\s+(?:[\w.'’-]+\s+){0,5}$")


def add_title_references(ents: ArticleEntities, text: str, gaz: Gazetteer) -> None:
    """ "the Prime Minister", "the Chairperson": the one person of the article holding that post."""
    for se in ents.sentences:
        s = se.sentence
        if s.furniture:
            continue
        for h in se.hits:
            if h.kind != "title":
                continue
            if not re.search(r"\b[Tt]he\s+(?:(?:new|visiting|newly\s+elected)\s+)?$", text[max(s.start, h.start - 25):h.start]) \
                    and not (h.text[:1].isupper() and re.search(r"(?:^|[,;]\s*|\b(?:and|Moreover|Also)\s+)$", text[max(s.start, h.start - 12):h.start])):
                continue  # "the Prime Minister", or a capitalised post with no article: "Moreover, Vice President and ..."
            if any(pm.start <= h.start < pm.end or (pm.kind == "person" and (0 <= pm.start - h.end <= 2 or 0 <= h.start - pm.end <= 3))
                   for pm in se.mentions):
                continue  # the post of a name next to it ("X, Minister of State ..."), not a reference
            if re.match(r"\s+of\b|['’]s\b|\s+[A-Z]", text[h.end:h.end + 4]):
                continue
            kind = gaz.titles.get(h.key, {}).get("kind")
            generic = kind in ("head_of_state", "head_of_government") and h.key in ("Head of State", "Head of Government", "Leader")
            holders = [k for k, r in ents.persons.items() if r.first < h.start and any(
                t == h.key or (generic and gaz.titles.get(t, {}).get("kind") == kind) for t, _ in r.positions)]
            if not holders:
                # "The Secretary" of a readout about the Secretary of State: the one post it shortens
                holders = [k for k, r in ents.persons.items() if r.first < h.start and any(
                    t.startswith((h.key + " ", h.key + "-")) for t, _ in r.positions)]
            if re.search(r"\bvisiting\s+$", text[max(s.start, h.start - 12):h.start]):
                # "the visiting minister": the official the story introduced as visiting
                holders = [k for k, r in ents.persons.items() if r.first < h.start and _VISITING.search(text, max(0, r.first - 70), r.first)
                           and any(t == h.key or gaz.titles.get(t, {}).get("kind") == kind for t, _ in r.positions)]
            if len(holders) == 1:
                se.mentions.append(PMention(h.start - 4, h.end, "person", holders[0], text=text[h.start - 4:h.end]))
        se.mentions.sort(key=lambda pm: pm.start)


def recent_parties(ents: ArticleEntities, upto: int, want: int | None = None, kind: str = "person") -> list[str]:
    """The parties of the latest sentence before ``upto`` that names ``want`` (or >= 2) of them."""
    for se in reversed(ents.sentences):
        if se.sentence.start >= upto or se.sentence.furniture:
            continue
        keys = []
        for pm in se.mentions:
            if pm.kind == kind and pm.role == "party" and pm.key not in keys and pm.start < upto:
                keys.append(pm.key)
        if (want and len(keys) >= want) or (not want and len(keys) >= 2):
            return keys[:want] if want else keys
    return []


_NUM = {"two": 2, "2": 2, "both": 2, "duo": 2, "pair": 2, "three": 3, "3": 3, "trio": 3, "four": 4, "five": 5}


def resolve_group(ents: ArticleEntities, phrase: str, pos: int, groups: list[list[str]] | None) -> list[tuple[str, str]]:
    """The parties a group description stands for, as (kind, key) pairs.

    ``groups`` are the sets of parties named together so far, latest last: "the three
    countries" takes the latest group of three, "the two sides" the latest pair."""
    low = phrase.lower()
    n = next((v for k, v in _NUM.items() if re.search(rf"\b{k}\b", low)), None)
    if re.search(r"\bhost\b.*\bguest\b", low):
        n = 2  # "host and guest": a pair
    groups = groups or []
    if re.search(r"countries|nations|governments|states", low):
        for group in reversed(groups):
            cs = []
            for k in group:
                c = person_country(ents, k) if k in ents.persons else k
                if c and c not in cs:
                    cs.append(c)
            if (n and len(cs) == n) or (not n and len(cs) >= 2):
                return [("country", c) for c in cs]
        found = [("country", c) for c in recent_parties(ents, pos, n or 2, kind="country")]
        if not found and groups and n and len(groups[-1]) == n and all(k in ents.persons for k in groups[-1]):
            # "the two countries" after two leaders whose countries the text has not all given: the leaders
            return [("person", k) for k in groups[-1]]
        return found
    leaders_meant = bool(re.search(r"leaders|presidents|heads", low))

    def leader(k: str) -> bool:
        return k in ents.persons and any(t in _LEADER_TITLES or "President" in t or "Prime Minister" in t
                                         for t, _ in ents.persons[k].positions)
    for group in reversed(groups):
        if (n is None or len(group) == n) and not (leaders_meant and not all(leader(k) for k in group)
                                                   and any(sum(leader(k) for k in g) >= 2 for g in groups)):
            return [(party_kind(ents, k), k) for k in group]
        if n is not None and leaders_meant:
            # "both leaders" after "A and his foreign minister B during a call with C": A and C;
            # "both heads of state" after a ministers' call: the heads of state named before it
            leaders = [k for k in group if leader(k)]
            if len(leaders) == n:
                return [("person", k) for k in leaders]
            continue
        if n is not None:
            break  # only the latest group may be meant by "the two ..."
    return [("person", k) for k in recent_parties(ents, pos, n)]
