"""An entity a claim is attributed to (C3), a stance is held by (S3) or a quote is spoken by (Q6,
Q9) is one the article names: it has a mention in that article (M2 makes every name a mention; M3
every nominal or pronoun that identifies a holder or speaker). A claimant or holder swapped for
another catalogued entity passed every other check (census), and so did a `multiple` row's
speaker or an `implicit` speaker the article never mentions (attack25); the gold and the
extractor's output hold this everywhere.

Decided on integer codes (article row x entity row), from the lookups the foreign-key check has
already made (shared on the run's Corpus): no string is joined or hashed again."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.census_arrow import arrow_of, ids_at, values_at
from landstrikes.schema.checkcorpus import article_numbers, gather, key_positions
from landstrikes.schema.report import Report

ATTRIBUTIONS = (("claims", "claimant_id"), ("stances", "holder_id"), ("quotes", "speaker_id"))
LISTED_ATTRIBUTIONS = (("quotes", "speaker_ids"),)


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
    for table, name in LISTED_ATTRIBUTIONS:
        _check_listed(tables, table, name, width, mentioned, report)


def _check_listed(tables, table: str, name: str, width: int, mentioned, report: Report) -> None:
    """The same rule for each entity a list column names (a `multiple` quote's speakers)."""
    rows_table = arrow_of(tables, table, ("article_id", name))
    if rows_table is None or not pa.types.is_list(rows_table.column(name).type):
        return
    listed = rows_table.column(name).combine_chunks()
    items = pc.list_flatten(listed)
    if not len(items):
        return
    owners = pc.list_parent_indices(listed).to_numpy(zero_copy_only=False).astype(np.int64)
    entities = arrow_of(tables, "entities", ("entity_id",))
    if entities is None:
        return
    entity_ids = entities.column("entity_id").combine_chunks().cast(items.type)
    entity = pc.fill_null(pc.index_in(items, value_set=entity_ids), -1).to_numpy(zero_copy_only=False).astype(np.int64)
    article = article_numbers(tables, table)[owners]
    codes = np.multiply(article, width, dtype=np.int64) + entity
    codes[(article < 0) | (entity < 0)] = -1  # unknown articles or entities are dangling-foreign-key's
    missing = np.flatnonzero((codes >= 0) & ~mentioned(codes))
    if not len(missing):
        return
    rows = owners[missing]
    for row_id, article_id, entity_id in zip(ids_at(rows_table, table, rows), values_at(rows_table, "article_id", rows),
                                             items.take(pa.array(missing)).to_pylist()):
        report.add(table, "attribution-not-mentioned", f"{name} lists {entity_id!r}, which has no mention in article {article_id}",
                   row_id, name, entity_id)


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
