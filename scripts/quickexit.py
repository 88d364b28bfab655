"""Ending a command's process without the interpreter's teardown.

When the interpreter exits it clears every module, frees every object one by one and then runs
the compiled libraries' static destructors. Two costs follow, and `landstrikes` (the process
entry: the `landstrikes` script and `python -m landstrikes`) pays neither:
- An abort in a compiled library's destructor: seen once in CI, `diff` printed its result and
  its process then ended with SIGABRT, exit -6 (134 in a shell) for its documented 1. The log
  kept no stderr; the known cause is Arrow's thread pool destroyed with a worker still joinable
  (`terminate called without an active exception`, apache/arrow#34314). A pinned exit code must
  not depend on a race in a destructor.
- After `landstrikes extract`, freeing the word lists' ~460,000 strings is 0.1-0.15 CPU-seconds
  (docs/notes/extract-outside3.md) for memory the operating system takes back whole anyway.
So every command's own process, once its command has run (whatever its outcome; argument errors,
`--help` and `--version` load no library and leave as usual), runs the exit handlers (`atexit`:
multiprocessing's, a coverage tool's) with Ctrl-C ignored (the work is done: a KeyboardInterrupt in a handler had
printed a traceback, attack46), flushes both streams and leaves with `os._exit`. Never a caller of `landstrikes.cli.main(argv)`, and never while another thread
still runs (its end is waited for, as at an ordinary exit).
"""

from __future__ import annotations

import atexit
import os
import signal
import sys
import threading


def exit_without_teardown(code: int) -> None:
    """Flush, run the exit handlers and end the process with `code`; returns (and the caller
    exits as usual) when another thread is alive, whose end the interpreter would wait for."""
    if threading.active_count() > 1:
        return
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the work is done: a Ctrl-C here had printed a traceback (attack46)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # (and a SIGTERM, now that it is handled as one: attack63)
    atexit._run_exitfuncs()  # (what the interpreter's exit runs first; public in effect since 2.x)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed or vanished stream: exit as usual, as before
            return
    os._exit(code)
