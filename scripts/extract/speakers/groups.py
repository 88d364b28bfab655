"""Unnamed groups (Q9): a group word (`officials`, `analysts`, `sources`) and its modifiers is an
unnamed source, unless a named body, place or nationality right before it makes the group speak
for that entity (`US officials`, `Norcom insiders`).
"""

from __future__ import annotations

import bisect
import re

from landstrikes.extract import gazetteer as gz
from landstrikes.extract.entities import Mention
from landstrikes.extract.quoterow import Speaker
from landstrikes.extract.speakers.words import GROUP_OWNERS, JUST_BEFORE, LOOKBACK, mentions_in


def unnamed_end(text: str, start: int, end: int) -> int:
    """Where the last group word in [start, end) ends (-1: none): the group's place in its clause,
    for the subject search to weigh it against a name or pronoun nearer the verb."""
    last = -1
    for m in _WORD.finditer(text, start, end):
        if _group_word(text, m):
            last = m.end()
    return last


def _group_word(text: str, m: re.Match) -> bool:
    """A group word (`analysts`, `traders`) as a common noun: not one written capitalised after
    another capitalised word, inside a name (`Riverside Traders Association`, `the Norland Voters
    League`; extract47), unless that word is a function word (`But Analysts said`)."""
    word = m.group()
    if word.lower() not in gz.UNNAMED_SOURCES:
        return False
    if not word[0].isupper():
        return True
    before = _CAPITAL_BEFORE.search(text, max(0, m.start() - 40), m.start())
    return before is None or before.group(1) in gz.FUNCTION_WORDS


_CAPITAL_BEFORE = re.compile(r"(?<![\w’'-])([A-Z][\w’'-]*) $")


def unnamed_in(text: str, start: int, end: int, mentions=()) -> Speaker | None:
    """The group the last group word in [start, end) names: the entity it speaks for, else an
    unnamed source (the word and its modifiers); None without a group word."""
    heads = [m for m in _WORD.finditer(text, start, end) if _group_word(text, m)]
    if not heads:
        return None
    return _named_group(text, start, end, mentions) or Speaker("unnamed_source", phrase=_group_phrase(text, start, heads[-1]))


_WORD = re.compile(r"\b\w+\b")
_MODIFIER = re.compile(r"(?:^|(?<=\s))(?P<word>[\w’'-]+)\s+$")
_NOT_A_MODIFIER = frozenset(
    "and or but nor that which who whom whose while as of to in on at for with by from into than "
    "said says say told tells added adds also have has had is are was were be been will would could should may might "
    "not according".split())


def _group_phrase(text: str, floor: int, head: re.Match) -> tuple[int, int]:
    """The phrase naming an unnamed group, its head and up to three words before it that modify it
    (`Security analysts`, `some legal experts`, `Western diplomats`), within [floor, head)."""
    begin = head.start()
    for _ in range(3):
        m = _MODIFIER.search(text, max(floor, begin - 40), begin)
        if m is None or m.group("word").lower() in _NOT_A_MODIFIER or "\n" in text[m.start():begin]:
            break
        begin = m.start()
    return begin, head.end()


_OFFICIAL_GROUPS = ("officials", "official", "sources", "source", "diplomats", "diplomat", "authorities", "lawmakers",
                    "legislators", "leaders", "insiders", "insider", "politicians", "police", "prosecutors")
"""Groups that speak for a body (`Mexican officials`, `Kurdish sources`); residents, analysts or
critics of a place do not speak for it."""
_MEMBER_GROUPS = ("lawyers", "militants", "employees", "scientists")
"""Groups that speak for a body they belong to (`Norcom lawyers`, `Norland Dawn militants`,
`Norcom scientists`), never for a place or a nationality (`Norland lawyers`, `Kurdish militants`:
extract47, which made them unnamed groups)."""
_UNNAMED_WORD = re.compile(r"\b(?:" + "|".join(sorted(_OFFICIAL_GROUPS + _MEMBER_GROUPS, key=len, reverse=True)) + r")\b", re.IGNORECASE)


def _named_group(text: str, start: int, end: int, mentions) -> Speaker | None:
    """`US officials`, `Kurdish sources`, `Norcom insiders`: a group qualified by a named place,
    body or nationality right before it speaks for that entity (Q9: "Mexican officials" are
    attributed to Mexico), the whole phrase being the mention. A nationality stands for the
    country named in the article whose name it is formed from (Mexican: Mexico), else for itself."""
    words = list(_UNNAMED_WORD.finditer(text, start, end))
    if not words:
        return None
    word = words[-1]
    owners = [m for m in mentions_in(mentions, max(start, word.start() - 80), word.start()) if m.type in GROUP_OWNERS]
    if not owners or not JUST_BEFORE.fullmatch(text, owners[-1].end, word.start()):
        return None
    owner = owners[-1]
    if word.group().lower() in _MEMBER_GROUPS and owner.type not in ("ORG", "MEDIA"):
        return None
    if owner.type == "NORP":  # (the mentions near it only: bounded work per group, however long the text)
        i = bisect.bisect_left(mentions, owner.start, key=lambda m: m.start)
        owner = next((m for m in mentions[max(0, i - 4 * LOOKBACK):i + 4 * LOOKBACK] if m.type == "GPE" and m.kind == "NAME"
                      and " " not in m.name and text[owner.start:owner.end].startswith(m.name.rstrip("aeiouy"))), owner)
    return Speaker("attributed", Mention(owners[-1].start, word.end(), owner.name, owner.type, "NOMINAL", 0.45))
