"""A --json report replaces a file only when it is empty or an earlier report of the same
command (attack18). Whether a file is empty was judged by its first 4,096 bytes with blanks
stripped, so a file that begins with more than 4,096 blank bytes (a text padded with blank
lines, a log, a fixed-width export) counted as empty and was replaced whole (review18)."""

from __future__ import annotations

import pytest

from landstrikes.cli import main

BLANK_HEADED = "\n" * 5000 + "my notes: the harbour interviews, do not lose\n"


@pytest.mark.parametrize("head", [BLANK_HEADED, " " * 4096 + "x\n", "\n" * 4097 + '{"name": "my-notes"}\n'])
def test_a_file_beginning_with_many_blank_bytes_is_kept(head, released_copy, tmp_path, capsys):
    target = tmp_path / "notes.json"
    target.write_text(head, encoding="utf-8")
    assert main(["validate", str(released_copy), "--json", str(target)]) == 2
    assert "[unwritable-report]" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == head


def test_a_blank_file_is_still_replaced(released_copy, tmp_path):
    target = tmp_path / "report.json"
    target.write_text("\n\n", encoding="utf-8")
    assert main(["validate", str(released_copy), "--json", str(target)]) in (0, 1)
    assert '"findings"' in target.read_text(encoding="utf-8")
