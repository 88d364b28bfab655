"""`validate --engine` refuses a table folder as one folder refuses it, with the same line: a
`*.parquet` entry that cannot be opened (a dangling symlink) or a folder with no Parquet file.
Layouts list regular files only, so the dangling link went unread by every task, and the
unusable line came from a later whole-table read, without its check id or its finding."""

from __future__ import annotations

import os

from one_folder_report import same_as_one_folder
from test_engine_placement import own_partition, scatter



def test_a_dangling_symlink_among_partition_files_makes_the_input_unusable_with_its_line(tmp_path):
    corpus = scatter(tmp_path, own_partition)
    os.symlink(tmp_path / "nowhere.parquet", corpus / "data" / "mentions" / "mentions-000000009.parquet")
    assert [f.check for f in same_as_one_folder(corpus)] == ["unreadable-table"]


def test_a_table_folder_without_parquet_files_makes_the_input_unusable_with_its_line(tmp_path):
    corpus = scatter(tmp_path, own_partition)
    for path in (corpus / "data" / "quotes").iterdir():
        path.unlink()
    assert [f.check for f in same_as_one_folder(corpus)] == ["unreadable-table"]
