"""Temporary folders a killed run leaves behind are removed by the next run, and only those.

`build --check` builds into `$TMPDIR/landstrikes-build-check-*` and `publish` stages its copy of a
release in `.publish-*` beside `--out` (or `$TMPDIR/landstrikes-publish-*`); `kill -9` skips the
`finally` that removes them, and each killed run left one (a whole release copy for publish).
A folder made here is proven ours and dead before anyone removes it:
- ours: its name is the prefix and mkdtemp's 8 random characters, and it holds the owner file,
  a regular file written only after the run took the lock below;
- dead: its creator holds an exclusive `flock` on the folder itself for as long as it runs. The
  kernel lets that lock go when the process ends, however it ends, so a later run that can take
  it knows no process is using the folder (no pid to reuse, no clock to trust).
A live run's folder is never taken (its lock is held), nor a folder of that name without the
owner file (someone's own, or a run killed in the microseconds before writing it: kept).
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

OWNER = ".landstrikes-temporary"
"""Written inside the folder once its creator holds the folder's lock."""


@contextmanager
def owned_temporary_folder(prefix: str, parent: Path | None = None) -> Iterator[Path]:
    """A new folder `parent/prefix<random>` (parent: the temporary folder) removed on leaving,
    after removing the folders of the same prefix that dead runs left there."""
    parent = Path(parent) if parent is not None else Path(tempfile.gettempdir())
    remove_dead_leftovers(parent, prefix)
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # a folder nobody else knows yet: never blocks
        owner = os.open(folder / OWNER, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        os.write(owner, f"landstrikes pid {os.getpid()}\n".encode("ascii"))
        os.close(owner)
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        os.close(fd)  # after the removal: a cleaner never sees the folder unlocked while it is ours


def remove_dead_leftovers(parent: Path, prefix: str) -> list[Path]:
    """Remove each `parent/prefix<random>` folder that is ours (the owner file) and whose run is
    gone (its lock is free); returns what was removed. Never raises: cleaning is a courtesy."""
    removed = []
    pattern = re.compile(re.escape(prefix) + r"[a-z0-9_]{8}")
    try:
        names = [entry.name for entry in os.scandir(parent) if pattern.fullmatch(entry.name)]
    except OSError:
        return removed
    for name in names:
        if _remove_if_dead(parent / name):
            removed.append(parent / name)
    return removed


def _remove_if_dead(folder: Path) -> bool:
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)  # a symlink of that name is not followed
    except OSError:
        return False
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False  # held: a live run's
        if not _owner_file_in(fd):
            return False
        if not os.path.samestat(os.fstat(fd), os.lstat(folder)):
            return False  # renamed or replaced since it was opened
        shutil.rmtree(folder, ignore_errors=True)
        return not os.path.lexists(folder)
    except OSError:
        return False
    finally:
        os.close(fd)


def _owner_file_in(fd: int) -> bool:
    try:
        info = os.stat(OWNER, dir_fd=fd, follow_symlinks=False)
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode)
