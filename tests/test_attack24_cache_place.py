"""The extractor's word-list cache never lands in the current folder (attack24): a relative
XDG_CACHE_HOME, which the XDG spec says to ignore, had put `rel/landstrikes/wordlists-*.json`
into whatever folder `extract` ran from (a release: verify then fails on the folder; a table
folder)."""

from __future__ import annotations

from pathlib import Path

import pytest

from landstrikes.extract.listcache import CACHE_ENV, cache_dir


@pytest.mark.parametrize("value", ["rel", ".cache", "./x", "../up"])
def test_a_relative_xdg_cache_home_is_ignored(monkeypatch, tmp_path, value):
    monkeypatch.delenv(CACHE_ENV, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", value)
    assert cache_dir() == tmp_path / "home" / ".cache" / "landstrikes"


def test_an_absolute_xdg_cache_home_is_used(monkeypatch, tmp_path):
    monkeypatch.delenv(CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == Path(tmp_path / "xdg" / "landstrikes")
