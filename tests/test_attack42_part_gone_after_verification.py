"""A release's table file gone (or replaced by a folder) between verification and reading is the
release failing verification, `missing-file`, not an OSError (attack42): `load` raised a bare
FileNotFoundError, outside its documented ReleaseIntegrityError, and `diff` ended
`[internal-error]`."""

from __future__ import annotations

import shutil

import pytest

from conftest import DATASET
from landstrikes.cli import main
from landstrikes.errors import ReleaseIntegrityError
from landstrikes.releases import loading
from landstrikes.releases import manifest as manifest_module
from landstrikes.releases.loading import load

STANCES = "data/stances/stances.parquet"


@pytest.fixture
def release(tmp_path):
    target = tmp_path / "2.28.0"
    shutil.copytree(DATASET / "releases" / "2.28.0", target)
    return target


def _gone(path, how) -> None:
    path.unlink()
    if how == "a folder":
        path.mkdir()


def _after_verifying(monkeypatch, module, release, how) -> None:
    real = manifest_module.verified_manifest

    def racing(folder, *args, **kwargs):
        manifest = real(folder, *args, **kwargs)
        if str(folder) == str(release):
            _gone(release / STANCES, how)
        return manifest

    monkeypatch.setattr(module, "verified_manifest", racing)


@pytest.mark.parametrize("how", ["deleted", "a folder"])
def test_load_of_a_part_gone_after_verification_raises_the_integrity_error(release, monkeypatch, how):
    _after_verifying(monkeypatch, loading, release, how)
    with pytest.raises(ReleaseIntegrityError, match=f"{STANCES}: missing-file"):
        load("stances", release)


@pytest.mark.parametrize("how", ["deleted", "a folder"])
def test_diff_of_a_part_gone_after_verification_is_one_line_exit_2(release, tmp_path, monkeypatch, how, capsys):
    old = tmp_path / "old" / "2.28.0"
    shutil.copytree(release, old)
    _after_verifying(monkeypatch, manifest_module, release, how)
    assert main(["diff", str(old), str(release)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "missing-file" in err and STANCES in err and "internal-error" not in err
