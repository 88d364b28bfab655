"""A folder reached through the descriptor it was opened on, whatever its path leads to later.

A writer checks by path that the folder it locked and staged in is still where its path leads
(`places.still_in_place`), then swaps its staging folder in. Done by path, the swap went wherever
the path led after the check: a folder replaced in between had its entries exchanged at the new
place (attack63's left window). On Linux, `/proc/self/fd/N` is the folder open on descriptor N
itself (the kernel follows the descriptor, not a name), so a path under it reaches the folder
opened and verified once, and the swap's own code (journal, digests, exchange, clean-up) stays
as it is (attack69). Where /proc is not mounted the folder's own path is used, as before.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

PROC_FD = Path("/proc/self/fd")


@contextmanager
def anchored(folder: Path) -> Iterator[tuple[os.stat_result, Path]]:
    """Open `folder` (a folder, followed as its path leads now) and yield what it is (for the identity
    checks) and a path that reaches that very folder while the block runs."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        through = PROC_FD / str(fd)
        yield os.fstat(fd), (through if _reaches(through, fd) else Path(folder))
    finally:
        os.close(fd)


def _reaches(through: Path, fd: int) -> bool:
    try:
        here, there = os.stat(through), os.fstat(fd)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def spoken(filename, through: Path, folder: Path):
    """An error's file name as the user knows it: `folder` for the descriptor's path `through`."""
    if isinstance(filename, str) and (filename == str(through) or filename.startswith(f"{through}/")):
        return str(folder) + filename[len(str(through)):]
    return filename
