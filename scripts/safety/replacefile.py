"""Replace a file's whole content in one rename, so a full disk or a kill leaves the old file whole.

`stats` rewrites README.md and DATASHEET.md, whose hand-written text is the only copy: writing in
place truncated them on a full disk (attack5). The new content goes to a new temporary file beside
the target (never a fixed name a symlink could be planted at), keeps the target's permissions, and
replaces it only once written in full.
"""

from __future__ import annotations

import errno
import fcntl
import os
import stat
import re
import tempfile
from pathlib import Path

from landstrikes.safety.durable import rename_durably
from landstrikes.safety.ownedtemp import dead_owners_lock
from landstrikes.safety.places import dangling_link, dangling_reason

SUFFIX = ".landstrikes-tmp"


def written_path(path: Path) -> Path:
    """The file a write to `path` changes: where a symbolic link points, else path itself. A rename
    over the link replaced the link (attack34: a DATASHEET.md linked to docs/ became a file of its
    own, the file it named kept the old numbers). Only a regular file (or no file yet) is ever
    replaced, whichever name reaches it: OSError otherwise, and for a path through a broken link. Following links without that rule, the
    word-list cache's test link to /dev/zero had the machine's /dev/zero renamed over by a 7 MB
    JSON file (session 31)."""
    path = Path(path)
    link = dangling_link(path)  # the file (or folder) it names would be made where nobody named it (attack39)
    if link is not None:
        raise OSError(errno.ENOENT, dangling_reason(link, path), str(path))
    target = Path(os.path.realpath(path)) if os.path.islink(path) else path
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return target
    if not stat.S_ISREG(mode):
        raise OSError(errno.EINVAL, "not a regular file (a device, FIFO, socket or folder is never replaced)", str(path))
    if not os.access(target, os.W_OK, effective_ids=os.access in os.supports_effective_ids):
        # a rename asks only for the folder's permission: a file its owner made read-only was replaced (attack39)
        raise OSError(errno.EACCES, f"is read-only for you (mode {stat.S_IMODE(mode):04o}): a replacement would go round "
                      "that; make it writable or pass another file", str(path))
    return target


def replace_file(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically; on OSError the target is untouched and the error raised.
    A symbolic link at `path` is kept: the file it names is replaced (`written_path`).

    The temporary file is locked until it has been renamed: a kill leaves it behind, and the next
    replacement of the same file removes the ones whose lock is free (attack20: they accumulated
    beside README.md, DATASHEET.md, agreement.json)."""
    path = written_path(path)
    remove_dead_temporaries(path)
    fd, temporary = _locked_temporary(path)
    try:
        try:
            mode = path.stat().st_mode & 0o777
        except FileNotFoundError:
            mode = 0o666 & ~current_umask()
        os.fchmod(fd, mode)
        with open(os.dup(fd), "wb") as handle:
            handle.write(data)
        rename_durably(temporary, path)  # flushed first: a power cut never leaves an empty file in its place (attack39)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        # a write's ENOSPC or EFBIG names no file (attack34: "input"), a failed rename names our temporary
        # first (attack37: a bind-mounted DATASHEET.md's EBUSY named .DATASHEET.md.xxxxxxxx.landstrikes-tmp): say which one
        if exc.filename is None or exc.filename == str(temporary):
            raise OSError(exc.errno, exc.strerror or str(exc), str(path)) from exc
        raise
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    finally:
        os.close(fd)  # after the rename: a cleaner never finds our file unlocked


TRIES = 5
"""How often a writer whose new temporary a cleaner took starts again with another."""


def _locked_temporary(path: Path) -> tuple[int, Path]:
    """A new temporary file beside `path`, open and locked. Between `mkstemp` and `flock` it is
    unlocked, and another replacement's cleanup may take it for a dead run's: it then holds its
    lock (ours fails) or has unlinked it (ours holds a file no name reaches). Either way this one
    is given up to the cleaner and another made (attack34: the first of two `validate --json` at
    once ended `No such file or directory`)."""
    for attempt in range(TRIES):
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=SUFFIX, dir=path.parent)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # a new file: only a cleaner can hold it
        except BlockingIOError:
            taken = True  # a cleaner holds it, and removes it
        except OSError:
            return fd, Path(name)  # no locks here: the file, if left, is kept by every cleaner
        else:
            taken = os.fstat(fd).st_nlink == 0  # a cleaner removed it before we locked it
        if not taken or attempt == TRIES - 1:
            return fd, Path(name)
        os.close(fd)
    raise AssertionError("unreachable")


def current_umask() -> int:
    """The process's umask (reading it means setting it: set back at once). A file or folder made
    by mkstemp or mkdtemp (0600, 0700) gets the mode a new one gets from it."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def remove_dead_temporaries(path: Path) -> None:
    """Remove the temporary files killed replacements of `path` left (mkstemp's name, lock free)."""
    pattern = re.compile(re.escape(f".{path.name}.") + r"[a-z0-9_]{8}" + re.escape(SUFFIX))
    try:
        names = [entry.name for entry in os.scandir(path.parent) if pattern.fullmatch(entry.name)]
    except OSError:
        return
    for name in names:
        fd = dead_owners_lock(path.parent / name)
        if fd is not None:
            try:
                (path.parent / name).unlink(missing_ok=True)
            except OSError:
                pass
            finally:
                os.close(fd)


def replace_text(path: Path, text: str) -> None:
    replace_file(path, text.encode("utf-8"))
