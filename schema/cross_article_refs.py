"""A quote's speaker mention and its parent quote are rows of the quote's own article (Q4, Q6):
`speaker-mention-mismatch` ("a mention of the speaker in the same article") and
`parent-quote-not-enclosing` ("in the same article"). The rules that read the mention or the
parent (`quotes_checks`, `cue_events`, `nested_clusters`) look it up within the quote's article
(`checkcorpus.same_article_positions`); a reference that names only other articles' rows is
judged here, on whole tables: in one folder as a cross check, under `validate --engine` in the
corpus-wide pass (NOT_IN_PARTITIONS), since a task holds whole articles, not the rows another
article's row names.

attack31: a quote of 000 given a quote of 002 as parent (or a mention of 002 as speaker mention)
was VALID under `validate --engine` with the two articles in different tasks: each task looked the
id up among its own rows, found none, and judged nothing; the key pass found the id exists. One
folder said INVALID. The findings are the ones one folder gave before: a null article id on either
side is no same article (a null never matches: the enclosing rule's pandas form compared the ids
as objects), and the speaker words are compared with the named mention's span."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from landstrikes.schema.checkcorpus import _first_index_arrow, frame_of, ints, key_positions, nulls, same_article_positions, strings_of
from landstrikes.schema.report import Report

_QUOTES = ("quote_id", "article_id", "speaker_mention_id", "parent_quote_id")


def check_cross_article_mentions(tables, report: Report) -> None:
    quotes, mentions = tables.get("quotes"), tables.get("mentions")
    if quotes is None or mentions is None or not all(c in quotes for c in _QUOTES) \
            or not all(c in mentions for c in ("mention_id", "article_id", "start", "end")):
        return
    found = key_positions(tables, "quotes", "speaker_mention_id", "mentions", "mention_id")
    rows = np.flatnonzero((found >= 0) & (same_article_positions(tables, "quotes", "speaker_mention_id", "mentions", "mention_id") < 0))
    if not len(rows):
        return
    frame = frame_of(quotes)
    ids, values = frame["quote_id"].iloc[rows], frame["speaker_mention_id"].iloc[rows]
    for row_id, value in zip(ids, values):
        report.add("quotes", "speaker-mention-mismatch", "speaker mention must be a mention of the speaker in the same article", row_id,
                   "speaker_mention_id", value)
    if "speaker_start" not in quotes or "speaker_end" not in quotes:
        return
    absent = (nulls(tables, "quotes", "speaker_start") | nulls(tables, "quotes", "speaker_end"))[rows]
    differs = absent | (ints(tables, "quotes", "speaker_start")[rows] != ints(tables, "mentions", "start")[found[rows]]) \
        | (ints(tables, "quotes", "speaker_end")[rows] != ints(tables, "mentions", "end")[found[rows]])
    for row_id, value in zip(ids[differs], frame["speaker_start"].iloc[rows[differs]]):
        report.add("quotes", "speaker-words-inconsistent", "the speaker words must be the speaker mention's span", row_id,
                   "speaker_start", value)


def check_cross_article_parents(tables, report: Report) -> None:
    quotes = tables.get("quotes")
    if quotes is None or not all(c in quotes for c in _QUOTES):
        return
    ids = strings_of(tables, "quotes", "quote_id")
    n = len(ids)
    reversed_ids = ids.take(pa.array(np.arange(n - 1, -1, -1, dtype=np.int64)))
    last = _first_index_arrow(strings_of(tables, "quotes", "parent_quote_id"), reversed_ids)
    found = np.where(last >= 0, n - 1 - last, -1)
    rows = np.flatnonzero((found >= 0) & (same_article_positions(tables, "quotes", "parent_quote_id", "quotes", "quote_id", last=True) < 0))
    if not len(rows):
        return
    frame = frame_of(quotes)
    for quote_id, parent in zip(frame["quote_id"].iloc[rows], frame["parent_quote_id"].iloc[rows]):
        report.add("quotes", "parent-quote-not-enclosing", "parent quote must enclose the nested quote in the same article", quote_id,
                   "parent_quote_id", parent)


CROSS_ARTICLE_CHECKS = (check_cross_article_mentions, check_cross_article_parents)
"""The checks `validate --engine` runs on whole tables in its corpus-wide pass, with the tables each reads."""
CROSS_ARTICLE_TABLES = {check_cross_article_mentions: ("quotes", "mentions"), check_cross_article_parents: ("quotes",)}
