"""How many threads `validate` runs on: one per core for a large corpus, the calling thread alone
for a small one.

The work is Arrow, numpy and the text scanners, which release the GIL, so a large corpus gains
from a thread per core. A small one does not: its ~90 checks are each a few milliseconds, and
handing them between threads that contend for the GIL cost more than it saved. Validate of the
gold (5 articles, 177 KB of Parquet) took 0.27 CPU-s and 0.23 s of wall on two threads, 0.15 CPU-s
and 0.15 s run inline; every `validate --engine` partition, each test's copy of the gold and a
downstream team's CI validating the release are that size (session 26, docs/notes/cispeed6.md).
"""

from __future__ import annotations

import os
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

INLINE_BYTES = 1 << 20
"""A corpus whose table files hold at most this many bytes is validated on the calling thread."""


def corpus_bytes(root: Path, table_names) -> int:
    """The bytes of the files in the table folders under `root`, a symbolic link to a file counted as
    the file (a size is read without opening anything, so a FIFO never blocks); what is no regular
    file or cannot be read counts 0 (the reading step names it)."""
    total = 0
    for name in table_names:
        try:
            with os.scandir(root / name) as entries:
                for entry in entries:
                    try:
                        if entry.is_file():
                            total += entry.stat().st_size
                    except OSError:
                        continue
        except OSError:
            continue
    return total


def workers_for(size: int) -> int:
    """Threads for a corpus of `size` bytes of table files: 1 up to INLINE_BYTES, else one per core."""
    return 1 if size <= INLINE_BYTES else (os.cpu_count() or 1)


def executor(workers: int):
    """A thread pool of `workers`, or for one worker the calling thread itself (`Inline`)."""
    return Inline() if workers <= 1 else ThreadPoolExecutor(max_workers=workers)


class Inline:
    """The part of ThreadPoolExecutor validate uses, run on the calling thread: `map` in order,
    `submit` at once, its exception kept in the future as a pool keeps it (KeyboardInterrupt and
    the like are not kept: they stop the run at once, as they would the pool's caller)."""

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        return None

    def map(self, function, items):
        return [function(item) for item in items]

    def submit(self, function, *args) -> Future:
        future = Future()
        try:
            future.set_result(function(*args))
        except Exception as exc:  # noqa: BLE001 (kept for .result(), as the pool keeps it)
            future.set_exception(exc)
        return future
