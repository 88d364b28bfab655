"""Parquet data in a table folder under a hidden name is `unexpected-file`, as under any other
name (attack62).

validate ignored every entry starting with '.' or '_' that is not a part, the names Arrow's
dataset reader (pandas.read_parquet) skips, and told users to hide stray data so. Dask's
`dd.read_parquet(folder)` (2026.11, pyarrow engine) skips neither: it reads every `*.parquet`
below the folder, hidden or not (`.x.parquet`, `.old/x.parquet`, `_sub/x.parquet`: 113 quote rows
where validate checked 103), and when the folder holds a `_metadata` summary file it reads the
table through it alone: a `_metadata` naming ten rows of a hidden file made Dask read those ten,
the folder VALID. Files that hold no Parquet data (AppleDouble `._x.parquet`, notes, editor swap
files) stay ignored."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from landstrikes.schema import validate
from one_folder_report import same_as_one_folder
from test_engine_placement import own_partition, scatter

APPLEDOUBLE = b"\x00\x05\x16\x07Mac OS X        " + b"\x00" * 64


def _unexpected(report) -> list[tuple[str, str]]:
    return [(f.table, f.value) for f in report.findings if f.check == "unexpected-file"]


@pytest.mark.parametrize("name", [".evil.parquet", ".old/quotes.parquet", "_sub/quotes.parquet", ".evil"])
def test_hidden_parquet_data_in_a_table_folder_is_an_unexpected_file(dataset_copy, name):
    folder = dataset_copy / "data" / "quotes"
    target = folder / name
    target.parent.mkdir(exist_ok=True)
    pq.write_table(pq.read_table(folder / "quotes.parquet").slice(0, 10), target)
    report = validate(dataset_copy)
    assert report.exit_code == 1
    assert _unexpected(report) == [("quotes", name.split("/")[0])]
    line = next(f.message for f in report.findings if f.check == "unexpected-file")
    assert "Dask" in line and "leading '.'" not in line  # hiding it is no remedy


def test_a_metadata_summary_file_naming_other_rows_is_an_unexpected_file(dataset_copy):
    folder = dataset_copy / "data" / "quotes"
    table = pq.read_table(folder / "quotes.parquet")
    collected = []
    pq.write_table(table.slice(0, 10), folder / ".evil.parquet", metadata_collector=collected)
    collected[0].set_file_path(".evil.parquet")
    pq.write_metadata(table.schema, folder / "_metadata", metadata_collector=collected)
    report = validate(dataset_copy)
    assert report.exit_code == 1
    assert _unexpected(report) == [("quotes", ".evil.parquet"), ("quotes", "_metadata")]
    line = next(f.message for f in report.findings if f.value == "_metadata")
    assert "summary file" in line


@pytest.mark.parametrize("name", ["_common_metadata", "_metadata"])
def test_a_summary_file_of_the_parts_own_schema_is_an_unexpected_file_too(dataset_copy, name):
    folder = dataset_copy / "data" / "quotes"
    pq.write_metadata(pq.read_schema(folder / "quotes.parquet"), folder / name)
    assert _unexpected(validate(dataset_copy)) == [("quotes", name)]


def test_hidden_files_that_hold_no_parquet_data_stay_ignored(dataset_copy):
    folder = dataset_copy / "data" / "quotes"
    (folder / "._quotes.parquet").write_bytes(APPLEDOUBLE)
    (folder / ".quotes.parquet.swp").write_bytes(b"b0VIM 9.1" + b"\x00" * 100)
    (folder / ".notes").mkdir()
    (folder / ".notes" / "todo.txt").write_text("check q12\n", encoding="utf-8")
    assert validate(dataset_copy).ok


def test_a_hidden_parquet_file_in_a_partition_folder_is_named_as_in_one_folder(tmp_path):
    corpus = scatter(tmp_path, own_partition)
    folder = corpus / "data" / "quotes"
    first = sorted(folder.glob("*.parquet"))[0]
    pq.write_table(pq.read_table(first), folder / ".copy.parquet")
    findings = same_as_one_folder(corpus)
    assert [(f.check, f.value) for f in findings] == [("unexpected-file", ".copy.parquet")]
