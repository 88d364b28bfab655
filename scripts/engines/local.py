"""The local engine: this process for one worker, else forked worker processes (fork)."""

from __future__ import annotations

import multiprocessing
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
    yield from map_in_processes(function, items, min(num_proc, len(items)), context, "checking partitions")


def map_in_processes(function, items: list, workers: int, context, what: str, initializer=None, initargs=()):
    """function(item) per item in item order on `workers` processes that are never replaced: a dead
    one breaks the run (WorkerLost, exit 2). A multiprocessing Pool replaced a killed worker but
    never ran its task again, and imap waited for that result for good; and since it forks the
    replacements from its own thread, extract's die-with-parent prctl (tied to the forking thread)
    killed them when terminate() stopped that thread, one of them holding the task queue's lock,
    which hung terminate() too (attack22). The executor forks every worker from this thread, at
    the start. On the way out (done, an error, Ctrl-C) the workers are killed, as terminate() did."""
    executor = ProcessPoolExecutor(workers, mp_context=context, initializer=initializer, initargs=initargs)
    try:
        yield from executor.map(function, items, chunksize=1)
    except BrokenProcessPool:
        raise WorkerLost(what) from None
    finally:
        for process in list((executor._processes or {}).values()):
            process.kill()
        executor.shutdown(wait=True, cancel_futures=True)

