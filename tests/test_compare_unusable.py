"""diff and evaluate on tables they cannot compare: one line naming the check id and the file,
exit 2, never a traceback (0-byte, garbage, invalid UTF-8, missing or duplicate columns)."""

from __future__ import annotations

import pyarrow as pa
import pytest

from arrowbreak import part, read, retype, set_values, write
from landstrikes.cli import main


def one_line_exit_2(capsys, argv: list[str]) -> str:
    assert main(argv) == 2
    out = capsys.readouterr()
    lines = [line for line in (out.out + out.err).splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in lines[0], out
    return lines[0]


def zero_bytes(folder):
    part(folder, "quotes").write_bytes(b"")


def garbage(folder):
    path = part(folder, "quotes")
    path.write_bytes(path.read_bytes()[:300] + b"PAR1")


def invalid_utf8(folder):
    set_values(folder, "quotes", "text", {4: b"\xf0\x28\x8c\x28"})


def duplicate_column(folder):
    arrow = read(folder, "quotes")
    write(folder, "quotes", pa.Table.from_arrays([*arrow.columns, arrow.column("kind")], names=[*arrow.column_names, "kind"]))


def missing_id_column(folder):
    write(folder, "quotes", read(folder, "quotes").drop_columns(["quote_id"]))


def missing_start_column(folder):
    write(folder, "quotes", read(folder, "quotes").drop_columns(["start"]))


def offsets_as_text(folder):
    retype(folder, "quotes", "start", pa.string())


def data_is_a_file(folder):
    import shutil

    shutil.rmtree(folder / "data")
    (folder / "data").write_text("not a folder")


BREAKS = {
    "zero_bytes": (zero_bytes, "[unreadable-table]", "0 bytes"),
    "garbage": (garbage, "[unreadable-table]", "quotes.parquet"),
    "invalid_utf8": (invalid_utf8, "[invalid-utf8]", "'text' row 4"),
    "duplicate_column": (duplicate_column, "[duplicate-column]", "'kind'"),
    "data_is_a_file": (data_is_a_file, "[unreadable-folder]", "data"),
}


@pytest.mark.parametrize("name", [*BREAKS, "missing_id_column"])
def test_diff_of_a_table_it_cannot_compare_is_one_line_and_exit_2(built_dataset, dataset_copy, capsys, name):
    breaker, check, detail = BREAKS.get(name, (missing_id_column, "[missing-column]", "'quote_id'"))
    breaker(dataset_copy)
    line = one_line_exit_2(capsys, ["diff", str(built_dataset), str(dataset_copy)])
    assert check in line and detail in line


def test_diff_reports_a_missing_ordinary_column_as_a_schema_change(built_dataset, dataset_copy, capsys):
    """A column that is gone is what diff exists to show (a major bump), not unusable input."""
    missing_start_column(dataset_copy)
    assert main(["diff", str(built_dataset), str(dataset_copy)]) == 1
    assert "column removed or renamed: start" in capsys.readouterr().out


@pytest.mark.parametrize("name", [*BREAKS, "missing_start_column", "offsets_as_text"])
@pytest.mark.parametrize("side", ["pred", "gold"])
def test_evaluate_on_a_table_it_cannot_compare_is_one_line_and_exit_2(built_dataset, dataset_copy, capsys, name, side):
    breaker, check, detail = BREAKS.get(name) or {
        "missing_start_column": (missing_start_column, "[missing-column]", "'start'"),
        "offsets_as_text": (offsets_as_text, "[wrong-dtype]", "'start'"),
    }[name]
    breaker(dataset_copy)
    pred, gold = (dataset_copy, built_dataset) if side == "pred" else (built_dataset, dataset_copy)
    line = one_line_exit_2(capsys, ["evaluate", str(pred), "--gold", str(gold)])
    assert check in line and detail in line


def test_diff_and_evaluate_json_go_into_a_new_folder(built_dataset, dataset_copy, tmp_path, capsys):
    assert main(["diff", str(built_dataset), str(dataset_copy), "--json", str(tmp_path / "a" / "diff.json")]) == 0
    assert main(["evaluate", str(dataset_copy), "--gold", str(built_dataset), "--json", str(tmp_path / "b" / "e.json")]) == 0
    assert (tmp_path / "a" / "diff.json").is_file() and (tmp_path / "b" / "e.json").is_file()
