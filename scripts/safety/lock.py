"""Locks: one writer per dataset folder or output parent; readers of a dataset share theirs.

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

from landstrikes.errors import BuildError, visible

POLL_SECONDS = 0.1
DATASET_LOCK_FILE = ".landstrikes.lock"
READ_WAIT_SECONDS = 120.0
"""How long a reader waits for a running build or release by default (the gold's takes seconds)."""
READERS = "validate, render, stats, evaluate, diff"


class LockHeld(BuildError):
    """Another process holds the lock; exit 2 with the lock file and the holder's pid."""

    def __init__(self, lock_path, reason: str):
        super().__init__(lock_path, reason, check="dataset-locked")


def holder_pid(lock_path: Path) -> str:
    """The pid the writer holding the lock wrote, or "unknown" (a reader writes none; a writer
    clears its own when it lets go, and a pid whose process is gone is not named)."""
    try:
        text = lock_path.read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return "unknown"
    if not (text.isdigit() and len(text) <= 10):  # a pid is a C int; int() refuses 4,300 digits (attack17)
        return "unknown"
    try:
        os.kill(int(text), 0)
    except (ProcessLookupError, OverflowError):  # no such process, or no pid a process can have
        return "unknown"
    except PermissionError:
        pass
    return text


def _open_lock_file(lock_path: Path, flags: int) -> int:
    """Open the lock file, never through a symbolic link, even one planted after a caller's check
    (a writer's pid written through it would truncate whatever it names: a raw article, the
    changelog), and only a regular file: anything else there is `lock-file-not-a-file`."""
    try:
        fd = os.open(lock_path, flags | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK, 0o644)  # a FIFO never blocks the open
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise BuildError(lock_path, "the lock file is a symbolic link; remove it (the command creates its own)",
                             check="lock-file-not-a-file") from exc
        if os.path.lexists(lock_path) and not stat.S_ISREG(os.lstat(lock_path).st_mode):  # a folder, a socket
            raise _not_a_file(lock_path) from exc
        raise
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise _not_a_file(lock_path)
    return fd


def _not_a_file(lock_path: Path) -> BuildError:
    return BuildError(lock_path, "the lock file is not a regular file; remove it (the command creates its own)",
                      check="lock-file-not-a-file")


def _acquire(fd: int, lock_path: Path, mode: int, wait: float, refusal, holder) -> None:
    """flock `mode` on fd, polling up to `wait` seconds (telling once who `holder()` says has it);
    LockHeld with `refusal()` after that."""
    deadline, told = time.monotonic() + max(wait, 0.0), False
    while True:
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise LockHeld(lock_path, refusal()) from None
            if not told:
                print(visible(f"waiting for the lock on {lock_path} ({holder()})"), file=sys.stderr, flush=True)
                told = True
            time.sleep(POLL_SECONDS)


@contextmanager
def exclusive(lock_path: Path, wait: float = 0.0, what: str = "landstrikes build") -> Iterator[None]:
    """Hold lock_path exclusively; refuse at once (or after `wait` seconds) if another process has it.
    A lock path inside a release is refused before it is created: a release given as `--dataset`
    kept the lock file, an unlisted file, and no longer verified (attack18)."""
    from landstrikes.safety.places import protected_place

    protected = protected_place(lock_path.parent)  # the folder: a lock file that is a link is refused below
    if protected:
        raise BuildError(lock_path.parent, f"{protected}; a release is read, never built or released into",
                         check="protected-output")
    try:
        fd = _open_lock_file(lock_path, os.O_RDWR)
    except OSError as exc:
        raise BuildError(lock_path, f"cannot create the lock file: {exc.strerror}", check="unusable-path") from exc

    def refusal() -> str:
        pid = holder_pid(lock_path)
        if pid != "unknown" and _stopped(pid):  # (Ctrl-Z, SIGSTOP: it finishes only once continued; attack63)
            return f"locked by another {what} (pid {pid}), which is stopped: continue it (fg, kill -CONT {pid}) or end it, then retry"
        return f"locked by another {what}{f' (pid {pid})' if pid != 'unknown' else ''}; " \
               "retry when it has finished, or pass --wait SECONDS"

    try:
        _acquire(fd, lock_path, fcntl.LOCK_EX, wait, refusal, lambda: _held_by(holder_pid(lock_path)))
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        try:
            yield
        finally:
            os.ftruncate(fd, 0)  # a reader that finds the lock held must not be told of a writer long gone
    finally:
        os.close(fd)


@contextmanager
def on_folder(folder: Path, mode: int, wait: float, refusal) -> Iterator[None]:
    """flock `mode` (LOCK_SH or LOCK_EX) on a folder itself, waiting up to `wait` seconds: no file
    is created, so a reader changes nothing in what it reads (and needs no write permission).
    A folder holds no pid: whoever waits is told a build, release or reader has it."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        _acquire(fd, Path(folder), mode, wait, refusal, lambda: "a build, release or reader has it")
        yield
    finally:
        os.close(fd)


@contextmanager
def folder_lock(folder: Path) -> Iterator[int]:
    """Lock a folder itself (no lock file is left behind): writers into it take turns. One that
    must wait says so once, naming the holder where the system tells (Linux's /proc/locks) and
    whether it is stopped, then waits: a second `render --out site`, or any `--out` beside it, had
    waited without a word for as long as the first ran, for good behind one stopped with Ctrl-Z or
    SIGSTOP (attack63). A writer's turn may last hours (`extract` of a large corpus), so there is no
    time limit: Ctrl-C gives up, exit 130. Yields the folder's open descriptor: the folder locked,
    wherever it is moved. Only a folder is opened: one replaced by a FIFO after its `mkdir` had the
    open wait for a writer for good, and a file was locked as if it were the folder (attack69)."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(visible(f"waiting for {folder}: {flock_holder(fd)} is writing an output there; this run goes on "
                          "when it ends (Ctrl-C gives up)"), file=sys.stderr, flush=True)
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield fd
    finally:
        os.close(fd)


def flock_holder(fd: int) -> str:
    """Who holds a flock on the file `fd` is open on, in words: `another landstrikes run (pid N)`,
    `, stopped` when it is (Ctrl-Z, SIGSTOP: it holds the lock until it is continued or ended), or
    without a pid where the system does not list it."""
    info = os.fstat(fd)
    key = f"{os.major(info.st_dev):02x}:{os.minor(info.st_dev):02x}:{info.st_ino}"
    try:
        with open("/proc/locks", encoding="ascii", errors="replace") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return "another landstrikes run"
    pids = [fields[4] for fields in (line.split() for line in lines)
            if len(fields) > 5 and fields[1] == "FLOCK" and fields[5] == key and fields[4] != str(os.getpid())]
    if not pids or not pids[0].isdigit():
        return "another landstrikes run"
    return f"another landstrikes run (pid {pids[0]}{', stopped' if _stopped(pids[0]) else ''})"


def _held_by(pid: str) -> str:
    return f"held by pid {pid}" + (", stopped: it goes on only once continued (fg, kill -CONT)" if pid != "unknown" and _stopped(pid) else "")


def _stopped(pid: str) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            state = handle.read().rsplit(")", 1)[1].split()[0]  # (the name in parentheses may hold spaces)
    except (OSError, IndexError):
        return False
    return state in ("T", "t")
