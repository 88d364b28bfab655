"""Declining transparent huge pages for a command's own process.

pyarrow's allocator (mimalloc) reserves its arenas with huge pages allowed; where the kernel's THP
mode is `madvise`, every first touch then zeroes a whole 2 MiB page and later purges split them.
For `validate`, which allocates and frees many 1-30 MB temporaries, that is most of its system
time (docs/notes/validate-ratio3.md: 3.5-5.5 system CPU-s to read the 10^6 tables). Declining
THP with `prctl(PR_SET_THP_DISABLE)` affects this process and its children only, and must run
before pyarrow's allocator starts. Elsewhere (not Linux, no libc) it does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

PR_SET_THP_DISABLE = 41
PR_GET_THP_DISABLE = 42


def decline_transparent_huge_pages() -> bool:
    """Ask the kernel not to back this process with transparent huge pages; True if it agreed."""
    return _prctl(PR_SET_THP_DISABLE, 1) == 0


def huge_pages_declined() -> bool:
    """Whether this process has declined them (for tests and benchmarks)."""
    return _prctl(PR_GET_THP_DISABLE, 0) == 1


def _prctl(option: int, value: int) -> int | None:
    """libc's prctl(option, value, 0, 0, 0), or None where there is none (not Linux, no libc)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True).prctl(option, value, 0, 0, 0)
    except (OSError, AttributeError):
        return None
