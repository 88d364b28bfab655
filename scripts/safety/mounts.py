"""Whether a path is a mount point, which no rename can move or replace (EBUSY): the output
folders (`outdir`), a release's changelog and `publish --out` refuse one, and so does the build's
swap for a live `data/` (`swap.refuse_unmovable`, attack52). Moved here from `outdir`, which
imports `swap`, so that `swap` can ask it too."""

from __future__ import annotations

import os
import re
from pathlib import Path


def is_mount_point(folder: Path) -> bool:
    """Whether folder is a mount point (another file system's root, or a bind mount of a folder of
    this one, which `os.path.ismount` cannot tell from its device and inode numbers), however the
    path names it: relative, `./x/`, or through a symbolic link (session 31)."""
    if os.path.ismount(folder):
        return True
    try:
        with open("/proc/self/mountinfo", "rb") as handle:
            lines = [line.split() for line in handle]
    except OSError:
        return False
    return _entered_at(lines, os.fsencode(os.path.realpath(folder)))  # absolute and resolved, as mountinfo names them


def _unescaped(field: bytes) -> bytes:
    """A mountinfo path: space, tab, line feed and backslash are written in octal (`\\040`)."""
    return re.sub(rb"\\([0-7]{3})", lambda m: bytes([int(m.group(1), 8)]), field)


def _entered_at(lines: list[list[bytes]], path: bytes) -> bool:
    """Whether mountinfo's tree, walked from the root mount along `path`, enters a mount at `path`
    itself. mountinfo also lists mounts a later mount above them hides (a folder bound at X/inner,
    then a file system mounted at X): their path is a plain folder of the mount on top (attack37:
    such a folder was refused). Of mounts stacked on one point, the one on top is the last child."""
    children: dict[tuple[bytes, bytes], bytes] = {}
    ids = set()
    for fields in lines:
        if len(fields) > 4:
            ids.add(fields[0])
            children[(fields[1], _unescaped(fields[4]))] = fields[0]
    roots = [f[0] for f in lines if len(f) > 4 and _unescaped(f[4]) == b"/" and f[1] not in ids]
    if not roots:  # a tree we cannot walk: any mount listed at the path counts
        return any(len(f) > 4 and _unescaped(f[4]) == path for f in lines)

    def enter(mount: bytes, point: bytes) -> tuple[bytes, bool]:
        entered = False
        while (mount, point) in children:
            mount, entered = children[(mount, point)], True
        return mount, entered

    mount, entered = enter(roots[-1], b"/")
    prefix = b""
    for part in [p for p in path.split(b"/") if p]:
        prefix += b"/" + part
        mount, entered = enter(mount, prefix)
    return entered and prefix == path
