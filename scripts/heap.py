"""Keep the memory a command's process frees for its next allocations (glibc's malloc).

validate's checks make and drop numpy temporaries of 1-30 MB (a column of 10^5-10^6 rows, a
mask over the article bytes). glibc serves each from fresh pages (mmap, or the heap top it trims
back after every free), and every first touch of a fresh page is a page fault: ~60,000 of them
at 10^5 quote rows, 0.2-1.4 system CPU-s on a shared VM for 1.5-2 user CPU-s of checks.
Serving blocks up to 32 MiB (the largest mmap threshold glibc picks by itself) from the heap and
trimming it only above 256 MiB free halves the faults for ~20-40 MB more peak memory
(docs/notes/validate-ratio3.md).
Process-wide, so only a command's own process asks for it (the CLI), never an import.
"""

from __future__ import annotations

import ctypes

_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
HEAP_UP_TO = 32 << 20
"""Allocations up to this size come from the heap (the most glibc's own adjustment would reach)."""
KEEP_FREE = 256 << 20
"""Freed heap memory kept for later allocations before any is given back to the system."""


def keep_freed_memory() -> bool:
    """Ask glibc to reuse freed memory instead of fresh pages; False (nothing changed) where the
    C library is not glibc or refuses a setting. Both settings go together: either alone turns
    off glibc's own adjustment of the other and faults more than neither."""
    try:
        libc = ctypes.CDLL("libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes, mallopt.restype = (ctypes.c_int, ctypes.c_int), ctypes.c_int
    return bool(mallopt(_M_MMAP_THRESHOLD, HEAP_UP_TO)) and bool(mallopt(_M_TRIM_THRESHOLD, KEEP_FREE))
