"""The extractor's word-list cache is never written into a release or a dataset's parts, wherever
`$LANDSTRIKES_CACHE_DIR` points: a `wordlists-*.json` there is a file the release's MANIFEST does
not list (`verify` fails it) or a stray entry among the tables `build` swaps whole (attack32's
open item). Elsewhere the variable is taken as given."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from landstrikes.extract.listcache import CACHE_ENV, cached_lists


def _release(root: Path) -> Path:
    folder = root / "releases" / "9.9.9"
    (folder / "data").mkdir(parents=True)
    (folder / "MANIFEST.json").write_text(json.dumps({"files": {}}), encoding="utf-8")
    return folder


def _dataset(root: Path) -> Path:
    for part in ("raw", "annotations", "data", "releases"):
        (root / "dataset" / part).mkdir(parents=True)
    return root / "dataset"


PLACES = {
    "a release": lambda root: _release(root),
    "a release's data": lambda root: _release(root) / "data" / "cache",
    "a dataset's data": lambda root: _dataset(root) / "data" / "cache",
    "a dataset's annotations": lambda root: _dataset(root) / "annotations",
    "a dataset's releases": lambda root: _dataset(root) / "releases" / "cache",
}


@pytest.mark.parametrize("place", sorted(PLACES))
def test_a_cache_folder_in_a_protected_place_is_never_written(monkeypatch, tmp_path, place):
    folder = PLACES[place](tmp_path)
    monkeypatch.setenv(CACHE_ENV, str(folder))
    before = sorted(str(p) for p in tmp_path.rglob("*"))
    lists = cached_lists({"words": lambda: frozenset({"a", "b"})}, (), Path(__file__))
    assert lists == {"words": frozenset({"a", "b"})}
    assert sorted(str(p) for p in tmp_path.rglob("*")) == before


def test_a_link_into_a_release_is_seen_for_what_it_is(monkeypatch, tmp_path):
    release = _release(tmp_path)
    (tmp_path / "cache").symlink_to(release)
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    cached_lists({"words": lambda: frozenset({"a"})}, (), Path(__file__))
    assert sorted(p.name for p in release.iterdir()) == ["MANIFEST.json", "data"]


def test_a_cache_folder_anywhere_else_is_written(monkeypatch, tmp_path):
    _dataset(tmp_path)
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "elsewhere"))
    cached_lists({"words": lambda: frozenset({"a"})}, (), Path(__file__))
    assert len(list((tmp_path / "elsewhere").glob("wordlists-*.json"))) == 1
