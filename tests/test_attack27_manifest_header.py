"""verify says a release matches "everything its MANIFEST.json states", but the header's other
statements were believed unread (attack27): a manifest of format 0 or 2 (one this package does
not write or read), of another dataset, without `dataset`, `bump`, `required_bump`, `released`,
`source` or `raw_texts`, or with a `source` of any shape, verified ok. Each is now
`malformed-manifest` (exit 1), as a missing `files` or a version in other digits was. So is a
key a file, table or column entry never has (`signed`, `primary_key`, `description`) or a row
count stated for a file that is no table part (README.md): statements nothing checked, each
verified ok, as a top-level key of that kind already was refused."""

from __future__ import annotations

import json

import pytest

from landstrikes.releases.manifest import verify

EDITS = {
    "format 2": lambda m: m.update(manifest_format=2),
    "format 0": lambda m: m.update(manifest_format=0),
    "another dataset": lambda m: m.update(dataset="other-news"),
    "dataset a number": lambda m: m.update(dataset=5),
    "no dataset": lambda m: m.pop("dataset"),
    "no bump": lambda m: m.pop("bump"),
    "no required_bump": lambda m: m.pop("required_bump"),
    "no released": lambda m: m.pop("released"),
    "no source": lambda m: m.pop("source"),
    "no raw_texts": lambda m: m.pop("raw_texts"),
    "source a list": lambda m: m.update(source=[1, 2]),
    "source a string": lambda m: m.update(source="git"),
    "source without its commit": lambda m: m["source"].pop("git_commit"),
    "a commit that is no commit": lambda m: m["source"].update(git_commit="HEAD~1"),
    "dirty a string": lambda m: m["source"].update(git_dirty="no"),
    "a key source never has": lambda m: m["source"].update(signed_by="lead"),
    "required_bump null after a release": lambda m: m.update(required_bump=None),
    "a file entry's unknown key": lambda m: m["files"]["README.md"].update(signed=True),
    "rows of a file no table part": lambda m: m["files"]["README.md"].update(rows=5),
    "a table entry's unknown key": lambda m: m["tables"]["quotes"].update(primary_key="text"),
    "a column entry's unknown key": lambda m: m["tables"]["quotes"]["columns"][0].update(description="the id"),
}


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_a_header_statement_missing_or_of_another_shape_is_malformed(release_copy, edit):
    path = release_copy / "MANIFEST.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    EDITS[edit](manifest)
    path.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    assert "malformed-manifest" in {p.check for p in verify(release_copy)}


def test_the_committed_release_copy_and_a_commit_less_source_verify(release_copy):
    """A release made outside git states a null commit and dirtiness (release.git_source)."""
    assert verify(release_copy) == []
    path = release_copy / "MANIFEST.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["source"].update(git_commit=None, git_dirty=None)
    path.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    assert verify(release_copy) == []
