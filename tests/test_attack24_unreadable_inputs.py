"""A raw text or table folder that is there but cannot be read (no permission, an I/O error) judges
nothing: validate says so, exit 2, as build does for raw texts (`raw-unreadable`), one-folder and
under `--engine` alike (attack24).

Seen with the dataset's first raw file owned by another user, mode 0600 (`setpriv` without
CAP_DAC_OVERRIDE): validate said `article-not-raw: raw/... is missing or not a regular file`,
INVALID, exit 1, of a sound dataset. And a raw/ folder the reader may not open, which validate
locks while it reads, was `[internal-error] PermissionError`."""

from __future__ import annotations

import errno
import os

import pytest

from landstrikes.cli import main
from landstrikes.engines.validate import validate_partitioned
from landstrikes.schema import validate


@pytest.fixture
def denied(monkeypatch):
    """os.open refuses the paths added to the returned set, as the kernel does without permission."""
    refused: set[str] = set()
    real_open = os.open

    def guarded(path, flags, *args, **kwargs):
        if os.fspath(path) in refused:
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded)
    return refused


def _first_raw(dataset):
    return sorted((dataset / "raw").glob("*.txt"))[0]


@pytest.mark.parametrize("check", [validate, validate_partitioned], ids=["one-folder", "engine"])
def test_an_unreadable_raw_text_is_unusable_not_a_missing_article(raw_and_data_copy, denied, check):
    raw = _first_raw(raw_and_data_copy)
    denied.add(os.fspath(raw))
    report = check(raw_and_data_copy)
    assert report.exit_code == 2
    assert report.unusable.startswith(f"[raw-unreadable] {raw}: raw article cannot be read (Permission denied)")
    assert "article-not-raw" not in {f.check for f in report.findings}


def test_a_missing_raw_text_is_still_a_finding(raw_and_data_copy):
    _first_raw(raw_and_data_copy).unlink()
    report = validate(raw_and_data_copy)
    assert report.exit_code == 1
    assert [f.check for f in report.findings] == ["article-not-raw"]


def test_a_raw_folder_validate_may_not_lock_is_one_line(raw_and_data_copy, denied, capsys):
    (raw_and_data_copy / "annotations").mkdir()  # a dataset folder a build writes: validate locks its raw/
    denied.add(os.fspath((raw_and_data_copy / "raw").resolve()))
    assert main(["validate", str(raw_and_data_copy)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: [unusable-path] ") and "Permission denied" in err
    assert "internal-error" not in err


def test_a_table_folder_validate_may_not_list_is_named_so_not_empty(dataset_copy, monkeypatch):
    """A folder of another user, mode 0700: glob finds nothing in it and says nothing, so validate
    had said `no .parquet file` of a folder holding one."""
    folder = dataset_copy / "data" / "claims"
    real_scandir, real_listdir = os.scandir, os.listdir

    def refused(real):
        def call(path=".", *args):
            if os.fspath(path).rstrip("/") == os.fspath(folder):
                raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
            return real(path, *args)
        return call

    monkeypatch.setattr(os, "scandir", refused(real_scandir))
    monkeypatch.setattr(os, "listdir", refused(real_listdir))
    report = validate(dataset_copy)
    assert report.exit_code == 2
    assert report.unusable == f"[unreadable-table] {folder}: the folder cannot be listed (Permission denied); nothing was judged"
