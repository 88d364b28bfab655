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


def word_similarity(a: str, b: str) -> float:
    """Word-level similarity in [0, 1], case-insensitive, to 4 decimals; 1.0 for identical wording (Q12)."""
    wa, wb = words(a), words(b)
    if wa == wb:
        return 1.0
    return round(SequenceMatcher(None, wa, wb, autojunk=False).ratio(), 4)
