"""Q15 and AQ1: a `misquotation` flag marks quoted words, so its evidence lies inside a `direct`
or `partial` quote of its article ("When a quoted (direct or partial) text differs from what the
speaker said ... the article gets a `misquotation` quality flag (AQ1) on the quote's span"; AQ1:
"quoted words the speaker did not say"). Words of the reporter's own narrative, a headline, an
indirect paraphrase or a scare-quoted term are no one's quoted words, so none can be misquoted.

attack28: a second misquotation flag added to a000 (id derived, note giving "what was said")
over "Mexico" in its headline, or over "eastern Pacific" in Trump's indirect speech, validated:
`misquotation-without-evidence` asks that each quote differing from its cluster has a flag, not
that each flag stands on a quote [misquotation-outside-quote]. Every gold misquotation flag (4)
lies inside a direct or partial quote; the extractor writes none.

Rows meet within one article only, so the check is partition-safe (`validate --engine`)."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from landstrikes.schema.checkcorpus import arrow_column, article_codes, frame_ints, frame_nulls, is_in
from landstrikes.schema.report import Report

_QUOTED = ("direct", "partial")


def check_misquotation_spans(tables, report: Report) -> None:
    flags, quotes = tables.get("quality_flags"), tables.get("quotes")
    if flags is None or quotes is None or len(flags) == 0:
        return
    if not all(c in flags for c in ("flag_id", "article_id", "flag", "start", "end")) or \
            not all(c in quotes for c in ("article_id", "kind", "start", "end")):
        return
    flagged = is_in(flags, "flag", ("misquotation",)) & ~_nulls(flags)
    if not flagged.any():
        return
    flag_rows = np.flatnonzero(flagged)
    quote_rows = np.flatnonzero(is_in(quotes, "kind", _QUOTED) & ~_nulls(quotes))
    flag_article, quote_article = article_codes((flags, flag_rows), (quotes, quote_rows))
    inside = enclosed(flag_article, frame_ints(flags, "start")[flag_rows], frame_ints(flags, "end")[flag_rows],
                       quote_article, frame_ints(quotes, "start")[quote_rows], frame_ints(quotes, "end")[quote_rows])
    if inside.all():
        return
    ids = arrow_column(tables, "quality_flags", "flag_id", pa.string())
    texts = arrow_column(tables, "quality_flags", "text", pa.string()) if "text" in flags else None
    for row in flag_rows[~inside]:
        row = int(row)
        report.add("quality_flags", "misquotation-outside-quote",
                   "a misquotation flag marks quoted words: its span lies inside a direct or partial quote of its article (Q15, AQ1)",
                   ids[row].as_py(), "start", texts[row].as_py() if texts is not None else None, value_of="its text")


def _nulls(frame) -> np.ndarray:
    return frame_nulls(frame, "article_id") | frame_nulls(frame, "start") | frame_nulls(frame, "end")


BOUND = 1 << 31
"""Offsets are clipped to [0, BOUND) for the search keys: a span beyond it is out of any article
(`span-out-of-range` names it) and is judged against the clipped value only."""


def enclosed(article, start, end, q_article, q_start, q_end) -> np.ndarray:
    """For each span, whether some quote of its article starts at or before it and ends at or
    after it: the greatest end among the article's quotes that start at or before the span's start,
    found by one sort and a running maximum per article."""
    if len(q_start) == 0:
        return np.zeros(len(start), dtype=bool)
    start, end, q_start, q_end = (np.clip(v, 0, BOUND - 1).astype(np.int64) for v in (start, end, q_start, q_end))
    order = np.lexsort((q_start, q_article))
    q_article, q_start, q_end = q_article[order].astype(np.int64), q_start[order], q_end[order]
    opens = np.ones(len(order), dtype=bool)
    opens[1:] = q_article[1:] != q_article[:-1]
    lift = np.cumsum(opens) * BOUND  # each article's ends above the last's: one running maximum serves all
    reach = np.maximum.accumulate(q_end + lift) - lift
    keys = q_article * BOUND + q_start
    at = np.searchsorted(keys, article.astype(np.int64) * BOUND + start, side="right") - 1
    found = at >= 0
    found[found] = q_article[at[found]] == article[found]
    return found & (reach[np.maximum(at, 0)] >= end)
