"""Claims are never annotated in `navigation`, `prompt` or `advertisement` segments (C12:
related-article headlines are links, not the article's claims). A claim added on the breadcrumb
line of a002, with its own one-claim cluster (counts consistent), validated (attack15)
[claim-in-boilerplate-segment]. Every row, the extractor's too: it proposed numeric claims in
related-article links ("300 Stranded Workers to Return Home") and adverts until it read its own
segments (9 of 5,821 claims over 2,575 news texts, all link headlines); its rows were exempt then."""

from __future__ import annotations

import numpy as np

from landstrikes.schema.article_rules import BOILERPLATE_KINDS
from landstrikes.schema.checkcorpus import frame_ints, frame_strings, is_in, known_rows, same_article_span_match
from landstrikes.schema.report import Report


def check_claim_segments(tables, report: Report) -> None:
    claims, segments = tables.get("claims"), tables.get("segments")
    if claims is None or segments is None or not all(c in claims for c in ("claim_id", "article_id", "start", "end")) \
            or not all(c in segments for c in ("segment_id", "article_id", "start", "end", "kind")):
        return
    # a null id or offset is another check's finding: those rows are left out, so the pairing is decided
    annotated = np.flatnonzero(known_rows(claims))
    noise = np.flatnonzero(is_in(segments, "kind", BOILERPLATE_KINDS) & known_rows(segments))
    if not len(annotated) or not len(noise):
        return
    # each claim's first overlapping block, the one _report names (attack30: listing every pair of an article of
    # nested spans cost its rows squared)
    first = same_article_span_match(claims, annotated, segments, noise, "overlap", pick="first")
    if first is None:
        return
    inside = (first >= 0) & (frame_ints(claims, "end")[annotated] > frame_ints(claims, "start")[annotated])
    _report(claims, segments, annotated[inside], noise[first[inside]], report)



def _report(claims, segments, claim_rows, segment_rows, report) -> None:
    if not len(claim_rows):
        return
    claim_ids = frame_strings(claims, "claim_id").take(claim_rows).to_pylist()
    segment_ids = frame_strings(segments, "segment_id").take(segment_rows).to_pylist()
    kinds = frame_strings(segments, "kind").take(segment_rows).to_pylist()
    done = set()
    for claim_id, segment_id, kind in zip(claim_ids, segment_ids, kinds):
        if claim_id in done:
            continue
        done.add(claim_id)
        report.add("claims", "claim-in-boilerplate-segment",
                   f"a claim is never annotated in a {kind} segment ({segment_id}): links, prompts and ads are not the article's claims (C12)",
                   claim_id, "start", segment_id)
