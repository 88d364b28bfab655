"""G2 2.6's pair rule on one span's text, the one definition validate (`span-breaks-quote-pair`)
and the extractor (claims) hold. Pure Python and no numpy: the extract command imports it.

Read in order, not counted: `“` opens and `”` closes the innermost open quotation, so a span from
inside one quotation into the next (`credible,” said Bell, “From what`) breaks two pairs although
it holds one mark of each (review20: two dev-news claims did, and validated). `„` opens a
quotation that `“` or `”` closes (German, Polish). Straight marks cannot be told apart, so they
come in twos. Single marks are not judged (`’` is also the apostrophe), nor guillemets (`»` is
also a breadcrumb separator: `Home » world`)."""

from __future__ import annotations

import re
from itertools import accumulate

CURLY_MARKS = "“”„"
STRAIGHT_MARK = '"'
CLOSERS = {"“": "”", "„": "“”", STRAIGHT_MARK: STRAIGHT_MARK}
"""Each opening mark and the marks that close it."""


def open_marks(value: str) -> tuple[bool, str]:
    """(a closing mark whose opening mark lies before the span, the opening marks left open in
    order; a straight mark last when their number is odd)."""
    straight = STRAIGHT_MARK if value.count(STRAIGHT_MARK) % 2 else ""
    if "„" not in value:  # `“` always opens: a depth count in C (a hostile table's megabytes of marks)
        depths = list(accumulate(map(_DEPTH.__getitem__, _CURLY.findall(value)), initial=0))
        lowest = min(depths)  # below 0: a closing mark the span holds without its opening mark
        return lowest < 0, "“" * (depths[-1] - lowest) + straight
    stack: list[str] = []
    stray = False
    for char in _CURLY.findall(value):
        if char == "„" or (char == "“" and not (stack and stack[-1] == "„")):
            stack.append(char)
        else:
            stray = stray or not stack
            if stack:
                stack.pop()
    return stray, "".join(stack) + straight


_CURLY = re.compile(f"[{CURLY_MARKS}]")
_DEPTH = {"“": 1, "”": -1}


def breaks_a_pair(value: str) -> bool:
    """Whether the span holds a mark without the other mark of its pair (G2: it never does)."""
    stray, unclosed = open_marks(value)
    return stray or bool(unclosed)
