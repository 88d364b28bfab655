"""Which partitions one validation task checks together.

A task validates a folder with the one-folder validator, and every task pays the same fixed cost
whatever its size: the imports are paid once per worker, but each task reads and checks the
shared tables (the whole `entities` catalogue, whose aliases every text is scanned for) and
builds its indexes again. One task per partition made that cost grow with partitions x catalogue:
2,575 real news texts took 5.6 CPU-s in 16 partitions, 19.9 in 52 and 80.7 in 258, against 1.4
for the same tables in one folder (and the catalogue grows with the corpus, so the total grew
faster than linearly). Whole partitions are therefore grouped, in index order, until a task holds
at least `max(TASK_BYTES, SHARED_SHARE x the shared tables' bytes)` of files: the shared work is
then at most about a third of a task, and the number of tasks grows with the corpus only as
`corpus / max(TASK_BYTES, shared)`. A group of whole partitions is still article-aligned, so its
findings are those of its partitions (the cross-article rules run corpus-wide, on the driver).
Groups never exceed `total / workers`, so every worker gets a task.
"""

from __future__ import annotations

from pathlib import Path

TASK_BYTES = 32 * 2**20
"""Parquet bytes on disk per task, at least (about 100 MB of tables in memory)."""
SHARED_SHARE = 2
"""A task holds at least this many times the shared tables' bytes."""


def task_bytes(shared_bytes: int, total_bytes: int, workers: int, floor: int = TASK_BYTES) -> int:
    """The bytes of partition files one task should hold (at least 1: one partition per task)."""
    wanted = max(floor, SHARED_SHARE * shared_bytes)
    return max(1, min(wanted, total_bytes // max(1, workers)))


def group(sizes: dict[str, int], target: int) -> list[list[str]]:
    """Partition indexes in order, cut into runs whose sizes reach `target` (the last may not)."""
    groups: list[list[str]] = []
    current: list[str] = []
    held = 0
    for index, size in sizes.items():
        current.append(index)
        held += size
        if held >= target:
            groups.append(current)
            current, held = [], 0
    if current:
        groups.append(current)
    return groups


def file_bytes(paths) -> int:
    return sum(Path(p).stat().st_size for p in paths)
