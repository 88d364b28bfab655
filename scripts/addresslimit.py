"""Refusing at once a command whose process may not map enough memory to start.

Under `ulimit -v` (a batch system's h_vmem) below what importing Arrow and numpy reserves, a
command failed wherever its next allocation happened to fall: mostly one `[out-of-resources]`
line, but also an abort inside a compiled library (`memory allocation of 8843264 bytes failed`,
exit -6), a segfault, a Python traceback from the import machinery, or a hang for good inside
numpy's import (a module lock a MemoryError had left held: `validate` of the gold at 200 MB,
session 27). Under `ulimit -d` at 30-60 MB OpenBLAS ended the process itself with exit 1
(`Memory allocation still failed after 10 retries`), validate's code for INVALID: the machine's
refusal blamed on the data. None of that is the data's doing, and none can be caught once it
starts: below the floors the command is refused before any of those imports, one line, exit 2."""

from __future__ import annotations

MIN_ADDRESS_SPACE = 512 << 20
"""Bytes of address space (RLIMIT_AS, `ulimit -v`) below which no command that reads tables starts.
Measured with `validate` of the gold (session 27): at 200-350 MB it hung, aborted, segfaulted or
printed a traceback, at 400 MB one run in three aborted (`std::bad_alloc`); at 430-460 MB it named
what ran out in one line, at 470 MB every run aborted in a compiled library; from ~490 MB it ran (a
normal run reserves 1.6 GB of address space, VmPeak, for 0.1 GB resident: the allocators reserve
less under a limit). Above the floor a larger corpus can still exhaust a limit anywhere, and an
abort inside a compiled library cannot be caught; the floor sits a little above the highest limit
seen to abort, so a limit at which the gold would only just run (490-530 MB) is refused too."""

MIN_DATA = 128 << 20
"""Bytes of data segment (RLIMIT_DATA, `ulimit -d`: private writable mappings since Linux 4.7)
below which no command starts: at 30-60 MB OpenBLAS exited 1 by itself, at 75-100 MB the command
named what ran out, from ~140 MB `validate` of the gold ran (session 27)."""

_LIMITS = (("RLIMIT_AS", MIN_ADDRESS_SPACE, "address", "ulimit -v"), ("RLIMIT_DATA", MIN_DATA, "hold as data", "ulimit -d"))


def address_space_refusal() -> str | None:
    """The one-line reason this process cannot start a command, or None (no limit, large enough
    ones, or a platform without `resource`)."""
    try:
        import resource
    except ImportError:
        return None
    for name, floor, what, shell in _LIMITS:
        try:
            soft, _hard = resource.getrlimit(getattr(resource, name))
        except (AttributeError, ValueError, OSError):
            continue
        if soft == resource.RLIM_INFINITY or soft < 0 or soft >= floor:
            continue
        return (f"[out-of-resources] the command: not judged: this process may {what} only {soft >> 20} MiB "
                f"({shell}), below the {floor >> 20} MiB its libraries need to start; "
                f"raise the limit ({shell}, the batch system's limit) and run it again")
    return None
