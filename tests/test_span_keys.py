"""`spankeys.exact_spans` says of each (article, start, end) whether it is exactly one of a set of
spans: the same answer as comparing triples one by one, whatever the offsets (negative, reversed,
huge enough to overflow a key), and a row without an article never matches."""

from __future__ import annotations

import numpy as np
from hypothesis import example, given, settings
from hypothesis import strategies as st

from landstrikes.schema.spankeys import exact_spans

OFFSET = st.integers(-3, 12)
TRIPLES = st.lists(st.tuples(st.integers(-1, 4), OFFSET, OFFSET), max_size=40)


def _columns(triples):
    return [np.array(column, np.int64) for column in (zip(*triples) if triples else ([], [], []))]


def _one_by_one(queries, spans):
    known = set(spans)
    return [article >= 0 and (article, start, end) in known for article, start, end in queries]


@settings(max_examples=300, deadline=None)
@given(queries=TRIPLES, spans=TRIPLES)
@example(queries=[(0, 2, 5), (1, 2, 5), (0, 5, 2), (-1, 2, 5)], spans=[(0, 2, 5), (0, 5, 2), (-1, 2, 5)])
@example(queries=[(0, -1, 3), (2, 0, 0)], spans=[(0, -1, 3), (2, 0, 0)])
def test_exact_spans_is_a_comparison_of_triples(queries, spans):
    assert exact_spans(*_columns(queries), *_columns(spans)).tolist() == _one_by_one(queries, spans)


def test_offsets_too_large_for_a_key_are_still_compared_exactly():
    big = 2**40
    queries = [(3, big, big + 5), (3, 0, big), (2, big, big + 5)]
    spans = [(3, big, big + 5), (3, 0, big), (1, big, big + 5)]
    assert exact_spans(*_columns(queries), *_columns(spans)).tolist() == [True, True, False]


def test_a_span_of_a_later_article_with_the_same_offsets_is_not_a_match():
    """Keys are built from the queries' extent: a span outside it must not wrap onto a query's key."""
    queries = [(0, 3, 4), (1, 0, 1)]
    spans = [(1, 3, 4), (0, 2, 4), (0, 3, 5), (0, 4, 5), (0, 4, 4)]  # (0, 4, 5) would key as (1, 0, 1)
    assert exact_spans(*_columns(queries), *_columns(spans)).tolist() == [False, False]
    queries, spans = [(0, 0, 1), (0, 1, 2)], [(0, 0, 3)]  # too wide: would key as (0, 1, 2)
    assert exact_spans(*_columns(queries), *_columns(spans)).tolist() == [False, False]
