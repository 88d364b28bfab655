"""The test processes' garbage collector runs full passes less often.

A pytest worker lives for ~1,800 tests and its heap grows to millions of objects (pandas, pyarrow,
Ray's client, hypothesis, every module under test), so each full collection (Python's default:
after ten middle ones) rescanned all of it: ~6% of a worker's CPU on a sample of eight modules,
most of it in some 30 full passes (2.5 of 4 CPU-s). With the thresholds below, the same modules
spent 1.2-1.7 CPU-s collecting (session 26, docs/notes/cispeed6.md). Only the collector's
frequency changes: the commands the tests start as processes run with Python's defaults, a test
that needs a collection asks for one (`gc.collect()`), and nothing is frozen (tests/test_extract_outside.py and
test_extract_overhead.py assert that the code under test finds no frozen objects)."""

from __future__ import annotations

import gc

THRESHOLDS = (10_000, 20, 20)
"""New container objects before a young collection, young collections before a middle one,
middle ones before a full one (Python's defaults: 700, 10, 10)."""


def collect_less_often() -> None:
    gc.set_threshold(*THRESHOLDS)
