"""A table folder holding no part is a missing table (newuser43), and that is all it is: what the
folder does hold is judged as in a folder with parts, and the verdict does not hang on when the
folder was found empty.

attack45: a folder whose only Parquet data was named `quotes.parquet.bak` (or lay in a subfolder)
was `missing-table` alone: the `unexpected-file` that the same file gives beside a part was not
reported, one folder and `--engine` alike (README: "a file of Parquet data under another name is
`unexpected-file`"). A folder emptied between the check that it holds parts and their reading was
UNUSABLE, exit 2, `files have different schemas (Must pass at least one table)`, which it does not
hold; found empty a moment earlier it is INVALID, exit 1, `missing-table`."""

from __future__ import annotations

import shutil

import pytest

import landstrikes.schema.tableio as tableio
from conftest import DATASET
from landstrikes.schema.tableio import UnreadableTable, concat_parts
from landstrikes.schema.validate import validate
from one_folder_report import same_as_one_folder
from test_engine_placement import own_partition, scatter


def _rename_parts(folder, name):
    """Every part of `folder` renamed by `name(i, path)` (a path relative to the folder)."""
    for i, path in enumerate(sorted(folder.glob("*.parquet"))):
        target = folder / name(i, path)
        target.parent.mkdir(exist_ok=True)
        path.rename(target)


@pytest.mark.parametrize("name", [lambda i, p: f"{p.name}.bak", lambda i, p: f"old/{p.name}"], ids=["bak", "subfolder"])
def test_parquet_data_in_a_table_folder_without_a_part_is_named_as_beside_a_part(tmp_path, name):
    corpus = scatter(tmp_path, own_partition)
    _rename_parts(corpus / "data" / "quotes", name)
    findings = same_as_one_folder(corpus)
    assert sorted({(f.table, f.check) for f in findings}) == [("quotes", "missing-table"), ("quotes", "unexpected-file")]


def test_notes_in_a_table_folder_without_a_part_add_nothing_to_the_missing_table(tmp_path):
    corpus = scatter(tmp_path, own_partition)
    for path in (corpus / "data" / "quotes").iterdir():
        path.unlink()
    (corpus / "data" / "quotes" / "notes.txt").write_text("not Parquet")
    assert [(f.table, f.check) for f in same_as_one_folder(corpus)] == [("quotes", "missing-table")]


def test_a_folder_emptied_after_it_was_found_to_hold_parts_is_a_missing_table(tmp_path, monkeypatch):
    shutil.copytree(DATASET / "data", tmp_path / "data")
    looked = tableio.refused_folder

    def look_then_empty(table_dir):
        refused = looked(table_dir)
        if table_dir.name == "quotes":  # the parts go between the look and the reading
            for path in table_dir.glob("*.parquet"):
                path.unlink()
        return refused

    monkeypatch.setattr(tableio, "refused_folder", look_then_empty)
    report = validate(tmp_path)
    assert report.unusable is None and report.exit_code == 1
    assert [(f.table, f.check) for f in report.findings] == [("quotes", "missing-table")]
    assert "no .parquet file" in report.findings[0].message


def test_no_parts_to_join_is_a_missing_table_whoever_asks(tmp_path):
    with pytest.raises(UnreadableTable) as refused:
        concat_parts(tmp_path / "quotes", [])
    assert refused.value.check == "missing-table" and "no .parquet file" in str(refused.value)
