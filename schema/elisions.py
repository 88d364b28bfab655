"""An elided decade (`the '90s`, `‘70s`) is an apostrophe, not a quotation mark (Q2).

A straight or left single mark before two digits and an `s` reads, by Q2's letter, as a single
quotation opening: left open it was an `orphan` row the rule demanded, and closed by the next
plural possessive (`the '90s ... growers'`) a quotation of words nobody quoted (dev news: six
such orphans in 2,610 texts). A decade written that way is never a quotation. Years (`class
of '83`) stay marks: `'75 per cent'` is a real quotation in the same news. One definition for
both scanners (`landstrikes.quotemarks`, `markscan`); pure Python, as the extractor imports it.
"""

from __future__ import annotations

DECADE_MARKS = "'‘"
"""The marks an elided decade is written with (a curly ’ before digits never opens anyway)."""


def elides_decade(text: str, pos: int) -> bool:
    """The mark at `pos` elides a decade: no letter or digit before it, then two ASCII digits,
    an `s`, and no letter or digit after that."""
    digits = text[pos + 1 : pos + 3]
    return (text[pos] in DECADE_MARKS and (pos == 0 or not text[pos - 1].isalnum())
            and len(digits) == 2 and digits.isascii() and digits.isdigit()
            and text[pos + 3 : pos + 4] == "s" and not text[pos + 4 : pos + 5].isalnum())
