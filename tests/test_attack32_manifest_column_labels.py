"""attack32: a MANIFEST.json column entry without its `labels` key is a malformed manifest.

`release` writes `labels` (a list, or null) on every column, and `verify`'s tables section, the
card's features and `load` read it as `column["labels"]`; the shape check took it as optional, so
a manifest whose column left it out stopped `verify` with `[internal-error] KeyError: 'labels'`
(exit 2, INVALID's neighbour, where a malformed manifest is exit 1) and `load` with a KeyError
(which `load` documents for an unknown table)."""

from __future__ import annotations

import json

import pytest

import landstrikes
from landstrikes.cli import main
from landstrikes.errors import ReleaseIntegrityError
from landstrikes.releases.manifest import verify


def _drop_labels(release, table: str = "quotes", column: int = 0) -> None:
    path = release / "MANIFEST.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    del manifest["tables"][table]["columns"][column]["labels"]
    path.write_text(json.dumps(manifest, indent=2), encoding="utf-8")


@pytest.mark.parametrize("table, column", [("quotes", 0), ("quotes", 5), ("entities", 0)])
def test_a_column_without_labels_is_a_malformed_manifest(release_copy, table, column):
    _drop_labels(release_copy, table, column)
    problems = verify(release_copy)
    assert [(p.check, p.path) for p in problems] == [("malformed-manifest", f"MANIFEST.json#tables.{table}.columns[{column}]")], problems


def test_verify_says_so_in_one_line_with_exit_1(release_copy, capsys):
    _drop_labels(release_copy)
    assert main(["verify", str(release_copy)]) == 1
    captured = capsys.readouterr()
    assert "internal-error" not in captured.out + captured.err
    assert "malformed-manifest" in captured.out + captured.err


def test_load_refuses_it_as_an_integrity_error(release_copy):
    _drop_labels(release_copy, "quotes", 5)
    with pytest.raises(ReleaseIntegrityError, match="malformed-manifest"):
        landstrikes.load("quotes", release_copy)
