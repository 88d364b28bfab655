"""Output folders (`--out DIR`) that a command can write without destroying anything.

A command writes only into a folder that is missing, empty, or one it wrote before: that one
holds a marker file (`.landstrikes-output.json`) naming the command and listing every file it
wrote, and nothing else. Anything else is refused (exit 2) naming the first entries in the way,
so a mistyped `--out` cannot replace annotation sources or gold tables. The new output is
written into a hidden sibling staging folder and swapped in as a whole (one atomic exchange),
so a kill leaves the previous output or the new one, never half of each; of the previous output
only the files its marker lists are removed. Leftovers of a killed run are cleaned up by the
next run into the same folder, again removing only what a marker lists.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import stat
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from landstrikes.safety import swap
from landstrikes.safety.anchored import spoken, through_descriptor
from landstrikes.errors import BuildError, naming
from landstrikes.safety.regularfile import read_regular_text
from landstrikes.safety.durable import fsync_folder_fd, fsync_tree_at, rename_durably
from landstrikes.safety.faults import fault
from landstrikes.safety.lock import folder_lock
from landstrikes.safety.mounts import is_mount_point
from landstrikes.safety.places import dangling_link, dangling_reason, protected_place, still_in_place

MARKER = ".landstrikes-output.json"
STAGING_TAG = ".landstrikes-staging-"
OLD_TAG = ".landstrikes-old-"
SHOWN = 5
"""How many entries in the way a refusal names."""


class OutputRefused(BuildError):
    """`--out` names a folder this command may not write into (or cannot); exit 2, one line.
    Its id is `output-refused` unless a narrower one applies (`protected-output`, `output-io`):
    an output target is no source (it said `bad-source` until attack13). `publish --dry-run`
    raises it too, naming `--out PATH` and what is in the way as its subject."""

    def __init__(self, file, reason: str, line: int | None = None, check: str = "output-refused"):
        super().__init__(file, reason, line, check)


def read_marker(folder: Path) -> dict | None:
    try:
        marker = json.loads(read_regular_text(folder / MARKER))  # a FIFO is refused, never waited on (attack18)
    except (OSError, ValueError):
        return None
    ok = isinstance(marker, dict) and isinstance(marker.get("files"), list)
    return marker if ok and all(isinstance(f, str) for f in marker["files"]) else None


def write_marker(folder: Path, command: str, state: str, files: list[str], folder_fd: int | None = None) -> None:
    """The marker of `folder`; with `folder_fd`, written into the folder open on it, wherever
    `folder`'s path leads now (attack69). `folder` names the file in an error."""
    body = {"written_by": f"landstrikes {command}", "state": state, "files": files}
    with naming(folder / MARKER):
        if folder_fd is None:
            (folder / MARKER).write_text(json.dumps(body, indent=1) + "\n", encoding="utf-8")
            return
        fd = os.open(MARKER, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o666, dir_fd=folder_fd)
        with open(fd, "w", encoding="utf-8") as handle:
            handle.write(json.dumps(body, indent=1) + "\n")


def files_under(folder: Path) -> list[str]:
    """Every non-folder entry under folder (symlinks not followed), relative, the marker excepted."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return []
    try:
        return files_under_at(fd)
    finally:
        os.close(fd)


def files_under_at(folder_fd: int) -> list[str]:
    """files_under the folder open on `folder_fd`, reached only through descriptors (attack69)."""
    found = []
    for root, dirs, files, root_fd in os.fwalk(".", dir_fd=folder_fd):
        links = [d for d in dirs if stat.S_ISLNK(os.stat(d, dir_fd=root_fd, follow_symlinks=False).st_mode)]
        for name in files + links:
            found.append(os.path.normpath(os.path.join(root, name)))
    return sorted(f for f in found if f != MARKER)


def _shown(entries: list[str]) -> str:
    more = f", … ({len(entries) - SHOWN} more)" if len(entries) > SHOWN else ""
    return ", ".join(entries[:SHOWN]) + more


def check_target(out: Path, command: str) -> None:
    """Refuse unless out is missing, empty, or holds exactly what this command wrote there before."""
    if not os.path.lexists(out):
        problem = unwritable_parent(out)
        if problem:
            raise OutputRefused(out, problem)
        return
    if not out.is_dir():
        raise OutputRefused(out, "is not a folder; --out needs a new, empty or earlier output folder")
    if is_mount_point(out):
        raise OutputRefused(out, "is a mount point: the output is swapped in whole by renaming, which cannot replace "
                            "a mount point; pass a folder inside it")
    problem = unreplaceable(out) or unwritable_parent(out)
    if problem:
        raise OutputRefused(out, problem)
    entries = sorted(p.name + ("/" if p.is_dir() else "") for p in out.iterdir())
    if not entries:
        return
    marker = read_marker(out)
    if marker is None:
        raise OutputRefused(out, f"refusing to write into a folder landstrikes did not create (it holds {_shown(entries)}); "
                            "pass a new or empty folder")
    if marker.get("written_by") != f"landstrikes {command}":
        raise OutputRefused(out, f"was written by `{marker.get('written_by')}`, not `landstrikes {command}`; "
                            "pass another folder")
    foreign = sorted(set(files_under(out)) - set(marker["files"]))
    if foreign:
        raise OutputRefused(out, f"holds files landstrikes {command} did not write ({_shown(foreign)}); "
                            "move them out or pass another folder")


def _may_write(path: Path) -> bool:
    """Whether this process may write into `path` (its effective ids, as the kernel judges an open)."""
    return os.access(path, os.W_OK | os.X_OK, effective_ids=os.access in os.supports_effective_ids)


def unreplaceable(folder: Path) -> str | None:
    """Why this process may not replace the existing folder `folder` whole, or None. The output is
    renamed into place, and a rename asks only for the parent's write permission: a folder its owner
    had made read-only (0555) was replaced all the same, the new output read-only again and the old
    one kept as a hidden copy per run that nothing could delete, and another user's folder became
    this user's (attack39, run as a user who is not root; root may write anything)."""
    info = os.stat(folder)
    if not _may_write(folder):
        return (f"is not writable for you (mode {stat.S_IMODE(info.st_mode):04o}, owner uid {info.st_uid}): the output "
                "would replace it whole; make it writable or pass another folder")
    euid = os.geteuid()
    if euid != 0 and info.st_uid != euid:
        return (f"belongs to another user (uid {info.st_uid}): the output replaces the folder whole, and the new one "
                "would be yours, not theirs; pass a folder of your own")
    if euid != 0 and info.st_gid not in {os.getegid(), *os.getgroups()}:
        return (f"has a group you are not in (gid {info.st_gid}), which the folder replacing it could not keep; pass a "
                "folder of your own")
    return None


def unwritable_parent(out: Path) -> str | None:
    """Why the output cannot be staged beside `out` (its nearest existing folder is not writable), or
    None: the run had done all its work, then ended naming its hidden staging folder (attack39)."""
    parent = Path(os.path.abspath(out)).parent
    while not os.path.lexists(parent) and parent != parent.parent:
        parent = parent.parent
    if os.path.isdir(parent) and not _may_write(parent):
        return (f"is in {parent}, which is not writable for you: what is written is made beside it and renamed in; pass "
                "a place you may write")
    return None


def keep_folder_metadata(info: os.stat_result, staging_fd: int) -> None:
    """Give the staging folder open on `staging_fd` the permissions, owner and group `info` states
    of the folder it will replace: a folder the user made private (0700) or shared (setgid group)
    had become the umask's 0755 (attack34)."""
    own = os.fstat(staging_fd)
    if (info.st_uid, info.st_gid) != (own.st_uid, own.st_gid):
        try:
            os.fchown(staging_fd, info.st_uid, info.st_gid)
        except PermissionError:  # another owner: a group we are in is still ours to give
            try:
                os.fchown(staging_fd, -1, info.st_gid)
            except PermissionError:
                pass
    os.fchmod(staging_fd, stat.S_IMODE(info.st_mode))


def remove_written(folder: Path) -> list[str]:
    """Delete the files folder's marker lists, then the marker and the folders left empty.

    Returns what is left (files nobody listed); the folder itself goes only when nothing is left.
    A listed file that cannot be deleted (immutable, another user's) is left with the marker, so a
    later run deletes it when it can; the others are deleted all the same (attack34: the first
    such file had failed a run whose output was already in place, and every run after it).
    """
    marker = read_marker(folder)
    real = os.path.realpath(folder)
    kept = []
    for i, name in enumerate(marker["files"] if marker else []):
        path = folder / name
        inside = not Path(name).is_absolute() and ".." not in Path(name).parts
        # the folders above the entry must be real folders of this one, not symlinks out of it
        inside = inside and os.path.realpath(path.parent) == os.path.normpath(os.path.join(real, Path(name).parent))
        if inside and (path.is_symlink() or path.is_file()):
            try:
                path.unlink()
            except OSError:
                kept.append(name)
        if i == 0:
            fault("outdir:cleaning")
    if kept:
        return kept
    (folder / MARKER).unlink(missing_ok=True)
    for root, dirs, _ in sorted(os.walk(folder), reverse=True):
        for name in dirs:
            path = Path(root, name)
            if not path.is_symlink() and not any(path.iterdir()):
                path.rmdir()
    left = files_under(folder)
    if not left and not any(folder.iterdir()):
        folder.rmdir()
    return left


def _removed_or_said(folder: Path, say) -> None:
    """remove_written(folder), its leftovers said in one line: never a failure of the run."""
    try:
        left = remove_written(folder)
    except OSError as exc:
        say(f"could not remove the previous output in {folder} ({exc.filename}: {exc.strerror or exc}); kept, "
            "a later run removes it")
        return
    if left:
        say(f"kept {_shown(left)} in {folder}: could not be removed, or not written by landstrikes; "
            "a later run removes what it wrote")


def leftovers_beside(out: Path) -> tuple[list[Path], list[tuple[Path, Path]]]:
    """The hidden staging and old folders killed runs left beside `out`: those of `out` (staging ones
    first), and the others with the folder each was for. A leftover is `out`'s when its name is
    `out`'s, or names the same entry as `out`'s name would: on a file system that folds case or
    Unicode (macOS, Windows, exFAT, ext4 casefold) `--out Site` and `--out site` are one folder, and
    a killed `--out Site` run's `.Site.landstrikes-staging-*` was found only by a run spelling it
    `Site` (attack56's left item; other spellings, a link, `a/../b`, a trailing slash, a relative
    path, reach `out` resolved). Runs into one folder take turns (`folder_lock`), so under that lock
    every such folder is a dead run's."""
    ours: dict[str, list[Path]] = {STAGING_TAG: [], OLD_TAG: []}
    others = []
    try:
        names = sorted(entry.name for entry in os.scandir(out.parent) if entry.name.startswith("."))
    except OSError:
        return [], []
    for name in names:
        tag = next((t for t in (STAGING_TAG, OLD_TAG) if t in name), None)
        if tag is None:
            continue
        cut = name.rindex(tag)
        target, suffix = name[1:cut], name[cut:]
        sibling = out.parent / name
        if target == out.name or _same_entry(out.parent / f".{out.name}{suffix}", sibling):
            ours[tag].append(sibling)
        elif target and sibling.is_dir() and not sibling.is_symlink():
            others.append((sibling, out.parent / target))
    return ours[STAGING_TAG] + ours[OLD_TAG], others


def _same_entry(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def recover_outputs(out: Path) -> list[str]:
    """Finish or clean what killed runs into `out` left beside it; one line per repair."""
    lines = []
    siblings, others = leftovers_beside(out)
    for other, target in others:
        lines.append(f"note: {other} is a killed run's leftover for {target} (or for this folder spelt otherwise where "
                     "the file system cannot tell); kept: the next run into that folder recovers or removes it")
    for sibling in siblings:
        marker = read_marker(sibling)
        if not os.path.lexists(out) and marker and marker.get("state") == "complete":
            rename_durably(sibling, out)  # the only whole copy (a fallback swap was killed between its renames)
            lines.append(f"recovered {out} from {sibling.name}, left by a killed run")
        elif marker and marker.get("state") == "staging":
            try:
                shutil.rmtree(sibling)  # a run killed while writing it: everything in it is its own
            except OSError as exc:
                lines.append(f"could not remove {sibling} ({exc.filename}: {exc.strerror or exc}); kept")
                continue
            lines.append(f"removed {sibling}, left unfinished by a killed run")
        elif sibling.is_dir():
            try:
                left = remove_written(sibling)
            except OSError as exc:  # a leftover is never a reason to refuse the output (attack34)
                lines.append(f"could not remove {sibling} ({exc.filename}: {exc.strerror or exc}); kept")
                continue
            lines.append(f"removed the files a killed run left in {sibling}" +
                         (f"; kept {_shown(left)} (not removable, or not written by landstrikes)" if left else ""))
    return lines


def _resolved(out: Path) -> Path:
    link = dangling_link(out)  # resolving would name the folder it points at, which mkdir then made (attack39)
    if link is not None:
        raise OutputRefused(out, dangling_reason(link, out))
    try:
        out = Path(out).resolve()
    except (OSError, RuntimeError) as exc:
        raise OutputRefused(out, f"cannot be resolved ({exc})") from exc
    if out.parent == out:
        raise OutputRefused(out, "the root folder cannot be an output folder")
    return out


def refuse_protected(out: Path, command: str) -> None:
    """Refuse an output inside a release, a releases folder or a dataset's data/raw/annotations
    (`landstrikes.safety.places`), before any parent folder is made. A folder in the way is
    named first (read-only check), as for any other refused folder."""
    protected = protected_place(out)
    if protected:
        check_target(out, command)
        raise OutputRefused(out, f"{protected}; pass a folder outside it", check="protected-output")


def refuse_early(out: Path, command: str) -> None:
    """Judge `out` as `output_folder` will, reading only, before a command's work: `extract` had
    read and hashed every raw text and written its word-list cache before a refusal (attack34).
    `output_folder` judges again under the lock."""
    out = _resolved(out)
    refuse_protected(out, command)
    check_target(out, command)


@contextmanager
def output_folder(out: Path, command: str, notice=None) -> Iterator[Path]:
    """Yield an empty staging folder; when the block ends normally it becomes `out`.

    Refused (OutputRefused, before anything is written) unless `out` may be written by
    `command`. If the block raises, the staging folder is removed and `out` is untouched.
    """
    out = _resolved(out)
    # a path of bytes that are not UTF-8 is refused before anything is written ([unusable-path], the CLI's
    # line for this UnicodeEncodeError): the writers reach the staging folder through /proc, which Arrow can
    # write, but validate, render and diff read the output by its path, which Arrow cannot (attack21's rule,
    # kept when attack69 moved the writes to descriptors)
    str(out).encode("utf-8")
    refuse_protected(out, command)
    staging = through = None
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with folder_lock(out.parent) as parent_fd:
            for line in recover_outputs(out):
                (notice or (lambda _: None))(line)
            check_target(out, command)
            staging = out.parent / f".{out.name}{STAGING_TAG}{secrets.token_hex(4)}"
            os.mkdir(staging.name, dir_fd=parent_fd)  # in the folder locked, wherever its path leads (attack69)
            staging_fd = os.open(staging.name, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=parent_fd)
            made = os.fstat(staging_fd)
            through = through_descriptor(staging_fd)
            swapped = False
            try:  # the marker too: a disk that fills while it is written left the staging folder (attack56)
                write_marker(staging, command, "staging", [], staging_fd)
                yield through or staging  # the writers' paths reach this very folder, wherever it goes (attack69)
                fault("outdir:staged")
                refuse_if_moved(out.parent, parent_fd, staging, made)  # --out's path still leads to what was judged
                fault("outdir:checked")
                # From here on nothing goes by path: the marker, the flush and the swap act on the folders this
                # run locked and made, so a folder replaced after the check changes nothing where its path now
                # leads (attack63's window between the check and the rename; attack69).
                write_marker(staging, command, "complete", files_under_at(staging_fd), staging_fd)
                fsync_tree_at(staging_fd)  # marked complete: from here a recovery may put it in place
                fault("outdir:marked")
                previous = _swap_in(parent_fd, staging.name, out.name, staging_fd)
                swapped = True
                fault("outdir:swapped")
                if previous is not None:
                    _remove_previous(out.parent, parent_fd, previous, notice or (lambda _: None))
            finally:
                os.close(staging_fd)
                if not swapped:
                    _remove_staging(staging, made, parent_fd)
    except OutputRefused:
        raise
    except OSError as exc:
        if through is not None:  # a file named as the user knows it, not by its descriptor's path
            exc.filename, exc.filename2 = spoken(exc.filename, through, staging), spoken(exc.filename2, through, staging)
        staged = staging is not None and exc.filename is not None and not os.path.lexists(staging) and \
            Path(os.path.abspath(exc.filename)).is_relative_to(staging)
        note = f" (in the staging folder of {out}, now removed: {out} is as it was)" if staged else ""
        raise OutputRefused(exc.filename or out, f"cannot write the output: {exc.strerror or exc}{note}", check="output-io") from exc
        # (a full disk or a read-only mount: the output folder failed, not a source; attack11)


def refuse_if_moved(parent: Path, parent_fd: int, staging: Path, made: os.stat_result) -> None:
    """OutputRefused (`output-io`) when the folder holding `--out` is no longer the one this run
    locked and judged, or its staging folder the one it made (`places.still_in_place`). Asked before
    the output is marked complete and again before it is swapped in."""
    if not still_in_place(parent, os.fstat(parent_fd), staging, made):
        raise OutputRefused(parent, "was moved, deleted or replaced while the command ran: nothing was put in place "
                            "there, and nothing written where it now leads is kept; run the command again",
                            check="output-io")


def _remove_staging(staging: Path, made: os.stat_result, parent_fd: int) -> None:
    """Remove the staging folder this run made, through the locked parent's descriptor (wherever that
    folder was moved), and a copy its writes made by path at a place the parent's name leads to now."""
    try:
        shutil.rmtree(staging.name, dir_fd=parent_fd)
    except FileNotFoundError:
        pass
    try:
        here = os.lstat(staging)
    except OSError:
        return
    if (here.st_dev, here.st_ino) != (made.st_dev, made.st_ino) and stat.S_ISDIR(here.st_mode):
        shutil.rmtree(staging)  # (its random name: made by this run's writes, through the new path)


def _swap_in(parent_fd: int, staging: str, out: str, staging_fd: int) -> str | None:
    """Put the staging folder at `out`, both names of the locked folder open on `parent_fd`
    (attack69); the name there that then holds the previous output (to clean), or None."""
    try:
        existing = os.stat(out, dir_fd=parent_fd)
    except FileNotFoundError:
        rename_durably(staging, out, flushed=True, dir_fd=parent_fd)  # (flushed as it was marked complete)
        return None
    keep_folder_metadata(existing, staging_fd)
    if swap.EXCHANGE:
        swap.exchange(staging, out, dir_fd=parent_fd)
        fsync_folder_fd(parent_fd)
        return staging
    old = f".{out}{OLD_TAG}{secrets.token_hex(4)}"
    os.rename(out, old, src_dir_fd=parent_fd, dst_dir_fd=parent_fd)
    fault("outdir:moved-aside")
    rename_durably(staging, out, flushed=True, dir_fd=parent_fd)
    return old


def _remove_previous(parent: Path, parent_fd: int, name: str, say) -> None:
    """Remove the files the previous output's marker lists (now at `name` in the locked folder), by
    path, so only while `parent`'s path still leads to the locked folder and that entry (attack69):
    otherwise, or when a file cannot be removed, the next run into the folder recovers it."""
    try:
        entry = os.stat(name, dir_fd=parent_fd, follow_symlinks=False)
    except OSError:
        return
    if still_in_place(parent, os.fstat(parent_fd), parent / name, entry):
        _removed_or_said(parent / name, say)
