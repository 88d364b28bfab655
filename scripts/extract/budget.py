"""A per-article time budget: an article that takes too long becomes a failure row, not a hang.

The budget is a real-time interval timer (SIGALRM) armed around one article, so it works in the
main thread of the CLI process and of each worker process; elsewhere (a thread) it is a no-op.
The rules are linear scans (tests/test_extract_robust.py), so the budget is a last line of
defence, not the usual way out. A chunk installs the signal handler once (`chunk_timer`) and
only arms and disarms the timer per article: `signal.signal` costs a few enum conversions per
call, twice per article (about 0.05 CPU-seconds per 2,000 articles).
"""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager

TIME_BUDGET = 30.0
"""Seconds one article may take (an ordinary article takes a few milliseconds)."""


class BudgetExceeded(Exception):
    """Raised inside the extraction when its article's time budget runs out."""


def _expire(signum, frame):
    raise BudgetExceeded()


@contextmanager
def time_budget(seconds: float | None):
    """Raise BudgetExceeded in the body after `seconds` (None or 0: no limit)."""
    usable = bool(seconds) and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class ArticleTimer:
    """The time budget of each article of one chunk: `arm()` before the article, `disarm()` after
    (in a `finally`), while `chunk_timer` holds the SIGALRM handler for the whole chunk."""

    def __init__(self, seconds: float | None, usable: bool):
        self.seconds = seconds if usable else None

    def arm(self) -> None:
        if self.seconds:
            signal.setitimer(signal.ITIMER_REAL, self.seconds)

    def disarm(self) -> None:
        if self.seconds:
            signal.setitimer(signal.ITIMER_REAL, 0)


@contextmanager
def chunk_timer(seconds: float | None):
    """An ArticleTimer whose expiry raises BudgetExceeded in the article (None or 0: no limit); the
    previous SIGALRM handler is back after the chunk, and no timer is left armed."""
    usable = bool(seconds) and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield ArticleTimer(None, False)
        return
    previous = signal.signal(signal.SIGALRM, _expire)
    try:
        yield ArticleTimer(seconds, True)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
