"""A column the schema does not have, or lacks, is named with what the schema holds (newuser46).

A user who added a column of their own to a copy of `quotes` read
`[unexpected-column] quotes table column my_label: Pandera check column_in_schema failed`, which
says which Pandera function ran, not that tables are strict or what to do with the column; a
dropped column read the same way (`column_in_dataframe`).
"""

from __future__ import annotations

import shutil

import pyarrow as pa
import pyarrow.parquet as pq
from conftest import DATASET

from landstrikes.cli import main


def _copy_with(tmp_path, change) -> str:
    target = tmp_path / "copy"
    shutil.copytree(DATASET / "data", target / "data")
    path = target / "data" / "quotes" / "quotes.parquet"
    pq.write_table(change(pq.read_table(path)), path)  # the file's key-value metadata is kept
    return str(target)


def _lines(out: str, check: str) -> list[str]:
    return [line.strip() for line in out.splitlines() if line.strip().startswith(f"[{check}]")]


def test_an_added_column_is_named_as_not_in_the_strict_schema_with_what_to_do(tmp_path, capsys):
    copy = _copy_with(tmp_path, lambda t: t.append_column("my_label", pa.array(["x"] * t.num_rows)))
    assert main(["validate", copy]) == 1
    (line,) = _lines(capsys.readouterr().out, "unexpected-column")
    assert "column my_label" in line and "Pandera check" not in line, line
    assert "not a column of the quotes schema" in line, line
    assert "quote_id" in line, line  # where a column of one's own goes: a table of its own, keyed by the id


def test_a_dropped_column_is_named_as_missing_from_the_table(tmp_path, capsys):
    copy = _copy_with(tmp_path, lambda t: t.drop_columns(["cluster_similarity"]))
    assert main(["validate", copy]) == 1
    (line,) = _lines(capsys.readouterr().out, "missing-column")
    assert "column cluster_similarity" in line and "Pandera check" not in line, line
    assert "the quotes schema has this column" in line, line
