"""Which annotated rows overlap chosen blocks of their article (segments of a kind, flags of a
kind): the shared half of the rules that keep annotations out of some blocks (C10, C12, S3)."""

from __future__ import annotations

import numpy as np

from landstrikes.schema.checkcorpus import known_rows, same_article_span_match

_NONE = (np.zeros(0, np.int64), np.zeros(0, np.int64))


def rows_overlapping(rows, span: tuple[str, str], blocks, chosen: np.ndarray, pick: str) -> tuple[np.ndarray, np.ndarray]:
    """(row positions, block positions): each row of `rows` with known article and `span` offsets
    that overlaps one of the `chosen` block rows of its article, with its first or last (`pick`)
    such block. A null id or offset is another check's finding: those rows are left out, so the
    pairing is decided (attack30: listing every pair of an article's nested spans cost its rows
    squared, so one partner is kept per row)."""
    annotated = np.flatnonzero(known_rows(rows, ("article_id", *span)))
    if not len(annotated) or not len(chosen):
        return _NONE
    match = same_article_span_match(rows, annotated, blocks, chosen, "overlap", pick=pick, left_span=span)
    if match is None:
        return _NONE
    hit = match >= 0
    return annotated[hit], chosen[match[hit]]
