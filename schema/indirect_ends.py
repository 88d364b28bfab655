"""Indirect speech excludes the sentence's final punctuation (G2: "spans without marks (indirect
speech, claims, evidence) exclude the final sentence punctuation"). An indirect quote widened
onto its full stop, its id re-derived and its children re-pointed, validated (attack15)
[indirect-span-final-punctuation]. Only indirect quotes are judged: a claim or evidence span
may copy quoted words, whose full stop stays inside the marks (G2), and the gold has such
claims; neither the gold nor the extractor (`without_final_punctuation`) ends an indirect span
on `.`, `!` or `?`."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.census_arrow import arrow_of, ids_at, texts_are_slices, values_at
from landstrikes.schema.checkcorpus import column
from landstrikes.schema.report import Report

_FINAL = r"[.!?]$"


def check_indirect_ends(tables, report: Report) -> None:
    quotes = arrow_of(tables, "quotes", ("article_id", "start", "end", "text", "kind"))
    if quotes is None or not quotes.num_rows:
        return
    text = column(quotes, "text")
    if not (pa.types.is_string(text.type) or pa.types.is_large_string(text.type)):
        return
    ends = pc.and_(pc.fill_null(pc.equal(column(quotes, "kind"), "indirect"), False),
                   pc.fill_null(pc.match_substring_regex(text, _FINAL), False))
    rows = np.flatnonzero(ends.to_numpy(zero_copy_only=False))
    rows = rows[texts_are_slices(tables, "quotes", quotes, rows, ("start", "end", "text"))]
    for quote_id, value in zip(ids_at(quotes, "quotes", rows), values_at(quotes, "text", rows)):
        report.add("quotes", "indirect-span-final-punctuation",
                   f"an indirect quote's span excludes the sentence's final punctuation (G2); it ends {value[-20:]!r}",
                   quote_id, "end", value[-20:])
