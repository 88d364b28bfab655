"""Bounds that keep one article's extraction linear in time and memory, whatever its content.

Every rule looks for cues, subjects and clause ends in a window around what it found, never
across a whole line or sentence; spans it proposes are capped; and a text that would need more
rows than any news article has is refused as TooComplex (the run records it as a failure).
"""

WINDOW = 300
"""Characters a cue, subject or clause boundary is looked for around a mark, verb or number."""
MAX_SPAN = 1000
"""Longest indirect quote or claim clause proposed; longer ones are cut here."""
MAX_NESTING = 50
"""Deepest quotation inside quotations: each nested row copies its text (depth d costs d times the
text); real news nests two or three deep."""
MAX_ROWS = 10_000
"""Most rows of one table for one article (a long news article has a few hundred)."""


class TooComplex(ValueError):
    """The text cannot be extracted within the bounds above."""


def check_rows(table: str, n: int) -> None:
    if n > MAX_ROWS:
        raise TooComplex(f"{n:,} {table} rows, more than the {MAX_ROWS:,} one article may have")
