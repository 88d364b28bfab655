"""C10: "A headline (and a subheadline or 'Breaking:' line) states a claim in the article's own
voice", and a section heading that states something is "a claim like a headline": an annotated
claim starting in a `headline` or `section_heading` segment has no claimant and is not
`attributed`. attack25: a000's headline claim attributed to `donald-trump` validated
[headline-claim-attributed]. A claim inside a quotation a headline attributes (Q7) is its
speaker's (C11, claimant-not-speaker), not judged here. The extractor's rows are exempt, as from C-rules it has no reading
of (it keeps the speaker a headline names, where it finds one)."""

from __future__ import annotations

import numpy as np

from landstrikes.schema.claim_speakers import QUOTE_COLUMNS, speech_quotes_holding
from landstrikes.schema.checkcorpus import frame_nulls, frame_strings, is_in, known_rows, same_article_span_match, same_article_span_pairs
from landstrikes.schema.report import Report

HEADING_KINDS = ("headline", "section_heading")


def check_heading_claims(tables, report: Report) -> None:
    claims, segments = tables.get("claims"), tables.get("segments")
    if claims is None or segments is None \
            or not all(c in claims for c in ("claim_id", "article_id", "start", "end", "claimant_id", "hedging")) \
            or not all(c in segments for c in ("segment_id", "article_id", "start", "end", "kind")):
        return
    voiced = known_rows(claims) & (~frame_nulls(claims, "claimant_id") | is_in(claims, "hedging", ("attributed",)))
    if "source" in claims:
        voiced &= ~is_in(claims, "source", ("auto",))
    attributed = np.flatnonzero(voiced)
    if "quotes" in tables and tables.get("quotes") is not None and all(c in tables["quotes"] for c in QUOTE_COLUMNS):
        attributed = attributed[speech_quotes_holding(claims, attributed, tables["quotes"]) < 0]
    headings = np.flatnonzero(is_in(segments, "kind", HEADING_KINDS) & known_rows(segments))
    if not len(attributed) or not len(headings):
        return
    counts = same_article_span_match(claims, attributed, segments, headings, "starts_in", pick="count")
    if counts is None:
        return
    many = counts > MAX_HEADINGS
    few = attributed[(counts > 0) & ~many]
    pairs = same_article_span_pairs(claims, few, segments, headings, relation="starts_in")
    if pairs is None:
        return
    inside = (pairs.right_start <= pairs.left_start) & (pairs.left_start < pairs.right_end)
    claim_rows, segment_rows = few[pairs.left[inside]], headings[pairs.right[inside]]
    several = np.zeros(len(claim_rows), np.int64)
    if many.any():  # a claim starting in more headings than MAX_HEADINGS: one line, the first of them named
        first = same_article_span_match(claims, attributed[many], segments, headings, "starts_in")
        claim_rows = np.concatenate([claim_rows, attributed[many]])
        segment_rows = np.concatenate([segment_rows, headings[first]])
        several = np.concatenate([several, counts[many]])
        order = np.argsort(claim_rows, kind="stable")
        claim_rows, segment_rows, several = claim_rows[order], segment_rows[order], several[order]
    if not len(claim_rows):
        return
    claim_ids = frame_strings(claims, "claim_id").take(claim_rows).to_pylist()
    kinds = frame_strings(segments, "kind").take(segment_rows).to_pylist()
    hedgings = frame_strings(claims, "hedging").take(claim_rows).to_pylist()
    for claim_id, kind, hedging, count in zip(claim_ids, kinds, hedgings, several.tolist()):
        where = f"{count} headline or heading segments, the first a {kind}," if count else f"a {kind}"
        report.add("claims", "headline-claim-attributed",
                   f"a claim in {where} is the article's own (C10): no claimant, never attributed",
                   claim_id, "hedging", hedging)


MAX_HEADINGS = 100
"""A claim starting in at most this many headline or heading segments is one finding per segment,
as before; in more (nested segments: `segments-not-partition`), one finding (attack30: 1,000
claims in 1,000 nested headlines were 805,000 findings, 8.9 s and 0.67 GB)."""

