"""A file the package reads back by path (the documents `stats` fills in, stats.json, the figures,
an `--out` folder's marker) is read only when it is a regular file. A FIFO planted at any of them
blocked `stats`, `render` and `export-schemas` for good, and a link to /dev/zero read until memory
ran out (attack18)."""

from __future__ import annotations

import errno
import os
import stat
from contextlib import contextmanager
from pathlib import Path


class NotARegularFile(OSError):
    """The path is a FIFO, device, socket or folder: an OSError naming it, so every command's last
    guard reports it as one `[unusable-path]` line."""


@contextmanager
def open_regular(path: Path):
    """`path` opened for reading in binary, without blocking (a FIFO is never waited on), only when
    the opened file is a regular file, or NotARegularFile."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotARegularFile(errno.EINVAL, "not a regular file (a FIFO, device, socket or folder); "
                                  "remove it or pass another path", str(path))
        with os.fdopen(os.dup(fd), "rb") as handle:
            yield handle
    finally:
        os.close(fd)


def read_regular(path: Path) -> bytes:
    """The bytes of `path` (see open_regular)."""
    with open_regular(path) as handle:
        return handle.read()


def read_regular_text(path: Path) -> str:
    """`read_regular` decoded as UTF-8 (UnicodeDecodeError, a ValueError, when it is not)."""
    return read_regular(path).decode("utf-8")
