"""Two raw names Windows holds as one file are refused as two macOS holds as one are (review61).

NTFS compares names by its `$UpCase` table: each UTF-16 unit upper-cased to one unit, no
normalisation. `ı` (U+0131, the Turkish dotless i) upper-cases to `I`, as `i` does, so `ıraq.txt`
and `iraq.txt` are one file on Windows; Unicode's case folding (`folded_name`, macOS's rule) keeps
them apart, and build, extract and validate took them as two articles. Pairs that neither folds
together stay two articles.
"""

from __future__ import annotations

import pytest

from landstrikes.cli import main
from landstrikes.schema.rawnames import colliding_names

WINDOWS_ONLY = [("iraq.txt", "\u0131raq.txt"), ("\u0131raq.txt", "Iraq.txt"), ("Iraq.txt", "IRAQ.txt")]
APART = [("iraq.txt", "\u0130raq.txt"), ("i.txt", "j.txt"), ("\u0131.txt", "\u0130.txt")]


@pytest.mark.parametrize("first, second", WINDOWS_ONLY)
def test_names_windows_upcases_alike_collide(first, second):
    assert colliding_names([first, second]) == [(second, first)]


@pytest.mark.parametrize("first, second", APART)
def test_names_no_file_system_folds_together_do_not_collide(first, second):
    assert colliding_names([first, second]) == []


def test_build_refuses_a_dotless_i_beside_an_i_and_extract_keeps_both(tmp_path):
    """Windows holds `ıraq.txt` and `iraq.txt` as one file: a dataset's raw/ may not hold both (build,
    validate); extract's input is a folder this machine holds, where they are two texts (session 40)."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "iraq.txt").write_text("Ann Lee said the harbour would reopen.\n", encoding="utf-8")
    (raw / "\u0131raq.txt").write_text("Tom Varley said the harbour would stay shut.\n", encoding="utf-8")
    assert colliding_names(sorted(p.name for p in raw.iterdir())) != []
    out = tmp_path / "out"
    assert main(["extract", str(raw), "--out", str(out)]) == 0
    assert main(["validate", str(out)]) == 0
