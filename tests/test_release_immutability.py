"""Released bytes never change: every committed release re-hashes to its MANIFEST.json (issue 7).

With no release committed yet the parametrized check has nothing to walk, so the same checker
is also run on a fresh release and shown to catch each kind of change.
"""

from __future__ import annotations

import pytest

from conftest import DATASET, REPO
from landstrikes.cli import main
from landstrikes.releases.manifest import read_manifest, verify
from landstrikes.schema.tableio import file_metadata

COMMITTED = sorted(p.parent for p in (DATASET / "releases").glob("*/MANIFEST.json"))


@pytest.mark.parametrize("folder", COMMITTED, ids=lambda p: p.name)
def test_committed_release_matches_its_manifest_byte_for_byte(folder):
    assert verify(folder) == []


@pytest.mark.parametrize("folder", COMMITTED, ids=lambda p: p.name)
def test_committed_release_is_named_stamped_and_in_the_changelog(folder):
    manifest = read_manifest(folder)
    assert manifest["dataset_version"] == folder.name
    for table in manifest["tables"]:
        assert file_metadata(folder / "data" / table)["dataset_version"] == folder.name
    assert f"## {folder.name} (" in (REPO / "CHANGELOG.md").read_text(encoding="utf-8")


def test_every_release_folder_in_the_repo_has_a_manifest():
    folders = [p for p in (DATASET / "releases").glob("*") if p.is_dir() and not p.name.startswith(".")]
    assert sorted(folders) == COMMITTED


def test_a_fresh_release_verifies(released):
    for version in ("1.0.0", "1.0.1"):
        assert verify(released / "releases" / version) == []


@pytest.mark.parametrize("rel", ["data/claims/claims.parquet", "README.md", "croissant.json"])
def test_one_changed_byte_in_any_released_file_is_caught(released_copy, rel):
    folder = released_copy / "releases" / "1.0.0"
    data = bytearray((folder / rel).read_bytes())
    data[-2] ^= 0x20  # same size, one bit
    (folder / rel).write_bytes(bytes(data))
    assert [(p.check, p.path) for p in verify(folder)] == [("sha256-mismatch", rel)]


def test_removed_added_and_resized_files_are_caught(released_copy):
    folder = released_copy / "releases" / "1.0.1"
    (folder / "data" / "quotes" / "quotes.parquet").unlink()
    (folder / "data" / "quotes" / "extra.parquet").write_bytes(b"x")
    with open(folder / "croissant.json", "a", encoding="utf-8") as handle:
        handle.write(" ")
    checks = {(p.check, p.path) for p in verify(folder)}
    assert checks == {
        ("missing-file", "data/quotes/quotes.parquet"),
        ("unlisted-file", "data/quotes/extra.parquet"),
        ("size-mismatch", "croissant.json"),
        ("sha256-mismatch", "croissant.json"),
    }


def test_cli_verify_checks_every_release_and_exits_1_on_a_problem(released_copy, capsys):
    assert main(["verify", "--dataset", str(released_copy)]) == 0
    assert capsys.readouterr().out.count(": ok") == 2
    (released_copy / "releases" / "1.0.0" / "MANIFEST.json").unlink()
    assert main(["verify", "--dataset", str(released_copy)]) == 1
    assert "[missing-manifest] MANIFEST.json" in capsys.readouterr().out
    assert main(["verify", "1.0.1", "--dataset", str(released_copy)]) == 0
    assert main(["verify", "3.0.0", "--dataset", str(released_copy)]) == 2
