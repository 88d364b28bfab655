"""Two raw texts whose names are one name on macOS or Windows are refused by name (attack23).

README promises that a clone is byte-exact on any platform. Linux keeps `000_x.txt` beside
`000_X.txt`, `café.txt` in NFC beside `café.txt` in NFD, and `xy.txt` beside `x<ZWNJ>y.txt`; a
checkout on macOS (APFS and HFS+ compare names without case and up to canonical equivalence,
HFS+ ignoring joiners and bidi controls, as Git's own `.git` guard knows) or Windows (without
case) holds one file for each pair: one article's text silently replaced by the other's. `build`
made two articles of each pair. Now `build` refuses such a pair (`raw-name-collision`, exit 2,
both names shown, nothing written) and `validate` of a dataset folder reports it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import unicodedata

import pytest

from landstrikes.cli import main

ARTICLE = "000_68b95635092649cd"

CAFE = unicodedata.normalize("NFC", "café")

COLLISIONS = {  # a name written beside the raw texts, and the name it folds to
    "letter-case": (ARTICLE.upper(), ARTICLE),
    "nfd-of-nfc": (unicodedata.normalize("NFD", CAFE), CAFE),
    "zero-width-joiner": (f"{ARTICLE[:4]}\u200d{ARTICLE[4:]}", ARTICLE),
    "bidi-mark": (f"{ARTICLE}\u200e", ARTICLE),
}


@pytest.mark.parametrize("case", list(COLLISIONS))
def test_build_refuses_two_raw_texts_a_case_folding_file_system_holds_as_one(case, built_dataset, tmp_path):
    dataset = tmp_path / "dataset"
    shutil.copytree(built_dataset, dataset)
    before = sorted(p.name for p in (dataset / "data").rglob("*"))
    name, other = COLLISIONS[case]
    if not (dataset / "raw" / f"{other}.txt").exists():
        (dataset / "raw" / f"{other}.txt").write_text("Un café.\n", encoding="utf-8")
    (dataset / "raw" / f"{name}.txt").write_text("Another text.\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "landstrikes", "build", "--dataset", str(dataset)], capture_output=True,
                          text=True, timeout=300, env={**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONUTF8": "1"})
    assert done.returncode == 2, done.stdout + done.stderr
    err = done.stderr
    assert err.count("\n") == 1 and "[raw-name-collision]" in err, err
    assert sorted(p.name for p in (dataset / "data").rglob("*")) == before


def test_validate_of_a_dataset_folder_reports_the_pair(raw_and_data_copy, capsys):
    (raw_and_data_copy / "raw" / f"{ARTICLE.upper()}.txt").write_text("Another text.\n", encoding="utf-8")
    assert main(["validate", str(raw_and_data_copy)]) == 1
    assert "raw-name-collision" in capsys.readouterr().out


def test_names_that_differ_on_every_file_system_are_kept_apart():
    from landstrikes.schema.rawnames import folded_name

    assert folded_name("000_a.txt") != folded_name("000_b.txt")
    assert folded_name("über.txt") != folded_name("uber.txt")  # a letter, not a mark away
    assert folded_name("á.txt") != folded_name("a.txt")  # a mark is a character of the name
