"""The fast forms of validate's value and text scans (issue 19, branch validate-scan) find exactly
what their plain definitions find, on generated values and texts: astral characters, combining
marks, empty values, hits at offset 0 and at the end, NUL and other control characters, nulls,
sliced and chunked arrays."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from landstrikes.schema import value_rules

CONTROL_PIECES = [
    "a", "Z", " ", "\t", "\n", "\r", "\x00", "\x01", "\x0b", "\x1f", "\x7f", "\x80", "\x85", "\x9f", "\xa0",
    "é", "e\u0301", "🜁", "漢", "\u2028", "\u2029", "\u2026", "\ufffe", "\uffff", "\ufeff", "\U0010fffd",
]
VALUE = st.lists(st.sampled_from(CONTROL_PIECES), max_size=8).map("".join)
CLASSES = [
    (value_rules.UNWRITABLE, value_rules._UNWRITABLE_RE, value_rules._UNWRITABLE_LEADS),
    (value_rules.NAME_BREAKS, value_rules._NAME_BREAKS_RE, value_rules._NAME_BREAKS_LEADS),
]


@st.composite
def string_arrays(draw):
    """Values (some null) as string or large_string, whole, sliced, or in several chunks."""
    values = draw(st.lists(st.one_of(VALUE, st.none()), max_size=12))
    array = pa.array(values, draw(st.sampled_from([pa.string(), pa.large_string()])))
    form = draw(st.sampled_from(["whole", "sliced", "chunked"]))
    if form == "sliced":
        begin = draw(st.integers(0, len(values)))
        end = draw(st.integers(begin, len(values)))
        return array.slice(begin, end - begin), values[begin:end]
    if form == "chunked":
        cut = draw(st.integers(0, len(values)))
        return pa.chunked_array([array.slice(0, cut), array.slice(cut)], array.type), values
    return array, values


@pytest.mark.parametrize("pattern, finder, leads", CLASSES)
def test_every_character_of_a_class_starts_with_one_of_its_lead_bytes(pattern, finder, leads):
    chars = [chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000]
    inside = [c for c in chars if finder.search(c)]
    assert inside and all(leads[c.encode()[0]] for c in inside)


@settings(max_examples=300, deadline=None)
@given(string_arrays(), st.sampled_from(CLASSES))
def test_control_character_prefilter_finds_what_the_regex_over_every_value_finds(case, chosen):
    array, values = case
    pattern, finder, leads = chosen
    found = value_rules.matching_values(array, pattern, leads)
    assert found.tolist() == [v is not None and finder.search(v) is not None for v in values]


def test_two_orphan_rows_on_one_stray_mark_count_as_one_span_as_in_the_plain_definition():
    import pandas as pd
    from test_validate_text import fast_mark_findings, plain_mark_findings

    articles = pd.DataFrame({"article_id": pd.array(["A", "B"], dtype="str"), "text": ["x “open", "“a” and ”"]})
    rows = [("q0", "A", "orphan", 3, 7), ("q1", "A", "orphan", 3, 7), ("q2", "B", "direct", 1, 2), ("q3", "B", "orphan", 8, 9)]
    quotes = pd.DataFrame(rows, columns=["quote_id", "article_id", "kind", "start", "end"]).astype(
        {"quote_id": "str", "article_id": "str", "kind": "str", "start": "Int64", "end": "Int64"})
    found = fast_mark_findings(articles, quotes)
    assert found == plain_mark_findings(articles, quotes)
    assert not [f for f in found if f[1] == "A"]  # the stray of A is touched by one span (twice)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["a", " ", "é", "e\u0301", "🜁", "漢", "\x00", "0123456789abcdef"]), max_size=12).map("".join),
       st.data())
def test_span_text_equal_maps_only_the_start_and_equals_python_slices(text, data):
    """Null texts, texts one character longer or shorter, with wider characters, at offset 0 and
    at the end: equal exactly where `article[start:end] == text`."""
    from landstrikes.schema.spantext import ArticleTexts, span_text_equal

    texts = [text, data.draw(st.sampled_from(["", "🜁🜁", "ab"]))]
    index = ArticleTexts(pa.array(texts))
    spans = []
    for _ in range(data.draw(st.integers(1, 10))):
        article = data.draw(st.integers(0, 1))
        n = len(texts[article])
        start = data.draw(st.sampled_from([0, n, *range(n + 1)]))
        end = data.draw(st.sampled_from([start, n, *range(start, n + 1)]))
        piece = texts[article][start:end]
        piece = data.draw(st.sampled_from([piece, piece + "a", piece + "🜁", piece[:-1], piece[1:], "🜁" * (end - start), None]))
        spans.append((article, start, end, piece))
    column = lambda k: np.array([span[k] for span in spans], dtype=np.int64)  # noqa: E731
    span_texts = pa.array(["ahead", *(span[3] for span in spans)], data.draw(st.sampled_from([pa.string(), pa.large_string()])))
    span_texts = span_texts.slice(1)  # a slice: its offsets start later
    if data.draw(st.booleans()):  # or chunks, as a partitioned table reads
        cut = data.draw(st.integers(0, len(spans)))
        span_texts = pa.chunked_array([span_texts.slice(0, cut), span_texts.slice(cut)], span_texts.type)
    found = span_text_equal(index, column(0), column(1), column(2), span_texts)
    assert found.tolist() == [t is not None and texts[a][s:e] == t for a, s, e, t in spans]
