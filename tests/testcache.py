"""A private cache folder for one test process, removed when that process ends.

The extractor keeps its word lists in `$LANDSTRIKES_CACHE_DIR` (landstrikes.extract.listcache). Each
pytest process (the controller and every xdist worker) points it at a folder of its own, so no test
reads or writes the user's cache. Those folders (~6.6 MB each) were never removed: 698 of them, 4.6
GB, had piled up in /tmp over a day of runs. The folder is now removed at the process's exit, by the
process that made it only (a forked child inherits the exit handler, not the folder).
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

PREFIX = "landstrikes-test-cache-"


def private_cache_dir() -> str:
    """A new empty folder under the system's temporary folder, deleted when this process exits."""
    folder = tempfile.mkdtemp(prefix=PREFIX)
    owner = os.getpid()

    def remove() -> None:
        if os.getpid() == owner:
            shutil.rmtree(folder, ignore_errors=True)

    atexit.register(remove)
    return folder
