"""`extract` refuses a folder holding two texts that macOS or Windows hold as one file.

Linux keeps `a.txt` beside `A.txt`, and `café.txt` in NFC beside its NFD spelling; a macOS or
Windows file system keeps one file for each pair. `extract` made two articles of each pair, so the
same folder extracted differently by platform. `build` already refuses such names
(`raw-name-collision`, attack23); `extract` now refuses the run with the same rule: one line naming
both files and why, exit 2, nothing written to `--out`.
"""

from __future__ import annotations

import unicodedata

import pytest

from landstrikes.cli import main

CAFE = unicodedata.normalize("NFC", "café")

PAIRS = {  # two names one macOS or Windows folder cannot hold side by side
    "letter case": ("Story_one", "story_ONE"),
    "nfc and nfd": (CAFE, unicodedata.normalize("NFD", CAFE)),
    "zero-width joiner": ("harbour", "har\u200dbour"),
    "one of them .TXT": ("harbour", "HARBOUR"),
}


def _raw(tmp_path, first: str, second: str, second_suffix: str = ".txt"):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / f"{first}.txt").write_text("Ann Lee said the harbour would reopen.\n", encoding="utf-8")
    (raw / f"{second}{second_suffix}").write_text("Tom Varley said the harbour would stay shut.\n", encoding="utf-8")
    (raw / "unrelated.txt").write_text("The ferry ran on time.\n", encoding="utf-8")
    return raw


@pytest.mark.parametrize("case", list(PAIRS))
def test_extract_refuses_two_texts_a_folding_file_system_holds_as_one(case, tmp_path, capsys):
    first, second = PAIRS[case]
    raw = _raw(tmp_path, first, second, ".TXT" if case == "one of them .TXT" else ".txt")
    out = tmp_path / "out"
    assert main(["extract", str(raw), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert "[raw-name-collision]" in err
    assert first in err or unicodedata.normalize("NFC", first) in unicodedata.normalize("NFC", err)
    assert "macOS and Windows hold the two names as one file" in err
    assert not out.exists(), "nothing is written for a refused run"


def test_names_no_file_system_folds_together_are_extracted_apart(tmp_path, capsys):
    raw = _raw(tmp_path, "harbour_1", "harbour_2")
    out = tmp_path / "out"
    assert main(["extract", str(raw), "--out", str(out)]) == 0
    assert "3 articles" in capsys.readouterr().out
