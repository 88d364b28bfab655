"""validate's sixth round against its floor (issue 19): the cheaper ways give the plain answers."""

from __future__ import annotations

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from landstrikes.schema.every_table_checks import DERIVED_IDS, _ArrowColumns, _joined, _joined_plainly

PIECES = st.one_of(st.none(), st.text(st.sampled_from(list("ab:-0") + ["é", "🜁"]), max_size=4))
LITERALS = st.text(st.sampled_from(list(":-fmq") + ["é"]), max_size=3)


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 4), st.integers(0, 6), st.data())
def test_ids_joined_with_literals_as_separators_equal_one_plain_join(columns, rows, data):
    """Columns with literals between them, joined two at a time with the literal as separator,
    give what one join of every part gives: the same strings, null wherever a column is null
    (seen failing with the separators taken in reverse order, and with a null column part
    filled instead of making the row null)."""
    parts = []
    for i in range(columns):
        if i:
            parts.append(data.draw(LITERALS))
        parts.append(pa.array(data.draw(st.lists(PIECES, min_size=rows, max_size=rows)), pa.large_string()))
    assert _joined(*parts).to_pylist() == _joined_plainly(*parts).to_pylist()


def test_an_id_layout_not_column_literal_column_is_joined_plainly():
    """Literals side by side, or at either end, are no separators: the plain join is used."""
    column = pa.array(["a", None, "c"], pa.large_string())
    for parts in ((column, ":", ":", column), ("x", column), (column, "y"), (column,)):
        assert _joined(*parts).to_pylist() == _joined_plainly(*parts).to_pylist()


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.one_of(st.none(), st.sampled_from(["a1", "b-2", ""])), st.one_of(st.none(), st.integers(-3, 12)),
                          st.one_of(st.none(), st.integers(-3, 12)), st.one_of(st.none(), st.sampled_from(["x", "flag"]))), max_size=8))
def test_derived_ids_are_the_ids_written_out_by_hand(rows):
    """Every derived id is article:code:start-end (quality flags: article:f:flag:start-end), a
    null offset printed as <NA> and a null article or flag making no id."""
    table = pa.table({
        "article_id": pa.array([r[0] for r in rows], pa.string()),
        "start": pa.array([r[1] for r in rows], pa.int64()),
        "end": pa.array([r[2] for r in rows], pa.int64()),
        "flag": pa.array([r[3] for r in rows], pa.string()),
    })

    def shown(n):
        return "<NA>" if n is None else str(n)

    for name, code in (("mentions", "m"), ("quotes", "q"), ("segments", "g")):
        expected = [None if a is None else f"{a}:{code}:{shown(s)}-{shown(e)}" for a, s, e, _ in rows]
        assert DERIVED_IDS[name](_ArrowColumns(table)).to_pylist() == expected
    flags = [None if a is None or f is None else f"{a}:f:{f}:{shown(s)}-{shown(e)}" for a, s, e, f in rows]
    assert DERIVED_IDS["quality_flags"](_ArrowColumns(table)).to_pylist() == flags


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a1", "b2"]), st.integers(0, 9), st.integers(0, 9), st.booleans()), max_size=9),
       st.integers(1, 4))
def test_ids_checked_block_by_block_fail_exactly_where_one_whole_comparison_fails(rows, block):
    """Blocks of any size, a wrong id in any of them (the first, the last, a partial one): the
    block-by-block decision is the whole table's (seen failing with the last partial block
    skipped, and with each block compared against the first block's ids)."""
    from landstrikes.schema import every_table_checks as checks

    table = pa.table({
        "article_id": pa.array([r[0] for r in rows], pa.string()),
        "start": pa.array([r[1] for r in rows], pa.int64()),
        "end": pa.array([r[2] for r in rows], pa.int64()),
    })
    ids = pa.array([f"{a}:m:{s}-{e}" if right else f"{a}:m:{e}-{s}x" for a, s, e, right in rows], pa.large_string())
    whole = DERIVED_IDS["mentions"](_ArrowColumns(table)).to_pylist() == ids.to_pylist()
    saved = checks._ID_ROWS
    checks._ID_ROWS = block
    try:
        assert checks._all_derived(table, ids, DERIVED_IDS["mentions"]) == whole
    finally:
        checks._ID_ROWS = saved
