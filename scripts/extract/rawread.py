"""Reading a raw file as the inventory saw it: never blocking, never holding more than it counted.

The inventory stats every file before any is read, and a chunk reads it later (a group at a time,
`chunk.read_ahead`); in between the file can be replaced. So the read repeats the inventory's
checks on the opened file itself: opened without blocking (a FIFO with no writer would wait
forever) and `fstat`ed (a FIFO, a device such as /dev/zero, a directory is no article), it reads at
most one byte past the size the inventory counted (a file grown to 200 MB, or endless, costs
nothing), and a file of another size, or of the size but other bytes than the inventory hashed,
is refused: a text it never compared could duplicate a kept article's (validate rejects two
articles with one sha256).
"""

from __future__ import annotations

import hashlib
import os
import stat
from typing import NamedTuple

from landstrikes.schema.report import counted

OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


class Expected(NamedTuple):
    size: int
    sha256: str | None
    """Known when the inventory hashed the file (it shared its size with another)."""


class NotAsInventoried(Exception):
    """The file is not what the inventory examined: a failure row's check id and reason."""

    def __init__(self, check: str, reason: str):
        super().__init__(f"{check}: {reason}")
        self.check, self.reason = check, reason


def read_raw(path: str, expected: Expected | None, limit: int) -> bytes:
    """The file's bytes; NotAsInventoried if it is no regular file, or not the size (and bytes)
    the inventory saw; OSError if it cannot be opened. Reads at most `limit` + 1 bytes when
    nothing is expected."""
    fd = os.open(path, OPEN_FLAGS)
    try:
        info = os.fstat(fd)
    except BaseException:
        os.close(fd)
        raise
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        what = "is a directory" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise NotAsInventoried("extract-not-a-file", f"{what} (no longer the file the inventory saw)")
    cap = expected.size if expected else min(info.st_size, limit)  # (a buffer of `limit` per file costs)
    try:
        data = read_up_to(fd, cap + 1)
        if expected is None and len(data) > cap < limit:  # grown since the fstat: up to the limit
            data += read_up_to(fd, limit - cap)
    finally:
        os.close(fd)
    if expected is None:
        return data
    if len(data) != expected.size:
        now = f"more than {expected.size:,}" if len(data) > expected.size else f"{len(data):,}"
        raise NotAsInventoried("extract-changed", f"changed since the inventory ({counted(expected.size, 'byte', spec=',')} then, {now} now)")
    if expected.sha256 is not None and hashlib.sha256(data).hexdigest() != expected.sha256:
        raise NotAsInventoried("extract-changed", "changed since the inventory (same size, other bytes)")
    return data


def read_up_to(fd: int, n: int) -> bytes:
    """At most n bytes from fd, fewer only at the end of the file: what `open(fd, "rb").read(n)`
    returns, without a buffered file object per file (about 5 us of a file's 7-12; the inventory
    and the chunk both read a file that shares its size, docs/notes/extract-outside6.md). A
    short read is followed by more reads (tests/test_extract_outside6.py)."""
    data = os.read(fd, n)
    if len(data) == n or not data:
        return data
    parts = [data]
    n -= len(data)
    while n:
        more = os.read(fd, n)
        if not more:
            break
        parts.append(more)
        n -= len(more)
    return b"".join(parts)
