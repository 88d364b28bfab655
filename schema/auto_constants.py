"""What the extractor writes as fixed values, kept here so that the extractor (`landstrikes.extract`)
and the checks that hold its rows to them (`auto_confidences`, `auto_segments`; guidelines G6 and
SG2, 2.26; `auto_claims`, C9 2.27) read one table. Plain Python: the extractor's process imports it without the
validation machinery."""

from __future__ import annotations

SEGMENT_CONFIDENCE = {
    "headline": 0.9,
    "byline": 0.7,
    "body": 0.8,
    "section_heading": 0.6,
    "navigation": 0.6,
    "prompt": 0.6,
    "advertisement": 0.7,
    "summary": 0.6,
    "fact_table": 0.6,
}
"""A segment's score by its kind (and a quality flag's, by the kind of the block it flags)."""
OTHER_SEGMENT_CONFIDENCE = 0.5
"""The score of a segment kind the table does not list (the extractor writes none)."""
ARTICLE_CONFIDENCE = 0.5
CLAIM_CONFIDENCE = 0.6
"""A claim's score, and its cluster's (each extractor claim is its own cluster, Q12)."""
FLAT_RANGE_CONFIDENCE = 0.5
"""A claim read as a range whose low is not below its high (C5's range has low < high)."""
MERGED_SEGMENT_KINDS = frozenset({"body", "navigation", "prompt", "advertisement", "summary", "fact_table", "byline"})
"""Kinds whose consecutive lines the extractor merges into one segment; headlines and section
headings stay one segment a line."""


def segment_confidence(kind: str) -> float:
    return SEGMENT_CONFIDENCE.get(kind, OTHER_SEGMENT_CONFIDENCE)


def claim_confidence(bound: str, low: float, high: float) -> float:
    return CLAIM_CONFIDENCE if bound != "range" or low < high else FLAT_RANGE_CONFIDENCE
AUTO_CLAIM_TYPE = "statistic"
"""An extractor claim's type: it proposes only claims with a quantity (C4, C5)."""
AUTO_CONSISTENCY = "uncorroborated"
"""An extractor claim's consistency: cross-article clustering is left to review (C7, C8)."""
AUTO_RECORD_STATUS = "unknown"
"""An extractor claim's and cluster's record status: checking against the public record is left to review (C9b)."""
AUTO_CLUSTER_COUNTS = (("n_claims", 1), ("n_articles", 1))
"""An extractor cluster's counts: it is its one claim's own, in that claim's one article (C7, C9)."""
