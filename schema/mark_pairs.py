"""G2 2.6's pair rule on one span's text, the one definition validate (`span-breaks-quote-pair`)
and the extractor (claims) hold. Pure Python and no numpy: the extract command imports it.

Read in order, not counted: `“` opens and `”` closes the innermost open quotation, so a span from
inside one quotation into the next (`credible,” said Bell, “From what`) breaks two pairs although
it holds one mark of each (review20: two dev-news claims did, and validated). `„` opens a
quotation that `“` or `”` closes (German, Polish). Straight marks cannot be told apart, so they
come in twos. Single marks are not judged (`’` is also the apostrophe), nor guillemets (`»` is
also a breadcrumb separator: `Home » world`)."""

from __future__ import annotations

CURLY_MARKS = "“”„"
STRAIGHT_MARK = '"'
CLOSERS = {"“": "”", "„": "“”", STRAIGHT_MARK: STRAIGHT_MARK}
"""Each opening mark and the marks that close it."""


def open_marks(value: str) -> tuple[bool, str]:
    """(a closing mark whose opening mark lies before the span, the opening marks left open in
    order; a straight mark last when their number is odd)."""
    stack: list[str] = []
    stray = False
    for char in value:
        if char == "„" or (char == "“" and not (stack and stack[-1] == "„")):
            stack.append(char)
        elif char in "“”":
            stray = stray or not stack
            if stack:
                stack.pop()
    straight = STRAIGHT_MARK if value.count(STRAIGHT_MARK) % 2 else ""
    return stray, "".join(stack) + straight


def breaks_a_pair(value: str) -> bool:
    """Whether the span holds a mark without the other mark of its pair (G2: it never does)."""
    stray, unclosed = open_marks(value)
    return stray or bool(unclosed)
