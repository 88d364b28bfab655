"""Which code points are combining marks, without numpy: the extractor's word edge
(`extract.text.inside_word`) and validate's (`utf8.bases_before`) share this definition, and the
extract command imports no numpy (tests/test_extract_fast.py; attack8: d090bb4 took the
definition from `utf8`, which made every extract process import numpy)."""

from __future__ import annotations

import unicodedata

COMBINING_MARKS = frozenset({"Mn", "Mc", "Me"})
"""Unicode's combining marks: an accent written after its letter belongs to that letter's word
(a word boundary never falls before one, UAX #29 WB4), so a span ending before it cuts the word."""

MAX_MARKS = 32
"""Marks stepped over at most (a longer run is judged at the mark reached: no word character)."""


def is_combining_mark(char: str) -> bool:
    return unicodedata.category(char) in COMBINING_MARKS
