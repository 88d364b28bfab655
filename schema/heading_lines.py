"""SG2 (2.38): a `headline` or `section_heading` segment is one line; its text holds no line break
but in the blank run it ends with (SG1 gives the whitespace between two blocks to the segment
before). attack52 moved the boundary between two segments of different kinds one line either way,
offsets, texts and ids re-derived and the article still tiled: 25 of 47 moves validated, 19 of them
a heading joined to the body paragraph after it or a body line given to a heading
[heading-spans-lines]. Every gold heading and every extractor heading is one line (the extractor
writes one segment a line for these two kinds).

Row-local: a regex over the heading rows' own texts; a row whose text is not its article's slice
is span-text-mismatch's finding and is not judged here (one corruption, one finding)."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.census_arrow import arrow_of, ids_at, texts_are_slices, values_at
from landstrikes.schema.checkcorpus import column
from landstrikes.schema.report import Report
from landstrikes.schema.segment_starts import SPACE_BUT_LINE_FEED

CHECK = "heading-spans-lines"
HEADING_KINDS = ("headline", "section_heading")

_WHITESPACE = SPACE_BUT_LINE_FEED + r"\n"
"""Python's `str.isspace`, as segment_starts spells it for RE2."""

_TWO_LINES = r"(?s)[^" + _WHITESPACE + r"].*[\n\x0b\x0c\r\x{85}\x{2028}\x{2029}].*[^" + _WHITESPACE + "]"
"""Text, a mandatory line break (UAX #14: LF, VT, FF, CR, NEL, U+2028, U+2029), text: two lines,
not the blank run the segment ends with, nor one it opens with (segment-starts-with-line-feed's:
one corruption, one finding)."""


def check_heading_lines(tables, report: Report) -> None:
    segments = arrow_of(tables, "segments", ("article_id", "start", "end", "text", "kind"))
    if segments is None or not segments.num_rows:
        return
    text, kind = column(segments, "text"), column(segments, "kind")
    if not all(pa.types.is_string(v.type) or pa.types.is_large_string(v.type) for v in (text, kind)):
        return
    heading = pc.fill_null(pc.is_in(kind, value_set=pa.array(HEADING_KINDS, kind.type)), False)
    rows = np.flatnonzero(heading.to_numpy(zero_copy_only=False))
    if not len(rows):
        return
    spans_lines = pc.match_substring_regex(text.take(pa.array(rows, pa.int64())), _TWO_LINES)
    rows = rows[pc.fill_null(spans_lines, False).to_numpy(zero_copy_only=False)]
    rows = rows[texts_are_slices(tables, "segments", segments, rows, ("start", "end", "text"))]
    for segment_id, value in zip(ids_at(segments, "segments", rows), values_at(segments, "kind", rows)):
        report.add("segments", CHECK, f"a {value} segment is one line (SG2): its text goes on after a line break; "
                   "the lines after it are a segment of their own", segment_id, "kind", value)
