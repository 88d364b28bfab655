"""Both code point indexes map offsets exactly as Python's str indexing does."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from landstrikes.schema import codepoints
from landstrikes.schema.codepoints import ChunkIndex, SparseIndex, code_point_index

TEXT = st.lists(st.sampled_from(list("ab \n") + ["é", "∑", "🜁", "漢", "\u0301"]), max_size=60).map("".join)


def expected(text):
    """Byte position of every code point offset 0..len(text)."""
    return [len(text[:i].encode()) for i in range(len(text) + 1)]


@pytest.mark.parametrize("index_class", [SparseIndex, ChunkIndex])
@settings(max_examples=150, deadline=None)
@given(text=TEXT)
def test_code_points_and_bytes_map_like_python_slicing(index_class, text):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(codepoints, "_CHUNK", 5)  # chunks cut characters apart
        index = index_class(np.frombuffer(text.encode(), dtype=np.uint8))
        byte_at = expected(text)
        cps = np.arange(len(text) + 1)
        assert index.to_bytes(cps).tolist() == byte_at
        assert index.to_code_points(np.array(byte_at)).tolist() == cps.tolist()


def test_text_full_of_multibyte_characters_gets_the_chunk_index():
    dense, english = "漢字" * 100, "The cartels’ land" * 100
    assert isinstance(code_point_index(np.frombuffer(dense.encode(), dtype=np.uint8)), ChunkIndex)
    assert isinstance(code_point_index(np.frombuffer(english.encode(), dtype=np.uint8)), SparseIndex)
