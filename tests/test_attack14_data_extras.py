"""Parquet data under `data/` that no table reads is a finding wherever it sits (attack14). Before,
only a folder directly beside the tables holding `*.parquet` was `unexpected-table`: `landstrikes
extract RAW --out DATASET/data/silver` (a complete second set of tables, two folders down) and a
Parquet file dropped beside the table folders validated, unread. Seen VALID on main's code (both)."""

from __future__ import annotations

import shutil

import pytest

from landstrikes.schema import validate


def _place(folder, kind):
    data = folder / "data"
    if kind == "nested tables":
        shutil.copytree(data / "quotes", data / "silver" / "data" / "quotes")
    elif kind == "file beside the tables":
        shutil.copy(data / "quotes" / "quotes.parquet", data / "quotes-old.parquet")
    elif kind == "file under another name, deeper":
        (data / "backup" / "2026").mkdir(parents=True)
        shutil.copy(data / "claims" / "claims.parquet", data / "backup" / "2026" / "claims.bak")


@pytest.mark.parametrize("kind", ["nested tables", "file beside the tables", "file under another name, deeper"])
def test_parquet_data_nowhere_read_is_a_finding(dataset_copy, kind):
    _place(dataset_copy, kind)
    report = validate(dataset_copy)
    assert [f.check for f in report.findings] == ["unexpected-table"], [(f.check, f.message) for f in report.findings]


def test_attack_held_folders_without_parquet_and_hidden_ones_are_ignored(dataset_copy):
    """A rendered site, notes, and a hidden folder beside the tables stay allowed (the check was
    seen failing with its hidden-name and Parquet-magic tests removed)."""
    data = dataset_copy / "data"
    (data / "site").mkdir()
    (data / "site" / "index.html").write_text("<html></html>", encoding="utf-8")
    (data / "NOTES.md").write_text("notes\n", encoding="utf-8")
    shutil.copytree(data / "quotes", data / ".snapshot" / "quotes")
    assert validate(dataset_copy).ok
