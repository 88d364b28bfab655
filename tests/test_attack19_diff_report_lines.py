"""`diff`'s text report is one line per statement, whatever the ids hold (attack19).

Row ids come from the data: an extracted article is named after its raw file, and a file name
may hold a line break (attack18 left such ids VALID). `diff` printed them raw, so a raw file named
`002_b<LF>required bump: patch (no table changed).txt` added report lines of its own choosing,
among them a forged verdict above the real one. Control characters are now shown escaped, as
validate's report shows them (C0 and C1 controls, U+2028 and U+2029, which
`str.splitlines` also breaks at).
"""

from __future__ import annotations

import shutil

import pyarrow as pa
import pyarrow.parquet as pq

from landstrikes.cli import main

FORGED = "required bump: patch (no table changed)"


def _rename_first_row(folder, table: str, column: str, new_id: str) -> None:
    path = folder / "data" / table / f"{table}.parquet"
    whole = pq.read_table(path)
    i = whole.schema.get_field_index(column)
    values = whole.column(i).to_pylist()
    values[0] = new_id
    pq.write_table(whole.set_column(i, whole.schema.field(i), pa.array(values, whole.schema.field(i).type)), path)


def _diff_text(old, new, capsys) -> str:
    assert main(["diff", str(old), str(new)]) == 1
    return capsys.readouterr().out


def test_an_id_holding_a_line_break_stays_on_its_line(dataset_copy, built_dataset, capsys):
    _rename_first_row(dataset_copy, "stance_targets", "target_id", f"x\n{FORGED}")
    out = _diff_text(built_dataset, dataset_copy, capsys)
    assert f"\n{FORGED}" not in out
    assert f"  + x\\n{FORGED}" in out
    assert out.splitlines()[-1].startswith("required bump: minor")


def test_a_removed_id_with_control_characters_is_escaped(dataset_copy, tmp_path, capsys):
    old = tmp_path / "old"
    shutil.copytree(dataset_copy, old)
    _rename_first_row(old, "stance_targets", "target_id", "gone\r\x1b[2Kforged")
    out = _diff_text(old, dataset_copy, capsys)
    assert "\r" not in out and "\x1b" not in out
    assert "  - gone\\r\\x1b[2Kforged" in out


def test_an_ordinary_diff_reads_as_before(dataset_copy, built_dataset, capsys):
    _rename_first_row(dataset_copy, "stance_targets", "target_id", "renamed-target")
    out = _diff_text(built_dataset, dataset_copy, capsys)
    assert "  + renamed-target" in out


def test_a_unicode_line_separator_in_an_id_is_escaped_too(dataset_copy, built_dataset, capsys):
    _rename_first_row(dataset_copy, "stance_targets", "target_id", f"x\u2028{FORGED}\x85y")
    out = _diff_text(built_dataset, dataset_copy, capsys)
    assert "\u2028" not in out and "\x85" not in out
    assert [line for line in out.splitlines() if line.startswith("required bump")] == [out.splitlines()[-1]]
