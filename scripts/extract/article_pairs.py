"""A claim's or an indirect quote's span against its article's own pairs of quotation marks.

G2 (2.6): a span never breaks a pair of marks. The span's text alone cannot tell which straight
or single marks pair (`said" and "then` holds two marks and breaks two pairs), so validate's
`span-breaks-quote-pair` also judges spans against the article's pairs (`schema.quote_pairs`,
the Q2 pairing the quotes layer is checked against); the extractor holds the same pairs here.
A pair closed by a paragraph end or by the next quotation (Q2's continued quotations) holds one
mark only and is not judged, as validate does not judge it."""

from __future__ import annotations

import bisect
from functools import cached_property

from landstrikes.extract.text import Span, trimmed, without_final_punctuation
from landstrikes.quotemarks import MarkPair, scan_quote_marks
from landstrikes.schema.caption_lines import MARK_CHARACTERS, MARKS

STOPS_INSIDE_MARKS = ".,!?…"
"""What a writer may put between a quotation's last word and its closing mark."""


class ArticlePairs:
    """The pairs of one article's marks, scanned on first use (most claims hold no mark)."""

    def __init__(self, text: str, pairs: list[MarkPair] | None = None):
        self.text = text
        self._pairs = pairs  # the article's scan when the caller made it already

    @cached_property
    def _marks(self) -> tuple[list[int], list[int]]:
        """Every mark of every two-mark pair, in order of position, and each one's partner."""
        pairs = self._pairs if self._pairs is not None else scan_quote_marks(self.text)[0]
        ends = sorted((end, partner) for p in pairs if p.close < len(self.text) and self.text[p.close] in MARK_CHARACTERS
                      for end, partner in ((p.open, p.close), (p.close, p.open)))
        return [e for e, _ in ends], [p for _, p in ends]

    def broken(self, start: int, end: int) -> list[tuple[int, int]]:
        """(mark, partner) of every pair that [start, end) holds one mark of."""
        if MARKS.search(self.text, start, end) is None:  # in C: a long span of no mark costs no Python loop
            return []
        positions, partners = self._marks
        first, last = bisect.bisect_left(positions, start), bisect.bisect_left(positions, end)
        return [(positions[i], partners[i]) for i in range(first, last) if not start <= partners[i] < end]


def mended(text: str, span: Span, pairs: ArticlePairs) -> Span | None:
    """`span` with the article's pairs it breaks mended, or None when one stays broken: a lone
    mark at either edge is left out (`“Prices rose`, `the statement, “`, `" he said`), and a
    closing mark just after the span, with only the writer's stops between, is taken in
    (`she said ‘have you made $72 million’`). Anything else (a span from inside one quotation
    into the next) cannot be mended without choosing a different clause."""
    start, end = span
    for _ in range(4):
        broken = pairs.broken(start, end)
        if not broken:
            return Span(start, end)
        mark, partner = broken[0]
        if mark == start:
            start = trimmed(text, start + 1, end).start
        elif partner >= end and partner - end < 4 and all(c in STOPS_INSIDE_MARKS for c in text[end:partner]):
            end = partner + 1
        elif mark == end - 1:
            end = without_final_punctuation(text, trimmed(text, start, end - 1)).end
        else:
            return None
        if start >= end:
            return None
    return None
