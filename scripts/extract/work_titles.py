"""A work's title in quotation marks is one name (extract71).

A programme's, film's, book's, video's or campaign's title written in title case with lower-case
connectors (`on "Mornings with the Mayor"`, `a video titled "A Letter to the Valley"`, `the debut of
"Tales of the Harbour"`) had been read as runs of names cut at each connector: `Mornings`, `Mayor`,
`Letter`, `Valley` each a one-word body or a place. The dev guidelines take the longest name
(M4): the title is one mention, a programme an ORG, anything else named MISC (the extractor's
`MEDIA` and `OTHER`). Only a quotation in a noun's position is a title: after a determiner, a
preposition, a possessive, a naming verb (`titled`, `called`) or a work's noun (`film`, `show`);
speech opens after a reporting verb, a colon or a paragraph's start, and its words are not all
capitals and connectors. A capitalised function word inside (`Man Bites The Dog`) is a quoted
headline's, which `entities._headline_quotes` reads.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from landstrikes.extract import gazetteer as gz

CONNECTORS = frozenset("of the a an in on to for and with from at by v. vs vs. or".split())
"""Lower-case words a title keeps between its capitalised words."""
_CLOSERS = {"“": "”", '"': '"', "‘": "’", "'": "'"}
_QUOTED = re.compile(r"[“\"‘']([A-Z0-9][^“”\"‘’'\n]{2,120}?)[.,!?]?([”\"’'])")
"""A quotation opening with a capital or digit, on one line, at most 120 characters (bounded)."""
_WORK_NOUNS = ("show programme program series film movie documentary book novel song album video campaign "
               "slogan play musical game blog column podcast episode poem exhibition contest competition "
               "festival website site app")
_PROGRAMME_NOUNS = frozenset("show programme program series podcast".split())
_TITLE_CUE = re.compile(
    r"(?:(?<![\w’'-])(?P<word>titled|entitled|called|named|the|a|an|its|his|her|their|on|of|in|from|about|"
    + _WORK_NOUNS.replace(" ", "|") + r")|(?P<possessive>\w['’]s?)) $", re.IGNORECASE)
"""What a title follows: a naming verb, a determiner, a preposition, a work's noun, a possessive."""
_POSSESSOR = re.compile(r"([\w-]+)['’]s? $")


def quoted_titles(text: str, in_headline: Callable[[int], bool]) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each quoted work title in `text`, by the rules in the module's docstring. Not in
    a title-case line (`in_headline` of its position): there every word is capitalised, a title's or not."""
    found = []
    for m in _QUOTED.finditer(text):
        if in_headline(m.start()):
            continue
        opener, closer = text[m.start()], m.group(2)
        if _CLOSERS[opener] != closer or opener == "'" and m.start() > 0 and text[m.start() - 1] not in " (\n":
            continue  # (an apostrophe is no opening mark: `'` only after a blank or a bracket)
        if text[m.end():m.end() + 1].isalnum():
            continue  # (`’` inside a word, `Harbour’s`: no closing mark)
        cue = _TITLE_CUE.search(text, max(0, m.start() - 14), m.start())
        if cue is None or not _a_title(m.group(1).split()):
            continue
        cue_word = (cue.group("word") or "").lower()
        broadcaster = cue.group("possessive") and _POSSESSOR.search(text, max(0, m.start() - 20), m.start())
        programme = cue_word == "on" or cue_word in _PROGRAMME_NOUNS or broadcaster and broadcaster.group(1) in gz.BROADCASTERS
        found.append((m.start(1), m.end(1), "MEDIA" if programme else "OTHER"))
    return found


def _a_title(words: list[str]) -> bool:
    """Three to eight words, capitalised but for one or more lower-case connectors between them, and no
    capitalised function word after the first (a headline's: `entities._headline_quotes`)."""
    if not 3 <= len(words) <= 8 or words[-1] in CONNECTORS:
        return False
    connectors = sum(w in CONNECTORS for w in words[1:-1])
    capitals = [w for w in words if w not in CONNECTORS]
    return (connectors >= 1 and len(capitals) >= 2 and all(w[:1].isupper() or w[:1].isdigit() for w in capitals)
            and not any(w in gz.FUNCTION_WORDS for w in capitals[1:]))


def without_names_inside(raw: list, titles: list[tuple[int, int, str]]) -> list:
    """The recognised rows but those inside a quoted title (the title is their longest name, M4)."""
    if not titles:
        return raw
    starts = [s for s, _, _ in titles]  # (in text order, none overlapping: one look-up per row, attack-proof)
    out = []
    for row in raw:
        i = bisect.bisect_right(starts, row[0]) - 1
        if i < 0 or row[1] > titles[i][1]:
            out.append(row)
    return out
