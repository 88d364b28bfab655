"""`articles.n_words` is checked with the count `str.split()` gives, computed on the UTF-8 bytes
(attack2: a wrong count was VALID before)."""

from __future__ import annotations

import random

import pyarrow as pa
import pytest

import landstrikes.schema.articles_derived as derived
from landstrikes.schema.spantext import ArticleTexts

SPACES = [chr(c) for c in range(0x3100) if chr(c).isspace()]
TRICKY = ["", " ", "a", "\u3000x", "x\xa0", "a\x1cb", "\u2028\u2029", "’quoted’ words", "🜁 ∑\u0301 0123 · \r\n", "\u200b"]


@pytest.mark.parametrize("block", [1 << 26, 1, 2, 3, 7, 64])
def test_word_counts_equal_str_split_at_every_block_size(block, monkeypatch):
    monkeypatch.setattr(derived, "_BLOCK", block)
    rng = random.Random(15)
    pool = [chr(c) for c in range(0x3100) if not 0xD800 <= c < 0xE000] + SPACES * 40 + [" "] * 200 + ["’", "🜁"]
    texts = TRICKY + ["".join(rng.choice(pool) for _ in range(rng.randint(0, 300))) for _ in range(120)]
    index = ArticleTexts(pa.array(texts))
    counts = derived.word_counts(index.data(), index.byte_starts)
    assert [len(t.split()) for t in texts] == counts.tolist()
