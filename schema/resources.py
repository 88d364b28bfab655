"""Failures of the process, not of the data: out of memory or threads (a batch system's address
space limit, `ulimit -v`). Such a failure judges nothing, so it is never a finding about a file:
validate had called a sound part "not a readable Parquet file" and a check that ran out of memory
`check-crashed` (INVALID), and verify called a release's part undecodable (FAILED) (attack24).
"""

from __future__ import annotations

import errno

THREAD_START_FAILED = ("can't start new thread", "Failed to launch worker thread")
"""What Python and Arrow say when the process may start no more threads."""
LOADER_OUT_OF_MEMORY = ("failed to map segment from shared object", "cannot allocate memory")
"""What the dynamic loader says (in an ImportError) when it cannot map a library into the
address space left: `libcrypto.so.3: failed to map segment from shared object` (attack25)."""


class OutOfResources(Exception):
    """The process ran out of memory or threads while reading or checking: nothing was judged."""

    check = "out-of-resources"

    def __init__(self, where: str, cause: BaseException):
        super().__init__(f"{where}: not judged: this process ran out of {exhausted(cause) or 'resources'} "
                         f"({type(cause).__name__}: {' '.join(str(cause).split())[:200]}); "
                         "give it more memory (ulimit -v, the batch system's limit) and run it again")

    def line(self) -> str:
        return f"[{self.check}] {self}"


def exhausted(exc: BaseException) -> str | None:
    """What the process ran out of when `exc` says so ('memory', 'threads'), else None: a
    MemoryError (Arrow's ArrowMemoryError is one), ENOMEM, a library the loader could not map,
    or a thread that could not start."""
    if isinstance(exc, MemoryError) or (isinstance(exc, OSError) and exc.errno == errno.ENOMEM):
        return "memory"
    if isinstance(exc, ImportError) and any(words in str(exc).lower() for words in LOADER_OUT_OF_MEMORY):
        return "memory"
    if any(words in str(exc) for words in THREAD_START_FAILED):
        return "threads"
    return None


def shortage(exc: BaseException, where: str) -> OutOfResources | None:
    """`exc` as OutOfResources when it is the process's failure, not the data's (one raised deeper
    as it is), else None: for callers that report it rather than raise it (`validate --engine`)."""
    if isinstance(exc, OutOfResources):
        return exc
    return OutOfResources(where, exc) if exhausted(exc) is not None else None


def raise_if_exhausted(exc: BaseException, where: str) -> None:
    """Raise OutOfResources for `exc` when it is the process's failure, not the data's."""
    found = shortage(exc, where)
    if found is exc:
        raise exc
    if found is not None:
        raise found from exc
