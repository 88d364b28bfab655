"""A process that runs out of memory or threads judges nothing, so it never blames the data
(attack24). Under an address-space limit (`ulimit -v`, a batch system's h_vmem) validate had
called a sound part "not a readable Parquet file" (`unreadable-table`; seen with
`ulimit -v 1400000`: "Failed to launch worker thread"), a cross check that ran out of memory was
`check-crashed` (INVALID, exit 1), and verify called a sound release's part undecodable (FAILED,
exit 1: a tampered release). Now each is one line `[out-of-resources]`, exit 2, nothing judged.

The shortage is simulated (a limit real enough to hit it aborts inside Arrow or numpy at random
points; see docs/notes/attack24.md)."""

from __future__ import annotations

import errno
import sys

import pyarrow
import pyarrow.parquet as pq
import pytest

from conftest import DATASET
from landstrikes.cli import main
from landstrikes.schema.resources import exhausted
from landstrikes.schema.validate import validate

RELEASE = DATASET / "releases" / "2.14.0"


def _short_of_memory(*args, **kwargs):
    raise pyarrow.ArrowMemoryError("malloc of size 1048576 failed")


def _short_of_threads(*args, **kwargs):
    raise pyarrow.ArrowException("Unknown error: Failed to launch worker thread: Resource temporarily unavailable")


@pytest.mark.parametrize("shortage", [_short_of_memory, _short_of_threads])
def test_validate_out_of_memory_reading_a_sound_part_is_unusable_not_an_unreadable_table(dataset_copy, monkeypatch, shortage):
    monkeypatch.setattr(pq.ParquetFile, "read", shortage)
    report = validate(dataset_copy)
    assert report.exit_code == 2
    assert report.unusable.startswith("[out-of-resources] ")
    assert "not a readable Parquet file" not in report.unusable


def test_a_check_that_runs_out_of_memory_is_unusable_not_check_crashed(raw_and_data_copy, monkeypatch):
    module = sys.modules["landstrikes.schema.validate"]  # (the package's `validate` is the function)
    monkeypatch.setattr(module, "check_raw_texts", lambda *args: _short_of_memory())
    report = validate(raw_and_data_copy)
    assert [f.check for f in report.findings if f.check == "check-crashed"] == []
    assert report.exit_code == 2
    assert report.unusable.startswith("[out-of-resources] ")


def test_verify_out_of_memory_decoding_a_sound_release_is_not_a_failed_release(monkeypatch, capsys):
    monkeypatch.setattr(pq.ParquetFile, "read", _short_of_memory)
    assert main(["verify", str(RELEASE)]) == 2
    out = capsys.readouterr()
    assert "FAILED" not in out.out
    assert "undecodable-table" not in out.out + out.err
    assert "[out-of-resources]" in out.err


def test_a_memory_error_anywhere_is_one_line_naming_the_shortage_not_asking_to_report_the_input(monkeypatch, capsys):
    import landstrikes.cli as cli

    monkeypatch.setattr(cli, "cmd_verify", lambda args: _short_of_memory())
    assert main(["verify"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: [out-of-resources] ") and err.count("\n") == 1
    assert "please report" not in err


def test_only_the_process_s_shortages_count_as_such():
    assert exhausted(MemoryError()) == "memory"
    assert exhausted(OSError(errno.ENOMEM, "Cannot allocate memory")) == "memory"
    assert exhausted(RuntimeError("can't start new thread")) == "threads"
    assert exhausted(OSError(errno.EIO, "Input/output error")) is None
    assert exhausted(pyarrow.ArrowInvalid("Parquet magic bytes not found in footer")) is None
