"""M5: an exclusion records an alias occurrence that does NOT refer to its entity, so no mention
of that entity overlaps it (a mention of the entity the words do refer to may: "Washington" the
city inside an exclusion of `united-states`). attack25: a NAME mention of `us-congress` added over
a002's excluded "congressional" validated; the tables said both [exclusion-overlaps-mention]."""

from __future__ import annotations

import numpy as np

from landstrikes.schema.checkcorpus import article_codes, frame_ints, frame_strings, keys_with_values, known_rows, \
    listed_pairs_are_few, pairs_by_key
from landstrikes.schema.span_pairs import related, related_pairs, related_pick
from landstrikes.schema.report import Report

_COLUMNS = ("article_id", "entity_id", "start", "end")


def check_exclusion_mentions(tables, report: Report) -> None:
    exclusions, mentions = tables.get("mention_exclusions"), tables.get("mentions")
    if exclusions is None or mentions is None or "exclusion_id" not in exclusions or "mention_id" not in mentions \
            or not all(c in exclusions and c in mentions for c in _COLUMNS):
        return
    left, right = np.flatnonzero(known_rows(exclusions, _COLUMNS)), np.flatnonzero(known_rows(mentions, _COLUMNS))
    if not len(left) or not len(right):
        return
    key_left, key_right = keys_with_values(*article_codes((exclusions, left), (mentions, right)),  # one article, one entity
                                           frame_strings(exclusions, "entity_id").take(left), frame_strings(mentions, "entity_id").take(right))
    spans = [frame_ints(exclusions, c)[left] for c in ("start", "end")] + [frame_ints(mentions, c)[right] for c in ("start", "end")]
    if listed_pairs_are_few(key_left, key_right):
        li, ri = pairs_by_key(key_left, key_right)
        clash = related("overlap", spans[0][li], spans[1][li], spans[2][ri], spans[3][ri])
        li, ri = li[clash], ri[clash]
        counts = np.bincount(li, minlength=len(left))
    else:
        counts = related_pick("overlap", "count", key_left, *spans[:2], key_right, *spans[2:])
        li = np.zeros(0, np.int64)
    many = counts > MAX_CLASHES
    if many.any() or not len(li) and counts.any():  # the rows of the exclusions at most MAX_CLASHES mentions overlap
        few = np.flatnonzero((counts > 0) & ~many)
        li, ri = related_pairs("overlap", key_left[few], *(v[few] for v in spans[:2]), key_right, *spans[2:])
        li = few[li]
        first = related_pick("overlap", "first", key_left, *spans[:2], key_right, *spans[2:])
        li = np.concatenate([li, np.flatnonzero(many)])
        ri = np.concatenate([ri, first[many]])
        order = np.argsort(li, kind="stable")  # each exclusion in turn; its mentions in order, or its one line
        li, ri = li[order], ri[order]
    if len(li):
        _report(exclusions, mentions, left[li], right[ri], np.where(many[li], counts[li], 0), report)


MAX_CLASHES = 100
"""At most this many mentions overlapping one exclusion are named one finding each; past it, the
exclusion is one finding naming the first and how many (attack30: 1,000 nested exclusions over
1,000 nested mentions of their entity were 10^6 findings, 12.7 s and 0.95 GB; 10^4 of each, 10^8)."""


def _report(exclusions, mentions, exclusion_rows, mention_rows, counts, report: Report) -> None:
    exclusion_ids = frame_strings(exclusions, "exclusion_id").take(exclusion_rows).to_pylist()
    mention_ids = frame_strings(mentions, "mention_id").take(mention_rows).to_pylist()
    entities = frame_strings(exclusions, "entity_id").take(exclusion_rows).to_pylist()
    for exclusion_id, mention_id, entity, count in zip(exclusion_ids, mention_ids, entities, counts.tolist()):
        if count:
            report.add("mention_exclusions", "exclusion-overlaps-mention",
                       f"{count} mentions say these words refer to {entity!r}, which the exclusion says they do not, the first "
                       f"{mention_id} (M5; past {MAX_CLASHES} mentions, one line)", exclusion_id, "start", mention_id, value_of="the mention")
            continue
        report.add("mention_exclusions", "exclusion-overlaps-mention",
                   f"mention {mention_id} says these words refer to {entity!r}, which the exclusion says they do not (M5)",
                   exclusion_id, "start", mention_id, value_of="the mention")
