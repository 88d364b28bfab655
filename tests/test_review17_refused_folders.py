"""`validate --engine` refuses a table folder as one folder refuses it, with the same line: a
`*.parquet` entry that cannot be opened (a dangling symlink), or reports a folder with no Parquet file as a missing table.
Layouts list regular files only, so the dangling link went unread by every task, and the
unusable line came from a later whole-table read, without its check id or its finding."""

from __future__ import annotations

import os

from landstrikes.schema.validate import validate
from one_folder_report import same_as_one_folder
from test_engine_placement import own_partition, scatter



def test_a_dangling_symlink_among_partition_files_makes_the_input_unusable_with_its_line(tmp_path):
    corpus = scatter(tmp_path, own_partition)
    os.symlink(tmp_path / "nowhere.parquet", corpus / "data" / "mentions" / "mentions-000000009.parquet")
    assert [f.check for f in same_as_one_folder(corpus)] == ["unreadable-table"]


def test_a_table_folder_without_parquet_files_is_a_missing_table_and_the_rest_is_judged(tmp_path):
    """newuser43: a folder emptied of its parts was UNUSABLE (exit 2, nothing else judged) while the
    same table with its folder gone was INVALID (exit 1, `missing-table`): both are a missing table."""
    corpus = scatter(tmp_path, own_partition)
    for path in (corpus / "data" / "quotes").iterdir():
        path.unlink()
    (corpus / "data" / "stances" / "notes.txt").write_text("not a part")
    for path in (corpus / "data" / "stances").glob("*.parquet"):
        path.unlink()
    findings = same_as_one_folder(corpus)
    assert sorted((f.table, f.check) for f in findings) == [("quotes", "missing-table"), ("stances", "missing-table")]
    assert all("no .parquet file" in f.message for f in findings)
    assert validate(corpus).exit_code == 1 and validate(corpus).unusable is None
