"""validate's reading and shared column access cost less without changing a value (issue 19,
branch validate-read).

- `checkcorpus.one_array` gives a one-chunk column's own chunk instead of `combine_chunks`
  (which copies even a single chunk): the same values for any chunking, slice or type;
- `strings_of` keeps each (table, column) of a run once: the same strings as the frame's,
  for every string column of every table, however often and in whatever order asked.
"""

from __future__ import annotations

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from landstrikes.schema.checkcorpus import Corpus, _strings, frame_strings, one_array, strings_of
from landstrikes.schema.registry import TABLES
from landstrikes.schema.tableio import read_arrow, to_pandas
from test_validate_core import DATA

TYPES = {
    "string": (pa.string(), st.one_of(st.none(), st.text(max_size=4))),
    "int": (pa.int64(), st.one_of(st.none(), st.integers(-5, 5))),
    "list": (pa.list_(pa.string()), st.one_of(st.none(), st.lists(st.one_of(st.none(), st.text(max_size=3)), max_size=3))),
}


@settings(max_examples=150, deadline=None)
@given(data=st.data(), kind=st.sampled_from(sorted(TYPES)), sizes=st.lists(st.integers(0, 6), max_size=4), skip=st.integers(0, 2))
def test_one_array_holds_the_values_of_the_combined_chunks(data, kind, sizes, skip):
    arrow_type, values = TYPES[kind]
    chunks = []
    for size in sizes:  # each chunk a slice of a longer array (an offset that is not 0)
        items = data.draw(st.lists(values, min_size=size + skip, max_size=size + skip))
        chunks.append(pa.array(items, arrow_type).slice(skip))
    column = pa.chunked_array(chunks, arrow_type)
    got = one_array(column)
    assert isinstance(got, pa.Array) and got.type == arrow_type
    assert got.to_pylist() == column.combine_chunks().to_pylist() == column.to_pylist()
    assert one_array(got) is got  # an array is already one


def test_one_array_of_a_single_chunk_copies_nothing():
    chunk = pa.array(["a", "bc", None])
    assert one_array(pa.chunked_array([chunk])).buffers()[2].address == chunk.buffers()[2].address


GOLD = {spec.name: read_arrow(DATA / spec.name) for spec in TABLES}


@pytest.mark.parametrize("order", ["forward", "backward"])
def test_strings_kept_once_per_run_are_the_strings_of_each_tables_frame(order):
    """Every string column of every table (article_id is in eight of them), asked twice, in either
    order: the run's kept strings equal the frame's; a column is converted once per run."""
    corpus = Corpus.from_arrow(GOLD)
    wanted = [(spec.name, f.name) for spec in TABLES for f in GOLD[spec.name].schema if pa.types.is_string(f.type)]
    assert sum(1 for _, name in wanted if name == "article_id") >= 6
    for table, name in (wanted if order == "forward" else wanted[::-1]) * 2:
        got = strings_of(corpus, table, name)
        assert got.type == pa.large_string()
        assert got.to_pylist() == _strings(to_pandas(GOLD[table])[name]).to_pylist(), (table, name)
        assert frame_strings(corpus[table], name) is got  # a LazyFrame reads the run's kept strings
    assert strings_of(corpus, "quotes", "quote_id") is strings_of(corpus, "quotes", "quote_id")


def test_blank_prefilter_asks_every_value_whose_first_character_could_be_whitespace():
    """Each ASCII character and the Unicode spaces, alone, doubled, leading and trailing, in one
    chunk and in a sliced one: the one-byte prefilter finds what asking every value finds."""
    from test_validate_floor import _plain_blank

    from landstrikes.schema.arrowchecks import blank_values

    chars = [chr(c) for c in range(0x80)] + ["\x85", "\xa0", "\u1680", "\u2003", "\u2028", "\u3000", "é", "\u200b"]
    values = [v for c in chars for v in (c, c * 2, "a" + c, c + "a")] + ["", None, ""]
    for empty_too in (False, True):
        want = _plain_blank(values, empty_too)
        assert blank_values(pa.array(values, pa.string()), empty_too).tolist() == want
        sliced = pa.array(["x", *values], pa.string()).slice(1)
        assert blank_values(pa.chunked_array([sliced]), empty_too).tolist() == want


def test_a_chunk_no_value_of_which_could_match_asks_the_kernel_nothing():
    """`_positions_where` asks its kernel only of the values its byte test lets through: a chunk
    with none (the gold's ids and descriptions: no value starts or ends with a space) asks no
    kernel at all (one kernel call per column chunk was ~4% of a gold validate), and the positions
    found in the other chunks keep their offsets in the column."""
    from landstrikes.schema.arrowchecks import _maybe_blank, _positions_where, blank_values

    asked = []

    def kernel(some):
        asked.append(some.to_pylist())
        return pa.compute.utf8_is_space(some)

    clean = pa.array(["a", "b c", "d"], pa.string())
    assert _positions_where(pa.chunked_array([clean, clean]), _maybe_blank, kernel).tolist() == []
    assert asked == []
    column = pa.chunked_array([clean, pa.array(["x", " ", "y"], pa.string()), clean, pa.array([" \t"], pa.string())])
    assert _positions_where(column, _maybe_blank, kernel).tolist() == [4, 9]
    assert asked == [[" "], [" \t"]]
    assert blank_values(column, empty_too=True).tolist() == [4, 9]


@settings(max_examples=300, deadline=None)
@given(runs=st.lists(st.lists(st.sampled_from(["", "a", "a:1", "a:10", "a:2", "b", "b:1", "é", "\x00"]), max_size=6), max_size=4),
       sort_runs=st.booleans())
def test_gate_uniqueness_is_no_value_twice(runs, sort_runs):
    """The gate's uniqueness (a strictly increasing pre-test, else a sort) says True exactly when
    no value occurs twice: sorted runs (as replicas and shards come), duplicates inside a run or
    across runs, one chunk per run."""
    from landstrikes.schema.arrowrules import _distinct

    runs = [sorted(run) if sort_runs else run for run in runs]
    values = [v for run in runs for v in run]
    column = pa.chunked_array([pa.array(run, pa.string()) for run in runs], pa.string())
    assert _distinct(column) == (len(set(values)) == len(values))
    assert _distinct(pa.chunked_array([pa.array(values, pa.string())])) == (len(set(values)) == len(values))
