"""Commands that read a dataset's tables hold its lock shared while they read.

A build or release swaps `data/` in whole, but a reader opens the table files one by one: without
a lock, a reader running across a swap could check a mix of the old and new tables (attack5).
The lock is an flock on the dataset's `raw/` folder, the one folder every build reads and never
replaces: readers hold it shared, build and release exclusively (beside their lock file). No file
is created, so a reader changes nothing in what it reads and needs no write permission.
Only a dataset folder, one a build can write (it has `raw/` and `annotations/`), is locked: a
release folder is immutable. An extract `--out` folder is not covered: extract holds its
parent's lock for its whole run (hours on an archive), so a reader of an earlier output while a
new extraction into the same `--out` swaps it in can still read a mix (README, "Guarantees").
"""

from __future__ import annotations

import fcntl
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Iterator

from landstrikes.safety.lock import READ_WAIT_SECONDS, READERS, on_folder


def dataset_folder_of(path: Path) -> Path | None:
    """The dataset folder whose tables `path` names (the folder itself, or the parent of its
    `data/`), or None when `path` is not in a folder a build writes. The path is resolved first:
    `.` inside `data/`, `data/quotes/..` or a symbolic link to `data/` name it too (attack6)."""
    try:
        path = Path(path).resolve()
    except (OSError, RuntimeError):  # a symlink loop names no dataset (the command refuses it itself)
        return None
    for folder in (path, path.parent if path.name == "data" else None):
        if folder is not None and (folder / "raw").is_dir() and (folder / "annotations").is_dir():
            return folder
    return None


@contextmanager
def reading(*paths: Path, wait: float = READ_WAIT_SECONDS) -> Iterator[None]:
    """Hold the shared lock of every dataset folder among `paths` (each once) while the block reads."""
    folders = sorted({f for f in map(dataset_folder_of, paths) if f is not None})  # resolved: each folder once
    with ExitStack() as stack:
        for folder in folders:
            stack.enter_context(on_folder(
                folder / "raw", fcntl.LOCK_SH, wait,
                lambda folder=folder: f"a landstrikes build or release is writing {folder} and did not finish "
                                            f"within {wait:g} s; retry when it has finished, or pass --wait SECONDS"))
        yield


@contextmanager
def writing(dataset_dir: Path, wait: float) -> Iterator[None]:
    """A writer's side of the same lock: exclusive, refused while readers hold it past `wait`."""
    raw = Path(dataset_dir) / "raw"
    if not raw.is_dir():  # nothing to build from: the build names the missing folder itself
        yield
        return
    with on_folder(raw, fcntl.LOCK_EX, wait,
                   lambda: f"{dataset_dir} is being read ({READERS}); retry when they have finished, "
                                "or pass --wait SECONDS"):
        yield
