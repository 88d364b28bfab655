"""Q5: a quote's cue is the reporting expression that introduces its words ("said", "According
to", a colon), so it never overlaps the quoted span (as the speaker words never lie inside it,
Q16). A nested quote's cue lies inside its parent, never inside itself (Q4). attack25: an indirect
quote's cue moved onto the first word of its own content validated [cue-inside-quote]. Every row:
the extractor finds its cues outside the words they introduce."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from landstrikes.schema.checkcorpus import arrow_column, frame_ints, frame_nulls
from landstrikes.schema.report import Report

_COLUMNS = ("quote_id", "start", "end", "cue_start", "cue_end")


def check_quote_cues(tables, report: Report) -> None:
    quotes = tables.get("quotes")
    if quotes is None or len(quotes) == 0 or not all(c in quotes for c in _COLUMNS):
        return
    known = ~np.logical_or.reduce([frame_nulls(quotes, c) for c in _COLUMNS[1:]])
    start, end = frame_ints(quotes, "start"), frame_ints(quotes, "end")
    cue_start, cue_end = frame_ints(quotes, "cue_start"), frame_ints(quotes, "cue_end")
    inside = known & (cue_start < end) & (start < cue_end) & (cue_start < cue_end)
    rows = np.flatnonzero(inside)
    if not len(rows):
        return
    ids = arrow_column(tables, "quotes", "quote_id", pa.string()).take(pa.array(rows)).to_pylist()
    for row, quote_id in zip(rows, ids):
        report.add("quotes", "cue-inside-quote",
                   f"the cue [{cue_start[row]}, {cue_end[row]}) overlaps the quoted words [{start[row]}, {end[row]}): "
                   "a cue introduces them from outside (Q5)", quote_id, "cue_start", int(cue_start[row]))
