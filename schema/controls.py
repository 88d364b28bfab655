"""The characters an annotation source cannot hold, without numpy: validate's
`control-character-in-value` refuses them in every value that is not a copy of the raw text
(`value_rules`), and the extractor, which writes such values from the raw text (a claim's
proposition), folds them to a space first (attack9: a form feed or a C1 control inside a claim
made the silver INVALID)."""

from __future__ import annotations

UNWRITABLE_RANGES = ((0x00, 0x08), (0x0B, 0x0C), (0x0E, 0x1F), (0x7F, 0x84), (0x86, 0x9F), (0xFFFE, 0xFFFF))
"""What a YAML source cannot hold (outside its printable set): C0/C1 controls other than tab and
line breaks (NEL included), DEL, U+FFFE/U+FFFF."""

_TO_SPACE = {c: " " for lo, hi in UNWRITABLE_RANGES for c in range(lo, hi + 1)}


def writable(value: str) -> str:
    """value with every character a source cannot hold replaced by a space (same length)."""
    return value if value.isascii() and value.isprintable() else value.translate(_TO_SPACE)
