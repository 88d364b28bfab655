"""Two quality flags of one kind never overlap: each instance of a problem is one row whose
evidence is the minimal phrase that carries it (AQ4, AQ5; AQ3's boilerplate rows one per block).
attack27: a spun-text, fabricated-content or factual-error flag given again over the same words
and the next one (id derived from the wider span) validated: the article's problem counted
twice, once over words that carry nothing [flags-overlap]. No gold flag overlaps another, of any
kind, nor any of the extractor's (dataset/raw, 927 BBC texts, adversarial texts); flags of two
kinds on one phrase are left alone (a spun phrase may also state a factual error).

The overlap search is name_overlaps' (one sort, one running maximum)."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.census_arrow import arrow_of, ids_at, values_at
from landstrikes.schema.checkcorpus import column
from landstrikes.schema.name_overlaps import LONGEST_OFFSET, overlapping_rows
from landstrikes.schema.report import Report


def check_flag_overlaps(tables, report: Report) -> None:
    flags = arrow_of(tables, "quality_flags", ("article_id", "flag", "start", "end", "text"))
    if flags is None or flags.num_rows < 2:
        return
    start, end = column(flags, "start"), column(flags, "end")
    if not pa.types.is_integer(start.type) or not pa.types.is_integer(end.type):
        return
    starts = pc.fill_null(start, -1).to_numpy(zero_copy_only=False).astype(np.int64, copy=False)
    ends = pc.fill_null(end, -1).to_numpy(zero_copy_only=False).astype(np.int64, copy=False)
    known = pc.and_(column(flags, "article_id").is_valid(), column(flags, "flag").is_valid()).to_numpy(zero_copy_only=False)
    rows = np.flatnonzero(known & (starts >= 0) & (ends > starts) & (ends <= LONGEST_OFFSET))
    if len(rows) < 2:
        return
    article, kind = (pc.dictionary_encode(column(flags, name).take(pa.array(rows, pa.int64()))) for name in ("article_id", "flag"))
    group = article.indices.to_numpy(zero_copy_only=False).astype(np.int64) * len(kind.dictionary) \
        + kind.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    for row, other in overlapping_rows(group, starts[rows], ends[rows], rows):
        (flag_id, other_id), (text, other_text) = ids_at(flags, "quality_flags", np.array([row, other])), values_at(flags, "text", np.array([row, other]))
        report.add("quality_flags", "flags-overlap", f"flag {text!r} overlaps {other_id} {other_text!r} of the same kind: one instance, "
                   "one row over its minimal phrase (AQ4, AQ5)", flag_id, "start", int(starts[row]))
