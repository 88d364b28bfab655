"""The local engine: this process for one worker, else a `multiprocessing` pool (fork)."""

from __future__ import annotations

import multiprocessing


def map_ordered(function, items: list, num_proc: int = 1):
    """function(item) per item in item order; plain processes, only items and results are pickled."""
    if num_proc <= 1 or len(items) <= 1:
        yield from map(function, items)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with context.Pool(min(num_proc, len(items))) as pool:
        yield from pool.imap(function, items, chunksize=1)
