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
    """A copy of the committed releases 1.0.0 and 2.0.0 (2.0.0 the newest: later releases are left
    out, so the expectations below hold as releases are added) to put stray folders beside."""
    target = tmp_path / "dataset" / "releases"
    for version in ("1.0.0", "2.0.0"):
        shutil.copytree(DATASET / "releases" / version, target / version)
    return target


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
    assert versions(releases) == ["1.0.0", "2.0.0"]
    assert {str(v): p.name for v, p in find_releases(releases).items()} == {"1.0.0": "1.0.0", "2.0.0": "2.0.0"}
    assert resolve_release(None, releases) == releases / "2.0.0"


def test_verify_of_every_release_checks_the_real_one_beside_a_lookalike_copy(releases, capsys):
    shutil.copytree(releases / "2.0.0", releases / "2.0.0 ")
    (releases / "1.5.0 ").mkdir()  # not a release below 2.0.0: its previous_release stays 1.0.0
    assert main(["verify", "--dataset", str(releases.parent)]) == 0
    assert f"{releases / '2.0.0'}: ok" in capsys.readouterr().out


def test_load_of_the_newest_release_ignores_a_lookalike_folder(releases):
    (releases / "9.9.9 ").mkdir()
    assert landstrikes.load("stance_targets", root=releases).info.version == "2.0.0"


def test_the_documented_public_load_accepts_a_pin(releases):
    from landstrikes.releases.manifest import manifest_sha256

    pin = manifest_sha256(releases / "2.0.0")
    assert len(landstrikes.load("stance_targets", version="2.0.0", root=releases, pin=pin)) > 0
