"""validate's shared lookups cost less without changing a value (issue 19, branch validate3).

- a key lookup (`_first_index_arrow`: foreign keys, article numbers) and the shared codes of
  string columns (`shared_codes`) treat a run of equal neighbours (an article id on every row
  of its article) as one value: the same positions and the same codes, in the same order, as
  hashing every value.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from landstrikes.schema import checkcorpus
from landstrikes.schema.checkcorpus import _first_index_arrow, run_heads, shared_codes

VALUES = st.one_of(st.none(), st.sampled_from(["a", "b", "ab", "", "é", "a\0"]))
RUNS = st.lists(st.tuples(VALUES, st.integers(1, 6)), max_size=12)


@pytest.fixture(autouse=True)
def runs_even_in_short_arrays(monkeypatch):
    """The run form is taken from 4 values on (1024 in a run) and whenever a run is longer than
    one value, so that small generated arrays exercise it."""
    monkeypatch.setattr(checkcorpus, "_MIN_RUN_ROWS", 4)
    monkeypatch.setattr(checkcorpus, "_MAX_RUN_SHARE", 1)


def _array(runs, skip: int) -> pa.Array:
    """Runs of values, as a slice of a longer array (an offset that is not 0)."""
    items = ["x"] * skip + [value for value, length in runs for _ in range(length)]
    return pa.array(items, pa.large_string()).slice(skip)


def _hashing_every_value(values: pa.Array, keys: pa.Array) -> list[int]:
    listed = keys.to_pylist()
    return [listed.index(v) if v is not None and v in listed else -1 for v in values.to_pylist()]


@settings(max_examples=300, deadline=None)
@given(runs=RUNS, keys=st.lists(VALUES, max_size=8), skip=st.integers(0, 2))
def test_a_lookup_by_runs_finds_the_first_equal_key_of_every_value(runs, keys, skip):
    values = _array(runs, skip)
    keys = pa.array(keys, pa.large_string())
    assert _first_index_arrow(values, keys).tolist() == _hashing_every_value(values, keys)


@settings(max_examples=300, deadline=None)
@given(first=RUNS, second=RUNS, skip=st.integers(0, 2))
def test_codes_by_runs_are_the_codes_of_every_value(first, second, skip):
    arrays = [_array(first, skip), _array(second, 0)]
    joined = pa.concat_arrays(arrays)
    want = pc.fill_null(pc.dictionary_encode(joined).indices, -1).to_pylist() if len(joined) else []
    got = shared_codes(*arrays)
    assert [len(g) for g in got] == [len(a) for a in arrays]
    assert [c for g in got for c in g.tolist()] == want


@settings(max_examples=300, deadline=None)
@given(runs=RUNS, skip=st.integers(0, 2))
def test_every_value_equals_its_runs_head_and_every_head_differs_from_the_value_before(runs, skip):
    values = _array(runs, skip)
    heads = run_heads(values)
    items = values.to_pylist()
    if len(values) < 4 or all(a is None or a != b for a, b in zip(items, items[1:])):
        assert heads is None  # too short, or no two equal neighbours: nothing to save
        return
    head_set = set(heads.tolist())
    assert heads[0] == 0
    for i in range(1, len(items)):
        if i in head_set:  # a new run: another value, or a null on either side
            assert items[i] is None or items[i - 1] is None or items[i] != items[i - 1]
        else:
            assert items[i] is not None and items[i] == items[i - 1]


def test_a_value_after_a_null_is_looked_up_as_itself_not_as_the_null():
    values = pa.array([None, None, "a", "a", "b", None, "b"], pa.large_string())
    keys = pa.array(["b", "a"], pa.large_string())
    assert _first_index_arrow(values, keys).tolist() == [-1, -1, 1, 1, 0, -1, 0]
    assert shared_codes(values)[0].tolist() == [-1, -1, 0, 0, 1, -1, 1]


def test_runs_are_not_looked_for_in_short_arrays_or_arrays_of_short_runs(monkeypatch):
    monkeypatch.setattr(checkcorpus, "_MIN_RUN_ROWS", 1024)
    monkeypatch.setattr(checkcorpus, "_MAX_RUN_SHARE", 8)
    assert run_heads(pa.array(["a"] * 1023, pa.large_string())) is None
    assert run_heads(pa.array(["a"] * 1024, pa.large_string())).tolist() == [0]
    alternating = pa.array(["a", "b"] * 1024, pa.large_string())
    assert run_heads(alternating) is None
    eights = pa.array([str(i // 8) for i in range(2048)], pa.large_string())
    assert run_heads(eights).tolist() == list(range(0, 2048, 8))
