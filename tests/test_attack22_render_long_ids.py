"""`render` draws a folder whose ids are as long as a file name allows (attack22).

An extracted article is named after its raw file, so a raw text named with 255 bytes (the most
Linux allows) gives a 251-character id, which validates. `render` kept a safe id as its page's
name and added `.html`: 256 bytes, `[output-io] File name too long`, exit 2, for a VALID folder.
A page name now stays within a file name's 255 bytes (a longer id is cut and made unique by a
short hash, as an unsafe one already was).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from landstrikes.cli import main
from landstrikes.render.pages import page_name

ROOT = Path(__file__).resolve().parents[1]
LONGEST = "000_" + "a" * 247


def test_a_page_name_fits_in_a_file_name_whatever_the_id():
    for identifier in (LONGEST, "b" * 400, "c" * 250, "quote-cluster-" + "d" * 300):
        assert len(f"{page_name(identifier)}.html".encode()) <= 255
    assert page_name("c" * 250) != page_name("c" * 251)
    assert page_name("000_68b95635092649cd") == "000_68b95635092649cd"  # ordinary ids keep their names


def test_render_draws_an_article_named_by_the_longest_file_name(tmp_path, capsys):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(ROOT / "dataset" / "raw" / "000_68b95635092649cd.txt", raw / f"{LONGEST}.txt")
    assert main(["extract", str(raw), "--out", str(tmp_path / "silver")]) == 0
    assert main(["validate", str(tmp_path / "silver")]) == 0
    assert main(["render", str(tmp_path / "silver"), "--out", str(tmp_path / "site")]) == 0, capsys.readouterr().err
    assert (tmp_path / "site" / "articles" / f"{page_name(LONGEST)}.html").is_file()


def test_an_id_spelled_as_another_ids_page_name_gets_a_page_of_its_own():
    """`001_a b` was drawn as `001_a_b-65084212.html`; an article whose raw file was named
    `001_a_b-65084212.txt` kept that name as its own, and render wrote both articles to one page
    (45 pages, exit 0, one article's page lost)."""
    cleaned = page_name("001_a b")
    assert page_name(cleaned) != cleaned
    names = {page_name(i) for i in ("001_a b", cleaned, "001_a?b", page_name("001_a?b"), "001_a_b")}
    assert len(names) == 5


def test_render_writes_one_page_per_article_whatever_their_names(tmp_path, capsys):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(ROOT / "dataset" / "raw" / "000_68b95635092649cd.txt", raw / "001_a b.txt")
    shutil.copy(ROOT / "dataset" / "raw" / "001_f1f49e9dc8ada067.txt", raw / f"{page_name('001_a b')}.txt")
    assert main(["extract", str(raw), "--out", str(tmp_path / "silver")]) == 0
    assert main(["render", str(tmp_path / "silver"), "--out", str(tmp_path / "site")]) == 0, capsys.readouterr().err
    assert len(list((tmp_path / "site" / "articles").glob("*.html"))) == 2
