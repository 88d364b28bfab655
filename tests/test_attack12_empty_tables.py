"""A table with zero rows is a finding (`empty-table`, or the foreign keys it leaves dangling),
never a check that crashes: gathers through a clamped index (`values[np.maximum(i, 0)]`) raised
IndexError on an empty array, so `check_article_quality` and `check_attribution_mentions` judged
nothing when the articles table was empty (attack12)."""

from __future__ import annotations

import shutil

import pyarrow.parquet as pq
import pytest

from conftest import DATASET
from hostile_tools import part
from landstrikes.schema import validate

TABLES = sorted(p.name for p in (DATASET / "data").iterdir() if p.is_dir())


@pytest.mark.parametrize("emptied", [[t] for t in TABLES] + [TABLES], ids=TABLES + ["every table"])
def test_a_table_with_zero_rows_crashes_no_check(built_dataset, tmp_path, emptied):
    target = tmp_path / "copy"
    shutil.copytree(built_dataset / "data", target / "data")
    for table in emptied:
        path = part(target, table)
        pq.write_table(pq.read_table(path).slice(0, 0), path)
    report = validate(target)
    crashed = [f.message for f in report.findings if f.check == "check-crashed"]
    assert not crashed, crashed
