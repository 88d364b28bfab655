"""Keep a command's process from importing what a dependency loads for features we never use.

Pandera imports `hypothesis` (its data-synthesis strategies) on the first validation whenever
hypothesis is installed, as it is wherever the test extra is: 0.15 CPU-s of a 1.5 CPU-s build.
No landstrikes command synthesises data, so a command's own process may refuse that import;
pandera then runs without strategies, exactly as in an install without hypothesis.

pyarrow imports pandas (about 0.2 CPU-s) whenever it is installed: `pyarrow.dataset` (which
`pq.read_table` loads) at import, and its pandas shim on the first array built from Python
objects, whether or not pandas objects are involved. A validate or build of sound tables never
needs pandas (the checks read Arrow; pandas words a finding): importing pyarrow once while
pandas is refused makes pyarrow record "no pandas" and never import it implicitly; an explicit
`import pandas` (a check wording a finding, `Table.to_pandas`, Pandera) works as usual.

What a command imported is never garbage either: `older_objects_frozen` keeps the collector's
passes off it while the command runs (validate, extract), and hands it back after.
"""

from __future__ import annotations

import gc
import sys
from contextlib import contextmanager

UNUSED_BY_COMMANDS = ("hypothesis",)
"""Modules a dependency imports when present but no command uses."""


def keep_unimported(names: tuple[str, ...] = UNUSED_BY_COMMANDS) -> list[str]:
    """Make each module not yet imported unimportable in this process; returns those blocked.

    Only for a command's own process (the CLI): a module already imported (a test run, a
    library user who imported it) is left alone.
    """
    blocked = [name for name in names if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # the documented way to make `import name` raise ImportError
    return blocked


class _Refuse:
    """A meta path finder under which importing one of `names` (or a submodule) fails; Cython's
    imports go through it too."""

    def __init__(self, names: tuple[str, ...]):
        self.names = names

    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in self.names:
            raise ImportError(f"{name} is not imported here (landstrikes.leanimports)")
        return None


@contextmanager
def refusing(*names: str):
    """While inside, importing any of `names` fails; what a library imports then decides how it
    runs without them (pyarrow: no pandas, no numpy)."""
    finder = _Refuse(names)
    sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)


def arrow_without_implicit_pandas() -> bool:
    """Import pyarrow and the modules of it we use while pandas is refused, so pyarrow in this
    process never imports pandas by itself. True when done; False when pandas or pyarrow.dataset
    was already imported (nothing to save then). Only for a command's own process: in it, pyarrow
    then reads a pandas Series given to `pa.array` as a plain sequence (the same values for the
    columns our checks convert; the test suite and the hostile corpus run the commands this way)."""
    if "pandas" in sys.modules or "pyarrow.dataset" in sys.modules:
        return False
    with refusing("pandas"):
        import pyarrow as pa
        import pyarrow.compute  # noqa: F401
        import pyarrow.dataset  # noqa: F401
        import pyarrow.parquet  # noqa: F401

        pa.array([], pa.string())  # the shim's one question, answered "no pandas"
    return "pandas" not in sys.modules


@contextmanager
def older_objects_frozen():
    """Leave the objects alive now (the imported modules, word lists: hundreds of thousands of
    references) out of the garbage collector's passes in the body, then hand them back; unless
    someone else froze objects (theirs to manage; a forked worker inherits its parent's freeze).
    A run making many small containers (validate's ~500,000 alias hit tuples at 10^5 quote rows,
    extract's rows) otherwise has its collections rescan them. Freezing before a fork also keeps
    the workers from writing to the pages of those objects (copy-on-write)."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
