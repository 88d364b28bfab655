"""Characters next to byte positions in UTF-8 text, decoded in numpy (no Python str per article).

The text scanners find marks and aliases in the articles' UTF-8 bytes; their rules ask what
character comes just before or after a hit ("is it a word character?"). These helpers answer
for millions of positions at once, and ask Python's own predicate only once per distinct
character, so the answers are exactly those of `str.isalnum` or `re`'s `\\w`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import numpy as np

from landstrikes.schema.marks import MAX_MARKS, is_combining_mark

NO_CHAR = -1
"""Stands for "no character" (before an article's first byte or after its last)."""


def chars_at(data: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """Code point of the character whose first byte is at each position."""
    positions = np.asarray(positions, dtype=np.int64)
    chars = data[positions].astype(np.int64)
    multi = np.flatnonzero(chars >= 0x80)  # most neighbours are ASCII: decode only the others
    if len(multi):
        chars[multi] = _decode(data, positions[multi])
    return chars


def _decode(data: np.ndarray, positions: np.ndarray) -> np.ndarray:
    last = len(data) - 1
    b = [data[np.minimum(positions + k, last)].astype(np.int64) for k in range(4)]
    lead = b[0]
    two = ((lead & 0x1F) << 6) | (b[1] & 0x3F)
    three = ((lead & 0x0F) << 12) | ((b[1] & 0x3F) << 6) | (b[2] & 0x3F)
    four = ((lead & 0x07) << 18) | ((b[1] & 0x3F) << 12) | ((b[2] & 0x3F) << 6) | (b[3] & 0x3F)
    return np.select([lead < 0x80, lead < 0xE0, lead < 0xF0], [lead, two, three], four)


def chars_before(data: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """Code point of the character that ends just before each position (position > 0)."""
    positions = np.asarray(positions, dtype=np.int64)
    chars = data[positions - 1].astype(np.int64)
    multi = np.flatnonzero(chars >= 0x80)
    if len(multi):
        chars[multi] = _decode(data, char_starts_before(data, positions[multi]))
    return chars


def char_starts_before(data: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """Byte position of the first byte of the character that ends just before each position (> 0)."""
    start = np.asarray(positions, dtype=np.int64) - 1
    # step back over continuation bytes (10xxxxxx) to the lead byte, at most three
    for _ in range(3):
        continuation = (data[np.maximum(start, 0)] & 0xC0) == 0x80
        start = np.where(continuation & (start > 0), start - 1, start)
    return start


def bases_before(data: np.ndarray, positions: np.ndarray, floors: np.ndarray) -> np.ndarray:
    """Byte position of the character before each position, stepping back over combining marks
    (the letter they sit on), never before `floors` (the article's first byte)."""
    start = char_starts_before(data, positions)
    for _ in range(MAX_MARKS):
        on_mark = (start > floors) & classify(chars_at(data, start), is_combining_mark)
        if not on_mark.any():
            break
        start = np.where(on_mark, char_starts_before(data, np.maximum(start, 1)), start)
    return start


def neighbours(data: np.ndarray, hit_starts: np.ndarray, hit_ends: np.ndarray, article_starts: np.ndarray, article_ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The characters just before and just after each [start, end) byte range, NO_CHAR at the
    edges of its article (a scanner running over one article's text sees nothing there)."""
    before = np.full(len(hit_starts), NO_CHAR, dtype=np.int64)
    after = np.full(len(hit_ends), NO_CHAR, dtype=np.int64)
    inner = hit_starts > article_starts
    before[inner] = chars_before(data, hit_starts[inner])
    inner = hit_ends < article_ends
    after[inner] = chars_at(data, hit_ends[inner])
    return before, after


def classify(code_points: np.ndarray, predicate: Callable[[str], bool]) -> np.ndarray:
    """predicate(chr(c)) for every code point (False for NO_CHAR), one Python call per distinct one."""
    code_points = np.asarray(code_points, dtype=np.int64)
    answers = np.zeros(len(code_points), dtype=bool)
    ascii_chars = (code_points >= 0) & (code_points < 128)
    answers[ascii_chars] = _ascii_table(predicate)[code_points[ascii_chars]]
    others = np.flatnonzero(code_points >= 128)
    if len(others):
        distinct, inverse = np.unique(code_points[others], return_inverse=True)
        known = np.array([bool(predicate(chr(c))) for c in distinct.tolist()], dtype=bool)
        answers[others] = known[inverse.reshape(-1)]
    return answers


@functools.cache
def _ascii_table(predicate: Callable[[str], bool]) -> np.ndarray:
    return np.array([bool(predicate(chr(c))) for c in range(128)], dtype=bool)
