"""The word-list cache keeps its three most recently used files and removes only its own (attack39).

Each package, Python or builder change gives the cache a new key and a new file of about 7 MB
(`wordlists-<key>.json`); nothing removed the old ones (10 files, 69 MB in one user's cache), and
temporaries of versions before attack34 (`.wordlists-XXXXXXXX`) were never matched. A new file's
write now removes the cache's files beyond the KEPT most recently used (a read marks a file used),
and those old temporaries once an hour old; a file is the cache's only by its name, a regular file
of this user (never a link) and the bytes `_write` opens with; one process cleans at a time.
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

import pytest

from landstrikes.extract import listcache
from landstrikes.extract.listcache import CACHE_ENV, cached_lists

KEPT = 3
WRITTEN = '{"words": {"frozenset": ["a", "b"]}}'


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    folder.mkdir()
    monkeypatch.setenv(CACHE_ENV, str(folder))
    return folder


def _version(tmp_path: Path, n: int) -> Path:
    """A builder module of its own bytes: another cache key, as another package version gives."""
    source = tmp_path / f"builder{n}.py"
    source.write_text(f"# version {n}\n", encoding="utf-8")
    return source


def _cache_of(tmp_path: Path, n: int, age_hours: float) -> str:
    """The cache file of version n, as an earlier run wrote it, last used age_hours ago."""
    name = f"wordlists-{n:020x}.json"
    path = Path(os.environ[CACHE_ENV]) / name
    path.write_text(WRITTEN, encoding="utf-8")
    stamp = time.time() - age_hours * 3600
    os.utime(path, (stamp, stamp))
    return name


def _written_now(tmp_path: Path) -> str:
    """A run of a new version: it builds the lists and writes its own cache file."""
    before = set(os.listdir(os.environ[CACHE_ENV]))
    cached_lists({"words": lambda: frozenset({"a", "b"})}, (), _version(tmp_path, 99))
    (name,) = {n for n in os.listdir(os.environ[CACHE_ENV]) if n.startswith("wordlists-")} - before
    return name


def test_old_cache_files_beyond_the_most_recent_go_and_what_is_not_ours_stays(cache, tmp_path):
    names = [_cache_of(tmp_path, n, age_hours=10 - n) for n in range(5)]  # names[4] the most recent
    foreign = {
        "wordlists-0123456789abcdef0123.json": b"my own notes, named like a cache file\n",
        "notes.txt": b"mine\n",
    }
    for name, data in foreign.items():
        (cache / name).write_bytes(data)
    (cache / "wordlists-aaaaaaaaaaaaaaaaaaaa.json").symlink_to(cache / names[0])  # a link: never removed
    new = _written_now(tmp_path)
    left = set(os.listdir(cache))
    assert {new, *names[-(KEPT - 1):]} <= left  # the new one and the two most recently used
    assert not set(names[: 5 - (KEPT - 1)]) & left
    assert all((cache / name).read_bytes() == data for name, data in foreign.items())
    assert (cache / "wordlists-aaaaaaaaaaaaaaaaaaaa.json").is_symlink()


def test_a_cache_file_read_is_kept_as_recently_used(cache, tmp_path):
    names = [_cache_of(tmp_path, n, age_hours=10 - n) for n in range(4)]
    reused = _written_now(tmp_path)  # written by version 99, then read again by its next run: used now
    os.utime(Path(os.environ[CACHE_ENV]) / reused, (time.time() - 86400, time.time() - 86400))
    cached_lists({"words": lambda: frozenset({"x"})}, (), _version(tmp_path, 99))
    (tmp_path / "builder98.py").write_text("# version 98\n", encoding="utf-8")
    before = set(os.listdir(cache))
    cached_lists({"words": lambda: frozenset({"a"})}, (), tmp_path / "builder98.py")
    (new,) = set(os.listdir(cache)) - before
    assert set(os.listdir(cache)) == {new, reused, names[3]}


def test_an_old_version_s_killed_temporary_goes_once_an_hour_old(cache, tmp_path):
    written = b'{"words": {"frozenset": ["a"'  # killed mid-write by a version before attack34
    old, fresh = cache / ".wordlists-ab12cd34", cache / ".wordlists-ef56gh78"
    old.write_bytes(written)
    fresh.write_bytes(written)
    two_hours_ago = time.time() - 7200
    os.utime(old, (two_hours_ago, two_hours_ago))
    new = _written_now(tmp_path)
    assert set(os.listdir(cache)) == {new, fresh.name}


def test_one_process_cleans_at_a_time(cache, tmp_path):
    names = [_cache_of(tmp_path, n, age_hours=10 - n) for n in range(5)]
    fd = os.open(cache, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # another process is cleaning
        assert listcache.remove_old_caches(cache, keep=cache / names[4]) == []
    finally:
        os.close(fd)
    assert set(names) <= set(os.listdir(cache))
    assert len(listcache.remove_old_caches(cache, keep=cache / names[4])) == 5 - KEPT
    assert listcache.KEPT == KEPT
