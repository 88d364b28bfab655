"""Every whole-word occurrence of every alias in every article, from the UTF-8 bytes.

A compiled Aho-Corasick automaton (`ahocorasick_rs`, Rust) reports every occurrence of every
alias, overlapping ones included, in bounded windows of the articles' bytes; numpy then keeps
the occurrences inside one article whose neighbours are not word characters (the boundaries of
`alias_pattern`: `re`'s `\\w`, decided per distinct neighbouring character by `re` itself).
Because overlapping occurrences are all reported, none can hide behind another, so this is a
superset of what `alias_pattern(alias).finditer(text)` finds for each alias.
"""

from __future__ import annotations

import functools
import itertools
import re

import ahocorasick_rs
import numpy as np

from landstrikes.schema.gc_pause import paused
from landstrikes.schema.spantext import ArticleTexts
from landstrikes.schema.utf8 import chars_at, chars_before, classify

_WINDOW = 1 << 20  # bytes per automaton call: bounds the hit list held at once (and reuses its memory)
_WORD = re.compile(r"\w")
_WORD_BYTES = np.array([c < 0x80 and _WORD.match(chr(c)) is not None for c in range(256)], dtype=bool)
"""Is the byte an ASCII word character (False for every byte >= 0x80: those are decoded)."""


_DFA_PATTERN_BYTES = 1 << 17
"""Pattern bytes up to which the automaton is compiled to a DFA: the same hits in less scan time
than the default NFA (0.15 against 0.19 CPU-s over the 31 MB of the 10^5 benchmark with its 1,308
spellings, 64 KB of patterns; 0.08 against 0.15 with its 102 aliases alone), for memory that
grows with the patterns (about 7 MB and 0.03 CPU-s to build at 64 KB, 20 MB at 256 KB)."""


def automaton(patterns: list[bytes]) -> ahocorasick_rs.BytesAhoCorasick:
    """Every occurrence of every pattern (`overlapping=True` gives them all, whatever the form).
    Built once per pattern list in a process (`_built`): every partition of `validate --engine`
    and every validate of one catalogue asks for the same aliases' automaton (about a third of
    the alias scan's time on the gold)."""
    return _built(tuple(patterns))


@functools.lru_cache(maxsize=2)
def _built(patterns: tuple[bytes, ...]) -> ahocorasick_rs.BytesAhoCorasick:
    """The automaton of exactly these patterns (read only once built, so shared between threads)."""
    if sum(map(len, patterns)) <= _DFA_PATTERN_BYTES:
        return ahocorasick_rs.BytesAhoCorasick(patterns, implementation=ahocorasick_rs.Implementation.DFA)
    return ahocorasick_rs.BytesAhoCorasick(patterns)


MAX_SPACED_VARIANTS = 4096
"""Spellings generated per alias at most; beyond that the caller checks those articles exactly."""


def separators_present(texts: ArticleTexts, separators: str) -> list[str]:
    """The characters of `separators` that occur anywhere in the articles (one compiled scan)."""
    data = texts.data()
    wanted = [c for c in separators if c != " "]
    if len(data) == 0 or not wanted:
        return []
    starts = texts.multibyte_starts()
    if starts is not None and all(ord(c) >= 0x80 for c in wanted):
        # mostly-ASCII text: the index already holds every multi-byte character, so no second
        # pass over the bytes is needed to find the non-ASCII separators
        keys = _character_keys(data, starts)
        return sorted(c for c in wanted if (keys == _key(c)).any())
    hits = ahocorasick_rs.BytesAhoCorasick([c.encode() for c in wanted]).find_matches_as_indexes(data, overlapping=True)
    return sorted({wanted[h[0]] for h in hits})


_KEY_MASKS = np.array([0xFFFF0000] * 14 + [0xFFFFFF00, 0xFFFFFFFF], dtype=np.uint32)
"""By a lead byte's high four bits, the bytes of its character a key keeps: 2 below 0xE0, 3 below 0xF0, else 4."""


def _character_keys(data: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Each multi-byte character (at `starts`) as one integer: its UTF-8 bytes, big-endian, in
    four bytes (zeros after its last byte). No decoding: UTF-8 is prefix-free and its lead byte
    fixes its length, so equal keys are equal characters.

    The four bytes from each start are gathered as one big-endian word and masked to the
    character's length (one temporary, not a dozen per byte); the last three bytes of the text,
    with fewer than four after them, take the byte-by-byte way."""
    if len(data) < 4:
        return _character_keys_by_byte(data, starts)
    words = np.ndarray((len(data) - 3,), dtype=">u4", buffer=data, strides=(1,))
    keys = (words[np.minimum(starts, len(data) - 4)] & _KEY_MASKS[data[starts] >> 4]).astype(np.uint32, copy=False)
    tail = np.flatnonzero(starts > len(data) - 4)
    if len(tail):
        keys[tail] = _character_keys_by_byte(data, starts[tail])
    return keys


def _character_keys_by_byte(data: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """`_character_keys` byte by byte (the plain definition)."""
    lead = data[starts].astype(np.uint32)
    length = 2 + (lead >= 0xE0) + (lead >= 0xF0)
    keys = lead << 24
    for k in (1, 2, 3):
        byte = data[np.minimum(starts + k, len(data) - 1)].astype(np.uint32)
        keys |= np.where(k < length, byte, 0) << (24 - 8 * k)
    return keys


def _key(char: str) -> int:
    """`_character_keys` of one character (of two to four UTF-8 bytes)."""
    return int.from_bytes(char.encode().ljust(4, b"\0"), "big")


def spaced_variants(alias: str, separators: list[str]) -> list[str] | None:
    """Every spelling of `alias` with each of its spaces replaced by " " or one of `separators`
    (the same number of code points, so offsets stay right); None when there would be more than
    MAX_SPACED_VARIANTS."""
    parts = alias.split(" ")
    choices = [" ", *separators]
    if len(choices) ** (len(parts) - 1) > MAX_SPACED_VARIANTS:
        return None
    # each word but the last joined to each separator once, then one join per spelling: the order
    # of product(choices, repeat=n) (the last space varies fastest), ~10x faster than a join of
    # word + separator pairs per spelling (cispeed10: 11 ms of a 0.23 CPU-s gold validate)
    slots = [[part + choice for choice in choices] for part in parts[:-1]]
    return ["".join(spelling) for spelling in itertools.product(*slots, (parts[-1],))]


def alias_occurrences(texts: ArticleTexts, aliases: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(article number, start, end) of every whole-word alias occurrence, in code points."""
    article, _, starts, ends = alias_occurrences_by_alias(texts, aliases)
    return article, starts, ends


def alias_occurrences_by_alias(texts: ArticleTexts, aliases: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(article number, alias number in sorted(set(aliases)), start, end) of every whole-word
    occurrence, in code points.

    The empty alias names nothing (it is no word; `empty-string` reports it) but keeps its number:
    the callers look numbers up in sorted(set(aliases)), where "" comes first (attack10: numbered
    without it, every other alias took its neighbour's number)."""
    distinct = sorted(set(aliases))
    named = distinct[1:] if distinct and distinct[0] == "" else distinct
    if not named or len(texts.buffer) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty, empty
    patterns = [a.encode() for a in named]
    code_point_lengths = np.array([len(a) for a in named], dtype=np.int64)
    scanner = automaton(patterns)
    reach = max(map(len, patterns)) - 1  # an occurrence starting in a window may end past it
    data = texts.data()
    with paused():  # ~480,000 hit tuples at 10^5 quote rows, no cycle: 0.03 CPU-s of collections that found nothing
        found = [_whole_words(texts, data, *_hits(scanner, data, begin, reach)) for begin in range(0, len(data), _WINDOW)]
    article, pattern, start = (np.concatenate(parts) for parts in zip(*found))
    starts = texts.code_points(start) - texts.cp_starts[article]
    ends = starts + code_point_lengths[pattern]
    if len(named) < len(distinct):
        pattern += 1  # the number in `distinct`, after ""
    return article, pattern, starts, ends


def _hits(scanner, data: np.ndarray, begin: int, reach: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pattern number and byte range of the occurrences that start in [begin, begin + _WINDOW)."""
    window = data[begin : begin + _WINDOW + reach]
    hits = scanner.find_matches_as_indexes(window, overlapping=True)
    flat = np.fromiter(itertools.chain.from_iterable(hits), dtype=np.int64, count=3 * len(hits)).reshape(-1, 3)
    own = flat[:, 1] < _WINDOW
    return flat[own, 0], flat[own, 1] + begin, flat[own, 2] + begin


def _whole_words(texts: ArticleTexts, data: np.ndarray, pattern: np.ndarray, starts: np.ndarray, ends: np.ndarray):
    """(article, pattern, byte start) of the hits inside one article with no word character next to them.

    The byte on each side decides alone when it is ASCII (a table of `re`'s `\\w`); only a
    non-ASCII neighbour is decoded and asked of `re` (once per distinct character)."""
    article = texts.article_of(starts)
    article_start, article_end = texts.byte_starts[article], texts.byte_starts[article + 1]
    inside = ends <= article_end  # the bytes of all articles are back to back: none may span two
    if not inside.all():
        article, pattern, starts, ends = article[inside], pattern[inside], starts[inside], ends[inside]
        article_start, article_end = article_start[inside], article_end[inside]
    has_before, has_after = starts > article_start, ends < article_end  # nothing beyond the article's edges
    before, after = data[np.maximum(starts - 1, 0)], data[np.minimum(ends, len(data) - 1)]
    word_before, word_after = has_before & _WORD_BYTES[before], has_after & _WORD_BYTES[after]
    multi = np.flatnonzero(has_before & (before >= 0x80))
    if len(multi):
        word_before[multi] = classify(chars_before(data, starts[multi]), _WORD.match)
    multi = np.flatnonzero(has_after & (after >= 0x80))
    if len(multi):
        word_after[multi] = classify(chars_at(data, ends[multi]), _WORD.match)
    whole = ~(word_before | word_after)
    return article[whole], pattern[whole], starts[whole]
