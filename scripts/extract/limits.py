"""Bounds that keep one article's extraction linear in time and memory, whatever its content.

Every rule looks for cues, subjects and clause ends in a window around what it found, never
across a whole line or sentence; spans it proposes are capped; and a text that would need more
rows than any news article has is refused as TooComplex (the run records it as a failure). A rule
that does work per row it proposes (a reported clause's subject and span) counts its rows while it
finds them (`refuse_past_cap`) and refuses at the first row past the cap, so a refused text costs at most
the cap's rows, not as many rows as the text holds (attack55: `said ` repeated had every one of its
rows' speakers sought, 0.27 ms a row, before the count refused it).
"""

WINDOW = 300
"""Characters a cue, subject or clause boundary is looked for around a mark, verb or number."""
MAX_SPAN = 1000
"""Longest indirect quote or claim clause proposed; longer ones are cut here."""
MAX_NESTING = 50
"""Deepest quotation inside quotations: each nested row copies its text (depth d costs d times the
text); real news nests two or three deep."""
MAX_ROWS = 10_000
"""Most quote, mention and claim rows of one article (a long news article has a few hundred): rows
whose rules seek a subject, a cue or a clause around each. Segments and their quality flags are not
capped: each costs a look at its own line, so `max_chars` bounds them linearly, and a live blog of
6,000 updates (12,002 segments in 527 K characters) is sound news, which a cap refused (review61,
session 40)."""


class TooComplex(ValueError):
    """The text cannot be extracted within the bounds above."""


def check_rows(table: str, n: int) -> None:
    if n > MAX_ROWS:
        raise TooComplex(f"{n:,} {table} rows, more than the {MAX_ROWS:,} one article may have")


def refuse_past_cap(table: str, n: int) -> None:
    """`check_rows` for a rule counting rows as it finds them: past the cap it stops there, so the
    line says how far it got, not how many rows the whole text holds."""
    if n > MAX_ROWS:
        raise TooComplex(f"more than {MAX_ROWS:,} {table} rows, the most one article may have "
                         "(refused at the first row past them, before the text's end)")
