"""`diff` compares the tables' file stamps, not only their rows and columns (attack48): a copy
whose quotes file said schema version 2.0, or `landstrikes.source=auto` (which makes validate hold
its rows as the extractor's), read `quotes: unchanged`, exit 0, though `validate` judged the two
folders differently. The dataset-version stamp, which every release changes, is not compared."""

from __future__ import annotations

import shutil

import pyarrow.parquet as pq
import pytest

from conftest import DATASET
from landstrikes.cli import main
from landstrikes.releases.diff import diff_folders
from landstrikes.releases.manifest import verified_manifest


def _restamped(tmp_path, changes):
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(DATASET / "data", old / "data")
    shutil.copytree(DATASET / "data", new / "data")
    path = new / "data" / "quotes" / "quotes.parquet"
    table = pq.read_table(path)
    stamps = dict(table.schema.metadata)
    stamps.update(changes)
    pq.write_table(table.replace_schema_metadata({k: v for k, v in stamps.items() if v is not None}), path)
    return old, new


@pytest.mark.parametrize("key, value, shown", [
    (b"landstrikes.schema_version", b"2.0", "landstrikes.schema_version: '2.1' -> '2.0'"),
    (b"landstrikes.source", b"auto", "landstrikes.source: (none) -> 'auto'"),
    (b"landstrikes.table", None, "landstrikes.table: 'quotes' -> (none)"),
])
def test_a_table_differing_only_in_a_stamp_is_changed_and_named(tmp_path, capsys, key, value, shown):
    old, new = _restamped(tmp_path, {key: value})
    assert main(["diff", str(old), str(new)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert "quotes: 103 -> 103 rows; 0 added, 0 removed, 0 changed" in lines
    assert f"  ~ file stamp {shown}" in lines
    assert "articles: unchanged (5 rows)" in lines


def test_the_dataset_version_stamp_every_release_changes_is_not_compared(tmp_path):
    old, new = _restamped(tmp_path, {b"landstrikes.dataset_version": b"9.9.9"})
    assert not diff_folders(old, new).changed_tables


def test_two_releases_of_two_schema_versions_name_the_stamp():
    old, new = DATASET / "releases" / "2.0.0", DATASET / "releases" / "2.1.0"
    diff = diff_folders(old, new, "2.0.0", "2.1.0", verified_manifest(old), verified_manifest(new))
    articles = next(t for t in diff.tables if t.table == "articles")
    assert articles.stamps_changed == {"landstrikes.schema_version": {"old": "2.0", "new": "2.1"}}
