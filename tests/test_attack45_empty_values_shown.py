"""The text report shows a finding's value when it has one, the empty string included (as `''`),
and no `(value: ...)` when it has none (a missing table, a null cell); `--json` is unchanged.

attack45: newuser43's fix (no empty `(value: )` after a finding without a value) dropped the value
of every finding whose value is the empty string: a quote whose `text` is '' was reported as
`text differs from article text[1012:1099] = '...'` with nothing saying what the row holds, an
entity id '' as `str_matches(...) failed` with neither row nor value, while a missing table and an
empty cell read alike."""

from __future__ import annotations

import json
import shutil

import pyarrow as pa
import pyarrow.parquet as pq

from conftest import DATASET
from landstrikes.schema.report import Report
from landstrikes.schema.validate import validate


def _with_cell(tmp_path, table, column, value, row=0):
    shutil.copytree(DATASET / "data", tmp_path / "data")
    path = tmp_path / "data" / table / f"{table}.parquet"
    arrow = pq.read_table(path)
    rows = arrow.to_pylist()
    rows[row][column] = value
    pq.write_table(pa.Table.from_pylist(rows, schema=arrow.schema), path)
    return validate(tmp_path)


def _lines(report, check):
    return [line for line in report.to_text().splitlines() if line.startswith(f"  [{check}]")]


def test_an_empty_span_text_is_shown_as_the_empty_string(tmp_path):
    report = _with_cell(tmp_path, "quotes", "text", "")
    [line] = _lines(report, "span-text-mismatch")
    assert line.endswith("(value: '')")


def test_an_empty_id_is_shown_as_the_empty_string(tmp_path):
    report = _with_cell(tmp_path, "entities", "entity_id", "")
    assert all(line.endswith("(value: '')") for line in _lines(report, "bad-format")) and _lines(report, "bad-format")


def test_a_finding_without_a_value_shows_none_and_json_keeps_its_shape(tmp_path):
    report = Report(path="x")
    report.add("quotes", "missing-table", "no folder x/quotes")
    report.add("claims", "quantity-incomplete", "quantity_low missing", "c1", "quantity_low", None)
    report.add("quotes", "span-text-mismatch", "text differs", "q1", "text", "")
    text = report.to_text()
    assert "[missing-table] quotes table: no folder x/quotes\n" in text
    assert "column quantity_low: quantity_low missing\n" in text
    assert "column text: text differs (value: '')\n" in text
    findings = json.loads(report.to_json())["findings"]
    assert [list(f)[:6] for f in findings] == [["table", "check", "row_id", "column", "value", "message"]] * 3
    assert [f["value"] for f in findings] == ["", "", ""]
    assert [f["has_value"] for f in findings] == [False, False, True]  # (attack48: the empty value told apart)
