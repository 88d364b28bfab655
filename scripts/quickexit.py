"""Ending a command's process without freeing its heap object by object.

When the interpreter exits it clears every module and frees every object one by one. After
`landstrikes extract` that is about 0.1-0.15 CPU-seconds, most of it the word lists' ~460,000
strings (measured: docs/notes/extract-outside3.md), for memory the operating system takes back
whole anyway. So the command's own process, once its work is done, runs the exit handlers
(`atexit`: multiprocessing's, a coverage tool's), flushes both streams and leaves with
`os._exit`. Only the process entry does this (`landstrikes` and `python -m landstrikes`), never a
caller of `landstrikes.cli.main(argv)`, and never while another thread still runs.
"""

from __future__ import annotations

import atexit
import os
import sys
import threading


def exit_without_teardown(code: int) -> None:
    """Flush, run the exit handlers and end the process with `code`; returns (and the caller
    exits as usual) when another thread is alive, whose end the interpreter would wait for."""
    if threading.active_count() > 1:
        return
    atexit._run_exitfuncs()  # (what the interpreter's exit runs first; public in effect since 2.x)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed or vanished stream: exit as usual, as before
            return
    os._exit(code)
