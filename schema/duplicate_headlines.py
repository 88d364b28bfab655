"""AQ1, SG2, C10: a `duplicate_headline` flag marks a verbatim repeat of a headline (a repeated
title, a copy after a breadcrumb path), so its evidence lies inside a `headline` segment whose
text another headline segment of the article repeats. attack25 moved the evidence onto a body
name and onto a subheadline no headline repeats; both validated [duplicate-headline-not-a-repeat].
Every row: the extractor flags only a headline line that repeats the title."""

from __future__ import annotations

import numpy as np
import pyarrow.compute as pc

from landstrikes.schema.checkcorpus import article_codes, frame_nulls, frame_strings, is_in, known_rows, same_article_span_match, shared_codes
from landstrikes.schema.report import Report

FLAG = "duplicate_headline"


def check_duplicate_headlines(tables, report: Report) -> None:
    flags, segments = tables.get("quality_flags"), tables.get("segments")
    if flags is None or segments is None or not all(c in flags for c in ("flag_id", "article_id", "flag", "start", "end")) \
            or not all(c in segments for c in ("article_id", "start", "end", "kind", "text")):
        return
    flagged = np.flatnonzero(is_in(flags, "flag", (FLAG,)) & known_rows(flags))
    if not len(flagged):
        return
    heads = np.flatnonzero(is_in(segments, "kind", ("headline",)) & known_rows(segments) & ~frame_nulls(segments, "text"))
    repeated = heads[_repeated(segments, heads)] if len(heads) else heads
    held = np.zeros(len(flagged), dtype=bool)
    if len(repeated):
        first = same_article_span_match(flags, flagged, segments, repeated, "inside")  # some repeated headline holds it
        if first is None:
            return
        held = first >= 0
    _report(flags, flagged[~held], report)



def _repeated(segments, heads: np.ndarray) -> np.ndarray:
    """Which of the headline segments `heads` another headline segment of its article repeats
    (the same text, blanks around it aside)."""
    words = pc.utf8_trim_whitespace(frame_strings(segments, "text").take(heads))
    article, text = article_codes((segments, heads)), shared_codes(words)
    key = article[0] * (int(text[0].max(initial=0)) + 1) + text[0]
    _, inverse, counts = np.unique(key, return_inverse=True, return_counts=True)
    return counts[inverse] >= 2


def _report(flags, rows: np.ndarray, report: Report) -> None:
    if not len(rows):
        return
    ids = frame_strings(flags, "flag_id").take(rows).to_pylist()
    texts = frame_strings(flags, "text").take(rows).to_pylist() if "text" in flags else [None] * len(ids)
    for flag_id, text in zip(ids, texts):
        report.add("quality_flags", "duplicate-headline-not-a-repeat",
                   "a duplicate_headline flag's evidence lies in a headline segment that another headline of the article repeats (AQ1, SG2)",
                   flag_id, "start", text)
