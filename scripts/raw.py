"""Read the raw articles verbatim, refusing files the corpus cannot stand on."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from landstrikes.errors import BuildError


@dataclass(frozen=True)
class RawArticle:
    article_id: str
    source_file: str
    text: str
    sha256: str


def read_raw_articles(raw_dir: Path) -> list[RawArticle]:
    """Every *.txt in raw_dir, in name order; error on non-UTF-8, empty or duplicate content."""
    files = sorted(raw_dir.glob("*.txt"))
    if not files:
        raise BuildError(raw_dir, "no raw article (*.txt) found")
    seen: dict[str, str] = {}
    articles = []
    for path in files:
        data = path.read_bytes()
        if not data.strip():
            raise BuildError(path, "raw article is empty")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise BuildError(path, f"raw article is not valid UTF-8 (byte {exc.start}: {exc.reason})") from None
        digest = hashlib.sha256(data).hexdigest()
        if digest in seen:
            raise BuildError(path, f"raw article duplicates the content of {seen[digest]}")
        seen[digest] = path.name
        articles.append(RawArticle(path.stem, path.name, text, digest))
    return articles
