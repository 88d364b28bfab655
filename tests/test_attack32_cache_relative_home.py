"""attack32: the word-list cache never lands in the current folder through a relative HOME.

attack24 made `listcache.cache_dir` ignore a relative XDG_CACHE_HOME, which had put
`wordlists-*.json` into whatever folder `extract` ran from; the fallback, `~/.cache`, is as
relative when HOME is (`HOME=.`, `HOME=home`): `extract` run from inside a release wrote
`.cache/landstrikes/wordlists-*.json` into it, and `verify` then failed the release
(`unlisted-file`). A relative HOME names no home folder: the lists are built, nothing cached."""

from __future__ import annotations

from pathlib import Path

import pytest

from landstrikes.extract.listcache import CACHE_ENV, cached_lists


@pytest.mark.parametrize("home", [".", "home", "./x", "../up"])
def test_a_relative_home_writes_no_cache_into_the_current_folder(monkeypatch, tmp_path, home):
    here = tmp_path / "release"
    here.mkdir()
    monkeypatch.chdir(here)
    monkeypatch.delenv(CACHE_ENV, raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", home)
    lists = cached_lists({"words": lambda: frozenset({"a", "b"})}, (), Path(__file__))
    assert lists == {"words": frozenset({"a", "b"})}
    assert list(here.iterdir()) == []
    assert [p for p in tmp_path.rglob("*") if p.name.startswith("wordlists-")] == []


def test_an_absolute_home_still_caches(monkeypatch, tmp_path):
    monkeypatch.delenv(CACHE_ENV, raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    cached_lists({"words": lambda: frozenset({"a"})}, (), Path(__file__))
    assert len(list((tmp_path / "home" / ".cache" / "landstrikes").glob("wordlists-*.json"))) == 1
