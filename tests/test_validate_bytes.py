"""validate reads every byte it vouches for: bytes that pandas and Pandera cannot see (invalid
UTF-8, NaN/inf, null list items, other Arrow types, blank ids, duplicate columns, stray parts)
fail with a stable check id naming table, row and column; unusable input is one line, exit 2."""

from __future__ import annotations

import json
import os
import shutil

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from arrowbreak import first_row, read, retype, set_values, write
from landstrikes.cli import main
from landstrikes.schema import validate


def findings(folder, check: str) -> list[tuple[str, str, str]]:
    return [(f.table, f.row_id, f.column) for f in validate(folder).findings if f.check == check]


def row_id(folder, table: str, row: int) -> str:
    column = {"quotes": "quote_id", "claims": "claim_id", "entities": "entity_id", "claim_clusters": "cluster_id"}[table]
    return read(folder, table).column(column)[row].as_py()


# --- class 1: false VALID --------------------------------------------------------------------


def test_invalid_utf8_in_a_string_column_is_reported_with_table_row_and_column(dataset_copy):
    set_values(dataset_copy, "quotes", "cue_lemma", {3: b"say\xff"})
    report = validate(dataset_copy)
    bad = [f for f in report.findings if f.check == "invalid-utf8"]
    assert [(f.table, f.row_id, f.column) for f in bad] == [("quotes", row_id(dataset_copy, "quotes", 3), "cue_lemma")]
    assert bad[0].value == "say\ufffd" and report.exit_code == 1


def test_invalid_utf8_inside_a_string_list_is_reported(dataset_copy):
    row = first_row(dataset_copy, "entities", "aliases", lambda v: len(v) > 1)
    aliases = read(dataset_copy, "entities").column("aliases")[row].as_py()
    set_values(dataset_copy, "entities", "aliases", {row: [aliases[0], b"\xc3(" + aliases[1].encode()]})
    assert findings(dataset_copy, "invalid-utf8") == [("entities", row_id(dataset_copy, "entities", row), "aliases")]


def test_invalid_utf8_in_a_span_text_is_reported_and_the_later_checks_still_run(dataset_copy):
    """The bad value is replaced by U+FFFD after it is reported: the span check sees the change."""
    text = read(dataset_copy, "quotes").column("text")[0].as_py()
    set_values(dataset_copy, "quotes", "text", {0: text.encode()[:-1] + b"\xed\xa0\x80"})  # a UTF-8 surrogate
    report = validate(dataset_copy)
    checks = {f.check for f in report.findings}
    assert {"invalid-utf8", "span-text-mismatch"} <= checks and "check-crashed" not in checks


def test_invalid_utf8_in_an_id_column_names_the_row_with_the_bytes_replaced(dataset_copy):
    quote_id = row_id(dataset_copy, "quotes", 5)
    set_values(dataset_copy, "quotes", "quote_id", {5: quote_id.encode() + b"\x80"})
    assert ("quotes", quote_id + "\ufffd", "quote_id") in findings(dataset_copy, "invalid-utf8")


def test_nan_confidence_on_a_gold_row_is_a_non_finite_float(dataset_copy):
    set_values(dataset_copy, "quotes", "confidence", {7: float("nan")})
    report = validate(dataset_copy)
    bad = [f for f in report.findings if f.check == "non-finite-float"]
    assert [(f.table, f.row_id, f.column, f.value) for f in bad] == [("quotes", row_id(dataset_copy, "quotes", 7), "confidence", "nan")]
    assert report.exit_code == 1


@pytest.mark.parametrize("value", [float("inf"), float("-inf")])
def test_infinite_quantity_is_a_non_finite_float(dataset_copy, value):
    row = first_row(dataset_copy, "claims", "quantity_high", lambda v: v is not None)
    set_values(dataset_copy, "claims", "quantity_high", {row: value})
    assert findings(dataset_copy, "non-finite-float") == [("claims", row_id(dataset_copy, "claims", row), "quantity_high")]


def test_null_item_in_a_list_column_is_reported(dataset_copy):
    row = first_row(dataset_copy, "claims", "contradicted_by", lambda v: bool(v))
    links = read(dataset_copy, "claims").column("contradicted_by")[row].as_py()
    set_values(dataset_copy, "claims", "contradicted_by", {row: [*links, None]})
    report = validate(dataset_copy)
    assert [(f.table, f.row_id, f.column) for f in report.findings if f.check == "null-list-item"] == [
        ("claims", row_id(dataset_copy, "claims", row), "contradicted_by")]
    assert "check-crashed" not in {f.check for f in report.findings}


def test_null_item_beside_a_flag_does_not_crash_the_quality_check(dataset_copy):
    """Found by the fuzzer: sorting [None, 'boilerplate'] crashed check_article_quality."""
    flags = read(dataset_copy, "articles").column("quality_flags")[0].as_py()
    set_values(dataset_copy, "articles", "quality_flags", {0: [None, *flags]})
    checks = {f.check for f in validate(dataset_copy).findings}
    assert checks == {"null-list-item"}


@pytest.mark.parametrize(
    "table, column, arrow_type",
    [
        ("quotes", "start", pa.float64()),  # offsets stored as floats
        ("quotes", "end", pa.int32()),
        ("mentions", "text", pa.large_string()),  # pandas gives the same dtype: Pandera passes it
        ("segments", "kind", pa.dictionary(pa.int32(), pa.string())),
        ("quotes", "confidence", pa.float32()),
        ("articles", "n_chars", pa.uint64()),
        ("claims", "contradicted_by", pa.list_(pa.large_string())),
    ],
)
def test_a_column_of_another_arrow_type_is_wrong_dtype_once(dataset_copy, table, column, arrow_type):
    retype(dataset_copy, table, column, arrow_type)
    report = validate(dataset_copy)
    assert [(f.table, f.column) for f in report.findings if f.check == "wrong-dtype"] == [(table, column)]
    assert report.exit_code == 1


@pytest.mark.parametrize(
    "table, column, value",
    [
        ("quotes", "cluster_id", ""),  # no foreign key catches an empty cluster id
        ("quotes", "cluster_id", "  "),
        ("entities", "name", "\t"),
        ("quotes", "quote_id", " "),  # Pandera's str_length passes a space
        ("entities", "aliases", [""]),  # an empty alias would match everywhere or nowhere
        ("claim_clusters", "variant_propositions", ["", "x"]),
    ],
)
def test_empty_or_whitespace_value_where_text_is_required_is_empty_string(dataset_copy, table, column, value):
    set_values(dataset_copy, table, column, {0: value})
    assert (table, column) in {(t, c) for t, _, c in findings(dataset_copy, "empty-string")}


def test_duplicate_column_names_are_invalid_data_not_a_crash(dataset_copy):
    arrow = read(dataset_copy, "stances")
    write(dataset_copy, "stances", pa.Table.from_arrays([*arrow.columns, arrow.column("label")], names=[*arrow.column_names, "label"]))
    report = validate(dataset_copy)
    assert findings(dataset_copy, "duplicate-column") == [("stances", "", "label")]
    assert report.exit_code == 1 and "check-crashed" not in {f.check for f in report.findings}


def test_an_extra_part_from_another_schema_version_is_reported(dataset_copy):
    folder = dataset_copy / "data" / "stance_targets"
    arrow = pq.read_table(next(folder.glob("*.parquet")))
    meta = {**arrow.schema.metadata, b"landstrikes.schema_version": b"0.9"}
    pq.write_table(arrow.slice(0, 0).replace_schema_metadata(meta), folder / "zz-extra.parquet")
    found = [f for f in validate(dataset_copy).findings if f.check == "schema-version-mismatch"]
    assert [(f.table, f.value) for f in found] == [("stance_targets", "0.9")] and "zz-extra.parquet" in found[0].message


def test_a_folder_of_parquet_files_that_is_no_table_is_unexpected(dataset_copy):
    shutil.copytree(dataset_copy / "data" / "stances", dataset_copy / "data" / "stances_v2")
    assert findings(dataset_copy, "unexpected-table") == [("stances_v2", "", "")]


def test_metadata_that_is_not_utf8_does_not_crash(dataset_copy):
    arrow = read(dataset_copy, "stances")
    write(dataset_copy, "stances", arrow)
    path = next((dataset_copy / "data" / "stances").glob("*.parquet"))
    pq.write_table(arrow.replace_schema_metadata({b"landstrikes.schema_version": b"\xff1.0"}), path)
    assert findings(dataset_copy, "schema-version-mismatch") == [("stances", "", "")]


# --- class 2: unusable input is one line and exit 2 -------------------------------------------


def unusable(capsys, argv: list[str]) -> str:
    """Run the CLI, expect exit 2 and exactly one line on stdout+stderr; return it."""
    assert main(argv) == 2
    out = capsys.readouterr()
    lines = [line for line in (out.out + out.err).splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in lines[0], out
    return lines[0]


def test_zero_byte_table_is_unusable_input(dataset_copy, capsys):
    next((dataset_copy / "data" / "quotes").glob("*.parquet")).write_bytes(b"")
    line = unusable(capsys, ["validate", str(dataset_copy)])
    assert "[unreadable-table]" in line and "quotes.parquet" in line and "0 bytes" in line


def test_data_path_that_is_a_file_is_unusable_input(tmp_path, capsys):
    (tmp_path / "data").write_text("not a folder")
    assert "[unreadable-folder]" in unusable(capsys, ["validate", str(tmp_path)])


def test_folder_without_any_table_is_unusable_input(tmp_path, capsys):
    (tmp_path / "notes").mkdir()
    assert "[unreadable-folder]" in unusable(capsys, ["validate", str(tmp_path)])


@pytest.mark.parametrize("where", ["data", "table", "part"])
def test_symlink_loop_is_unusable_input(dataset_copy, tmp_path, capsys, where):
    if where == "data":
        target = tmp_path / "looped"
        target.mkdir()
        os.symlink(target / "data", target / "data")
    else:
        target = dataset_copy
        if where == "table":
            shutil.rmtree(dataset_copy / "data" / "quotes")
            os.symlink(dataset_copy / "data" / "quotes", dataset_copy / "data" / "quotes")
        else:
            os.symlink(dataset_copy / "data" / "quotes" / "b.parquet", dataset_copy / "data" / "quotes" / "b.parquet")
    line = unusable(capsys, ["validate", str(target)])
    assert "symlink loop" in line and ("[unreadable-folder]" in line or "[unreadable-table]" in line)


def test_json_report_into_a_folder_that_does_not_exist_creates_it(dataset_copy, tmp_path, capsys):
    report = tmp_path / "reports" / "ci" / "validate.json"
    assert main(["validate", str(dataset_copy), "--json", str(report)]) == 0
    assert json.loads(report.read_text())["valid"] is True


def test_json_report_that_cannot_be_written_is_one_line_and_exit_2(dataset_copy, tmp_path, capsys):
    (tmp_path / "blocker").write_text("a file where the folder should be")
    assert main(["validate", str(dataset_copy), "--json", str(tmp_path / "blocker" / "r.json")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "[unwritable-report]" in err[0]


# --- class 3: the text report leads with one line per failing check ----------------------------


def test_text_report_leads_with_one_line_per_failing_check(dataset_copy, capsys):
    set_values(dataset_copy, "quotes", "confidence", {2: float("nan"), 4: float("inf")})
    set_values(dataset_copy, "entities", "name", {1: ""})
    assert main(["validate", str(dataset_copy)]) == 1
    lines = capsys.readouterr().out.splitlines()
    first_quote, entity = row_id(dataset_copy, "quotes", 2), row_id(dataset_copy, "entities", 1)
    assert lines[:2] == [
        f"FAIL empty-string x1: first entities row {entity} column name",
        f"FAIL non-finite-float x2: first quotes row {first_quote} column confidence",
    ]
    assert lines[2].startswith("table") and lines[-1] == "INVALID: 3 failures of 2 checks"


def test_json_report_keeps_its_shape(dataset_copy, tmp_path):
    set_values(dataset_copy, "quotes", "confidence", {2: float("nan")})
    assert main(["validate", str(dataset_copy), "--json", str(tmp_path / "r.json")]) == 1
    report = json.loads((tmp_path / "r.json").read_text())
    assert list(report) == ["path", "valid", "exit_code", "unusable", "tables", "findings", "checked"]  # checked: eco39
    assert list(report["findings"][0]) == ["table", "check", "row_id", "column", "value", "message",
                                           "whole_table", "row_id_null", "has_value",  # these three: attack48
                                           "value_of"]  # attack56: what the value is when not the cell (null: the cell)


# --- class 6: exit codes in --help ------------------------------------------------------------


@pytest.mark.parametrize("command", ["validate", "diff", "evaluate"])
def test_help_documents_the_exit_codes(command, capsys):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    text = capsys.readouterr().out
    assert "exit codes:" in text and all(f"\n  {code}  " in text for code in ("0", "2"))



def test_nan_in_a_required_float_is_reported_once_not_also_as_null(dataset_copy):
    set_values(dataset_copy, "quotes", "cluster_similarity", {1: float("nan")})
    report = validate(dataset_copy)
    assert [(f.check, f.column) for f in report.findings] == [("non-finite-float", "cluster_similarity")]


def test_silver_allowances_need_auto_rows_not_only_auto_metadata(dataset_copy):
    """A gold copy whose files are relabelled source=auto may not leave a table empty."""
    for folder in (dataset_copy / "data").iterdir():
        path = next(folder.glob("*.parquet"))
        arrow = pq.read_table(path)
        meta = {**arrow.schema.metadata, b"landstrikes.source": b"auto"}
        rows = arrow.slice(0, 0) if folder.name == "stances" else arrow
        pq.write_table(rows.replace_schema_metadata(meta), path)
    assert ("stances", "", "") in findings(dataset_copy, "empty-table")


@pytest.mark.parametrize(
    "target, argv",
    [
        ("landstrikes.schema.validate", ["validate", "{copy}"]),
        ("landstrikes.releases.diff.diff_folders", ["diff", "{copy}", "{copy}"]),
        ("landstrikes.evaluate.evaluate", ["evaluate", "{copy}", "--gold", "{copy}"]),
    ],
)
def test_an_unforeseen_error_is_still_one_line_and_exit_2(dataset_copy, capsys, monkeypatch, target, argv):
    """The last resort of the three commands: a library bug shows as [internal-error], not a traceback."""

    def boom(*args, **kwargs):
        raise RuntimeError("boom\nwith a second line")

    monkeypatch.setattr(target, boom)
    line = unusable(capsys, [a.replace("{copy}", str(dataset_copy)) for a in argv])
    assert "[internal-error] RuntimeError: boom with a second line" in line
