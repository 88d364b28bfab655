"""validate's fifth round against its floor (issue 19): the cheaper ways give the plain answers."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from landstrikes.schema.aliasscan import _character_keys, _character_keys_by_byte


@settings(max_examples=300, deadline=None)
@given(st.binary(min_size=0, max_size=40), st.data())
def test_character_keys_by_word_equal_the_byte_by_byte_keys_on_any_bytes(raw, data):
    """Any bytes (not only UTF-8) and any positions, the text's last three bytes and leads below
    0xC0 included: the four-byte gather gives the key the byte-by-byte definition gives."""
    text = np.frombuffer(raw, dtype=np.uint8)
    positions = data.draw(st.lists(st.integers(0, max(len(raw) - 1, 0)), max_size=12)) if len(raw) else []
    starts = np.array(positions, dtype=np.int64)
    assert _character_keys(text, starts).tolist() == _character_keys_by_byte(text, starts).tolist()


def test_character_keys_keep_two_three_or_four_bytes_by_the_lead():
    text = np.frombuffer("xé€🜁ab€".encode(), dtype=np.uint8)
    starts = np.array([1, 3, 6, 12], dtype=np.int64)  # é, €, 🜁, then the last € (fewer than 4 bytes after it)
    assert _character_keys(text, starts).tolist() == [0xC3A90000, 0xE282AC00, 0xF09F9C81, 0xE282AC00]


def test_span_keys_built_in_place_keep_every_part_of_the_key():
    """The key of (article, start, end) is computed in one array; each step counts: without the
    width (end - start) term's start, (0, 2, 2) would key as (1, 0, 0) when the longest start is 3
    and every span is empty."""
    from landstrikes.schema.spankeys import exact_spans

    def columns(triples):
        return [np.array(column, np.int64) for column in zip(*triples)]

    queries = [(0, 2, 2), (1, 0, 0), (0, 3, 3)]  # widest 0, longest start 3
    spans = [(1, 0, 0)]
    assert exact_spans(*columns(queries), *columns(spans)).tolist() == [False, True, False]
