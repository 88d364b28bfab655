"""A dataset folder's articles are the texts its annotation sources pin (attack54).

`build` refuses a raw text whose sha256 is not the one its source pins (`raw: {sha256, n_chars}`,
`landstrikes.annotations.rawpins`). `article-not-raw` holds the table to `raw/`, but a raw text
converted (CRLF, a byte-order mark, NFD, ...) with the tables rebuilt from it by a build that did
not read the pin, or edited with the tables, agrees with them: VALID, though every offset after
the change had moved. So `validate DIR`, where `annotations/articles/` stands beside `data/`,
compares each article row's `sha256` and `n_chars` with its source's pin.

Only the pin as build and the sources write it is read here (one line, `raw: {sha256: <64 hex>,
n_chars: <n>}`), from a regular file of at most 16 MiB read without blocking: schema/ parses no
YAML, and a source it cannot read this way is the build's to refuse, not a finding here.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

import pyarrow as pa

from landstrikes.schema.report import Report, counted

CHECK = "raw-text-changed"
_LIMIT = 16 * 1024 * 1024
_ARTICLE = re.compile(r"^article:[ \t]*(\S[^\r\n]*?)[ \t]*$", re.M)
_PIN = re.compile(r"^raw:[ \t]*\{[ \t]*sha256:[ \t]*([0-9a-f]{64})[ \t]*,[ \t]*n_chars:[ \t]*([0-9]{1,12})[ \t]*\}[ \t]*$", re.M)


def _source_text(path: Path) -> str | None:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except (OSError, ValueError):
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > _LIMIT:
            return None
        data = b""
        while chunk := os.read(fd, 1 << 20):
            data += chunk
        return data.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    finally:
        os.close(fd)


def pins(folder: Path) -> dict[str, tuple[str, int, str, int]]:
    """source_file -> (sha256, n_chars, the source's name, the pin's line) of every readable source."""
    out: dict[str, tuple[str, int, str, int]] = {}
    for path in sorted((folder / "annotations" / "articles").glob("*.yaml")):
        text = _source_text(path)
        article = _ARTICLE.search(text) if text else None
        pin = _PIN.search(text) if text else None
        if article and pin and article.group(1) not in out:
            out[article.group(1)] = (pin.group(1), int(pin.group(2)), path.name, text.count("\n", 0, pin.start()) + 1)
    return out


def check_pinned_texts(folder: Path, articles: pa.Table, report: Report) -> None:
    if not (folder / "annotations" / "articles").is_dir():
        return
    names = ("article_id", "source_file", "sha256", "n_chars")
    if not all(n in articles.column_names for n in names):
        return  # a structural finding already
    pinned = pins(folder)
    if not pinned:
        return
    for article_id, source_file, digest, n_chars in zip(*(articles.column(n).to_pylist() for n in names)):
        pin = pinned.get(source_file) if isinstance(source_file, str) else None
        if pin is None or (digest, n_chars) == pin[:2]:
            continue
        length = counted(n_chars, "code point", spec=",") if isinstance(n_chars, int) else f"n_chars {n_chars!r}"
        report.add("articles", CHECK, f"the text is not the one annotations/articles/{pin[2][:60]} (line {pin[3]}) pins "
                   f"(sha256 {pin[0][:16]}…, {counted(pin[1], 'code point', spec=',')}; the row: {str(digest)[:16]}…, "
                   f"{length}): the raw text was converted or edited and the tables with it, every offset after the "
                   "change moved", str(article_id), "sha256", str(digest))
