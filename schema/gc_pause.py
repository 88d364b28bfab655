"""The garbage collector paused where many containers are made and no reference cycle can arise
(validate's alias hits, extract's rows): collections there only rescan live objects."""

from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def paused():
    """No collection in the body (for code that makes no reference cycles); a caller that disabled
    the collector keeps it disabled. With threads the pause is the whole process's for a moment,
    which delays garbage, never frees what is alive."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
