"""An integer past 2^53 in any int64 column is a finding of the rules it breaks, never a check that
crashes: a check that raised ("Integer value ... not in range", Arrow's safe int -> float cast)
judged no article at all, so one absurd n_chars silenced every article's boilerplate-share and
quality findings (attack12)."""

from __future__ import annotations

import shutil

import pyarrow.parquet as pq
import pytest

from conftest import DATASET
from hostile_tools import part, set_cell
from landstrikes.schema import validate

INT_COLUMNS = [
    (table.name, field.name)
    for table in sorted((DATASET / "data").iterdir())
    if table.name != "mention_exclusions"  # no rows to edit
    for field in pq.read_schema(part(DATASET, table.name))
    if str(field.type) == "int64"
]


@pytest.mark.parametrize("value", [2**53 + 1, -(2**63)], ids=["2^53+1", "-2^63"])
@pytest.mark.parametrize("table,column", INT_COLUMNS, ids=[f"{t}.{c}" for t, c in INT_COLUMNS])
def test_an_integer_beyond_doubles_is_a_finding_not_a_crashed_check(built_dataset, tmp_path, table, column, value):
    target = tmp_path / "copy"
    shutil.copytree(built_dataset / "data", target / "data")
    set_cell(target, table, column, 0, value)
    report = validate(target)
    assert not report.ok
    crashed = [f.message for f in report.findings if f.check == "check-crashed"]
    assert not crashed, crashed


def test_an_absurd_n_chars_leaves_the_other_articles_quality_judged(built_dataset, tmp_path):
    """The crash's cost: article 0's n_chars past 2^53 hid article 1's wrong boilerplate share."""
    target = tmp_path / "copy"
    shutil.copytree(built_dataset / "data", target / "data")
    set_cell(target, "articles", "n_chars", 0, 2**53 + 1)
    share = pq.read_table(part(target, "articles"), columns=["boilerplate_share"]).column(0).to_pylist()[1]
    set_cell(target, "articles", "boilerplate_share", 1, min(share + 0.25, 1.0) if share < 0.5 else share - 0.25)
    second = pq.read_table(part(target, "articles"), columns=["article_id"]).column(0).to_pylist()[1]
    report = validate(target)
    assert any(f.check == "boilerplate-share-mismatch" and f.row_id == second for f in report.findings), \
        [(f.check, f.row_id, f.message[:80]) for f in report.findings]

