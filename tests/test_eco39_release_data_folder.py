"""A release's data/ folder names that release for every command that takes a release path
(eco39). README's CI recipe validates "a `dataset/` folder, a release folder, or its `data/`
folder" and `landstrikes validate REL/data --pin SHA256` judges the release against its manifest
and pin; `landstrikes verify REL/data --pin SHA256` said `FAILED [missing-manifest]` (exit 1) for
the same sound, pinned release, `diff` refused it as `REL/data/data: not a folder of tables`, and
`load(version=REL/data)` raised ReleaseIntegrityError: one folder, three verdicts."""

from __future__ import annotations

import hashlib
import shutil

import pytest

import landstrikes
from conftest import DATASET
from landstrikes.cli import main

NEWEST = DATASET / "releases" / landstrikes.DATASET_VERSION
PIN = hashlib.sha256((NEWEST / "MANIFEST.json").read_bytes()).hexdigest()


@pytest.fixture
def copy(tmp_path):
    target = tmp_path / "vendor" / "landstrikes"
    shutil.copytree(NEWEST, target)
    return target


def test_verify_of_a_sound_release_data_folder_agrees_with_validate(copy, capsys):
    assert main(["validate", str(copy / "data"), "--pin", PIN]) == 0
    capsys.readouterr()
    assert main(["verify", str(copy / "data"), "--pin", PIN]) == 0, capsys.readouterr().out


def test_verify_of_a_tampered_release_data_folder_names_what_differs(copy, capsys):
    with open(copy / "DATASHEET.md", "a", encoding="utf-8") as handle:
        handle.write("edited\n")
    assert main(["verify", str(copy / "data")]) == 1
    out = capsys.readouterr().out
    assert "[sha256-mismatch] DATASHEET.md" in out and "missing-manifest" not in out, out


def test_diff_and_load_take_a_release_data_folder(copy, capsys):
    assert main(["diff", str(copy / "data"), str(NEWEST)]) == 0, capsys.readouterr()
    assert landstrikes.load("stances", version=copy / "data", pin=PIN).num_rows == \
        landstrikes.load("stances", version=NEWEST).num_rows


def test_diff_takes_a_dataset_data_folder_as_validate_does(tmp_path, capsys):
    """`validate dataset/data` judges the dataset; `diff 2.28.0 dataset/data` was refused as
    `dataset/data/data: not a folder of tables` (eco39's left item)."""
    dataset = tmp_path / "mine"
    shutil.copytree(DATASET / "data", dataset / "data")
    assert main(["validate", str(dataset / "data")]) == 0
    capsys.readouterr()
    assert main(["diff", str(NEWEST), str(dataset / "data")]) == main(["diff", str(NEWEST), str(dataset)]), \
        capsys.readouterr()
    out = capsys.readouterr().out
    assert "data/data" not in out and "unchanged" in out, out
