"""`articles.sha256` is the digest of the raw file's bytes, and the raw text is stored verbatim,
so the digest must be that of the text's UTF-8 bytes. Without this check a table whose text was
edited (or whose digest was copied from another article) still passed: the digest is what
`verify`, the duplicate record of `extract` and downstream deduplication trust to name a text.
"""

from __future__ import annotations

import hashlib
import re

from landstrikes.schema.checkcorpus import article_texts, frame_of, nulls, strings_of
from landstrikes.schema.report import Report

_WELL_FORMED = re.compile(r"[0-9a-f]{64}")
"""A malformed digest is Pandera's `bad-format` finding already, not also a mismatch."""


def text_digests(texts) -> list[str]:
    """sha256 hex digest of every article's UTF-8 bytes, read from the shared text buffer (no str)."""
    data, starts = texts.data(), texts.byte_starts
    view = memoryview(data)
    return [hashlib.sha256(view[starts[i]:starts[i + 1]]).hexdigest() for i in range(len(starts) - 1)]


def check_article_digest(tables: dict, report: Report) -> None:
    articles = tables.get("articles")
    if articles is None or articles.empty:
        return
    digests = text_digests(article_texts(tables))
    stated_digests = strings_of(tables, "articles", "sha256").to_pylist()
    missing = nulls(tables, "articles", "text")
    wrong = [row for row, (text_missing, stated) in enumerate(zip(missing, stated_digests))
             if not (text_missing or not isinstance(stated, str) or not _WELL_FORMED.fullmatch(stated) or stated == digests[row])]
    if not wrong:
        return
    ids = frame_of(articles)["article_id"].to_numpy(dtype=object)  # as pandas shows them, only to word a finding
    for row in wrong:
        report.add("articles", "article-derived-mismatch",
                   f"sha256 must be the digest of the text's UTF-8 bytes ({digests[row][:16]}...): the text is stored verbatim",
                   ids[row], "sha256", stated_digests[row])
