"""Lines and sentences as code-point spans of the raw text (the text itself is never changed)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from landstrikes.extract.guard import rewritten
from landstrikes.schema.final_punctuation import CLAUSE_STOPS, FINAL_PUNCTUATION
from landstrikes.schema.marks import MAX_MARKS, is_combining_mark

SENTENCE_END_DEFINITION = re.compile(r"(?<![.!?])[.!?]++[\"”’')\]]*+\s+|[\"”]\s+(?=[“\"]?[A-Z])")
"""A sentence end; it starts only at the first of a run of marks (possessive, no backtracking),
so a text of 10^6 full stops is one linear scan, not a quadratic one."""
_SENTENCE_END = rewritten(SENTENCE_END_DEFINITION, r"[.!?\"”](?:(?<=[.!?])(?<![.!?].)[.!?]*+[\"”’')\]]*+\s+|(?<=[\"”])\s+(?=[“\"]?[A-Z]))")
"""Found faster (`guard.rewritten`): the mark, then what follows its kind of mark."""
_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Z]|Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Sgt|Capt|Rep|Sen|Gov|St|Jr|Sr|No|vs|etc|Inc|Corp|Ltd|Co|approx"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
    r"|\b(?:[A-Z]\.){2,})[.!?]*[\"”’')\]]*\s+$"
)


FOLDS_ONTO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")
"""The only non-ASCII characters a case-blind regex matches to an ASCII letter: İ ı ſ K (Kelvin)
(tests/test_extract_speed_rules.py reads this off every code point)."""
_ONTO_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def match_key(matched: str) -> str:
    """The lower-case ASCII key of what a case-blind regex matched: 'thousandſ' was matched by
    `thousands` but is no key of a table built from ASCII words (a KeyError made the article a
    failure row, 'mıllion' silently lost its scale)."""
    return matched.translate(_ONTO_ASCII).lower()


def lowered(text: str) -> str | None:
    """`text.lower()` when it keeps every offset and lets a case-sensitive regex of lower-case
    letters find what its case-blind form finds in the text (`guard.folded`), else None. Lowering
    changes no character's kind (word, blank, digit) and no length, and turns no other character
    into an ASCII letter (tests/test_extract_speed_rules.py checks every code point); the four
    characters above are the exceptions."""
    if not text.isascii() and FOLDS_ONTO_ASCII.search(text):
        return None
    low = text.lower()
    return low if len(low) == len(text) else None


class Span(NamedTuple):
    start: int
    end: int


@lru_cache(maxsize=8)
def lines(text: str) -> tuple[Span, ...]:
    """Every line without its line break (\\n, and the \\r of CRLF); cached, several layers ask."""
    out, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        out.append(Span(start, end - 1 if line.endswith("\r") else end))
        start = end + 1
    return tuple(out)


def trimmed(text: str, start: int, end: int) -> Span:
    """The span without leading and trailing whitespace (G2)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def sentences(text: str, line: Span) -> list[Span]:
    """Sentences of one line, trimmed; a full stop after an abbreviation or initial does not end one."""
    out, start = [], line.start
    # the line as a window of the text, not a copy: a lookbehind at its start sees the line break
    # before it, which no pattern here tells from a text start
    for match in _SENTENCE_END.finditer(text, line.start, line.end):
        cut = match.end()
        if _ABBREVIATION.search(text, max(start, cut - 12), cut):
            continue
        span = trimmed(text, start, cut)
        if span.end > span.start:
            out.append(span)
        start = cut
    span = trimmed(text, start, line.end)
    if span.end > span.start:
        out.append(span)
    return out


@lru_cache(maxsize=8)
def all_sentences(text: str) -> tuple[Span, ...]:
    return tuple(s for line in lines(text) for s in sentences(text, line))


def is_word_character(char: str) -> bool:
    """A letter or digit, or a code point this Python's Unicode tables leave unassigned: validate
    judges `span-splits-word` with Arrow's newer tables, which may call it a letter (attack6:
    a claim cut inside a run of U+A7CB, a letter since Unicode 16, was extracted and invalid)."""
    return char.isalnum() or (not char.isascii() and unicodedata.category(char) == "Cn")


def inside_word(text: str, at: int) -> bool:
    """Whether offset `at` falls between two word characters (a span edge there cuts a word). A
    combining mark belongs to the letter it follows (validate's `span-splits-word` judges the same
    way): the edge before an accent written as its own code point cuts the word, and the letter
    before an edge is the one under any marks."""
    if not 0 < at < len(text):
        return False
    base = at - 1
    while base > 0 and is_combining_mark(text[base]) and at - base <= MAX_MARKS:
        base -= 1
    return is_word_character(text[base]) and (is_word_character(text[at]) or is_combining_mark(text[at]))


_TRAILING = FINAL_PUNCTUATION + CLAUSE_STOPS + "\"”’)"


def without_final_punctuation(text: str, span: Span) -> Span:
    """Claims and indirect speech exclude the sentence's final punctuation (G2; the set is
    validate's, `schema.final_punctuation`), and the marks and clause stops left before it."""
    end = span.end
    while end > span.start and (text[end - 1] in _TRAILING or text[end - 1].isspace()):
        end -= 1
    return Span(span.start, end)
