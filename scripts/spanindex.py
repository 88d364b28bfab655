"""Spans grouped by article and sorted by start: the spans that overlap one span are found by
bisection, not by a pass over every span of the corpus.

`diff` (corrected spans), `agreement` and `evaluate` (span matching) compared every span with every
other, article checked inside the loop: quadratic in the rows, minutes for 10^4 and hours for
10^5 (attack17). They keep their rules; only the candidates they look at come from here.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

Item = TypeVar("Item")


class SpanIndex(Generic[Item]):
    """Items placed by (article, start, end)."""

    def __init__(self, placed: Iterable[tuple[Hashable, int, int, Item]]):
        grouped: dict[Hashable, list[tuple[int, int, Item]]] = {}
        for article, start, end, item in placed:
            grouped.setdefault(article, []).append((start, end, item))
        self._articles: dict[Hashable, tuple[list[int], list[tuple[int, int, Item]], int]] = {}
        for article, spans in grouped.items():
            spans.sort(key=lambda span: span[:2])  # stable: the items themselves are never compared
            self._articles[article] = ([start for start, _, _ in spans], spans, max(end - start for start, end, _ in spans))

    def overlapping(self, article: Hashable, start: int, end: int) -> list[tuple[int, int, Item]]:
        """Every (start, end, item) of `article` with item start < `end` and item end > `start`, in
        start order: the overlap test `a[0] < b[1] and b[0] < a[1]`, empty and reversed spans
        included as that test includes them."""
        found = self._articles.get(article)
        if found is None:
            return []
        starts, spans, longest = found
        # a span starting at or before `start - longest` ends at or before `start`: none of those
        window = spans[bisect_right(starts, start - longest):bisect_left(starts, end)]
        return [span for span in window if span[1] > start]
