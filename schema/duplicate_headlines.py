"""AQ1, SG2, C10: a `duplicate_headline` flag marks a verbatim repeat of a headline (a repeated
title, a copy after a breadcrumb path), so its evidence lies inside a `headline` segment whose
text another headline segment of the article repeats. attack25 moved the evidence onto a body
name and onto a subheadline no headline repeats; both validated [duplicate-headline-not-a-repeat].
Every row: the extractor flags only a headline line that repeats the title.

Conversely (C10, SG2: "a verbatim repeat of the headline (flagged `duplicate_headline`)"), of the
n headline segments of an article that share one text, n - 1 hold a `duplicate_headline` flag:
attack41 deleted 000's flag with the article's `quality_flags` item and it validated, two equal
headlines and no flag [repeated-headline-not-flagged]. Every row: the extractor flags every
headline segment but the one at the article's start (`_quality_rows`), and none of nothing but
stops (`...`: no evidence can lie there), which this rule exempts too (attack43)."""

from __future__ import annotations

import numpy as np
import pyarrow.compute as pc

from landstrikes.schema.checkcorpus import article_codes, frame_ints, frame_nulls, frame_strings, is_in, known_rows, same_article_span_match, shared_codes
from landstrikes.schema.final_punctuation import CLAUSE_STOPS, FINAL_PUNCTUATION
from landstrikes.schema.report import Report

FLAG = "duplicate_headline"


def check_duplicate_headlines(tables, report: Report) -> None:
    flags, segments = tables.get("quality_flags"), tables.get("segments")
    if flags is None or segments is None or not all(c in flags for c in ("flag_id", "article_id", "flag", "start", "end")) \
            or not all(c in segments for c in ("article_id", "start", "end", "kind", "text")):
        return
    flagged = np.flatnonzero(is_in(flags, "flag", (FLAG,)) & known_rows(flags))
    heads = np.flatnonzero(is_in(segments, "kind", ("headline",)) & known_rows(segments) & ~frame_nulls(segments, "text"))
    group = _groups(segments, heads) if len(heads) else heads
    repeated_at = group >= 0
    repeated, group = heads[repeated_at], group[repeated_at]
    if len(repeated):
        _report_unflagged(segments, repeated, group, flags, flagged, report)
    if not len(flagged):
        return
    held = np.zeros(len(flagged), dtype=bool)
    if len(repeated):
        first = same_article_span_match(flags, flagged, segments, repeated, "inside")  # some repeated headline holds it
        if first is None:
            return
        held = first >= 0
    _report(flags, flagged[~held], report)



def _groups(segments, heads: np.ndarray) -> np.ndarray:
    """For each of the headline segments `heads`, the number of its group (the headline segments
    of its article with the same text, blanks around it aside), -1 where no other repeats it."""
    words = pc.utf8_trim_whitespace(frame_strings(segments, "text").take(heads))
    article, text = article_codes((segments, heads)), shared_codes(words)
    key = article[0] * (int(text[0].max(initial=0)) + 1) + text[0]
    _, inverse, counts = np.unique(key, return_inverse=True, return_counts=True)
    return np.where(counts[inverse] >= 2, inverse, -1)


def _report_unflagged(segments, repeated: np.ndarray, group: np.ndarray, flags, flagged: np.ndarray, report: Report) -> None:
    """Of each group of equal headlines, one may stand without a flag (the title); every other
    unflagged one is a finding (the first unflagged by start is the one let stand)."""
    if len(flagged):
        count = same_article_span_match(segments, repeated, flags, flagged, "holds", pick="count")
        if count is None:
            return
        unflagged = count == 0
    else:
        unflagged = np.ones(len(repeated), dtype=bool)
    rows, group = repeated[unflagged], group[unflagged]
    if not len(rows):
        return
    order = np.lexsort((frame_ints(segments, "start")[rows], group))
    rows, group = rows[order], group[order]
    first = np.ones(len(rows), dtype=bool)
    first[1:] = group[1:] != group[:-1]
    rows = rows[~first]
    if not len(rows):
        return
    ids = frame_strings(segments, "segment_id").take(rows).to_pylist() if "segment_id" in segments else [""] * len(rows)
    texts = frame_strings(segments, "text").take(rows).to_pylist()
    for segment_id, text in zip(ids, texts):
        if not _evidence_in(text):
            continue
        report.add("segments", "repeated-headline-not-flagged",
                   "a headline segment another headline of its article repeats holds no duplicate_headline flag: of n equal "
                   "headlines, n - 1 are flagged (C10, SG2)", segment_id, "text", text)


def _evidence_in(text: str) -> bool:
    """Whether a flag's evidence can lie in `text`: a headline of nothing but stops and blanks
    (`...`, `!!!`, `?`) holds none, as evidence never ends on final punctuation or a clause stop
    (G2), so its repeat goes unflagged (the extractor's `_quality_rows` writes no flag there; its
    own output was INVALID, attack43). Each group shares one text: it is exempt as a whole."""
    return any(not (c.isspace() or c in _STOPS) for c in text)


_STOPS = FINAL_PUNCTUATION + CLAUSE_STOPS


def _report(flags, rows: np.ndarray, report: Report) -> None:
    if not len(rows):
        return
    ids = frame_strings(flags, "flag_id").take(rows).to_pylist()
    texts = frame_strings(flags, "text").take(rows).to_pylist() if "text" in flags else [None] * len(ids)
    for flag_id, text in zip(ids, texts):
        report.add("quality_flags", "duplicate-headline-not-a-repeat",
                   "a duplicate_headline flag's evidence lies in a headline segment that another headline of the article repeats (AQ1, SG2)",
                   flag_id, "start", text, value_of="its evidence")
