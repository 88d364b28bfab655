"""A claim the extractor cuts at its length cap (a sentence longer than MAX_SPAN, such as a price
list) starts and ends at word boundaries (S5): 5 of 5,821 real claims were cut inside a word."""

from __future__ import annotations

from landstrikes.extract.claims import find_claims
from landstrikes.extract.limits import MAX_SPAN


def _inside_word(text: str, at: int) -> bool:
    return 0 < at < len(text) and text[at - 1].isalnum() and text[at].isalnum()


def test_claims_in_a_sentence_longer_than_the_cap_end_and_start_at_word_boundaries():
    items = " ".join(f"{n} widgets (${60 + n % 30} each) plus gadgets" for n in range(2, 80))
    text = f"The menu lists {items} for the whole table tonight."
    assert len(text) > 2 * MAX_SPAN
    claims = find_claims(text)
    assert claims
    cut = [(c.start, c.end) for c in claims if _inside_word(text, c.start) or _inside_word(text, c.end)]
    assert cut == []


def test_every_offset_of_the_cap_gives_word_boundaries():
    """Shift the quantity so the cap falls at every position inside a long word."""
    for pad in range(0, 12):
        text = "Word " * 30 + "x" * pad + " " + "Supercalifragilistic " * 60 + "about 35 boats sank " + "Extraordinarily " * 80 + "today."
        for c in find_claims(text):
            assert not _inside_word(text, c.start) and not _inside_word(text, c.end), (pad, c)
