"""A release is looked up by its exact X.Y.Z folder: a version typed with stray whitespace names the
same release (one line when there is none), and a folder that only resembles a version
('2.0.0 ', a copy beside the real one) neither hides nor replaces a release."""

from __future__ import annotations

import shutil

import pytest

import landstrikes
from conftest import DATASET
from landstrikes.cli import main
from landstrikes.errors import ReleaseNotFound
from landstrikes.releases.folders import find_releases
from landstrikes.releases.loading import resolve_release, versions


@pytest.fixture
def releases(tmp_path):
    """A copy of the committed releases (1.0.0, 2.0.0, and whatever came after) to put stray folders beside."""
    target = tmp_path / "dataset" / "releases"
    shutil.copytree(DATASET / "releases", target)
    return target


def committed_versions() -> list[str]:
    """The committed releases, oldest first, as the folders say (so a new release keeps these tests true)."""
    names = [p.name for p in (DATASET / "releases").iterdir() if p.is_dir()]
    return sorted(names, key=lambda name: tuple(int(part) for part in name.split(".")))


@pytest.mark.parametrize("typed", [" 2.0.0", "2.0.0 ", "2.0.0\n"])
def test_a_version_typed_with_surrounding_whitespace_names_that_release(releases, typed):
    assert resolve_release(typed, releases) == releases / "2.0.0"


def test_an_unknown_version_with_a_newline_is_a_one_line_error(releases, capsys):
    assert main(["verify", "7.0.0\n", "--dataset", str(releases.parent)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "7.0.0" in err


def test_a_folder_that_only_resembles_a_version_is_no_release(releases):
    (releases / "9.9.9 ").mkdir()
    shutil.copytree(releases / "2.0.0", releases / "2.0.0 ")
    real = committed_versions()
    assert "2.0.0" in real and versions(releases) == real
    assert {str(v): p.name for v, p in find_releases(releases).items()} == {v: v for v in real}
    assert resolve_release(None, releases) == releases / real[-1]


def test_verify_of_every_release_checks_the_real_one_beside_a_lookalike_copy(releases, capsys):
    shutil.copytree(releases / "2.0.0", releases / "2.0.0 ")
    (releases / "1.5.0 ").mkdir()  # not a release below 2.0.0: its previous_release stays 1.0.0
    assert main(["verify", "--dataset", str(releases.parent)]) == 0
    assert f"{releases / '2.0.0'}: ok" in capsys.readouterr().out


def test_load_of_the_newest_release_ignores_a_lookalike_folder(releases):
    (releases / "9.9.9 ").mkdir()
    assert landstrikes.load("stance_targets", root=releases).info.version == committed_versions()[-1]


def test_the_documented_public_load_accepts_a_pin(releases):
    from landstrikes.releases.manifest import manifest_sha256

    pin = manifest_sha256(releases / "2.0.0")
    assert len(landstrikes.load("stance_targets", version="2.0.0", root=releases, pin=pin)) > 0


@pytest.mark.parametrize("version", [2.1, 2, b"2.1.0", ["2.1.0"]])
def test_a_version_that_is_no_string_is_refused_in_words(releases, version):
    """`load(version=2.1)` (a float, as a user may type it) was a bare TypeError from pathlib."""
    with pytest.raises(TypeError, match=r"^version must be a release version string such as '2\.1\.0', a release folder or None, not "):
        landstrikes.load("quotes", version=version, root=releases)


@pytest.mark.parametrize("table", [None, 3, ["quotes"]])
def test_a_table_that_is_no_string_is_refused_in_words(releases, table):
    """A list as the table was `unhashable type: 'list'`; None or 3 a lookup of a table named so."""
    with pytest.raises(TypeError, match=r"^table must be a table name string such as 'quotes', not "):
        landstrikes.load(table, root=releases)
