"""validate's fifth round against its floor (issue 19): the cheaper ways give the plain answers."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
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


SPAN_ROWS = st.lists(
    st.tuples(st.sampled_from(["a1", "a2", "a3", "gone"]), st.one_of(st.none(), st.integers(-3, 12)), st.one_of(st.none(), st.integers(-3, 12))),
    max_size=12,
)


def _covered_runs(articles, rows_by_table):
    """The plain definition: every code point some span covers (article base + offset, clipped
    to its article), grouped into runs of consecutive code points."""
    base, row_of = {}, {}
    position = 0
    for row, (article_id, text) in enumerate(articles):
        row_of[article_id] = row  # an id given twice: its last row
        base[row] = (position, len(text))
        position += len(text)
    covered = set()
    for rows in rows_by_table:
        for article_id, start, end in rows:
            if article_id not in row_of or start is None or end is None:
                continue
            first, length = base[row_of[article_id]]
            covered.update(first + i for i in range(max(start, 0), min(max(end, 0), length)))
    runs = []
    for point in sorted(covered):
        if runs and runs[-1][1] == point:
            runs[-1][1] = point + 1
        else:
            runs.append([point, point + 1])
    return [tuple(r) for r in runs]


@settings(max_examples=300, deadline=None)
@given(mentions=SPAN_ROWS, exclusions=SPAN_ROWS, twice=st.booleans())
def test_covering_intervals_are_the_runs_of_covered_code_points(mentions, exclusions, twice):
    """Null, negative, reversed and too-long offsets, unknown articles, spans touching across two
    articles, an article id given twice: the merged intervals are the runs of covered code points."""
    import pandas as pd

    from landstrikes.schema.mentions_checks import _global_intervals
    from landstrikes.schema.spantext import ArticleTexts

    articles = [("a1", "Zé two"), ("a2", "abc"), ("a3", "🜁 x y z"), *([("a2", "again!")] if twice else [])]
    tables = {"articles": pd.DataFrame({"article_id": [a for a, _ in articles], "text": [t for _, t in articles]})}
    for name, rows in (("mentions", mentions), ("mention_exclusions", exclusions)):
        tables[name] = pd.DataFrame({
            "article_id": pd.Series([r[0] for r in rows], dtype=object),
            "start": pd.Series([r[1] for r in rows], dtype="Int64"),
            "end": pd.Series([r[2] for r in rows], dtype="Int64"),
        })
    texts = ArticleTexts(pa.array([t for _, t in articles]))
    starts, ends = _global_intervals(tables, ["mentions", "mention_exclusions"], texts)
    assert list(zip(starts.tolist(), ends.tolist())) == _covered_runs(articles, [mentions, exclusions])


@settings(max_examples=300, deadline=None)
@given(values=st.lists(st.integers(-5, 40), max_size=30), keys=st.lists(st.integers(-5, 40), max_size=30))
def test_member_is_isin(values, keys):
    """`spankeys.member` (a sort and a search, found in place) answers as np.isin, values beyond
    the largest key and repeated keys included."""
    from landstrikes.schema.spankeys import member

    values, keys = np.array(values, np.int64), np.array(keys, np.int64)
    assert member(values, keys).tolist() == np.isin(values, keys).tolist()
