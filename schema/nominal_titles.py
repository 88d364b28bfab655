"""M1: a NOMINAL mention is "a definite description"; a NAME is "a proper name". A description
that ends on its own entity's name ("Former U.S. President Donald Trump") is the name with its
title, and a title standing right before its entity's name ("Former U.S. President" + "Donald
Trump", spaces only between) describes nothing the name does not: the name is the mention (M2),
and the title is no mention of its own.

attack28: a NOMINAL "Former U.S. President Donald Trump" or "Former U.S. President" added to a004
beside its NAME "Donald Trump" (or "President Claudia Sheinbaum" / "President" to a001), id
derived, each validated: `name-mentions-overlap` judges NAME mentions only [nominal-is-a-title].
Releases 1.0.0 to 2.12.0 shipped the first (found by hand in the review of 2.12.0,
docs/notes/gold213_review.tsv d12) and 2.13.0 the second (deleted in 2.14.0,
gold214_review.tsv). No gold nominal is either (its "Mexico’s government" holds the name at its
start: a possessive, M1's "with its ... possessive"). The extractor's rows are exempt (14 of its nominals on
the BBC dev news end on a name it gives them the entity of: "A spokesman for the LSE"). Rows meet within one article."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.checkcorpus import arrow_column, article_numbers, article_texts, frame_ints, frame_nulls, frame_strings, is_in
from landstrikes.schema.report import Report

_GAP = 3
"""Characters of space at most between a title and the name after it."""
_BOUND = 1 << 31


def check_nominal_titles(tables, report: Report) -> None:
    mentions, articles = tables.get("mentions"), tables.get("articles")
    if mentions is None or articles is None or len(mentions) < 2 or "text" not in articles or \
            not all(c in mentions for c in ("mention_id", "article_id", "entity_id", "kind", "start", "end")):
        return
    numbers = article_numbers(tables, "mentions")
    known = ~(frame_nulls(mentions, "entity_id") | frame_nulls(mentions, "start") | frame_nulls(mentions, "end")) & (numbers >= 0)
    # a span outside its article is span-out-of-range's finding: the gap between two such was read past the text (attack31: the check crashed)
    lengths = article_texts(tables).lengths
    raw_start, raw_end = frame_ints(mentions, "start"), frame_ints(mentions, "end")
    known &= (raw_start >= 0) & (raw_start <= raw_end) & (raw_end <= (lengths[np.maximum(numbers, 0)] if len(lengths) else 0))
    nominal = is_in(mentions, "kind", ("NOMINAL",)) & known
    if "source" in mentions:
        nominal &= ~is_in(mentions, "source", ("auto",))
    nominal_rows, name_rows = np.flatnonzero(nominal), np.flatnonzero(is_in(mentions, "kind", ("NAME",)) & known)
    if not len(nominal_rows) or not len(name_rows):
        return
    # positions first (article and offset in one int64 key), entities only for the few names placed so
    start, end = (np.clip(frame_ints(mentions, c), 0, _BOUND - 1).astype(np.int64) for c in ("start", "end"))
    base = numbers.astype(np.int64) * _BOUND
    order = np.argsort(base[nominal_rows] + end[nominal_rows], kind="stable")
    ends = (base[nominal_rows] + end[nominal_rows])[order]
    name_end, name_start = base[name_rows] + end[name_rows], base[name_rows] + start[name_rows]
    at = np.minimum(np.searchsorted(ends, name_end), len(ends) - 1)
    same_end = ends[at] == name_end  # a name ending where a nominal ends
    before = np.searchsorted(ends, name_start - 1, side="right") - 1
    gap = name_start - ends[np.maximum(before, 0)]
    after = (before >= 0) & (gap >= 1) & (gap <= _GAP)  # a name starting just after a nominal's end
    placed = np.flatnonzero(same_end | after)
    if not len(placed):
        return
    first = np.where(same_end[placed], at[placed], np.maximum(before[placed], 0))
    key = ends[first]
    low, high = np.searchsorted(ends, key), np.searchsorted(ends, key, side="right")
    # every nominal with that end key (two nominals may end at one place: a few extra pairs)
    spread = np.repeat(np.arange(len(placed)), high - low)
    within = np.arange(len(spread)) - np.repeat(np.cumsum(high - low) - (high - low), high - low)
    nominal = nominal_rows[order[low[spread] + within]]
    name = name_rows[placed[spread]]
    ending = same_end[placed[spread]]
    entity = frame_strings(mentions, "entity_id")
    same = pc.fill_null(pc.equal(entity.take(pa.array(nominal)), entity.take(pa.array(name))), False).to_numpy(zero_copy_only=False)
    titled = same & ending & (start[name] > start[nominal])
    found = set(nominal[titled].tolist())
    spaced = np.flatnonzero(same & ~ending)
    if len(spaced):
        gaps = article_texts(tables).slices(numbers[nominal[spaced]], end[nominal[spaced]], start[name[spaced]]).to_pylist()
        found.update(int(nominal[k]) for k, gap in zip(spaced, gaps) if gap and not gap.strip() and "\n" not in gap)
    if not found:
        return
    ids = arrow_column(tables, "mentions", "mention_id", pa.string())
    words = arrow_column(tables, "mentions", "text", pa.string()) if "text" in mentions else None
    for row in sorted(found):
        report.add("mentions", "nominal-is-a-title",
                   "a NOMINAL is a description (M1): this one is a title joined to its entity's NAME mention, which is the mention",
                   ids[row].as_py(), "kind", words[row].as_py() if words is not None else None, value_of="its text")
