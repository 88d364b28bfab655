"""The silver entity catalogue: per-article entity evidence merged across the corpus in Arrow.

Workers write one evidence row per (article, entity) with a hash bucket of the entity id; the
merge runs in Arrow compute (group-by, not Python dicts), one range of buckets at a time, so
the main process holds at most about PASS_ROWS evidence rows however large the corpus is.
"""

from __future__ import annotations

import zlib
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as pads
import pyarrow.parquet as pq

EVIDENCE_SCHEMA = pa.schema(
    [
        ("entity_id", pa.string()),
        ("name", pa.string()),
        ("type", pa.string()),
        ("mentions", pa.int64()),
        ("confidence", pa.float64()),
        ("aliases", pa.list_(pa.string())),
        ("bucket", pa.int32()),
    ]
)
BUCKETS = 4096
PASS_ROWS = 40_000
"""Evidence rows merged per pass: bounds the main process's memory."""


def bucket(entity_id: str) -> int:
    return zlib.crc32(entity_id.encode("utf-8")) % BUCKETS


def write_evidence(rows: list[dict], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = [{**r, "bucket": bucket(r["entity_id"])} for r in rows]
    columns = {f.name: [r[f.name] for r in rows] for f in EVIDENCE_SCHEMA}
    pq.write_table(pa.table(columns, schema=EVIDENCE_SCHEMA), path)


def _first_per_entity(table: pa.Table, value: str, weight: str) -> pa.Table:
    """The value with the largest weight per entity (ties: the smallest value)."""
    ordered = table.sort_by([("entity_id", "ascending"), (weight, "descending"), (value, "ascending")])
    ids = ordered["entity_id"]
    if len(ids) == 0:
        return ordered
    changed = pc.not_equal(ids.slice(1), ids.slice(0, len(ids) - 1))
    first = pa.concat_arrays([pa.array([True]), changed.combine_chunks()])
    return ordered.filter(first)


def merged_passes(folder: Path):
    """Merged catalogue tables, one per range of buckets, each sorted by entity_id."""
    files = sorted(folder.glob("*.parquet")) if folder.exists() else []
    if not files:
        return
    dataset = pads.dataset(files, format="parquet", schema=EVIDENCE_SCHEMA)
    sizes = dataset.to_table(columns=["bucket"]).group_by("bucket").aggregate([("bucket", "count")])
    counts = dict(zip(sizes["bucket"].to_pylist(), sizes["bucket_count"].to_pylist()))
    low, rows = 0, 0
    for b in range(BUCKETS + 1):
        if b == BUCKETS or (rows and rows + counts.get(b, 0) > PASS_ROWS):
            in_range = (pc.field("bucket") >= low) & (pc.field("bucket") < b)
            yield merge_evidence(dataset.to_table(filter=in_range))
            low, rows = b, 0
        rows += counts.get(b, 0)


def merge_evidence(evidence: pa.Table) -> pa.Table:
    """One row per entity: majority name and type, mention/article counts, best confidence, aliases."""
    names = _first_per_entity(evidence.group_by(["entity_id", "name"]).aggregate([("mentions", "sum")]), "name", "mentions_sum")
    types = _first_per_entity(evidence.group_by(["entity_id", "type"]).aggregate([("mentions", "sum")]), "type", "mentions_sum")
    stats = evidence.group_by("entity_id").aggregate([("mentions", "sum"), ("confidence", "max"), ("entity_id", "count")])
    parents = pc.list_parent_indices(evidence["aliases"])
    flat = pa.table({"entity_id": pc.take(evidence["entity_id"], parents), "alias": pc.list_flatten(evidence["aliases"])})
    aliases = flat.group_by("entity_id").aggregate([("alias", "distinct")])
    merged = (
        stats.join(names.select(["entity_id", "name"]), "entity_id")
        .join(types.rename_columns(["entity_id", "type", "type_mentions"]), "entity_id")
        .sort_by("entity_id")
    )
    # Arrow joins carry no list columns: align the alias lists by position instead
    where = pc.index_in(merged["entity_id"], value_set=aliases["entity_id"])
    return merged.append_column("alias_distinct", pc.take(aliases["alias_distinct"], where))


def catalogue_rows(folder: Path, source: str):
    """Entity rows, one list per merge pass (bucket range), ready for `write_table`."""
    for merged in merged_passes(folder):
        chunk = merged.to_pylist()
        yield [
            {
                "entity_id": r["entity_id"],
                "name": r["name"],
                "type": r["type"],
                "aliases": sorted(r["alias_distinct"] or []),
                "description": f"auto: {r['type']} named in {r['entity_id_count']} article(s)",
                "flag": "none",
                "flag_note": None,
                "source": source,
                # the surest reading, discounted when articles disagree on the type
                "confidence": round(r["confidence_max"] * r["type_mentions"] / max(1, r["mentions_sum"]), 4),
            }
            for r in chunk
        ]
