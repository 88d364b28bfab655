"""An entity a claim is attributed to (C3) or a stance is held by (S3) is one the article names:
it has a mention in that article (M2 makes every name a mention; M3 every nominal or pronoun
that identifies a holder). A claimant or holder swapped for another catalogued entity passed
every other check (census); the gold and the extractor's output hold this everywhere.

Decided on integer codes (article row x entity row), from the lookups the foreign-key check has
already made (shared on the run's Corpus): no string is joined or hashed again."""

from __future__ import annotations

import numpy as np

from landstrikes.schema.census_arrow import arrow_of, ids_at, values_at
from landstrikes.schema.checkcorpus import article_numbers, gather, key_positions
from landstrikes.schema.report import Report

ATTRIBUTIONS = (("claims", "claimant_id"), ("stances", "holder_id"))


def check_attribution_mentions(tables, report: Report) -> None:
    if arrow_of(tables, "mentions", ("article_id", "entity_id")) is None or arrow_of(tables, "entities", ()) is None or "articles" not in tables:
        return
    width = len(tables["entities"]) + 1
    mentioned = _member_test(_codes(tables, "mentions", "entity_id", width), len(tables["articles"]) * width)
    for table, name in ATTRIBUTIONS:
        rows_table = arrow_of(tables, table, ("article_id", name))
        if rows_table is None:
            continue
        codes = _codes(tables, table, name, width)
        # unknown articles or entities (code < 0) are dangling-foreign-key's findings
        rows = np.flatnonzero((codes >= 0) & ~mentioned(codes))
        for row_id, article_id, entity_id in zip(ids_at(rows_table, table, rows), values_at(rows_table, "article_id", rows), values_at(rows_table, name, rows)):
            report.add(table, "attribution-not-mentioned", f"{name} {entity_id!r} has no mention in article {article_id}", row_id, name, entity_id)


def _codes(tables, table: str, name: str, width: int) -> np.ndarray:
    """article row * width + entity row per row; -1 where either is unknown or null."""
    article = article_numbers(tables, table)
    entity = key_positions(tables, table, name, "entities", "entity_id")
    codes = np.multiply(article, width, dtype=np.int64)  # (one array for the product, the sum and the -1s)
    codes += entity
    codes[(article < 0) | (entity < 0)] = -1
    return codes


def _member_test(codes: np.ndarray, size: int):
    """codes -> bool per code: one of `codes` (a bitmap up to 2^27 codes, else a sorted search)."""
    known = codes[codes >= 0] if (codes < 0).any() else codes
    if size <= 1 << 27:
        marks = np.zeros(size, bool)
        marks[known] = True
        return lambda other: gather(marks, other, False)  # (no articles: size 0, nothing is known)
    known = np.unique(known)
    return lambda other: np.isin(other, known)
