"""`extract` keeps two texts whose names only a folding file system would hold as one file.

Linux keeps `a.txt` beside `A.txt`, and `café.txt` in NFC beside its NFD spelling. `build` refuses
such names in a dataset's raw/ (`raw-name-collision`, attack23): the repository must check out
byte-exact on macOS and Windows. `extract`'s input is no repository but a folder this machine
holds, where the two are two texts; it never aborts a run for one file (README: "It never aborts"),
so each is an article of its own, ids differing as the names do, and `render` writes their pages
apart (tests/test_attack23_page_names_fold.py). Extract57 had refused the whole run (exit 2,
nothing written): on a news archive of 10^6 files, one such pair lost every article (session 40).
"""

from __future__ import annotations

import unicodedata

import pyarrow.parquet as pq
import pytest

from landstrikes.cli import main

CAFE = unicodedata.normalize("NFC", "café")

PAIRS = {  # two names one macOS or Windows folder cannot hold side by side
    "letter case": ("Story_one", "story_ONE"),
    "nfc and nfd": (CAFE, unicodedata.normalize("NFD", CAFE)),
    "zero-width joiner": ("harbour", "har\u200dbour"),
}


def _raw(tmp_path, first: str, second: str):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / f"{first}.txt").write_text("Ann Lee said the harbour would reopen.\n", encoding="utf-8")
    (raw / f"{second}.txt").write_text("Tom Varley said the harbour would stay shut.\n", encoding="utf-8")
    (raw / "unrelated.txt").write_text("The ferry ran on time.\n", encoding="utf-8")
    return raw


@pytest.mark.parametrize("case", list(PAIRS))
def test_extract_keeps_two_texts_a_folding_file_system_would_hold_as_one(case, tmp_path, capsys):
    first, second = PAIRS[case]
    out = tmp_path / "out"
    assert main(["extract", str(_raw(tmp_path, first, second)), "--out", str(out)]) == 0
    ids = set(pq.read_table(out / "data" / "articles").column("article_id").to_pylist())
    assert ids == {first, second, "unrelated"}
    assert main(["validate", str(out)]) == 0

