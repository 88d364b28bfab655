"""No segment but an article's first starts with a line feed, blanks before it included (SG1:
"whitespace between two blocks belongs to the preceding segment"). Two neighbouring segments re-cut so that the blank
lines after a headline opened the body (ends, starts, texts and ids all consistent) still tiled
the article and validated (attack15) [segment-starts-with-line-feed]. Only a run that reaches a
line feed is judged: blocks are split at line feeds (gold and extractor alike); a block's own indentation
("  • item") and a CR, form feed, NEL or U+2028 left after a line feed open a block in the
extractor's output, and the rule does not say where those go."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.census_arrow import arrow_of, ids_at, texts_are_slices, values_at
from landstrikes.schema.checkcorpus import article_numbers, article_texts, column
from landstrikes.schema.report import Report
from landstrikes.schema.whitespace import PYTHON_WHITESPACE, re2_class

SPACE_BUT_LINE_FEED = re2_class(PYTHON_WHITESPACE.replace("\n", ""))
"""Python's `str.isspace` but the line feed, as an RE2 character class body (RE2's `\\s` is ASCII)."""

_OPENS_WITH_BREAK = r"^[" + SPACE_BUT_LINE_FEED + r"]*\n"
"""A line feed, after any other whitespace (Python's `str.isspace`, spelled out: RE2's `\\s` is ASCII):
the blank run `\\xa0\\n\\n` between two blocks moved into the next segment is the same breach
(review15: the first form read a line feed as the first character only)."""


def check_segment_starts(tables, report: Report) -> None:
    segments = arrow_of(tables, "segments", ("article_id", "start", "end", "text"))
    if segments is None or not segments.num_rows:
        return
    text, start = column(segments, "text"), column(segments, "start")
    if not pa.types.is_integer(start.type) or not (pa.types.is_string(text.type) or pa.types.is_large_string(text.type)):
        return
    opens = pc.fill_null(pc.match_substring_regex(text, _OPENS_WITH_BREAK), False).to_numpy(zero_copy_only=False)
    rows = np.flatnonzero(opens & (pc.fill_null(start, 0).to_numpy(zero_copy_only=False) > 0))
    rows = rows[texts_are_slices(tables, "segments", segments, rows, ("start", "end", "text"))]
    for segment_id, value in zip(ids_at(segments, "segments", rows), values_at(segments, "start", rows)):
        report.add("segments", "segment-starts-with-line-feed",
                   "the whitespace between two blocks belongs to the segment before (SG1); this segment starts with a line feed",
                   segment_id, "start", value)


def _after_line_break(data: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """Whether the character before each byte position is one of Unicode's mandatory line breaks
    (UAX #14: LF, CR, VT, FF, NEL, U+2028, U+2029). attack37: an article whose lines end in a CR
    alone, NEL or U+2028 has no line feed, and every block of a gold cut at its lines was refused.
    NEL is C2 85 and U+2028/9 E2 80 A8/A9 in UTF-8: a continuation byte before a position means a
    character of two or more bytes, all inside the same article."""
    at = lambda back: data[np.maximum(positions - back, 0)]  # noqa: E731
    last = at(1)
    single = np.isin(last, np.array([0x0A, 0x0D, 0x0B, 0x0C], dtype=last.dtype))
    nel = (last == 0x85) & (at(2) == 0xC2)
    separators = np.isin(last, np.array([0xA8, 0xA9], dtype=last.dtype)) & (at(2) == 0x80) & (at(3) == 0xE2)
    return single | nel | separators


def _opens_with_other_break(data: np.ndarray, positions: np.ndarray, inside: np.ndarray) -> np.ndarray:
    """Whether the character at each byte position is a CR, VT, FF, NEL, U+2028 or U+2029 (a line
    feed there is segment-starts-with-line-feed's); `inside` says where a character lies there."""
    at = lambda ahead: data[np.minimum(positions + ahead, len(data) - 1)]  # noqa: E731
    first = at(0)
    single = np.isin(first, np.array([0x0D, 0x0B, 0x0C], dtype=first.dtype))
    nel = (first == 0xC2) & (at(1) == 0x85)
    separators = (first == 0xE2) & (at(1) == 0x80) & np.isin(at(2), np.array([0xA8, 0xA9], dtype=first.dtype))
    return (single | nel | separators) & inside


def check_segment_line_starts(tables, report: Report) -> None:
    """SG1 (guidelines 2.23): segments are blocks, so a segment starts where a line starts, right
    after a line feed (or another of Unicode's mandatory line breaks: a CR alone, NEL, U+2028, as
    the text has them, attack37); the one exception is SG2's copy of the title after a breadcrumb path, which
    starts where its `navigation` path ends. A body block cut in two inside its first sentence, or a
    heading's first word given to the body before it (ends, starts, texts and ids consistent, the
    partition kept), validated (attack35) [segment-starts-inside-a-line]. Decided on the byte before
    each start (a line feed is one byte, never part of another character); only the few rows that
    start inside a line look up the segment that ends there, and a start no segment ends at is left to
    segments-not-partition, and one whose text opens with blanks up to a line feed (the blank run
    between two blocks moved into it) to segment-starts-with-line-feed (one corruption, one finding)."""
    segments = arrow_of(tables, "segments", ("article_id", "start", "end", "text", "kind"))
    if segments is None or not segments.num_rows or "articles" not in tables:
        return
    start, end = column(segments, "start"), column(segments, "end")
    if not pa.types.is_integer(start.type) or not pa.types.is_integer(end.type):
        return
    texts = article_texts(tables)
    numbers = article_numbers(tables, "segments")
    starts = pc.fill_null(start, -1).to_numpy(zero_copy_only=False).astype(np.int64)
    lengths = texts.lengths[np.maximum(numbers, 0)] if len(texts.lengths) else np.zeros(len(starts), np.int64)
    judged = np.flatnonzero((numbers >= 0) & (starts > 0) & (starts <= lengths))
    if not len(judged):
        return
    data, positions = texts.data(), texts.byte_positions(numbers[judged], starts[judged])
    # after a break other than a line feed, a segment opening with another break starts inside the
    # run between two blocks, which SG1 gives the segment before (attack37: 'Head\r|\rBody')
    in_run = (data[positions - 1] != 0x0A) & _opens_with_other_break(data, positions, starts[judged] < lengths[judged])
    rows = judged[~_after_line_break(data, positions) | in_run]
    rows = rows[texts_are_slices(tables, "segments", segments, rows, ("start", "end", "text"))]
    if len(rows):  # a segment opening with the blank run before a line feed is segment-starts-with-line-feed's
        opening = pc.match_substring_regex(column(segments, "text").take(pa.array(rows, pa.int64())), _OPENS_WITH_BREAK)
        rows = rows[~pc.fill_null(opening, False).to_numpy(zero_copy_only=False)]
    if not len(rows):
        return
    # the segments that end where these start (only those ends are read), in the same article
    ends = pc.fill_null(end, -1).to_numpy(zero_copy_only=False).astype(np.int64)
    candidates = np.flatnonzero(np.isin(ends, starts[rows]))
    kinds = values_at(segments, "kind", candidates)
    ending = {}
    for row, kind in zip(candidates, kinds):
        ending.setdefault((int(numbers[row]), int(ends[row])), []).append(kind)
    for row, segment_id, value in zip(rows, ids_at(segments, "segments", rows), values_at(segments, "start", rows)):
        previous = ending.get((int(numbers[row]), int(starts[row])))
        if not previous or "navigation" in previous:
            continue
        report.add("segments", "segment-starts-inside-a-line",
                   "segments are blocks: a segment starts where a line starts, after a line feed (SG1); only the title "
                   "copied after a breadcrumb's navigation path starts inside its line (SG2)", segment_id, "start", value)
