"""A folder reached through the descriptor it was opened on, whatever its path leads to later.

A writer checks by path that the folder it locked and staged in is still where its path leads
(`places.still_in_place`), then swaps its staging folder in. Done by path, the swap went wherever
the path led after the check: a folder replaced in between had its entries exchanged at the new
place (attack63's left window). On Linux, `/proc/PID/fd/N` is the folder open on descriptor N
itself (the kernel follows the descriptor, not a name), so a path under it reaches the folder
opened and verified once, and the swap's own code (journal, digests, exchange, clean-up) and the
`--out` writers' own code stay as they are (attack69). Where /proc is not mounted the folder's own
path is used, as before.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


@contextmanager
def anchored(folder: Path) -> Iterator[tuple[os.stat_result, Path]]:
    """Open `folder` (a folder, followed as its path leads now) and yield what it is (for the identity
    checks) and a path that reaches that very folder while the block runs."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        yield os.fstat(fd), through_descriptor(fd) or Path(folder)
    finally:
        os.close(fd)


def through_descriptor(fd: int) -> Path | None:
    """A path that reaches the folder open on `fd` in this process (None where /proc cannot tell):
    `/proc/PID/fd/N`, this process's own id, so that a worker it forks (whose descriptor N may be
    another file, or none) reaches the same folder as long as this process holds it open."""
    through = Path(f"/proc/{os.getpid()}/fd/{fd}")
    try:
        here, there = os.stat(through), os.fstat(fd)
    except OSError:
        return None
    return through if (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino) else None


def spoken(filename, through: Path, folder: Path):
    """An error's file name as the user knows it: `folder` for the descriptor's path `through`."""
    if isinstance(filename, str) and (filename == str(through) or filename.startswith(f"{through}/")):
        return str(folder) + filename[len(str(through)):]
    return filename
