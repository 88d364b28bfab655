"""A release's data/ folder is its release however the path reaches it (attack40).

eco39 made `landstrikes.schema.validate` judge a release folder, or its data/ folder, against its
MANIFEST.json, but `release_of` read the path as written: a data/ folder reached through a
symbolic link of another name (`vendor/tables -> REL/data`) or through `..`
(`REL/data/quotes/..`) was "no MANIFEST.json: the tables alone", so a release with its datasheet
edited was VALID, exit 0, where `validate REL/data` said INVALID [sha256-mismatch]; with `--pin`
the sound release was refused ("a pin needs a release folder"), and `verify` said
[missing-manifest]. The tables read are the release's either way, so the release is judged.
"""

from __future__ import annotations

import os

import pytest

from landstrikes.cli import main
from landstrikes.schema import validate
from test_eco39_release_data_folder import PIN, copy as release_copy  # noqa: F401 (eco39's copy of the newest release)


@pytest.fixture
def copy(release_copy):
    os.symlink(release_copy / "data", release_copy.parent / "tables")
    return release_copy


def _ways(copy):
    return {"link": copy.parent / "tables", "link/": str(copy.parent / "tables") + "/",
            "dotdot": copy / "data" / "quotes" / ".."}


@pytest.mark.parametrize("way", ["link", "link/", "dotdot"])
def test_a_tampered_release_reached_another_way_is_invalid(copy, way, capsys):
    with open(copy / "DATASHEET.md", "a", encoding="utf-8") as handle:
        handle.write("edited\n")
    path = _ways(copy)[way]
    report = validate(path)
    assert not report.ok and "sha256-mismatch" in {f.check for f in report.findings}, report.text()
    assert main(["validate", str(path)]) == 1
    assert "sha256-mismatch" in capsys.readouterr().out


@pytest.mark.parametrize("way", ["link", "dotdot"])
def test_a_sound_release_reached_another_way_keeps_its_pin(copy, way, capsys):
    path = _ways(copy)[way]
    assert main(["validate", str(path), "--pin", PIN]) == 0, capsys.readouterr()
    assert "pinned" in capsys.readouterr().out
    assert main(["verify", str(path), "--pin", PIN]) == 0, capsys.readouterr().out
