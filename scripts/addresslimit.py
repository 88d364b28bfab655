"""Refusing at once a command whose process may not address enough memory to start.

Under `ulimit -v` (a batch system's h_vmem) below what importing Arrow and numpy reserves, a
command failed wherever its next allocation happened to fall: mostly one `[out-of-resources]`
line, but also an abort inside a compiled library (`memory allocation of 8843264 bytes failed`,
exit -6), a segfault, a Python traceback from the import machinery, or a hang for good inside
numpy's import (a module lock a MemoryError had left held: `validate` of the gold at 200 MB,
session 27). None of that is the data's doing, and none can be caught once it starts. Below
MIN_ADDRESS_SPACE the command is refused before any of those imports: one line, exit 2."""

from __future__ import annotations

MIN_ADDRESS_SPACE = 512 << 20
"""Bytes of address space below which no command that reads tables starts. Measured with
`validate` of the gold (session 27): at 200-350 MB it hung, aborted, segfaulted or printed a
traceback, at 400 MB one run in three aborted (`std::bad_alloc`); at 430-460 MB it named what ran
out in one line, at 470 MB every run aborted in a compiled library (`memory allocation of 8843264
bytes failed`); from ~490 MB it ran (a normal run reserves 1.6 GB of address space, VmPeak, for 0.1
GB resident: the allocators reserve less under a limit). Above the floor a larger corpus can
still exhaust a limit anywhere, and an abort inside a compiled library cannot be caught; the
floor sits a little above the highest limit seen to abort (470 MB), so a limit at which the gold
would only just run (490-530 MB) is refused too."""


def address_space_refusal() -> str | None:
    """The one-line reason this process cannot start a command, or None (no limit, a large enough
    one, or a platform without `resource`)."""
    try:
        import resource

        soft, _hard = resource.getrlimit(resource.RLIMIT_AS)
        unlimited = resource.RLIM_INFINITY
    except (ImportError, AttributeError, ValueError, OSError):
        return None
    if soft == unlimited or soft < 0 or soft >= MIN_ADDRESS_SPACE:
        return None
    return (f"[out-of-resources] the command: not judged: this process may address only {soft >> 20} MiB "
            f"(ulimit -v), below the {MIN_ADDRESS_SPACE >> 20} MiB its libraries need to start; "
            "raise the limit (ulimit -v, the batch system's limit) and run it again")
