"""Install a staged folder's entries into place so that a kill at any instruction loses nothing.

Each entry (a folder such as `data`, or a file such as `README.md`) is swapped in with one
`renameat2(RENAME_EXCHANGE)`: the live path is always either the whole old entry or the whole
new one, never missing. Several entries cannot change in one system call, so the staging
folder first gets a journal (`SWAP.json`, the digest of every new entry) and `recover` finishes
an interrupted install from it: every entry still old is swapped in (the new copies were
validated before the journal was written), then the old copies are removed. Nothing is
deleted before the live entries are verified to be the new ones. Where the kernel or file
system has no exchange, each old entry is first moved aside into the staging folder, and
`recover` puts the journal's new copy in place.
"""

from __future__ import annotations

import ctypes
import errno
import hashlib
import json
import os
from pathlib import Path

from landstrikes.errors import naming
from landstrikes.safety.durable import fsync_path, fsync_tree
from landstrikes.safety.faults import fault
from landstrikes.safety.mounts import is_mount_point

JOURNAL = "SWAP.json"
DONE = "SWAPPED"
"""The journal's name once every entry is in place: what is left in the folder are old copies."""
ASIDE = ".old"
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class SwapError(OSError):
    """An interrupted install whose copies match neither side of its journal: left as is."""


def _load_renameat2():
    try:
        func = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    func.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return func


_RENAMEAT2 = _load_renameat2()
EXCHANGE = _RENAMEAT2 is not None and os.environ.get("LANDSTRIKES_SWAP") != "rename"
"""Whether atomic exchange is used (`LANDSTRIKES_SWAP=rename` forces the fallback, for tests)."""


def exchange(a: Path, b: Path, dir_fd: int = _AT_FDCWD) -> None:
    """Swap two existing paths atomically (Linux renameat2 RENAME_EXCHANGE); relative paths are
    taken in the folder open on `dir_fd` when it is given, wherever that folder's path leads now."""
    if _RENAMEAT2(dir_fd, os.fsencode(a), dir_fd, os.fsencode(b), _RENAME_EXCHANGE) != 0:
        err = ctypes.get_errno()
        raise OSError(err, os.strerror(err), str(a), None, str(b))


def digest(path: Path) -> str | None:
    """sha256 of a file, or of a folder's relative paths and file bytes; None when missing."""
    if not path.exists():
        return None
    h = hashlib.sha256()
    if path.is_file():
        h.update(path.read_bytes())
        return h.hexdigest()
    for item in sorted(path.rglob("*")):
        h.update(item.relative_to(path).as_posix().encode() + b"\0")
        h.update(hashlib.sha256(item.read_bytes()).digest() if item.is_file() else b"dir")
    return h.hexdigest()


def write_journal(staging: Path, entries: dict[str, str | None]) -> None:
    """The commit record: from here on, `recover` puts these new entries in place."""
    tmp = staging / (JOURNAL + ".tmp")
    with naming(tmp):
        tmp.write_text(json.dumps({"entries": entries}, indent=1) + "\n", encoding="utf-8")
    fsync_path(tmp)
    tmp.rename(staging / JOURNAL)
    fsync_path(staging)


def read_journal(staging: Path) -> dict[str, str | None] | None:
    try:
        return json.loads((staging / JOURNAL).read_text(encoding="utf-8"))["entries"]
    except FileNotFoundError:
        return None
    except (ValueError, KeyError, TypeError) as exc:
        raise SwapError(errno.EINVAL, f"unreadable journal ({exc}); left as is", str(staging / JOURNAL)) from exc


def install(staging: Path, target: Path, names: list[str]) -> None:
    """Put staging/<name> at target/<name> for every name, then remove the old copies."""
    for name in names:
        refuse_unmovable(target / name)
    fsync_tree(staging)  # the journal must never name bytes a power cut could still lose
    write_journal(staging, {name: digest(staging / name) for name in names})
    fault("swap:journal-written")
    for name in names:
        _put(staging, target, name)
    fsync_path(target)
    finish(staging)


def refuse_unmovable(live: Path) -> None:
    """A live entry is moved whole (exchanged, or moved aside), which the kernel refuses for a
    mount point (EBUSY: a container's volume mounted at `data/`) and, for a folder, without write
    permission on it (moving a folder into another rewrites its `..`). Both were found only past
    the journal, whose staging folder then stayed for the next build to finish, and the refusal
    named that staging folder (attack52). Asked before the journal is written: OSError naming the
    live entry, nothing swapped, nothing left."""
    if not os.path.lexists(live) or live.is_symlink():
        return
    if is_mount_point(live):
        raise OSError(errno.EBUSY, "a mount point: it is replaced whole, and a mount point cannot be moved (mount "
                      "the folder that holds it instead); nothing was swapped", str(live))
    if live.is_dir() and not os.access(live, os.W_OK, effective_ids=os.access in os.supports_effective_ids):
        raise OSError(errno.EACCES, "read-only folder: it is replaced whole, and a folder without write permission "
                      "cannot be moved (make it writable, e.g. chmod u+w); nothing was swapped", str(live))


def _put(staging: Path, target: Path, name: str) -> None:
    new, live = staging / name, target / name
    if not os.path.lexists(live):
        new.rename(live)
    elif EXCHANGE:
        exchange(new, live)
    else:
        live.rename(_free(staging, name + ASIDE))
        fault(f"swap:moved-aside:{name}")
        new.rename(live)
    fault(f"swap:exchanged:{name}")


def _free(folder: Path, name: str) -> Path:
    path, n = folder / name, 1
    while os.path.lexists(path):
        path, n = folder / f"{name}.{n}", n + 1
    return path


def finish(staging: Path) -> None:
    """Mark the install done, then drop the old copies: only once the live entries are the new ones."""
    if (staging / JOURNAL).exists():
        (staging / JOURNAL).rename(staging / DONE)
    fault("swap:done")
    _remove(staging, last=staging / DONE)


def _remove(folder: Path, last: Path | None = None) -> None:
    """Delete a staging folder bottom-up (`last` at the end, so a kill mid-way keeps the mark)."""
    for i, item in enumerate(sorted(folder.rglob("*"), reverse=True)):
        if item == last:
            continue
        if item.is_dir() and not item.is_symlink():
            item.rmdir()
        else:
            item.unlink()
        if i == 0:
            fault("swap:cleaning")
    if last is not None:
        last.unlink(missing_ok=True)
    folder.rmdir()


def recover(staging: Path, target: Path) -> str:
    """Bring an interrupted install to a consistent end; returns what was done, in words."""
    if (staging / DONE).exists():
        _remove(staging, last=staging / DONE)
        return "the swap had finished; removed the old copies it left"
    entries = read_journal(staging)
    if entries is None:  # interrupted before its commit record: the live entries were never touched
        _remove(staging)
        return "removed the unfinished staging folder (nothing had been swapped in)"
    swapped = []
    for name, wanted in entries.items():
        if digest(target / name) == wanted:
            continue
        if digest(staging / name) != wanted:
            raise SwapError(errno.EIO, f"neither {target / name} nor the staged copy is the journal's {name}; "
                            "left as is for you to inspect", str(staging))
        _put(staging, target, name)
        swapped.append(name)
    fsync_path(target)
    finish(staging)
    done = f"finished swapping in {', '.join(swapped)}" if swapped else "every new entry was already in place"
    return done + "; removed the old copies"
