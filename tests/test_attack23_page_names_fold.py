"""`render` gives every article its own page on a file system that folds letter case (attack23).

An extracted article is named after its raw file, and Linux holds `Reuters_a.txt` beside
`reuters_a.txt`: two articles, VALID. `render` kept both ids as page names, `Reuters_a.html` and
`reuters_a.html`, which are one file wherever names are compared without case: macOS's default
APFS, Windows, and the exFAT or FAT stick a site is often copied to (or rendered onto from Linux).
There the second page overwrote the first, or the copy dropped it, and the index linked both
articles to one page. Windows also refuses a file named after a device (`con.html`, `NUL.html`,
`aux.x.html`). A page name is now kept only in lower case and not a device's name; any other id
is cleaned and made unique by its hash (attack22's rule for unsafe ids), so no two page names are
equal under case folding.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from landstrikes.cli import main
from landstrikes.render.pages import page_name

ROOT = Path(__file__).resolve().parents[1]

FOLDED_ALIKE = [
    ("Reuters_a", "reuters_a"),
    ("ABC", "abc", "aBc"),
    ("x-1", "X-1"),
    ("q-a", "Q-A"),
]


@pytest.mark.parametrize("ids", FOLDED_ALIKE, ids=lambda ids: "/".join(ids))
def test_ids_that_differ_only_in_case_get_page_names_that_differ_in_more(ids):
    assert len({page_name(i).casefold() for i in ids}) == len(ids)


@pytest.mark.parametrize("device", ["con", "CON", "nul", "Aux", "prn", "com1", "lpt9", "nul.x", "com¹"])
def test_no_page_is_named_after_a_windows_device(device):
    stem = page_name(device).split(".")[0].casefold()
    assert stem not in {"con", "prn", "aux", "nul", "com1", "lpt9", "com¹"}


def test_lower_case_ids_keep_their_names():
    for identifier in ("000_68b95635092649cd", "q-hitting-land", "console", "nul_x", "com10"):
        assert page_name(identifier) == identifier


def test_render_writes_a_page_per_article_that_a_case_folding_file_system_keeps(tmp_path, capsys):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(ROOT / "dataset" / "raw" / "000_68b95635092649cd.txt", raw / "Reuters_a.txt")
    shutil.copy(ROOT / "dataset" / "raw" / "001_f1f49e9dc8ada067.txt", raw / "reuters_a.txt")
    assert main(["extract", str(raw), "--out", str(tmp_path / "silver")]) == 0
    assert main(["render", str(tmp_path / "silver"), "--out", str(tmp_path / "site")]) == 0, capsys.readouterr().err
    pages = [p.name for p in (tmp_path / "site" / "articles").glob("*.html")]
    assert len({name.casefold() for name in pages}) == 2, pages
