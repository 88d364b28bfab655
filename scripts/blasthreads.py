"""numpy's bundled OpenBLAS starts one thread per CPU when numpy is imported, and when the process
may start no more (an address-space or process limit: `ulimit -v`, a batch system's h_vmem) it
raises SIGINT in its own process: `validate` said `interrupted`, exit 130, as if the user had
pressed Ctrl-C (attack25). No command multiplies matrices, so a command's process asks for one
BLAS thread, unless the user chose a number."""

from __future__ import annotations

import os

VARIABLE = "OPENBLAS_NUM_THREADS"


def one_blas_thread() -> None:
    """Before numpy is imported: OpenBLAS reads the variable once, when it loads."""
    os.environ.setdefault(VARIABLE, "1")
