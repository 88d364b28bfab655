"""Standard streams closed when a command starts (`>&-`, `2>&-`, a daemon or cron job without
them) read as /dev/null: what would be printed there is discarded and the command does its work.

Python sets such a stream to None, so a command that flushed or asked it anything ended
`[internal-error]` (exit 2, which promises nothing written) after writing its output, and an
error line fell through to stdout. Worse, the closed descriptor is the lowest free one, so the
next file the process opened took it: anything writing to fd 1 or 2 below Python (a C library,
a worker process inheriting it) would have written into that file (attack24).
"""

from __future__ import annotations

import io
import os
import sys

STDOUT = "standard output"
"""The name a failed write to fd 1 carries as its OSError's filename."""
STANDARD = ((0, "stdin", os.O_RDONLY, "r"), (1, "stdout", os.O_WRONLY, "w"), (2, "stderr", os.O_WRONLY, "w"))


def discard_closed_streams() -> None:
    """Open /dev/null on each of descriptors 0-2 that is not open, and give Python a stream for
    each that it set to None (on /dev/null: its descriptor may already belong to another file)."""
    for fd, name, flags, mode in STANDARD:
        if not _is_open(fd):
            null = os.open(os.devnull, flags)  # the lowest free descriptor: fd itself, 0..fd-1 being open
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, mode, encoding="utf-8", errors="backslashreplace"))


def _is_open(fd: int) -> bool:
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True


class _StdoutFile(io.FileIO):
    """fd 1, whose write errors name it: an OSError names no file, so a full disk under
    `> file` (or /dev/full) had read `[unusable-path] input: No space left on device` (attack24)."""

    def write(self, data):
        try:
            return super().write(data)
        except BrokenPipeError:  # a reader gone away: exit 141, as before
            raise
        except OSError as exc:
            named = OSError(exc.errno, exc.strerror, STDOUT)
            named.unprinted = _last_line(data)
            raise named from None


def _last_line(data) -> str:
    """The last line of what could not be written: the command's verdict when its report fitted
    in one buffer (`validate nosuch >/dev/full` had said only `[unwritable-output]`, losing why the
    folder was unusable; attack48)."""
    lines = bytes(data[-4096:]).decode("utf-8", "replace").splitlines()
    return next((line for line in reversed(lines) if line.strip()), "")


_REPLACED: list = []


def name_stdout_errors() -> None:
    """Make sys.stdout a stream on fd 1 whose write errors carry STDOUT as their filename, with
    the encoding, error handler and buffering it had (a stream not on fd 1 is left as it is)."""
    _replace_stream(1, _StdoutFile, getattr(sys.stdout, "line_buffering", False))


def _replace_stream(fd: int, raw_class, line_buffering: bool) -> None:
    """sys.stdout (fd 1) or sys.stderr (fd 2), if Python's own stream on fd, as a text stream on
    `raw_class`; a stdout that cannot be flushed now is left as it is (its next write says why),
    a stderr's pending text is dropped (there is no one to tell)."""
    name = "stdout" if fd == 1 else "stderr"
    stream = getattr(sys, name)
    if not _on_fd(stream, fd):
        return
    try:
        stream.flush()
    except (OSError, ValueError):
        if fd == 1:
            return
    setattr(sys, name, _rewrapped(stream, raw_class(fd, "w", closefd=False), line_buffering))


def _on_fd(stream, fd: int) -> bool:
    """`stream` is Python's own text stream on descriptor fd (not a test's capture)."""
    try:
        return isinstance(stream, io.TextIOWrapper) and stream.fileno() == fd
    except (OSError, ValueError):
        return False


def _rewrapped(stream: io.TextIOWrapper, raw: io.FileIO, line_buffering: bool) -> io.TextIOWrapper:
    """A text stream on `raw` with `stream`'s encoding and error handler; `stream` is kept: one
    made by os.fdopen(fd) would close its descriptor when collected."""
    _REPLACED.append(stream)
    return io.TextIOWrapper(io.BufferedWriter(raw), encoding=stream.encoding, errors=stream.errors,
                            line_buffering=line_buffering, write_through=stream.write_through)


class _StderrFile(io.FileIO):
    """fd 2, whose write errors discard what was written: stderr is where a failure is reported,
    so one that cannot be written (a full disk under `2>log`, /dev/full, its reader gone) has no
    one to tell. Its OSError had escaped the guard as Python's exit 1, INVALID's code for
    validate and "a difference" for diff, and a notice on the way to success (extract's "more
    workers than CPUs") had ended the work with it, nothing written (attack46)."""

    def write(self, data):
        try:
            return super().write(data)
        except OSError:
            return len(data)


def discard_unwritable_stderr() -> None:
    """Make sys.stderr a line-buffered stream on fd 2 that never fails a write, with the encoding
    and error handler it had (a stream not on fd 2 is left as it is)."""
    _replace_stream(2, _StderrFile, True)
