"""Standard streams closed when a command starts (`>&-`, `2>&-`, a daemon or cron job without
them) read as /dev/null: what would be printed there is discarded and the command does its work.

Python sets such a stream to None, so a command that flushed or asked it anything ended
`[internal-error]` (exit 2, which promises nothing written) after writing its output, and an
error line fell through to stdout. Worse, the closed descriptor is the lowest free one, so the
next file the process opened took it: anything writing to fd 1 or 2 below Python (a C library,
a worker process inheriting it) would have written into that file (attack24).
"""

from __future__ import annotations

import os
import sys

STANDARD = ((0, "stdin", os.O_RDONLY, "r"), (1, "stdout", os.O_WRONLY, "w"), (2, "stderr", os.O_WRONLY, "w"))


def discard_closed_streams() -> None:
    """Open /dev/null on each of descriptors 0-2 that is not open, and give Python a stream for
    each that it set to None (on /dev/null: its descriptor may already belong to another file)."""
    for fd, name, flags, mode in STANDARD:
        if not _is_open(fd):
            null = os.open(os.devnull, flags)  # the lowest free descriptor: fd itself, 0..fd-1 being open
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, mode, encoding="utf-8", errors="backslashreplace"))


def _is_open(fd: int) -> bool:
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True
