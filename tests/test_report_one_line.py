"""validate's text report keeps one line per item whatever a path, id or value holds (attack3:
a folder named with a newline printed the report over two lines)."""

from __future__ import annotations

from landstrikes.schema.report import Report


def test_a_newline_or_nul_in_path_id_or_value_never_splits_a_report_line():
    report = Report(path="/tmp/a\nb")
    report.add("entities", "control-character-in-value", "name holds U+000A", "id\nx", "name", "Smith\nX\x00")
    lines = report.to_text().splitlines()
    assert lines[0].startswith("FAIL control-character-in-value x1: first entities row id\\nx")
    detail = next(line for line in lines if line.startswith("  [control-character-in-value]"))
    assert "Smith\\nX\\x00" in detail
    assert lines[-1].startswith("INVALID")


def test_an_unusable_folder_with_a_newline_is_one_line():
    report = Report(path="/tmp/a\nb")
    report.unusable = "no table folder"
    assert report.to_text() == "UNUSABLE /tmp/a\\nb: no table folder"
