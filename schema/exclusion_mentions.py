"""M5: an exclusion records an alias occurrence that does NOT refer to its entity, so no mention
of that entity overlaps it (a mention of the entity the words do refer to may: "Washington" the
city inside an exclusion of `united-states`). attack25: a NAME mention of `us-congress` added over
a002's excluded "congressional" validated; the tables said both [exclusion-overlaps-mention]."""

from __future__ import annotations

import numpy as np

from landstrikes.schema.checkcorpus import frame_strings, known_rows, same_article_span_pairs, shared_codes
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
    pairs = same_article_span_pairs(exclusions, left, mentions, right, relation="overlap")
    if pairs is None:
        return
    excluded, mentioned = shared_codes(frame_strings(exclusions, "entity_id").take(left),
                                       frame_strings(mentions, "entity_id").take(right))
    clash = (excluded[pairs.left] == mentioned[pairs.right]) \
        & (pairs.left_start < pairs.right_end) & (pairs.right_start < pairs.left_end)
    if clash.any():
        _report(exclusions, mentions, left[pairs.left[clash]], right[pairs.right[clash]], report)


def _report(exclusions, mentions, exclusion_rows, mention_rows, report: Report) -> None:
    exclusion_ids = frame_strings(exclusions, "exclusion_id").take(exclusion_rows).to_pylist()
    mention_ids = frame_strings(mentions, "mention_id").take(mention_rows).to_pylist()
    entities = frame_strings(exclusions, "entity_id").take(exclusion_rows).to_pylist()
    for exclusion_id, mention_id, entity in zip(exclusion_ids, mention_ids, entities):
        report.add("mention_exclusions", "exclusion-overlaps-mention",
                   f"mention {mention_id} says these words refer to {entity!r}, which the exclusion says they do not (M5)",
                   exclusion_id, "start", mention_id)
