"""`validate --engine`'s own corpus-wide pass (claims linked across partitions, gold checks read
whole) that runs out of memory judges nothing: `[out-of-resources]`, exit 2, never `check-crashed`
(INVALID), as one-folder validate since attack24 (its open item for the engine)."""

from __future__ import annotations

from pathlib import Path

import pyarrow
import pytest

import landstrikes.engines.validate as engine_validate
from landstrikes.engines.partitions import repartition
from landstrikes.engines.validate import validate_partitioned


@pytest.fixture
def partitioned(built_dataset, tmp_path) -> Path:
    repartition(built_dataset / "data", tmp_path / "gold" / "data")
    return tmp_path / "gold"


def _short_of_memory(*args, **kwargs):
    raise pyarrow.ArrowMemoryError("malloc of size 1048576 failed")


def test_a_corpus_wide_check_out_of_memory_is_unusable_not_check_crashed(partitioned, monkeypatch):
    monkeypatch.setattr(engine_validate, "check_claims", _short_of_memory)
    report = validate_partitioned(partitioned, "local")
    assert [f for f in report.findings if f.check == "check-crashed"] == []
    assert report.exit_code == 2 and report.unusable.startswith("[out-of-resources] "), report.unusable


def test_a_check_that_crashes_otherwise_is_still_check_crashed(partitioned, monkeypatch):
    monkeypatch.setattr(engine_validate, "check_claims", lambda *a: (_ for _ in ()).throw(ValueError("a bug")))
    report = validate_partitioned(partitioned, "local")
    assert [f.check for f in report.findings if f.check == "check-crashed"] == ["check-crashed"]
    assert report.unusable is None
