"""Which mentions in a clause can speak, and which of two names next to each other does: a
person rather than the body they belong to (`Ann Lee of the Norcom Institute`), a spokesperson for
a body, a person's relative, the subject before an appositive. Shared by the searches before and
after a reporting verb.
"""

from __future__ import annotations

import re

from landstrikes.extract import gazetteer
from landstrikes.extract.entities import Mention
from landstrikes.extract.quoterow import Speaker
from landstrikes.extract.speakers.words import GROUP_OWNERS, PREPOSITION_BEFORE, mentions_in


_SPEAKER_TYPES = ("PERSON", "ORG", "GPE", "MEDIA")  # a nationality ("Mexicans say") is an unnamed group
_LOCATIVE_BEFORE = re.compile(r"\b(?<!officials )(?<!authorities )(?<!police )(?<!prosecutors )(?:in|at|from|near|outside|inside|across|around|throughout)\s+(?:the\s+)?$", re.IGNORECASE)
"""(`officials in Powys`, `police in Leeds`: the place's own officials, who speak for it, Q9)"""


_RELATIVE_AFTER = re.compile(r"[’']s (?:[a-z]+ )?(?:aunt|uncle|mother|father|sister|brother|wife|husband|son|daughter|"
                             r"cousin|friend|lawyer|attorney|family|neighbour|neighbor|"
                             r"girlfriend|boyfriend|partner|grandmother|grandfather|niece|nephew|widow|parents|"
                             r"mom|mum|dad|mother-in-law|father-in-law|stepmother|stepfather|stepson|stepdaughter|"
                             r"grandson|granddaughter|fiance|fiancee|fiancé|fiancée|spouse|children|kids)\b")
"""`Ann Lee's aunt said`: the aunt speaks, not Ann Lee (a spokesman speaks for them: not here)."""


_COMPOUND_AFTER = re.compile(r"-(?:[a-z]+ed|born|run|made|built|grown|held)\b")
"""A name joined by a hyphen to a participle (`a Paris-based trader`, `the Norcom-owned paper`,
`Norland-backed rebels`) is part of a modifier of the noun after it: that noun speaks. (Only a
participle: a name's own lower-case part after a hyphen, as many transliterated names have, is
no modifier.)"""


def relative_phrase(text: str, start: int, end: int, mentions) -> Speaker | None:
    """`," Ann Lee's mum said`: a person's relative right before the verb is an unnamed source, the
    phrase `<Name>'s <relative>` its words (the relative speaks, and is not named here)."""
    for m in reversed(mentions_in(mentions, start, end)):
        rel = _RELATIVE_AFTER.match(text, m.end) if m.type == "PERSON" and text[m.end:m.end + 1] in "’'" else None
        if rel is not None and not text[rel.end():end].strip():
            return Speaker("unnamed_source", phrase=(m.start, rel.end()))
    return None


_SPOKESPERSON_AFTER = re.compile(r"\s+(?:(?:chief|senior|official|press|deputy)\s+)?spokes(?:man|woman|person)\b")
_ARTICLE_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother)\s+$")


def spokesperson_for(text: str, speaker: Speaker) -> Speaker:
    """`a Norcom spokesman said`, `," a Norcom spokesperson told`: the spokesperson speaks, for the
    body (AUDIT note 8; as Q9's `Norcom officials`), so the mention is the whole phrase linked to
    the body, not the body's bare name before the role word."""
    m = speaker.mention
    if speaker.status != "attributed" or m is None or m.kind != "NAME" or m.type not in GROUP_OWNERS:
        return speaker
    if m.type == "NORP" and not _is_party(text[m.start:m.end]):  # `a French spokesman`: no body named
        return speaker
    word = _SPOKESPERSON_AFTER.match(text, m.end)
    if word is None:
        return speaker
    article = _ARTICLE_BEFORE.search(text, max(0, m.start - 9), m.start)
    return Speaker("attributed", Mention(article.start() if article else m.start, word.end(), m.name, m.type, "NOMINAL", 0.45))


def _is_party(name: str) -> bool:
    """A group name whose every word is a party's side (`Conservative`, `Liberal Democrat`): a
    spokesperson of it speaks for the party, where a nationality's (`a French spokesman`) names no body."""
    words = name.split()
    return bool(words) and all(w in gazetteer.PARTY_WORDS for w in words)


def _party_spokesperson(text: str, m: Mention) -> bool:
    """`a Conservative spokeswoman`: a party's side right before a spokes-word can speak (through
    `spokesperson_for`); any other group name (`Mexicans say`) is an unnamed group."""
    return m.type == "NORP" and _is_party(text[m.start:m.end]) and _SPOKESPERSON_AFTER.match(text, m.end) is not None


def speaking_mentions(text: str, mentions: list[Mention], start: int, end: int) -> list[Mention]:
    """Mentions in [start, end) that can speak: not a nationality, not a place after a
    locative preposition (`Police in Nottingham said`, `the company, based in Leeds, said`):
    that place is where, not who; and not a name inside a hyphenated modifier."""
    return [m for m in mentions_in(mentions, start, end) if (m.type in _SPEAKER_TYPES or _party_spokesperson(text, m))
            and not (m.type == "GPE" and _LOCATIVE_BEFORE.search(text, max(0, m.start - 12), m.start))
            and not _COMPOUND_AFTER.match(text, m.end)
            and not (m.type == "PERSON" and text[m.end:m.end + 1] in "’'" and _RELATIVE_AFTER.match(text, m.end))]


_APPOSITION_END = re.compile(r",\s*(?:[a-z]+\s+){0,2}$")
"""`Ana Lopez, chief executive of Borland Trust, had said`: the verb follows a closing comma."""


def before_apposition(text: str, found: list[Mention], start: int, verb_start: int) -> Mention | None:
    """The clause's subject when an appositive sits between it and the verb: the mention right
    before the appositive's opening comma, not the nearest name inside the appositive."""
    end = _APPOSITION_END.search(text, start, verb_start)
    if end is None or not found:
        return None
    opening = text.rfind(",", start, end.start())
    if opening == -1:
        return None
    before = [m for m in found if m.end <= opening and text[m.end:opening].strip() == ""]
    if before and before[-1].type != "PERSON" and PREPOSITION_BEFORE.search(text, max(0, before[-1].start - 18), before[-1].start):
        # `the chairman of Norcom, Sir Ann Lee, said`: the body completes a role; the person in apposition is who
        apposed = [m for m in found if opening < m.start and m.end <= end.start() and m.type == "PERSON"]
        return apposed[0] if apposed else before[-1]
    return before[-1] if before else None


_ROLE_AT_BODY = r"\s*,\s*(?:(?:an?|the)\s+)?(?:[a-z][a-z-]*\s+){1,3}(?:of|at|from|with|for)\s+(?:the\s+)?"
_AFFILIATION = re.compile(_ROLE_AT_BODY + r"|\s*,\s*|\s+(?:of|at|from|with)\s+(?:the\s+)?")
"""Between a person and the body they belong to, right before the verb: `Ann Lee, Norcom Trust
said`, `Ann Lee of the Norcom Institute said`, `Ann Lee, an analyst at Norcom told`."""


def person_of(text: str, found: list[Mention], nearest: Mention) -> Mention:
    """The subject when the name next to the verb is a body a person belongs to: that person
    (`Ann Lee of the Norcom Institute said`, `Ann Lee, Norcom Trust said:`), not the body."""
    if nearest.kind != "NAME":
        return nearest
    i = found.index(nearest)
    person = found[i - 1] if i else None
    if (person is None or person.type != "PERSON" or person.end > nearest.start
            or not _AFFILIATION.fullmatch(text, person.end, nearest.start)
            or nearest.type == "PERSON" and not _ROLE_AT.fullmatch(text, person.end, nearest.start)
            or PREPOSITION_BEFORE.search(text, max(0, person.start - 18), person.start)):
        return nearest
    return person


_ROLE_AT = re.compile(_ROLE_AT_BODY)
"""`Ann Lee, an analyst at Nomura told`: a role at a place of work names a body, whatever type the
entity layer gave that name (a firm named like a person)."""
