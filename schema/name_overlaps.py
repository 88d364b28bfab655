"""Two NAME mentions never overlap (M4: a name inside a longer name is not a separate mention,
the longest name wins). A mention of `mexico` added at "Mexico" inside "Mexico City" (beside
the mention of `mexico-city`) passed every other check: its text is an alias of its entity and
the occurrence is covered (attack15) [name-mentions-overlap]. A NAME inside a NOMINAL ("US"
inside "The US President") is allowed, as M3 annotates descriptions around names.

Decided on integer arrays: NAME rows sorted by (article, start); a row overlaps when it starts
before the furthest end of the NAME rows before it in its article; the finding names both."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.census_arrow import arrow_of, ids_at, values_at
from landstrikes.schema.blockedkeys import in_order
from landstrikes.schema.checkcorpus import article_numbers, column
from landstrikes.schema.report import Report
from landstrikes.schema.spankeys import span_order


def check_name_overlaps(tables, report: Report) -> None:
    mentions = arrow_of(tables, "mentions", ("article_id", "start", "end", "kind", "text"))
    if mentions is None or mentions.num_rows < 2:
        return
    kind, start, end = column(mentions, "kind"), column(mentions, "start"), column(mentions, "end")
    if not pa.types.is_integer(start.type) or not pa.types.is_integer(end.type):
        return
    names = pc.and_(pc.fill_null(pc.equal(kind, "NAME"), False), pc.fill_null(column(mentions, "article_id").is_valid(), False))
    # (int64 offsets are read where they are: no copy of millions of them; they are never written)
    starts_all = pc.fill_null(start, -1).to_numpy(zero_copy_only=False).astype(np.int64, copy=False)
    ends_all = pc.fill_null(end, -1).to_numpy(zero_copy_only=False).astype(np.int64, copy=False)
    # a span out of range or reversed is another check's finding; the bound keeps the arithmetic below exact
    sound = (starts_all >= 0) & (ends_all > starts_all) & (ends_all <= LONGEST_OFFSET)
    rows = np.flatnonzero(names.to_numpy(zero_copy_only=False) & sound)
    if len(rows) < 2:
        return
    article = _article_codes(tables, mentions, rows)
    for row, outer in overlapping_rows(article, starts_all[rows], ends_all[rows], rows):
        (mention_id, other_id), (text, other_text) = ids_at(mentions, "mentions", np.array([row, outer])), values_at(mentions, "text", np.array([row, outer]))
        report.add("mentions", "name-mentions-overlap",
                   f"NAME mention {text!r} overlaps NAME mention {other_id} {other_text!r}: a name inside a longer name is no separate mention, the longest wins (M4)",
                   mention_id, "start", int(starts_all[row]))


def overlapping_rows(group: np.ndarray, starts: np.ndarray, ends: np.ndarray, rows: np.ndarray) -> list[tuple[int, int]]:
    """(row, an earlier row of its group whose span it overlaps) for each row that starts before
    the furthest end of the rows before it in its group, rows sorted by group, start, the longest
first (span_order).
    Offsets are sound (0 <= start < end <= LONGEST_OFFSET) and groups are small integers."""
    order = span_order(group, starts, ends)
    group, starts, ends, rows = group[order], starts[order], ends[order], rows[order]
    new_group = np.r_[True, group[1:] != group[:-1]]
    # one running maximum for all groups: each group's ends are lifted above every earlier group's
    lifted = ends + (np.cumsum(new_group) - 1) * (LONGEST_OFFSET + 1)
    reach = np.maximum.accumulate(lifted)
    record = np.maximum.accumulate(np.where(lifted == reach, np.arange(len(rows)), 0))  # the row that reached it
    lifted_starts = lifted - ends + starts
    inside = np.flatnonzero(~new_group & (lifted_starts < np.r_[0, reach[:-1]]))
    return [(int(rows[at]), int(rows[record[at - 1]])) for at in inside]


def _article_codes(tables, mentions: pa.Table, rows: np.ndarray) -> np.ndarray:
    """Each row's article as a number, equal for equal article ids and ascending in the order the
    ids first appear among `rows` (what dictionary_encode's codes are). The run's shared article
    numbers are that when every row's article is known and they never decrease (rows article by
    article, as built): no copy and hash of millions of article ids. Otherwise dictionary_encode."""
    if "articles" in tables:
        numbers = article_numbers(tables, "mentions")[rows]
        if len(numbers) and numbers[0] >= 0 and in_order(numbers):
            return numbers
    return _article_codes_plainly(mentions, rows)


def _article_codes_plainly(mentions: pa.Table, rows: np.ndarray) -> np.ndarray:
    return pc.dictionary_encode(column(mentions, "article_id").take(pa.array(rows, pa.int64()))).indices.to_numpy(zero_copy_only=False).astype(np.int64)


LONGEST_OFFSET = 2**31
"""Offsets past this are span-out-of-range's (no article is 2 G code points); below it the lifted ends fit int64."""
