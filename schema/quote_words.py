"""A quote's words and the word-level similarity of two quotes (Q12, Q15): one definition for the
builder (`quotes.cluster_similarity`), the statistics and the checks that re-derive them. The
builder, the statistics and goldchecks each had their own copy of the word pattern."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

_WORD = re.compile(r"\w+(?:'\w+)?")


def words(text: str) -> list[str]:
    """Lower-case words with curly apostrophes straightened (the quote builder's tokens)."""
    return _WORD.findall(text.lower().replace("’", "'"))


MAX_WORD_PAIRS = 1_000_000
"""The largest (words of one quote) x (words of the other) a check compares. difflib's matcher is
quadratic at worst (8,000 distinct words against the same with every other word changed: 4 s; the
same word 10,000 times against itself with the last changed: 14 s), so a corpus of long crafted
quotes made validate's cost grow with the square of a quote. The longest gold quote has 28 words,
the longest of 9,326 quotes the extractor wrote for 927 BBC texts 115; a pair past the limit
(say 1,000 words each) is not compared, so its score or wording goes unjudged."""


def comparable(words_a: list[str], words_b: list[str]) -> bool:
    """Whether a check compares two quotes' words (within MAX_WORD_PAIRS)."""
    return len(words_a) * len(words_b) <= MAX_WORD_PAIRS


def word_similarity(a: str, b: str) -> float:
    """Word-level similarity in [0, 1], case-insensitive, to 4 decimals; 1.0 for identical wording (Q12)."""
    return similarity_of_words(words(a), words(b))


def similarity_of_words(wa: list[str], wb: list[str]) -> float:
    if wa == wb:
        return 1.0
    return round(SequenceMatcher(None, wa, wb, autojunk=False).ratio(), 4)


def scores_of_pairs(pairs: list[tuple[int, int]], text_of) -> list[float]:
    """`similarity_of_words` of each (text, reference text) pair of distinct text codes, `text_of`
    giving a code's text, as a check re-derives the builder's scores; NaN for a pair too long to compare. Each distinct text is
    split into words once and each reference's matcher (difflib indexes its second sequence) is
    made once for all its variants: splitting and indexing the reference again for every variant
    cost (variants x reference words), one cluster of 4,000 one-word variants of a 40,000-word
    quote 134 CPU-s, twice the text four times the time (attack37)."""
    cache: dict[int, list[str]] = {}

    def words_of(code: int) -> list[str]:
        if code not in cache:
            cache[code] = words(text_of(code))
        return cache[code]

    matchers: dict[int, SequenceMatcher] = {}
    scores = []
    for own_code, reference_code in pairs:
        own, theirs = words_of(own_code), words_of(reference_code)
        if not comparable(own, theirs):
            scores.append(float("nan"))
        elif own == theirs:
            scores.append(1.0)
        else:
            matcher = matchers.get(reference_code)
            if matcher is None:
                matcher = matchers[reference_code] = SequenceMatcher(None, [], theirs, autojunk=False)
            matcher.set_seq1(own)
            scores.append(round(matcher.ratio(), 4))
    return scores
