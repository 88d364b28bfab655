"""Arrow columns from Python lists without importing pandas (about 0.3 CPU-seconds a process).

Before converting any Python list, `pyarrow.array` asks its lazy pandas shim whether the list
is a pandas object, and the shim imports pandas the first time it is asked (whether or not the
list has anything to do with pandas). The extract command never hands pandas anything: every
column it writes has an explicit Arrow type. So the command asks the shim once while an import
of pandas is refused: the shim records "no pandas" and answers from then on without importing
it. Anything that asks for pandas explicitly (`Table.to_pandas`) still imports it then.

Only for a process that is the extract command's alone (`landstrikes.cli.cmd_extract`, and the
workers it forks): until pandas is asked for explicitly, pyarrow in that process would read a
pandas Series given to `pa.array` as a plain sequence. Library callers never get this.
"""

from __future__ import annotations

import sys

from landstrikes.leanimports import refusing

_refused = False


def arrow_without_pandas() -> bool:
    """Make pyarrow build arrays from Python lists without importing pandas in this process.
    True when done; False when pandas is already imported (nothing then to save)."""
    global _refused
    if "pandas" in sys.modules:
        return False
    import pyarrow as pa

    with refusing("pandas"):
        pa.array([], pa.string())  # the shim's one question, answered "no pandas"
    _refused = "pandas" not in sys.modules
    return _refused


def arrow_without_numpy() -> bool:
    """Import pyarrow (with its compute and Parquet modules) while `import numpy` is refused, so
    this process and the workers it forks never load numpy (about 0.1 CPU-seconds a process):
    pyarrow >= 16 runs without it, and the extract command hands Arrow only Python lists. To be
    called before anything imports pyarrow; False (nothing done) once pyarrow or numpy is
    imported. As with pandas, only for a process that is the extract command's alone: numpy
    imported later would not be seen by this pyarrow (no `to_numpy`, no `to_pandas` then)."""
    if "pyarrow" in sys.modules or "numpy" in sys.modules:
        return False
    with refusing("numpy"):  # (pyarrow.compute is not imported by extract at all: shard.arrow_call)
        import pyarrow  # noqa: F401
        import pyarrow._compute  # noqa: F401
        import pyarrow.parquet  # noqa: F401
    return "numpy" not in sys.modules


def arrow_on_malloc() -> bool:
    """Give pyarrow's arrays and buffers the C library's allocator instead of its bundled
    mimalloc, unless ARROW_DEFAULT_MEMORY_POOL chose one. Per chunk the worker builds Arrow batches,
    sorts, combines and writes them; mimalloc hands the freed pages back and faults them in again,
    which cost ~0.1 ms of CPU per synthetic article (about a fifth of the CPU outside the
    per-article function, docs/notes/extract-outside6.md) and ~80 MB more peak memory. The bytes
    written do not depend on the allocator. Only for a process that is the extract command's alone
    (library callers keep their pool); the workers it forks inherit it. True when set."""
    import os

    if os.environ.get("ARROW_DEFAULT_MEMORY_POOL"):
        return False
    import pyarrow as pa

    pa.set_memory_pool(pa.system_memory_pool())
    return True


def refused() -> bool:
    """Has this process made pyarrow go without pandas (so no process of it should load it)?"""
    return _refused
