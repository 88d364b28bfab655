"""C10: "A verbatim repeat of the headline (flagged `duplicate_headline`), a copy after a
breadcrumb path included, is not annotated": no claim overlaps a `duplicate_headline` flag's
evidence (the claim is the headline's, at its first occurrence). attack25: the headline claim
annotated again in its flagged repeat validated [claim-in-repeated-headline]. Every row: the
extractor proposes no claim there either."""

from __future__ import annotations

import numpy as np

from landstrikes.schema.checkcorpus import frame_strings, is_in, known_rows, same_article_span_match
from landstrikes.schema.report import Report


def check_repeated_headline_claims(tables, report: Report) -> None:
    claims, flags = tables.get("claims"), tables.get("quality_flags")
    if claims is None or flags is None or not all(c in claims for c in ("claim_id", "article_id", "start", "end")) \
            or not all(c in flags for c in ("flag_id", "article_id", "flag", "start", "end")):
        return
    repeats = np.flatnonzero(is_in(flags, "flag", ("duplicate_headline",)) & known_rows(flags))
    annotated = np.flatnonzero(known_rows(claims))
    if not len(repeats) or not len(annotated):
        return
    # each claim's last overlapping flag: what dict(zip(...)) kept of every overlapping pair (attack30: nested
    # claims over nested repeats were every pair of the article)
    last = same_article_span_match(claims, annotated, flags, repeats, "overlap", pick="last")
    if last is None:
        return
    claim_rows, flag_rows = annotated[last >= 0], repeats[last[last >= 0]]
    if not len(claim_rows):
        return
    claim_ids = frame_strings(claims, "claim_id").take(claim_rows).to_pylist()
    flag_ids = frame_strings(flags, "flag_id").take(flag_rows).to_pylist()
    # one finding per claim row: keyed by id, two rows sharing an id (a duplicate-id, in two articles) were one
    # finding in one folder and two under --engine with the articles in two tasks (attack31)
    for claim_id, flag_id in zip(claim_ids, flag_ids):
        report.add("claims", "claim-in-repeated-headline",
                   f"the claim lies in a repeat of the headline ({flag_id}), which is not annotated: its claim is the headline's (C10)",
                   claim_id, "start", flag_id, value_of="the flag")

