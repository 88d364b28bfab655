"""`diff --old-pin SHA256 --new-pin SHA256` compares two releases only if each is the one pinned (eco70).

A downstream CI pins its release by version and MANIFEST.json digest, and diffs its old pin
against a new release before moving to it. `diff` verified each release against its own manifest,
but a release rewritten consistently (table, manifest and witnesses) passes that, and was diffed
as if genuine (eco64, left); `verify --pin` beforehand leaves the folder free to change between the
two commands. With a pin per side, `diff` checks the digest of the very manifest it verifies and
compares the bytes hashed against it."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import DATASET
from landstrikes.cli import main
from landstrikes.releases.manifest import manifest_sha256
from test_release_pin import _forge_everywhere

OLD, NEW = "2.35.2", "2.36.0"


@pytest.fixture
def pair(tmp_path):
    """The two releases kept side by side, as a downstream project keeps its old pin and the new one."""
    for version in (OLD, NEW):
        shutil.copytree(DATASET / "releases" / version, tmp_path / version)
    return tmp_path


def _diff(capsys, pair, *extra) -> tuple[int, str, str]:
    code = main(["diff", str(pair / OLD), str(pair / NEW), *extra])
    out, err = capsys.readouterr()
    return code, out, err


def test_diff_with_both_right_pins_is_the_diff_without_them_and_says_what_was_pinned(pair, capsys):
    digests = {side: manifest_sha256(pair / version) for side, version in (("old", OLD), ("new", NEW))}
    pins = ["--old-pin", digests["old"], "--new-pin", digests["new"].upper()]
    code, pinned, _ = _diff(capsys, pair, *pins, "--json", str(pair / "pinned.json"))
    unpinned_code, unpinned, _ = _diff(capsys, pair, "--json", str(pair / "unpinned.json"))
    header, said, *rest = pinned.splitlines()
    assert code == unpinned_code == 1 and [header, *rest] == unpinned.splitlines()
    assert said == f"pinned: old MANIFEST.json sha256 {digests['old']}; new MANIFEST.json sha256 {digests['new']}"
    assert json.loads((pair / "pinned.json").read_text(encoding="utf-8"))["pinned"] == digests
    assert json.loads((pair / "unpinned.json").read_text(encoding="utf-8"))["pinned"] == {"old": None, "new": None}


@pytest.mark.parametrize("side", ["old", "new"])
def test_a_release_forged_in_every_file_is_diffed_without_a_pin_and_refused_with_it(pair, capsys, side):
    version = OLD if side == "old" else NEW
    published = manifest_sha256(pair / version)
    _forge_everywhere(pair / version)
    assert _diff(capsys, pair)[0] == 1  # its own manifest vouches for it: the stated limit
    code, out, err = _diff(capsys, pair, f"--{side}-pin", published, "--json", str(pair / "diff.json"))
    assert code == 2 and out == "" and not (pair / "diff.json").exists()
    assert len(err.strip().splitlines()) == 1 and "manifest-digest-mismatch" in err and version in err


def test_the_pin_of_the_other_release_is_refused(pair, capsys):
    code, _, err = _diff(capsys, pair, "--old-pin", manifest_sha256(pair / NEW))
    assert code == 2 and "manifest-digest-mismatch" in err


@pytest.mark.parametrize("pin", ["abc", " " + "0" * 64, "sha256:" + "0" * 64])
def test_a_pin_that_is_no_digest_is_one_line_exit_2(pair, capsys, pin):
    code, out, err = _diff(capsys, pair, "--new-pin", pin)
    assert code == 2 and out == "" and "[unusable-path] --new-pin must be a sha256" in err
    assert len(err.strip().splitlines()) == 1


def test_a_pin_for_a_folder_without_manifest_is_refused_not_ignored(pair, capsys, tmp_path):
    copy = tmp_path / "mycopy"
    shutil.copytree(pair / NEW / "data", copy / "data")
    code = main(["diff", str(pair / NEW), str(copy), "--new-pin", manifest_sha256(pair / NEW)])
    err = capsys.readouterr().err
    assert code == 2 and "[unusable-path] --new-pin" in err and "no MANIFEST.json" in err
