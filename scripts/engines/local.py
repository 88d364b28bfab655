"""The local engine: this process for one worker, else forked worker processes (fork)."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from landstrikes.engines import WorkerLost


def map_ordered(function, items: list, num_proc: int = 1):
    """function(item) per item in item order; plain processes, only items and results are pickled."""
    if num_proc <= 1 or len(items) <= 1:
        yield from map(function, items)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    yield from map_in_processes(function, items, min(num_proc, len(items)), context, "checking partitions",
                                initializer=die_with_parent, initargs=(os.getpid(),))


PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """Pool initializer: the worker is killed when the process that forked it dies, however
    (kill -9, the out-of-memory killer). An orphaned extract worker would finish its chunk and
    write it into a staging folder the next run's repair had already removed (attack9); an
    orphaned `validate --engine local` worker waited for work for good, holding the read lock it
    inherited on the dataset's raw/ folder, so every later build was refused (attack24). Linux
    only (prctl); elsewhere a no-op. Ctrl-C is the parent's to handle: it ends the pool, and each
    worker's KeyboardInterrupt traceback was only noise (attack11)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent's handler (attack63) is the parent's: a worker just ends
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the prctl
        os._exit(1)


def usable_cpus() -> int:
    """CPUs this process may run on (its affinity mask: taskset's, a container's cpuset), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # (no affinity call on macOS)
        return max(1, os.cpu_count() or 1)


def map_in_processes(function, items: list, workers: int, context, what: str, initializer=None, initargs=()):
    """function(item) per item in item order on `workers` processes that are never replaced: a dead
    one breaks the run (WorkerLost, exit 2). A multiprocessing Pool replaced a killed worker but
    never ran its task again, and imap waited for that result for good; and since it forks the
    replacements from its own thread, extract's die-with-parent prctl (tied to the forking thread)
    killed them when terminate() stopped that thread, one of them holding the task queue's lock,
    which hung terminate() too (attack22). The executor forks every worker from this thread, at
    the start. On the way out (done, an error, Ctrl-C) the workers are killed, as terminate() did.
    At most one worker per usable CPU runs: `--num-proc` still cuts the work into as many chunks,
    so the output is the same, but 2,000 forked workers on 2 CPUs had only cost memory (attack24)."""
    executor = ProcessPoolExecutor(min(workers, usable_cpus()), mp_context=context, initializer=initializer, initargs=initargs)
    try:
        yield from executor.map(function, items, chunksize=1)
    except BrokenProcessPool:
        raise WorkerLost(what) from None
    finally:
        for process in list((executor._processes or {}).values()):
            process.kill()
        executor.shutdown(wait=True, cancel_futures=True)

