"""A column chunk stated to live in another file is refused (attack68).

A ColumnChunk's `file_path` says its data is in another file. Arrow ignores it and reads the
chunk from the file itself, so validate judged those bytes, VALID, exit 0; DuckDB 2.0.1 refuses
the file ("Only inlined data files are supported (no references)"), and a reader that follows the
path reads another file's values. landstrikes never writes one, so, like a page index or a bloom
filter (attack48), it is refused: validate `unreadable-table`, exit 2; verify and load
`footer-statistics-mismatch`.
"""

from __future__ import annotations

import pyarrow.parquet as pq
from test_attack68_page_header_thrift import _footer_with, _varint

from landstrikes.cli import main
from landstrikes.releases.manifest_checks import decoded


def _first_chunk_in(path, other: bytes) -> None:
    """The first column chunk's `file_path` (field 1, before its file_offset, field 2) set to `other`."""
    columns = pq.read_metadata(path).num_columns
    opening = b"\x19" + (bytes([columns << 4 | 0x0C]) if columns < 15 else b"\xfc" + _varint(columns))
    # RowGroup.columns (field 1, a list of structs), then a ColumnChunk opening on file_offset (field 2, i64)
    _footer_with(path, opening + b"\x26", opening + b"\x18" + _varint(len(other)) + other + b"\x16", first=True)


def test_a_column_chunk_in_another_file_is_refused(dataset_copy, capsys):
    path = dataset_copy / "data" / "quotes" / "quotes.parquet"
    _first_chunk_in(path, b"../claims/claims.parquet")
    assert pq.read_metadata(path).row_group(0).column(0).file_path == "../claims/claims.parquet"
    assert pq.read_table(path).num_rows == 103  # Arrow reads this file's own bytes
    assert main(["validate", str(dataset_copy)]) == 2
    out = capsys.readouterr().out
    assert "[unreadable-table]" in out and "another file" in out and "quotes.parquet" in out
    table, problem = decoded("data/quotes/quotes.parquet", path)
    assert problem is not None and problem.check == "footer-statistics-mismatch"
