"""A release is pinned by its MANIFEST.json digest, stated in the changelog: the checks inside a
release prove its files agree with its manifest, and only a digest from outside proves the
manifest is the one released (a forger who rewrites a table, the manifest and the witnesses
together passes every other check)."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import DATASET, REPO
from hostile_tools import flip_stance_rehashed
from landstrikes.cli import main
from landstrikes.errors import ReleaseIntegrityError
from landstrikes.releases.loading import load
from landstrikes.releases.manifest import manifest_sha256, verify

COMMITTED = sorted(p.parent for p in (DATASET / "releases").glob("*/MANIFEST.json"))


def _forge_everywhere(release) -> None:
    """Flip a stance label, then make croissant.json and the manifest agree with the new bytes."""
    old = json.loads((release / "MANIFEST.json").read_text(encoding="utf-8"))["files"]["data/stances/stances.parquet"]["sha256"]
    manifest = flip_stance_rehashed(release)
    new = manifest["files"]["data/stances/stances.parquet"]["sha256"]
    croissant = release / "croissant.json"
    croissant.write_text(croissant.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    manifest["files"]["croissant.json"].update(sha256=hashlib.sha256(croissant.read_bytes()).hexdigest(),
                                               bytes=croissant.stat().st_size)
    (release / "MANIFEST.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")


def test_a_release_forged_in_every_file_passes_its_own_checks_but_not_its_pin(released_copy):
    release = released_copy / "releases" / "1.0.0"
    pin = manifest_sha256(release)
    _forge_everywhere(release)
    assert verify(release) == []  # the stated limit: nothing inside a release can catch this
    assert [p.check for p in verify(release, pin)] == ["manifest-digest-mismatch"]
    with pytest.raises(ReleaseIntegrityError, match="manifest-digest-mismatch"):
        load("stances", "1.0.0", root=released_copy, pin=pin)


def test_the_public_load_takes_a_pin_and_refuses_a_forgery_with_it(released_copy):
    """README documents `landstrikes.load(..., pin=)`: the top-level wrapper passes it on (attack5)."""
    import inspect

    import landstrikes

    assert list(inspect.signature(landstrikes.load).parameters) == list(inspect.signature(load).parameters)
    release = released_copy / "releases" / "1.0.0"
    pin = manifest_sha256(release)
    assert len(landstrikes.load("stances", "1.0.0", root=released_copy, pin=pin)) > 0
    _forge_everywhere(release)
    with pytest.raises(ReleaseIntegrityError, match="manifest-digest-mismatch"):
        landstrikes.load("stances", "1.0.0", root=released_copy, pin=pin)


def test_a_pinned_release_loads_and_verifies(released_copy, capsys):
    release = released_copy / "releases" / "1.0.0"
    pin = manifest_sha256(release)
    assert len(load("stances", "1.0.0", root=released_copy, pin=pin.upper())) > 0
    assert main(["verify", "1.0.0", "--dataset", str(released_copy), "--pin", pin]) == 0
    assert f"sha256 {pin}, pinned" in capsys.readouterr().out


def test_verify_with_another_release_pin_exits_1_naming_the_check(released_copy, capsys):
    other = manifest_sha256(released_copy / "releases" / "1.0.1")
    assert main(["verify", "1.0.0", "--dataset", str(released_copy), "--pin", other]) == 1
    assert "[manifest-digest-mismatch] MANIFEST.json" in capsys.readouterr().out


@pytest.mark.parametrize("argv", [["verify", "1.0.0", "--pin", "abc"], ["verify", "--pin", "0" * 64],
                                  ["verify", "1.0.0", "--pin", "g" * 64]])
def test_a_pin_that_is_not_a_digest_or_has_no_release_is_one_line_exit_2(released_copy, argv, capsys):
    assert main([*argv, "--dataset", str(released_copy)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: [unusable-path] --pin")


def test_load_refuses_a_pin_that_is_not_a_digest(released_copy):
    with pytest.raises(ValueError, match="sha256"):
        load("stances", "1.0.0", root=released_copy, pin="not a digest")


def test_release_states_the_new_manifest_digest_in_its_changelog_entry(released_copy):
    changelog = (released_copy.parent / "CHANGELOG.md").read_text(encoding="utf-8")
    for version in ("1.0.0", "1.0.1"):
        assert f"`{manifest_sha256(released_copy / 'releases' / version)}`: pin it (`landstrikes verify {version} --pin" in changelog


@pytest.mark.parametrize("folder", COMMITTED, ids=lambda p: p.name)
def test_the_changelog_states_each_committed_release_manifest_digest(folder):
    entry = (REPO / "CHANGELOG.md").read_text(encoding="utf-8").split(f"## {folder.name} (", 1)[1].split("\n## ", 1)[0]
    assert re.findall(r"MANIFEST\.json sha256 `([0-9a-f]{64})`", entry) == [manifest_sha256(folder)]


def _swap_after_first_manifest_read(monkeypatch, release, forged) -> None:
    """A racer who replaces the whole release by a consistent forgery right after MANIFEST.json
    was first read: a checker that hashes one read and parses another would believe the forgery."""
    real_read_bytes = Path.read_bytes
    swapped = []

    def racing_read_bytes(self):
        data = real_read_bytes(self)
        if self.name == "MANIFEST.json" and not swapped:
            swapped.append(self)
            shutil.copytree(forged, release, dirs_exist_ok=True)
        return data

    monkeypatch.setattr(Path, "read_bytes", racing_read_bytes)


@pytest.mark.parametrize("how", ["verify", "load", "cli"])
def test_a_manifest_swapped_between_hashing_and_parsing_is_refused(released_copy, tmp_path, monkeypatch, how, capsys):
    release = released_copy / "releases" / "1.0.0"
    pin = manifest_sha256(release)
    forged = tmp_path / "forged"
    shutil.copytree(release, forged)
    _forge_everywhere(forged)
    _swap_after_first_manifest_read(monkeypatch, release, forged)
    if how == "verify":
        assert "sha256-mismatch" in [p.check for p in verify(release, pin)]
    elif how == "load":
        with pytest.raises(ReleaseIntegrityError, match="sha256-mismatch"):
            load("stances", "1.0.0", root=released_copy, pin=pin)
    else:
        assert main(["verify", "1.0.0", "--dataset", str(released_copy), "--pin", pin]) == 1
        assert "[sha256-mismatch] data/stances/stances.parquet" in capsys.readouterr().out


@pytest.mark.parametrize("pin", [" " + "0" * 63, "0" * 63 + "\n", "０" * 64, "0" * 65])
def test_a_pin_with_whitespace_or_lookalike_digits_is_one_line_exit_2(released_copy, pin, capsys):
    assert main(["verify", "1.0.0", "--dataset", str(released_copy), "--pin", pin]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: [unusable-path] --pin")
    with pytest.raises(ValueError, match="sha256"):
        load("stances", "1.0.0", root=released_copy, pin=pin)


def test_a_pin_with_a_release_named_by_its_folder_is_checked(released_copy):
    release = released_copy / "releases" / "1.0.0"
    other = manifest_sha256(released_copy / "releases" / "1.0.1")
    with pytest.raises(ReleaseIntegrityError, match="manifest-digest-mismatch"):
        load("stances", release, pin=other)
    assert len(load("stances", str(release), pin=manifest_sha256(release))) > 0


@pytest.mark.parametrize("manifest", ["missing", "symlink", "huge"])
def test_a_pinned_release_without_a_readable_manifest_is_refused(released_copy, manifest, monkeypatch):
    release = released_copy / "releases" / "1.0.0"
    pin = manifest_sha256(release)
    path = release / "MANIFEST.json"
    if manifest == "symlink":
        moved = released_copy / "elsewhere.json"
        path.rename(moved)
        path.symlink_to(moved)
    elif manifest == "huge":
        monkeypatch.setattr("landstrikes.releases.manifest.MAX_MANIFEST_BYTES", 100)
    else:
        path.unlink()
    assert {p.check for p in verify(release, pin)} & {"missing-manifest", "unreadable-manifest"}
    assert main(["verify", "1.0.0", "--dataset", str(released_copy), "--pin", pin]) == 1
