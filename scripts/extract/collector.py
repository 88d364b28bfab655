"""When the garbage collector runs during `extract`: only where garbage can arise.

Python starts a collection after every few hundred new container objects, and a full one walks
every tracked object alive. Outside the per-article function, extract only builds lists, dicts and
tuples of strings and numbers (word lists, Arrow batches, evidence, catalogue rows), which hold no
reference cycles, so collections there find nothing: in a 2,000-article run they cost about 0.15
CPU-seconds, mostly full passes over the word lists (frozensets of hundreds of thousands of
strings, one visit per string) and the chunk's evidence. The per-article rules keep the collector
(their objects may form cycles)."""

from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def paused():
    """No collection in the body (for code that makes no reference cycles); a caller that disabled
    the collector keeps it disabled."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@contextmanager
def older_objects_frozen():
    """Leave the objects alive now (modules, word lists: hundreds of thousands of references) out
    of the collector's passes in the body, then hand them back; unless someone else froze objects
    (theirs to manage; a forked worker inherits its parent's freeze). Freezing before a fork also
    keeps the workers from writing to the pages of those objects (copy-on-write)."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
