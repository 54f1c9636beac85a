"""Events: meetings and commitments, read sentence by sentence.

A trigger (a meeting verb or noun, a commitment verb) splits its clause into a subject side
and an object side; the parties on each side are the officials, or the countries and
organizations where no official is named, found by :mod:`kg.entities` and :mod:`kg.coref`.
Group descriptions ("the two officials"), pronouns ("he") and "his country" are resolved from
the sentences before. Each event records the rule that produced it, its date (relative day
words resolved against the publication date), place, occasion, status (held, planned,
cancelled) and mode (in person, phone, video).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import ahocorasick

from .coref import GROUP_RE, party_kind, person_country, resolve_group
from .dates import DATE_RE, day_phrases, resolve_day
from .entities import _WEEKDAYS_AND_MONTHS, DATELINE, GEO_AFTER, STOP, ArticleEntities, SentenceEntities
from .gazetteer import Gazetteer, lower_same_length
from .model import Commitment, Evidence, Meeting

__all__ = ["find_events", "MEETING_TRIGGERS", "COMMITMENT_TRIGGERS"]

# (rule name, pattern); the pattern's match is the trigger
MEETING_TRIGGERS = [
    ("held-talks", r"\b(?:held|hold|holds|holding|had|have|has|having|conducted|conduct|carried out|carry out|will carry out|began|begun|opened|concluded|"
                   r"renewed|resumed|launched|started|continued|wrapped up)\s+"
                   r"(?:(?!with\b|and\b|on\b|in\b|to\b)[\w'’-]+\s+){0,5}?(?:talks|meetings?|discussions|consultations|conversations?|negotiations|phone calls?|(?:phone|telephone|video)\s+talk|"
                   r"telephone calls?|calls?|video calls?|video conference|videoconference|summit|dialogue|tête-à-tête|tete-a-tete|audience)\b"),
    ("met", r"\b(?:met|meets|meet|meeting)\b(?:\s+(?:separately\s+|also\s+|again\s+|later\s+)?with\b)?"),
    ("talks-with", r"\b(?:talks|discussions?|consultations|conversation|negotiations|phone call|telephone call|call|video call|meeting|meetings|summit|tête-à-tête|encounter)\s+(?:with|between)\b"),
    ("mediation", r"\bmediat(?:ion|ing|ed|e)\s+(?:\w+\s+){0,4}?between\b"),
    ("received", r"\b(?:received|receives|receiving|receive|hosted|hosts|hosting|host|welcomed|welcomes|welcoming|welcome|greeted|greets|"
                 r"Receiving|Welcoming|Hosting)\b"),
    ("phone", r"\b(?:called|phoned|telephoned|rang|spoke|spoken|speaking|speaks|talked|talks|conferred|confers)\s+(?:by\s+phone\s+|by\s+telephone\s+|over\s+the\s+phone\s+|on\s+the\s+phone\s+|via\s+video\s+(?:link\s+)?)?"
              r"(?:(?:on|late\s+on|early\s+on)\s+\w+day\s+|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|briefly|separately)\s+)?(?:with|to)\b"),
    ("called", r"\b(?:called|calls|phoned|telephoned|dialled|dialed|rang)(?:\s+up)?\b(?=\s+(?!(?:On|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b)[A-Z])"),
    ("courtesy", r"\b(?:paid|pays|pay|paying)\s+(?:a\s+)?courtesy\s+(?:call|visit)\s+(?:on|to)\b|\bcalled\s+on\b(?=\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s*){1,6}(?:(?:at|in|on|during|and)\b|[,.](?=\s|$))(?![^.]{0,40}\bto\s+\w+))"),
    ("exchanged-views", r"\bexchanged\s+(?:views|opinions|ideas|notes|messages|greetings)\s+with\b"),
    # "X told Y during a reception in Hanoi": what was told at an encounter
    ("told-at", r"\btold\b(?=\s+(?:[A-Z][\w'’.-]*\s+|of\s+|to\s+){1,10}?(?:during|at)\s+(?:a|an|the|their)\s+(?:[\w-]+\s+)?"
                r"(?:reception|meeting|talks|audience|courtesy\s+call|phone\s+call|call)\b)"),
    # "A and B led their respective sides during the consultations"
    ("led-sides", r"\bled\s+(?:their\s+)?(?:respective\s+)?(?:sides|delegations|teams)\b"),
    ("phone-noun", r"\b(?:phone|telephone|video)\s+(?:call|conversation|conference|talks?)\b|"
                   r"\b(?:spoke|speak|speaks|talked|conferred)\s+(?:\w+\s+)?(?:by|over|on)\s+(?:the\s+)?(?:phone|telephone)\b(?!\s+(?:with|to)\b)"),
    ("sat-down", r"\bsat\s+down\s+(?:together\s+)?with\b|\b(?:had|hosted|held|attended|gave)\s+(?:an?\s+)?(?:[\w-]+\s+)?"
                 r"(?:lunch|dinner|breakfast|luncheon|banquet)\s+(?:with|for)\b|\bheld\s+(?:a\s+)?(?:bilateral|one-on-one|tete-a-tete)\s+"
                 r"(?:meeting\s+)?with\b|\bheld\s+a\s+(?:bilateral|one-on-one)\b(?=\s+(?:in|on|at|meeting|session)\b|\s*[.,])"),
    ("joint-statement", r"\b(?:issued|released|adopted|signed)\s+(?:a\s+|the\s+)?joint\s+(?:summit\s+|press\s+)?(?:statement|declaration|communiqu[eé])\b|"
                        r"\bjoint\s+(?:news|press)\s+(?:conference|briefing)\s+with\b"),
    ("their-talks", r"\b(?i:after|during|at|in|following)\s+(?:their|(?:a\s+)?bilateral)\s+(?:[\w-]+\s+){0,4}?(?:talks|meeting|summit|discussions)\b(?!\s+(?:between|with)\b)"),
    # a message carried in person: the bearer met the recipient ("X delivered a letter from Y to Z",
    # "the message was delivered to Z by X")
    ("delivered", r"\b(?:delivered|handed\s+over|handed|conveyed|presented)\s+(?:(?:an?|the|his|her|their)\s+(?:[\w'’-]+\s+){0,3}?(?:message|letter|credentials|letters?\s+of\s+credence)s?\b|"
                  r"(?i:letters?\s+of\s+credence|credentials)\b)|"
                  r"\b(?:message|letter)s?\s+(?:[\w'’-]+\s+){0,6}?(?:was|were)\s+(?:personally\s+)?(?:delivered|handed(?:\s+over)?|conveyed|presented)\b"),
    # "President A and Foreign Minister B discussed ...": two named officials of two countries talking together
    ("discussed-pair", r"\b(?:discussed|reviewed|exchanged\s+views)\b"),
    ("shook-hands", r"\bshakes?\s+hands\s+with\b|\bshook\s+hands\s+with\b|\b(?:bade|bid|bids|bidding)\s+(?:a\s+)?farewell\s+to\b"),
    ("attend", r"\b(?:attend|attends|attended|attending|participate in|participates in|participated in|participating in|"
               r"take part in|takes part in|took part in|taking part in|co-chaired|co-chairing|chaired|chairing|participation in)\b|"
               r"\brepresent(?:ed|s|ing)\s+(?:[\w'’.-]+\s+){1,6}?at\b(?=\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}"
               r"(?:summit|conference|meeting|talks|forum|session|assembly|gathering)\b)"),
    # "During a phone call on Monday, A and B discussed ...", also after a dateline ("ABU DHABI, (WAM) During ...")
    ("intro-talk", r"^\s*(?:[A-Z][A-Z .'-]{2,40},?\s*(?:\([^()]{0,80}\)\s*)?(?:[-–—:]\s*)?)?(?:After|Following|During|Before)\s+(?:a|an)\s+"
                   r"(?:[\w-]+\s+){0,3}(?:talk|talks|meeting|conversation|discussions?|call|videoconference)\b(?!\s+(?:with|between)\b)(?=[^,]{0,40},)"),
    ("joined", r"\b(?:were|was|are|is|been)\s+(?:later\s+|also\s+)?joined\s+by\b"),
    ("upcoming", r"\b(?:upcoming|future|forthcoming|planned|next)\s+(?:\w+\s+)?(?:meetings?|visits?|summits?|talks)\b"),
    ("visit", r"\b(?:visited|visits|visiting|will visit|to visit|(?:paid|pay|pays|paying) (?:a|an official|a state|a working|an official working) visit to|"
              r"arrived in|arrives in|arriving in)\b"),
]
COMMITMENT_TRIGGERS = [
    ("agreed", r"\b(?:agreed|agree|agrees|agreeing)\b(?:\s+(?:on\s+)?(?:\w+\s+){0,2}?(?:to|that|on)\b)?"),
    ("pledged", r"\b(?:pledged|pledges|pledge|pledging|vowed|vows|vow|vowing|promised|promises|promise|promising|committed themselves|committed itself|committed|commits|undertook|undertakes|resolved)\s+(?:(?:(?:late\s+|early\s+)?on\s+\w+day|today|yesterday|again|also|jointly|publicly)\s+)?(?:to\b|that\b|(?=\$|US\$|€|£|\d|an?\b|new\b|more\b|further\b|additional\b)|"
                r"(?=(?:(?:his|her|its|their|our|[A-Z][\w.’'-]*['’]s)\s+)?(?:(?!no\b|not\b|never\b)[a-z][\w-]*\s+){0,2}?"
                r"(?:support|backing|assistance|help|aid|solidarity)\b)|"
                # "promised her counterpart X that ...": the undertaking follows "that"
                r"(?<=promised\s)(?:(?:his|her|their|its|the)\s+)(?:[\w'’.-]+\s+){1,5}?that\b)"),
    ("assured", r"\bassured\b"),
    ("offered", r"\b(?:offered|offers|offer)\s+(?:to\b(?!\s+(?:the|a|an|his|her|their|its|our|this|that|these|those|[A-Z][\w'’-]*)\b)|(?:its|his|her|their)\b(?!\s+(?:\w+\s+)?(?:congratulations|condolences|thanks|greetings|"
                r"sympath(?:y|ies)|prayers|apolog(?:y|ies)|best\s+wishes|wishes|felicitations|respects)\b)|concessions\b|help\b|assistance\b|aid\b|support\b|troops\b)"),
    ("ready", r"\b(?:is|are|was|were|be|been|remains?|stands?)\s+(?:also\s+|still\s+|fully\s+)?(?:ready|willing|prepared|determined|committed)\s+to\b"),
    ("reached", r"\breached\s+(?:an?\s+)?(?:\w+\s+)?(?:consensus|agreement|deal|understanding|accord)\s+(?:to|on)\b"),
    ("accepted", r"\baccepted\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:formula|plan|proposal|offer|terms|deal|framework)\b"),
    ("reaffirmed-commitment", r"\b(?:reaffirm(?:ed|ing|s)?|reiterat(?:ed|ing|es|e)|express(?:ed|es|ing)?|confirm(?:ed|s|ing)?|declared|declaring|stated|renewed|affirm(?:ed|ing|s)?|made clear|showed|demonstrated)[\s,]+"
                              r"(?:[\w,'’-]+\s+){0,4}?(?:commitments?|determination|readiness|willingness|intention|resolve|keenness|eagerness|desire|will)\s+(?:to|of|on)\b"),
    ("agreement-reached", r"\b(?:an?\s+)?(?:agreement|deal|accord|consensus)\s+(?:was|has been|had been)\s+(?:also\s+)?reached\b"),
    ("commitment-to", r"\b(?:his|her|its|their)\s+commitment\s+to\b"),
    ("confirmed-will", r"\bconfirmed\s+that\b(?=[^.]*\b(?:will|would)\b)"),
    ("signed", r"\b(?:signed|sign|signs|inked|ink|concluded|forged|ratified|ratifies|ratify|endorsed|endorses)\s+(?:[\w-]+\s+){0,6}?(?i:agreements?|memorand(?:um|a|ums)|MoUs?|accords?|deals?|treat(?:y|ies)|letters? of intent|declarations?|protocols?|contracts?|pacts?)\b"),
    ("signed-by", r"\b(?i:an?\s+|the\s+)?(?i:agreements?|memorand(?:um|a)(?:\s+of\s+understanding)?|MoUs?|accords?|treat(?:y|ies)|pacts?|"
                  r"declarations?|protocols?|contracts?)\b[^.;]{0,120}?\b(?:was|were|has\s+been|have\s+been)\s+signed\b[^.;]{0,30}?\b(?:by|between)\b"),
    ("announced-aid", r"\b(?:announced|offered|announces|offers|approved|earmarked)\s+(?:an?\s+)?(?:[\w$€£.,-]+\s+){0,3}?(?:assistance|aid|support|funding|grant|loan|package|contribution)\b"),
    ("will", r"\b(?:[Ww]ill|would|shall)\s+(?:also\s+|further\s+|jointly\s+|continue\s+to\s+|soon\s+|now\s+)*(?:provide|support|supporting|continue|work|cooperate|help|assist|give|offer|contribute|"
             r"strengthen|deepen|expand|promote|boost|enhance|increase|send|supply|invest|fund|finance|implement|establish|build|maintain|facilitate|"
             r"propose|back|stand|deploy|donate|resume|jointly|allow|release|return|evacuate|withdraw|lift|ease|reopen|re-open|grant|accept|sign|ratify|"
             r"join|cut|reduce|halt|cease|free|repay|disburse|cooperate|coordinate|share|exchange|protect|defend|guarantee|respect|"
             r"honou?r|abide|comply|recogni[sz]e|normali[sz]e|restore|resolve|settle|mediate|open|lend|allocate|dispatch|"
             r"train|upgrade|elevate|double|accelerate|intensify|begin\s+work(?:ing)?\s+on|start\s+work(?:ing)?\s+on|negotiate|set\s+up|create)\b"),
]
# ", Minister of State in charge of Relations with Institutions of ": an apposition naming a post,
# ending at a country that is the post holder's, not another party
# "X, Minister of State in charge of ... of", "X, special envoy from the President of the Republic of"
_TITLE_OF = re.compile(r"\s*,\s+(?:the\s+)?(?:(?:[A-Z][\w'’-]*|special|personal|envoy|representative|chairman|chairperson|chairwoman|"
                       r"president|vice|deputy|minister|secretary|speaker|head|director|leader|chief)\s+){1,3}(?:of|for|from|in\s+charge\s+of)\s+"
                       r"(?:[\w'’,-]+\s+){0,10}?(?:of\s+)?(?:the\s+)?(?:[A-Z][\w-]*['’]s\s+)?$")
_TO_ATTEND = re.compile(r"[^.;]{0,40}?\bto\s+(?:participate|take\s+part|attend|join)\b")
_INCLUDING = re.compile(r"[^.;]{0,80}?,\s+including\s+")
_SEPARATE_LIST = re.compile(r"\b(?:as\s+well\s+as|including|among\s+(?:many\s+)?others|among\s+them)\b")
_TOGETHER = re.compile(r"\b(?:together|jointly|joint|trilateral|tripartite|three-way|four-way|quadrilateral|all\s+three|all\s+four|"
                       r"group|summit|among|round-?table|multilateral)\b", re.I)
_FOLLOWED_BY = re.compile(r"\bfollowed\s+by\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$")
_EVENT_NOUNS = ("meeting", "meetings", "summit", "talks", "visit", "conference", "call", "dialogue", "consultations")
_TO_BE_HELD = re.compile(r"\s+(?:(?:that\s+|which\s+)?(?:is|are)\s+)?(?:to\s+be\s+(?:held|convened|hosted|organi[sz]ed)|"
                         r"(?:scheduled|slated|planned|set)\s+(?:for|to|on|in)|expected\s+(?:to\s+take\s+place|later|next|in|on)|"
                         r"due\s+(?:to\s+take\s+place|later|next|in|on))\b")
_NEG = re.compile(r"\b(?:not|n't|never|no|without|refused|declined|rejected|denied|failed to|cancel(?:l)?ed|postponed|called off)\b", re.I)
_PLANNED = re.compile(
    r"(?:['’]ll|\b(?:will|would|shall|(?:is|are|was|were)\s+to|plans?|planned|planning|scheduled|expected|set|due|going|intends?|hopes?|hoped|ready|agreed|"
    r"seek|seeks|seeking|sought|wants?|wanted|wish(?:es)?|aims?|aiming|try|tries|trying|attempting|eager|keen|likely|might|could|"
    r"upcoming|forthcoming|next|proposed|possible|future|possibility|arrangement|invited|invitation|later this))\b\s*(?:\w+\s+){0,2}$", re.I)
_CLAUSE_END = re.compile(
    r";|:\s|,[\"”]|(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bMd)(?<!\bHon)(?<!\bGen)(?<!\bProf)(?<!\bSen)(?<!\bAmb)(?<!\bRev)(?<!\b[A-Z])\.\s|\s[-–—]\s|\bsaid\b|\bsays\b|\btold\b|\bnoted\b|\badded\b|\breported\b|,\s*(?:who|which|where|when|while|whose|as|after|before|during|amid|"
    r"following|according|and\s+(?:discussed|agreed|signed|said|exchanged|reviewed|talked|spoke|expressed|stressed)|but)\b|"
    r"\s+and\s+(?:then\s+|also\s+|later\s+)?(?:handed|delivered|conveyed|presented|briefed|thanked|invited|discussed|reviewed|"
    r"exchanged|expressed|voiced|stressed|underlined|emphasi[sz]ed|welcomed|congratulated|urged|called|praised|laid|visited|toured|attended|"
    r"conveys|discusses|reviews|urges|says|signs|invites|thanks|hails|vows|pledges|seeks|confirmed|reaffirmed|affirmed|agreed|"
    r"noted|said|stated|underscored|highlighted|shared)\b|"
    r"\b(?:appointed|nominated|named|chosen|sent|designated|elected)\s+by\b|"
    r",\s*(?:exchanging|discussing|reviewing|focusing|covering|expressing|stressing|underlining|highlighting|emphasi[sz]ing|"
    r"outlining|noting|saying|adding|calling|urging)\b|,\s*(?!including\b|involving\b|representing\b|accompanying\b|during\b)[a-z]{3,}ing\b|"
    r"\s(?:is|are|was|were|will\s+be|would\s+be)\s(?!(?:also\s+)?(?:expected|scheduled|set|due|to)\b)|"
    r"\sthat\s(?!day|week|month|year|morning|afternoon|evening|night|includ|compris|consist)|\b(?:ha[sd]|have)\s+learn(?:ed|t)\b|"
    r"\s(?:to\s+(?:discuss|talk|explore|review|examine|strengthen|deepen|boost|enhance|promote|seek|find|address|coordinate|"
    r"consider|finali[sz]e|prepare)|on\s+the\s+sidelines|on\s+the\s+margins|on\s+the\s+occasion|during|amid|after|before|ahead\s+of|"
    r"as\s+part|for\s+talks|for\s+the\s+first|in\s+order|while|because|since|where|which|on\s+behalf\s+of|as\s+well\s+as|prior\s+to|pose|posed|congratulated)\b")
_SUBJ_BREAK = re.compile(r"\b(?:[Aa]ccording\s+to|[Aa]s\s+per|[Cc]iting)\s+[^,;]{0,80},\s*|"
                         r"^\s*(?:If|Unless|Once|Although|Though)\b[^,;]{0,150},\s*|;\s|:\s|\bthat\s|(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bMd)(?<!\b[A-Z])\.\s|,\s*(?:and|but|while|as|after|when)\s|\bsaid\s+(?:that\s+)?|\bsays\s+|\btold\s+\w+\s+(?:that\s+)?|\bafter\b|\bbefore\b|\bwhen\b|\bwhile\b|\bas\b")
_OTHER_TIME = re.compile(r"\b(?:earlier|later)\s+(?:this|that|in\s+the)\s+(?:year|month|week)|\blast\s+(?:year|month|week)|"
                         r"\bprevious\b|\bago\b", re.I)
_RECEIVED_THING = re.compile(r"\s+(?:an?\s+|the\s+|his\s+|her\s+)?(?:\w+\s+)?(?:invitation|letter|message|note|award|prize|honou?r|medal|"
                             r"report|request|proposal|greetings|congratulations|condolences|assurances?|support|backing|visa|copy|"
                             r"credentials\s+of|briefing)s?\b")
_MEET_NEEDS = re.compile(r"\s+(?:its|their|his|her|the|our|all|these|those|such)?\s*(?:[\w-]+\s+){0,4}?(?:needs|demands|targets?|goals?|"
                         r"requirements|expectations|obligations|criteria|deadlines?|standards|challenges?|conditions|costs?)\b")
_SAID_WHEN = re.compile(r"\b(?:said|says|stated|noted|told\s+\w+)\s+(?:when|while|as|after|before|during)\s+$")
_HELD_AT = re.compile(r"^\s*(?:The\s+)?(?:[\w-]+\s+)?(?i:talks|discussions?|meeting|consultations|negotiations)\s+(?:was|were)\s+held\b")
_PAIR_VERB = re.compile(r"\b(?:was|were|is|are|has|have|had|started|began|ended|lasted|focused|covered|addressed|took|came|"
                        r"followed|produced|yielded|resulted|saw|will|would)\b|,\s+according\b")
_COUNTRIES_PAIR = re.compile(r"\b[Tt]he\s+([A-Z][\w-]+(?:\s[A-Z][\w-]+)?)\s+and\s+([A-Z][\w-]+(?:\s[A-Z][\w-]+)?)\s+"
                             r"(foreign\s+ministers|leaders|presidents|heads\s+of\s+state)\b")
# "discussed the ongoing negotiations with": a topic before "talks with", not an encounter (but "on Friday for talks with" is one)
_TOPIC_BEFORE = re.compile(r"\b(?:discuss(?:ed|es|ing)?|about|over|on|regarding|concerning)\s+(?!(?:during|in|at|by|via|through|\d|(?i:"
                           + "|".join(sorted(_WEEKDAYS_AND_MONTHS)) + r"))\b)(?:the\s+)?(?:\w+\s+){0,2}$")
_BY_PHONE = re.compile(r"[^.;]{0,100}?\b(?:by|over|on|via)\s+(?:the\s+)?(?:phone|telephone|video\s*(?:link|call|conference))\b")
_AND_COUNTERPART = re.compile(r"\band\s+((?:his|her)\s+(?:[A-Z][\w-]*\s+){1,2}(?:counterpart|colleague))\s+(?:also\s+|have\s+|had\s+|has\s+)?$")
# "under the administration of US President X": the government in office, not a counterpart
_UNDER_RULE_OF = re.compile(r"\bunder\s+the\s+(?:administration|leadership|presidency|government|guidance|rule)\s+of\s+(?:[\w.'’-]+\s+){0,4}$")
# ", who ...,", ", which ...,", and an apposition ", a member of the Political Bureau ...,"
_RELATIVE_CLAUSE = re.compile(r",\s+(?:who\b|which\b|(?:also\s+)?an?\s|member\s+of\b)[^,;]*,")
_PRONOUN_BEFORE = re.compile(r"\b(?:he|she)\s+(?:(?:also|later|then|had|has|again|separately)\s+)*$")
_RESTATED = re.compile(r"\b(?:this|it)\s+(?:is|was)\s+(?:the|their)\s+(?:first|second|third|fourth|latest|last)\s+(?:[\w-]+\s+)?$", re.I)
_SINCE = re.compile(r"\bsince\s+(?:they|he|she|the\s+two|both)\s+(?:\w+\s+)?$")  # "since they met": an earlier encounter
_PLACE = re.compile(r"\b(?:in|at|to|near|inside|from|visiting|visit|visited|toured|touring)\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,2}(?:city|capital|town|port|resort)\s+of\s+)?$"
                    r"|\bat\s+(?:the\s+)?(?:[\w-]+\s+){1,3}of\s+(?:the\s+)?$", re.I)
_CAPITAL_DESC = re.compile(r"\bin\s+the\s+(\S+)\s+capital\b")
# "met ... in Kananaskis on Monday": a place no list holds, named where only a place fits
_UNLISTED_PLACE = re.compile(r"\b(?:in|at)\s+([A-Z][a-z][\w'’]+(?:[\s-][A-Z][a-z][\w'’]+)?)(?=\s*(?:[,.;]|$)|\s+(?:on|last|this|earlier|later|where|during|ahead|after|before|for\s+(?:talks|a|the)|to\s+discuss)\b)")
_NOT_PLACES = _WEEKDAYS_AND_MONTHS | {
               "parliament", "congress", "council", "court", "office", "talks", "person", "private", "public", "time", "length", "detail",
               "english", "french", "arabic", "spanish", "russian", "chinese", "christmas", "easter", "ramadan", "eid",
               # a venue is not the city or country a meeting's place names
               "palace", "hotel", "house", "hall", "centre", "center", "building", "residence", "ministry", "embassy",
               "airport", "headquarters", "room", "villa", "castle", "complex", "club", "university", "school", "church",
               "mosque", "temple", "stadium", "square", "chamber", "tower", "plaza", "mansion", "secretariat",
               # a continent is not where two officials met
               "africa", "europe", "asia", "america", "americas", "oceania", "antarctica", "eurasia", "arctic"}
_OCCASION = re.compile(
    r"\b(?:[Oo]n\s+the\s+(?:sidelines|margins|fringes)\s+of|[Dd]uring|[Aa]t|to\s+attend|attend(?:ed|ing)?|in\s+the\s+framework\s+of|"
    r"ahead\s+of|participate\s+in|take\s+part\s+in|took\s+part\s+in|chair)\s+(?:the\s+|a\s+|an\s+)?"
    r"((?:(?!(?:we|they|he|she|it|will|would|have|has|had|is|are|was|were|be)\b)[\w'’.-]+\s+){0,10}?"
    r"(?:[Ss]ummit|[Cc]onference|[Ff]orum|[Mm]eeting|[Ss]ession|[Dd]ialogue|[Aa]ssembly|[Gg]athering|[Cc]ouncil|[Cc]ommission|G\d+|ministerial|Week)"
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|and|the|for))*)?)")
_INTRO = re.compile(r"\s*(?:Following|After|Ahead\s+of|Before|Prior\s+to|Upon|During|At|In|On\s+the\s+sidelines\s+of|Later|Earlier|"
                    r"(?:Speaking|Talking|Writing)\s+(?:after|before|following|during)|After\s+(?:his|her|their)|"
                    r"Receiving|Welcoming|Hosting)\b")  # "Receiving the ambassador X, Prime Minister Y said ..."
_ENVOY_OF = re.compile(r"\b(?:[Ee]nvoy|[Ee]missary|delegation|representative)\s+of\s+(?:the\s+)?(?:[\w'’.-]+\s+){0,4}$")
_SENT_GROUP = re.compile(r"\b(?:sent|dispatched)\s+(?:an?\s+|the\s+|his\s+|her\s+)?(?:[\w-]+\s+){0,2}?(?:delegation|team|mission|envoy)\s+"
                         r"(?:which|that|who)\s+(?:also\s+)?$")
# "accompanied by X", "also present was Y", "the meeting was also attended by Z": they were there too
_ALSO_THERE = re.compile(r"\baccompanied\b[^.]{0,60}?\bby\b|\b(?:[Aa]lso|were|was)\s+present\b|\balongside\b|"
                         r"\b(?:meeting|talks)[\"”’]?\s+(?:was|were)\s+(?:also\s+)?attended\s+by\b|\b[Aa]ttending\s+the\s+(?:meeting|talks)\b")
_SAID_AFTER = re.compile(r"\)?(?:\s*\([A-Z.]+\))?,?\s+(?:has\s+|had\s+)?(?:said|says|told|reported|stated|announced|noted|added)\b")
_LEFT_OUT = re.compile(r"\b(?:without|except(?:\s+for)?|excluding|excluded|absent|bar)\s+(?:the\s+)?$")
_INTRO_CLAUSE_END = re.compile(r"[^,.;]{0,40},\s*")
_PRESENT_AT = re.compile(r"\b(?:was|were)\s+(?:also\s+)?present\s+(?:in|at|during)\s+the\s+(?:meeting|talks)\b")
# "held talks on North Korea issues with X": a topic, not a party
_TOPIC_ON = re.compile(r"\b(?:on|over|about|regarding|concerning)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,4}(?:issues?|affairs|question|"
                       r"situation|crisis|file|matters?|conflict|war|dispute|denuclearization|problem)\b")
# "agreed to meet at the upcoming G-20 summit": the gathering where they meet, not a party
_AT_GATHERING = re.compile(r"\b(?:at|during|ahead\s+of)\s+the\s+(?:[\w'’-]+\s+){0,5}?(?i:summit|conference|forum|session|ministerial)\b")
_FOR_OCCASION = re.compile(r"\bfor\s+the\s+(?:[\w'’-]+\s+){0,6}?(?i:meeting|summit|talks|dialogue|conference|forum|session)\b")
_SIDELINES = re.compile(r"\b(?:[Oo]n|[Aa]t)\s+the\s+(?:sidelines|margins|fringes)\s+of\s+[^,;]*")
# where a party named is not one: the gathering, its sidelines, the topic
_CONVERSATION_WITH = re.compile(r"\s*[\"“]?(?:In|During|At|After)\s+(?:his|her|their|the|a|an)\s+(?:[\w-]+\s+)?"
                                r"(?:conversations?|meetings?|talks|calls?|discussions?)\s+with\s+[^,;]{1,80},")
_OCCASION_SPANS = (_SIDELINES, _FOR_OCCASION, _AT_GATHERING, _TOPIC_ON)
_BEFORE_SUBJECT = re.compile(r"\b(?:met|meet|meets|with|received|receives|told|called|to|by|for|from|and\s+his|includ(?:ed|es|e|ing))\b")
_ACTOR_NOUN = re.compile(r"(?:\s+and\s+\S+)?\s+(?:(?:top|senior|foreign|defen[cs]e|trade|government|military|state)\s+)?"
                         r"(?:officials?|leaders?|delegations?|side|government|counterparts?|diplomats?|negotiators?|"
                         r"authorities|envoys?|team|ministers?|presidents?|premier|prime\s+minister|leadership|"
                         r"administration|cabinet|parliament|lawmakers|troops|forces|army|navy|military|rebels|"
                         r"insurgents|militants|opposition)\b")
# any past-tense verb after a subject ("Both leaders positively evaluated ..."), when the listed verbs miss it
_PAST_VERB = re.compile(r"(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)\b[a-z]{3,}ed\b(?=\s+(?:the|a|an|their|his|her|its)\b)")
_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|said|says|met|meets|visited|held|received|hosted|agreed|signed|"
                   r"called|arrived|spoke|told|announced|discussed|pledged|vowed|will|would|reviewed|affirmed|reaffirmed|"
                   r"expressed|exchanged|stressed|underlined|emphasi[sz]ed|welcomed|hailed|praised|condemned|highlighted|"
                   r"explored|addressed|thanked|congratulated|voiced|shared)\b")
_LABEL = re.compile(r"\s*([A-Z][A-Z .'-]{2,40}):\s")
_QUOTE = re.compile(r"[\"“]([^\"”]{8,})[\"”]")
_SPEAKER_AFTER = re.compile(r"[\"”’],?\s*(?:\w+\s+){0,2}?(?:said|says|noted|added|stated|wrote|tweeted|posted|told)\b", re.I)

# substrings without which a rule cannot match: a fast test before the rule's pattern
_RULE_WORDS = {
    "held-talks": ("talk", "meeting", "discussion", "consultation", "conversation", "negotiation", "call", "summit",
                   "dialogue", "audience", "tête", "tete", "conference"),
    "met": ("met", "meet"), "talks-with": (" with", " between"), "mediation": ("mediat",),
    "received": ("receiv", "host", "welcom", "greet"), "phone": ("call", "phon", "rang", "spok", "speak", "talk", "confer"),
    "called": ("call", "phon", "dial", "rang"), "courtesy": ("courtesy", "called on"), "exchanged-views": ("exchang",), "told-at": ("told",), "led-sides": ("led ",),
    "phone-noun": ("phone", "video"), "joint-statement": ("joint",), "their-talks": ("their", "bilateral"), "sat-down": ("sat down", "lunch", "dinner", "breakfast", "luncheon", "banquet", "bilateral",
                                                   "one-on-one", "tete"), "shook-hands": ("hands", "farewell"), "discussed-pair": ("discussed", "reviewed", "exchang"), "delivered": ("message", "letter", "credential", "credence"), "attend": ("attend", "particip", "part in", "chair", "represent"),
    "joined": ("joined",), "intro-talk": ("talk", "meeting", "conversation", "discussion", "call", "videoconference"), "upcoming": ("upcoming", "future", "forthcoming", "planned", "next"), "visit": ("visit", "arriv"),
    "agreed": ("agree",), "pledged": ("pledg", "vow", "promis", "commit", "undert", "resolved"), "assured": ("assured",),
    "offered": ("offer",), "ready": ("ready", "willing", "prepared", "determined", "committed"), "reached": ("reached",),
    "accepted": ("accepted",), "reaffirmed-commitment": ("commitment", "determination", "readiness", "willingness", "intention", "resolve", "keenness",
                              "eagerness", "desire", "will "),
    "agreement-reached": ("reached",), "commitment-to": ("commitment",), "confirmed-will": ("confirmed",),
    "signed": ("sign", "ink", "concluded", "forged", "ratif", "endorse"), "signed-by": ("signed",), "announced-aid": ("announc", "offer", "approved", "earmarked"),
    "will": ("will", "would", "shall"),
}
# substrings without which no trigger of the family can match (checked before the patterns);
# every rule's own words (_RULE_WORDS) are among them
_MEET_WORDS = frozenset(w for r, _ in MEETING_TRIGGERS for w in _RULE_WORDS.get(r, ()))
_COMMIT_WORDS = frozenset(w for r, _ in COMMITMENT_TRIGGERS for w in _RULE_WORDS.get(r, ()))
_DAY_WORDS = frozenset(("day", "today", "tonight", "tomorrow", "last ", "jan", "feb", "mar", "apr", "may", "jun", "jul",
                        "aug", "sep", "oct", "nov", "dec"))
_DIGIT = re.compile(r"\d")
_PLACE_WORDS = frozenset(("meeting", "summit", "talks", "visit", "conference"))
_BODY_REPORTS = re.compile(r"\b(?:[Oo]ffice|[Mm]inistry|[Dd]epartment|[Ss]tatement|[Oo]fficials|[Gg]overnment|[Ee]mbassy|[Aa]gency|[Ss]ources)\s+"
                           r"(?:also\s+)?(?:said|says|stated|added|noted|announced)\b")
_AGREED_ON_VIEWS = re.compile(r"\w+\s+on\s+(?:an?\s+|the\s+)?(?:(?:range|number|host|series|variety)\s+of\s+|several\s+|many\s+|various\s+)?"
                              r"(?:[\w-]+\s+){0,3}?(?:issues|matters|topics|questions|subjects)\b")
_GATHERING_WORDS = frozenset(("summit", "conference", "session"))
_DELEGATION_HEADED = re.compile(r"(?:['’]s)?\s+(?:\w+\s+)?delegation\s+(?:headed|led)\s+by\s+")
_UNNAMED_ROUND = re.compile(r"\b(?:several|other|many|various|a\s+number\s+of|a\s+host\s+of|a\s+range\s+of|world)\s+(?:other\s+)?"
                            r"(?:world\s+)?(?:leaders|counterparts|officials|heads\s+of\s+(?:state|government)|ministers|dignitaries)\b")
_THESE_INCLUDED = re.compile(r"\s*(?:These|They|Those)\s+(?:included|include|were)\b")
# one Aho-Corasick pass finds which of those substrings a sentence holds, overlaps included
_RULE_WORD_AUTOMATON = ahocorasick.Automaton()
for _w in {w for ws in _RULE_WORDS.values() for w in ws} | _DAY_WORDS | _PLACE_WORDS | _GATHERING_WORDS:
    _RULE_WORD_AUTOMATON.add_word(_w, _w)
_RULE_WORD_AUTOMATON.make_automaton()


def _words_present(low: str) -> set[str]:
    """Which gate substrings a lower-cased sentence holds."""
    return {w for _, w in _RULE_WORD_AUTOMATON.iter(low)}


_DURING_VISIT_TO = re.compile(r"\b(?:during|in\s+the\s+course\s+of)\s+(?:his|her|their|a|an|the)\s+(?:[\w-]+\s+){0,2}(?:visit|trip|tour)\s+to\s+(?:the\s+)?$")
_LATER_GATHERING = re.compile(r"\b(?:ahead\s+of|upcoming|forthcoming|next|since|previous|to\s+be\s+held|will\s+be\s+held|would\s+be\s+held|scheduled|planned)\b", re.I)
_MEETING_PLACE = re.compile(r"\b(?i:meeting|summit|talks|visit|conference)\b[^.;]{0,60}?\bin\s+(?:the\s+\w+\s+(?:city|capital)\s+of\s+|the\s+[A-Z]\w+\s+capital,?\s+)?"
                            r"([A-Z][\w-]+(?:\s[A-Z][\w-]+)?)")
# (rule, pattern, gate substrings or None)
_COMPILED_MEET = [(r, re.compile(p), frozenset(_RULE_WORDS[r]) if r in _RULE_WORDS else None) for r, p in MEETING_TRIGGERS]
_COMPILED_COMMIT = [(r, re.compile(p), frozenset(_RULE_WORDS[r]) if r in _RULE_WORDS else None) for r, p in COMMITMENT_TRIGGERS]


@dataclass
class _Ctx:
    ents: ArticleEntities
    text: str
    gaz: Gazetteer
    published: str | None
    groups: list = field(default_factory=list)  # parties named together so far, latest last

    @property
    def last_group(self) -> list[str] | None:
        return self.groups[-1] if self.groups else None

    @last_group.setter
    def last_group(self, keys: list[str]) -> None:
        if keys and (not self.groups or self.groups[-1] != keys):
            self.groups.append(list(keys))
    last_subject: str | None = None
    last_date: str | None = None
    last_place: str | None = None
    last_place_sides: set | None = None  # who met at last_place (None: the story's scene, anyone's)
    ref_date: str | None = None  # for a year-less date when the article has no publication date
    last_date_sentence: int | None = None
    last_date_bodies: set = field(default_factory=set)  # the gatherings the last dated meeting was at
    last_any_date: str | None = None
    in_quote: bool = False  # inside a quotation that runs over several sentences
    label_speaker: str | None = None  # the speaker of a transcript paragraph ("SECRETARY KERRY:")
    dateline_city: str | None = None
    present: set = field(default_factory=set)  # gate substrings of the current sentence
    day_memo: dict = field(default_factory=dict)  # (sentence, future) -> the day it names
    headline_index: int | None = None  # the headline's sentence index, -1 when there is none
    occasion_places: dict = field(default_factory=dict)  # organization key -> where its gathering was
    last_gathering: str | None = None  # the last named summit or conference, for a later "during the summit"
    round_of: tuple | None = None  # (official, sentence, date, place) of "met several other leaders", for "These included ..."
    last_met: list | None = None  # the parties of the last two-party meeting read, for "the meeting between the two officials"


def _is_demonym(ctx: _Ctx, surface: str) -> bool:
    return any(k == "demonym" for k, _, _ in ctx.gaz._forms.get(surface.lower(), ()))


def _display(ctx: _Ctx, kind: str, key: str) -> str:
    if kind == "org":
        return ctx.gaz.orgs.get(key, {}).get("name", key) if key in ctx.gaz.orgs else ctx.ents.orgs.get(key, {}).get("name", key)
    return key


def _parties(ctx: _Ctx, se: SentenceEntities, a: int, b: int, sources: bool = False) -> list[tuple[str, str]]:
    """Parties mentioned in [a, b): persons, and bodies that are not modifiers or places."""
    out: list[tuple[str, str]] = []
    text = ctx.text
    for pm in se.mentions:
        if pm.start < a or pm.end > b or pm.role != "party":
            continue
        if pm.kind == "person":
            if re.match(r"['’]s?\s+(?!delegation|team|side|office|government|spokes)[a-z]", text[pm.end:pm.end + 20]):
                continue
            if re.search(r"\b(?:in|under|since)\s+(?:the\s+)?$", text[max(se.sentence.start, pm.start - 12):pm.start]) \
                    or re.match(r"['’]?s?\s+(?:era|administration|government|presidency|years)\b", text[pm.end:pm.end + 20]):
                continue
        if pm.kind == "country" and _DELEGATION_HEADED.match(text, pm.end) \
                and any(q.kind == "person" and q.start >= pm.end and q.start - pm.end <= 40 for q in se.mentions):
            continue  # "met Chinese delegation headed by X": X, for China
        if pm.kind == "country" and re.match(r"['’]s?\s+(?:\w+\s+)?(?:capital|city|port|town|coast|border)\b", text[pm.end:pm.end + 30]) \
                and re.search(r"\b(?:in|at|to|from|near|outside|inside)\s+$", text[max(se.sentence.start, pm.start - 10):pm.start]):
            continue  # "held a meeting in Iran's capital, Tehran": where, not who
        if pm.kind == "country" and re.search(r"\b(?:in|at)\s+(?:the\s+)?(?:\S+\s+){0,2}capital(?:\s+city)?\s*,?\s+$", text[max(se.sentence.start, pm.start - 40):pm.start]):
            continue  # ... and the capital named after it
        if pm.kind == "country" and pm.role == "party":
            official = re.match(r"(?:\s+and\s+\S+)?\s+(?:leaders?|presidents?|prime\s+ministers?|premiers?|heads?\s+of\s+state)\b", text[pm.end:pm.end + 40])
            holders = [k for k, r in ctx.ents.persons.items() if r.country == pm.key and not r.former]
            if official and len(holders) == 1:
                item = ("person", holders[0])
                if item not in out:
                    out.append(item)
                continue
        if not sources and _SAID_AFTER.match(text, pm.end, pm.end + 30) \
                and re.search(r",\s*(?:the\s+|a\s+)?(?:\S+\s+){0,4}\(?$", text[max(se.sentence.start, pm.start - 40):pm.start]):
            continue  # ", the Ministry of External Affairs said": the source, not a party
        if pm.kind == "country" and pm.role == "party" and _is_demonym(ctx, pm.text) and not pm.text.endswith("s") \
                and not _ACTOR_NOUN.match(text, pm.end):
            continue  # "the Argentinean Presidency", "Japanese nationals": an adjective, not an actor
        if _LEFT_OUT.search(text, max(se.sentence.start, pm.start - 16), pm.start):
            continue  # "a summit without the United States": explicitly not there
        if pm.kind != "person":
            if pm.kind == "org" and any(o is not pm and o.kind == "org" and o.start <= pm.start and pm.end <= o.end
                                        and o.end - o.start > pm.end - pm.start for o in se.mentions):
                continue  # "the Council of Foreign Ministers of the SCO": part of a longer body's name
            if pm.kind == "org" and re.search(r"[A-Za-z]\s*\($", text[max(se.sentence.start, pm.start - 3):pm.start]) \
                    and any(o.kind == "org" and o.key != pm.key and 0 <= pm.start - o.end <= 2 for o in se.mentions):
                continue  # "... of the Shanghai Cooperation Organization (SCO)": an acronym of the name before it
            holder = max((q.end for q in se.mentions if q.kind == "person" and pm.start - 160 < q.end <= pm.start), default=None)
            if holder is not None and _TITLE_OF.match(text, holder, pm.start) and not _VERB.search(text, holder, pm.start):
                continue  # "X, Minister of State in charge of Political Dialogue of Côte d'Ivoire": X's post
            before = text[max(se.sentence.start, pm.start - 40):pm.start]
            if re.search(r"[A-Z][\w-]+,\s+(?:(?:north|south|east|west|central|northern|southern|eastern|western|northeast|northwest|southeast|southwest)(?:ern)?\s+|"
                         r"(?:the\s+)?(?:capital|city|port|province|state|region)\s+of\s+(?:the\s+)?)?$", before) \
                    and any(h.kind in ("city", "capital") and h.end <= pm.start and pm.start - h.end < 25 for h in se.hits):
                continue
            if _PLACE.search(before) and not re.search(r"\bfrom\s+(?:the\s+)?$", before):
                continue
            if pm.kind == "country" and _VENUE_CITY.search(text, max(se.sentence.start, pm.start - 60), pm.start):
                continue  # "at State House, Nairobi": where, not who
            if re.match(r"['’]s\s+(?:\w+\s+){0,2}(?:officials?|delegation|government|side|ministry|foreign ministry)\b", text[pm.end:pm.end + 40]) is None \
                    and not any(h.kind == "title" and 0 < h.start - pm.end <= 4 for h in se.hits) \
                    and re.match(r"['’]s?\s", text[pm.end:pm.end + 3]) and (pm.kind == "country" or re.match(r"['’]s\s+[a-z]", text[pm.end:pm.end + 6])):
                # "Russia's military buildup": a possessive that is not the actor
                continue
        item = (pm.kind, pm.key)
        if item not in out:
            out.append(item)
    return out


_UNNAMED_COUNTERPART = re.compile(r"\s*(?:with\s+)?(?:his|her|their)\s+(?:[\w'’-]+\s+){0,2}counterpart\b(?!\s*,?\s*(?:H\.\s?E\.\s+|Mr\.?\s+)?[A-Z])")


def _unnamed_counterpart(ctx: _Ctx, se: SentenceEntities, at: int, subj: list[tuple[str, str]]) -> str | None:
    """ "received his Santomean counterpart" with no name: the official named before who holds
    the subject's post for another country."""
    if not _UNNAMED_COUNTERPART.match(ctx.text, at, se.sentence.end):
        return None
    me = next((k for kind, k in subj if kind == "person"), None)
    rec = ctx.ents.persons.get(me) if me else None
    if rec is None:
        return None
    titles = {t for t, _ in rec.positions}
    mine = person_country(ctx.ents, me)
    others = [k for k, r in ctx.ents.persons.items() if k != me and r.first < at and {t for t, _ in r.positions} & titles
              and (mine is None or person_country(ctx.ents, k) != mine)]
    if len(others) != 1:
        return None
    other = ctx.ents.persons[others[-1]]
    dem = next((h for h in se.hits if at <= h.start < at + 30 and h.kind in ("demonym", "country")), None)
    if dem and other.country is None and dem.key != mine:
        other.country = dem.key  # "his Brazilian counterpart": the one named before is Brazil's
        other.positions = [(t, o or dem.key) if t in titles else (t, o) for t, o in other.positions]
    return others[-1]


def _senders_countries(ctx: _Ctx, parties: list[tuple[str, str]], senders: set[str]) -> list[tuple[str, str]]:
    """The parties with each sender replaced by the country it serves: an envoy or a delegation
    travelled, its sender stayed home."""
    out = [("country", person_country(ctx.ents, k)) if kind == "person" and k in senders else (kind, k) for kind, k in parties]
    return [p for p in dict.fromkeys(out) if p[1]]


def _prefer_persons(ctx: _Ctx, parties: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Drop a country or organization represented by an official already among the parties."""
    persons = [k for kind, k in parties if kind == "person"]
    covered = set()
    for k in persons:
        rec = ctx.ents.persons.get(k)
        if rec:
            covered |= {o for _, o in rec.positions if o} | ({rec.country} if rec.country else set())
    out = []
    for kind, k in parties:
        if kind != "person" and _display(ctx, kind, k) in covered:
            continue
        out.append((kind, k))
    return out


def _subject_start(ctx: _Ctx, s_start: int, trig_start: int) -> int:
    seg = ctx.text[s_start:trig_start]
    last = s_start
    for m in _SUBJ_BREAK.finditer(seg):
        if m.group(0).lstrip(", ").startswith("and") and not _VERB.search(ctx.text, last, s_start + m.start()):
            continue  # "the President of Brazil, X, and the President of Argentina, Y, signed": one subject
        last = s_start + m.end()
    return last


def _object_end(ctx: _Ctx, trig_end: int, s_end: int) -> int:
    m = _CLAUSE_END.search(ctx.text, trig_end, s_end)
    return m.start() if m else s_end


def _named_inside(se: SentenceEntities, spans: list[tuple[int, int]], kinds: tuple[str, ...] | None = None) -> set[tuple[str, str]]:
    """The parties (kind, key) mentioned inside any of ``spans``: a quotation, a relative clause, an occasion."""
    return {(pm.kind, pm.key) for pm in se.mentions if (kinds is None or pm.kind in kinds)
            and any(a <= pm.start < b for a, b in spans)}


def _countries_pair(ctx: _Ctx, se: SentenceEntities, a: int, b: int) -> list[tuple[str, str]]:
    """ "the Japanese and South Korean foreign ministers met": the one holder of that post for each
    country, wherever the story names them; [] unless both are found."""
    pair = _COUNTRIES_PAIR.search(ctx.text, a, b)
    if not pair:
        return []
    found = []
    post = "Foreign Minister" if pair.group(3).lower().startswith("foreign") else None
    for g in (1, 2):
        h = next((x for x in se.hits if x.start == pair.start(g) and x.kind in ("demonym", "country")), None)
        if h is None:
            return []
        holders = [k for k, r in ctx.ents.persons.items() if person_country(ctx.ents, k) == h.key and not r.former and (
            any(t == post for t, _ in r.positions) if post else
            any(ctx.gaz.titles.get(t, {}).get("kind") in ("head_of_state", "head_of_government", "monarch") for t, _ in r.positions))]
        if len(holders) != 1:
            return []
        found.append(("person", holders[0]))
    return found


def _implicit_subject(ctx: _Ctx, se: SentenceEntities, a: int, b: int) -> list[tuple[str, str]]:
    """Parties named by a group description or a pronoun in [a, b)."""
    seg = ctx.text[a:b]
    pair = _countries_pair(ctx, se, a, b)
    if pair:
        return pair
    m = next(reversed(list(GROUP_RE.finditer(seg))), None)  # the nearest description before the verb
    named_here = list(dict.fromkeys(pm.key for pm in se.mentions if pm.kind == "person" and pm.role == "party" and pm.end <= a))
    if m and m.group(0).lower() == "they" and len(named_here) >= 2:
        return [("person", k) for k in named_here]  # "A and his counterpart B reached the agreement as they met"
    if m and m.group(0).lower() not in ("they", "we") and len(named_here) >= 2 and re.search(r"\bthat\s+$", ctx.text[max(0, a - 8):a + m.start()]):
        # "A and B announced that the two governments would ...": the two named, or their countries
        if re.search(r"(?:countries|nations|governments|states)$", m.group(0).lower()):
            countries = list(dict.fromkeys(person_country(ctx.ents, k) for k in named_here))
            if None not in countries and len(countries) >= 2:
                return [("country", c) for c in countries]
        return [("person", k) for k in named_here]
    if m:
        found = resolve_group(ctx.ents, m.group(0), a + m.start(), ctx.groups)
        if not found and m.group(0).lower() == "they":
            # "The rebels said they will ...": the parties named before in the sentence
            found = [(pm.kind, pm.key) for pm in se.mentions if pm.end <= a and pm.role == "party"]
        return found
    if re.search(r"\b(?:he|she|He|She)\b", seg) or re.search(r"\b(?:his|her|His|Her)\s+$", seg) \
            or re.search(r"\b(?:his|her|His|Her)\b", seg[:40]):
        before = [pm for pm in se.mentions if pm.kind == "person" and pm.end <= a]
        if before:
            return [("person", before[-1].key)]
        if ctx.last_subject:
            return [("person", ctx.last_subject)]
    if ctx.label_speaker and re.search(r"\b(?:I|I’m|I'm|we|We|we’re|We’re|we're|We're)\b", seg):
        return [("person", ctx.label_speaker)]  # a transcript: "SECRETARY KERRY: I ..."
    if re.search(r"\b(?:it|It)\b", seg):
        before = [pm for pm in se.mentions if pm.kind in ("country", "org") and pm.end <= a and pm.role == "party"]
        if before:
            return [(before[-1].kind, before[-1].key)]
    return []


def _date(ctx: _Ctx, sentence: str, future: bool) -> str | None:
    low = sentence.lower()
    if ("same" in low or "that day" in low) and _SAME_DAY.search(low):
        return ctx.last_any_date
    key = (sentence, future)
    if key not in ctx.day_memo:  # a sentence's day is asked for once per event it reports
        ctx.day_memo[key] = _day_named(ctx, sentence, future)
    return ctx.day_memo[key]


_SAME_DAY = re.compile(r"\bthe same day\b|\bthat day\b|\bon the same occasion\b")


def _day_named(ctx: _Ctx, sentence: str, future: bool) -> str | None:
    dl = DATELINE.match(sentence) if sentence[:1].isupper() and sentence[1:2].isupper() else None
    if dl:
        sentence = " " * dl.end() + sentence[dl.end():]  # "PARIS, Feb 20 -": the day of the report, not of the event
    bare = re.sub(r"\([^)]*\)", lambda m: " " * len(m.group(0)), sentence) if "(" in sentence else sentence  # "(October 1, 1949 - ...)"
    # "the ministry said Thursday", "according to the ministry on Thursday": the day of the report
    bare = _REPORT_DAY.sub(lambda m: m.group(1) + " " * (len(m.group(0)) - len(m.group(1))), bare)
    relative = None
    for phrase in day_phrases(bare):
        if re.search(r"\b(?:since|until|by|from)\b", phrase, re.I):
            continue
        explicit = bool(DATE_RE.search(phrase))
        d = resolve_day(phrase, ctx.published or ctx.ref_date, future=future)
        if d and explicit:
            return d  # "Yesterday, 17 February": the explicit date wins
        if d and ctx.published and relative is None:
            relative = d
    return relative


_REPORT_DAY = re.compile(r"((?:\baccording\s+to\s+[^,;.]{0,60}?|\b(?:said|says|reported|announced|told\s+\w+)\s+)(?:late\s+)?)"
                         r"(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_SAID_IN = re.compile(r"\b(?:announced|said|says|told\s+\w+|stated|declared|added|wrote|posted)\s+(?:\w+\s+)?(?:in|at)\s+(?:the\s+)?$", re.I)
# "the war in Sudan", "the situation in Gaza": a topic, not where the meeting was
_VENUE_CITY = re.compile(r"\b(?:[Aa]t|[Ii]n|[Ii]nside)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’.-]*,?\s+$")  # "at State House, Nairobi", "at State House Nairobi"
_TOPIC_IN = re.compile(r"\b(?:war|crisis|conflict|situation|fighting|violence|peace|developments|tensions|unrest|"
                       r"ceasefire|cease-fire|elections?|security|stability|humanitarian\s+\w+|investments?|projects?|"
                       r"operations?|presence|interests?|crimes|atrocities|aggression|attacks?|occupation|problems|issues|"
                       r"reforms?|residing|living|stranded|detained|nationals|refugees|citizens)\s+in\s+(?:the\s+)?$", re.I)


def _place(ctx: _Ctx, se: SentenceEntities) -> str | None:
    text = ctx.text
    s = se.sentence
    m = _CAPITAL_DESC.search(s.text)
    if m:
        h = next((x for x in se.hits if x.start == s.start + m.start(1) and x.kind == "demonym"), None)
        if h:
            caps = ctx.gaz.countries.get(h.key, {}).get("capitals") or []
            if caps:
                return caps[0]
    named = re.search(r"\b(?:city|town|village|port|resort)\s+of\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)", s.text)
    if named and not any(h.start == s.start + named.start(1) and h.kind in ("country", "org") for h in se.hits):
        return named.group(1)  # "at the border truce village of Panmunjom"
    best = None
    for h in se.hits:
        if h.kind not in ("city", "capital", "country", "demonym"):
            continue
        before = text[max(s.start, h.start - 40):h.start]
        if GEO_AFTER.match(text, h.end) or _TOPIC_IN.search(before) or _SAID_IN.search(before):
            continue  # "announced in New Delhi that he will meet ...": where it was said, not where they meet
        if h.kind in ("city", "capital") and (
                re.search(r"\b(?:in|at|outside|near)\s+(?:the\s+)?(?:(?:[\w'’-]+\s+){0,2}(?:city|capital|town)(?:\s+of)?,?\s+)?$", before, re.I)
                or re.search(r"\b(?:came|arrived|travell?ed|flew|went|headed|visit(?:ed|ing)?)\s+(?:back\s+)?(?:to\s+)?$", before, re.I)):
            return h.text
        if h.kind == "country" and (re.search(r"\bin\s+(?:the\s+)?$", before, re.I) or _DURING_VISIT_TO.search(before)) and best is None \
                and not re.match(r"['’]", text[h.end:h.end + 1]):
            best = h.key
    if best is None:
        # "talks at the Kremlin", "received at Hyderabad House": the venue's city
        for h in se.hits:
            city = ctx.gaz.venues.get(lower_same_length(h.text))
            if city and re.search(r"\b(?:at|in|inside|to)\s+(?:the\s+)?$", text[max(s.start, h.start - 12):h.start], re.I):
                return city
        for m in _UNLISTED_PLACE.finditer(s.text):
            a, b = s.start + m.start(1), s.start + m.end(1)
            if any(x.lower() in _NOT_PLACES or x.lower() in STOP for x in re.split(r"[\s-]", m.group(1))):
                continue
            if any(h.start < b and a < h.end for h in se.hits) or any(pm.start < b and a < pm.end for pm in se.mentions) \
                    or _SAID_IN.search(text[max(s.start, a - 40):a]) or _TOPIC_IN.search(text[max(s.start, a - 40):a]) \
                    or re.search(r"\bthat\b", text[s.start:a]):
                continue  # "told the press that X was his first stop in Y": what was said, not where they met
            return m.group(1)
    return best


def _sidelines_of_body(ctx: _Ctx, se: SentenceEntities) -> str | None:
    """ "on the sidelines of UNGA": a body named for its gathering."""
    for m in _SIDELINES.finditer(se.sentence.text):
        a = se.sentence.start + m.start()
        pm = next((pm for pm in se.mentions if pm.kind == "org" and a < pm.start <= a + 40
                   and re.fullmatch(r"\s*(?:on|at)\s+the\s+(?:sidelines|margins|fringes)\s+of\s+(?:the\s+)?", ctx.text[a:pm.start])), None)
        if pm:
            return pm.text
    return None


def _city_named_in(ctx: _Ctx, occasion: str | None) -> str | None:
    """ "the Antalya Diplomacy Forum", "the Munich Security Conference": the city the occasion is named after."""
    if not occasion:
        return None
    words = re.findall(r"[A-Z][\w'’-]+", occasion)
    for n in (2, 1):
        for i in range(len(words) - n + 1):
            name = " ".join(words[i:i + n])
            if (name in ctx.gaz.cities or name in ctx.gaz.capital_of) and ctx.gaz.country_of_city(name) in ctx.ents.countries:
                return name  # "the Shangri-La Dialogue" is not in Shangri-La, China, unless the story is about China
    return None


def _named_occasion(ctx: _Ctx, se: SentenceEntities, head: str) -> tuple[str, str] | None:
    """The organization of the latest named "<Org> Summit" (or conference, ...) before this sentence."""
    follows = re.compile(r"\s+(?:[\w'’-]+\s+){0,1}" + re.escape(head) + r"\b", re.I)
    for earlier in reversed(ctx.ents.sentences[:se.sentence.index]):
        for pm in reversed(earlier.mentions):
            if pm.kind == "org" and follows.match(ctx.text, pm.end):
                return ("org", pm.key)
    return None


_NOT_OCCASION = re.compile(r"^(?:their|his|her|its|our)\b|^(?:core|heart|centre|center|top|forefront|focus|end|start|beginning|close|conclusion)\s+of\b|\b(?:press|news)\s+(?:conference|briefing)\b|\b(?:said|says|told\s+\w+|announced|stated|remarked|spoke)\s+$", re.I)


_ENCOUNTER_NOUN = re.compile(r"^(?:an?\s+|the\s+)?(?:(?:bilateral|trilateral|one-on-one|separate|brief|closed-door|private|formal|informal)\s+)+")


@lru_cache(maxsize=256)
def _gathering_in(sentence: str) -> tuple[str | None, str | None]:
    """The gathering a sentence names ("on the sidelines of the G20 summit"), and the head noun of
    a bare "the summit" / "the conference" it names instead. A sentence's events ask for it more
    than once, so it is read once."""
    # "said at a press conference": where it was said, not the gathering the meeting was at
    m = next((m for m in _OCCASION.finditer(sentence) if not _NOT_OCCASION.search(m.group(1))
              and not _NOT_OCCASION.search(sentence, max(0, m.start() - 20), m.start())), None)
    if not m:
        return None, None
    occ = m.group(1).strip().rstrip(",.")
    more = re.match(r"\s+(?:[Ss]ummit|[Mm]eeting|[Ss]ession|[Cc]onference|[Ff]orum|[Mm]inisterial)(?:\s+of\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z0-9][\w'’.-]*)*)?",
                    sentence[m.end():])  # "... meeting of the Group of 20"
    if more:
        occ += more.group(0)
    # "during a meeting with X": an encounter, not a named gathering
    if len(occ) > 3 and _ENCOUNTER_NOUN.sub("", occ.lower()) not in ("meeting", "meetings", "talks", "session", "visit", "conference", "summit"):
        return occ, None
    head = occ.lower().split()[-1] if occ else ""
    if head in ("summit", "conference", "session") and re.search(rf"\bthe\s+{head}\b", m.group(0), re.I):
        return None, head
    return None, None


def _occasion(ctx: _Ctx, sentence: str) -> str | None:
    occ, head = _gathering_in(sentence)
    # "During the summit, ...": the summit the story named before
    if head and ctx.last_gathering and head in ctx.last_gathering.lower():
        return ctx.last_gathering
    return occ


_HYPOTHETICAL = re.compile(r"(?:\bif|\bwhether|\bunless)\s[^,.;:\"“]{0,90}$", re.I)


_CLOSED_QUOTE = re.compile(r"[\"“][^\"”]{1,80}[\"”]")


def _status(ctx: _Ctx, sentence: str, trig_start_rel: int, trig_text: str) -> str | None:
    # a formula quoted before the verb is not its mood: 'Sheikh X, "may God protect him", discussed ...'
    before = _CLOSED_QUOTE.sub(" ", sentence[max(0, trig_start_rel - 60):trig_start_rel])
    window = before[-40:] + trig_text
    hypo = _HYPOTHETICAL.search(sentence[max(0, trig_start_rel - 100):trig_start_rel])
    if hypo and re.search(r"\b(?:arrangements?|plans?|planned|scheduled|expected|preparations?)\b", hypo.group(0), re.I):
        return "planned"  # "questions about whether there is an arrangement for A and B to meet"
    if hypo or (sentence.rstrip().endswith("?") and not re.search(r"[\"”]", sentence[trig_start_rel:])) \
            or re.search(r"\b(?:possible|potential|eventual|hypothetical)\s+(?:[\w-]+\s+)?$", before[-30:], re.I):
        return None  # "If they meet, ...", "asked whether the two could meet", "Will they meet?"
    if re.search(r"\b(?:did\s+not|didn't|does\s+not|doesn't|won't|will\s+not|would\s+not|not\s+to|never|no\s+(?:plans?\s+to\s+)?|cannot|can't|"
                 r"(?:was|were|is|are)\s+unable\s+to|failed\s+to|could\s+not|couldn't|"
                 r"(?:has|have|had)\s+not|hasn't|haven't|hadn't|not\s+yet|"
                 r"refused\s+to|declined\s+to|rejected\s+(?:an?\s+|the\s+)?(?:invitation|offer|call|proposal)s?\s+to|"
                 r"demanded|requested|called\s+for|urged|proposed|opposed(?:\s+to)?|threatened\s+to\s+(?:stop|end|suspend|break\s+off|cancel)|"
                 r"ended|suspended|halted|broke\s+off|stopped)\s+(?:\w+\s+){0,4}$",
                 before[-40:], re.I) or re.search(r"\bno\s+(?:\w+\s+){0,2}$", before[-25:], re.I):
        return None
    if re.search(r"\b(?:cancel(?:l)?ed|postponed|called off|scrapped)\b", sentence, re.I):
        return "cancelled"
    if re.search(r"\bthe\s+first\s+(?:[\w-]+\s+){0,4}to\s+(?:\w+\s*)?$", (before[-50:] + trig_text).rstrip() + " ", re.I):
        return "held"  # "the first foreign leader to visit South Korea since ...": this visit
    agreed_there = re.search(r"\bagreed\s+$", before) and re.match(r"(?i:at|during|in|on)\b", trig_text)  # "agreed at their meeting"
    if (_PLANNED.search(before) and not agreed_there) or re.match(r"\s*(?:will|to)\b", trig_text) \
            or re.search(r"\b(?:considering|considers|mulling|weighing|eyeing|contemplating)\s+$", before):
        # "is considering visiting Seoul": a plan at most
        return "planned"
    if re.search(r"\b(?i:will|would|shall|could|might)\b|\bmay\b|['’]ll\b", window):  # "May 3 (ANI): X received": the month
        return "planned"
    return "held"


# "called for a ceasefire", "called on Israel", "called off", "so-called": not a call
_CALL_MODE = re.compile(r"\b(?:phone|telephone|phoned|telephonic(?:ally)?|dial(?:l)?ed|rang)\b|(?<!so-)\b(?:call|called|calls)\b(?!\s+(?:for|on|upon|it|them|him|her|off)\b)")


def _mode(sentence: str) -> tuple[str, str | None, str]:
    low = sentence.lower()
    if re.search(r"\bvideo\b|\bvirtual(?:ly)?\b|\bvideoconference\b|\bonline\b", low):
        return "video", "phone", "041"
    if _CALL_MODE.search(low.replace("courtesy call", "")):
        return "phone", "phone", "041"
    return "in person", None, "040"


def _speaker(ctx: _Ctx, se: SentenceEntities, pos: int) -> str | None:
    """The person a quote or "his country" belongs to: named after the quote, or the subject."""
    s = se.sentence
    after = [pm for pm in se.mentions if pm.kind == "person" and pm.start > pos]
    if _SPEAKER_AFTER.search(s.text) and after:
        return after[-1].key
    before = [pm for pm in se.mentions if pm.kind == "person" and pm.start < pos]
    if before:
        return before[0].key
    if after:
        return after[0].key
    return ctx.last_subject


def _names(ctx: _Ctx, parties: list[tuple[str, str]]) -> list[str]:
    out = []
    for kind, key in parties:
        n = ctx.ents.persons[key].name if kind == "person" and key in ctx.ents.persons else _display(ctx, kind, key)
        if n not in out:
            out.append(n)
    return out


@lru_cache(maxsize=256)
def _user_pattern(phrase: str) -> re.Pattern:
    return re.compile(r"\b" + re.escape(phrase) + r"\b")


def _triggers(s, compiled, user_phrases, present: set[str]) -> list[tuple[int, int, str, str]]:
    """(start, end, rule, text) of every trigger in a sentence, leftmost first, longest first;
    ``present`` holds the gate substrings of the sentence (:func:`_words_present`)."""
    found = []
    text, start = s.text, s.start
    for rule, rx, gate in compiled:
        if gate is not None and present.isdisjoint(gate):
            continue
        for m in rx.finditer(text):
            found.append((start + m.start(), start + m.end(), rule, m.group(0)))
    for p in user_phrases:
        for m in _user_pattern(p).finditer(text):
            found.append((start + m.start(), start + m.end(), f"user:{p}", m.group(0)))
    found.sort(key=lambda t: (t[0], -t[1]))
    return found


def _meetings_in(ctx: _Ctx, se: SentenceEntities) -> list[Meeting]:
    s, text = se.sentence, ctx.text
    out: list[Meeting] = []
    used_until = s.start
    triggers = _triggers(s, _COMPILED_MEET, ctx.gaz.meeting_triggers, ctx.present)
    # overlapping triggers: keep the first/longest
    kept = []
    for t in triggers:
        if kept and t[0] < kept[-1][1]:
            continue
        kept.append(t)
    prev_subj: list = []
    prev_status = None
    for k, (ts, te, rule, ttext) in enumerate(kept):
        status = _status(ctx, s.text, ts - s.start, ttext)
        if status is None:
            continue
        if status == "held" and prev_status == "planned" and _FOLLOWED_BY.search(text, max(s.start, ts - 40), ts):
            status = "planned"  # "would meet in May, followed by a meeting of the leaders": the plan goes on
        if status == "held" and ttext.lower().endswith(_EVENT_NOUNS) and _TO_BE_HELD.match(text, te, s.end):
            status = "planned"  # "a summit to be held early next year"
        prev_status = status
        if rule == "met" and ttext.lower() == "meet" and _MEET_NEEDS.match(text, te):
            continue  # "to help Pakistan meet its energy needs": meeting a need, not a person
        if rule == "met" and ttext.lower() == "meet" and re.search(r"\b(?:an?|the|this|that|annual|security|ministerial)\s+(?:[\w-]+\s+){0,2}$",
                                                                 text[max(s.start, ts - 30):ts], re.I):
            continue  # "an annual security meet": a gathering named, not an encounter
        if rule == "met" and re.search(r"\b(?:are|is|was|were|be|been|being)\s+$", text[max(s.start, ts - 8):ts]):
            continue  # "until their demands are met"
        if rule == "met" and ttext in ("meeting", "meetings") and re.search(r"\b(?i:the|this|that|during|after|before|at)\s+$", text[max(s.start, ts - 10):ts]) \
                and not (re.search(r"\b(?:after|before)\s+$", text[max(s.start, ts - 8):ts]) and re.match(r"\s+(?:with\s+)?(?:his\s+|her\s+)?[A-Z]", text[te:te + 12])):
            continue  # "during the meeting": a meeting already reported; "after meeting President X" is one
        if re.search(r"\b(?:offer(?:ed|s)?|propos(?:ed|es)|suggest(?:ed|s)|ready|willing|prepared)\s+to\s+(?:host|facilitate|mediate|organi[sz]e|arrange)\b[^.;]*$",
                     text[max(s.start, ts - 80):ts]):
            continue  # "offered to host talks between A and B": an offer, not a meeting
        if status == "held" and re.search(r"\b(?:agreed|agree|agrees|pledged|ready|willing|offered|plans?|invited|decided)\s+to\b[^.;]*$", text[max(s.start, ts - 80):ts]):
            status = "planned"
        if status == "held" and re.search(r"\bto\s+$", text[max(s.start, ts - 4):ts]) and re.search(
                r"\b(?:will|would|shall|expected|scheduled|set|due|plans?|planning|going|intends?|hopes?)\b[^.;]*$", text[max(s.start, ts - 100):ts]):
            status = "planned"  # "is expected to travel to Jordan on Friday to meet King X"
        if rule in ("talks-with", "met") and _RESTATED.search(text, max(s.start, ts - 45), ts):
            continue  # "This is the first conversation between the two since ...": the encounter reported before
        if rule == "upcoming":
            status = "cancelled" if status == "cancelled" else "planned"  # "A planned meeting ... was cancelled"
            if not re.search(r"\b(?:discuss|agree|plan|schedul|prepar|arrang|coordinat)", text[s.start:ts], re.I) \
                    and not re.match(r"\s+between\s+(?:[A-Z]\w+\s+){0,2}[A-Z]", text[te:te + 60]):
                continue  # "the upcoming meeting between President A and President B" is a plan
        if rule == "talks-with" and _TOPIC_BEFORE.search(text, max(s.start, ts - 40), ts):
            continue  # "discussed the ongoing negotiations with Iran": a topic, not an encounter
        subj_a = max(_subject_start(ctx, s.start, ts), used_until)
        obj_b = _object_end(ctx, te, s.end)
        inside_clause = next((r for r in _RELATIVE_CLAUSE.finditer(text, s.start, s.end) if r.start() < ts and te <= r.end()), None) \
            if ", who" in s.text or ", which" in s.text else None
        if inside_clause:
            obj_b = min(obj_b, inside_clause.end() - 1)  # "X, who is in Muscat for talks with Y, met Z": the clause's encounter ends there
        if k + 1 < len(kept):
            # "X met Y on Tuesday, and Z will meet W": the next encounter's subject starts a clause
            nxt = re.search(r",\s+(?:and|while|but|whereas)\s+", text[te:kept[k + 1][0]])
            if nxt:
                obj_b = min(obj_b, te + nxt.start())
        if ttext.endswith("between"):
            # "discussions between President A, who is on a visit to Pakistan, and Prime Minister B
            # were held": the pair runs to the verb, past the relative clause
            relative = [(r.start(), r.end()) for r in _RELATIVE_CLAUSE.finditer(text, te, s.end)]
            held_at = next((v for v in _PAIR_VERB.finditer(text, te, s.end) if not any(a <= v.start() < b for a, b in relative)), None)
            obj_b = min(obj_b if not relative else s.end, held_at.start()) if held_at else (obj_b if not relative else s.end)
        subj = _countries_pair(ctx, se, subj_a, ts) or _parties(ctx, se, subj_a, ts)
        if subj and re.match(r"\s*(?:he|she)\s+and\s", text[subj_a:ts], re.I):
            # "President X said he and Prime Minister Y held talks": X and Y
            before = [pm for pm in se.mentions if pm.kind == "person" and pm.end <= subj_a]
            who = before[-1].key if before else ctx.last_subject
            if who and ("person", who) not in subj:
                subj = [("person", who)] + subj
        if subj and _PRONOUN_BEFORE.search(text, subj_a, ts):
            # "Ruiz has been entrusted with ... ties with Mercosur and ... he also met X": he
            first = next((pm for pm in se.mentions if pm.kind == "person" and pm.start < ts
                          and not re.match(r"['’]s?\s", text[pm.end:pm.end + 3])), None)
            subj = [("person", first.key)] if first else [("person", ctx.last_subject)] if ctx.last_subject else subj
        if subj and ("envoy" in s.text or "emissary" in s.text or "delegation of" in s.text):
            # "A special envoy of Prime Minister X paid a call on Y": X's country met Y, X stayed home
            sent_by = {pm.key for pm in se.mentions if pm.kind == "person" and subj_a <= pm.start < ts
                       and _ENVOY_OF.search(text, max(s.start, pm.start - 60), pm.start)}
            if sent_by:
                subj = _senders_countries(ctx, subj, sent_by)
        if subj and ("sent " in s.text or "dispatched " in s.text) and _SENT_GROUP.search(text, max(s.start, ts - 40), ts):
            # "Prime Minister X sent a delegation which met with Y": the delegation's country met Y, not X
            subj = _senders_countries(ctx, subj, {k for kind, k in subj if kind == "person"})
        aside = ([(s.start + q.start(), s.start + q.end()) for q in _QUOTE.finditer(s.text) if subj_a <= s.start + q.start() and s.start + q.end() <= ts]
                 + [(r.start(), r.end()) for r in _RELATIVE_CLAUSE.finditer(text, subj_a, ts)]) if len(subj) >= 2 else []
        inside = _named_inside(se, aside) if aside else set()
        if inside and any(p not in inside for p in subj):
            # 'Calling Mozambique "a friend of China in Africa," X said during his meeting with Y', "X, a
            # member of the Political Bureau of the CPC, arrived in Hanoi": not China, not the bureau
            subj = [p for p in subj if p not in inside]
        obj = _parties(ctx, se, te, obj_b)
        pair_between = ttext.endswith("between")
        inside = _named_inside(se, [(r.start(), r.end()) for r in _RELATIVE_CLAUSE.finditer(text, te, obj_b)]) \
            if len(obj) >= 2 or pair_between else set()
        if inside and (pair_between or any(p not in inside for p in obj)):
            # "met Foreign Minister X, member of the Political Bureau ..., at", "between A, who ..., and B"
            obj = [p for p in obj if p not in inside]
        listed = _INCLUDING.match(text, obj_b, s.end) if rule in ("met", "talks-with", "held-talks") else None
        if listed and not any(k == "person" for k, _ in obj):
            # "met several delegates on the sidelines of UNGA, including A, B and C": the encounters
            obj_b = s.end
            obj = [p for p in _parties(ctx, se, listed.end(), s.end) if p[0] == "person"]
        if not any(k == "person" for k, _ in obj) and subj:
            other = _unnamed_counterpart(ctx, se, te, subj)
            if other:
                obj = [p for p in obj if p[0] != "country"] + [("person", other)]
            elif not obj:
                # "met his Iranian counterpart", no one of that post named: the counterpart's country
                cp = _UNNAMED_COUNTERPART.match(text, te, s.end)
                dem = next((h.key for h in se.hits if cp and te <= h.start < cp.end() and h.kind in ("demonym", "country")), None)
                if dem and ("country", dem) not in subj:
                    obj = [("country", dem)]
        if rule != "attend":
            # "on the sidelines of the AU summit", "for the annual Indonesia-Australia meeting": the
            # occasion, not a party
            occ = [(s.start + o.start(), s.start + o.end()) for rx in _OCCASION_SPANS for o in rx.finditer(s.text)] \
                if (subj or obj) else []
            if occ:
                inside = _named_inside(se, occ, ("org", "country"))
                subj = [p for p in subj if p not in inside]
                obj = [p for p in obj if p not in inside]
        intro = _INTRO.match(s.text) or rule == "intro-talk"
        comma = s.text.find(",", te - s.start if rule == "intro-talk" else 0)  # past a dateline's comma
        if intro and 0 < comma and ts - s.start < comma and not subj:
            # "Following a meeting with X, Y promised ...": the main clause's subject met X;
            # "In a phone call, X and Y discussed ...": the main clause's subjects met
            main = _parties(ctx, se, s.start + comma, _object_end(ctx, s.start + comma + 1, s.end), sources=True)
            mains = main if rule in ("phone-noun", "intro-talk") else ([p for p in main if p[0] == "person"][:1] or main[:1])
            subj = mains or _implicit_subject(ctx, se, s.start + comma, s.end)
            obj_b = min(obj_b, s.start + comma)
            obj = _parties(ctx, se, te, obj_b)
        elif not subj and used_until == s.start and rule in ("met", "talks-with") and not ttext.endswith("between") \
                and (re.search(r"[\"“”]", text[s.start:ts]) or not _implicit_subject(ctx, se, subj_a, ts)):
            # not what a quotation before the verb names: '"... Japan-South Korea relations," X said after talks with Y'
            quoted = [(s.start + q.start(), s.start + q.end()) for q in _QUOTE.finditer(text[s.start:ts])]
            subj = [p for p in _parties(ctx, se, s.start, ts) if p not in _named_inside(se, quoted)]
        if not subj and _SAID_WHEN.search(text, max(s.start, ts - 40), ts):
            # "..., Foreign Minister Li Wen said when holding talks with X": the speaker held them
            speaker = [pm for pm in se.mentions if pm.kind == "person" and pm.end <= ts]
            subj = [("person", speaker[-1].key)] if speaker else subj
        if not subj and re.search(r"\b(?:after|before|when|while|upon|on)\s+(?:being\s+|having\s+(?:been\s+)?)?$", text[max(s.start, ts - 22):ts]):
            # "X told the press after being received by Y", "X spoke after meeting Y": the main clause's subject
            first = next((pm for pm in se.mentions if pm.kind == "person" and pm.role == "party" and pm.end <= ts
                          and not re.match(r"['’]s?\s", text[pm.end:pm.end + 3])), None)
            subj = [("person", first.key)] if first else subj
        if not subj and prev_subj and re.search(r"\bto\s+$|\band\s+(?:then\s+|later\s+|also\s+)?$", text[max(s.start, ts - 12):ts]):
            # "X was visiting Germany to attend ...", "X arrived and met ..." (but "..., and the two leaders
            # agreed to meet": the pair)
            subj = (_implicit_subject(ctx, se, subj_a, ts) if GROUP_RE.search(text, subj_a, ts) else []) or prev_subj
        if rule == "told-at":
            # '"...," President X told Y': the teller, not what the quoted words name
            teller = next((pm for pm in reversed(se.mentions) if pm.kind == "person" and pm.end <= ts and ts - pm.end <= 3), None)
            subj = [("person", teller.key)] if teller else subj
        if rule == "joint-statement" and len([p for p in subj if p[0] == "person"]) < 2 and not ttext.endswith("with"):
            continue  # only officials issuing a statement together have met (or one "in a joint news conference with" another)
        if rule == "their-talks":
            # "according to the statement released after their summit talks": the pair named before;
            # "A and B agreed at their first meeting": the pair of this sentence
            here = [p for p in _parties(ctx, se, s.start, ts) if p[0] == "person"]
            if len(here) < 2 and _INTRO_CLAUSE_END.match(text, te, s.end) and not ctx.last_group:
                # "In a joint statement issued after their talks, A and B agreed ...": the pair of the main clause
                after = _INTRO_CLAUSE_END.match(text, te, s.end).end()
                here = [p for p in _parties(ctx, se, after, _object_end(ctx, after, s.end)) if p[0] == "person"]
            subj = here if len(here) >= 2 else [(party_kind(ctx.ents, k), k) for k in (ctx.last_group or [])]
            obj = []
            if len(subj) < 2:
                continue
        if rule == "talks-with" and ttext.endswith("between"):
            subj = []
            if len(obj) < 2:
                g = GROUP_RE.match(text, te + 1)
                if g and ctx.last_met and len(ctx.last_met) == 2 and re.search(r"\b(?:two|both)\b", g.group(0), re.I) \
                        and re.search(r"\bthe\s+$", text[max(s.start, ts - 5):ts]):
                    obj = list(ctx.last_met)  # "the meeting between the two officials": the meeting just reported
                elif g:
                    obj = resolve_group(ctx.ents, g.group(0), te, ctx.groups)
        if rule in ("attend",):
            # attending a meeting of an organization: the organization is the other party;
            # co-chairing a meeting: the chairs met
            obj = [p for p in obj if p[0] == "org"]
            head = re.search(r"\b(?:meeting|summit|session|conference|forum|council|assembly|gathering|dialogue)\b",
                             text[te:obj_b if obj_b > te else s.end], re.I)
            if not head:
                continue
            if not obj and re.match(r"\s*the\s+$", text[te:te + head.start()]):
                # "represented the EU at the summit": the summit the article named before
                named = _named_occasion(ctx, se, head.group(0))
                obj = [named] if named else []
            if not obj and len(subj) < 2:
                continue
        if rule == "visit":
            # a visit to a country or city is a meeting with its host (PLOVER CONSULT, mode visit);
            # "arrived in" only when the sentence says it is a visit or talks
            if ttext.startswith("arriv") and not re.search(r"\bvisit|\btalks\b|\bmeet", s.text):
                continue
            dest = next((h for h in se.hits if te <= h.start <= te + 6 and h.kind in ("country", "capital", "city")), None)
            visited = [p for p in obj if p[0] == "person"]
            host = None
            if dest is None and visited and re.search(r"\bvisit\s+to$", ttext) and subj:
                # "paid a visit to President X": a meeting with X
                obj, rule = visited[:1], "courtesy"
            elif dest is not None:
                host = dest.key if dest.kind == "country" else ctx.gaz.country_of_city(dest.key if dest.kind == "city" else dest.text)
            if rule == "courtesy":
                pass
            elif not host or not subj or any(k == "country" and v == host for k, v in subj) \
                    or all(k == "person" and person_country(ctx.ents, v) == host for k, v in subj):
                continue  # an official going to their own country is not visiting it
            elif ttext.startswith("arriv") and _TO_ATTEND.match(text, dest.end, s.end):
                # "arrived in Minsk to participate in the talks": they meet each other, not the host
                if len([p for p in subj if p[0] == "person"]) < 2:
                    continue
                rule, obj = "attend", []
            else:
                obj = [("country", host)]
        partner = _AND_COUNTERPART.search(text, subj_a, ts) if rule == "discussed-pair" and len(subj) == 1 else None
        if partner:
            # "A and his Turkish counterpart discussed ...": the counterpart named before, else the country
            other = _unnamed_counterpart(ctx, se, partner.start(1), subj)
            dem = next((h for h in se.hits if partner.start(1) <= h.start < partner.end() and h.kind in ("demonym", "country")), None)
            subj = subj + ([("person", other)] if other else [("country", dem.key)] if dem else [])
        if rule == "discussed-pair" and len(subj) == 2 and _BY_PHONE.match(text, te, s.end) and re.search(r"\band\b", text[subj_a:ts]) \
                and not ctx.in_quote and len({person_country(ctx.ents, k) if kind == "person" else k for kind, k in subj} - {None}) == 2:
            obj = []  # "A and his Turkish counterpart discussed the situation by phone": the two sides of a call
        elif rule == "discussed-pair":
            named = [p for p in subj if p[0] == "person"]
            last = max((pm.end for pm in se.mentions if pm.kind == "person" and subj_a <= pm.start < ts), default=None)
            if len(named) < 2 or len(named) != len(subj) or not re.search(r"\band\b", text[subj_a:ts]) \
                    or last is None or not re.fullmatch(r"\s*(?:also\s+|have\s+|had\s+|has\s+|jointly\s+|then\s+)*", text[last:ts]) \
                    or len({person_country(ctx.ents, k) for _, k in named} - {None}) < 2 or ctx.in_quote \
                    or s.text.lstrip().startswith(("\"", "“")) \
                    or any(a <= ts < b for a, b in ((s.start + q.start(), s.start + q.end()) for q in _QUOTE.finditer(s.text))):
                continue
            obj = []
        if rule == "delivered":
            # the bearer and the recipient; the sender ("from Y") stays at home
            by = re.search(r"\bby\s+", text[te:obj_b])
            to = re.search(r"\bto\s+", text[te:te + by.start()] if by else text[te:obj_b])
            recipients = [p for p in _parties(ctx, se, te + to.end(), te + (by.start() if by else obj_b - te)) if p[0] == "person"] if to else []
            if re.search(r"\b(?:was|were)\s+", ttext):
                # not the sender named inside the bearer's post: "by President X's envoy Y", "by the Special Envoy of the King, Y"
                bearer = [p for p in _parties(ctx, se, te + by.end(), s.end) if p[0] == "person" and not any(
                    pm.key == p[1] and (re.match(r"['’]s?\s", text[pm.end:pm.end + 3]) or re.search(r"\b(?:of|from)\s+(?:the\s+)?$", text[pm.start - 10:pm.start]))
                    for pm in se.mentions if pm.kind == "person")][:1] if by else []
                if not recipients and ctx.last_subject and re.match(r"\s*(?:The|This|That)\s", s.text):
                    recipients = [("person", ctx.last_subject)]  # "X received a message from Y. The message was delivered by Z"
                subj, obj = bearer, recipients[:1]
            else:
                subj, obj = [p for p in subj if p[0] == "person"][:1], recipients[:1]
            if not subj or not obj or subj == obj:
                continue
        if rule == "received" and not any(k == "person" for k, _ in obj) and not re.search(r"\bcall\b", text[te:te + 30]):
            continue
        if rule == "received" and _RECEIVED_THING.match(text, te):
            continue  # "received an invitation for President X": a thing, not a visitor
        if not subj:
            subj = _implicit_subject(ctx, se, subj_a, ts) if rule != "talks-with" or not ttext.endswith("between") else []
        acc = re.search(r"\baccompanied\s+by\b", text[te:s.end])
        if acc and rule == "delivered":
            subj = subj + [p for p in _parties(ctx, se, te + acc.end(), s.end) if p[0] == "person" and p not in obj + subj]  # the bearer's party
        elif acc:
            obj = obj + [p for p in _parties(ctx, se, te + acc.end(), s.end) if p[0] == "person" and p not in obj]
        # a body drops out when its own official stands for it on the same side of the verb
        # ("Japan's Sakamoto met ..."), not when it is the other side ("Tamm met EU ministers")
        subj_p = _prefer_persons(ctx, subj)
        parties = subj_p + [p for p in _prefer_persons(ctx, obj) if p not in subj_p]
        both = _prefer_persons(ctx, parties)
        if len(both) >= 2:
            parties = both  # "the two leaders agreed ..., and Australia will host": Australia's leader is there
        if len(parties) < 2:
            continue
        if rule in ("met", "upcoming") and not obj and len(subj) < 2:
            continue
        if rule == "upcoming":
            between = re.match(r"\s+between\b", text[te:te + 12])
            obj = []
            # "the upcoming meeting between A and B": the pair after "between"; else the subject
            parties = _prefer_persons(ctx, _parties(ctx, se, te, obj_b) if between else subj)
            if len(parties) < 2:
                continue
            if between:
                subj = parties  # the group a later "the two leaders" refers to
        future = status == "planned"
        mode, plover_mode, cameo = _mode(s.text)
        if mode == "phone" and "courtesy call" in text.lower() and re.search(r"\bthe\s+call\b", s.text, re.I) \
                and not re.search(r"phone|telephon|video|\bcalled\b|\bcalls\b", s.text, re.I):
            mode, plover_mode, cameo = "in person", None, "040"  # "during the call": the courtesy call reported before
        days_named = len(obj) >= 2 and len(day_phrases(text[te:obj_b])) >= 2  # "met A on Monday and B on Tuesday"
        if len(subj) == 1 and len(obj) >= 2 and (days_named or _one_by_one(ctx, s, subj, obj, rule, ts, te, obj_b, ttext, mode)):
            groups = [subj + [o] for o in obj if o not in subj]  # separate encounters
        else:
            groups = [parties]
        near = text[max(s.start, ts - 60):min(s.end, te + 80)]
        for parties in groups:
            meeting = _new_meeting(ctx, se, parties, subj, obj, rule, status, future, mode, plover_mode, cameo,
                                   passive=bool(re.search(r"\b(?:was|were|been|being|is|are)\s+(?:\w+\s+)?$", text[max(s.start, ts - 24):ts])))
            if meeting and len(parties) == 2:
                ctx.last_met = list(parties)
            if len(kept) > 1:
                # several encounters in one sentence: each takes the day named in its own clause,
                # or one named before them all ("On Monday, X met Y and later Z")
                meeting.date = _date(ctx, text[subj_a:obj_b], future) or _date(ctx, text[s.start:kept[0][0]], future)
            if days_named and len(groups) > 1:
                # "met A on Monday and B on Tuesday": each takes the day named after it
                other = parties[-1]
                starts = sorted(pm.start for pm in se.mentions if (pm.kind, pm.key) in obj and te <= pm.start < obj_b)
                here = next((pm for pm in se.mentions if (pm.kind, pm.key) == other and te <= pm.start < obj_b), None)
                if here is not None:
                    nxt = next((p for p in starts if p > here.start), obj_b)
                    meeting.date = _date(ctx, text[here.end:nxt], future) or meeting.date
            meeting._other_time = bool(_OTHER_TIME.search(near) or _SINCE.search(text, max(s.start, ts - 30), ts))
            meeting._definite = rule in ("talks-with", "met") and bool(re.search(r"\b[Tt]he\s+$", text[max(s.start, ts - 5):ts]))
            meeting._sentence = s.index
            meeting._headline = _is_headline(ctx, s)
            out.append(meeting)
        if not inside_clause:  # (the main clause's subject comes before a relative clause)
            used_until = te if rule == "visit" else obj_b
        prev_subj = subj
        ctx.last_group = [k for kind, k in (subj + [o for o in obj if o not in subj])]
    # "visiting Germany to attend a meeting of the G7": the visit serves the meeting reported with it
    guests = {m.guest for m in out if m.plover_mode == "visit"}
    if guests and len(out) > 1:
        out = [m for m in out if m.plover_mode != "visit" or not any(
            m.guest in o.participants and o.status == m.status for o in out if o is not m and o.plover_mode != "visit")]
    return out


def _new_meeting(ctx, se, parties, subj, obj, rule, status, future, mode, plover_mode, cameo, passive=False) -> Meeting:
        s = se.sentence
        host = guest = None
        if rule == "visit":
            host, guest = _names(ctx, obj)[0], _names(ctx, subj[:1])[0]
            plover_mode, cameo = "visit", "042"
        if rule == "mediation":
            plover_mode, cameo = None, "045"
        if rule == "received" and subj and obj:
            host, guest = _names(ctx, subj[:1])[0], _names(ctx, obj[:1])[0]
            if passive:
                host, guest = guest, host  # "X was received by Y": Y hosts
            plover_mode, cameo = plover_mode or "host", "043" if mode == "in person" else cameo
        if rule == "attend":
            plover_mode = "multilateral"
        meeting = Meeting(
            participants=_names(ctx, parties),
            evidence=Evidence(s.text, s.start, s.end, rule=f"meeting:{rule}"),
            # a call has no meeting place ("In a telephone conversation, X congratulated Y on a win in Z")
            date=_date(ctx, s.text, future),
            place=(_place(ctx, se) or _city_named_in(ctx, _occasion(ctx, s.text))) if mode == "in person" else None,
            occasion=_held_occasion(_occasion(ctx, s.text) or _sidelines_of_body(ctx, se), status),
            status=status, mode=mode, host=host, guest=guest,
            plover="CONSULT" if status == "held" else "AGREE", plover_mode=plover_mode,
            cameo=cameo if status == "held" else "036",
            confidence=0.9 if len(subj) and len(obj) else 0.7,
        )
        return meeting


def _held_occasion(occasion: str | None, status: str) -> str | None:
    """An "upcoming summit" is where a plan is to be met, not the occasion of talks already held."""
    if occasion and status == "held" and re.match(r"(?i:upcoming|forthcoming|next)\b", occasion):
        return None
    return occasion


def _with_speaker(ctx: _Ctx, subj: list[tuple[str, str]], speaker: str | None) -> list[tuple[str, str]]:
    """The one country or body that commits, with the official who speaks for it: the official alone
    when it is their own country, beside it otherwise. A spokesperson only reports the country's
    undertaking, so the country stays."""
    rec = ctx.ents.persons.get(speaker) if speaker else None
    if not speaker or (rec and rec.positions and all(t.startswith("Spokes") for t, _ in rec.positions)):
        return subj
    if subj[0][0] == "country" and person_country(ctx.ents, speaker) in (None, subj[0][1]):
        return [("person", speaker)]
    return [("person", speaker)] + subj


def _one_by_one(ctx: _Ctx, s, subj, obj, rule: str, ts: int, te: int, obj_b: int, ttext: str, mode: str) -> bool:
    """Whether one official met each of several others apart rather than all together: "held
    meetings with A and B", "A, B, as well as C", "called A, B
    and C" (unless a conference call), officials of one country ("X will hold talks with President A
    and Foreign Minister B"), a round of four or more leaders or countries, one for each country.
    Three officials of as many countries named together meet together unless the text says otherwise."""
    text = ctx.text
    if re.search(r"\bmeetings\b|\bseries\b|\bseparate|\bbilateral\b", ttext + text[ts - 40:te]):
        return True
    persons_obj = [o for o in obj if o[0] == "person" and o not in subj]
    if len(persons_obj) >= 2 and _SEPARATE_LIST.search(text, te, min(s.end, obj_b + 16)):
        return True
    if mode == "phone" and subj[0][0] == "person" and not re.search(r"conference|trilateral|three-way|joint|together", s.text, re.I):
        return True
    if rule in ("attend", "joined") or _TOGETHER.search(s.text):
        return False
    sides = {person_country(ctx.ents, k) if kind == "person" else k for kind, k in obj} - {None}
    if len(persons_obj) == len(obj) and (len(sides) <= 1 or len(sides) >= 4):
        return True
    return len(obj) >= 4 and len(sides) >= 4


def _commitments_in(ctx: _Ctx, se: SentenceEntities) -> list[Commitment]:
    s, text = se.sentence, ctx.text
    out: list[Commitment] = []
    triggers = _triggers(s, _COMPILED_COMMIT, ctx.gaz.commitment_triggers, ctx.present)
    kept = []
    for t in triggers:
        # one commitment per clause: a trigger inside the content of the previous one is the same pledge
        if kept and t[0] < _content_end(text, kept[-1][1], s.end):
            continue
        kept.append(t)
    for ts, te, rule, ttext in kept:
        before = text[max(s.start, ts - 50):ts]
        if _NEG.search(before[-25:]) or re.search(r"\b(?:asked|asking|asks|urged|urging|urges|called on|calls on|calling on|requested|requesting|requests|"
                                                    r"pressed|pressing|encouraged|encouraging|hope[sd]?|wants?|wanted|if)\b[^,]*$", before[-60:], re.I):
            continue
        if rule == "agreement-reached" and re.match(r"(?:The|This|That)\b", ttext.strip()) is None \
                and re.search(r"\b(?:The|This|That)\s+$", text[max(s.start, ts - 6):ts]):
            continue  # "The consensus was reached after ...": an agreement already reported
        if rule == "agreed" and ttext.endswith("that") and not re.search(
                r"\b(?:will|would|shall)\b|\b(?:they|we|their\s+(?:countries|governments|nations|sides)|both\s+\w+|the\s+two\s+\w+|each\s+other)\s+(?:should|must)\b",
                text[te:_content_end(text, te, s.end)]):
            continue  # "agreed that X should ...": a shared view, not an undertaking
        if rule == "agreed" and _AGREED_ON_VIEWS.match(text, ts):
            continue  # "agreed on a range of regional security issues": a shared view
        if rule in ("pledged", "announced-aid") and re.search(r"\b(?:has|have|had)\s+$", text[max(s.start, ts - 6):ts]) \
                and re.search(r"\bsince\b", text[te:_content_end(text, te, s.end)]):
            continue  # "Britain has committed 977 million pounds ... since the invasion": a total so far, not a pledge
        if re.search(r"\b(?:must|should|reneged\s+on|backed\s+away\s+from|abandoned|withdrew\s+from|refused|rejected)\s+(?:\w+\s+){0,2}$", before[-45:], re.I):
            continue
        if rule == "will":
            # the modal's subject must be a party or stand for one: "Japan will", "his country will", "we will"
            near = text[max(s.start, ts - 30):ts]
            if not (any(pm.end <= ts and ts - pm.end <= 4 for pm in se.mentions if pm.role == "party")
                    or re.search(r"\b(?:[Ww]e|[Tt]hey|[Hh]e|[Ss]he|[Ii]t|[Hh]is\s+(?:country|government)|[Hh]er\s+(?:country|government)|(?:the\s+)?(?:two|both)\s+\w+|its\s+government)\s+(?:also\s+)?$", near)
                    or (s.text.lstrip("\"“‘ ").startswith(ttext) and ts - s.start <= 3)):
                continue
        subj_a = _subject_start(ctx, s.start, ts)
        subj = _countries_pair(ctx, se, subj_a, ts) or _parties(ctx, se, subj_a, ts)
        relative = [(r.start(), r.end()) for r in _RELATIVE_CLAUSE.finditer(text, subj_a, ts)]
        if relative and len(subj) > 1:
            # "Chancellor X, who spoke with Y by phone on Thursday, promised ...": X promised
            outside = [p for p in subj if any(pm.start < ts and (pm.kind, pm.key) == p and not any(a <= pm.start < b for a, b in relative)
                                              for pm in se.mentions if subj_a <= pm.start)]
            subj = outside or subj
        participle = ttext.lower().startswith(("pledging", "vowing", "promising")) and re.search(r",\s*$", text[max(subj_a, ts - 4):ts])
        if subj and (participle or re.search(r"\s+and\s+(?:also\s+)?$", text[max(subj_a, ts - 12):ts])) and not re.search(r"\btheir\b", ttext):
            # "The Secretary welcomed Pakistan's chairmanship of the G77 and committed to ...", "X thanked
            # China for its help, vowing to ...": the subject of the first verb, not the objects in between
            first_verb = _VERB.search(text, subj_a, ts) or _PAST_VERB.search(text, subj_a, ts)
            if first_verb:
                # ("Both the leaders evaluated the outcome of the Joint Commission and agreed to ...": the leaders)
                described = GROUP_RE.search(text, subj_a, first_verb.start())
                subj = _countries_pair(ctx, se, subj_a, first_verb.start()) or _parties(ctx, se, subj_a, first_verb.start()) \
                    or (_implicit_subject(ctx, se, subj_a, first_verb.start()) if described else subj)
        sidelines = _named_inside(se, [(s.start + o.start(), s.start + o.end()) for o in _SIDELINES.finditer(s.text)], ("org",))
        if sidelines:  # "on the sidelines of the BRICS summit, agreeing to ...": BRICS does not agree
            subj = [p for p in subj if p not in sidelines]
        intro = _CONVERSATION_WITH.match(text, s.start, ts)
        if intro and subj:
            # "In his conversation with X, the president reiterated his commitment to ...": not X
            inside = _named_inside(se, [(intro.start(), intro.end())])
            subj = [p for p in subj if p not in inside] or _implicit_subject(ctx, se, intro.end(), ts)
        if rule == "signed-by":
            # "An agreement was signed today by A and B, establishing ...": the signers follow "by"
            tail = _SIGNERS_END.search(text, te, s.end)
            subj = [p for p in _parties(ctx, se, te, tail.start() if tail else s.end) if p[0] in ("person", "country", "org")]
            g = GROUP_RE.match(text, te + 1) if ttext.endswith("between") and not subj else None
            if g:  # "were signed between the two countries"
                subj = resolve_group(ctx.ents, g.group(0), te, ctx.groups)
        in_quote = any(qm.start() + s.start < ts < qm.end() + s.start for qm in _QUOTE.finditer(s.text)) \
            or ctx.in_quote or bool(re.search(r"[,.!?]?[\"”]\s*,?\s*(?:\S+\s+){0,3}(?:said|says|tweeted|wrote|posted|added|noted|stated)\b", text[ts:s.end]))
        seg = text[subj_a:ts]
        if re.search(r"\b(?:his|her)\s+(?:country|government|nation)\b", seg) or (in_quote and re.search(r"\b(?:we|We|I)\b", seg)):
            sp = _speaker(ctx, se, ts)
            subj = [("person", sp)] if sp else subj
        elif not subj and rule == "agreement-reached" and ctx.last_group:
            subj = [(party_kind(ctx.ents, k), k) for k in ctx.last_group]
        elif not subj:
            subj = _implicit_subject(ctx, se, subj_a, ts)
            first_verb = _VERB.search(text, s.start, ts)
            if not subj and first_verb and re.search(r",?\s+and\s+(?:also\s+)?$", text[max(s.start, ts - 12):ts]):
                # "The two leaders reviewed ..., and affirmed ...": the first verb's subject
                subj = _parties(ctx, se, s.start, first_verb.start()) or _implicit_subject(ctx, se, s.start, first_verb.start())
            if not subj and in_quote and not re.match(r"\s*[\"“]?\s*(?:It|This|That|These|Those|Such)\b", text[subj_a:ts]):
                # (but "It will also help ...": the thing quoted about, not the speaker)
                sp = _speaker(ctx, se, ts)
                subj = [("person", sp)] if sp else []
        rep = re.search(r"\b(?:said|says|stated|added|noted|announced|told\s+\w+)\s+(?:that\s+)?(?:\S+\s+){0,4}$", text[s.start:ts]) \
            or re.search(r"\b(?:said|says|stated|added|noted|announced|told|assured|informed)\b[^.;\"“]{0,80}?\bthat\s+(?:\S+\s+){0,4}$", text[s.start:ts])
        if rep and len(subj) == 1 and all(k != "person" for k, _ in subj):
            # "X said Kenya would support ...": X speaks for Kenya
            if not _BODY_REPORTS.search(text, s.start, ts):  # ("The foreign office said Britain would ...": the body reports)
                subj = _with_speaker(ctx, subj, _speaker(ctx, se, s.start + rep.start()))
        end = _content_end(text, te, s.end)
        if len(subj) == 1 and all(k != "person" for k, _ in subj) and not in_quote:
            # "Japan will provide ..., Prime Minister X told a conference": X speaks for Japan
            tail = _SPEAKER_TAIL.match(text, end, s.end)
            subj = _with_speaker(ctx, subj, next((pm.key for pm in se.mentions if pm.kind == "person" and tail
                                                  and end <= pm.start < tail.end(1)), None))
        subj = _prefer_persons(ctx, subj)
        if not subj:
            continue
        cstart = te
        if rule == "will":  # "will provide X": the undertaking starts at the verb
            mv = re.match(r"(?:[Ww]ill|would|shall)\s+", text[ts:te])
            cstart = ts + (mv.end() if mv else 0)
        elif rule == "announced-aid":  # "announced a $50 million aid package for ...": the package is the undertaking
            cstart = ts + len(re.match(r"\w+\s+", text[ts:te]).group(0))
        elif rule == "assured":  # "assured the lawmakers that China would never change ...": what follows "that"
            mv = re.match(r"[^.;]{0,80}?\bthat\s+", text[te:end])
            cstart = te + (mv.end() if mv else 0)
        elif rule == "confirmed-will":  # "confirmed that the two sides will work closely ..."
            mv = re.search(r"\b(?:will|would)\s+", text[te:end])
            cstart = te + (mv.end() if mv else 0)
        lead = re.match(r"\s*(?:in|during|at|after|following)\s+[^;]{0,80}?,?\s+(?=to\s)", text[cstart:end]) if rule == "agreed" else None
        if lead:  # "agreed in bilateral talks in Munich, Germany, to strengthen ...": the undertaking
            cstart += lead.end() + 3
        content = re.sub(r"\s+", " ", text[cstart:end]).strip(" ,;:\"“”'.")
        if rule == "signed-by":
            tail = _SIGNERS_END.search(text, te, s.end)
            doc = re.match(r"[^.;]*?(?=\s+(?:was|were|has\s+been|have\s+been)\s+signed)", text[ts:te]).group(0)
            content = re.sub(r"\s+", " ", doc + (" " + text[tail.end():_content_end(text, tail.end(), s.end)] if tail else "")).strip(" ,;:\"“”'.")
        if rule == "signed":
            content = re.sub(r"\s+", " ", text[ts:_content_end(text, te, s.end)]).strip(" ,;:\"“”'.")
            content = re.sub(r"^(?:signed|sign|signs|inked|ink|concluded|forged|ratified|ratifies|ratify|endorsed|endorses)\s+", "", content)
        if len(content) < 3:
            continue
        if re.search(r"\bunless\b|\bor\s+else\b", content) or re.match(r"(?:impose|punish|retaliate|attack|strike)\b", content):
            continue  # a threat, not an undertaking
        obj = [p for p in _parties(ctx, se, te, end) if p not in subj] or [
            (pm.kind, pm.key) for pm in se.mentions if te <= pm.start < end and pm.kind != "person" and pm.role == "party"
            and (pm.kind, pm.key) not in subj and _RECIPIENT.search(text, max(s.start, ts, pm.start - 120), pm.start)]
        if rule == "signed-by":
            obj = []  # the signers are the parties; what the document sets up is not a counterpart
        if rule == "pledged" and ttext.endswith("that"):  # "promised her counterpart X that ...": X first
            told = [p for p in _parties(ctx, se, ts, te) if p not in subj]
            obj = told + [p for p in obj if p not in told]
        # "under the administration of US President X": the government in office, not a counterpart
        obj = [p for p in obj if not any((pm.kind, pm.key) == p and _UNDER_RULE_OF.search(text, max(s.start, pm.start - 60), pm.start)
                                         for pm in se.mentions)]
        if sidelines:  # "including on the margins of UNGA": the occasion, not the counterpart
            obj = [p for p in obj if p not in sidelines]
        counterpart = None
        if obj:
            kind, key = obj[0]
            counterpart = _names(ctx, [obj[0]])[0]
            own = {person_country(ctx.ents, k) for kd, k in subj if kd == "person"} | {k for kd, k in subj}
            if key in own or counterpart in own:
                counterpart = None
        out.append(Commitment(
            actors=_names(ctx, subj), content=content, counterpart=counterpart,
            evidence=Evidence(s.text, s.start, s.end, rule=f"commitment:{rule}"),
            plover="SUPPORT" if rule.startswith("signed") else "AGREE", cameo="057" if rule.startswith("signed") else "030",
            confidence=0.8 if rule in ("agreed", "pledged", "signed", "signed-by") else 0.6,
        ))
        if len(subj) >= 2:
            ctx.last_group = [k for _, k in subj]
    return out


def _similar(a: str, b: str, threshold: float = 0.5) -> bool:
    ta, tb = set(re.findall(r"\w+", a.lower())), set(re.findall(r"\w+", b.lower()))
    return bool(ta | tb) and len(ta & tb) / len(ta | tb) >= threshold


def _contained(a: str, b: str, threshold: float = 0.5) -> bool:
    """Most words of the shorter text are in the other: a headline restating the body."""
    ta, tb = set(re.findall(r"\w+", a.lower())), set(re.findall(r"\w+", b.lower()))
    return bool(ta and tb) and len(ta & tb) / min(len(ta), len(tb)) >= threshold


_SPEAKER_TAIL = re.compile(r",\s*([^,;\"“”]{0,80}?)\s(?:said|says|told|announced|stated|added)\b")
# "provide $5 million to Ukraine", "support for Ukraine", "cooperate with Japan"
_SIGNERS_END = re.compile(r",\s+(?=(?:establishing|setting\s+up|creating|providing|launching|aimed|which|that|to)\b)|;")
_RECIPIENT = re.compile(r"(?:\b(?:provid|giv|gave|send|sent|suppl|deliver|offer|grant|extend|donat|contribut|hand|transfer|"
                        r"allocat|disburs|pledg|lend|lent|loan|announc|approv|earmark|commit)\w*\b[^.;]{0,80}?\bto|\bfor|\bwith)\s+(?:the\s+)?$")


def _content_end(text: str, a: int, b: int) -> int:
    m = re.search(r",\s*[^,;]{0,70}?\s(?:said|says|reported|reports|noted|notes|added|adds|stated|states|announced|announces|declared|"
                  r"confirmed|wrote|tweeted|posted|told\s+\w+)\b[^,;]*$|,\s*according\b|,\s*(?:following|after|amid|ahead\s+of)\s+(?:talks|a\s+meeting|meetings|a\s+call)\b|\s[-–—]\s|;|"
                  r",?\s+and\s+(?:we|they|he|she|it|(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})\s+will\b|\s+and\s+(?:also\s+)?(?:said|says|added|noted|stressed|told|called|urged|vowed|pledged|agreed|promised|decided|resolved|"
                  r"exchanged|discussed|reviewed|expressed|underlined|emphasi[sz]ed|conveyed|invited|thanked|welcomed|briefed|handed|"
                  r"mulled|considered|weighed|explored|examined|noted)\b"
                  r"|\s+(?:after|following|during|at)\s+(?:their|the|a|his|her)\s+(?:[\w-]+\s+){0,2}(?:talks|meetings?|summit|visit|call|conversation|discussions)\b"
                  # a witness or broker of the undertaking is not its counterpart
                  r"|,?\s+(?:in\s+the\s+presence\s+of|under\s+the\s+auspices\s+of|(?:witnessed|brokered|mediated)\s+by)\b", text[a:b])
    return a + m.start() if m else b


def find_events(ents: ArticleEntities, text: str, gaz: Gazetteer, published: str | None) -> tuple[list[Meeting], list[Commitment]]:
    """Meetings and commitments of one article, in text order, one meeting per encounter."""
    ctx = _Ctx(ents=ents, text=text, gaz=gaz, published=published)
    country_of = {r.name: person_country(ents, k) for k, r in ents.persons.items() if person_country(ents, k)}
    person_names = {r.name for r in ents.persons.values()}
    for se in ents.sentences[:8]:
        # "New Delhi [India], May 3 (ANI):" reads "New Delhi  India , ..." once the brackets are blanked
        dl = re.match(r"\s*(?:date\s+\S+\s+)?([A-Z][A-Za-z .'-]{2,30}?)(?:,|\s+\(|\s+[-–—•]|\s+&[mn]dash;|:\s|\s{2}[A-Z]|/[A-Z]|\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)", se.sentence.text)
        if dl and (dl.group(1).strip().title() in gaz.cities or dl.group(1).strip().title() in gaz.capital_of):
            ctx.dateline_city = dl.group(1).strip().title()
            break
    if not published:
        years = [m.group("year") or m.group("year2") for m in DATE_RE.finditer(text) if m.group("year") or m.group("year2")]
        if years:
            ctx.ref_date = f"{max(years)}-12-31"
    meetings: list[Meeting] = []
    commitments: list[Commitment] = []
    for se in ents.sentences:
        lab = _LABEL.match(se.sentence.text)
        if lab:
            word = lab.group(1).split()[-1].lower()
            ctx.label_speaker = next((k for k, r in ents.persons.items()
                                      if word in [t.lower() for t in r.name.split()]), None)
        s = se.sentence
        if s.furniture:
            continue
        # cheap keyword gates: most sentences have no trigger at all
        ctx.present = present = _words_present(s.text.lower())
        if not present.isdisjoint(_GATHERING_WORDS):
            named = _occasion(ctx, s.text)
            if named and named[:1].isupper() and named != ctx.last_gathering:
                ctx.last_gathering = named
        groups_before = list(ctx.groups)
        ms = _meetings_in(ctx, se) if (ctx.gaz.meeting_triggers or not present.isdisjoint(_MEET_WORDS)) else []
        if ms and len(ctx.groups) > len(groups_before):
            # "They agreed to continue consultations for a meeting involving China": "they" are the
            # parties named before this sentence, not the ones of the meeting it mentions
            groups_now, ctx.groups = ctx.groups, groups_before
            cs = _commitments_in(ctx, se) if (ctx.gaz.commitment_triggers or not present.isdisjoint(_COMMIT_WORDS)) else []
            ctx.groups = groups_now + [g for g in ctx.groups[len(groups_before):] if g not in groups_now]
        else:
            cs = _commitments_in(ctx, se) if (ctx.gaz.commitment_triggers or not present.isdisjoint(_COMMIT_WORDS)) else []
        for m in ms:
            # a gathering named again is where it was: "on the sidelines of the UN General Assembly
            # in New York" ... "on the sidelines of UNGA"
            bodies = {pm.key for pm in se.mentions if pm.kind == "org" and m.occasion and pm.text in m.occasion}
            m._bodies = bodies
            if m.place and m.status == "held":
                for b in bodies:
                    ctx.occasion_places.setdefault(b, m.place)
            elif not m.place:
                m.place = next((ctx.occasion_places[b] for b in bodies if b in ctx.occasion_places), None)
            sides = set(m.participants) | {country_of.get(p) for p in m.participants} - {None}
            if m.place and m.status == "held":
                ctx.last_place, ctx.last_place_sides = m.place, sides  # a planned visit's city is not where the story is
            elif m.status == "held" and not getattr(m, "_other_time", False) and m.mode == "in person":
                # a call has no meeting place to inherit; other parties met somewhere else ("On April 17,
                # Angola and Uganda held ..." after talks in Caracas)
                shared = ctx.last_place_sides is None or bool(sides & ctx.last_place_sides)
                m.place = (ctx.last_place if shared else None) or ctx.dateline_city
            if not m.date and m.status == "held" and not getattr(m, "_other_time", False) and ctx.last_date \
                    and ctx.last_date_sentence is not None and s.index - ctx.last_date_sentence <= 3 \
                    and not (bodies and ctx.last_date_bodies and bodies.isdisjoint(ctx.last_date_bodies)):
                m.date = ctx.last_date  # not across gatherings: a date at one summit is not the day of talks at another
            elif not m.date and bodies and ctx.last_date_bodies and bodies.isdisjoint(ctx.last_date_bodies):
                ctx.last_date = None  # the story has moved to another gathering, on a day it does not give
        if not ms and ctx.round_of and ctx.round_of[1] == s.index - 1 and _THESE_INCLUDED.match(s.text):
            # "X held bilateral meetings with several other leaders. These included A, B and C.": one each
            for pm in se.mentions:
                if pm.kind == "person" and pm.role == "party" and pm.key != ctx.round_of[0]:
                    m = Meeting(participants=_names(ctx, [("person", ctx.round_of[0]), ("person", pm.key)]),
                                evidence=Evidence(s.text, s.start, s.end, rule="meeting:round"),
                                date=ctx.round_of[2], place=ctx.round_of[3] or ctx.last_place or ctx.dateline_city,
                                plover="CONSULT", cameo="040", confidence=0.6)
                    m._sentence, m._headline, m._other_time, m._bodies = s.index, False, False, set()
                    ms.append(m)
        ctx.round_of = None
        if not present.isdisjoint(_MEET_WORDS) and _UNNAMED_ROUND.search(s.text):
            who = next((pm.key for pm in se.mentions if pm.kind == "person" and pm.role == "party"), None) or ctx.last_subject
            if who:
                ctx.round_of = (who, s.index, _date(ctx, s.text, False), _place(ctx, se))
        if not ms and meetings and _HELD_AT.search(s.text) and getattr(meetings[-1], "_sentence", -9) >= s.index - 2:
            # "Discussions were held at the Prime Minister's residence in Islamabad": where the last one was
            where = _place(ctx, se)
            if where and meetings[-1].place in (None, ctx.dateline_city) and meetings[-1].mode == "in person":
                meetings[-1].place = where
        pl = _MEETING_PLACE.search(s.text) if " in " in s.text and not present.isdisjoint(_PLACE_WORDS) else None
        if pl and not ms and (pl.group(1) in ctx.gaz.cities or pl.group(1) in ctx.gaz.capital_of) \
                and not _LATER_GATHERING.search(s.text, max(0, pl.start() - 40), pl.start(1)):
            # (not where another gathering was or is to be: "ahead of the summit, to be held in Brussels next year")
            ctx.last_place, ctx.last_place_sides = pl.group(1), None
        if ms and meetings and all(m.evidence.rule == "meeting:joined" for m in ms) and getattr(meetings[-1], "_sentence", -9) >= s.index - 2 \
                and re.match(r"\s*(?:He|She|They)\s+(?:was|were)\s+(?:later\s+|also\s+)?joined\s+by\b", s.text) \
                and any(p in meetings[-1].participants for m in ms for p in m.participants):
            # "X held a meeting with Y. He was joined by Z": Z joins that meeting
            for m in ms:
                meetings[-1].participants += [p for p in m.participants if p not in meetings[-1].participants]
            ms = []
        # "A and B also discussed ...": the encounter the story already reported, if it did
        ms = [m for m in ms if not (m.evidence.rule == "meeting:discussed-pair"
                                    and any(set(o.participants) == set(m.participants) for o in meetings))]
        present_at = _PRESENT_AT.search(s.text) if len(ms) == 1 else None
        if present_at:
            # "X was also present in the meeting between A and B": X joins it
            ms[0].participants += [n for n in _names(ctx, [("person", pm.key) for pm in se.mentions if pm.kind == "person"
                                                            and pm.end <= s.start + present_at.start() and pm.role == "party"])
                                   if n not in ms[0].participants]
        for m in ms:
            _merge_meeting(meetings, m, country_of, person_names)
        if meetings and _ALSO_THERE.search(s.text) \
                and not any(m.evidence.rule != "meeting:attend" for m in ms):
            # "The NATO head is accompanied by X, and also present is Y": they attend the last meeting
            last = meetings[-1]
            here = _names(ctx, [p for p in _parties(ctx, se, s.start, s.end) if p[0] == "person"])
            # "Also present at the meeting was X", "The meeting was attended by X", "Attending the meeting were X"
            also_there = re.match(r"\s*(?:(?:Also|Were\s+also|Was\s+also)\s+present\b|The\s+(?:[\w\"“”+-]+\s+){0,2}(?:meeting|talks)[\"”’]?\s+(?:was|were)\s+(?:also\s+)?attended\s+by\b|"
                                  r"(?:Also\s+)?[Aa]ttending\s+the\s+(?:meeting|talks)\s+(?:were|was)\b)", s.text)
            explicit = also_there and re.search(r"meeting|talks", also_there.group(0))  # "the meeting": the last one, however far
            if (explicit or getattr(last, "_sentence", -9) >= s.index - 2) and (set(here) & set(last.participants) or also_there):
                last.participants += [n for n in here if n not in last.participants]
                acting = {country_of.get(n) for n in last.participants}
                last.participants = [n for n in last.participants if n in person_names or n not in acting]
        for c in cs:
            if c.evidence.rule.startswith("commitment:signed") and re.search(r"\b(?:signed|inked)\b", s.text) and not ms \
                    and sum(a in country_of or a in {r.name for r in ents.persons.values()} for a in c.actors) >= 2:
                # officials who sign together have met: one encounter, in person
                m = Meeting(participants=list(c.actors), evidence=Evidence(s.text, s.start, s.end, rule="meeting:signed"),
                            date=_date(ctx, s.text, False), place=_place(ctx, se) or ctx.last_place, occasion=_occasion(ctx, s.text),
                            plover="CONSULT", cameo="040", confidence=0.6)
                m._sentence, m._headline, m._other_time = s.index, False, False
                _merge_meeting(meetings, m, country_of, person_names)
            c._headline = _is_headline(ctx, s)
            # the same pledge told again, by its officials or by their countries ("Pakistan and Bangladesh
            # agreed to enhance cooperation ... They agreed to enhance cooperation"): one commitment
            dup = next((i for i, o in enumerate(commitments) if _similar(c.content, o.content)
                        and _same_sides(c.actors, o.actors, country_of, person_names)), None)
            if dup is None:
                commitments.append(c)
            elif getattr(commitments[dup], "_headline", False) and not c._headline:
                commitments[dup] = c  # the body's report of a headline's pledge is the one kept
        # discourse state for the next sentences
        # the subject for a later "he"/"she": a person named before any verb, outside quotes;
        # the group for a later "the two ministers": the persons a sentence names together
        quotes = [(s.start + q.start(), s.start + q.end()) for q in _QUOTE.finditer(s.text)]
        quoted = ctx.in_quote or (s.text.lstrip().startswith(("\"", "“")) and not _QUOTE.search(s.text))
        named = [pm for pm in se.mentions if pm.kind == "person" and pm.role == "party"
                 and not any(a <= pm.start < b for a, b in quotes)]
        subjects = [pm.key for pm in named if not _BEFORE_SUBJECT.search(text[s.start:pm.start])]
        if subjects and not quoted:
            ctx.last_subject = subjects[0]
        uniq = list(dict.fromkeys(pm.key for pm in named))
        if len(uniq) >= 2 and not ms and not cs:
            ctx.last_group = uniq
        if "“" in s.text or "”" in s.text:
            ctx.in_quote = s.text.count("“") > s.text.count("”") or (ctx.in_quote and "”" not in s.text)
        elif s.text.count('"') % 2 == 1:
            ctx.in_quote = not ctx.in_quote
        d = _date(ctx, s.text, False) if (_DIGIT.search(s.text) or not present.isdisjoint(_DAY_WORDS)) else None
        if d:
            ctx.last_any_date = d
        if d and (ms or cs):
            ctx.last_date, ctx.last_date_sentence = d, s.index
            ctx.last_date_bodies = set().union(*(m._bodies for m in ms)) if ms else set()
        for m in ms:
            if m.date:
                ctx.last_date, ctx.last_date_bodies = m.date, m._bodies
    # a headline restates what the body reports: keep the body's account
    def side(m):
        return _sides(m, country_of)
    meetings = [m for m in meetings if not (getattr(m, "_headline", False) and any(
        o is not m and not getattr(o, "_headline", False) and (set(o.participants) == set(m.participants) or side(o) == side(m))
        for o in meetings))]
    commitments = [c for c in commitments if not (getattr(c, "_headline", False) and any(
        o is not c and not getattr(o, "_headline", False) and _contained(c.content, o.content)
        and (_commitment_sides(o, country_of) & _commitment_sides(c, country_of) or not set(c.actors) & set(country_of))
        for o in commitments))]
    return meetings, commitments


def _is_headline(ctx: _Ctx, s) -> bool:
    """The story's first line of four words or more with no final stop and no menu bars: its
    headline (menus such as "Home | World" or "Subscribe now" may come before it)."""
    if ctx.headline_index is None:
        ctx.headline_index = next((se.sentence.index for se in ctx.ents.sentences if not se.sentence.furniture
                                   and len(se.sentence.text.split()) >= 4 and "|" not in se.sentence.text
                                   and not se.sentence.text.rstrip().endswith((".", ".”", '."', "!", "?"))), -1)
        if ctx.headline_index > 0 and any(se.sentence.text.rstrip().endswith((".", ".”", '."'))
                                          for se in ctx.ents.sentences[:ctx.headline_index]):
            ctx.headline_index = -1  # the story had begun: a caption or subhead, not the headline
    return s.index == ctx.headline_index


def _commitment_sides(c: Commitment, country_of: dict[str, str]) -> set:
    """The actors, and the countries the officials among them act for."""
    return set(c.actors) | {country_of[a] for a in c.actors if a in country_of}


def _sides(m: Meeting, country_of: dict[str, str]) -> frozenset:
    return frozenset(country_of.get(p, p) for p in m.participants)


def _same_sides(a: list[str], b: list[str], country_of: dict[str, str], person_names: set[str]) -> bool:
    """Two lists of actors stand for the same sides: the same names, or officials for the countries
    the other list names (an official whose country is not yet known fills the one left over)."""
    if set(a) == set(b):
        return True
    if len(a) != len(b):
        return False
    for countries, officials in ((a, b), (b, a)):
        if any(x in person_names for x in countries) or not all(x in person_names for x in officials):
            continue
        known = {country_of[x] for x in officials if x in country_of}
        if known <= set(countries) and len(set(countries) - known) == sum(x not in country_of for x in officials):
            return True
    return False


def _merge_meeting(meetings: list[Meeting], m: Meeting, country_of: dict[str, str] | None = None,
                   person_names: set[str] | frozenset = frozenset()) -> None:
    if getattr(m, "_definite", False) and any(set(o.participants) == set(m.participants) and o.status != m.status for o in meetings):
        return  # "the meeting between both heads of state is very important": the one reported before
    for old in meetings:
        if _merge_into(old, m, country_of or {}, person_names):
            # a headline's meeting confirmed by the body is the body's meeting
            old._headline = getattr(old, "_headline", False) and getattr(m, "_headline", False)
            return
    meetings.append(m)


# a bilateral on the sidelines of a gathering is another encounter than the gathering
_APART = re.compile(r"\b(?:sidelines|margins|fringes|bilateral\s+(?:meeting|talks|session|discussions)|separate(?:ly)?|"
                    r"one-on-one|tête-à-tête|in\s+private|private\s+(?:meeting|talks))\b", re.I)


def _apart(a: Meeting, b: Meeting) -> bool:
    """The smaller meeting is reported as a bilateral or separate encounter and the larger is not."""
    small, large = (a, b) if len(a.participants) < len(b.participants) else (b, a)
    return bool(_APART.search(small.evidence.text)) and not _APART.search(large.evidence.text)


def _officials_for_countries(a: Meeting, b: Meeting, country_of: dict[str, str], person_names) -> bool:
    """One meeting names only countries, the other only officials, one for each of those countries
    (an official whose country the text has not given yet stands for the country left over)."""
    if not person_names:
        return False
    shared = set(a.participants) & set(b.participants)
    for cm, pm in ((a, b), (b, a)):
        # what the two reports share is the same; the rest is countries in one, officials in the other
        rest_c = [p for p in cm.participants if p not in shared]
        rest_p = [p for p in pm.participants if p not in shared]
        if not rest_c or any(p in person_names for p in rest_c) or not all(p in person_names for p in rest_p):
            continue
        cs = set(rest_c)
        known = [country_of.get(p) for p in rest_p]
        if len(cs) == len(rest_p) and len(cm.participants) >= 2 and all(k in cs for k in known if k) \
                and len(cs - {k for k in known if k}) == sum(1 for k in known if not k) \
                and not ({country_of.get(p) for p in shared} & cs):
            return True
    return False


def _same_plan(a: Meeting, b: Meeting) -> bool:
    """Two plans of the same sides are one when both are vague or both name the same day."""
    return (not a.date and not b.date and not a.place and not b.place) or bool(a.date and a.date == b.date)


def _merge_into(old: Meeting, m: Meeting, country_of: dict[str, str], person_names: set[str] | frozenset = frozenset()) -> bool:
    """One meeting per encounter: the same parties, compatible date, place and mode, are one event.

    A report that places its meeting at another time ("earlier this year", "in August",
    "previous") is another encounter even without a date."""
    other_time = getattr(m, "_other_time", False)
    same = set(old.participants) == set(m.participants)
    if not same and old.status == m.status == "held" and old.mode == m.mode and len(m.participants) >= 2 \
            and not re.search(r"\bjoined\s+by\b|\b(?:tri|quadri)lateral\b|\b(?:three|four)-way\b", m.evidence.text + old.evidence.text) \
            and not _apart(old, m) \
            and (set(old.participants) < set(m.participants) or set(m.participants) < set(old.participants)) \
            and not other_time and not getattr(old, "_other_time", False) \
            and (not old.date or not m.date or old.date == m.date) and (not old.place or not m.place or old.place == m.place):
        # the same encounter reported with more of its participants
        if len(m.participants) > len(old.participants):
            old.participants = list(dict.fromkeys(old.participants + m.participants))
        old.date = old.date or m.date
        old.place = old.place or m.place
        old.occasion = old.occasion or m.occasion
        return True
    if not same and _officials_for_countries(old, m, country_of, person_names) and old.status == m.status \
            and not other_time and not getattr(old, "_other_time", False) and (not old.date or not m.date or old.date == m.date):
        # "the top diplomats of South Korea and Japan met ..." and "minister Park met his Japanese
        # counterpart Morita": one encounter, kept with its officials
        if all(p in person_names for p in m.participants):
            old.participants, old.evidence = m.participants, m.evidence
        old.date = old.date or m.date
        old.place = old.place or m.place
        old.occasion = old.occasion or m.occasion
        return True
    if not same and not (len(_sides(m, country_of)) >= 2 and _sides(m, country_of) == _sides(old, country_of)
                         # a country reported for an official, not two different officials of one country
                         and not (set(m.participants) ^ set(old.participants)) <= set(person_names)
                         and (set(m.participants) - set(country_of) or set(old.participants) - set(country_of))
                         and not other_time and not getattr(old, "_other_time", False) and old.status == m.status
                         and (m.status == "held" or _same_plan(old, m))):
        return False
    if same and old.mode != m.mode:
        if m.evidence.rule == "meeting:phone" and m.mode == "in person" and old.mode == "phone" and old.status == m.status \
                and not (old.date and m.date and old.date != m.date) and not other_time:
            # "X talked to Y about ..." after their call was reported: that call, with no place of its own
            old.date = old.date or m.date
            return True
        return False
    if not same:
        # keep the officials rather than their countries
        if sum(p in country_of for p in m.participants) > sum(p in country_of for p in old.participants):
            # the report naming the officials dates the encounter: "arrived in Cairo on Sunday ...
            # met President X on Monday"
            old.participants, old.evidence = m.participants, m.evidence
            old.date, old.place = m.date or old.date, m.place or old.place
        old.date = old.date or m.date
        old.place = old.place or m.place
        return True
    if old.date and m.date and old.date != m.date:
        return False
    if other_time != getattr(old, "_other_time", False) and not (old.date and m.date):
        return False
    if old.status != m.status:
        return False  # announced and held are different reports
    if old.place and m.place and old.place != m.place and not (old.place in m.place or m.place in old.place):
        return False
    old.date = old.date or m.date
    old.place = old.place or m.place
    old.occasion = old.occasion or m.occasion
    if m.status == "held":
        old.status = "held"
    return True
