"""The words around a name that every speaker rule reads: which mentions lie in a window, which
pronoun stands there and its gender, and the preposition or verb before a name that makes it no
subject (`criticism from Ann Lee`, `told Ann Lee`). Kept in one place so that the rules agree on
them.
"""

from __future__ import annotations

import bisect
import re

from landstrikes.extract.entities import Mention
from landstrikes.extract.quoterow import Speaker


_PRONOUN = re.compile(r"\b(?:he|she|He|She|him|her|Him|Her|it|It|they|They|I|we|We)\b")

PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female", "hers": "female", "it": "neuter",
                  "i": "first", "we": "first"}
"""`first`: I/we as a cue's subject inside a quotation is the quoting speaker (Q4), else nobody here."""
BODY_TYPES = ("ORG", "MEDIA")
"""What "it said" refers to: a company, ministry, party or outlet."""
LOOKBACK = 64
"""Earlier speakers or persons a pronoun is compared with, most recent first."""


def mentions_in(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    """Mentions inside [start, end); mentions are sorted by start, so bisect to the window."""
    i = bisect.bisect_left(mentions, start, key=lambda m: m.start)
    out = []
    while i < len(mentions) and mentions[i].start < end:
        if mentions[i].end <= end:
            out.append(mentions[i])
        i += 1
    return out


PERSONAL_TITLE = r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame)\.?\s+"
NOT_A_SUBJECT = re.compile(r"\b(?:(?:for|of|in|at|from|with|by|to|on|against|near|about|into|over|under)\s+(?:the\s+)?"
                           r"|(?!(?:said|added|reported|quoted)\b)(?:[a-z]+ed|told|met|sent|gave|saw|tells|meets|asks|urges|blames)\s+)"
                           r"(?:[A-Z][a-z]+\.?\s+){0,3}$")
"""Before a name that is an object: a preposition (`criticism from Ann Lee`, `hosted by Deputy
Prime Minister Ann Lee`) or a verb (`told Ann Lee`, `blamed Mr Lee`), titles between."""
PREPOSITION_BEFORE = re.compile(r"\b(?:for|of|in|at|from|with|by|to|on|against|near|about|into|over|under)\s+(?:the\s+)?"
                                r"(?:" + PERSONAL_TITLE + r")?$", re.IGNORECASE)
"""A body or place after a preposition is no subject (`In a statement to Reuters, Norcom said`,
`a man fighting for Norland posted ... with the caption:`), nor a person after one (`standing next
to Mr Lee he added`)."""


def pronoun_in(text: str, start: int, end: int, first: bool = False) -> Speaker | None:
    """The last (with `first`, the first) pronoun in [start, end) as a speaker to resolve later,
    its gender read off the word; None without one."""
    found = list(_PRONOUN.finditer(text, start, end))
    if not found:
        return None
    p = found[0] if first else found[-1]
    mention = Mention(p.start(), p.end(), "", "PERSON", "PRONOUN", 0.5, PRONOUN_GENDER.get(p.group().lower()))
    return Speaker("pronoun", mention)


GROUP_OWNERS = ("GPE", "ORG", "NORP", "MEDIA")
"""What a group or a role can belong to (`US officials`, `Mexican officials`, `Norcom's chief`)."""

JUST_BEFORE = re.compile(r"(?:’s|'s)?\s+(?:[a-z]+\s+)?")
"""Between the owner and the group word: a possessive and at most one modifier (`Israeli security sources`)."""
