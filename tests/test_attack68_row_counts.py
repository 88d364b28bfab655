"""A row group's stated row count must be what its column chunks hold (attack68).

attack11 refused a footer whose file-level row count is not its row groups' sum. A row group's
own count was believed: quotes written without statistics, the footer restating 102 rows (file
and row group) over column chunks of 103 values each, was VALID, exit 0: pyarrow decodes the
row group's count and silently drops the last row, which the file still holds; DuckDB refused a
file of the same kind ("Parquet metadata is corrupt. Column has 10 values but row group has 4
rows"). A column of no list holds exactly one value a row (a null is a value here); a list column
at least one. Now such a footer is refused unread (validate `unreadable-table`, exit 2; verify and
load `decompression-bomb`, as attack11's).
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq
from test_attack68_page_header_thrift import _footer_with, _varint

from landstrikes.cli import main
from landstrikes.schema.tableio import footer_lie


def _rows_restated(path, rows: int) -> None:
    """The footer's file count (field 3, before the row groups' list) and its one row group's count
    (its last i64 of that value, after total_byte_size) restated as `rows`."""
    stated = pq.read_metadata(path).num_rows
    old = b"\x16" + _varint(2 * stated)
    _footer_with(path, old + b"\x19", b"\x16" + _varint(2 * rows) + b"\x19", first=True)
    data = path.read_bytes()
    start = len(data) - 8 - int.from_bytes(data[-8:-4], "little")
    footer = data[start:-8]
    at = footer.rfind(old)
    footer = footer[:at] + b"\x16" + _varint(2 * rows) + footer[at + len(old):]
    path.write_bytes(data[:start] + footer + len(footer).to_bytes(4, "little") + b"PAR1")


def test_a_row_group_stating_fewer_rows_than_its_columns_hold_is_refused(dataset_copy, capsys):
    path = dataset_copy / "data" / "quotes" / "quotes.parquet"
    pq.write_table(pq.read_table(path), path, write_statistics=False)
    _rows_restated(path, 102)
    metadata = pq.read_metadata(path)
    assert metadata.num_rows == metadata.row_group(0).num_rows == 102
    assert metadata.row_group(0).column(0).num_values == 103
    assert pq.read_table(path).num_rows == 102  # pyarrow drops the row the file holds
    assert main(["validate", str(dataset_copy)]) == 2
    out = capsys.readouterr().out
    assert "[unreadable-table]" in out and "102 rows" in out and "103 values" in out


def test_a_list_column_holds_at_least_one_value_a_row(tmp_path):
    path = tmp_path / "t.parquet"
    pq.write_table(pa.table({"speaker_ids": [["a"], ["b", "c"], []]}), path)
    assert pq.read_metadata(path).row_group(0).column(0).num_values == 4
    assert footer_lie(pq.read_metadata(path)) is None
    _rows_restated(path, 5)
    lie = footer_lie(pq.read_metadata(path))
    assert lie is not None and "5 rows" in lie


def test_lists_may_hold_more_values_than_rows_and_nulls_count_as_values(tmp_path):
    path = tmp_path / "t.parquet"
    pq.write_table(pa.table({"speaker_ids": [["a", "b", "c"], None, []], "parent": [None, "q1", None]}), path)
    assert footer_lie(pq.read_metadata(path)) is None


def test_a_column_chunk_naming_another_column_is_refused(tmp_path, dataset_copy, capsys):
    """Chunks 0 and 1 of quotes (quote_id, article_id: both strings) swap their `path_in_schema`:
    pyarrow and DuckDB still read chunk j as column j; parquet-mr, Spark's reader, maps a chunk to
    the column its path names, so there the two columns trade values."""
    path = dataset_copy / "data" / "quotes" / "quotes.parquet"
    first, second = (pq.read_metadata(path).row_group(0).column(j).path_in_schema.encode() for j in (0, 1))
    swapped = {}
    for name, other in ((first, second), (second, first)):  # each path list is `19 18 <len> <name>`: list of 1 binary
        swapped[b"\x19\x18" + _varint(len(name)) + name] = b"\x19\x18" + _varint(len(other)) + other
    data = path.read_bytes()
    start = len(data) - 8 - int.from_bytes(data[-8:-4], "little")
    footer = data[start:-8]
    at = {old: footer.find(old) for old in swapped}
    assert all(place > 0 for place in at.values())
    for old, place in sorted(at.items(), key=lambda item: -item[1]):
        footer = footer[:place] + swapped[old] + footer[place + len(old):]
    path.write_bytes(data[:start] + footer + len(footer).to_bytes(4, "little") + b"PAR1")
    metadata = pq.read_metadata(path)
    assert [metadata.row_group(0).column(j).path_in_schema for j in (0, 1)] == [second.decode(), first.decode()]
    assert pq.read_table(path).num_rows == 103
    assert main(["validate", str(dataset_copy)]) == 2
    out = capsys.readouterr().out
    assert "[unreadable-table]" in out and "column chunk 0" in out
