"""Places no output option may write into: releases, a dataset's sources and tables, and any folder
of tables (a copy of a release's `data/`, wherever it lies; attack50).

`--out`, `--json`, `agreement --out` and `release --changelog` take any path; a mistyped one
inside `dataset/releases/2.0.0` adds an unlisted file to an immutable release, one naming
`dataset/releases/9.9.9` makes a folder every reader takes for the newest release, and one under
`dataset/data` or `dataset/raw` mixes output into what `build` reads or replaces. Only `build`
and `release` write there, under their own lock.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from landstrikes.releases.folders import RELEASES

MANIFEST = "MANIFEST.json"
DATASET_PARTS = ("data", "raw", "annotations")
"""A dataset folder's parts that `build` reads or swaps whole."""


def _is_dataset(folder: Path) -> bool:
    """A folder laid out as a landstrikes dataset (sources, or tables beside releases)."""
    try:
        return ((folder / "raw").is_dir() and (folder / "annotations").is_dir()) or (
            (folder / "data").is_dir() and (folder / RELEASES).is_dir())
    except OSError:
        return False


def _holds_tables(folder: Path) -> bool:
    """A folder `validate` reads as a folder of tables: one of its folders is named as a table and
    holds a Parquet part (a release's `data/` copied out on its own, README's "your own edited copy",
    is no dataset to `_is_dataset`, and outputs had gone into it; attack50)."""
    from landstrikes.schema.registry import TABLES

    for spec in TABLES:
        try:
            with os.scandir(folder / spec.name) as entries:
                if any(e.name.endswith(".parquet") and not e.name.startswith(".") and e.is_file() for e in entries):
                    return True
        except OSError:
            continue
    return False


def protected_place(path: Path) -> str | None:
    """Why no output may be written at `path` (a file or folder to create), or None.

    A release is a folder holding MANIFEST.json and data/ (also a copy outside any dataset).
    The path is made absolute with its symbolic links resolved, so a link pointing into a release
    is seen for what it is. `~` is not expanded: no writer expands it, so `'~/x'` is written to a
    folder named `~` here, and that is the path to judge (attack18)."""
    try:
        target = Path(os.path.realpath(Path(path)))
    except (OSError, ValueError, RuntimeError):
        return None  # unusable paths are reported by the command that tries to write
    for folder in (target, *target.parents):
        try:
            if (folder / MANIFEST).is_file() and (folder / "data").is_dir():
                return f"is inside the release {folder}: releases are immutable"
        except OSError:
            continue
        part = _part_named(folder)
        if part == RELEASES and _is_dataset(folder.parent):
            return f"is inside {_spelt(folder, part)}, where only `landstrikes release` writes"
        if part in DATASET_PARTS and _is_dataset(folder.parent):
            return f"is inside {_spelt(folder, part)}, the dataset's {part}/ that `landstrikes build` reads or replaces"
        if _holds_tables(folder):
            return f"is inside {folder}, a folder of landstrikes tables that `validate` reads whole"
    return None


def _part_named(folder: Path) -> str | None:
    """Which of a dataset's parts (`data`, `raw`, `annotations`, `releases`) `folder` is, or None: by
    its name, or by being the same folder as its parent's part of that name, which a file system that
    folds case or Unicode (macOS, Windows, exFAT, ext4's casefold) gives another spelling of it
    (attack56: `--out dataset/Raw/site` wrote into raw/, `--json dataset/Releases/9.9.9/r.json` made
    a release folder 9.9.9, since only the name `raw` or `releases` was refused)."""
    if folder.name in (*DATASET_PARTS, RELEASES):
        return folder.name
    for name in (*DATASET_PARTS, RELEASES):
        try:
            if os.path.samefile(folder, folder.parent / name):
                return name
        except (OSError, ValueError):
            continue
    return None


def _spelt(folder: Path, part: str) -> str:
    """`folder`, and the part it is when its name spells it otherwise."""
    return str(folder) if folder.name == part else f"{folder} (the folder {folder.parent / part})"


def dangling_link(path: Path) -> Path | None:
    """The symbolic link on `path` (the path itself, or a folder above it, as the path names them)
    whose target does not exist, or None. A write there creates what the link names, a file or a
    chain of folders the user never named (attack39: `render --out LINK` made the folder a dangling
    LINK pointed at, `stats` a figure where a broken link pointed), so every writer refuses it."""
    try:
        path = Path(path) if os.path.isabs(path) else Path.cwd() / path  # `..` kept: the kernel reads it after a link
    except (OSError, ValueError):
        return None
    for each in (path, *path.parents):
        try:
            if os.path.islink(each) and not os.path.exists(each):
                return each
        except (OSError, ValueError):
            return None
    return None


def _loops(link: Path) -> bool:
    """Does resolving `link` run in a circle (ELOOP) rather than end at nothing?"""
    try:
        os.stat(link)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def dangling_reason(link: Path, path: Path | None = None) -> str:
    """How a refusal of `path` names the dangling `link` on it: where it points, and what to do."""
    try:
        target = os.readlink(link)
    except OSError:
        target = "?"
    itself = path is not None and os.path.abspath(path) == os.path.abspath(link)
    where = "is a symbolic link" if itself else f"goes through {link}, a symbolic link"
    if _loops(link):
        return f"{where} to {target} that loops back on itself: it cannot be resolved; pass a path that is not a link loop"
    return (f"{where} to {target}, which does not exist: a write would create it where the link points; create it, or "
            "pass a path that is not a broken link")


def still_in_place(folder: Path, home: os.stat_result, staging: Path, made: os.stat_result) -> bool:
    """Whether `folder` (followed) is still the folder `home` describes and `staging` (not followed)
    the one `made` describes: not moved, deleted or replaced (by a link to another folder) since a
    writer staged there. Writers write and swap by path, so after such a change their writes and
    swap went to the new place: `render --out P/site` exchanged a partial site with a user's own
    `E/site` when P became a link to E, `build` swapped its tables into another dataset's data/
    (attack63). Asked right before a swap; a change in the few system calls after is not caught."""
    try:
        now, here = os.stat(folder), os.lstat(staging)
    except OSError:
        return False
    return (now.st_dev, now.st_ino) == (home.st_dev, home.st_ino) and (here.st_dev, here.st_ino) == (made.st_dev, made.st_ino)
