"""A release file is never read past the size its manifest lists. attack43: a table part replaced,
after verification, by a far larger regular file was read whole into memory by `load` and `diff`
(`read_verified`) before its hash refused it; `validate` of a release (eco40's one read of every
listed file) read a grown file whole too. Each now reads at most one byte more than the manifest
lists and refuses the file as `size-mismatch`; verify's findings for a grown file are unchanged."""

from __future__ import annotations

import os
import shutil
import tracemalloc

import pytest

from conftest import DATASET
from landstrikes.errors import ReleaseIntegrityError
from landstrikes.releases import loading
from landstrikes.releases import manifest as manifest_module
from landstrikes.releases.loading import load

STANCES = "data/stances/stances.parquet"
GROWTH = 256 << 20  # written as a hole (truncate): no disk, but a read of it holds 256 MB


@pytest.fixture
def release(tmp_path):
    target = tmp_path / "new" / "2.28.0"
    shutil.copytree(DATASET / "releases" / "2.28.0", target)
    return target


def _peak_of(call):
    """What `call` returns (or the exception it raises), and the peak of Python's traced memory during it."""
    tracemalloc.start()
    try:
        try:
            outcome = call()
        except Exception as exc:  # noqa: BLE001  (the caller asserts on it)
            outcome = exc
        return outcome, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _grown_after_verifying(monkeypatch, release) -> int:
    size = (release / STANCES).stat().st_size
    real = manifest_module.verified_manifest

    def racing(folder, *args, **kwargs):
        manifest = real(folder, *args, **kwargs)
        if str(folder) == str(release):
            os.truncate(release / STANCES, size + GROWTH)
        return manifest

    monkeypatch.setattr(loading, "verified_manifest", racing)
    return size


def test_load_refuses_a_part_grown_after_verification_without_reading_it_whole(monkeypatch, release):
    _grown_after_verifying(monkeypatch, release)
    refused, peak = _peak_of(lambda: load("stances", release))
    assert isinstance(refused, ReleaseIntegrityError)
    assert [p.check for p in refused.problems] == ["size-mismatch"]
    assert peak < GROWTH // 2


def test_validate_of_a_release_reads_a_grown_part_no_further_than_listed(release):
    from landstrikes.schema import validate

    size = (release / STANCES).stat().st_size
    os.truncate(release / STANCES, size + GROWTH)
    report, peak = _peak_of(lambda: validate(release))
    assert not report.ok
    assert peak < GROWTH // 2
