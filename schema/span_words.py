"""A span does not cut a word: its start is not inside a word, nor is its end (the character
before a boundary and the one after it are not both letters or digits). Mentions are whole
names (M2: whole words; checked here for nominals and pronouns, a NAME's text being one of its
entity's names is name-mention-not-alias's rule), evidence and reported speech are clauses (S5, Q13), cues are the
reporting words (Q5), a quote's speaker words are the words naming who spoke (Q16). A span shifted or widened by one character, its text and id re-derived as
a producer with an off-by-one would write them, passed every other check (census). Claims are
clauses too (S5): the extractor once cut 5 of 5,821 claims inside a word at its length cap in a
long sentence; it now stops at word boundaries, so the rule holds for claims as well.

Decided on the article bytes: the byte before and after each boundary, looked up in an ASCII
table; only boundaries touching a non-ASCII byte are tested as characters, on Arrow."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.census_arrow import arrow_of, ids_at, texts_are_slices, values_at
from landstrikes.schema.checkcorpus import article_numbers, article_texts, column
from landstrikes.schema.report import Report
from landstrikes.schema.spantext import characters_at_bytes
from landstrikes.schema.marks import is_combining_mark
from landstrikes.schema.utf8 import bases_before, chars_at, classify

SPANS = (
    ("mentions", ("start", "end", "text"), "not NAME"),  # a NAME's text is an alias: name-mention-not-alias
    ("mention_exclusions", ("start", "end", "text"), None),
    ("quotes", ("start", "end", "text"), "indirect"),
    ("quotes", ("cue_start", "cue_end", "cue_text"), None),
    ("quotes", ("speaker_start", "speaker_end", "speaker_text"), None),  # Q16: whole words (attack7)
    ("stances", ("evidence_start", "evidence_end", "evidence_text"), None),
    ("quality_flags", ("start", "end", "text"), None),
    ("claims", ("start", "end", "text"), None),
)
_ASCII_ALNUM = np.zeros(128, bool)
_ASCII_ALNUM[[*range(0x30, 0x3A), *range(0x41, 0x5B), *range(0x61, 0x7B)]] = True


def check_span_words(tables, report: Report) -> None:
    if "articles" not in tables:
        return
    texts = None
    for table, spans, kind in SPANS:
        rows_table = arrow_of(tables, table, ("article_id", *spans) + (("kind",) if kind else ()))
        if rows_table is None or not rows_table.num_rows:
            continue
        texts = texts or article_texts(tables)
        article = article_numbers(tables, table)
        start, end = (_ints(rows_table, c) for c in spans[:2])
        length = texts.lengths[np.maximum(article, 0)] if len(texts.lengths) else np.zeros(len(article), np.int64)
        sound = (article >= 0) & (start >= 0) & (start < end) & (end <= length)
        if kind is not None:
            kinds = column(rows_table, "kind")
            same = pc.not_equal(kinds, kind[4:]) if kind.startswith("not ") else pc.equal(kinds, kind)
            sound &= pc.fill_null(same, False).to_numpy(zero_copy_only=False)
        cut = np.zeros(len(start), bool)
        for at, inside in ((start, start > 0), (end, end < length)):
            rows = np.flatnonzero(sound & inside)
            cut[rows[_inside_words(texts, article[rows], at[rows])]] = True
        rows = np.flatnonzero(cut)
        rows = rows[texts_are_slices(tables, table, rows_table, rows, spans)]
        for row_id, text in zip(ids_at(rows_table, table, rows), values_at(rows_table, spans[2], rows)):
            report.add(table, "span-splits-word", "a span starts and ends at word boundaries: it cuts a word", row_id, spans[0], text,
                       value_of=f"its {spans[2]}")


def _ints(table: pa.Table, name: str) -> np.ndarray:
    """An offset column as int64, null as -1 (no copy when it has no null)."""
    values = column(table, name)
    if not pa.types.is_integer(values.type):
        return np.full(len(values), -1, np.int64)
    values = pc.fill_null(values, -1) if values.null_count else values
    return values.to_numpy(zero_copy_only=False).astype(np.int64, copy=False)


def _inside_words(texts, article: np.ndarray, at: np.ndarray) -> np.ndarray:
    """Per boundary (code point `at` of `article`, 0 < at < length): letters or digits on both
    sides, where combining marks count as part of the letter they follow (`utf8.bases_before`)."""
    if not len(at):
        return np.zeros(0, bool)
    data = texts.data()
    byte = texts.byte_positions(article, at)
    after, before = data[byte], data[byte - 1]
    ascii_pair = (after < 0x80) & (before < 0x80)
    inside = np.zeros(len(at), bool)
    inside[ascii_pair] = _ASCII_ALNUM[before[ascii_pair]] & _ASCII_ALNUM[after[ascii_pair]]
    other = np.flatnonzero(~ascii_pair)
    if len(other):  # U+2000-U+203F (E2 80 xx: dashes, curly quotes, spaces) is no letter or digit
        b = byte[other]
        last = len(data) - 1
        after_punct = (data[b] == 0xE2) & (data[np.minimum(b + 1, last)] == 0x80)
        before_punct = (b >= 3) & (data[np.maximum(b - 3, 0)] == 0xE2) & (data[np.maximum(b - 2, 0)] == 0x80)
        other = other[~(after_punct | before_punct)]
    if len(other):  # a combining mark belongs to the letter before it: the boundary before it is inside the word
        b = byte[other]
        base = bases_before(data, b, texts.byte_starts[article[other]])
        left = characters_at_bytes(texts, base).cast(pa.large_string())
        right = characters_at_bytes(texts, b).cast(pa.large_string())
        right_word = pc.or_(pc.utf8_is_alnum(right), pa.array(classify(chars_at(data, b), is_combining_mark)))
        inside[other] = pc.fill_null(pc.and_(pc.utf8_is_alnum(left), right_word), False).to_numpy(zero_copy_only=False)
    return inside
