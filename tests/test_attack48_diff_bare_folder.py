"""`diff` reads a folder of tables as `validate` reads it (attack48): a folder that holds the table
folders itself, a copy of a data/ folder under another name, is compared, not refused as
`<folder>/data: not a folder of tables` while `validate`, `render` and `evaluate` accept it."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pyarrow as pa
import pyarrow.parquet as pq

from conftest import DATASET


def _diff(*args):
    return subprocess.run([sys.executable, "-m", "landstrikes", "diff", *map(str, args)],
                          capture_output=True, text=True, timeout=300)


def test_two_bare_folders_of_the_same_tables_are_identical(tmp_path):
    old, new = tmp_path / "tables_old", tmp_path / "tables_new"
    shutil.copytree(DATASET / "data", old)
    shutil.copytree(DATASET / "data", new)
    done = _diff(old, new)
    assert done.returncode == 0, done.stderr
    assert "quotes: unchanged" in done.stdout


def test_a_bare_folder_is_compared_with_a_dataset_folder_and_its_change_is_named(tmp_path):
    old, new = tmp_path / "old", tmp_path / "copy_of_tables"
    shutil.copytree(DATASET / "data", old / "data")
    shutil.copytree(DATASET / "data", new)
    path = new / "quotes" / "quotes.parquet"
    table = pq.read_table(path)
    rows_before = table.to_pylist()
    rows = rows_before[1:]
    pq.write_table(pa.Table.from_pylist(rows, schema=table.schema), path)
    done = _diff(old, new)
    assert done.returncode == 1, done.stderr
    assert "0 added, 1 removed, 0 changed" in done.stdout
    assert f"  - {rows_before[0]['quote_id']}" in done.stdout.splitlines()


def test_a_folder_with_neither_data_nor_a_table_folder_is_still_refused_in_one_line(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    done = _diff(empty, DATASET)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "[unreadable-folder]" in done.stderr and str(empty) in done.stderr
