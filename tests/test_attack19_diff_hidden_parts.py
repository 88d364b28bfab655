"""`diff` reads a folder's tables as validate does: hidden files are no parts (attack19).

README: "In a table folder every visible `*.parquet` file is a part of the table, whatever its
name; hidden files (`._x.parquet`, editor temp files) ... are ignored". A copy made on macOS
onto an exFAT or network drive carries an AppleDouble `._quotes.parquet` beside each part. Such
a copy validated, yet `diff` described the table from the hidden file: exit 2
`[unreadable-table]` for an AppleDouble stub, and for a hidden Parquet file of other columns a
schema change (a major bump) the table does not have.
"""

from __future__ import annotations

import pyarrow.parquet as pq

from landstrikes.cli import main
from landstrikes.releases.diff import diff_folders
from landstrikes.schema import validate

APPLEDOUBLE = b"\x00\x05\x16\x07Mac OS X        " + b"\x00" * 64


def test_an_appledouble_file_beside_a_part_changes_no_diff(dataset_copy, built_dataset, capsys):
    (dataset_copy / "data" / "quotes" / "._quotes.parquet").write_bytes(APPLEDOUBLE)
    assert validate(dataset_copy).ok
    assert main(["diff", str(built_dataset), str(dataset_copy)]) == 0
    out = capsys.readouterr().out
    assert "quotes: unchanged (103 rows)" in out


def test_a_hidden_parquet_file_of_other_columns_is_no_schema_change(dataset_copy, built_dataset):
    part = dataset_copy / "data" / "quotes" / "quotes.parquet"
    pq.write_table(pq.read_table(part).select(["quote_id"]), part.parent / ".quotes.parquet.swp.parquet")
    diff = {t.table: t for t in diff_folders(built_dataset, dataset_copy).tables}
    assert diff["quotes"].status == "same"
    assert diff["quotes"].columns_removed == []


def test_a_table_folder_holding_only_hidden_files_is_no_table(dataset_copy, built_dataset):
    extra = dataset_copy / "data" / "notes"
    extra.mkdir()
    (extra / "._notes.parquet").write_bytes(APPLEDOUBLE)
    names = [t.table for t in diff_folders(built_dataset, dataset_copy).tables]
    assert "notes" not in names
