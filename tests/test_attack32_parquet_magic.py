"""attack32: Parquet data is recognised as Arrow reads it, by the magic at the file's END.

Arrow (`pandas.read_parquet(folder)`, README's own recipe, and `pq.read_table(folder)`) finds a
Parquet file's footer from its last eight bytes and never reads the leading `PAR1`. validate's
`unexpected-file` / `unexpected-table` rules looked only at the leading four bytes, so a table
folder holding `README.txt` whose first bytes were not `PAR1` (Parquet bytes otherwise) was VALID
while pandas read its rows too: 106 quotes from a folder of 103 validated ones."""

from __future__ import annotations

import io
import shutil

import pyarrow.parquet as pq

from landstrikes.schema import validate
from one_folder_report import same_as_one_folder
from test_engine_placement import own_partition, scatter


def _parquet_without_leading_magic(source, rows: int = 3) -> bytes:
    buffer = io.BytesIO()
    pq.write_table(pq.read_table(source).slice(0, rows), buffer)
    data = bytearray(buffer.getvalue())
    data[:4] = b"NOTE"
    return bytes(data)


def test_parquet_bytes_without_the_leading_magic_in_a_table_folder_are_an_unexpected_file(dataset_copy):
    quotes = dataset_copy / "data" / "quotes"
    (quotes / "README.txt").write_bytes(_parquet_without_leading_magic(quotes / "quotes.parquet"))
    assert pq.read_table(quotes).num_rows == 106  # what pandas.read_parquet(folder) gets
    findings = [(f.table, f.check, f.value) for f in validate(dataset_copy).findings]
    assert findings == [("quotes", "unexpected-file", "README.txt")]


def test_parquet_bytes_without_the_leading_magic_in_a_subfolder_are_an_unexpected_file(dataset_copy):
    quotes = dataset_copy / "data" / "quotes"
    (quotes / "year=2026").mkdir()
    (quotes / "year=2026" / "part-0").write_bytes(_parquet_without_leading_magic(quotes / "quotes.parquet"))
    assert pq.read_table(quotes).num_rows == 106
    assert [(f.check, f.value) for f in validate(dataset_copy).findings] == [("unexpected-file", "year=2026")]


def test_parquet_bytes_without_the_leading_magic_beside_the_tables_are_an_unexpected_table(dataset_copy):
    data = dataset_copy / "data"
    (data / "notes").mkdir()
    (data / "notes" / "x.bin").write_bytes(_parquet_without_leading_magic(data / "quotes" / "quotes.parquet"))
    assert [(f.table, f.check) for f in validate(dataset_copy).findings] == [("notes", "unexpected-table")]


def test_the_engine_reports_them_as_one_folder_does(tmp_path):
    corpus = scatter(tmp_path, own_partition)
    quotes = corpus / "data" / "quotes"
    shutil.copy(quotes / "quotes-000000000.parquet", tmp_path / "keep.parquet")
    (quotes / "notes.txt").write_bytes(_parquet_without_leading_magic(tmp_path / "keep.parquet"))
    assert [f.check for f in same_as_one_folder(corpus)] == ["unexpected-file"]


def test_a_text_file_beside_a_table_stays_ignored(dataset_copy):
    quotes = dataset_copy / "data" / "quotes"
    (quotes / "README.txt").write_text("notes about the quotes table: PAR1 is the magic\n")
    (quotes / "tiny").write_bytes(b"PAR")
    (quotes / "empty").write_bytes(b"")
    assert validate(dataset_copy).ok
