"""A dataset's raw/, data/, annotations/ and releases/ named in another spelling that the file
system folds to the same folder (letter case on macOS, Windows and exFAT; case and Unicode on
ext4's casefold) are refused to every writer, as their own names are (attack56).

Only the names `raw`, `releases`, ... were refused: on such a file system `export-schemas --out
dataset/Raw/schemas` wrote into raw/, and `validate --json dataset/Releases/9.9.9/r.json` made a
folder 9.9.9 every reader takes for the newest release. Linux here folds no names, so a bind
mount stands in for the folding: `Raw` is then the very folder `raw` under another name, as it is
on a case-insensitive disk (no symbolic link, which the writers already resolve)."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from conftest import REPO

from landstrikes.cli import main


@pytest.fixture
def folded(tmp_path):
    """A dataset whose `Raw` and `Releases` are its raw/ and releases/ under other names."""
    dataset = tmp_path / "dataset"
    for part in ("raw", "annotations"):
        shutil.copytree(REPO / "dataset" / part, dataset / part)
    (dataset / "releases").mkdir()
    mounted = []
    for name, part in (("Raw", "raw"), ("Releases", "releases")):
        (dataset / name).mkdir()
        if os.geteuid() != 0 or subprocess.run(["mount", "--bind", str(dataset / part), str(dataset / name)],
                                               capture_output=True).returncode != 0:
            for each in mounted:
                subprocess.run(["umount", str(each)], check=False)
            pytest.skip("a bind mount, standing in for a file system that folds names, needs root")
        mounted.append(dataset / name)
    yield dataset
    for each in mounted:
        subprocess.run(["umount", str(each)], check=False)


def _listing(folder):
    return sorted(os.listdir(folder))


def test_an_out_folder_in_raw_spelt_otherwise_is_refused(folded, capsys):
    before = _listing(folded / "raw")
    assert main(["export-schemas", "--out", str(folded / "Raw" / "schemas")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"(the folder {folded / 'raw'})" in err and "[protected-output]" in err, err
    assert _listing(folded / "raw") == before


def test_a_report_in_releases_spelt_otherwise_is_refused(folded, capsys):
    code = main(["validate", str(REPO / "dataset" / "data"), "--json", str(folded / "Releases" / "9.9.9" / "r.json")])
    err = capsys.readouterr().err
    assert code == 2 and "[unwritable-report]" in err and f"(the folder {folded / 'releases'})" in err, err
    assert _listing(folded / "releases") == []
