"""SIGTERM and Ctrl-C while the `landstrikes` command is still importing: one line and the
documented code (143, 130), as from the command itself.

`main` installs the handlers that clean up after a signal, but only once the package and the
command's modules are imported (a second or more of numpy, pyarrow, yaml); a SIGTERM before then
ended the process as the system does (exit -15, no word) and Ctrl-C printed KeyboardInterrupt's
traceback (attack63's left item, attack69). Nothing is written before `main` runs, so there is
nothing to clean: the early handler says the line and leaves. Installed only when this process
is the command (its console script, `python -m landstrikes`), never for a program that imports
the library; a signal ignored at start (nohup) stays ignored; `main` puts its own handlers in place.
"""

from __future__ import annotations

import os
import signal
import sys

LINES = {signal.SIGTERM: (b"terminated\n", 143), signal.SIGINT: (b"interrupted\n", 130)}
_stderr: tuple[int, int] | None = None
"""What descriptor 2 was when the handlers were installed (None: closed)."""


def _identity(fd: int) -> tuple[int, int] | None:
    try:
        info = os.fstat(fd)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _leave(signum, frame) -> None:
    line, code = LINES[signum]
    if _stderr is not None and _identity(2) == _stderr:  # a stderr closed at start: descriptor 2 may now be a
        try:  # file the import opened (a .pyc being written), which must not get the line
            os.write(2, line)
        except OSError:  # stderr full or gone: the exit code says it (attack46)
            pass
    os._exit(code)


def _is_the_command() -> bool:
    """Whether this process runs the `landstrikes` command: its console script, or `python -m
    landstrikes` (runpy imports the package before `sys.argv` names __main__.py: the interpreter's
    own arguments tell)."""
    if os.path.basename(sys.argv[0] if sys.argv else "") == "landstrikes":
        return True
    argv = getattr(sys, "orig_argv", [])
    return any(flag == "-m" and module == "landstrikes" for flag, module in zip(argv, argv[1:]))


def install() -> None:
    """The early handlers, when this process is the command and the signal is not ignored."""
    global _stderr
    if not _is_the_command():
        return
    _stderr = _identity(2)
    if signal.getsignal(signal.SIGTERM) == signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _leave)
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _leave)


def hand_over(sigterm_handler) -> None:
    """`main`'s handlers in place of the early ones: SIGTERM's, and Python's own KeyboardInterrupt
    for Ctrl-C, so the command's clean-up runs; a signal ignored at start stays ignored."""
    if signal.getsignal(signal.SIGTERM) in (signal.SIG_DFL, _leave):
        signal.signal(signal.SIGTERM, sigterm_handler)
    if signal.getsignal(signal.SIGINT) is _leave:
        signal.signal(signal.SIGINT, signal.default_int_handler)
