"""Temporary folders a killed run leaves behind are removed by the next run, and only those.

`build --check` builds into `$TMPDIR/landstrikes-build-check-*` and `publish` stages its copy of a
release in `.publish-*` beside `--out` (or `$TMPDIR/landstrikes-publish-*`); `kill -9` skips the
`finally` that removes them, and each killed run left one (a whole release copy for publish).
A folder made here is proven ours and dead before anyone removes it:
- ours: its name is the prefix and mkdtemp's 8 random characters, and it holds the owner file
  (a regular file, never followed through a link);
- dead: its creator holds an exclusive `flock` on the owner file from before the file has its
  name (locked as `.new`, then renamed) until it ends. The kernel lets that lock go when the
  process ends, however it ends, so a later run that can take it knows no process is using the
  folder (no pid to reuse, no clock to trust). The file is opened for writing: NFS emulates
  `flock` with byte-range locks, which need it.
A live run's folder is never taken (its lock is held), nor a folder of that name without the
owner file (someone's own), nor any folder where the file system refuses locks (the creator then
leaves it unclaimed). A run killed between creating its owner file and renaming it leaves the
`.new` file unlocked: that folder is removed once the file is a minute old.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import stat
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

OWNER = ".landstrikes-temporary"
"""The owner file: locked by its run from before it has this name until the run ends."""
CLAIM_GRACE = 60.0
"""Seconds after which an unlocked, never renamed owner file (`.new`) is a dead run's."""


@contextmanager
def owned_temporary_folder(prefix: str, parent: Path | None = None) -> Iterator[Path]:
    """A new folder `parent/prefix<random>` (parent: the temporary folder) removed on leaving,
    after removing the folders of the same prefix that dead runs left there."""
    parent = Path(parent) if parent is not None else temporary_parent()
    remove_dead_leftovers(parent, prefix)
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    lock = None
    try:
        lock = _claim(folder)
        yield folder
    except OSError as exc:  # a write the disk refused names no file: it was here, not in the input (attack46)
        from landstrikes.errors import refused_write_errno

        code = refused_write_errno(exc)
        if code is not None and exc.filename is None and not isinstance(exc, shutil.Error):  # (its list names the files)
            raise OSError(code, os.strerror(code), str(folder)) from exc
        raise
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        if lock is not None:
            os.close(lock)  # after the removal: a cleaner never finds the folder unlocked while it is ours


def temporary_parent() -> Path:
    """The temporary folder, refused in a protected place (a release, a dataset's data, raw or
    annotations): with TMPDIR inside the release it published, `publish` wrote its copy there,
    copying the copy into itself until the path grew too long (attack20). Judged from the
    variables tempfile reads, in its order, before `gettempdir()` writes its probe file there."""
    from landstrikes.errors import BuildError
    from landstrikes.safety.places import protected_place

    for name in ("TMPDIR", "TEMP", "TMP"):
        value = os.environ.get(name)
        protected = protected_place(Path(value)) if value else None
        if protected:
            raise BuildError(value, f"{protected}; the temporary folder ({name}) may not be there: set {name} to a "
                             "folder outside it", check="protected-output")
    return Path(tempfile.gettempdir())


def _claim(folder: Path) -> int | None:
    """Lock the owner file, then give it its name (a cleaner never sees it unlocked while we run).
    Where the file system has no locks the folder is left unclaimed: kept by every cleaner."""
    pending = folder / (OWNER + ".new")
    fd = os.open(pending, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)  # written: NFS locks need it
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # a file nobody else knows yet: never blocks
    except OSError:
        os.close(fd)
        return None
    os.write(fd, f"landstrikes pid {os.getpid()}\n".encode("ascii"))
    os.rename(pending, folder / OWNER)
    return fd


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


def dead_owners_lock(path: Path) -> int | None:
    """An open fd holding the lock of `path`, a regular file (never followed through a link),
    when no process holds it: the run that locked it is gone. None otherwise (held, missing,
    not a regular file, no locks on this file system). The caller closes the fd."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        if stat.S_ISREG(os.fstat(fd).st_mode):
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # held: a live run's
            return fd
    except OSError:
        pass
    os.close(fd)
    return None


def _dead_claim(folder: Path) -> int | None:
    """The lock of an owner file killed before it was renamed (`.new`), if free and the file is
    older than CLAIM_GRACE: its creator locks it one system call after creating it."""
    fd = dead_owners_lock(folder / (OWNER + ".new"))
    if fd is not None and time.time() - os.fstat(fd).st_mtime < CLAIM_GRACE:
        os.close(fd)  # perhaps a run between creating and locking it
        return None
    return fd


def _remove_if_dead(folder: Path) -> bool:
    try:
        if not stat.S_ISDIR(os.lstat(folder).st_mode):
            return False  # a symbolic link or a file of that name: not followed, not ours
    except OSError:
        return False
    fd = dead_owners_lock(folder / OWNER)
    if fd is None:
        fd = _dead_claim(folder)
    if fd is None:
        return False  # no owner file (not proven ours), or its run is alive
    try:
        if not stat.S_ISDIR(os.lstat(folder).st_mode):
            return False  # replaced since
        shutil.rmtree(folder, ignore_errors=True)
        return not os.path.lexists(folder)
    except OSError:
        return False
    finally:
        os.close(fd)
