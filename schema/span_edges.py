"""G2: a span starts and ends on a non-space character. Quotes of kind direct/partial/scare/
orphan are exempt (G2: their span is exactly what the marks enclose, spaces included) and so are
segments (SG1: they partition the text, blank lines and all). A span widened or shifted by one
character onto a space, with its text and id re-derived as a producer with an off-by-one would
write them, passed every other check (census).

The first and last byte of every text are read from the Arrow buffers with numpy; only a text
whose edge byte could belong to a space (ASCII <= 0x20, or any non-ASCII byte) has its edge
characters tested, on Arrow."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.census_arrow import arrow_of, ids_at, texts_are_slices, values_at
from landstrikes.schema.checkcorpus import column
from landstrikes.schema.report import Report

SPANS = (
    ("mentions", ("start", "end", "text"), None),
    ("mention_exclusions", ("start", "end", "text"), None),
    ("quotes", ("start", "end", "text"), "indirect"),  # only spans without quotation marks
    ("quotes", ("cue_start", "cue_end", "cue_text"), None),
    ("quotes", ("speaker_start", "speaker_end", "speaker_text"), None),  # Q16: words naming who spoke (attack7)
    ("claims", ("start", "end", "text"), None),
    ("stances", ("evidence_start", "evidence_end", "evidence_text"), None),
    ("quality_flags", ("start", "end", "text"), None),
)


def check_span_edges(tables, report: Report) -> None:
    for table, spans, kind in SPANS:
        name = spans[2]
        rows_table = arrow_of(tables, table, spans + (("kind",) if kind else ()))
        if rows_table is None or not rows_table.num_rows:
            continue
        texts = column(rows_table, name)
        if not pa.types.is_string(texts.type) and not pa.types.is_large_string(texts.type):
            continue
        candidates = _edge_candidates(texts)
        if not len(candidates):
            continue
        some = texts.take(pa.array(candidates, pa.int64()))
        edged = pc.or_(pc.utf8_is_space(pc.utf8_slice_codeunits(some, 0, 1)), pc.utf8_is_space(pc.utf8_slice_codeunits(some, -1)))
        if kind is not None:
            edged = pc.and_(edged, pc.equal(column(rows_table, "kind").take(pa.array(candidates, pa.int64())), kind))
        rows = candidates[pc.fill_null(edged, False).to_numpy(zero_copy_only=False)]
        rows = rows[texts_are_slices(tables, table, rows_table, rows, spans)]
        for row_id, text in zip(ids_at(rows_table, table, rows), values_at(rows_table, name, rows)):
            report.add(table, "span-edge-whitespace", "a span starts and ends on a non-space character (G2)", row_id, name, text)


def _edge_candidates(texts: pa.Array) -> np.ndarray:
    """Rows whose first or last byte may belong to a whitespace character."""
    offsets_type = np.int64 if pa.types.is_large_string(texts.type) else np.int32
    _, offsets, data = texts.buffers()
    if data is None:
        return np.zeros(0, np.int64)
    bounds = np.frombuffer(offsets, offsets_type)[texts.offset: texts.offset + len(texts) + 1]  # (no int64 copy)
    data = np.frombuffer(data, np.uint8)
    starts, ends = bounds[:-1], bounds[1:]
    filled = ends > starts
    if texts.null_count:
        filled &= texts.is_valid().to_numpy(zero_copy_only=False)
    if not len(data):
        first = last = np.zeros(len(starts), np.uint8)
    elif filled.all():  # usually: every edge byte is read where it is, no index array is made for it
        first, last = data[starts], data[ends - 1]
    else:
        first, last = data[np.where(filled, starts, 0)], data[np.where(filled, ends - 1, 0)]
    return np.flatnonzero(filled & ((first <= 0x20) | (first >= 0x80) | (last <= 0x20) | (last >= 0x80)))
