"""Putting a written file or folder into place so that a power cut cannot leave it empty.

A rename is atomic for a kill, not for a power cut: the rename may reach the disk before the
bytes it points at, and after the reboot the name holds a zero-length or partial file where the
old one was (XFS, btrfs, ext4 with `noauto_da_alloc` or `data=writeback`; ext4's default rename
heuristic hides it). So the new content is flushed before the rename, and the folder holding the
new name after it, or the rename itself may be lost. Every rename-into-place of the package goes
through `rename_durably` (attack39: `replace_file` — README, DATASHEET, stats.json, figures, every
`--json` report, agreement.json, the word-list cache, export-schemas' files —, a release's folder
and its CHANGELOG entry, `publish --dry-run`'s copy renamed without a flush; only `build` and the
`--out` folders flushed theirs).
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

UNSYNCABLE = {errno.EINVAL, errno.ENOTSUP, errno.EROFS}
"""A folder whose file system cannot flush it (some FUSE and network file systems): nothing to wait for."""


def fsync_path(path: Path) -> None:
    """Flush a file or a folder entry to disk (a kill needs no flush; a power cut does)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_entry(path: Path, dir_fd: int | None = None) -> None:
    """fsync_path for a regular file or a folder, as it is (never through a link); anything else is
    left unopened: a FIFO's open waits for a writer (attack40: a killed run's copy holding one hung
    the recovery of every --out writer for good), a device's open acts on the device. `dir_fd`:
    `path` is a name in the folder open on it (attack69)."""
    try:
        if not _flushable(os.stat(path, dir_fd=dir_fd, follow_symlinks=False).st_mode):
            return
    except FileNotFoundError:
        return
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY, dir_fd=dir_fd)  # a FIFO: no wait
    try:
        if _flushable(os.fstat(fd).st_mode):
            os.fsync(fd)
    finally:
        os.close(fd)


def _flushable(mode: int) -> bool:
    return stat.S_ISREG(mode) or stat.S_ISDIR(mode)


def fsync_tree(folder: Path) -> None:
    for item in [*Path(folder).rglob("*"), folder]:
        fsync_entry(item)


def fsync_tree_at(folder_fd: int) -> None:
    """fsync_tree of the folder open on `folder_fd`, reached only through descriptors: whatever its
    path leads to now, the tree flushed is the one about to be renamed through the same descriptor
    (attack69)."""
    for _, dirs, files, root_fd in os.fwalk(".", dir_fd=folder_fd):
        for name in dirs + files:
            fsync_entry(name, dir_fd=root_fd)
    os.fsync(folder_fd)


def fsync_folder(folder: Path) -> None:
    """fsync_path for the folder a rename changed; a file system that cannot flush a folder is no failure."""
    try:
        fsync_path(folder)
    except OSError as exc:
        if exc.errno not in UNSYNCABLE:
            raise


def fsync_folder_fd(folder_fd: int) -> None:
    """fsync_folder of the folder open on `folder_fd` (attack69)."""
    try:
        os.fsync(folder_fd)
    except OSError as exc:
        if exc.errno not in UNSYNCABLE:
            raise


def rename_durably(source: Path, target: Path, flushed: bool = False, dir_fd: int | None = None) -> None:
    """Rename `source` (a file, or a folder and everything in it) to `target`: its bytes reach the
    disk first, then the rename, then the folder that holds `target`. `os.rename`'s own rules hold
    (a folder replaces only an empty one: a concurrent release's folder is never replaced).
    `flushed`: the caller has just flushed `source` (outdir flushes its staging as it marks it
    complete), so its tree is not flushed a second time. `dir_fd`: `source` and `target` are taken in
    the folder open on it (`target` a name of it), whatever its path leads to now: a folder
    replaced after a writer's last check of it by path had the rename done at the new place (attack69)."""
    if dir_fd is not None:
        if not flushed:
            _flush_at(dir_fd, source)
        os.rename(source, target, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
        fsync_folder_fd(dir_fd)
        return
    source, target = Path(source), Path(target)
    if flushed:
        pass  # (the caller's flush stands)
    elif source.is_dir() and not source.is_symlink():
        fsync_tree(source)
    else:
        fsync_entry(source)
    os.rename(source, target)
    fsync_folder(target.parent)


def _flush_at(dir_fd: int, name) -> None:
    """fsync_tree or fsync_entry of `name` in the folder open on `dir_fd`."""
    if not stat.S_ISDIR(os.stat(name, dir_fd=dir_fd, follow_symlinks=False).st_mode):
        fsync_entry(name, dir_fd=dir_fd)
        return
    fd = os.open(name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=dir_fd)
    try:
        fsync_tree_at(fd)
    finally:
        os.close(fd)
