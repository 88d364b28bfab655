"""Combining marks and the word edge: an accent written after its letter belongs to that letter's
word (a word boundary never falls before one, UAX #29 WB4), so a span ending before it cuts the word.

Apart from `utf8` (numpy) so that the extractor, which asks this of one character at a time, can
use the same definition without importing numpy (the extract command goes without it,
`landstrikes.extract.nopandas`; tests/test_extract_fast.py).
"""

from __future__ import annotations

import unicodedata

COMBINING_MARKS = frozenset({"Mn", "Mc", "Me"})
"""Unicode's combining marks."""

MAX_MARKS = 32
"""Marks stepped over at most (a longer run is judged at the mark reached: no word character)."""


def is_combining_mark(char: str) -> bool:
    return unicodedata.category(char) in COMBINING_MARKS
