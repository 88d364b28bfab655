"""hashlib imported at the command's start, with its own error log silenced.

Importing hashlib maps OpenSSL's and blake2's shared libraries. Under an address-space limit
(`ulimit -v`, a batch system's h_vmem), imported late (validate imported it after pyarrow and numpy
had taken the room), a library that could not be mapped made hashlib log a traceback of its own
(`code for hash blake2b was not found`: `logging.exception`, which no caller can catch) on stderr:
one CI run in three at 300 MB (tests/test_attack25_process_limits.py). Imported first, the
libraries are mapped while there is room; were one still missing, the log stays silent and the
hash a command needs fails where it is used, where the command's one-line handling reports it.
"""

from __future__ import annotations

import logging


def import_hashlib_quietly() -> None:
    """Import hashlib now, with logging disabled for the import (its own error log only)."""
    previous = logging.root.manager.disable
    logging.disable(logging.CRITICAL)
    try:
        import hashlib  # noqa: F401  (the import is the point)
    finally:
        logging.disable(previous)
