"""The fast forms of validate's text scans changed on branch validate-text2 (issue 19) find exactly
what their plain definitions find, on generated texts: astral characters, combining marks, empty
texts, hits at offset 0 and at the end, NUL and other control characters, and characters that share
a separator's lead byte or first two bytes."""

from __future__ import annotations

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from landstrikes.schema.aliasscan import separators_present
from landstrikes.schema.mentions_checks import SPACE_SEPARATORS
from landstrikes.schema.spantext import ArticleTexts

SEPARATOR_PIECES = [
    "a", "Z", " ", "\t", "\n", "\x00", "\x01", "\x7f", "é", "e\u0301", "🜁", "漢",
    *SPACE_SEPARATORS,
    "\u00a9", "\u00e0",  # C2 xx and xx A0: one byte in common with U+00A0
    "\u2011", "\u2019", "\u2028", "\u205e", "\u2060", "\u3001", "\u1681",  # two bytes in common with a separator
    "\U00020000",  # an astral character whose bytes hold 0xA0 and 0x80
]
SEPARATOR_TEXT = st.lists(st.sampled_from(SEPARATOR_PIECES), max_size=12).map("".join)
PADDING = "plain ASCII words " * 40  # keeps the text mostly ASCII: the code point index lists its multi-byte characters


def plain_separators(texts: list[str]) -> list[str]:
    return sorted({c for c in SPACE_SEPARATORS if c != " " and any(c in t for t in texts)})


@settings(max_examples=300, deadline=None)
@given(st.lists(SEPARATOR_TEXT, min_size=1, max_size=4), st.booleans())
def test_separators_present_by_bytes_equal_the_separators_the_texts_hold(texts, padded):
    """The separators found by comparing each multi-byte character's bytes (no decoding, no sort)
    are exactly those `in` some text; padded texts take the code point index's path."""
    if padded:
        texts = [PADDING + t + PADDING[: len(t)] for t in texts]
    articles = ArticleTexts(pa.array(texts))
    if padded:
        assert articles.multibyte_starts() is not None
    assert separators_present(articles, SPACE_SEPARATORS) == plain_separators(texts)


@pytest.mark.parametrize("text", ["\u00a0", "x\u00a0", "\u202f" + PADDING, PADDING + "\u3000", PADDING + "\u00a9\u00e0\u2011\u205e"])
def test_a_separator_at_either_end_of_the_text_is_found_and_a_lookalike_is_not(text):
    articles = ArticleTexts(pa.array([PADDING, text]))
    assert separators_present(articles, SPACE_SEPARATORS) == plain_separators([text])


@settings(max_examples=200, deadline=None)
@given(st.lists(SEPARATOR_TEXT, min_size=1, max_size=4))
def test_character_keys_are_each_multibyte_characters_own_bytes(texts):
    """One key per multi-byte character, equal to the key of that character alone (its bytes
    and zeros after them), whatever follows it: astral characters and the text's last byte too."""
    from landstrikes.schema.aliasscan import _character_keys, _key

    articles = ArticleTexts(pa.array([PADDING + t for t in texts]))
    chars = [c for t in texts for c in PADDING + t if ord(c) >= 0x80]
    keys = _character_keys(articles.data(), articles.multibyte_starts())
    assert keys.tolist() == [_key(c) for c in chars]


WORD_PIECES = ["a", "Zé", " ", "  ", "\t", "\n", "\x00", "\x1c", "\x85", "\xa0", "\u2028", "\u202f", "\u3000", "\u200b", "e\u0301", "🜁", "漢"]


@pytest.mark.parametrize("few", [0, 1, 512])
@pytest.mark.parametrize("block", [1 << 26, 1, 3, 64])
def test_word_counts_equal_str_split_with_either_way_of_counting_a_blocks_stretches(few, block, monkeypatch):
    """Per-stretch `count_nonzero` (few articles per block) and the binary search over word
    positions (many) both give `len(text.split())`: empty texts, texts of spaces only, words at
    offset 0 and at the end, control characters and Unicode spaces."""
    import random

    from landstrikes.schema import articles_derived as derived

    monkeypatch.setattr(derived, "_BLOCK", block)
    monkeypatch.setattr(derived, "_FEW_STRETCHES", few)
    rng = random.Random(19)
    texts = ["", " ", "a", "a ", " a", ""] + ["".join(rng.choice(WORD_PIECES) for _ in range(rng.randint(0, 40))) for _ in range(150)]
    index = ArticleTexts(pa.array(texts))
    assert derived.word_counts(index.data(), index.byte_starts).tolist() == [len(t.split()) for t in texts]
