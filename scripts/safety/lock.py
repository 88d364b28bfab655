"""Exclusive locks for commands that write: one writer per dataset folder or output parent.

`fcntl.flock` locks belong to the open file: the kernel releases them when the process ends,
however it ends, so a killed build never leaves a stale lock. The lock file is never deleted
(deleting it would let two processes lock two different files of the same name).
"""

from __future__ import annotations

import errno
import fcntl
import os
import stat
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from landstrikes.errors import BuildError

POLL_SECONDS = 0.1


class LockHeld(BuildError):
    """Another process holds the lock; exit 2 with the lock file and the holder's pid."""


def holder_pid(lock_path: Path) -> str:
    try:
        return lock_path.read_text(encoding="ascii", errors="replace").strip() or "unknown"
    except OSError:
        return "unknown"


@contextmanager
def exclusive(lock_path: Path, wait: float = 0.0, what: str = "landstrikes build") -> Iterator[None]:
    """Hold lock_path exclusively; refuse at once (or after `wait` seconds) if another process has it."""
    try:
        # never through a symbolic link, even one planted after a caller's check (the pid written
        # below would truncate whatever it names: a raw article, the changelog)
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise BuildError(lock_path, "the lock file is a symbolic link; remove it (the command creates its own)",
                             check="lock-file-not-a-file") from exc
        raise BuildError(lock_path, f"cannot create the lock file: {exc.strerror}") from exc
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise BuildError(lock_path, "the lock file is not a regular file; remove it (the command creates its own)",
                         check="lock-file-not-a-file")
    try:
        deadline, told = time.monotonic() + max(wait, 0.0), False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LockHeld(lock_path, f"locked by another {what} (pid {holder_pid(lock_path)}); "
                                   "retry when it has finished, or pass --wait SECONDS") from None
                if not told:
                    print(f"waiting for {lock_path} (held by pid {holder_pid(lock_path)})", file=sys.stderr, flush=True)
                    told = True
                time.sleep(POLL_SECONDS)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        yield
    finally:
        os.close(fd)


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Lock a folder itself (no lock file is left behind): writers into it take turns."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)
