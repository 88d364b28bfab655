"""A claim span against its article's own pairs of quotation marks.

G2 (2.6): a span never breaks a pair of marks. The span's text alone cannot tell which straight
or single marks pair (`said" and "then` holds two marks and breaks two pairs), so validate's
`span-breaks-quote-pair` also judges spans against the article's pairs (`schema.quote_pairs`,
the Q2 pairing the quotes layer is checked against); the extractor holds the same pairs here.
A pair closed by a paragraph end or by the next quotation (Q2's continued quotations) holds one
mark only and is not judged, as validate does not judge it."""

from __future__ import annotations

import bisect
from functools import cached_property

from landstrikes.quotemarks import scan_quote_marks
from landstrikes.schema.caption_lines import MARK_CHARACTERS


class ArticlePairs:
    """The pairs of one article's marks, scanned on first use (most claims hold no mark)."""

    def __init__(self, text: str):
        self.text = text

    @cached_property
    def _marks(self) -> tuple[list[int], list[int]]:
        """Every mark of every two-mark pair, in order of position, and each one's partner."""
        pairs, _ = scan_quote_marks(self.text)
        ends = sorted((end, partner) for p in pairs if p.close < len(self.text) and self.text[p.close] in MARK_CHARACTERS
                      for end, partner in ((p.open, p.close), (p.close, p.open)))
        return [e for e, _ in ends], [p for _, p in ends]

    def broken(self, start: int, end: int) -> list[tuple[int, int]]:
        """(mark, partner) of every pair that [start, end) holds one mark of."""
        if not any(self.text[i] in MARK_CHARACTERS for i in range(start, end)):
            return []
        positions, partners = self._marks
        first, last = bisect.bisect_left(positions, start), bisect.bisect_left(positions, end)
        return [(positions[i], partners[i]) for i in range(first, last) if not start <= partners[i] < end]
