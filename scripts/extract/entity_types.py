"""What type is this name: class rules for the multi-word names that carry no title, head noun or
gazetteer entry of their own (issue 17: two-word club and company names typed PERSON).

Each rule reads the name's words against registry lists (places from pycountry and GeoNames,
census given names and surnames, Webster's lower-case words; `gazetteer`) and a few closed cue
lists below; all lookups are set or dict lookups of lists built once. `entities` asks
`class_type` before it splits a name at a place or nationality word, and `unknown_type` where it
used to call every unknown two-to-four-word name a person.
"""

from __future__ import annotations

import re

from landstrikes.extract import gazetteer as gz

CLUB_SUFFIXES = frozenset(
    "United City Rovers Wanderers Athletic Athletico Albion Villa Hotspur Rangers Town Forest Wednesday "
    "Argyle Orient Alexandra Academical Thistle Dynamo Dinamo Sporting".split()
)
"""Last words of football club names after a place ("Manchester United", "Leicester City",
"Nottingham Forest", "Ipswich Town"). A name that is itself a place ("Mexico City", "Cape Town")
is typed a place before this list is read."""
CLUB_PREFIXES = frozenset(
    "Real Atletico Atlético Sporting Dynamo Dinamo Olympique Olympiakos Olympiacos Inter Internazionale "
    "Borussia Racing Deportivo Lokomotiv Spartak Partizan Steaua Rapid Sparta Slavia Hapoel Maccabi "
    "Galatasaray Fenerbahce Besiktas Ajax Feyenoord Benfica Juventus Lazio Fiorentina Sampdoria".split()
)
"""First words of club names before a place or name ("Real Madrid", "Inter Milan", "Dynamo Kiev")."""
LOC_FIRST_WORDS = frozenset("River Lake Mount Mt Camp Cape Loch Lough Isle Gulf Glen Port Fort".split())
"""First words of names of rivers, mountains, camps and headlands ("River Thames", "Camp Delta").
"Port" and "Fort" towns ("Port Talbot", "Fort Worth") are places in the gazetteer already."""
VENUE_FIRST_WORDS = frozenset({"Old"})
""""Old Trafford", "Old Bailey": "Old" is never a given name; such names are grounds and buildings."""
COMPASS = frozenset("North South East West Northern Southern Eastern Western Central Upper Lower".split())
"""A compass word before a place names part of it ("North Africa", "South Asia", "East Lansing")."""
ORG_LAST_WORDS = frozenset(
    "Exchange Brothers Bros Logistics Mills Partnership Associates Consulting Resources Utilities Chemicals "
    "Steel Shipping Railways Railway Airlines Cars Pharma Bancorp Holdings Group Resorts Markets Mutual "
    "Assurance Investors Ventures Properties Developments Construction Engineering Trading Retail "
    "Agency Board Commission Committees Councils Unions "
    # a trade as a firm's last word after a given name ("Carter Leisure" had been a person, and
    # "he said" after a list of firms named him; extract48)
    "Leisure Entertainment Gaming Software Telecom Technologies Insurance Capital Energy".split()
)
"""Last words of company and body names that `gazetteer.ORG_HEADS` does not list ("Ridley
Brothers", "Corven Logistics", "Stock Exchange")."""
DETERMINERS = ("the ", "The ", "THE ")
MODIFIERS = frozenset("Senior Former Ex Veteran Retired".split())
"""Words before a name or a title that are no part of either and make nobody a person by
themselves ("Senior WorldCom executives", "Former WorldCom boss Bernie Ebbers")."""
AMPERSANDS = (" & ", "&")
"""Gaps that join capitalised words into one name ("Bradford & Bingley", "B&B", "AT&T")."""


def class_type(text: str, start: int, end: int, words: list[str], places: dict) -> tuple[str, str, float] | None:
    """(canonical name, type, confidence) for a multi-word name a class rule recognises, else None.

    Asked before `entities` splits "Manchester United" into a place and a word."""
    if len(words) < 2:
        return None
    name = text[start:end]  # as written, connectors kept ("Palace of Westminster")
    if "&" in name:
        return name, "ORG", 0.7  # "Ernst & Young", "B&B": firms, not people or places
    first, last = words[0], words[-1]
    if last in CLUB_SUFFIXES and _is_place(first, places) or first in CLUB_PREFIXES:
        return name, "ORG", 0.7  # "Leicester City", "Real Madrid"
    if first in VENUE_FIRST_WORDS or first in LOC_FIRST_WORDS:
        return name, "LOC", 0.65  # "Old Trafford", "River Thames", "Camp Delta"
    if first in COMPASS:
        rest = " ".join(words[1:])
        if rest in places:
            return name, places[rest][1], 0.7  # "North Africa", "South Asia"
        if _after_locative(text, start) and name in gz.towns():
            return name, "GPE", 0.6  # "in East Lansing"
    if last in gz.GROUP_WORDS:
        return name, "NORP", 0.6  # "Liberal Democrats", "Lib Dems"
    if _after_locative(text, start) and name in gz.towns():
        return name, "GPE", 0.75  # "in Ann Arbor": surer than the given-name reading, for the whole article
    return None


def unknown_type(text: str, start: int, end: int, words: list[str]) -> str:
    """Type of a two-to-four-word name with no given name, title, head noun or gazetteer entry.

    Most such names in news are people with a given name the census list lacks ("Herve Gaymard");
    the name is something else when it carries an organisation signal: a company or body word
    last ("Corven Logistics"), a determiner before it ("the Free Beacon": people take none), or a
    first word that is a lower-case English word, a last word that is no common surname and no
    given name inside ("Daily Caller", "Quarter Pounder"; but "Tiger Woods", "Father John Lee"), or two
    words, neither a census name, the last a lower-case English word ("Norvex Clinic", a product)."""
    first, last = words[0], words[-1]
    if last in ORG_LAST_WORDS:
        return "ORG"
    region = place_noun_after(text, end, REGION_NOUNS_AFTER)
    if region is not None and not _has_given_name(words) and last not in gz.demonyms():
        return region  # "Lower <Name> region", "the <Name> <Name> district": a place of that kind (not "the Central American city"; extract71)
    if plural_noun(last) and last not in gz.common_surnames() and not _has_given_name(words):
        return "ORG"  # "Harbourline Ferries", "Corvel Motors", "Norby Foods": a trade's plural noun last (extract47)
    if last in NATIONAL_ARMS:
        return "ORG"  # "Norcom UK", "Velby Europe": a company's national arm (extract47), no person's surname
    if text[max(0, start - 4):start] in DETERMINERS:
        return "ORG"
    if gz.is_common_word(first) and last not in gz.common_surnames() and not _has_given_name(words):
        return "ORG"
    if len(words) == 2 and gz.is_common_word(last) and last not in gz.surnames() and first not in gz.surnames() and not _has_given_name(words):
        return "ORG"  # "<Maker> Air", "<Name> Clinic", "<Name> Research": no census name in it, a common word last (extract49)
    return "PERSON"


NATIONAL_ARMS = frozenset("UK US USA Europe Asia".split())
"""Last words that name a company's arm in a country or region (`Norcom UK`, `Velby Europe`)."""


def body_last_word(words: list[str]) -> bool:
    """Does a name that opens with a census given name end in a company or body word (`Warner Bros`,
    `Grace Logistics`)? Then the name is a body's. (Not any plural noun: `Hazel Blenks` is a person.)"""
    return words[-1].rstrip(".") in ORG_LAST_WORDS


def plural_noun(word: str) -> bool:
    """The plural of an English word the dictionary writes only in lower case ("Ferries", "Motors",
    "Industries", "Foods"): a company's or body's last word, not a person's ("Pella Woods" and
    "Ann Banks" are common census surnames, which `unknown_type` asks first)."""
    if len(word) < 4 or not word.endswith("s") or word.endswith("ss"):
        return False
    stems = (word[:-1], word[:-2] if word.endswith(("ses", "xes", "zes", "ches", "shes", "oes")) else "",
             word[:-3] + "y" if word.endswith("ies") else "")  # ("Cordes" is no plural of "cord": a surname)
    return any(stem and gz.is_common_word(stem) for stem in stems)


_PLURAL_INITIALISM = re.compile(r"[A-Z]{2,5}s")


def plural_initialism(word: str) -> bool:
    """ "MPs", "GPs", "CEOs": the plural of an initialism is a common noun, not a name (guidelines:
    common nouns are not mentions)."""
    return word[-1:] == "s" and _PLURAL_INITIALISM.fullmatch(word) is not None


def capitalised_part(word: str) -> str:
    """The word up to its last capitalised hyphen part: "US-led" -> "US", "Irish-based" -> "Irish",
    "Clacton-on-Sea" and "Bretton-Gordon" unchanged (guidelines: the name, not the compound)."""
    parts = word.split("-")
    keep = max((i for i, part in enumerate(parts) if part[:1].isupper() or part[:1].isdigit()), default=0)
    return "-".join(parts[:keep + 1])


NOT_NAMES = frozenset(
    "TV GMT BST UTC OK AD BC MW GW KW IV PE SWAT HAZMAT CEO CFO COO GDP GNP VAT PC IT PR HR DIY DVD CD SUV ATM "
    "FAQ ID IQ LCD UFO VIP".split()
) | frozenset(
    # extract46: the deity; kin words written as names ("rely on Dad"); seasons ("in Spring 2015"):
    # capitalised, but no entity the guidelines type. (Not an institution's adjective: the gold
    # annotates "Congressional" as the body it refers to.)
    "God Dad Mum Mom Mummy Daddy Grandma Grandpa Granny Spring Summer Autumn Winter".split()
)
"""Abbreviations of common nouns, units and eras, and other capitalised words that name nothing."""
COMMON_BODY_WORDS = frozenset(
    "Police Government Hospital Army Navy Court Council Committee Department Ministry Agency Bank Office "
    "Commission Board Union Party Group Company Service Services Authority Fund Force Forces Administration "
    "Bureau Centre Center Institute University Association Organisation Organization Foundation".split()
)
"""Organisation nouns that alone, capitalised at a sentence start or for house style ("Police
said", "the Government"), are common nouns, not names (guidelines: common nouns are no mentions)."""


STORM_WORDS = frozenset("Storm Hurricane Typhoon Cyclone Superstorm".split())
"""Words that name a weather system by the name given to it (`Storm <Name>`, `Hurricane <Name>`)."""
STORM_QUALIFIERS = frozenset("Tropical Subtropical Winter Extratropical Post-Tropical Severe".split())
"""Words before a storm word in a storm's name (`Tropical Storm <Name>`, `Severe Tropical Cyclone <Name>`)."""


def storm_name(words: list[str]) -> bool:
    """A named storm: qualifiers (`Tropical`), one storm word (`Storm`, `Hurricane`, `Typhoon`, `Cyclone`)
    and one name that is a given name or no English common word (`Storm <Given>`, `Typhoon <Name>`).
    An event, not the person or body two unknown capitalised words default to (newuser59's invented
    article: `Storm <Given>` typed PERSON in every mention). A common word after the storm word is
    no storm's name (`Storm Damage`, `Hurricane Season`)."""
    if len(words) < 2 or words[-2] not in STORM_WORDS or not all(w in STORM_QUALIFIERS for w in words[:-2]):
        return False
    name = words[-1]
    return name[:1].isupper() and not name.isupper() and (name in gz.given_names() or not gz.is_common_word(name))


def not_a_name(word: str) -> bool:
    """A lone capitalised word that names nothing: a common-noun abbreviation or body noun."""
    return word in NOT_NAMES or word in COMMON_BODY_WORDS


_TEAM_VERBS = (" were ", " have ")


def team_verb_after(text: str, start: int, end: int, name: str) -> bool:
    """ "Sunderland were relegated": a town's name opening a sentence with a plural verb is its
    club (British style gives a team plural verbs, a town singular ones). Not after "and" or a
    preposition ("talks in Kiev and Cologne were over"): there the verb agrees with more."""
    return text.startswith(_TEAM_VERBS, end) and _opens_sentence(text, start) and name in gz.towns()


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start].rstrip(" ")
    return not before or before[-1] in ".!?\n\"“”'’"


def may_be_surname(word: str) -> bool:
    """Can a lone word before "said" be a person's surname? Not when it is neither a census
    surname nor a given name ("Wimpey said", "Axa said": companies say things too)."""
    return word in gz.surnames() or word in gz.given_names()


REGION_NOUNS_AFTER = {
    **dict.fromkeys("region valley river mountains mountain lake coast island islands desert estuary peninsula".split(), "LOC"),
    **dict.fromkeys("town village city suburb district borough province provinces governorate county neighbourhood "
                    "neighborhood municipality prefecture oblast canton".split(), "GPE"),
}
"""Common nouns of a place's kind (a unit of government, a natural feature) after its name: `<Name> province`,
`the <Name> region`, `<Name> islands` name a place, whatever the name's words (extract71: `<Name> province`,
`<Name> governorate`, `<Name> neighborhood` had been typed ORG by the one-word default, `Lower <Name> region`
a body by its English first word)."""
PLACE_NOUNS_AFTER = {
    **REGION_NOUNS_AFTER,
    **dict.fromkeys("prison prisons jail dam dams".split(), "LOC"),
    **dict.fromkeys("resident residents seat constituency hospital mansion apartment".split(), "GPE"),
}
"""Common nouns that make the unknown word before them a place ("Belmarsh prison", "the Xiluodu
dam", "the Tatton seat", "a Ferguson resident"); a facility's noun only after one word (`<Name> <Name>
Hospital`'s words are the hospital's own name)."""
_NEXT_WORD = re.compile(r" ([a-z]+)\b")


def place_noun_after(text: str, end: int, nouns: dict[str, str] = PLACE_NOUNS_AFTER) -> str | None:
    """GPE or LOC when a place noun follows the unknown name ending at `end`, else None."""
    m = _NEXT_WORD.match(text, end, end + 16)
    return nouns.get(m.group(1)) if m else None


PERSON_NOUNS_BEFORE = frozenset(
    "artist singer songwriter rapper actor actress comedian comedienne presenter golfer footballer "
    "cricketer boxer jockey striker midfielder goalkeeper winger chef author novelist poet playwright "
    "musician guitarist drummer pianist composer dancer photographer journalist columnist blogger lawyer "
    "solicitor barrister tycoon magnate billionaire millionaire businessman businesswoman entrepreneur "
    "teenager schoolboy schoolgirl cleric preacher sculptor painter filmmaker".split()
)
"""Lower-case nouns of a person's calling that stand right before a one-word name as its apposition
("the graffiti artist Quibbly", "golfer Zandrow"): nouns that name no company, team or place."""
KIN_NOUNS = frozenset("father mother son daughter brother sister wife husband widow uncle aunt cousin".split())
_PERSON_NOUN_BEFORE = re.compile(r"\b([a-z]+) $")
_KIN_OF_BEFORE = re.compile(r"\b([a-z]+) of $")
_ADJECTIVE_USE = re.compile(r"[^\W\d_]+ (?!(?:has|was|is|says|does)\b)[a-z]+s\b")


COMPANY_NOUNS_BEFORE = frozenset(
    "firm company group bank insurer lender retailer supermarket chain airline carrier broadcaster brewer "
    "manufacturer giant conglomerate distributor exporter importer miner website housebuilder carmaker "
    "drugmaker chipmaker automaker maker".split()
)
"""Lower-case nouns of a business that stand right before its name as its apposition ("housebuilder
George Wimpey", "Life insurer Axa Sun Life", "software giant Norcom"); not the nouns a person's
calling shares ("publisher", "producer", "developer", "operator", "builder"; "film maker")."""
_COMPANY_BEFORE = re.compile(r"(?:\b([A-Za-z]+) |(?<![\w-]))([a-z]+) $")
_SHARES_IN_BEFORE = re.compile(r"\b[Ss]hares (?:in|of) $")
_NOT_A_MAKER = frozenset({"film", "movie", "documentary", "programme", "program", "music", "record"})


def company_noun_before(text: str, start: int) -> bool:
    """Does a business's noun ("insurer", "housebuilder") or "shares in" stand right before the name
    starting at `start`? (extract46: such names that read as a person's, "George Wimpey", "Axa Sun
    Life", had been typed PERSON in every mention of the article.) Not "film maker", "film-maker"."""
    if _SHARES_IN_BEFORE.search(text, max(0, start - 10), start):
        return True
    m = _COMPANY_BEFORE.search(text, max(0, start - 30), start)
    if m is None:
        return False
    noun = m.group(2)
    if noun == "maker" and (m.group(1) or "").lower() in _NOT_A_MAKER:
        return False
    return noun in COMPANY_NOUNS_BEFORE


def person_noun_before(text: str, start: int) -> bool:
    """Does a person's calling ("artist Quibbly") or kinship ("father of Quibbly") stand right before
    the lone unknown word starting at `start`? (extract46: such words had been typed ORG, the one-word
    default, in every mention of the article.)"""
    if _ADJECTIVE_USE.match(text, start):
        return False  # "son of Bengali immigrants": a word before a plural noun qualifies it
    window = text[max(0, start - 20):start]
    m = _PERSON_NOUN_BEFORE.search(window)
    if m is not None and m.group(1) in PERSON_NOUNS_BEFORE:
        return True
    m = _KIN_OF_BEFORE.search(window)
    return m is not None and m.group(1) in KIN_NOUNS


FAMILY_NOUNS_AFTER = frozenset("brothers sisters family families twins siblings clan dynasty household".split())
LEADER_NOUNS_AFTER = frozenset("administration administrations presidency premiership regime".split())
"""Lower-case nouns after a lone name that make it a person's surname: a family (`the <Name> brothers`,
`the <Name> family`) or a leader's time in office (`the <Name> administration`, `the <Name> presidency`)."""


def person_noun_after(text: str, end: int, word: str) -> bool:
    """Does a family noun or a leader's-office noun follow the lone unknown word ending at `end`, and can the
    word be a surname (a census surname, or no English common word: not `Labour`, `Kremlin`)? (The
    one-word default had typed the word ORG where the article never gives the person's full name;
    dev texts: `<Surname> brothers`, `the <Surname> administration`.)"""
    m = _NEXT_WORD.match(text, end, end + 16)
    if m is None or m.group(1) not in FAMILY_NOUNS_AFTER and m.group(1) not in LEADER_NOUNS_AFTER:
        return False
    return word in gz.surnames() or not gz.is_common_word(word)


def _has_given_name(words: list[str]) -> bool:
    """A given name after the first word ("Father John O'Neal") makes the name a person's."""
    given = gz.given_names()
    return any(w in given for w in words[1:])


def _is_place(word: str, places: dict) -> bool:
    return word in places and places[word][1] == "GPE" or word in gz.towns()


_LOCATIVE = re.compile(r"\b(?:in|near|outside|from|around|across|into|at)\s$")


def _after_locative(text: str, start: int) -> bool:
    """Is the name right after a locative preposition ("in Ann Arbor")? One search of 8 characters."""
    return _LOCATIVE.search(text, max(0, start - 8), start) is not None
