"""Named fault-injection points on the write paths, in the manner of SQLite's crash tests.

`LANDSTRIKES_FAULT=<point>` makes the process kill itself with SIGKILL when it reaches that
point, so a test can prove the files on disk are whole at every step. `<point>@sleep=SECONDS`
pauses there instead (to hold a lock mid-way), `<point>@wait=PATH` waits (at most a minute) until
PATH exists, `<point>@oserror` raises an I/O error there, `<point>@interrupt` sends SIGINT to the
process group, as a terminal's Ctrl-C does. The separator is `@` because point names hold `:`.
Several specs may be given, comma-separated. The variable is read once at import: when it is
unset, `fault()` is one truth test.
"""

from __future__ import annotations

import errno
import os
import signal
import time

ENV = "LANDSTRIKES_FAULT"
WAIT_LIMIT = 60.0

_SPECS: dict[str, str] = {}


def configure(spec: str) -> None:
    """Arm the points a LANDSTRIKES_FAULT value names (done at import; tests may call it again)."""
    _SPECS.clear()
    for item in filter(None, spec.split(",")):
        name, _, action = item.strip().partition("@")
        _SPECS[name] = action


configure(os.environ.get(ENV, ""))


def fault(point: str) -> None:
    """Do what LANDSTRIKES_FAULT says for this point (nothing, when it names another point)."""
    if _SPECS and point in _SPECS:
        _trigger(point, _SPECS[point])


def _trigger(point: str, action: str) -> None:
    if action.startswith("sleep="):
        time.sleep(float(action.removeprefix("sleep=")))
    elif action.startswith("wait="):
        deadline = time.monotonic() + WAIT_LIMIT
        while not os.path.exists(action.removeprefix("wait=")) and time.monotonic() < deadline:
            time.sleep(0.05)
    elif action == "interrupt":
        os.killpg(os.getpgrp(), signal.SIGINT)
        time.sleep(WAIT_LIMIT)  # the KeyboardInterrupt arrives here
    elif action == "oserror":
        raise OSError(errno.EIO, f"injected I/O error at {point}")
    else:
        os.kill(os.getpid(), signal.SIGKILL)
