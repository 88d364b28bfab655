"""review14: the search for Parquet data under `data/` (unexpected-table) and inside a table folder
(unexpected-file) stops after MAX_ENTRIES files, and stopping said nothing: 10,001 empty files in
`data/notes/a/` and a copy of the quotes table at `data/notes/x/zz.parquet` validated (VALID),
as did the same inside `data/quotes/backup/`. A folder too large to look through is now the
finding it may hide. Seen failing on main's code (both cases VALID); the bound is lowered to 5
here so the test does not write ten thousand files."""

from __future__ import annotations

import shutil

import pytest

from landstrikes.schema import filestamps, validate


@pytest.mark.parametrize(("under", "check"), [("notes", "unexpected-table"), ("quotes/backup", "unexpected-file")])
def test_parquet_past_the_walk_bound_is_still_a_finding(dataset_copy, monkeypatch, under, check):
    monkeypatch.setattr(filestamps, "MAX_ENTRIES", 5)
    folder = dataset_copy / "data" / under
    (folder / "a").mkdir(parents=True)
    for i in range(6):
        (folder / "a" / f"{i}.txt").write_text("", encoding="utf-8")
    (folder / "x").mkdir()
    shutil.copy(dataset_copy / "data" / "quotes" / "quotes.parquet", folder / "x" / "zz.parquet")
    report = validate(dataset_copy)
    assert [f.check for f in report.findings] == [check], [(f.check, f.message) for f in report.findings]
    assert "more than 5" in report.findings[0].message


def test_a_folder_within_the_bound_and_without_parquet_stays_allowed(dataset_copy, monkeypatch):
    monkeypatch.setattr(filestamps, "MAX_ENTRIES", 5)
    (dataset_copy / "data" / "notes").mkdir()
    for i in range(5):
        (dataset_copy / "data" / "notes" / f"{i}.txt").write_text("", encoding="utf-8")
    assert validate(dataset_copy).ok
