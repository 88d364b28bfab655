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


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 2000), max_size=120), st.integers(0, 400),
       st.lists(st.integers(-70, 2500), min_size=0, max_size=300), st.booleans())
def test_blocked_search_counts_the_values_below_each_query_as_a_binary_search_does(values, extra, queries, narrow):
    """valspeed19: the sparse index's lookups count per block of 64 instead of searching; for
    any sorted values (repeats too), any limit at or past the largest, queries inside, at the
    edges and outside [0, limit], as int64 or int32, many or few, the answer is
    `np.searchsorted(values, queries)` (seen failing with the values inside a block counted up to
    and including the query, with the queries outside left to the blocks, with the block counts
    one block late, and with each group of queries written at the first group's place)."""
    values = np.array(sorted(values), dtype=np.int64)
    limit = (int(values[-1]) if len(values) else 0) + extra
    search = codepoints.BlockedSearch(values, limit)
    search.ROWS = 100  # answered 100 queries at a time, as validate's millions are 65,536 at a time
    asked = np.array(queries + queries * 3, dtype=np.int32 if narrow else np.int64)  # past FEW, so the blocks are used
    assert search.left(asked).tolist() == np.searchsorted(values, asked).tolist()
    for query in queries[:3]:
        assert int(search.left(np.int64(query))) == int(np.searchsorted(values, query))


@settings(max_examples=100, deadline=None)
@given(text=TEXT.map(lambda t: t * 12))
def test_a_long_text_maps_like_python_slicing_through_the_blocks(text):
    """The sparse index on texts long enough for its block counts (queries past FEW)."""
    index = SparseIndex(np.frombuffer(text.encode(), dtype=np.uint8))
    byte_at = expected(text)
    cps = np.arange(len(text) + 1)
    assert index.to_bytes(cps).tolist() == byte_at
    assert index.to_code_points(np.array(byte_at)).tolist() == cps.tolist()
    shuffled = np.random.default_rng(len(text)).permutation(len(cps))
    assert index.to_bytes(cps[shuffled]).tolist() == np.array(byte_at)[shuffled].tolist()
