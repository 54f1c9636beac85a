"""One article in, one :class:`~kg.model.Extraction` out: the extraction stages in order.

read -> sentences -> entities -> aliases and coreference -> events. Pure: the same article
and gazetteer always give the same extraction.
"""
from __future__ import annotations

import re

from .coref import add_alias_mentions, add_descriptions, add_title_references, person_country
from .entities import find_entities
from .events import find_events
from .gazetteer import Gazetteer, get_gazetteer
from .model import Article, Country, Extraction, Organization, Person, Position
from .sentences import split_sentences

__all__ = ["extract_article"]

# posts of international bodies, or accredited abroad: no country is guessed for them
_INTERNATIONAL = {"Ambassador", "Special Envoy", "Secretary-General", "Deputy Secretary-General", "High Representative", "Chairperson",
                  "President-in-Office", "Commissioner", "Director General", "Leader", "Former President"}


# the words right before a destination: "expected to travel to Jordan"
_TRAVEL_TOWARD = re.compile(r"\b(?:(?:travel(?:l?ed|s|l?ing)?|fl(?:y|ew|ies|ying)|head(?:ed|s|ing)?|go(?:es|ing)?|went|return(?:ed|s|ing)?)"
                            r"\s+(?:\w+\s+)?to|visit(?:s|ed|ing)?(?:\s+to)?|arriv(?:ed|es|ing)\s+in)\s+(?:the\s+)?$")


_MESSAGE_FROM = re.compile(r"\b(?:message|letter|greetings|invitation|congratulations|condolences|note|regards)\s+from\s+"
                           r"(?:the\s+)?(?:[\w-]+\s+){0,3}$")


def _sentence_at(ents, pos: int):
    """The sentence (with its entities) that holds offset ``pos``, or None."""
    return next((se for se in ents.sentences if se.sentence.start <= pos < se.sentence.end), None)


def _served_country(rec, gaz: Gazetteer) -> str | None:
    """The country an official serves, as known so far: stated, or the first post's."""
    return rec.country or next((o for _, o in rec.positions if o in gaz.countries), None)


_LEADERSHIP_OF = re.compile(r"\b(?:leadership|guidance|patronage|rule|government|administration)\s+of\s+(?:[\w.-]+\s+){1,5}$")


def _led_country(ents, text: str, pos: int) -> list[str]:
    """ "wished the UAE further progress under the leadership of President X": the country named
    just before in the sentence."""
    if not _LEADERSHIP_OF.search(text, max(0, pos - 90), pos):
        return []
    se = _sentence_at(ents, pos)
    if se is None:
        return []
    before = [pm.key for pm in se.mentions if pm.kind == "country" and pm.end <= pos]
    return before[-1:]


_GROUP_INCLUDING = re.compile(r"\s+(?:\w+\s+){0,2}?(?:officials|ministers|delegation|delegates|leaders|diplomats|representatives)\b[^.;]{0,30}?\bincluding\b")


def _included_country(ents, text: str, pos: int) -> list[str]:
    """ "high-ranking Australian officials, including Foreign Minister X": X acts for Australia."""
    se = _sentence_at(ents, pos)
    if se is None:
        return []
    for pm in reversed([pm for pm in se.mentions if pm.kind == "country" and pm.end <= pos]):
        m = _GROUP_INCLUDING.match(text, pm.end)
        if m and m.end() <= pos:
            return [pm.key]
    return []


_APPOINTED_BY = re.compile(r"\b(?:appointed|named|nominated|chosen|picked|designated)\s+by\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$")


_DELEGATION_LED_BY = re.compile(r"\b(?:delegation|team|mission)\s+(?:was\s+)?(?:led|headed)\s+by\s+[^.;]{0,80}$")


def _delegation_country(ents, text: str, pos: int) -> list[str]:
    """ "The US delegation led by Secretary of Housing X": X heads that country's delegation."""
    led = _DELEGATION_LED_BY.search(text, max(0, pos - 100), pos)
    if not led:
        return []
    se = _sentence_at(ents, pos)
    if se is None:
        return []
    return [pm.key for pm in se.mentions if pm.kind == "country" and pm.end <= led.start() and led.start() - pm.end <= 2][-1:]


def _appointer_country(ents, text: str, pos: int, acts_for: dict[str, str | None]) -> list[str]:
    """ "X, the foreign minister appointed by President-elect Y": Y leads X's country."""
    if not _APPOINTED_BY.search(text, max(0, pos - 60), pos):
        return []
    se = _sentence_at(ents, pos)
    if se is None:
        return []
    before = [pm.key for pm in sorted(se.mentions, key=lambda m: m.start)
              if pm.kind == "person" and pm.end <= pos and pm.key in ents.persons]
    country = (person_country(ents, before[-1]) or acts_for.get(before[-1])) if before else None
    return [country] if country else []


def _sender_country(ents, text: str, pos: int) -> list[str]:
    """ "X delivered a message from President Y": Y is of the country X acts for."""
    if not _MESSAGE_FROM.search(text, max(0, pos - 80), pos):
        return []
    se = _sentence_at(ents, pos)
    if se is None:
        return []
    bearers = [pm.key for pm in se.mentions if pm.kind == "person" and pm.end <= pos]
    country = ents.persons[bearers[0]].country if bearers and bearers[0] in ents.persons else None  # the subject
    return [country] if country else []


_COORDINATED = re.compile(r"\s*(?:\([A-Z]\)\s*)?(?:,\s*(?:and\s+)?|\s+and\s+)(?:his\s+|her\s+|the\s+)?(?:[\w-]+\s+){1,4}$")


_TWO_SIDES = re.compile(r"\b(?:between|with|met|meet|meets|received|hosted|welcomed|call(?:ed)?\s+on)\s+(?:the\s+)?(?:[\w.-]+\s+){0,4}$")


def _coordinated_country(ents, text: str, pos: int, pairs: set[frozenset[str]] = frozenset()) -> list[str]:
    """ "Mexican President A and Foreign Affairs Secretary B": B acts for A's country, unless A and B
    are the two sides of a meeting ("US Secretary of State A and Foreign Minister B discussed ...")."""
    se = _sentence_at(ents, pos)
    if se is None:
        return []
    before = [pm for pm in se.mentions if pm.kind == "person" and pm.end <= pos]
    at = pos
    if before and any(_TWO_SIDES.search(text, max(se.sentence.start, b.start - 60), b.start) for b in (before[0], before[-1])):
        return []  # "a meeting between President A and Prime Minister B": two sides, not one list
    # "Argentine Foreign Minister A, Ambassador B and Development Minister C": back along the list
    # (but "A and her counterpart B" is another country's)
    while before and _COORDINATED.fullmatch(text, before[-1].end, at) \
            and not re.search(r"\b(?:counterparts?|colleagues?|opposite\s+numbers?)\b", text[before[-1].end:at]):
        rec = ents.persons.get(before[-1].key)
        if rec and any(len(p) == 2 and rec.name in p and q.key in ents.persons and ents.persons[q.key].name in p
                       for p in pairs for q in se.mentions if q.kind == "person" and q.start <= pos < q.end):
            return []
        if rec and rec.country:
            return [rec.country]
        at = before[-1].start
        before = before[:-1]
    return []


_ACCOMPANIED = re.compile(r"\b(?:accompanied\s+by|(?:leading|led|heading|headed)\s+(?:a|an|the|his|her)\s+(?:[\w-]+\s+){0,2}delegation\b"
                          r"[^.;]*?\b(?:including|comprising|which\s+included|that\s+included))\b[^.;]*$")


_ACCREDITED_TO = re.compile(r"\b(?i:ambassador|envoy|high\s+commissioner)\s+(?:\w+\s+){0,2}?to\s+[^,.;]{0,40}$")
_EDITORIAL_BRACKETS = str.maketrans("[]", "  ")
_HEAD_OF_STATE = {"head_of_state", "monarch"}
_AS_VENUE = re.compile(r"\b(?:in|at|capital\s+of)\s+(?:the\s+)?$")


def _country_of_place(gaz: Gazetteer, place: str) -> str | None:
    """A meeting's place is a country or a city of one."""
    return place if place in gaz.countries else gaz.country_of_city(place)


def _entourage_country(ents, text: str, pos: int, acts_for: dict[str, str | None]) -> list[str]:
    """ "He is accompanied by ... Minister for Law X", "X was leading a delegation of MPs, including Y":
    they travel with, and act for, the country of the official the sentence (or, for "he", the
    sentence before) is about."""
    se = _sentence_at(ents, pos)
    if se is None or not _ACCOMPANIED.search(text, se.sentence.start, pos):
        return []
    i = se.sentence.index
    for earlier in [se, *reversed(ents.sentences[max(0, i - 2):i])]:
        lead = next((pm.key for pm in earlier.mentions if pm.kind == "person" and pm.start < pos and pm.key in ents.persons
                     and ents.persons[pm.key].first < pos and not _ACCOMPANIED.search(text, earlier.sentence.start, pm.start)), None)
        country = (ents.persons[lead].country or acts_for.get(lead)) if lead else None
        if country:
            return [country]
    return []


_VISIT_BY = re.compile(r"\b(?:visit|trip|tour|arrival)\s+(?:[\w-]+\s+){0,3}?by\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,4}$")
# the words right after an official's name: "X's visit to", "X arrived in", "X travelled to", "X left Samarkand"
_NAME_TRAVELS_TO = re.compile(r"(?:['’]s\s+(?:[\w-]+\s+){0,2}?(?:visit|trip|tour)\s+to|\s+(?:also\s+|later\s+|has\s+|had\s+|will\s+)?"
                              r"(?:arrived|arrives|arriving|arrive)\s+in|\s+(?:also\s+|later\s+|has\s+|had\s+|will\s+)?"
                              r"(?:travell?ed|travels|travel|flew|flies|fly|visited|visits|visit|left|leaves|departed|departs)(?:\s+to|\s+from)?)\s+(?:the\s+)?")
_TO_PLACE = re.compile(r"(?:,[^,.;]{0,60},)?\s+(?:to|in)\s+(?:the\s+)?")  # "by President X, who ..., to Pretoria"


_VISIT_TO_BY = re.compile(r"\b(?:visit|trip|tour)\s+to\s+(?:the\s+)?([A-Z][^,;.]{1,40}?)\s+by\s+(?:[\w-]+\s+){0,3}$")
_OWN_VISIT_TO = re.compile(r"\b(?:during|on|in\s+the\s+course\s+of)\s+(?:his|her)\s+(?:[\w-]+\s+){0,2}(?:visit|trip|tour)\s+to\s+(?:the\s+)?$")


def _visited(ents, text: str, pos: int) -> list[str]:
    """Countries the official named at ``pos`` goes to in that sentence: "a state visit by President
    X to Pretoria", "X's visit to Japan", "X arrived in Hanoi". A visitor is not of the country visited."""
    se = _sentence_at(ents, pos)
    if se is None:
        return []
    me = next((pm for pm in se.mentions if pm.kind == "person" and pm.start == pos), None)
    if me is None:
        return []
    after = _NAME_TRAVELS_TO.match(text, me.end, se.sentence.end)
    if after is None and _VISIT_BY.search(text, max(se.sentence.start, pos - 60), pos):
        after = _TO_PLACE.match(text, me.end, se.sentence.end)
    to_by = _VISIT_TO_BY.search(text, max(se.sentence.start, pos - 80), pos)
    if after is None and to_by:
        # "the forthcoming visit to Kazakhstan by Minister X"
        return [pm.key for pm in se.mentions if pm.kind == "country" and to_by.start(1) <= pm.start < to_by.end(1)]
    if after is None:
        # "X has met with Y during his visit to Ethiopia": the visit of the sentence's first official
        first = next((pm for pm in se.mentions if pm.kind == "person"), None)
        return [pm.key for pm in se.mentions if first is me and pm.kind == "country" and pm.start > me.end
                and _OWN_VISIT_TO.search(text, max(se.sentence.start, pm.start - 40), pm.start)]
    return [pm.key for pm in se.mentions if pm.kind == "country" and pm.start == after.end()]


def _visits_of_known(ents, gaz: Gazetteer, text: str) -> list[str]:
    """Countries that officials of another, known country travel to in the story, in order."""
    out: list[str] = []
    for se in ents.sentences:
        for pm in se.mentions:
            rec = ents.persons.get(pm.key) if pm.kind == "person" else None
            own = _served_country(rec, gaz) if rec else None
            after = _NAME_TRAVELS_TO.match(text, pm.end, se.sentence.end) if own else None
            dest = next((c.key for c in se.mentions if after and c.kind == "country" and c.start == after.end()), None)
            if dest and dest != own and dest not in out:
                out.append(dest)
    return out


def _destinations(ents, text: str, pos: int) -> list[str]:
    """Countries the sentence at ``pos`` travels to before ``pos``: "expected to travel to Jordan to meet"."""
    se = _sentence_at(ents, pos)
    if se is None:
        return []
    return [pm.key for pm in se.mentions if pm.kind == "country" and pm.end <= pos
            and _TRAVEL_TOWARD.search(text, max(se.sentence.start, pm.start - 20), pm.start)]


def extract_article(article: Article, gaz: Gazetteer | None = None) -> Extraction:
    gaz = gaz or get_gazetteer()
    original = article.text
    # square brackets are an editor's insertions into a quote ("he [the minister] met ..."): read
    # through them, keeping every offset, and quote the evidence as printed
    text = original.translate(_EDITORIAL_BRACKETS) if "[" in original else original
    sentences = split_sentences(text)
    ents = find_entities(text, sentences, gaz)
    add_alias_mentions(ents, text, ents.scanner)
    add_descriptions(ents, text, gaz)
    add_title_references(ents, text, gaz)
    meetings, commitments = find_events(ents, text, gaz, article.published)
    if text is not original:
        for fact in (*meetings, *commitments):
            fact.evidence.text = original[fact.evidence.start:fact.evidence.end]

    mentioned = {pm.key for se in ents.sentences if not se.sentence.furniture
                 for pm in se.mentions if pm.kind == "person"}
    # the country an official acts for when the text leaves it out: the dateline's country,
    # else the article's first-mentioned country that no official with the same post represents
    met_with: dict[str, set[str]] = {}
    country_by_name = {r.name: _served_country(r, gaz) for r in ents.persons.values()}
    for m in meetings:
        for p in m.participants:
            others = [q for q in m.participants if q != p]
            # in a larger meeting both sides may have several officials: only when the others
            # known to act for a country all act for one is this official not of it
            if len(others) == 1 or len({country_by_name.get(q) for q in others} - {None}) == 1:
                met_with.setdefault(p, set()).update(others)

    # the pairs of officials who met each other, two sides of one encounter
    person_names = {r.name for r in ents.persons.values()}
    met_pairs = {frozenset(p for p in m.participants if p in person_names) for m in meetings}
    # how often each country is named as more than the venue of a meeting: "talks in Vientiane, the
    # capital of Laos" does not make Laos a side of the story
    venues = {_country_of_place(gaz, m.place) for m in meetings if m.place}
    acting_mentions: dict[str, int] = {}
    for se in ents.sentences:
        for pm in se.mentions:
            if pm.kind == "country" and not (pm.key in venues and _AS_VENUE.search(text, max(0, pm.start - 20), pm.start)):
                acting_mentions[pm.key] = acting_mentions.get(pm.key, 0) + 1

    # where the story's visitors went: "Iran's foreign minister arrived in Ankara ... the meeting between
    # him and President X": an official the text leaves without a country is likelier the host
    visited_by_others: list[str] | None = None  # computed on first need
    # the dateline's country, unless the story only files from where the officials met ("JEDDAH: ...
    # met on the sidelines of the OIC session in Jeddah")
    home = ents.home_country
    if home in venues and acting_mentions.get(home, 0) <= 1:
        home = None

    said_by_text: set[str] = set()  # officials whose country the text gives, if not beside the name

    def told_country(first: int) -> str | None:
        # what the sentence says outright: whose description, appointee, message, leadership, list, entourage
        told = [*_delegation_country(ents, text, first), *_appointer_country(ents, text, first, acts_for),
                *_sender_country(ents, text, first), *_led_country(ents, text, first), *_included_country(ents, text, first),
                *_coordinated_country(ents, text, first, met_pairs),
                *_entourage_country(ents, text, first, acts_for)]
        return told[0] if told else None

    def fallback(title: str, name: str, first: int) -> str | None:
        # not a country another official with the same post represents, nor the country of
        # someone this official met (visiting leaders meet their hosts); first the country the
        # sentence that introduces the official travels to ("travel to Jordan to meet King X")
        # a head of state's country is taken by any other head of state the text gives it to
        # ("King of Morocco X" leaves "President Y" to another country), not one guessed for them
        heads = _HEAD_OF_STATE if gaz.titles.get(title, {}).get("kind") in _HEAD_OF_STATE else {}
        # (an ambassador who greets a visiting leader is as often the leader's own envoy)
        taken = {r.country or acts_for.get(k) for k, r in ents.persons.items() if (r.country or acts_for.get(k)) and (
            (any(t == title for t, _ in r.positions) and not gaz.titles.get(title, {}).get("shared")) or (r.name in met_with.get(name, ()) and not (
                r.positions and all(gaz.titles.get(t, {}).get("kind") == "diplomat" for t, _ in r.positions))))}
        taken |= {r.country for r in ents.persons.values() if r.country and r.name != name
                  and any(gaz.titles.get(t, {}).get("kind") in heads for t, _ in r.positions)}
        # an envoy serves abroad: the country an ambassador represents is not the one of the officials
        # who receive them ("Ambassador of France X presented credentials to President Y")
        if gaz.titles.get(title, {}).get("kind") != "diplomat":
            # (but "Australian Ambassador to Indonesia X" may travel with his own country's delegation)
            taken |= {_served_country(r, gaz) for r in ents.persons.values() if r.name != name and r.positions
                      and all(gaz.titles.get(t, {}).get("kind") == "diplomat" for t, _ in r.positions)
                      and not _ACCREDITED_TO.search(text, max(0, r.first - 80), r.first)} - {None}
        # a guest received somewhere is not of the country that receives them
        taken |= {_country_of_place(gaz, m.place) for m in meetings if m.guest == name and m.place}
        taken |= set(_visited(ents, text, first))
        told = told_country(first)
        if told:
            said_by_text.add(name)
            return told
        nonlocal visited_by_others
        if visited_by_others is None:
            visited_by_others = _visits_of_known(ents, gaz, text)
        for c in [*_destinations(ents, text, first), *visited_by_others,
                  home, *sorted(ents.countries, key=lambda k: -acting_mentions.get(k, 0))]:  # most mentioned first
            if c and c not in taken:
                return c
        return None
    named_org_keys = {pm.key for se in ents.sentences if not se.sentence.furniture for pm in se.mentions if pm.kind == "org"}
    un_named = next((o["name"] for k, o in ents.orgs.items() if k in named_org_keys and o["name"] == "United Nations"), None) \
        if any(ents.orgs[k]["name"].startswith("United Nations") for k in named_org_keys if k in ents.orgs) else None
    persons = []
    acts_for: dict[str, str | None] = {}  # person key -> the country of their first post, as settled so far
    for key, rec in ents.persons.items():
        # what the text says of officials named later is known before guessing for those named first
        if key in mentioned and not rec.country and not any(o for _, o in rec.positions) and not rec.former:
            acts_for[key] = told_country(rec.first)
    for key, rec in ents.persons.items():
        if key not in mentioned:
            continue
        positions = []
        titles = rec.positions
        # generic posts ("Minister", "Leader") and descriptions ("top diplomat") give way to a real title
        def weak(t, o):
            return gaz.titles.get(t, {}).get("rank", 2) >= 4 or t == "Leader" or (t, o) in rec.described
        if any(not weak(t, o) for t, o in titles):
            titles = [(t, o) for t, o in titles if not weak(t, o)]
        # one official serves one country: "Crown Prince and Prime Minister X", the first post named for it
        own = next((o for t, o in titles if o in gaz.countries), None)
        for title, of in titles:
            if of is None and gaz.titles.get(title, {}).get("default_of"):
                of = gaz.titles[title]["default_of"]
            if of is None and not rec.own_country_unnamed and title not in _INTERNATIONAL and not rec.org:
                of = own = rec.country or own or fallback(title, rec.name, rec.first)
            if of is None and title in ("Secretary-General", "Deputy Secretary-General") and not rec.org and un_named:
                of = un_named  # "Secretary-General X" in a story about the UN and no other body with one
            if of and of in gaz.countries and of not in ents.countries:
                ents.countries[of] = 0
            p = Position(title, of)
            if p not in positions:
                positions.append(p)
        if not rec.former:
            # known from here on, for the officials introduced after this one ("accompanied by ...")
            acts_for[key] = rec.country or next((p.of for p in positions if p.of in gaz.countries), None)
        persons.append(Person(name=rec.name, aliases=sorted(a for a in rec.aliases if a != rec.name),
                              positions=positions, country=rec.country, former=rec.former, found_by=list(rec.rules)))
    countries = []
    for name in ents.countries:
        c = gaz.countries.get(name, {})
        countries.append(Country(name=name, iso2=c.get("iso2"), iso3=c.get("iso3"), wikidata=c.get("wikidata")))
    named_orgs = {pm.key for se in ents.sentences if not se.sentence.furniture
                  for pm in se.mentions if pm.kind == "org"}
    orgs = [Organization(name=o["name"], aliases=sorted(o["aliases"]), id=o.get("id"), wikidata=o.get("wikidata"))
            for key, o in ents.orgs.items() if key in named_orgs]
    # an undertaking toward one's own country was someone else's ("The envoys presented their
    # credentials to the President and pledged to work with South Africa": not the President's)
    serves = {p.name: p.country or next((q.of for q in p.positions if q.of in gaz.countries), None) for p in persons}
    commitments = [c for c in commitments if not (c.counterpart and c.actors and all(serves.get(a) == c.counterpart for a in c.actors))]
    # a country is a side only when no official of it is named for that side ("The US delegation led by
    # Secretary X paid a call on ...": X, now known to serve the United States)
    known = {r.name for r in ents.persons.values() if r.country or any(o for _, o in r.positions)} | said_by_text
    for m in meetings:
        sides = {serves.get(p) for p in m.participants if serves.get(p) and p in known}
        kept = [p for p in m.participants if not (p in gaz.countries and p in sides)]
        if len(kept) >= 2:
            m.participants = kept
    return Extraction(article=article, persons=persons, countries=countries, organizations=orgs,
                      meetings=meetings, commitments=commitments)
