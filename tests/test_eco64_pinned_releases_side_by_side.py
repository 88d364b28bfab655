"""A downstream project keeps the releases it pinned, not every release: its old pin and the new one
side by side in one folder, to diff them before it moves (README, "Versions and releases"). Each of
them is the release that was released, so verify, validate, load and diff accept it there. The
releases beside a release only contradict its `previous_release` when one of them lies between the
stated previous release and it (or it claims to be the first above an older one): a release that
was published after the one it names and before this one. A release missing from the folder is a
copy of part of the history, not a forgery (eco64: an intact, pinned 2.35.2 copied beside 2.12.0
was `manifest-header-mismatch`, validate INVALID and diff exit 2)."""

from __future__ import annotations

import shutil

import pytest

import landstrikes
from conftest import DATASET
from landstrikes.cli import main
from landstrikes.errors import ReleaseIntegrityError
from landstrikes.releases.manifest import manifest_sha256


def committed() -> list[str]:
    names = [p.name for p in (DATASET / "releases").iterdir() if p.is_dir()]
    return sorted(names, key=lambda name: tuple(int(part) for part in name.split(".")))


def kept(tmp_path, versions: list[str]):
    """A downstream folder holding only these committed releases, copied byte for byte."""
    folder = tmp_path / "pinned"
    for version in versions:
        shutil.copytree(DATASET / "releases" / version, folder / version)
    return folder


# (old pin, new pin): neither is the other's previous release, and releases in between are absent
SUBSETS = [pytest.param(lambda v: [v[1], v[-1]], id="second-and-newest"),
           pytest.param(lambda v: [v[0], v[len(v) // 2], v[-1]], id="first-middle-newest")]


@pytest.mark.parametrize("choose", SUBSETS)
def test_each_pinned_release_kept_beside_other_pinned_releases_verifies(tmp_path, choose, capsys):
    folder = kept(tmp_path, choose(committed()))
    for release in sorted(folder.iterdir()):
        pin = manifest_sha256(DATASET / "releases" / release.name)
        assert main(["verify", str(release), "--pin", pin]) == 0, capsys.readouterr()
    # validate holds tables to today's rules, which only the newest release is sure to keep
    newest = max(folder.iterdir(), key=lambda p: tuple(int(part) for part in p.name.split(".")))
    pin = manifest_sha256(DATASET / "releases" / newest.name)
    assert main(["validate", str(newest), "--pin", pin]) == 0, capsys.readouterr().out[-600:]
    assert main(["validate", str(newest / "data"), "--pin", pin]) == 0, capsys.readouterr().out[-600:]


@pytest.mark.parametrize("choose", SUBSETS)
def test_each_pinned_release_kept_beside_other_pinned_releases_loads(tmp_path, choose):
    folder = kept(tmp_path, choose(committed()))
    for release in sorted(folder.iterdir()):
        pin = manifest_sha256(DATASET / "releases" / release.name)
        assert len(landstrikes.load("stance_targets", version=str(release), pin=pin)) > 0
        assert len(landstrikes.load("stance_targets", version=release.name, root=folder, pin=pin)) > 0


def test_the_old_pin_diffs_against_the_new_release_in_the_same_folder(tmp_path, capsys):
    versions = committed()
    folder = kept(tmp_path, [versions[1], versions[-1]])
    assert main(["diff", str(folder / versions[1]), str(folder / versions[-1])]) == 1  # different, not refused
    assert "failed verification" not in capsys.readouterr().err


def test_a_release_beside_it_newer_than_its_stated_previous_still_contradicts_it(tmp_path):
    """2.0.0 states 1.0.0; a release folder 1.5.0 beside both was published between them or is
    forged: either way 2.0.0's manifest and the folder disagree, as before."""
    folder = kept(tmp_path, ["1.0.0", "2.0.0"])
    shutil.copytree(folder / "1.0.0", folder / "1.5.0")
    with pytest.raises(ReleaseIntegrityError, match=r"previous_release: manifest-header-mismatch \(says '1\.0\.0'"):
        landstrikes.load("stance_targets", version=str(folder / "2.0.0"))


def test_a_release_beside_it_between_an_absent_stated_previous_and_it_contradicts_it(tmp_path):
    """The stated previous release need not be in the folder for a release between it and this one
    to prove it wrong: 2.12.0 beside 2.11.0 says it follows 2.11.0; beside a folder 2.11.5 it cannot."""
    folder = kept(tmp_path, ["2.12.0"])
    (folder / "2.11.5").mkdir()
    with pytest.raises(ReleaseIntegrityError, match=r"previous_release: manifest-header-mismatch \(says '2\.11\.0'"):
        landstrikes.load("stance_targets", version=str(folder / "2.12.0"))
