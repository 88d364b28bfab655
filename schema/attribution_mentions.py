"""An entity a claim is attributed to (C3) or a stance is held by (S3) is one the article names:
it has a mention in that article (M2 makes every name a mention; M3 every nominal or pronoun
that identifies a holder). A claimant or holder swapped for another catalogued entity passed
every other check (census); the gold and the extractor's output hold this everywhere."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.census_arrow import arrow_of, failing_rows, ids_at, values_at
from landstrikes.schema.checkcorpus import column
from landstrikes.schema.report import Report

ATTRIBUTIONS = (("claims", "claimant_id"), ("stances", "holder_id"))
_SEP = pa.scalar("\x1f", pa.large_string())


def check_attribution_mentions(tables, report: Report) -> None:
    mentions = arrow_of(tables, "mentions", ("article_id", "entity_id"))
    if mentions is None:
        return
    known = pc.unique(_keys(mentions, "entity_id"))
    for table, name in ATTRIBUTIONS:
        rows_table = arrow_of(tables, table, ("article_id", name))
        if rows_table is None:
            continue
        keys = _keys(rows_table, name)
        rows = failing_rows(pc.and_(keys.is_valid(), pc.invert(pc.is_in(keys, value_set=known))))
        for row_id, article_id, entity_id in zip(ids_at(rows_table, table, rows), values_at(rows_table, "article_id", rows), values_at(rows_table, name, rows)):
            report.add(table, "attribution-not-mentioned", f"{name} {entity_id!r} has no mention in article {article_id}", row_id, name, entity_id)


def _keys(table: pa.Table, name: str) -> pa.Array:
    """article_id + separator + entity id (null where either is null)."""
    article = column(table, "article_id").cast(pa.large_string())
    entity = column(table, name).cast(pa.large_string())
    return pc.binary_join_element_wise(article, entity, _SEP)
