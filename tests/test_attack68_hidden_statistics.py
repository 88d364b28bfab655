"""Statistics a footer states are checked even where pyarrow does not show them (attack68).

validate's footer check (attack12) reads the statistics through pyarrow, and pyarrow leaves a
string column's minimum and maximum out when the footer lists no column order, and every
statistic out for a file `created_by` parquet-mr before 1.8.0 (PARQUET-251). A quotes part whose
first row group states `kind` in ['x', 'y'] over 'direct' rows, the column orders dropped from its
footer or its writer renamed, was VALID (exit 0), while DuckDB 2.0.1's
`SELECT count(*) ... WHERE kind = 'direct'` returned 1 of the 13 (pyarrow's filtered read 13).
Now a statistic the footer states that pyarrow does not show is refused (validate
`unreadable-table`, exit 2; verify and load `footer-statistics-mismatch`), and so is a bound stated
twice, in the deprecated `min`/`max` and in `min_value`/`max_value`, with different bytes.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from test_attack68_page_header_thrift import _footer_with, _varint

from landstrikes.cli import main
from landstrikes.releases.manifest_checks import decoded


def _quotes(dataset_copy):
    return dataset_copy / "data" / "quotes" / "quotes.parquet"


def _footer(path) -> bytes:
    data = path.read_bytes()
    return data[len(data) - 8 - int.from_bytes(data[-8:-4], "little"):-8]


def _in_groups_of_40(path) -> None:
    table = pq.read_table(path)
    pq.write_table(table, path, row_group_size=40)


def _kind_bounds(path) -> tuple[bytes, bytes]:
    """The first row group's stated max_value and min_value of `kind`, as they are spelt in the footer."""
    metadata = pq.read_metadata(path)
    stats = metadata.row_group(0).column(metadata.schema.names.index("kind")).statistics
    return (_varint(len(stats.max_raw)) + stats.max_raw, _varint(len(stats.min_raw)) + stats.min_raw)


def _kind_excludes_direct(path) -> None:
    """The first row group's `kind` stated as ['x', 'y']: every row of it lies outside."""
    high, low = _kind_bounds(path)
    footer = _footer(path)
    at = footer.find(high)
    between = footer[at + len(high):footer.find(low, at)]
    assert len(between) == 1  # min_value's field byte
    _footer_with(path, high + between + low, _varint(1) + b"y" + between + _varint(1) + b"x", first=True)


def _no_column_orders(path) -> None:
    columns = pq.read_metadata(path).num_columns
    orders = bytes([0x19, 0xFC]) + _varint(columns) + b"\x1c\x00\x00" * columns
    _footer_with(path, orders, b"")


def _old_parquet_mr(path) -> None:
    written = pq.read_metadata(path).created_by.encode()
    _footer_with(path, _varint(len(written)) + written, _varint(24) + b"parquet-mr version 1.7.0")


HIDERS = {"no-column-orders": _no_column_orders, "created-by-parquet-mr-1.7.0": _old_parquet_mr}


@pytest.mark.parametrize("hider", list(HIDERS))
def test_pyarrow_does_not_show_the_hidden_statistics(hider, dataset_copy):
    path = _quotes(dataset_copy)
    _in_groups_of_40(path)
    _kind_excludes_direct(path)
    HIDERS[hider](path)
    metadata = pq.read_metadata(path)
    stats = metadata.row_group(0).column(metadata.schema.names.index("kind")).statistics
    assert stats is None or not stats.has_min_max
    assert pq.read_table(path, filters=[("kind", "==", "direct")]).num_rows == 13  # pyarrow does not filter by them


@pytest.mark.parametrize("hider", list(HIDERS))
def test_a_statistics_lie_pyarrow_does_not_show_is_refused(hider, dataset_copy, capsys):
    path = _quotes(dataset_copy)
    _in_groups_of_40(path)
    _kind_excludes_direct(path)
    HIDERS[hider](path)
    assert main(["validate", str(dataset_copy)]) == 2
    out = capsys.readouterr().out
    assert "[unreadable-table]" in out and "quotes.parquet" in out and "pyarrow does not read" in out


@pytest.mark.parametrize("hider", list(HIDERS))
def test_verify_and_load_refuse_hidden_statistics(hider, dataset_copy):
    path = _quotes(dataset_copy)
    _in_groups_of_40(path)
    HIDERS[hider](path)
    for source in (path, pa.BufferReader(path.read_bytes())):
        table, problem = decoded("data/quotes/quotes.parquet", source)
        assert problem is not None and problem.check == "footer-statistics-mismatch", problem


def test_a_bound_stated_twice_with_different_bytes_is_refused(dataset_copy, capsys):
    """Honest min_value/max_value, which pyarrow reads, and deprecated min/max of other bytes after them
    (long-form field ids 1 and 2, then the exactness flags 7 and 8 in long form too), which readers
    that take the old fields filter by."""
    path = _quotes(dataset_copy)
    _in_groups_of_40(path)
    high, low = _kind_bounds(path)
    footer = _footer(path)
    at = footer.find(high)
    stated = footer[at:footer.find(low, at) + len(low)] + b"\x11\x11\x00"  # ..., is_max/min_value_exact, stop
    deprecated = bytes([0x08, 0x02]) + _varint(1) + b"y" + bytes([0x08, 0x04]) + _varint(1) + b"x"
    _footer_with(path, stated, stated[:-3] + deprecated + bytes([0x01, 0x0E, 0x01, 0x10, 0x00]), first=True)
    metadata = pq.read_metadata(path)
    stats = metadata.row_group(0).column(metadata.schema.names.index("kind")).statistics
    assert (stats.min_raw, stats.max_raw) == (b"direct", b"scare")  # pyarrow reads the honest pair
    assert main(["validate", str(dataset_copy)]) == 2
    out = capsys.readouterr().out
    assert "[unreadable-table]" in out and "twice" in out


def test_a_footer_without_column_orders_or_statistics_hides_nothing(dataset_copy, capsys):
    path = _quotes(dataset_copy)
    pq.write_table(pq.read_table(path), path, write_statistics=False)
    _no_column_orders(path)
    assert main(["validate", str(dataset_copy)]) == 0


def test_every_committed_part_shows_pyarrow_every_statistic_it_states():
    from pathlib import Path

    from landstrikes.schema.stated_statistics import hidden_statistics

    root = Path(__file__).resolve().parents[1] / "dataset"
    parts = sorted(root.rglob("*.parquet"))
    assert parts
    for path in parts:
        assert hidden_statistics(path, pq.read_metadata(path)) is None, path



def test_a_lone_bound_arrow_writes_for_long_strings_is_not_refused(tmp_path, built_dataset):
    """Arrow states one bound alone where a long string's other bound cannot be cut short; pyarrow
    shows no lone bound, with or without column orders, so it is no sign of a hiding footer (the
    engine's partitions of two article texts had been refused)."""
    from landstrikes.schema.stated_statistics import footer_bytes, hidden_statistics, stated_statistics

    articles = pq.read_table(built_dataset / "data" / "articles" / "articles.parquet")
    path = tmp_path / "articles.parquet"
    lone = []
    for first in range(articles.num_rows - 1):
        pq.write_table(articles.slice(first, 2), path)
        metadata = pq.read_metadata(path)
        text = metadata.schema.names.index("text")
        fields = stated_statistics(footer_bytes(path))[0][text]
        if (5 in fields) != (6 in fields):
            lone.append(first)
        assert hidden_statistics(path, metadata) is None
    assert lone  # the case is met: some pair of texts gets a lone bound


def test_a_lone_bound_that_excludes_a_held_value_is_refused(tmp_path, built_dataset):
    """A lone bound is held to the values as a pair is: set past the text it bounds, it is a lie."""
    from landstrikes.schema.stated_statistics import footer_bytes, stated_statistics
    from landstrikes.schema.tableio import UnreadableTable, read_part

    articles = pq.read_table(built_dataset / "data" / "articles" / "articles.parquet")
    path = tmp_path / "articles.parquet"
    for first in range(articles.num_rows - 1):
        pq.write_table(articles.slice(first, 2), path)
        text = pq.read_metadata(path).schema.names.index("text")
        fields = stated_statistics(footer_bytes(path))[0][text]
        if (5 in fields) != (6 in fields):
            break
    else:
        pytest.skip("no pair of gold texts gets a lone bound")
    read_part(path)  # the honest lone bound passes
    field = 5 if 5 in fields else 6
    bound = fields[field]
    lie = (b"A" if field == 5 else b"z") * len(bound)  # a maximum below the texts, a minimum above them
    _footer_with(path, _varint(len(bound)) + bound, _varint(len(lie)) + lie, first=True)
    with pytest.raises(UnreadableTable, match="alone"):
        read_part(path)
