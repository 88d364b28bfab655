"""A row whose id is the empty string is named as that row (`row ''`), never as the whole table.

README: "Every failure is reported with a stable check id, the table, the row id, the column and
the value." Until attack46 a finding kept only the id's text, and "" also meant "no row", so every
finding of a row whose id is '' read `quotes (whole table) column quote_id`, as if the table as a
whole were wrong (attack45 left it open). A finding now records whether a row was named at all;
findings of no row (a missing table, a version stamp, a column's type) still read `(whole table)`.
"""

from __future__ import annotations

import shutil

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import DATASET
from landstrikes.schema.registry import TABLES_BY_NAME
from landstrikes.schema.report import Report
from landstrikes.schema.validate import validate


def _copy_with_empty_id(tmp_path, table, row=1):
    shutil.copytree(DATASET / "data", tmp_path / "data")
    path = tmp_path / "data" / table / f"{table}.parquet"
    arrow = pq.read_table(path)
    rows = arrow.to_pylist()
    rows[row][TABLES_BY_NAME[table].id_column] = ""
    pq.write_table(pa.Table.from_pylist(rows, schema=arrow.schema), path)
    return tmp_path / "data"


@pytest.mark.parametrize("table", ["articles", "entities", "quotes", "claims", "claim_clusters", "stances",
                                   "segments", "quality_flags"])
def test_every_finding_of_a_row_with_an_empty_id_names_that_row(tmp_path, table):
    report = validate(_copy_with_empty_id(tmp_path, table))
    column = TABLES_BY_NAME[table].id_column
    own = [f for f in report.findings if f.table == table]
    assert own, "the empty id is refused"
    text = report.to_text()
    assert f"{table} (whole table)" not in text
    assert f"] {table} table column" not in text
    # the detail lines or, where a table's first five details are other checks' (attack50: an article's
    # coverage findings are the articles row's now), the summary line naming the first of the check
    assert f"  [empty-string] {table} row '' column {column}" in text or \
        f"  [bad-format] {table} row '' column {column}" in text or \
        f"FAIL empty-string x1: first {table} row '' column {column}" in text


def test_a_finding_of_no_row_still_reads_as_the_whole_table(tmp_path):
    folder = _copy_with_empty_id(tmp_path, "quotes")
    path = folder / "quotes" / "quotes.parquet"
    arrow = pq.read_table(path)
    metadata = {**arrow.schema.metadata, b"landstrikes.schema_version": b"1.9"}
    pq.write_table(arrow.replace_schema_metadata(metadata), path)
    text = validate(folder).to_text()
    assert "  [schema-version-mismatch] quotes table: files carry schema version '1.9'" in text
    assert "  [empty-string] quotes row '' column quote_id" in text


def test_the_report_tells_a_row_named_by_the_empty_string_from_no_row():
    report = Report(path="x")
    report.add("quotes", "some-row-check", "why", "", "quote_id", "")
    report.add("quotes", "some-table-check", "why")
    lines = report.to_text().splitlines()
    assert "  [some-row-check] quotes row '' column quote_id: why (value: '')" in lines
    assert "  [some-table-check] quotes table: why" in lines
