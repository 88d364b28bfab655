"""Spans that say one thing twice: two rows of one article and one key never overlap.

- Two quality flags of one kind: each instance of a problem is one row whose evidence is the
  minimal phrase that carries it (AQ4, AQ5; AQ3's boilerplate rows one per block)
  [flags-overlap]. Flags of two kinds on one phrase are left alone (a spun phrase may also
  state a factual error).
- Two claims of one cluster: a cluster holds every claim of its proposition (C7), and a
  statement is one claim over its minimal clause (C2), so one proposition annotated twice over
  the same words is one too many [claims-overlap]. Claims of two clusters nest (C2's phrase
  claims inside a sequence), and one article may state a proposition twice in two places.

attack27: a spun-text, fabricated-content or factual-error flag given again over the same words
and the next one, and an asserted claim given again one word shorter in its own cluster (count
raised), ids derived from the new spans, all validated. No gold row and none of the extractor's
(dataset/raw, 927 BBC texts, adversarial texts) overlaps another of its key.

The overlap search is name_overlaps' (one sort, one running maximum)."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.census_arrow import arrow_of, ids_at, values_at
from landstrikes.schema.checkcorpus import column
from landstrikes.schema.name_overlaps import LONGEST_OFFSET, overlapping_rows
from landstrikes.schema.report import Report

KEYED = (
    ("quality_flags", "flag", "flags-overlap", "of the same kind: one instance, one row over its minimal phrase (AQ4, AQ5)"),
    ("claims", "cluster_id", "claims-overlap", "in the same cluster: one statement, one claim over its minimal clause (C2, C7)"),
)


def check_keyed_overlaps(tables, report: Report) -> None:
    for table, key, check, why in KEYED:
        rows_table = arrow_of(tables, table, ("article_id", key, "start", "end", "text"))
        if rows_table is None or rows_table.num_rows < 2:
            continue
        start, end = column(rows_table, "start"), column(rows_table, "end")
        if not pa.types.is_integer(start.type) or not pa.types.is_integer(end.type):
            continue
        starts = pc.fill_null(start, -1).to_numpy(zero_copy_only=False).astype(np.int64, copy=False)
        ends = pc.fill_null(end, -1).to_numpy(zero_copy_only=False).astype(np.int64, copy=False)
        known = pc.and_(column(rows_table, "article_id").is_valid(), column(rows_table, key).is_valid()).to_numpy(zero_copy_only=False)
        rows = np.flatnonzero(known & (starts >= 0) & (ends > starts) & (ends <= LONGEST_OFFSET))
        if len(rows) < 2:
            continue
        article, keys = (pc.dictionary_encode(column(rows_table, name).take(pa.array(rows, pa.int64()))) for name in ("article_id", key))
        group = article.indices.to_numpy(zero_copy_only=False).astype(np.int64) * len(keys.dictionary) \
            + keys.indices.to_numpy(zero_copy_only=False).astype(np.int64)
        for row, other in overlapping_rows(group, starts[rows], ends[rows], rows):
            (row_id, other_id), (text, other_text) = ids_at(rows_table, table, np.array([row, other])), values_at(rows_table, "text", np.array([row, other]))
            report.add(table, check, f"{text!r} overlaps {other_id} {other_text!r} {why}", row_id, "start", int(starts[row]))
