"""A file replacement (stats' documents, --json reports, agreement --out, export-schemas, the
CHANGELOG, the word-list cache) only ever replaces a regular file, or makes a new one, whichever
name reaches it: a link to a device, FIFO or folder, or such a file itself, is an OSError and is
left as it was. Session 31: attack34's "write where the link points" let the word-list cache's
test link to /dev/zero rename a 7 MB JSON file over the machine's /dev/zero. Tested here on a FIFO
and a folder of the test's own, never on a device."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from landstrikes.extract.listcache import CACHE_ENV, cached_lists
from landstrikes.safety.replacefile import replace_text


def _special(tmp_path: Path, kind: str) -> Path:
    target = tmp_path / f"special-{kind}"
    if kind == "fifo":
        os.mkfifo(target)
    else:
        target.mkdir()
    return target


def _unchanged(target: Path, kind: str) -> bool:
    mode = os.lstat(target).st_mode
    return stat.S_ISFIFO(mode) if kind == "fifo" else stat.S_ISDIR(mode)


@pytest.mark.parametrize("kind", ["fifo", "folder"])
@pytest.mark.parametrize("through_link", [True, False], ids=["through-a-link", "itself"])
def test_a_special_file_is_never_replaced(tmp_path, kind, through_link):
    target = _special(tmp_path, kind)
    path = target
    if through_link:
        path = tmp_path / "report.json"
        path.symlink_to(target)
    with pytest.raises(OSError, match="not a regular file"):
        replace_text(path, "{}")
    assert _unchanged(target, kind)
    if through_link:
        assert path.is_symlink()
    assert not [p for p in tmp_path.iterdir() if "landstrikes-tmp" in p.name]


def test_a_link_to_a_regular_file_replaces_that_file_and_keeps_the_link(tmp_path):
    target = tmp_path / "docs" / "DATASHEET.src.md"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "DATASHEET.md"
    link.symlink_to(target)
    replace_text(link, "new")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "new"


def test_a_dangling_link_is_refused_and_makes_nothing(tmp_path):
    """attack39: it made the file it names, somewhere the user never named; every writer refuses a
    broken link now (tests/test_attack39_dangling_links.py)."""
    link = tmp_path / "report.json"
    link.symlink_to(tmp_path / "made.json")
    with pytest.raises(OSError, match="does not exist"):
        replace_text(link, "{}")
    assert link.is_symlink() and not (tmp_path / "made.json").exists()


def test_a_cache_file_linked_to_a_fifo_is_no_cache_and_the_fifo_stays(monkeypatch, tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    monkeypatch.setenv(CACHE_ENV, str(cache))
    fifo = _special(tmp_path, "fifo")
    lists = cached_lists({"words": lambda: frozenset({"a"})}, (), Path(__file__))
    written = next(cache.glob("wordlists-*.json"))
    written.unlink()
    written.symlink_to(fifo)
    assert cached_lists({"words": lambda: frozenset({"a"})}, (), Path(__file__)) == lists
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and written.is_symlink()
