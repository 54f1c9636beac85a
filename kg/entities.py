"""Entities: countries, organizations, posts and the officials who hold them.

Gazetteer hits (:mod:`kg.gazetteer`) give countries (by name, demonym or capital),
organizations (by name or acronym), titles and cities. Officials are found from the shape of
news prose rather than from a list of names:

* a title before the name: "Japanese Foreign Minister Haruto Sakamoto", "NATO
  Secretary-General Henrik Aalborg", "Minister of Foreign Affairs of Kazakhstan Daniyar X";
* a title after it: "Radu Ionescu, foreign minister of Romania", "Dawit Bekele, the Ethiopian
  Prime Minister";
* a counterpart: "his Japanese counterpart Kenji Morita" (the title of the other party);
* an honorific: "Mr. ...", "Prince ...", "Sheikh ...";
* a full name that speaks or acts: "Daniyar Seitkali said".

The result is one :class:`ArticleEntities` per article: sentence-level mention lists that the
coreference and event stages read.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .gazetteer import Gazetteer, Hit, lower_same_length
from .model import Sentence
from .sentences import is_credit_line

__all__ = ["PersonRecord", "PMention", "SentenceEntities", "ArticleEntities", "find_entities",
           "NAME_PARTICLES", "name_tokens", "hyphenated_surname", "one_edit_apart", "DATELINE", "GEO_AFTER"]

NAME_PARTICLES = {"bin", "bint", "ibn", "al", "el", "de", "da", "do", "dos", "das", "di", "del", "della", "van",
                  "von", "der", "den", "du", "la", "le", "y", "ben", "abu", "ould", "binti", "ter", "zu"}
# capitalised words that never begin a name
STOP = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "their", "its", "our", "my",
    "in", "on", "at", "for", "from", "to", "with", "by", "of", "and", "but", "or", "after", "before", "during",
    "ahead", "following", "while", "when", "as", "also", "this", "that", "these", "those", "both", "all", "some",
    "meanwhile", "however", "moreover", "according", "under", "since", "until", "earlier", "later", "yesterday",
    "today", "tomorrow", "last", "next", "then", "there", "here", "what", "who", "which", "where", "why", "how",
    "if", "so", "not", "no", "yes", "update", "details", "background", "source", "photo", "read", "more",
    "breaking", "exclusive", "analysis", "opinion", "editorial", "new", "former", "top", "senior", "deputy",
    "acting", "chief", "head", "leader", "leaders", "minister", "ministers", "president", "presidents",
    "secretary", "premier", "chancellor", "ambassador", "envoy", "spokesperson", "spokesman", "spokeswoman",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "thank", "thanks", "good", "we're", "i'm", "it's", "let", "please", "question", "answer", "q", "a.",
    "excellency", "his excellency", "state", "government", "ministry", "foreign", "prime", "vice", "crown",
    "king", "queen", "emir", "sultan", "pope", "commissioner", "governor", "mayor", "general", "director",
    "both", "each", "every", "another", "other", "such", "many", "several", "any", "one", "two", "three",
    "first", "second", "third", "one-on-one", "bilateral", "trilateral", "joint", "upon", "amid", "despite",
    "although", "though", "because", "whether", "once", "even", "only", "just", "now", "again", "still",
    # sentence adverbs: "Recently, the Indian foreign minister visited ..."
    "recently", "separately", "additionally", "besides", "furthermore", "similarly", "likewise", "subsequently",
    "previously", "currently", "notably", "specifically", "importantly", "finally", "lastly", "secondly", "thirdly",
    "indeed", "instead", "nevertheless", "nonetheless", "otherwise", "therefore", "thus", "hence", "accordingly",
    "consequently", "overnight", "elsewhere", "initially", "eventually", "ultimately", "reportedly", "officially",
    "afterwards", "afterward", "thereafter", "shortly", "recent", "lately",
}
# words that mark a capitalised sequence as a place, body, outlet or thing, not a person
NOT_PERSON = {
    "palace", "hotel", "house", "room", "hall", "council", "commission", "committee", "agency", "news", "times",
    "herald", "daily", "post", "press", "pravda", "declaration", "strip", "peninsula", "basin", "river", "lake",
    "sea", "ocean", "bank", "fund", "force", "forces", "area", "facility", "party", "union", "organization",
    "organisation", "ministry", "department", "office", "forum", "summit", "conference", "dialogue", "assembly",
    "parliament", "senate", "congress", "court", "university", "institute", "center", "centre", "program",
    "programme", "plan", "initiative", "project", "route", "days", "sabha", "oblast", "province", "region",
    "republic", "kingdom", "government", "headquarters", "airport", "square", "street", "avenue", "road",
    "tower", "building", "embassy", "consulate", "group", "corps", "army", "navy", "guard", "police",
    "service", "network", "channel", "television", "tv", "radio", "magazine", "journal", "gazette", "tribune",
    "telegraph", "monitor", "review", "report", "library", "museum", "church", "mosque", "temple", "stadium",
    "olympics", "games", "cup", "award", "prize", "week", "day", "year", "era", "war", "crisis", "act", "law",
    "treaty", "accord", "agreement", "charter", "protocol", "framework", "strategy", "vision", "agenda",
    "affairs", "relations", "security", "intelligence", "innovation", "science", "digital", "housing", "mines", "mining", "petroleum",
    "forestry", "welfare", "women", "gender", "empowerment", "policy", "political", "economic", "development", "cooperation", "integration", "planning", "finance", "communications", "information", "defence", "defense", "economy", "trade", "energy", "health",
    "change", "environment", "education", "justice", "interior", "industry", "tourism", "agriculture", "transport", "labour",
    "labor", "culture", "sports", "youth", "infrastructure", "investment", "commerce", "fisheries", "water", "climate",
    "sections", "us", "system", "company", "corporation", "association", "federation", "alliance", "coalition",
    "movement", "front", "council's", "cabinet", "administration", "authority", "zone", "gulf", "islands",
    "island", "mountains", "valley", "desert", "coast", "bay", "canal", "bridge", "port", "station", "world",
    "international", "global", "national", "federal", "royal", "imperial", "central", "western", "eastern",
    "northern", "southern", "asia", "africa", "europe", "america", "americas", "middle", "east", "west",
    "north", "south", "arctic", "antarctic", "pacific", "atlantic", "indian", "nations", "states", "oil",
    "gas", "nuclear", "power", "plant", "media", "twitter", "facebook", "x", "instagram", "telegram", "app",
    "online", "live", "video", "photos", "ranking", "article", "articles", "stories", "politics", "business",
    "sport", "sports", "weather", "opinion", "world", "home", "menu", "search", "subscribe", "login",
    "advertisement", "related", "popular", "latest", "top", "more", "share", "print", "email", "e-mail",
    "tools", "save", "font", "size", "adjust", "support", "eng", "close", "date", "hours", "minutes", "ago",
    "ltd", "inc", "plc", "group's", "fc", "club", "team", "league", "championship", "festival", "expo",
    "exhibition", "show", "awards", "session", "meeting", "talks", "visit", "tour", "mission", "delegation",
    "taliban", "hamas", "hezbollah", "isis", "haram", "al-qaeda", "jst", "gmt", "utc", "est", "ist",
    "efforts", "issues", "rights", "relief", "aid", "assistance", "operations", "resources", "studies", "sciences",
    "technology", "education", "services", "solutions", "partners", "holdings", "works", "industries", "systems",
    "markets", "exchange", "humanitarian", "emergency", "response", "reform", "peace", "justice", "defense",
}
SPEECH = r"(?:said|says|told|noted|added|stated|wrote|tweeted|posted|stressed|emphasi[sz]ed|underlined|explained|announced|declared|remarked|recalled|insisted|argued|warned|urged|replied|responded)"


def one_edit_apart(a: str, b: str) -> bool:
    """One edit or one transposition apart."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


_PATRONYM_MARKERS = ("bin", "ibn", "bint", "binti", "ben", "ould")


def _other_family_member(short: str, long: str, shorter: list[str], longer: list[str]) -> bool:
    """Arabic names share the father's and the family's names: "King Rashid" is not "Faris bin
    Rashid", and "Jaber Al Hamad" is not "Nawaf Al Jaber Al Hamad"; only the given name tells."""
    words = [w.lower().strip(".,") for w in long.split()]
    fathers = {words[i + 1] for i in range(len(words) - 1) if words[i] in _PATRONYM_MARKERS}
    if len(shorter) == 1 and shorter[0] in fathers and shorter[0] != longer[0] \
            and not short.lower().startswith(tuple(m + " " for m in _PATRONYM_MARKERS)):
        return True  # a father's name alone is the father ("bin Rashid" is still the son)
    family = any(w in ("al", "el", "bin", "ibn", "bint", "abu", "ould") or w.startswith(("al-", "el-")) for w in words)
    return family and len(shorter) >= 2 and shorter[0] != longer[0]


def hyphenated_surname(token: str) -> str | None:
    """The last part of a hyphenated family name, which news may write alone ("Amir-Tehrani" later
    "Tehrani"); not after a family particle ("Al-Sabah" is a whole house)."""
    head, _, tail = token.rpartition("-")
    if head and len(tail) >= 4 and tail[0].isupper() and tail.lower() not in STOP and head.lower() not in NAME_PARTICLES:
        return tail
    return None


def name_tokens(name: str) -> list[str]:
    """The tokens of a name that can stand for it alone (no particles, no initials)."""
    return [t for t in _SPACES.split(name)
            if t and t.lower().strip(".") not in NAME_PARTICLES and len(t.strip(".")) > 1]


@dataclass
class PersonRecord:
    """One official in one article."""
    name: str
    aliases: set[str] = field(default_factory=set)
    positions: list[tuple[str, str | None]] = field(default_factory=list)  # (title, of)
    country: str | None = None  # the country the person acts for
    org: str | None = None
    former: bool = False
    first: int = 10**9  # offset of first mention
    own_country_unnamed: bool = False  # "President of the Republic": no country to guess
    described: set = field(default_factory=set)  # posts read from a description ("top diplomat")
    rules: list = field(default_factory=list)  # how the person was found: "title-before", "counterpart", ...


@dataclass
class PMention:
    """A mention of a party in a sentence: a person (key = name), a country or an organization."""
    start: int
    end: int
    kind: str  # "person" | "country" | "org"
    key: str
    role: str = "party"  # "party" | "modifier" (part of a title phrase) | "place"
    text: str = ""


@dataclass
class SentenceEntities:
    sentence: Sentence
    hits: list[Hit] = field(default_factory=list)
    mentions: list[PMention] = field(default_factory=list)  # sorted by start
    titles: list[tuple[int, int, str, str | None, bool]] = field(default_factory=list)  # start, end, title, of, plural
    headline: bool = False  # a title-case headline, where every word is capitalised


@dataclass
class ArticleEntities:
    persons: dict[str, PersonRecord] = field(default_factory=dict)
    sentences: list[SentenceEntities] = field(default_factory=list)
    countries: dict[str, int] = field(default_factory=dict)  # canonical name -> mentions
    orgs: dict[str, dict] = field(default_factory=dict)  # org key -> {"name", "aliases", "id", "wikidata"}
    home_country: str | None = None
    scanner: object = None  # the scanner that found them, for later stages that add mentions


_MODIFIERS = {"new", "former", "then", "acting", "outgoing", "incoming", "newly", "elected", "newly-elected",
              "visiting", "top", "senior", "chief", "incumbent", "interim", "current", "late", "the", "a",
              "an", "his", "her", "their", "its", "respective", "first", "female"}
# a full name acting as the subject of an encounter: "On Friday Vladimir Orlov had a telephone conversation with ..."
_ACTING_NAME = re.compile(r"(?:^|(?<=[\s\"“(]))((?:[A-Z][a-z][\w'’-]*\s+){1,2}[A-Z][a-z][\w'’-]+)(?=\s+"
                          # "A and B will meet": the first of two full names acting together
                          r"(?:and\s+(?:[A-Z][a-z][\w'’-]*\s+){1,2}[A-Z][a-z][\w'’-]+\s+)?"
                          r"(?:also\s+|later\s+|then\s+|on\s+\w+day\s+|will\s+|would\s+|(?:are|is)\s+(?:due\s+|expected\s+|scheduled\s+)?to\s+)?"
                          r"(?:met|meets|held\s+talks|had\s+(?:a\s+)?(?:telephone|phone|video)\s+(?:conversation|call|talks)|spoke|talked|phoned|"
                          r"called|received|hosted|visited|signed|agreed|pledged|vowed|meet|hold\s+talks|speak|talk|visit|receive|host|sign|agree)\b)")
_CONTEXT_NAME = re.compile(r"\b(?:by|with|from|to|between|and|of|met|told|called|said)\s+((?:[A-Z][a-z][\w'’-]*\s+){1,2}[A-Z][a-z][\w'’-]+)\b"
                           r"(?=\s*(?:and\b|,|'s|’s|\.|\s+(?:said|says|told|met|has|had|was|is|will|who)\b))")
# "spoke with Dalia Renwick on Monday": after a meeting verb, a full name before a time or place
_MET_NAME = re.compile(r"\b(?:with|met|called|phoned)\s+((?:[A-Z][a-z][\w'’-]*\s+){1,2}[A-Z][a-z][\w'’-]+)(?=\s+(?:on|in|at|via|over|during)\b)")
# "of the", and a state's formal style before its name: "of the People's Democratic Republic of", "of the Kingdom of"
_OWNER_OF = re.compile(r"\s+(?:of|for|to|in)\s+(?:the\s+)?"
                       # "Chairman of the Presidential Council of the State of Libya": a body of the country
                       r"(?:(?:[A-Z][\w'’-]*\s+){1,3}?(?:Council|Assembly|Cabinet|Government|Parliament|Senate)\s+of\s+(?:the\s+)?)?(?P<style>(?:[A-Z][\w'’-]*\s+){0,4}?(?:Republic|Kingdom|State|Federation|Emirate|"
                       r"Commonwealth|Principality|Sultanate|Confederation|Grand\s+Duchy)\s+of\s+(?:the\s+)?)?")
_HYPHEN_NAME = re.compile(r"-[A-Z][a-z]")
# Malaysian and Bruneian styles before a name: "Datuk Seri Anwar X", "Dato' Sri Y", "Tan Sri Z"
_MALAY_STYLE = r"(?:Datuk|Dato['’]?|Datin)(?:\s+(?:Seri|Sri|Paduka))?|Tan\s+Sri"
_BARE_HE = r"HE(?=\s+[A-Z][a-z])"  # "HE Nasser X": His Excellency without stops, not the pronoun
_SPACES = re.compile(r"\s+|(?<=\b[A-Z]\.)(?=[A-Z][a-z])")  # "D.Tsogtbaatar": an initial glued to the name
_DOLLARS = re.compile(r"\s+dollars?\b")  # "Hong Kong dollars": a currency, not the place
_WORD_PREFIX = re.compile(r"\b(?:one|pro|anti|non|post|pre|ex)-$", re.I)
_POSSESSIVE_END = re.compile(r"['’]s?$")
_HEAD_NOUN = re.compile(r" (?:of|for|on|in charge of) ")
_DESCRIBED_BY = re.compile(r"(?:\s+(?!and\b|or\b|of\b|the\b|to\b|with\b|by\b|in\b|on\b|for\b|from\b|at\b)[a-z][\w-]*){1,3}\s+"
                           r"(?:(?:Mr|Mrs|Ms|Dr|Sheikh|Prince|Datuk|Dato['’]?|Datin|Seri|Sri|Tan\s+Sri)\.?\s+)*")
_QUALIFIER_COMMA = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?[A-Z][^,;.]{2,80}?,[ \t\xa0]*")
# an agency's credit at the head of a story, "(UrduPoint / Pakistan Point News / WAM - date)": no country named
_CREDIT = re.compile(r"\((?=[^()]*(?:/|\b(?:News|Agency|Press|Wire)\b))[^()]{0,120}\)")
_BETWEEN_NAMES = re.compile(r"\bbetween\s+((?:[A-Z][a-z][\w'’-]*\s+){1,2}[A-Z][a-z][\w'’-]+)\s+and\s+((?:[A-Z][a-z][\w'’-]*\s+){1,2}[A-Z][a-z][\w'’-]+)\b")
_OTHER_OWNER = re.compile(r"\b(?:club|team|side|squad|company|firm|corporation|group|bank|university|school|league|federation|"
                          r"association|church|newspaper|channel|network|party|movement|campaign|foundation|charity|hospital)['’]s?\s+$")
_WEEKDAYS_AND_MONTHS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
                        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
_NAME_HONORIFICS = {"mr", "mrs", "ms", "dr", "prince", "princess", "sheikh", "sheikha", "sheik", "sir", "dame", "lord", "lady",
                    "archbishop", "bishop", "cardinal", "rev", "reverend", "father", "imam", "rabbi",
                    "datuk", "dato", "dato'", "dato’", "datin", "tun"}
_HONORIFIC = re.compile(r"\b(?:Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Prince|Princess|Sheikh|Sheikha|King|Queen|Emir|Sultan|"
                        r"H\.\s?E\.|" + _BARE_HE + r"|Hon\.|(?:His|Her)\s+Excellency|" + _MALAY_STYLE + r")\s+(?=[A-Z])")
_ACRONYM_THEN_HEAD = re.compile(r"\s*\([A-Z]{2,8}\)\s+([A-Z][a-z]+)\b")
_REGION_OF = re.compile(r"\b(?:state|province|region|district|county|prefecture|territory|city|town|village|island|islands)\s+of\s+$")
_COMPANY = {"co", "ltd", "inc", "corp", "corporation", "company", "limited", "plc", "llc", "gmbh", "holdings"}
_PARTICLE_GLUED = re.compile(r"(?:al|el|ad|as|at|ud|ul|bin|ibn|abu|de|da|di|du)-[A-Z]")  # "Mohamed al-Menfi"
_PORTFOLIO_TAIL = re.compile(r"(?:,\s*[A-Z][a-z]+){0,4},?\s+and\s+[A-Z][a-z]+(?=\s+[A-Z])")
_RELATION_WORDS = {"comprehensive", "strategic", "global", "special", "enhanced", "privileged", "all-round", "cooperative",
                   "extensive", "new", "broad", "close", "full", "deep", "lasting"}
_STYLE_TOKENS = {"Dr", "Mr", "Mrs", "Ms", "Prof", "HE", "Hon"}
_DEPUTY_BEFORE = re.compile(r"\b(Deputy|Vice|deputy|vice)[ -]$")
_SG_NEAR = re.compile(r"(?:['’]s)?\s+Secretary[- ]General\b", re.I)
_THE_SECRETARY_GENERAL = re.compile(r"(?:[Tt]he\s+)?Secretary[- ]General\b")
_NOT_OFFICIAL = re.compile(r",\s+(?:an?|the)\s+(?:[\w'’-]+\s+){0,3}?(?:analyst|expert|professor|researcher|fellow|scholar|"
                           r"economist|lawyer|attorney|journalist|reporter|correspondent|editor|historian|strategist|"
                           r"consultant|academic|lecturer|commentator|columnist|author|activist|coach|player|executive|"
                           r"investor|banker|trader)s?\b")
_MEDIA_BEFORE = re.compile(r"\b(?:agency|newspaper|daily|broadcaster|television|radio|channel|outlet|website|magazine|"
                           r"tabloid|wire|network)\s+$", re.I)
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")  # soft hyphen, zero-width and bidi marks
_COORDINATED_NAME = re.compile(r"(?:^|(?<=[\s\"“(]))((?:[A-Z][a-z][\w'’-]*\s+){1,2}[A-Z][a-z][\w'’-]+)\s+and\s+(?:the\s+)?$")
_SPEAKER_LABEL = re.compile(r"\s*((?:[A-Z][A-Z.'’-]*\s+){1,3})([A-Z][A-Z'’-]{2,})\s*:\s")
_LABEL_HONORIFICS = {"mr", "mrs", "ms", "dr", "secretary", "minister", "senator", "general", "admiral", "chairman", "chair",
                     "ambassador", "president", "premier", "chancellor", "prince", "sheikh"}
_HELD_AS = re.compile(r"(?:\b(?:his|her)\s+(?:\w+\s+)?(?:title|position|post|role|job|capacity)|\b(?:sworn\s+in|took\s+office))\s+as\s+(?:the\s+)?(?:new\s+)?"
                      r"((?:country|kingdom|nation|state)['’]s\s+)?$")
_PORTFOLIO_AND = re.compile(r"\s+and\s+(?:the\s+)?[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*)?(?=\s*,)")
_HEADLINE_VERBS = {"Holds", "Held", "Meets", "Met", "Receives", "Received", "Hosts", "Hosted", "Calls", "Phones", "Speaks", "Visits",
                   "Pledges", "Vows", "Signs", "Agrees", "Says", "Urges", "Welcomes", "Discusses", "Arrives", "Leaves", "Talks"}
_HEADLINE_ACTOR = re.compile(r"\s*([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}?)\s+(?:Holds|Held|Meets|Met|Receives|Received|Hosts|Hosted|"
                             r"Calls|Phones|Speaks|Visits|Pledges|Vows|Signs|Agrees)\b")
# the look-behind sits after the first letter so that the engine can skip to capitals
_LONE_ACTOR = re.compile(r"([A-Z](?<![^\s\"“(][A-Z])[a-z][\w'’-]+)(?=\s+(?:also\s+|later\s+|then\s+|separately\s+|has\s+|had\s+|will\s+)?"
                         r"(?:met|meets|held\s+talks|told|said|says|added|noted|tweeted|wrote|pledged|vowed|promised|received|hosted|"
                         r"welcomed|telephoned|called|offered|agreed|signed|announced)\b)")
_NOT_NAMES = {"officials", "sources", "analysts", "diplomats", "reporters", "critics", "observers", "experts", "leaders",
              "authorities", "protesters", "residents", "witnesses", "negotiators", "delegates", "police", "troops", "rebels",
              "militants", "others", "many", "some", "everyone", "nobody", "someone", "people", "lawmakers", "ministers",
              "spokesman", "spokeswoman", "spokesperson", "media", "state", "government", "ministry", "statement", "report",
              "agency", "reuters", "xinhua", "tass", "yonhap", "kyodo", "afp", "bernama", "who", "which", "that", "this",
              "it", "he", "she", "they", "we", "also", "later", "earlier", "meanwhile", "separately", "however", "still",
              "chancellor", "president", "premier", "king", "queen", "emir", "pope", "envoy", "ambassador", "secretary"}
_DESCRIPTIVE_FORMS = {"top diplomat", "chief diplomat", "top envoy", "foreign policy chief", "chief"}
_SURFACE_TITLES = {w: w.title() for w in ("spokesman", "spokeswoman", "chairman", "chairwoman")}
_BODY_HEADS = {"organization", "organisation", "union", "council", "commission", "committee", "conference", "summit",
               "forum", "dialogue", "assembly", "ministry", "department", "agency", "bank", "fund", "programme",
               "program", "office", "force", "area", "service", "parliament", "court", "secretariat", "league",
               "alliance", "community", "association", "partnership", "authority", "institute",
               "mfa", "commissariat", "cabinet", "congress", "house", "bureau", "directorate", "front",
               "movement"}
# gates (a cheap test before the real patterns): no leading \b, so the engine can skip ahead to
# the first letters of the words
_HEAD_GATE = re.compile("(?:" + "|".join(sorted({w.upper() if len(w) <= 3 else w.capitalize() for w in _BODY_HEADS},
                                                   key=lambda w: (-len(w), w))) + r")\b")  # the heads above, as written in names
_HONORIFIC_GATE = re.compile(r"(?:Mr|Mrs|Ms|Dr|Prince|Princess|Sheikh|Sheikha|King|Queen|Emir|Sultan|Datuk|Dato|Datin|Tan\s+Sri)\b")  # the styles below too
_IN_CHARGE_OF = re.compile(r"\s+in\s+charge\s+of\s+(?:[A-Z][\w'’-]*\s+|and\s+|with\s+|of\s+|the\s+|for\s+){1,12}?of\s+(?:the\s+)?(?=[A-Z])")
_ARTICLE_BEFORE = re.compile(r"\b(?:the|The)\s+$")  # "a statement by the Rashtra Bhavan said": a house, not a person
_SPEECH_GATE = re.compile(r"\b" + SPEECH + r"\b")
_DOCUMENTS = {"charter", "treaty", "agreement", "memorandum", "declaration", "convention", "protocol", "accord", "pact",
              "statement", "communique", "communiqué", "resolution", "law", "act", "plan", "roadmap", "framework", "initiative"}
_BODY_SKIP = {"the", "a", "an", "this", "that", "its", "his", "her", "their", "our", "regular", "annual", "new", "and",
              "of", "for", "in", "on", "at", "by", "with", "from", "to", "both", "after", "before", "during", "said"}
_MEDIA = {"news", "press", "times", "herald", "daily", "post", "pravda", "television", "tv", "radio", "tribune",
          "gazette", "journal", "telegraph", "media", "broadcasting", "newspaper", "magazine", "wire"}
_BODY = re.compile(r"(?:[A-Z][\w’'.-]*|[A-Z]{2,})(?:[ \t\xa0](?:(?:of|for|and|the|on|de|-)[ \t\xa0])*(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)(?:[A-Z][\w’'.-]*))+")
DATELINE = re.compile(r"\s*(?:date\s+\S+\s+)?[A-Z][A-Za-z .'-]{1,30}(?:,\s*[A-Z][\w .]{1,25})*"
                       r"(?:(?:,\s*(?:\w+\.?\s*\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\.?)"
                       r"|\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})(?:,?\s*\d{4}|/\d{4})?)?\s*"
                       r"(?:(?:(?:\([^)]{1,60}\))?\s*(?:[-–—•]+|&[mn]dash;|&#821[12];|:)|\.?\s*/[^/\n]{1,30}/\.?"
                       r"|,?\s*\([^()\n]{3,90}\d{4}\)"  # "ABU DHABI, (Agency / WAM - 22nd Jul, 2020)"
                       r"|(?:(?<=\d)|(?<=\d\s))\([A-Z][\w./&' -]{1,30}\))\s"  # "Colombo, Mar 29 (PTI) External ..."
                       r"|\([^)]{1,60}\)\s*[–—](?=[A-Z])"  # "Addis Ababa, February 14, 2026 (ENA)—Prime Minister ..."
                       r"|\s*/[A-Z][^/\n]{1,30}/(?=[A-Z]))")  # "Addis Ababa February 15/2023 /ENA/Deputy Prime Minister ..."
GEO_AFTER = re.compile(r"\s+(?:(?:Presidential|Royal|Imperial|National|Grand|Old|New)\s+(?=Palace|House|Hall|Hotel|Square|Stadium)|River|Lake|Basin|Sea|Ocean|Strait|Peninsula|Gulf|Mountains?|Valley|Desert|"
                        r"Islands?|Coast|Bay|Canal|Province|Oblast|Street|Avenue|Square|University|Airport|"
                        r"Stadium|Palace|Hotel|House|Hall|Centre|Center|Tower|Castle|Park|Building|Road|Station|Bridge|[Ff]ormat|[Pp]rocess|Times|Herald|Post|Daily|News|Press|Tribune|Gazette)\b")
_GEO_BEFORE = re.compile(r"\b(?:Lake|Mount|Gulf of|Sea of|University of|Bay of|Strait of|Port of|"
                         r"Bank of|Times of|Republic of)\s+$")


class _Scanner:
    def __init__(self, text: str, sentences: list[Sentence], gaz: Gazetteer):
        self.text, self.sentences, self.gaz = text, sentences, gaz
        self._named: set[tuple[int, int]] = set()  # title phrases (start, end) that found their holder
        self._last_named: tuple[int, int, int, int] | None = None  # (title start, end, name start, end)
        self.ents = ArticleEntities()

    # -- helpers --------------------------------------------------------------------------
    def body_of(self, hit: Hit) -> tuple[str, str] | None:
        """(kind, key) of the country or organization a hit names."""
        if hit.kind in ("country", "demonym", "capital"):
            return ("country", hit.key)
        if hit.kind == "org":
            return ("org", hit.key)
        return None

    def org_name(self, oid: str) -> str:
        return self.gaz.orgs[oid]["name"] if oid in self.gaz.orgs else oid

    def body_label(self, kind: str, key: str) -> str:
        return key if kind == "country" else self.org_name(key)

    def run(self) -> ArticleEntities:
        ents = self.ents
        # one gazetteer pass over the article; each sentence takes the hits inside it
        hits, i = self.gaz.scan(self.text), 0
        for s in self.sentences:
            se = SentenceEntities(sentence=s)
            ents.sentences.append(se)
            while i < len(hits) and hits[i].start < s.start:
                i += 1
            j = i
            while j < len(hits) and hits[j].start < s.end:
                j += 1
            if s.furniture:
                continue
            se.hits = self.deputies(self.given_names_after_titles([h for h in hits[i:j] if h.end <= s.end]))
            se.headline = _is_title_case(s.text)
            self.countries_and_orgs(se)
            self.named_bodies(se)
            dl = DATELINE.match(s.text) if s.index < 12 else None
            if dl:
                # "BRUSSELS (Northern Affairs Service) —": where the story was filed, and by whom
                end = s.start + dl.end()
                se.mentions = [pm for pm in se.mentions if not (pm.kind == "org" and pm.start < end and pm.key not in self.gaz.orgs)]
                paren = re.search(r"\([^()]*\)", dl.group(0))
                if paren:  # "(UrduPoint / Pakistan Point News / WAM - date)": the agency's name, not a country mentioned
                    self.drop_countries(se, s.start + paren.start(), s.start + paren.end())
                for pm in se.mentions:
                    if pm.start < end:
                        pm.role = "place"
            if s.index < 3:
                for credit in _CREDIT.finditer(s.text):
                    self.drop_countries(se, s.start + credit.start(), s.start + credit.end())
            if not is_credit_line(s.text):
                self.persons(se)
                self.described_countries(se)
            self.signature(se)
        self.unconfirmed_headline_names()
        self.home()
        ents.scanner = self
        return ents

    def unconfirmed_headline_names(self) -> None:
        """ "Chairperson Receives Letters of Credence ...": in a title-case headline every word looks
        like a name; a name found only there stands when the story uses that name again (or its surname)."""
        heads = [se for se in self.ents.sentences if se.headline]
        if not heads:
            return
        body = "\n".join(se.sentence.text for se in self.ents.sentences if not se.headline and not se.sentence.furniture)
        named_in_body = {pm.key for se in self.ents.sentences if not se.headline for pm in se.mentions if pm.kind == "person"}
        unconfirmed = {pm.key for se in heads for pm in se.mentions if pm.kind == "person" and pm.key in self.ents.persons
                       and pm.key not in named_in_body
                       and not any(re.search(rf"\b{re.escape(w)}\b", body) for n in {self.ents.persons[pm.key].name, *self.ents.persons[pm.key].aliases}
                                   for w in {n.split()[0], n.split()[-1]} if len(w) > 2)}
        for key in unconfirmed:
            del self.ents.persons[key]
        for se in heads:
            se.mentions = [pm for pm in se.mentions if not (pm.kind == "person" and pm.key in unconfirmed)]

    def described_countries(self, se: SentenceEntities) -> None:
        """ "the Malaysian diplomat X", "the Argentine deputy-elect Y": a demonym a few lower-case words
        before a name gives the person's country, when nothing else has."""
        countries = [pm for pm in se.mentions if pm.kind == "country"]
        if not countries:
            return
        for pm in [pm for pm in se.mentions if pm.kind == "person"]:
            rec = self.ents.persons.get(pm.key)
            if rec is None or rec.country or any(o for _, o in rec.positions):
                continue
            dem = next((c for c in reversed(countries) if c.end < pm.start and pm.start - c.end <= 40
                        and _DESCRIBED_BY.fullmatch(self.text, c.end, pm.start)), None)
            if dem:
                rec.country = dem.key
                dem.role = "modifier"

    def drop_countries(self, se: SentenceEntities, a: int, b: int) -> None:
        """Countries named between ``a`` and ``b`` are not mentioned (an agency's name, a credit)."""
        for pm in [pm for pm in se.mentions if pm.kind == "country" and a <= pm.start < b]:
            se.mentions.remove(pm)
            self.ents.countries[pm.key] -= 1
            if self.ents.countries[pm.key] <= 0:
                del self.ents.countries[pm.key]

    def country_post(self, title: str | None, country: str | None) -> str | None:
        """The post that is ``title`` in ``country``: a foreign minister's US counterpart is the Secretary
        of State (``equivalent`` and ``default_of`` in the title data)."""
        for name, rec in self.gaz.titles.items():
            if title and country and rec.get("equivalent") == title and rec.get("default_of") == country:
                return name
        return title

    def given_names_after_titles(self, hits: list[Hit]) -> list[Hit]:
        """ "Acting Foreign Minister Amir Khan X", "Minister of Industry Sultan Y": a title word that is
        also a given name (``given_name_forms`` in the title data) begins the name after another title."""
        if not any(h.kind == "title" for h in hits):
            return hits
        out: list[Hit] = []
        for h in hits:
            if h.kind == "title" and out and out[-1].kind == "title" and self.text[out[-1].end:h.start].isspace() \
                    and h.text[:1].isupper() and h.text.lower() in self.gaz.titles.get(h.key, {}).get("given_name_forms", ()):
                continue
            if h.kind == "title" and h.text[:1].isupper() and _HYPHEN_NAME.match(self.text, h.end):
                continue  # "Hossein Amir-Abdollahian": part of a hyphenated name
            out.append(h)
        return out

    def deputies(self, hits: list[Hit]) -> list[Hit]:
        """ "the Deputy Chairperson of the Commission", "Vice-Chairman X": a deputy's post is not the
        post itself (deputy posts the title data lists, "Deputy Foreign Minister", match whole; a generic
        "Deputy Minister" stays the weak "Minister" that gives way to a real post)."""
        out = []
        for h in hits:
            m = _DEPUTY_BEFORE.search(self.text, max(0, h.start - 8), h.start) if h.kind == "title" else None
            if m and not h.key.startswith(("Deputy", "Vice")) and self.gaz.titles.get(h.key, {}).get("rank", 2) < 4:
                word = m.group(1).capitalize()
                h = Hit(m.start(), h.end, "title", f"{word} {h.key}", self.text[m.start():h.end])
            out.append(h)
        return out

    def countries_and_orgs(self, se: SentenceEntities) -> None:
        text = self.text
        for h in se.hits:
            if h.kind in ("country", "demonym", "capital"):
                if GEO_AFTER.match(text, h.end) or _GEO_BEFORE.search(text[max(0, h.start - 20):h.start]) \
                        or _DOLLARS.match(text, h.end, h.end + 9):
                    continue
                self.ents.countries[h.key] = self.ents.countries.get(h.key, 0) + 1
                se.mentions.append(PMention(h.start, h.end, "country", h.key, text=h.text))
                if _WORD_PREFIX.search(text, max(0, h.start - 5), h.start):
                    se.mentions[-1].role = "modifier"  # "the one-China principle", "pro-Russia": a word, not an actor
            elif h.kind == "org":
                if re.match(r"-[A-Z]", text[h.end:h.end + 2]) or (h.start > 0 and re.match(r"[A-Za-z]-", text[h.start - 2:h.start])):
                    continue
                if re.search(r"['’]s\s+$", text[max(0, h.start - 4):h.start]) and not h.text.isupper() \
                        and not any(o.kind == "org" and o.end <= h.start and h.start - o.end <= 3 for o in se.hits):
                    continue  # "the country's Security Council": a national body, not the UN's
                rec = self.gaz.orgs.get(h.key, {"name": h.key})
                o = self.ents.orgs.setdefault(h.key, {"name": rec["name"], "aliases": set(), "id": h.key,
                                                      "wikidata": rec.get("wikidata")})
                if h.text != rec["name"]:
                    o["aliases"].add(h.text)
                se.mentions.append(PMention(h.start, h.end, "org", h.key, text=h.text))

    def named_bodies(self, se: SentenceEntities) -> None:
        """Capitalised names of bodies the gazetteer does not list: "Council of Foreign Ministers
        of the Shanghai Cooperation Organization", "National Development and Reform Commission (NDRC)"."""
        text, s = self.text, se.sentence
        if not _HEAD_GATE.search(s.text) and not any(o.get("id") is None for o in self.ents.orgs.values()):
            return
        if se.headline:
            return  # a headline in title case: every word looks like a name
        spans = []
        for m in _BODY.finditer(s.text):
            a = s.start + m.start()
            phrase = m.group(0)
            poss = re.search(r"['’]s?\b", phrase)
            if poss:
                left, right = phrase[:poss.start()], phrase[poss.end():].lstrip()
                if any(w.lower() in _BODY_HEADS for w in right.split()) and not any(w.lower() in _BODY_HEADS for w in left.split()):
                    a += len(phrase) - len(right)
                    phrase = right
                else:
                    phrase = left
            ev = re.match(r"(?:(?:\d+(?:st|nd|rd|th)|[IVX]+|Ordinary|Extraordinary|Annual|Regular|Special|Session|Opening|Closing|Plenary|Meeting|Sidelines|Member|Members|States|Countries|Leaders)\s+)+of\s+(?:the\s+)?", phrase)
            if ev:
                a += ev.end()
                phrase = phrase[ev.end():]
            # "X Bank and the Y Bank", "Arab League and GCC": two bodies
            parts = re.split(r"(?<=\w)( and (?:the )?)", phrase)
            chunk, pos = "", a
            for i in range(0, len(parts), 2):
                piece = parts[i]
                if chunk and chunk.split()[-1].strip(".,").lower() in _BODY_HEADS:
                    spans.append((pos, chunk))
                    pos += len(chunk) + len(parts[i - 1])
                    chunk = piece
                else:
                    chunk = chunk + (parts[i - 1] if i else "") + piece
            spans.append((pos, chunk))
        for a, phrase in spans:
            if re.search(r"\b(?:in charge of|responsible for)\s+$", text[max(s.start, a - 20):a]):
                continue
            words = phrase.split()
            while words and (words[0].lower() in _BODY_SKIP or re.fullmatch(r"\d+(?:st|nd|rd|th)|[IVX]+|First|Second|Third|Fourth|Fifth|"
                                                                          r"Sixth|Seventh|Eighth|Ninth|Tenth", words[0])):
                a += len(words[0]) + 1
                words = words[1:]
            while words and words[-1].lower() in ("of", "the", "and", "for"):
                words = words[:-1]
            if len(words) < 2 or not any(w.strip("’'s").lower() in _BODY_HEADS for w in words) \
                    or words[0].lower() in _DOCUMENTS or all(w.lower() in _RELATION_WORDS for w in words[:-1]):
                # ("Comprehensive Strategic Partnership": a kind of relation, not a body)
                continue  # "Charter on Strategic Partnership": a document, not a body
            if any(w[:1].isupper() and w.lower().rstrip(".,") in _NAME_HONORIFICS for w in words):
                continue  # "... Industry Datuk Seri X and Foreign Ministry": a person's style inside, not a body
            phrase = " ".join(words)
            if lower_same_length(phrase) in self.gaz.venues and (
                    all(kind == "venue" for kind, _, _ in self.gaz._forms.get(lower_same_length(phrase), ()))
                    or re.search(r"\b(?:at|in|inside|to)\s+(?:the\s+)?$", text[max(s.start, a - 12):a], re.I)):
                continue  # "talks at Hyderabad House": a building, not a body ("the Kremlin said" speaks for one)
            if phrase.endswith(".") and phrase[:-1].count(".") == 0:
                phrase = phrase[:-1]  # the sentence's full stop, not an abbreviation's
            b = a + len(phrase)
            if any(w.lower().strip(".,") in _MEDIA for w in words):
                continue
            if any(w.lower().strip(".,") in _COMPANY for w in words):
                continue  # "X Infrastructure Development Co. Ltd": a company, not a public body
            inner = [h for h in se.hits if a <= h.start and h.end <= b]
            if any(h.kind == "title" and h.start == a for h in inner):
                continue
            cut = next((h for h in inner if h.kind == "title" and not re.match(r"\s+of\b", text[h.end:h.end + 4])
                        and not re.search(r"\bof\s+$", text[h.start - 4:h.start])), None)
            if cut:  # "NATO Secretary-General Henrik Aalborg": the body ends before the title
                phrase = text[a:cut.start].rstrip()
                b = a + len(phrase)
                words = phrase.split()
                if len(words) < 2 or not any(w.strip("’'s").lower() in _BODY_HEADS for w in words):
                    continue
                inner = [h for h in inner if h.end <= b]
            if not _headed(phrase.split()):
                continue
            orgs_inside = [h for h in inner if h.kind == "org"]
            if orgs_inside and (orgs_inside[0].start == a and orgs_inside[0].end == b):
                continue  # exactly a known organization
            bodies_inside = [h for h in inner if h.kind in ("org", "country", "demonym")]
            leftover, at = "", a
            for h in bodies_inside:
                leftover, at = leftover + text[at:h.start], h.end
            if len(bodies_inside) >= 2 and re.fullmatch(r"(?:[\s,&]|\band\b|\bthe\b)*", leftover + text[at:b]):
                continue  # "United Nations and African Union": two known bodies, not a third
            if orgs_inside and orgs_inside[0].start == a and re.fullmatch(
                    r"\s*(?:summit|meeting|session|conference|ministerial|leaders'? meeting)", text[orgs_inside[0].end:b], re.I):
                continue  # "the ASEM Summit": an event of a known organization
            key = phrase
            if phrase.isupper():
                # "THE WHITE HOUSE" in a block heading: the body named in ordinary case elsewhere
                key = next((o for o, rec in self.ents.orgs.items() if rec.get("id") is None and o.lower() == phrase.lower()), phrase)
            for other, rec in self.ents.orgs.items():
                # "AU Conference of Heads of State" and "... of the African Union": one body
                if key == phrase and rec.get("id") is None and (phrase.startswith(other + " ") or other.startswith(phrase + " ")):
                    key = other
                    if len(phrase) > len(rec["name"]):
                        rec["aliases"].add(rec["name"])
                        rec["name"] = phrase
                    elif phrase != rec["name"]:
                        rec["aliases"].add(phrase)
                    break
            acr = re.match(r"\s*\(([A-Z][A-Za-z.]{1,9})\)", text[b:b + 14])
            o = self.ents.orgs.setdefault(key, {"name": phrase, "aliases": set(), "id": None, "wikidata": None})
            if acr:
                o["aliases"].add(acr.group(1))
            for h in orgs_inside:
                if re.search(r"[A-Z][\w’'.-]*[ \t\xa0]+$", text[a:h.start]) and not h.text.isupper():
                    # "Philippine National Security Council": a name that contains a known body's
                    # name ("Security Council") without meaning that body
                    se.mentions = [pm for pm in se.mentions if pm.start != h.start]
                    se.hits = [x for x in se.hits if x is not h]
                    continue
                for pm in se.mentions:
                    if pm.start == h.start:
                        pm.role = "modifier"
            # "the French National Assembly": the country is mentioned, but the body is the party
            se.mentions = [pm for pm in se.mentions if not (a <= pm.start and pm.end <= b and pm.kind == "country")]
            se.mentions.append(PMention(a, b, "org", key, text=phrase))
            se.mentions.sort(key=lambda pm: pm.start)
        # acronyms defined in the text for bodies found above: "(NDRC)" later used alone
        for key, o in self.ents.orgs.items():
            for al in o["aliases"]:
                if o.get("id") is None and al.isupper():
                    for mm in re.finditer(r"\b" + re.escape(al) + r"\b", s.text):
                        st = s.start + mm.start()
                        if not any(pm.start <= st < pm.end for pm in se.mentions):
                            se.mentions.append(PMention(st, st + len(al), "org", key, text=al))
        se.mentions.sort(key=lambda pm: pm.start)

    # -- titles and names -----------------------------------------------------------------
    def title_phrase(self, se: SentenceEntities, th: Hit) -> tuple[int, int, str | None, bool]:
        """Extend a title hit over its owner: "Japanese <Foreign Minister>", "<President> of Brazil".

        Returns (start, end, of, former)."""
        text = self.text
        start, end, of, former = th.start, th.end, None, False
        # left: modifiers and a possessor ("Saudi Arabia's", "NATO", "Japanese", "U.S.")
        hits_before = [h for h in se.hits if h.end <= th.start]
        pos = th.start
        while True:
            m = re.search(r"(?:^|\s)([\w.’'-]+)\s+$", text[max(se.sentence.start, pos - 30):pos])
            prev_hit = hits_before[-1] if hits_before else None
            if prev_hit and (re.fullmatch(r"(?:\s*\([A-Z]{2,8}\))?\)?(?:['’;]s?)?\s*(?:new\s+|former\s+|top\s+|chief\s+)?\s*", text[prev_hit.end:pos])
                             or (prev_hit.kind == "country" and re.fullmatch(r"['’]s\s+(?:[a-z]+\s+){1,3}", text[prev_hit.end:pos]))):
                # "China's coast guard spokesman": the agency's country
                body = self.body_of(prev_hit)
                if body:
                    former = former or "former" in text[prev_hit.end:pos].lower()
                    of = of or self.body_label(*body)
                    start = pos = prev_hit.start
                    hits_before.pop()
                    if hits_before and hits_before[-1].key == prev_hit.key and re.fullmatch(r"\s*\(", text[hits_before[-1].end:pos]):
                        pos = hits_before[-1].start  # "the African Union Commission (AUC) Chairperson": the name and its acronym
                        for mm in se.mentions:
                            if mm.start == pos:
                                mm.role = "modifier"
                        start = pos
                        hits_before.pop()
                    # mark as modifier
                    for mm in se.mentions:
                        if mm.start == prev_hit.start:
                            mm.role = "modifier"
                    continue
                if prev_hit.kind == "title":  # "Deputy Crown Prince and Defense Minister" stays separate
                    break
            if m and m.group(1).lower().strip(".") in _MODIFIERS - {"his", "her", "their", "its", "the", "a", "an"}:
                if m.group(1).lower() == "former":
                    former = True
                start = pos = pos - len(m.group(0).lstrip())
                continue
            if of is None and m and m.group(1).islower() and len(m.group(1)) > 3:
                # "commission president X" after "the European Commission": the body the story named
                body = next((o["name"] for o in self.ents.orgs.values() if o["name"].split()[-1].lower() == m.group(1)), None)
                if body:
                    of, start = body, pos - len(m.group(0).lstrip())
            elif of is None and m and m.group(1)[:1].isupper():
                # "French National Assembly president X": a body this article names, right before the post
                window = max(se.sentence.start, pos - 80)
                before = text[window:pos].rstrip()
                # (not a ministry: "Ministry of Foreign Affairs spokesperson X" speaks for the country)
                body = next((o["name"] for o in self.ents.orgs.values() if o.get("id") is None and before.endswith(o["name"])
                             and not re.search(r"\b(?:Ministry|Department|Office)\b", o["name"])), None)
                if body:
                    of, start = body, window + len(before) - len(body)
            break
        # right: "of [the] Romania", "of NATO", "to Vietnam", "of the Federal Democratic Republic of Ethiopia"
        while True:
            m = _OWNER_OF.match(text, end, min(se.sentence.end, end + 80))
            if not m:
                break
            nxt = next((h for h in se.hits if h.start == m.end()), None)
            if nxt is None and m.group("style"):  # "of the Republic of Kazakhstan" may be one name
                nxt = next((h for h in se.hits if h.start == m.start("style")), None)
            if not nxt or not self.body_of(nxt):
                break
            body = self.body_of(nxt)
            # an envoy "for North Korea" has it as a portfolio, not as the country served
            portfolio = m.group(0).strip().startswith("for") and self.gaz.titles.get(th.key, {}).get("kind") == "diplomat"
            if m.group(0).strip().startswith(("of", "for")) and of is None and not portfolio:
                of = self.body_label(*body)
            elif m.group(0).strip().startswith("of") and body[0] == "country":
                of = self.body_label(*body)
            for mm in se.mentions:
                if mm.start == nxt.start:
                    mm.role = "modifier"
            end = nxt.end
            inner = _ACRONYM_THEN_HEAD.match(text, end, se.sentence.end)
            if inner and body[0] == "org" and of == self.body_label(*body):
                # "Chairperson of the African Union (AU) Commission": the body named around its acronym
                whole = next((k for kind, k, _ in self.gaz._forms.get(lower_same_length(f"{of} {inner.group(1)}"), ())
                              if kind == "org"), None)
                if whole:
                    of, end = self.org_name(whole), inner.end()
        if of is None:
            # "Minister of State in charge of Political Dialogue and Relations with Institutions of Mali"
            charge = _IN_CHARGE_OF.match(text, end, se.sentence.end)
            nxt = next((h for h in se.hits if charge and h.start == charge.end() and h.kind in ("country", "demonym")), None)
            if nxt and self.body_of(nxt) and self.body_of(nxt)[0] == "country":
                of = self.body_label(*self.body_of(nxt))
                for mm in se.mentions:
                    if mm.start == nxt.start:
                        mm.role = "modifier"
        return start, end, of, former

    def name_at(self, pos: int, limit: int, after_title: bool = False) -> tuple[int, int] | None:
        """A personal name starting at ``pos`` (after honorifics), or None."""
        text = self.text
        m = re.match(r"\s*", text[pos:limit])
        i = pos + m.end()
        # honorifics
        while True:
            hm = re.match(r"(?:[A-Z][a-z]+-elect|(?:His|Her)\s+(?:Excellency|Highness|Royal Highness|Majesty)|Senator|Sen\.|(?:[Tt]he\s+)?(?:Rt\.?\s+)?(?:Hon\.?|Honou?rable)|H\.\s?[EM]\.|" + _BARE_HE + r"|S\.\s?E\.|H\.\s?H\.|HH|HRH|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|"
                          r"Prof\.?|Prince|Princess|Sheikh|Sheikha|Sheik|Sir|Dame|Lord|Lady|Madam|Gen\.|General|Coach|(?:Lt|Maj|Brig|Col)\.?(?:\s+Gen\.?)?(?=\s+[A-Z])|"
                          r"(?:Archbishop|Bishop|Cardinal|Patriarch)(?:\s+of\s+[A-Z][a-z]+)?|"  # "Archbishop of Canterbury X"
                          + _MALAY_STYLE + r"|Puan\s+Sri|Toh\s+Puan|Tun)\s+",
                          text[i:limit])
            if not hm:
                break
            i += hm.end()
        start = i
        toks = []
        for tm in re.finditer(r"(?:[^\W\d_][\w'’\-¡-¿]*\.?|\S)", text[i:limit]):
            tok = tm.group(0)
            a = i + tm.start()
            if toks and _INVISIBLE.fullmatch(tok):
                continue  # a zero-width space inside a name
            between = _INVISIBLE.sub("", text[(toks[-1][1] if toks else start):a])
            if toks and not re.fullmatch(r"[ \t\xa0]+|\n", between) and not (between == "" and re.fullmatch(r"[A-Z]\.", toks[-1][2])):
                break  # words are spaced, but initials may be joined: "S.M. Krishna"
            if not toks and a != start:
                break
            possessive = _POSSESSIVE_END.search(tok)
            if possessive and len(tok) > 3:
                tok = tok[:possessive.start()]
            low = tok.lower().rstrip(".")
            if tok[0].isupper() and (low not in STOP or toks or (after_title and low in {"he", "so", "an", "it", "by", "do", "to", "la", "per", "jan", "may", "june", "july", "april", "august"}
                                                                and re.match(r"\s+[A-Z][a-z]", text[a + len(tok):a + len(tok) + 3]))
                                     # an initial without its stop after a post: "Foreign Minister A K Abdul Momen"
                                     or (after_title and len(tok) == 1 and re.match(r"\s+[A-Z](?:\s+[A-Z]|[a-z])", text[a + 1:a + 5])))\
                    and low not in {"and", "or"}:
                if toks and low in STOP and low not in NAME_PARTICLES and len(tok) > 3 and tok != tok.upper():
                    break
                toks.append((a, a + len(tok), tok))
            elif toks and (low in NAME_PARTICLES or re.match(r"(?:al|el|ad|as|at|ud|ul|bin|ibn|abu|de|da|di|du)-[A-Z]", tok)):
                toks.append((a, a + len(tok), tok))
            elif toks and re.fullmatch(r"[A-Z]\.?", tok):
                toks.append((a, a + len(tok), tok))
            else:
                break
            if possessive:
                break
        while toks and toks[-1][2].lower().rstrip(".") in NAME_PARTICLES:
            toks.pop()
        # "Minister for Pacific Peoples Dr X": the rest of a post, then a style, then the name
        style = max((i for i, t in enumerate(toks[:-1]) if i and t[2].rstrip(".") in _STYLE_TOKENS), default=None)
        if style is not None:
            toks = toks[style + 1:]
        if not toks:
            return None
        s, e = toks[0][0], toks[-1][1]
        if text[e - 1] == "." and not re.fullmatch(r"[A-Z]\.", toks[-1][2]) and toks[-1][2] not in ("Jr.", "Sr."):
            e -= 1  # sentence period after a surname
        name = text[s:e]
        if len(toks) == 1 and len(name) > 1 and name.isupper():
            return None  # an acronym ("the Council of Foreign Ministers CFM"), not a name
        words = [w.lower().strip(".,") for w in name.split()]
        if any(w in NOT_PERSON for w in words):
            return None
        # a gazetteer body or title inside the "name" means it is not a name
        return (s, e)

    def persons(self, se: SentenceEntities) -> None:
        text, s = self.text, se.sentence
        hits = se.hits
        headline = se.headline
        # a headline's subject: "Li Wen Holds Talks With ...", "Alves Meets Roussel in Paris"
        if se.headline:
            hm = _HEADLINE_ACTOR.match(s.text)
            if hm:
                a, b = s.start + hm.start(1), s.start + hm.end(1)
                if not self._is_body(se.hits, (a, b)) and not self._person_at(se, (a, b)) \
                        and not any(w.lower() in STOP or w.lower() in NOT_PERSON for w in hm.group(1).split()):
                    self.add_person(se, a, b, None, None, False, rule="headline-actor")
        held_as: list[tuple[int, int, str, str | None]] = []
        label = _SPEAKER_LABEL.match(s.text) if (s.start == 0 or text[s.start - 1] == "\n") else None
        if label:
            self.speaker_label(se, label)
        for th in [h for h in hits if h.kind == "title" and not (label and h.start < s.start + label.end())]:
            ts, te, of, former = self.title_phrase(se, th)
            if of is None and th.text.lower() in ("chief", "chiefs"):
                continue  # "chief" is a post only with its body: "NATO chief", "the UN chief"
            # the head noun is plural: "foreign ministers", "Ministers of Economy"
            # (the head noun: "Minister for Foreign Affairs" is one minister)
            plural = _HEAD_NOUN.split(th.text.lower())[0].endswith("s") and not _HEAD_NOUN.split(th.key.lower())[0].endswith("s")
            surface = th.text.lower()
            if surface in _SURFACE_TITLES:  # "spokeswoman", "chairman": kept as written
                th = Hit(th.start, th.end, th.kind, _SURFACE_TITLES[surface], th.text)
            rep = re.match(r"\s+of\s+the\s+Republic\b(?!\s+of\b)", text[te:te + 24])
            if rep:
                of = "-"  # "President of the Republic": his own country, unnamed
                te += rep.end()
            portfolio = _PORTFOLIO_AND.match(text, te, s.end) if plural else None
            if portfolio and not any(te < h.end and h.start < portfolio.end() for h in hits):
                te = portfolio.end()  # "the Ministers of Economy and Finance, A and B": a second portfolio, not a body
            se.titles.append((ts, te, th.key, of, plural))
            held = _HELD_AS.search(text, max(s.start, th.start - 60), th.start) if not plural else None
            if held:
                if of is None and held.group(1) and self.ents.countries:
                    # "his position as the country's interior minister": the country the story is about
                    of = max(self.ents.countries, key=self.ents.countries.get)
                held_as.append((ts, te, th.key, of))  # bound once every name of the sentence is known
                continue
            # title before the name (with an optional ", " or a short "on ..." phrase)
            if of is None and _OTHER_OWNER.search(text, max(s.start, ts - 30), ts):
                of = "-"  # "the club's president X": the post of something that is not a country
            described = bool(re.search(r"\b(?:the|a|an|his|her|their|its)\s+(?:\S+\s+){0,2}$", text[max(s.start, ts - 25):ts]))
            qual = re.match(r"\s+(?:on|for)\s+[^,.;]{3,60}?(?=,|\s+[A-Z][a-z]+\s+[A-Z])", text[te:s.end])
            if qual:
                for pm in se.mentions:
                    if te <= pm.start < te + qual.end() and pm.kind == "country":
                        pm.role = "modifier"
            m = re.match(r"(?:\s+(?:on|for)\s+[^,.;]{3,60},)?(?:\s*\([A-Z]{2,6}\))?[ \t\xa0\n]*" + (r"" if described or th.text.islower() else r",?[ \t\xa0\n]*"),
                         text[te:s.end])
            tail = _PORTFOLIO_TAIL.match(text, te, s.end)
            if tail and all(w.lower() in NOT_PERSON for w in re.findall(r"[A-Z][a-z]+", tail.group(0))):
                te = tail.end()  # "Minister of Science, Technology and Innovation X": the rest of the portfolio
                m = re.match(r"[ \t\xa0\n]*", text[te:s.end])
            span = self.name_at(te + m.end(), s.end, after_title=True)
            q = re.match(r"\s+(?:for|of|on)\s+((?:(?:[A-Z][\w'’-]*,?|and|of|the|for)\s+){1,8})", text[te:s.end])
            if q and (span is None or any(w.lower() in NOT_PERSON for w in text[span[0]:span[1]].split())):
                # "High Representative for Foreign Policy and Security Liis Tamm": the name is
                # the run of capitalised words after the last qualifier word
                words = list(re.finditer(r"\S+", text[te + q.start(1):te + q.end(1)]))
                for i, w in enumerate(words):
                    if w.group(0) == "and" and any(h.kind == "title" and h.start > te + q.start(1) + w.start() for h in hits
                                                   if h.start < te + q.end(1)):
                        words = words[:i]  # "Minister for Law X and Foreign Secretary Y": the next post starts there
                        break
                while words and words[-1].group(0) in ("and", "of", "the", "for"):
                    words.pop()  # "Minister for Law X and ...": the connector after the name
                k = len(words)
                while k > 0 and words[k - 1].group(0)[0].isupper() and words[k - 1].group(0).lower() not in NOT_PERSON \
                        and words[k - 1].group(0).lower() not in STOP:
                    k -= 1
                if k < len(words) and k > 0 and not plural:
                    span = self.name_at(te + q.start(1) + words[k].start(), s.end, after_title=True)
                    if span and len(text[span[0]:span[1]].split()) < 2:
                        span = None  # "leaders of the Islamic world": a qualifier, not a name
            if span and self._is_body(hits, span, surname_place=True):
                span = None  # "of the African Union": a body, not a name
            if span is None:
                mc = re.match(r",[ \t\xa0\n]*", text[te + m.end():s.end]) \
                    if (described or th.text.islower() or re.search(r"\b(?:The|A|An)\s+(?:\S+\s+){0,2}$", text[max(s.start, ts - 25):ts])) else None
                # "The Chairperson of the Commission of the African Union, X,", "led by Secretary of Housing
                # and Urban Development, X,": past the qualifier
                mq = None if mc else _QUALIFIER_COMMA.match(text, te, s.end)
                if mc or mq:
                    span = self.name_at(te + m.end() + mc.end() if mc else mq.end(), s.end, after_title=True)
                    if span and not re.match(r"\s*(?:,|\)|and\b|[.;]?\s*$)", text[span[1]:s.end]):
                        span = None
                    if span and mq and of is None:
                        body = next((self.body_of(h) for h in reversed(hits) if te <= h.start < mq.end() and self.body_of(h)), None)
                        of = self.body_label(*body) if body else None
            if span and headline and len(text[span[0]:span[1]].split()) >= 2:
                words = list(re.finditer(r"\S+", text[span[0]:span[1]]))
                while len(words) >= 2 and words[-1].group(0) in _HEADLINE_VERBS:
                    span = (span[0], span[0] + words[-2].end())  # "Secretary Clinton Meets With ...": the name ends at the verb
                    words.pop()
            if span and headline and len(text[span[0]:span[1]].split()) == 1:
                span = None  # "Ministers Agree to Widen ...": in a title-case headline every word is capitalised
            if span and not self._is_body(hits, span, surname_place=True):
                names = [span]
                if plural:  # "Presidents A of X and B of Y"
                    rest = span[1]
                    while True:
                        mm = re.match(r"\s+of\s+(?:the\s+)?", text[rest:s.end])
                        if mm:
                            h = next((x for x in hits if x.start == rest + mm.end()), None)
                            if h:
                                rest = h.end
                        mm = re.match(r"\s*(?:,|and|,\s*and)\s+", text[rest:s.end])
                        nxt = self.name_at(rest + mm.end(), s.end) if mm else None
                        if not nxt or self._is_body(hits, nxt):
                            break
                        names.append(nxt)
                        rest = nxt[1]
                # "Deputy Crown Prince and Defense Minister X": the earlier title is X's too
                as_style = False
                for pts, pte, ptitle, pof, _ in se.titles[:-1]:
                    # "Nigeria's Minister of Foreign Affairs, Ambassador X": the first post too
                    # but not "Welcoming the Uzbek foreign minister, President X": a description of another person
                    # "Deputy Foreign Minister Ambassador X": "Ambassador" as a senior diplomat's style, not a second post
                    styled = th.key == "Ambassador" and th.text[:1].isupper() and of is None and re.fullmatch(r"[ \t\xa0]+", text[pte:ts])
                    if (pts, pte) not in self._named and (re.fullmatch(r"\s+and\s+(?:the\s+)?|\s*/\s*|,\s*", text[pte:ts]) or styled) \
                            and not (text[pte:ts].strip() == "," and text[pts:pte].split()[-1].islower() and th.text[:1].isupper()):
                        pformer = bool(re.search(r"\bformer\b", text[max(s.start, pts - 12):pte], re.I))  # its own "former", not the next post's
                        self.add_person(se, names[0][0], names[0][1], ptitle, pof or (of if not former else None), pformer, rule="title-before")
                        self._named.add((pts, pte))
                        as_style = as_style or bool(styled)
                if as_style:
                    names = []  # the person is named with the post before the style
                shares = self.respective_countries(se, th.start, names) if plural and len(names) >= 2 and of is None else None
                if plural and len(names) >= 2 and of is None and not shares:
                    of = "-"  # "Foreign Ministers A, B, C and D": the text does not say whose, guess none
                for i, (a, b) in enumerate(names):
                    own_of = shares[i] if shares else of
                    mm = re.match(r"\s+of\s+(?:the\s+)?", text[b:s.end])
                    if mm:
                        h = next((x for x in hits if x.start == b + mm.end()), None)
                        if h and self.body_of(h):
                            own_of = self.body_label(*self.body_of(h))
                            for pm in se.mentions:
                                if pm.start == h.start:
                                    pm.role = "modifier"
                    key = self.add_person(se, a, b, th.key, own_of, former, rule="title-before")
                    if th.text.lower() in _DESCRIPTIVE_FORMS:
                        self.ents.persons[key].described.add((th.key, own_of))
                self._named.add((ts, te))
                # "Arvind Raghavan and US President Tom Hale": an untitled full name coordinated
                # with a titled official is another official
                co = _COORDINATED_NAME.search(text, max(s.start, ts - 60), ts)
                if co and not plural:
                    ca, cb = co.start(1), co.end(1)
                    words = co.group(1).split()
                    if not any(w.lower() in STOP or w.lower() in NOT_PERSON or w.lower() in _NOT_NAMES for w in words) \
                            and not self._is_body(hits, (ca, cb)) and not self._person_at(se, (ca, cb)) \
                            and not any(h.start < cb and ca < h.end for h in hits):
                        self.add_person(se, ca, cb, None, None, False, rule="coordinated")
                continue
            # "X, the President of the Republic and the President-in-Office of the AU": a second post
            prev = self._last_named
            if prev and re.fullmatch(r"\s+and\s+(?:the\s+|a\s+)?", text[prev[1]:ts]):
                self.add_person(se, prev[2], prev[3], th.key, of, former, rule="title-after")
                self._named.add((ts, te))
                self._last_named = (ts, te, prev[2], prev[3])
                continue
            # title after the name: "Radu Ionescu, foreign minister of Romania"
            if plural or text.startswith(("'s", "’s"), te):
                continue  # "X, the leader's sister": the post of someone else
            before = text[s.start:ts]
            if re.match(r"\s+[A-Z]", text[te:te + 3]) and not re.match(r"\s+(?:of|and|who|in|at)\b", text[te:te + 6]):
                continue
            mm = re.search(r"([^\W\d_][\w'’.\-]*(?:\s+(?:[^\W\d_][\w'’.\-]*))*)\s*,\s*(?:the\s+|a\s+|who\s+(?:is|was|has\s+been|had\s+been|serves\s+as|served\s+as)\s+(?:also\s+)?(?:the\s+)?)?(?:(?:current|new|outgoing|incoming|then|former)\s+)?$", before)
            if mm:
                cand_start = s.start + mm.start(1)
                # take the last run of capitalised tokens as the name
                toks = list(re.finditer(r"\S+", text[cand_start:s.start + mm.end(1)]))
                k = len(toks)
                while k > 0 and (toks[k - 1].group(0)[0].isupper() or toks[k - 1].group(0).lower() in NAME_PARTICLES
                                 or _PARTICLE_GLUED.match(toks[k - 1].group(0))) \
                        and not any(h.start <= cand_start + toks[k - 1].start() < h.end and h.kind != "city" for h in hits):
                    k -= 1
                if k < len(toks):
                    a = cand_start + toks[k].start()
                    span = self.name_at(a, s.start + mm.end(1))
                    past = re.search(r"\bwho\s+(?:was|had\s+been|served\s+as)\b", mm.group(0))
                    known = self._match_person(text[span[0]:span[1]]) if span and past else None
                    if span and span[1] == s.start + mm.end(1) and not self._is_body(hits, span):
                        # "Manele, who had been foreign minister, ...": a post the Manele named before held
                        same = self.ents.persons[known].name if past and known and self.ents.persons[known].positions else None
                        self.add_person(se, span[0], span[1], th.key, of, former, rule="title-after", name=same)
                        self._named.add((ts, te))
                        self._last_named = (ts, te, span[0], span[1])
        low = s.text.lower()
        if "counterpart" in low or "colleague" in low or "opposite number" in low:
            self.counterparts(se)
        if not headline:
            self.names_in_context(se)
        if _HONORIFIC_GATE.search(s.text) or _SPEECH_GATE.search(s.text):
            self.honorific_and_speech(se)
        self.lone_actors(se)
        for ts, te, title, of in held_as:
            # "stripped X of his title as crown prince": the post of the person named before
            owner = self._person_before(se, ts)
            if owner:
                rec = self.ents.persons[owner]
                if not any(t == title for t, _ in rec.positions):
                    rec.positions.append((title, of if of != "-" else None))
                if of in self.gaz.countries:
                    rec.country = rec.country or of
                self._named.add((ts, te))
        self._settle_titles(se)

    def _settle_titles(self, se: SentenceEntities) -> None:
        # a body that modifies a title with no named holder ("EU foreign ministers",
        # "Qatar's foreign minister") is itself a party
        named = [(pm.start, pm.end) for pm in se.mentions if pm.kind == "person"]
        for ts, te, title, of, plural in se.titles:
            if (ts, te) in self._named or any(te <= a <= te + 3 or ts - 3 <= b <= ts for a, b in named):
                continue
            bodies = [pm for pm in se.mentions if pm.role == "modifier" and ts <= pm.start and pm.end <= te
                      and pm.kind in ("country", "org") and not any(a <= pm.start < b for a, b in named)]
            for pm in bodies:
                pm.role = "party"
            if not bodies and title == "Secretary-General" and not plural and _THE_SECRETARY_GENERAL.match(self.text, ts, te):
                # "The Secretary-General met ...": the head of the body the story is about stands for it
                oid = self.story_org()
                holders = [k for k, r in self.ents.persons.items() if not r.former and oid
                           and ("Secretary-General", self.org_name(oid)) in r.positions]
                if len(holders) == 1:
                    # ... or its secretary-general the story has named ("Secretary-General X discussed ...")
                    se.mentions.append(PMention(ts, te, "person", holders[0], text=self.text[ts:te]))
                    se.mentions.sort(key=lambda pm: pm.start)
                elif oid:
                    rec = self.gaz.orgs[oid]
                    self.ents.orgs.setdefault(oid, {"name": rec["name"], "aliases": set(), "id": oid, "wikidata": rec.get("wikidata")})
                    se.mentions.append(PMention(ts, te, "org", oid, text=self.text[ts:te]))
                    se.mentions.sort(key=lambda pm: pm.start)
        self._named = set()

    def story_org(self) -> str | None:
        """The organization an unnamed "the Secretary-General" heads: the United Nations when the
        story names any of its bodies or none at all, else the organization it names most."""
        counts: dict[str, int] = {}
        for sent in self.ents.sentences:
            for pm in sent.mentions:
                if pm.kind == "org" and pm.key in self.gaz.orgs:
                    counts[pm.key] = counts.get(pm.key, 0) + 1
        un = next((k for k, o in self.gaz.orgs.items() if o["name"] == "United Nations"), None)
        if not counts or any(k == un or self.gaz.orgs[k]["name"].startswith("United Nations") for k in counts):
            return un
        # a body the story names with a secretary-general ("NATO Secretary-General"), else the UN
        led = [k for k in counts if any(pm.kind == "org" and pm.key == k and _SG_NEAR.match(self.text, pm.end)
                                        for sent in self.ents.sentences for pm in sent.mentions)]
        return max(led, key=counts.get) if led else un

    def speaker_label(self, se: SentenceEntities, label: re.Match) -> None:
        """A transcript's speaker label: "SECRETARY RUBIO:", "FOREIGN MINISTER WANG:", "MR. PRICE:"."""
        lead, surname = " ".join(label.group(1).split()), label.group(2)
        title = self.gaz.title_of(lead)
        if title is None and lead.lower().rstrip(".") not in _LABEL_HONORIFICS:
            return  # "QUESTION:", "MODERATOR:", "EDITOR'S NOTE:"
        a = se.sentence.start + label.start(2)
        self.add_person(se, a, a + len(surname), title, None, False, rule="speaker-label", name=surname.title())

    def signature(self, se: SentenceEntities) -> None:
        """A name alone on its line with its post alone on the next ("Daniel Reed" /
        "Secretary of State"), as in statements and transcripts."""
        s = se.sentence
        prev = self.ents.sentences[-2] if len(self.ents.sentences) >= 2 else None
        if prev is None or prev.sentence.furniture or "\n" not in self.text[prev.sentence.end:s.start]:
            return
        title = se.hits[0] if se.hits and se.hits[0].kind == "title" else None
        if not title or s.text.strip() != title.text.strip():
            return
        p = prev.sentence
        if not re.fullmatch(r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}", p.text.strip()) or prev.hits:
            return
        span = self.name_at(p.start, p.end)
        if span and span == (p.start, p.end) and not self._person_at(prev, span):
            self.add_person(prev, span[0], span[1], title.key, None, False, rule="signature")

    def _is_body(self, hits: list[Hit], span: tuple[int, int], surname_place: bool = False) -> bool:
        """A country, body or title inside a would-be name; with ``surname_place`` (a name right
        after a title) a capital may end a name of two words or more: "Foreign Minister Pedro Lima"."""
        n = len(self.text[span[0]:span[1]].split())
        return any(h.start < span[1] and span[0] < h.end and (h.kind != "city" or n == 1)
                   and not (h.kind == "capital" and n >= 2 and h.start == span[0] and h.end < span[1])
                   and not (surname_place and h.kind == "capital" and n >= 2 and h.end == span[1] and h.start > span[0]
                            and not any(x.start < h.start and span[0] <= x.start for x in hits))
                   for h in hits)

    def counterparts(self, se: SentenceEntities) -> None:
        text, s = self.text, se.sentence
        # "his Malaysian counterpart", "with counterpart", "Zarif's Turkish counterpart"
        for m in re.finditer(r"(?:\b(?:his|her|their|the)\s+|(?<=\bwith\s)|(?<=\bmet\s)|(?<=[a-z]['’]s\s)|(?<=\bcalled\s)|(?<=\bphoned\s)|"
                             r"(?<=\breceived\s)|(?<=\bhosted\s)|(?<=\bwelcomed\s)|(?<=\bvisited\s)|(?<=\bthanked\s)|(?<=\binvited\s))"
                             r"(?:((?:\S+\s){0,2}\S+)\s+)?(counterparts?|colleagues?|opposite numbers?)\b", text[s.start:s.end]):
            pos = s.start + m.end()
            dem = None
            if m.group(1):
                # "his Malaysian counterpart", "his newly-elected Malaysian counterpart"
                h = next((x for x in se.hits if s.start + m.start(1) <= x.start < s.start + m.end(1)
                          and x.kind in ("country", "demonym", "capital")), None)
                if h and self.body_of(h) and self.body_of(h)[0] == "country":
                    dem = h.key
                    for pm in se.mentions:
                        if pm.start == h.start:
                            pm.role = "modifier"
            # whose counterpart: the person named just before ("for Li and his counterpart"),
            # else the nearest person before, else the sentence subject
            owner = None
            prev = re.search(r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*)\s*(?:,\s*)?(?:(?:also|later|then|separately|again|earlier|had|has|have|will)\s+)*"
                             r"(?:and|with|met|meets|received|hosted)?\s*$", text[s.start:s.start + m.start()])
            if prev:
                words = prev.group(1).split()
                while len(words) > 1 and words[0].lower().rstrip(".") in _NAME_HONORIFICS:
                    words = words[1:]  # "Prince Karim also met his counterpart": Karim's
                words[-1] = re.sub(r"['’]s$", "", words[-1])  # "Zarif's counterpart": Zarif's
                owner = self._match_person(" ".join(words))
            owner = owner or self._person_before(se, s.start + m.start())
            title = None
            if owner:
                rec = self.ents.persons[owner]
                title = rec.positions[0][0] if rec.positions else None
            while True:
                mm = re.match(r"[\s,]*(?:from\s+(?:the\s+)?\S+(?:\s\S+)?\s*,\s*)?", text[pos:s.end])
                fm = re.match(r"[\s,]*from\s+(?:the\s+)?", text[pos:s.end])
                if fm:
                    h = next((x for x in se.hits if x.start == pos + fm.end()), None)
                    if h and self.body_of(h):
                        dem = h.key
                        pos = h.end
                        continue
                span = self.name_at(pos + (mm.end() if mm else 0), s.end, after_title=True)  # a post: "Jan", "May" are names
                if not span or self._is_body(se.hits, span):
                    # "his Japanese counterpart, Foreign Minister X": a title follows; handled there
                    break
                of = dem
                fm2 = re.match(r"\s+(?:from|of)\s+(?:the\s+)?", text[span[1]:s.end])
                end = span[1]
                if fm2:
                    h = next((x for x in se.hits if x.start == span[1] + fm2.end()), None)
                    if h and self.body_of(h):
                        of = h.key
                        end = h.end
                        for pm in se.mentions:
                            if pm.start == h.start:
                                pm.role = "modifier"
                post = self.country_post(title, of)
                existing = self._person_at(se, span)
                if existing:
                    rec = self.ents.persons[existing]
                    if post and of and not any(t == post for t, _ in rec.positions):
                        rec.positions.append((post, of))
                else:
                    self.add_person(se, span[0], span[1], post, of, False, rule="counterpart")
                nxt = re.match(r"\s*(?:,\s*and|and|,)\s+", text[end:s.end])
                if not nxt:
                    break
                pos = end + nxt.end()
                dem = None

    def names_in_context(self, se: SentenceEntities) -> None:
        """A full name with no title, where only a person fits: "statements by Tom Hale and
        his administration", "talks with Paulo Nunes, who ..."."""
        s = se.sentence
        found = [(m.start(1), m.end(1), m.re is _ACTING_NAME) for m in [*_CONTEXT_NAME.finditer(s.text), *_ACTING_NAME.finditer(s.text),
                                                                        *_MET_NAME.finditer(s.text)]]
        # "the meeting between A B and C D at ...": both full names
        if "between " in s.text:
            found += [(m.start(g), m.end(g), False) for m in _BETWEEN_NAMES.finditer(s.text) for g in (1, 2)]
        for ma, mb, acting in found:
            a, b = s.start + ma, s.start + mb
            words = s.text[ma:mb].split()
            while len(words) > 1 and (words[0].lower().rstrip(".") in _NAME_HONORIFICS or words[0].lower() in STOP
                                      or words[0].lower() in _WEEKDAYS_AND_MONTHS):
                a += len(words[0]) + 1  # "welcomed by Sheikh Abdullah", "On Friday Vladimir Orlov had": the name
                words = words[1:]
            if len(words) > 2 and re.search(r"\b(?:Archbishop|Bishop|Cardinal|Patriarch|Duke|Duchess|Earl|Prince|Princess)\s+of\s+$",
                                            self.text[max(0, a - 30):a]):
                a += len(words[0]) + 1  # "Archbishop of Canterbury Justin X": the see, then the name
                words = words[1:]
            poss = _POSSESSIVE_END.search(words[-1]) if len(words) > 1 else None
            if poss:  # "During Wang Lei's visit": the name without its 's
                b -= len(poss.group(0))
                words[-1] = words[-1][:poss.start()]
            if len(words) < 2 and acting:
                continue
            if any(w.lower() in STOP or w.lower() in NOT_PERSON or w.lower() in _NOT_NAMES for w in words):
                continue
            # a city inside a longer name is a given name ("Vladimir" is also a city); anything else is not a person
            if any(h.start < b and a < h.end and not (h.kind == "city" and a <= h.start and (h.end < b or len(words) >= 3)) for h in se.hits) \
                    or any(pm.start < b and a < pm.end for pm in se.mentions):
                continue
            if _NOT_OFFICIAL.match(self.text, b):
                continue  # "said Jane Roe, an analyst at ...": not a political role
            if _REGION_OF.search(self.text, max(0, a - 30), a):
                continue  # "in the northern state of Tamil Nadu": a place
            if _MEDIA_BEFORE.search(self.text, max(0, a - 30), a):
                continue  # "the news agency Ceteka said": a medium, not a person
            self.add_person(se, a, b, None, None, False, rule="name-in-context")

    def lone_actors(self, se: SentenceEntities) -> None:
        """A lone surname acting: "Reed also met ...", "Volkov said ...", "Orlov offered to ..."."""
        text, s = self.text, se.sentence
        for m in _LONE_ACTOR.finditer(s.text):
            a, b = s.start + m.start(1), s.start + m.end(1)
            tok = m.group(1)
            if re.search(r"[A-Z][\w'’.-]*\s+$", text[max(s.start, a - 30):a]):
                continue  # part of a longer name: "Haruto Sakamoto said"
            son = re.search(r"\b(?:bin|ibn|bint|ben)\s+$", text[max(s.start, a - 6):a])
            if son:
                a = max(s.start, a - 6) + son.start()  # "bin Rashid met ...": the son, named by his father
            if tok.lower() in STOP or tok.lower() in NOT_PERSON or tok.lower() in _NOT_NAMES or tok.isupper() \
                    or self._is_body(se.hits, (a, b)) or self._person_at(se, (a, b)):
                continue
            if any(h.start <= a < h.end for h in se.hits):
                continue
            if _MEDIA_BEFORE.search(self.text, max(0, a - 30), a):
                continue  # "the news agency Ceteka said": a medium, not a person
            if any(tok in o["name"].split() or any(tok in al.split() for al in o["aliases"]) for o in self.ents.orgs.values()):
                continue  # "Anadolu also said" after "the Anadolu Agency": the body, not a person
            self.add_person(se, a, b, None, None, False, rule="actor")

    def honorific_and_speech(self, se: SentenceEntities) -> None:
        text, s = self.text, se.sentence
        for m in _HONORIFIC.finditer(text, s.start, s.end):
            span = self.name_at(m.end(), s.end)
            if not span or self._is_body(se.hits, span):
                continue
            key = self._person_at(se, span)
            if key is None:
                title = m.group(0).strip().rstrip(".")
                title = title if title in ("King", "Queen", "Emir", "Sultan") else None
                key = self.add_person(se, span[0], span[1], title, None, False, rule="honorific")
            # "his counterparts, including Uganda HE X, South Sudan HE Y": the country before the style
            country = next((h for h in se.hits if h.kind == "country" and text[h.end:m.start()] == " "), None)
            rec = self.ents.persons.get(key)
            if country and rec and not rec.country and not rec.positions:
                rec.country = country.key
                for pm in se.mentions:
                    if pm.start == country.start:
                        pm.role = "modifier"
        # "Daniyar Seitkali said", "said Daniyar Seitkali", "Both Mr X and Mr Y"
        for m in re.finditer(r"(?:^|[\s\"“(])([A-Z][\w'’\-]+(?:\s+(?:[A-Z][\w'’.\-]*|bin|al|de|da|van|von|el)){1,3})(?=\s+(?:has\s+|had\s+|also\s+|later\s+|then\s+)?" + SPEECH + r"\b)",
                             text[s.start:s.end]):
            a = s.start + m.start(1)
            span = self.name_at(a, s.start + m.end(1))
            if span and span[1] == s.start + m.end(1) and len(text[span[0]:span[1]].split()) >= 2 \
                    and not self._is_body(se.hits, span) and not self._person_at(se, span) \
                    and not _NOT_OFFICIAL.match(text, span[1]) and not _MEDIA_BEFORE.search(text, max(0, span[0] - 30), span[0]) \
                    and not _ARTICLE_BEFORE.search(text, max(0, span[0] - 4), span[0]):
                self.add_person(se, span[0], span[1], None, None, False, rule="speaker")

    def respective_countries(self, se: SentenceEntities, title_start: int, names: list[tuple[int, int]]) -> list[str] | None:
        """ "X of A and Y of B, accompanied by their respective foreign ministers, P and Q": P acts
        for A and Q for B. The countries of the latest persons named together, in order, when the
        text says the posts are respective and the counts agree."""
        text, s = self.text, se.sentence
        if not (re.search(r"\b(?:respective|both\s+countries['’]|the\s+two\s+countries['’])\s+(?:\S+\s+){0,3}$", text[max(s.start, title_start - 40):title_start])
                or re.match(r"[^.;]{0,12}?\brespectively\b", text[names[-1][1]:s.end])):
            return None
        if re.search(r"\b(?:both|the\s+two)\s+countries['’]\s+(?:\S+\s+){0,3}$", text[max(s.start, title_start - 40):title_start]):
            # "both countries' defense ministers A and B": the two countries the story paired, in order
            for earlier in reversed(self.ents.sentences[:-1]):
                cs = list(dict.fromkeys(pm.key for pm in earlier.mentions if pm.kind == "country" and pm.role == "party"))
                if len(cs) == len(names):
                    return cs
        for earlier in reversed(self.ents.sentences):
            keys = list(dict.fromkeys(pm.key for pm in earlier.mentions if pm.kind == "person" and pm.start < title_start))
            countries = [self.ents.persons[k].country for k in keys if k in self.ents.persons]
            if len(keys) >= len(names):
                picked = countries[:len(names)]
                if all(picked) and len(set(picked)) == len(picked):
                    return picked
                return None
        return None

    def _person_at(self, se: SentenceEntities, span: tuple[int, int]) -> str | None:
        for pm in se.mentions:
            if pm.kind == "person" and pm.start < span[1] and span[0] < pm.end:
                return pm.key
        return None

    def _person_before(self, se: SentenceEntities, pos: int) -> str | None:
        best = None
        for pm in se.mentions:
            if pm.kind == "person" and pm.end <= pos:
                best = pm.key
        if best:
            return best
        # the most recent person of the article
        recent = [k for k, r in self.ents.persons.items() if r.first < pos]
        return recent[-1] if recent else None

    def add_person(self, se: SentenceEntities, a: int, b: int, title: str | None, of: str | None,
                   former: bool, rule: str, name: str | None = None) -> str:
        name = name or re.sub(r"\s+", " ", _INVISIBLE.sub("", self.text[a:b])).strip()
        key = self._match_person(name) or name
        old = self.ents.persons.get(key)
        if old and key != name and title and len(name.split()) == 1 and old.positions \
                and self.gaz.titles.get(title, {}).get("rank", 2) < 3 \
                and not any(t == title or self.gaz.titles.get(t, {}).get("rank", 2) >= 3 for t, _ in old.positions):
            key = name
        rec = self.ents.persons.get(key)
        if rec is None:
            rec = self.ents.persons[key] = PersonRecord(name=name, first=a)
        elif len(name) > len(rec.name) and name != rec.name:
            # a fuller form: "Sakamoto" first, "Haruto Sakamoto" later
            rec.aliases.add(rec.name)
            self.ents.persons[name] = rec
            del self.ents.persons[key]
            for sent in self.ents.sentences:
                for pm in sent.mentions:
                    if pm.kind == "person" and pm.key == key:
                        pm.key = name
            rec.name, key = name, name
        if name != rec.name:
            rec.aliases.add(name)
        if rule not in rec.rules:
            rec.rules.append(rule)
        if of == "-":
            of = None
            rec.own_country_unnamed = True
        elif title and of is None and not former:
            of = self.gaz.titles.get(title, {}).get("default_of")
        if title:
            if former and not title.lower().startswith("former"):
                title = "Former " + title
            if of is None:
                # same title without a body: keep one
                if not any(t == title for t, _ in rec.positions):
                    rec.positions.append((title, None))
            else:
                rec.positions = [(t, o) for t, o in rec.positions if not (t == title and o is None)]
                if (title, of) not in rec.positions:
                    rec.positions.append((title, of))
        if of and of in self.gaz.countries and not former:
            rec.country = rec.country or of
        elif of and not former:
            rec.org = rec.org or of
        for pm in [pm for pm in se.mentions if pm.kind == "country" and a <= pm.start and pm.end <= b]:
            se.mentions.remove(pm)
            self.ents.countries[pm.key] -= 1
            if self.ents.countries[pm.key] <= 0:
                del self.ents.countries[pm.key]
        self.mark_origin(se, rec, b)
        if not any(pm.kind == "person" and pm.start == a for pm in se.mentions):
            se.mentions.append(PMention(a, b, "person", key, text=self.text[a:b]))
            se.mentions.sort(key=lambda pm: pm.start)
        return key

    def mark_origin(self, se: SentenceEntities, rec: PersonRecord, b: int) -> None:
        """ "Li Wen from China", "Vidal of Argentina": the country describes the person."""
        mm = re.match(r"\s+(?:from|of)\s+(?:the\s+)?", self.text[b:b + 12])
        if mm:
            h = next((x for x in se.hits if x.start == b + mm.end()), None)
            if h and h.kind in ("country", "demonym", "capital"):
                for pm in se.mentions:
                    if pm.start == h.start:
                        pm.role = "modifier"
                if not rec.country:
                    rec.country = h.key
                    rec.positions = [(t, o or h.key) for t, o in rec.positions]

    def _match_person(self, name: str) -> str | None:
        """A person already known under a shorter or longer form of this name."""
        toks = [t.lower() for t in name_tokens(name)]
        if not toks:
            return None
        best = None
        words = name.split()
        marker = words[0].lower() if len(words) > 1 and words[0].lower() in _PATRONYM_MARKERS else ""
        for key, rec in self.ents.persons.items():
            for form in [rec.name, *rec.aliases]:
                ftoks = [t.lower() for t in name_tokens(form)]
                if not ftoks or (form != rec.name and len(toks) > len(ftoks)):
                    continue  # a longer name is checked against the full name, not a short alias ("Kim")
                if marker and f" {marker} " not in f" {form.lower()} ":
                    continue  # "bin Rashid" is the son of King Rashid, not the king
                if ftoks == toks or (len(toks) >= 2 and sorted(ftoks) == sorted(toks)) or (len(ftoks) == len(toks) >= 2 and all(
                        a == b or (len(a) >= 5 and one_edit_apart(a, b)) for a, b in zip(ftoks, toks))):
                    return key  # the same name, or a misspelling of it ("Borrel", "Siorjiddin")
                if len(toks) == 1 and (hyphenated_surname(name_tokens(form)[-1]) or "").lower() == toks[0]:
                    best = best or key  # "Tehrani" after "Reza Amir-Tehrani"
                    continue
                shorter, longer = (toks, ftoks) if len(toks) <= len(ftoks) else (ftoks, toks)
                if len(shorter) < len(longer) and all(t in longer for t in shorter) and \
                        (shorter[-1] == longer[-1] or shorter[0] == longer[0] or len(shorter) == 1) and \
                        not _other_family_member(*((name, form) if len(toks) <= len(ftoks) else (form, name)), shorter, longer):
                    best = best or key
        return best

    def home(self) -> None:
        """The country an article is about: its dateline's, else its most mentioned."""
        ents = self.ents
        for se in ents.sentences[:8]:
            m = re.match(r"\s*([A-Z][A-Z .'-]{2,30})(?:,|\s+\(|\s+[-–—]|\s+&[mn]dash;)|\s*([A-Z][A-Za-z .'-]{2,30}):\s", se.sentence.text)
            if m:
                city = (m.group(1) or m.group(2)).strip().title()
                c = self.gaz.country_of_city(city) or (city if city in self.gaz.countries else None)
                if c:
                    ents.home_country = c
                    return
        for se in ents.sentences:
            if not re.search(r"[.!?][\"”’)]?$", se.sentence.text.rstrip()) or len(se.sentence.text.split()) < 6:
                continue  # headlines, bylines, timestamps: the body says whose story it is
            first = next((pm.key for pm in se.mentions if pm.kind == "country"), None)
            if first:
                ents.home_country = first
                return


def _headed(words: list[str]) -> bool:
    """A body's name ends with its head noun, or the head is followed by its qualifier:
    "... Transparency Initiative", "Ministry of Foreign Affairs"; not "Cabinet Secretary X"."""
    heads = [i for i, w in enumerate(words) if w.strip("’'s").lower() in _BODY_HEADS]
    if not heads:
        return False
    last = heads[-1]
    return last == len(words) - 1 or words[last + 1].lower() in ("of", "for", "on", "(")


def _is_title_case(text: str) -> bool:
    """A headline in title case ("Foreign Ministers Agree to Widen Talks")."""
    if text.rstrip().endswith((".", ".”", '."')):
        return False  # most sentences: checked first, it is cheap
    words = _WORD_RE.findall(text)
    return len(words) >= 5 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


_WORD_RE = re.compile(r"[A-Za-z][\w’'-]*")


def find_entities(text: str, sentences: list[Sentence], gaz: Gazetteer) -> ArticleEntities:
    """Countries, organizations and officials of one article, mention by mention."""
    return _Scanner(text, sentences, gaz).run()
