"""A dataset folder's articles are its raw files, byte for byte (attack14): `validate DIR` on a
folder holding `raw/` beside `data/` (what `build` reads and writes) compares each article's
`sha256` with the digest of `raw/<source_file>`, and lists every `raw/*.txt` no article row names.
(`article-derived-mismatch` already holds `sha256` to the text's UTF-8 bytes, so equal digests
mean the stored text is the raw file.) Before, an article whose text was edited in the table with
its digest, word count and every span's text updated to match validated, though the raw file it
names says otherwise, and so did a table that had lost an article of raw/.

Only a folder with both `raw/` and `data/` is compared: a release, an extract output or a `data/`
folder given directly has no raw texts to compare with (`verify` compares a release's raw digests
with its manifest). A raw file is read without following it into a FIFO or device: a path that is
not a regular file is a finding, not a hang.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from pathlib import Path

import pyarrow as pa

from landstrikes.schema.rawnames import (CASE_CHECK, CASE_REASON, FOLD_CHECK, FOLD_REASON, HIDDEN_CHECK, HIDDEN_REASON,
                                         NAME_CHECK, NAME_REASON, colliding_names, is_hidden, is_undecodable, shown_name,
                                         txt_in_other_case)
from landstrikes.schema.raw_pins import check_pinned_texts
from landstrikes.schema.report import Report
from landstrikes.schema.tableio import UnreadableTable

CHECK = "article-not-raw"
_CHUNK = 1 << 20


ABSENT = frozenset({errno.ENOENT, errno.ENOTDIR, errno.ELOOP, errno.ENXIO, errno.ENAMETOOLONG})
"""Errors that say there is no regular file at the name (ENXIO: a socket)."""


def _digest(path: Path) -> str | None:
    """sha256 of a regular file's bytes, or None if it is not one (missing, folder, FIFO, device).
    A file that is there but cannot be read (no permission, an I/O error) is UnreadableTable
    `raw-unreadable`, as build says: it was `article-not-raw` "missing", INVALID (attack24)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except ValueError:  # a NUL in the name (review14: it crashed the check)
        return None
    except OSError as exc:
        if exc.errno in ABSENT:
            return None
        raise _unreadable(path, exc) from exc
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        digest = hashlib.sha256()
        while chunk := os.read(fd, _CHUNK):
            digest.update(chunk)
        return digest.hexdigest()
    except OSError as exc:
        raise _unreadable(path, exc) from exc
    finally:
        os.close(fd)


def _unreadable(path: Path, exc: OSError) -> UnreadableTable:
    return UnreadableTable(f"{path}: raw article cannot be read ({exc.strerror or exc}); nothing was judged", "raw-unreadable")


def check_raw_texts(folder: Path, articles: pa.Table | None, report: Report) -> None:
    raw = folder / "raw"
    if articles is None or not (folder / "data").is_dir():
        return
    check_pinned_texts(folder, articles, report)  # the texts the annotation sources pin (attack54)
    if not raw.is_dir():
        return
    names = [n for n in ("article_id", "source_file", "sha256") if n in articles.column_names]
    if len(names) < 3 or not all(pa.types.is_string(articles.schema.field(n).type) for n in names):
        return  # a structural finding already
    ids, files, digests = (articles.column(n).to_pylist() for n in names)
    named = set()
    for article_id, source_file, digest in zip(ids, files, digests):
        if not source_file or "/" in source_file or source_file in (".", ".."):
            continue  # article-derived-mismatch names it
        named.add(source_file)
        actual = _digest(raw / source_file)
        if actual is None:
            report.add("articles", CHECK, f"raw/{source_file[:60]} is missing or not a regular file: the article has no "
                       "raw text beside it", str(article_id), "source_file", source_file)
        elif actual != digest:
            report.add("articles", CHECK, f"the text is not raw/{source_file[:60]} (its sha256 is {actual}): the table "
                       "was edited, or the raw file, after the build", str(article_id), "sha256", str(digest))
    for path in txt_in_other_case(raw):
        report.add("articles", CASE_CHECK, f"raw/{path.name[:60]}: {CASE_REASON}", path.stem, "source_file", path.name,
                   value_of="the raw file")
    texts = sorted(raw.glob("*.txt"))
    for name, other in colliding_names(p.name for p in texts if not is_undecodable(p.name)):
        report.add("articles", FOLD_CHECK, f"raw/{name[:60]} and raw/{other[:60]}: {FOLD_REASON}", name[:-4],
                   "source_file", name, value_of="the raw file")
    for path in texts:
        if is_undecodable(path.name):
            name = shown_name(path.name)
            report.add("articles", NAME_CHECK, f"raw/{name[:60]}: {NAME_REASON}", name[:-4], "source_file", name, value_of="the raw file")
        elif is_hidden(path.name):
            report.add("articles", HIDDEN_CHECK, f"raw/{path.name[:60]}: {HIDDEN_REASON}", path.stem, "source_file",
                       path.name, value_of="the raw file")
        elif path.name not in named:
            report.add("articles", CHECK, f"raw/{path.name[:60]} is an article no row of the table holds",
                       path.stem, "source_file", path.name, value_of="the raw file")
