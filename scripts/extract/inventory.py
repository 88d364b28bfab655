"""Which raw files are extracted: one article per distinct text, and why each other file is not.

Runs in the main process before any extraction, from file sizes first: only files that share a
size can be byte-identical, so only those are hashed. Identical bytes are identical texts, so
the output never has two articles with one sha256 (which `validate` rejects); every duplicate is
recorded (file -> kept article) instead of being lost.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from landstrikes.extract.failures import Duplicate, Failure, one_line
from landstrikes.extract.rawread import Expected, NotAsInventoried, read_raw
from landstrikes.schema.controls import writable
from landstrikes.schema.report import counted
from landstrikes.schema.rawnames import CASE_REASON, HIDDEN_REASON, has_txt_in_other_case, is_hidden, is_undecodable

MAX_CHARS = 1_000_000
"""Longest article extracted, in code points (about 150,000 words; a news article is < 50,000)."""


@dataclass
class Inventory:
    kept: list[Path] = field(default_factory=list)
    sizes: list[int] = field(default_factory=list)
    """Bytes of each kept file (what the chunks are balanced by)."""
    digests: list[str | None] = field(default_factory=list)
    """sha256 of each kept file the inventory hashed (it shares its size with another), else None:
    the chunk reading it checks it is still those bytes (rawread)."""
    failures: list[Failure] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)


def take_inventory(paths: list[Path], max_chars: int = MAX_CHARS) -> Inventory:
    """Sorted paths in; kept files (first of each identical group), failures and duplicates out."""
    inventory = Inventory()
    by_size: dict[int, list[Path]] = defaultdict(list)
    size_of: dict[Path, int] = {}
    for path in paths:
        if has_txt_in_other_case(path.name):
            inventory.failures.append(Failure(shown(path.stem), shown(path.name), "extract-txt-case", CASE_REASON))
            continue
        bad_name = name_problem(path.name, path.stem)
        if bad_name is not None:
            inventory.failures.append(Failure(shown(path.stem), shown(path.name), "extract-bad-name", bad_name))
            continue
        if is_hidden(path.name):  # (after the name: `.txt` has no id at all, the more precise reason)
            inventory.failures.append(Failure(shown(path.stem), shown(path.name), "extract-hidden-file", HIDDEN_REASON))
            continue
        size, problem = _examine(path, max_chars)
        if problem is not None:
            inventory.failures.append(Failure(path.stem, path.name, *problem))
            continue
        size_of[path] = size
        by_size[size].append(path)
    keep: set[Path] = set()
    digest_of: dict[Path, str] = {}
    for size, group in by_size.items():
        if len(group) == 1:
            keep.add(group[0])
            continue
        first_of: dict[str, Path] = {}
        for path in group:
            try:
                digest = _sha256(path, size)
            except OSError as exc:
                inventory.failures.append(Failure(path.stem, path.name, "extract-unreadable", one_line(exc.strerror or exc)))
                continue
            except NotAsInventoried as exc:
                inventory.failures.append(Failure(path.stem, path.name, exc.check, one_line(exc.reason)))
                continue
            if digest in first_of:
                kept = first_of[digest]
                inventory.duplicates.append(Duplicate(path.name, kept.stem, kept.name, digest))
            else:
                first_of[digest] = path
                keep.add(path)
                digest_of[path] = digest
    inventory.kept = [p for p in paths if p in keep]
    inventory.sizes = [size_of[p] for p in inventory.kept]
    inventory.digests = [digest_of.get(p) for p in inventory.kept]
    inventory.failures.sort(key=lambda f: f.source_file)
    inventory.duplicates.sort(key=lambda d: d.source_file)
    return inventory


def name_problem(name: str, stem: str) -> str | None:
    """Why this file name gives no article id validate accepts (the id is the name less `.txt`;
    attack9: a name of undecodable bytes stopped the whole run, a blank one or one holding a
    control character made the silver INVALID), or None."""
    if not (name.isascii() and name.isprintable()):
        if is_undecodable(name):
            return "the file name is not valid UTF-8"
        if writable(stem) != stem:
            return "the file name holds a control character, which no article id may hold"
    if stem + ".txt" != name:
        return "nothing before .txt to be the article id"
    if not any(c.isprintable() and not c.isspace() for c in stem):
        return "the article id would be blank (no visible character before .txt)"
    return None


def shown(name: str) -> str:
    """A file name as UTF-8 text for the reports: undecodable bytes as \\xNN escapes."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def _examine(path: Path, max_chars: int) -> tuple[int, tuple[str, str] | None]:
    """The file's size, and (check, reason) when it cannot be an article whatever its content
    (one stat call: its mode says directory or regular file)."""
    try:
        info = path.stat()
    except OSError as exc:
        return 0, ("extract-unreadable", one_line(exc.strerror or exc))
    if stat.S_ISDIR(info.st_mode):
        return 0, ("extract-not-a-file", "is a directory")
    if not stat.S_ISREG(info.st_mode):
        return 0, ("extract-not-a-file", "not a regular file")
    if not os.access(path, os.R_OK):
        return 0, ("extract-unreadable", "permission denied")
    if info.st_size == 0:
        return 0, ("extract-empty", "empty file")
    if info.st_size > 4 * max_chars:  # UTF-8 has at most 4 bytes per code point
        return 0, ("extract-too-long", f"{info.st_size} bytes, more than the {counted(max_chars, 'character', spec=',')} an article may have")
    return info.st_size, None


def _sha256(path: Path, size: int) -> str:
    """The digest of the bytes stat counted (a file swapped for a FIFO since is refused, not waited on)."""
    return hashlib.sha256(read_raw(str(path), Expected(size, None), size)).hexdigest()
