"""A private cache folder for one test process, removed when that process ends.

The extractor keeps its word lists in `$LANDSTRIKES_CACHE_DIR` (landstrikes.extract.listcache). Each
pytest process (the controller and every xdist worker) points it at a folder of its own, so no test
reads or writes the user's cache. Those folders (~6.6 MB each) were never removed: 698 of them, 4.6
GB, had piled up in /tmp over a day of runs. The folder is now removed at the process's exit, by the
process that made it only (a forked child inherits the exit handler, not the folder), even when a test
left parts of it read-only. A process killed by a signal runs no exit handler (SIGKILL: an xdist worker
killed, the OOM killer; SIGTERM: `timeout`, a cancelled CI job): its folder's name holds the machine and
the process id, and the next test process on that machine removes it once that process is gone (attack51).
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import socket
import stat
import tempfile

PREFIX = "landstrikes-test-cache-"


def owned_prefix(host: str | None = None) -> str:
    """The start of the folder names this machine's test processes make: `<PREFIX><host>-`, then the
    process id and a random tail. The host keeps a /tmp shared across machines or containers (whose
    process ids are not ours to ask about) out of the sweep."""
    host = socket.gethostname() if host is None else host
    return f"{PREFIX}{re.sub(r'[^A-Za-z0-9.]', '_', host)}-"


def private_cache_dir() -> str:
    """A new empty folder under the system's temporary folder, deleted when this process exits; the
    folders of this machine's test processes that died without removing theirs are deleted first."""
    sweep_dead()
    owner = os.getpid()
    folder = tempfile.mkdtemp(prefix=f"{owned_prefix()}{owner}-")

    def remove() -> None:
        if os.getpid() == owner:
            remove_tree(folder)

    atexit.register(remove)
    return folder


def sweep_dead() -> None:
    """Remove the folders of this machine's test processes that are no longer running. A folder named
    otherwise (another machine's, or one made before attack51 without a process id) is left alone."""
    owned = re.compile(re.escape(owned_prefix()) + r"(\d+)-[^/]+")
    try:
        entries = list(os.scandir(tempfile.gettempdir()))
    except OSError:
        return
    for entry in entries:
        found = owned.fullmatch(entry.name)
        if found is not None and not _running(int(found.group(1))) and entry.is_dir(follow_symlinks=False):
            remove_tree(entry.path)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # (another user's process)
    return True


def remove_tree(folder: str) -> None:
    """`shutil.rmtree`, after giving its owner back the rights to list and empty every folder in it (a
    test may have made one read-only; `rmtree(ignore_errors=True)` alone then silently left it all)."""
    try:
        os.chmod(folder, stat.S_IRWXU)
    except OSError:
        pass
    for root, folders, _ in os.walk(folder):
        for name in folders:
            path = os.path.join(root, name)
            if not os.path.islink(path):
                try:
                    os.chmod(path, stat.S_IRWXU)
                except OSError:
                    pass
    shutil.rmtree(folder, ignore_errors=True)
