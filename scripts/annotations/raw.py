"""Read the raw articles verbatim, refusing files the corpus cannot stand on."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from landstrikes.errors import BuildError
from landstrikes.schema.rawnames import (CASE_CHECK, CASE_REASON, FOLD_CHECK, FOLD_REASON, HIDDEN_CHECK, HIDDEN_REASON,
                                         NAME_CHECK, NAME_REASON, colliding_names, is_hidden, is_undecodable, shown_name,
                                         txt_in_other_case)


@dataclass(frozen=True)
class RawArticle:
    article_id: str
    source_file: str
    text: str
    sha256: str


def _line_of_byte(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def read_raw_bytes(path: Path) -> bytes:
    """The bytes of one raw article; a folder, a link, a special file or an unreadable file is
    refused. A link, even to a readable file: git stores the link, not the text, so a clone would
    build without the article, or with whatever the link then points to (attack24's open item)."""
    try:
        if path.is_symlink():
            raise BuildError(path, "raw article is a symbolic link (git keeps the link, not the text: copy the file in)",
                             check="raw-not-a-file")
        if not path.is_file():
            kind = "a directory" if path.is_dir() else "not a regular file (a broken link or a special file)"
            raise BuildError(path, f"raw article is {kind}", check="raw-not-a-file")
        return path.read_bytes()
    except OSError as exc:
        raise BuildError(path, f"raw article cannot be read ({exc.strerror or exc})", check="raw-unreadable") from None


def refuse_colliding_names(raw_dir: Path, names: list[str]) -> None:
    """BuildError for the first of `names` (in raw_dir) that a case-insensitive or normalising file
    system holds as one with an earlier one (`raw-name-collision`): `build` and `extract` refuse such
    a folder alike, since macOS or Windows would keep one text for both (attack23, extract57). A
    name that is no UTF-8 is left to its own check."""
    for name, other in colliding_names(n for n in names if not is_undecodable(n))[:1]:
        raise BuildError(raw_dir / name, f"{FOLD_REASON} (beside {other})", check=FOLD_CHECK)


def read_raw_articles(raw_dir: Path) -> list[RawArticle]:
    """Every *.txt in raw_dir, in name order; error on a hidden one, non-UTF-8, empty or duplicate content."""
    if not raw_dir.is_dir():
        raise BuildError(raw_dir, "the raw article folder is missing or not a folder", check="raw-missing")
    other_case = txt_in_other_case(raw_dir)
    if other_case:
        raise BuildError(other_case[0], CASE_REASON, check=CASE_CHECK)
    files = sorted(raw_dir.glob("*.txt"))
    if not files:
        raise BuildError(raw_dir, "no raw article (*.txt) found", check="raw-missing")
    for path in files:  # a name that is no UTF-8 first: it cannot be folded
        if is_undecodable(path.name):
            raise BuildError(shown_name(str(path)), NAME_REASON, check=NAME_CHECK)
    refuse_colliding_names(raw_dir, [p.name for p in files])
    seen: dict[str, str] = {}
    articles = []
    for path in files:
        if is_undecodable(path.name):
            raise BuildError(shown_name(str(path)), NAME_REASON, check=NAME_CHECK)
        if is_hidden(path.name):
            raise BuildError(path, HIDDEN_REASON, check=HIDDEN_CHECK)
        data = read_raw_bytes(path)
        if not data.strip():
            raise BuildError(path, "raw article is empty", check="raw-empty")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise BuildError(path, f"raw article is not valid UTF-8 (byte {exc.start}: {exc.reason})",
                             _line_of_byte(data, exc.start), check="raw-not-utf8") from None
        digest = hashlib.sha256(data).hexdigest()
        if digest in seen:
            raise BuildError(path, f"raw article duplicates the content of {seen[digest]}", check="raw-duplicate")
        seen[digest] = path.name
        articles.append(RawArticle(path.stem, path.name, text, digest))
    return articles
