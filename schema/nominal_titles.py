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

from landstrikes.schema.checkcorpus import arrow_column, article_numbers, column, frame_nulls, frame_strings, is_in, \
    same_article_span_pairs, shared_codes
from landstrikes.schema.report import Report

_GAP = 3
"""Characters of space at most between a title and the name after it."""


def check_nominal_titles(tables, report: Report) -> None:
    mentions, articles = tables.get("mentions"), tables.get("articles")
    if mentions is None or articles is None or len(mentions) < 2 or "text" not in articles or \
            not all(c in mentions for c in ("mention_id", "article_id", "entity_id", "kind", "start", "end")):
        return
    known = ~(frame_nulls(mentions, "article_id") | frame_nulls(mentions, "entity_id") | frame_nulls(mentions, "start")
              | frame_nulls(mentions, "end"))
    nominal = is_in(mentions, "kind", ("NOMINAL",)) & known
    if "source" in mentions:
        nominal &= ~is_in(mentions, "source", ("auto",))
    nominal_rows, name_rows = np.flatnonzero(nominal), np.flatnonzero(is_in(mentions, "kind", ("NAME",)) & known)
    if not len(nominal_rows) or not len(name_rows):
        return
    pairs = same_article_span_pairs(mentions, nominal_rows, mentions, name_rows)
    if pairs is None:
        return
    entity = shared_codes(frame_strings(mentions, "entity_id"))[0]
    same = entity[nominal_rows[pairs.left]] == entity[name_rows[pairs.right]]
    ends_on_name = same & (pairs.right_end == pairs.left_end) & (pairs.right_start > pairs.left_start)
    gap = pairs.right_start - pairs.left_end
    before_name = same & (gap >= 1) & (gap <= _GAP)
    found = set(nominal_rows[pairs.left[ends_on_name]].tolist())
    if before_name.any():
        texts = column(tables.arrow["articles"], "text") if hasattr(tables, "arrow") and "articles" in tables.arrow else None
        numbers = article_numbers(tables, "mentions")
        for row, begin, end in zip(nominal_rows[pairs.left[before_name]].tolist(), pairs.left_end[before_name].tolist(),
                                   pairs.right_start[before_name].tolist()):
            number = int(numbers[row])
            if number < 0 or row in found:
                continue
            body = texts[number].as_py() if texts is not None else articles["text"].iloc[number]
            between = body[begin:end]
            if between and not between.strip() and "\n" not in between:
                found.add(row)
    if not found:
        return
    ids = arrow_column(tables, "mentions", "mention_id", pa.string())
    words = arrow_column(tables, "mentions", "text", pa.string()) if "text" in mentions else None
    for row in sorted(found):
        report.add("mentions", "nominal-is-a-title",
                   "a NOMINAL is a description (M1): this one is a title joined to its entity's NAME mention, which is the mention",
                   ids[row].as_py(), "kind", words[row].as_py() if words is not None else None)
