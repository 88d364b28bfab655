"""`validate --json` tells apart the findings its text report tells apart (attack48): `row_id: ""`
was both a whole-table finding and a finding of a row whose id is '', `row_id: "<null>"` both a
row with a null id and one whose id is spelt `<null>`, and `value: ""` both no value and an empty
one. Each finding now also carries `whole_table`, `row_id_null` and `has_value`."""

from __future__ import annotations

import json
import shutil

import pyarrow as pa
import pyarrow.parquet as pq

from conftest import DATASET
from landstrikes.cli import main
from landstrikes.schema.report import Report


def test_a_whole_table_finding_and_a_row_whose_id_is_empty_differ_in_json():
    report = Report(path="x")
    report.add("quotes", "missing-table", "no folder x/quotes")
    report.add("quotes", "bad-format", "id is blank", "", "quote_id", "")
    whole, row = sorted(json.loads(report.to_json())["findings"], key=lambda f: f["check"], reverse=True)
    assert (whole["row_id"], row["row_id"]) == ("", "")
    assert whole["whole_table"] is True and row["whole_table"] is False
    assert whole["has_value"] is False and row["has_value"] is True


def test_a_null_id_and_an_id_spelt_null_differ_in_json():
    report = Report(path="x")
    report.add("quotes", "null-in-required-column", "id is null", None, "quote_id")
    report.add("quotes", "bad-format", "odd id", "<null>", "quote_id", "<null>")
    null, spelt = sorted(json.loads(report.to_json())["findings"], key=lambda f: f["check"], reverse=True)
    assert null["row_id"] == spelt["row_id"] == "<null>"
    assert null["row_id_null"] is True and spelt["row_id_null"] is False
    assert not null["whole_table"] and not spelt["whole_table"]


def test_validate_json_of_a_copy_with_a_table_gone_and_an_empty_id(tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(DATASET / "data", copy)
    shutil.rmtree(copy / "stance_targets")
    path = copy / "entities" / "entities.parquet"
    table = pq.read_table(path)
    rows = table.to_pylist()
    rows[1]["entity_id"] = ""
    pq.write_table(pa.Table.from_pylist(rows, schema=table.schema).replace_schema_metadata(table.schema.metadata), path)
    assert main(["validate", str(copy), "--json", str(tmp_path / "r.json")]) == 1
    findings = json.loads((tmp_path / "r.json").read_text())["findings"]
    missing = [f for f in findings if f["check"] == "missing-table"]
    empty = [f for f in findings if f["table"] == "entities" and f["row_id"] == ""]
    assert missing and all(f["whole_table"] for f in missing)
    assert empty and not any(f["whole_table"] for f in empty)


def test_a_row_with_a_null_id_and_a_row_whose_id_is_spelt_as_its_place_differ_alike_on_every_engine(tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(DATASET / "data", copy)
    path = copy / "entities" / "entities.parquet"
    table = pq.read_table(path)
    rows = table.to_pylist()
    rows[1]["entity_id"], rows[2]["entity_id"] = None, "#2"  # row 1 is named by its place, #1
    schema = pa.schema([f.with_nullable(True) if f.name == "entity_id" else f for f in table.schema])
    pq.write_table(pa.Table.from_pylist(rows, schema=schema.with_metadata(table.schema.metadata)), path)
    seen = []
    for engine in ([], ["--engine", "local"]):
        assert main(["validate", str(copy), *engine, "--json", str(tmp_path / "r.json")]) == 1
        findings = json.loads((tmp_path / "r.json").read_text())["findings"]
        null = {f["row_id_null"] for f in findings if f["check"] == "null-in-required-column" and f["table"] == "entities"}
        spelt = {f["row_id_null"] for f in findings if f["check"] == "bad-format" and f["row_id"] == "#2"}
        seen.append((null, spelt))
    assert seen == [({True}, {False})] * 2
