"""diff names a row whose id is the empty string as `''` (attack46): it read `  + ` or
`  ~  (was OLD)`, nothing where the id stands, as the validate report had read `(whole table)`."""

from __future__ import annotations

import shutil

import pyarrow as pa
import pyarrow.parquet as pq

from conftest import DATASET
from landstrikes.releases.diff import diff_folders


def _copy_with_quote_id(tmp_path, name, row, value):
    folder = tmp_path / name
    shutil.copytree(DATASET / "data", folder / "data")
    path = folder / "data" / "quotes" / "quotes.parquet"
    arrow = pq.read_table(path)
    rows = arrow.to_pylist()
    rows[row]["quote_id"] = value
    pq.write_table(pa.Table.from_pylist(rows, schema=arrow.schema), path)
    return folder


def test_a_row_whose_id_became_empty_is_named_as_the_empty_string(tmp_path):
    old = tmp_path / "old"
    shutil.copytree(DATASET / "data", old / "data")
    new = _copy_with_quote_id(tmp_path, "new", 3, "")
    lines = diff_folders(old, new, "old", "new").to_text().splitlines()
    changed = [line for line in lines if line.startswith("  ~ ") and "(was " in line]
    assert changed and all(line.startswith("  ~ '' (was ") for line in changed), lines


def test_an_added_row_with_an_empty_id_is_named_as_the_empty_string(tmp_path):
    old = tmp_path / "old"
    shutil.copytree(DATASET / "data", old / "data")
    path = old / "data" / "quotes" / "quotes.parquet"
    arrow = pq.read_table(path)
    pq.write_table(arrow.slice(1), path)  # old lacks the first quote
    new = _copy_with_quote_id(tmp_path, "new", 0, "")  # new has it, under the id ''
    lines = diff_folders(old, new, "old", "new").to_text().splitlines()
    assert "  + ''" in lines, lines
