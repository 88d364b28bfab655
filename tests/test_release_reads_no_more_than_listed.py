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
from landstrikes.safety import regularfile

STANCES = "data/stances/stances.parquet"
GROWTH = 256 << 20  # written as a hole (truncate): no disk, but a read of it holds 256 MB


@pytest.fixture
def release(tmp_path):
    target = tmp_path / "new" / "2.28.0"
    shutil.copytree(DATASET / "releases" / "2.28.0", target)
    return target


@pytest.fixture
def largest_read(monkeypatch):
    """The most bytes any one read of a file returned."""
    seen = [0]
    real = regularfile.read_regular

    def counting(path, *args, **kwargs):
        data = real(path, *args, **kwargs)
        seen[0] = max(seen[0], len(data))
        return data

    for module in (regularfile, loading, manifest_module):
        if hasattr(module, "read_regular"):
            monkeypatch.setattr(module, "read_regular", counting)
    return seen


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


def test_load_refuses_a_part_grown_after_verification_without_reading_it_whole(monkeypatch, release, largest_read):
    size = _grown_after_verifying(monkeypatch, release)
    with pytest.raises(ReleaseIntegrityError) as refused:
        load("stances", release)
    assert [p.check for p in refused.value.problems] == ["size-mismatch"]
    assert largest_read[0] <= size + 1


def test_validate_of_a_release_reads_a_grown_part_no_further_than_listed(release):
    from landstrikes.schema import validate

    size = (release / STANCES).stat().st_size
    os.truncate(release / STANCES, size + GROWTH)
    tracemalloc.start()
    try:
        report = validate(release)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert not report.ok
    assert peak < GROWTH // 2
