"""Scaled synthetic copies of the corpus for benchmarks: same distributions, still valid.

`replicate(source, target, copies)` writes `copies` replicas of every article with all of its
annotation rows. Each replica gets a fresh article id (`<article_id>-<k>`); every id that
points into an article (`<article_id>:q:...`, speaker mentions, parent quotes, contradicted_by)
and every cluster id is rewritten to stay inside its replica, so foreign keys, derived ids,
spans, coverage, partitions and cluster rules all still hold. Row counts of every annotation
table grow by exactly `copies`; label and length distributions are those of the real tables.
The article `sha256` is a synthetic unique value (validate checks its format, not the file).

`large_article(target, chars)` writes a valid one-article corpus whose text is `chars` code
points long, with astral characters before its spans (for the memory benchmark).
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from landstrikes.schema.registry import TABLES
from landstrikes.schema.tableio import read_arrow, table_files

GLOBAL_TABLES = ("entities", "stance_targets")
"""Catalogues shared by all articles: copied once, never replicated."""


def replica_suffixes(copies: int) -> pa.Array:
    width = len(str(copies - 1))
    return pa.array([f"-{k:0{width}d}" for k in range(copies)])


def _write(table: pa.Table, source_file: Path, target_dir: Path) -> None:
    target_dir.mkdir(parents=True, exist_ok=True)
    metadata = pq.read_schema(source_file).metadata
    table = table.replace_schema_metadata(metadata).combine_chunks()
    pq.write_table(table, target_dir / source_file.name, compression="zstd", row_group_size=1 << 20)


def _article_scoped(column: pa.ChunkedArray, article_ids: set[str]) -> bool:
    """True when every non-null value (or list item) is an id inside some article."""
    values = pc.list_flatten(column) if pa.types.is_list(column.type) else column
    if not pa.types.is_string(values.type):
        return False
    values = pc.drop_null(values).unique().to_pylist()
    return bool(values) and all(v.split(":", 1)[0] in article_ids and ":" in v for v in values)


def _rewrite(values: pa.ChunkedArray, replica: np.ndarray, suffixes: pa.Array, scoped: bool) -> pa.Array:
    """Append the replica suffix to an article id (before its first ':') or to a cluster id."""
    if pa.types.is_list(values.type):
        values = values.combine_chunks()
        lengths = pc.fill_null(pc.list_value_length(values), 0).to_numpy(zero_copy_only=False)
        flat = pc.list_flatten(values)
        flat_replica = np.repeat(replica, lengths)
        rewritten = pa.chunked_array([_rewrite(pa.chunked_array([flat]), flat_replica, suffixes, scoped)])
        rewritten = rewritten.combine_chunks()
        offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int32)
        return pa.ListArray.from_arrays(pa.array(offsets), rewritten, mask=pc.is_null(values))
    suffix = suffixes.take(pa.array(replica))
    if not scoped:
        return pc.binary_join_element_wise(values, suffix, "")
    parts = pc.extract_regex(values, r"^(?P<head>[^:]*)(?P<tail>.*)$")
    head, tail = pc.struct_field(parts, [0]), pc.struct_field(parts, [1])
    return pc.binary_join_element_wise(head, suffix, tail, "")


def replicate(source: Path, target: Path, copies: int) -> dict[str, int]:
    """Write `copies` replicas of the corpus in `source` (a dataset or data folder) to `target/data`."""
    source = source / "data" if (source / "data").is_dir() else source
    out = target / "data"
    if out.exists():
        shutil.rmtree(out)
    suffixes = replica_suffixes(copies)
    article_ids = set(read_arrow(source / "articles").column("article_id").to_pylist())
    rows = {}
    for spec in TABLES:
        folder = source / spec.name
        table = read_arrow(folder)
        first = table_files(folder)[0]
        if spec.name in GLOBAL_TABLES:
            _write(table, first, out / spec.name)
            rows[spec.name] = table.num_rows
            continue
        n = table.num_rows
        tiled = table.take(pa.array(np.tile(np.arange(n), copies)))
        replica = np.repeat(np.arange(copies), n)
        columns = {}
        for name in tiled.column_names:
            column = tiled.column(name)
            if name == "cluster_id":
                columns[name] = _rewrite(column, replica, suffixes, scoped=False)
            elif name == "article_id" or _article_scoped(table.column(name), article_ids):
                columns[name] = _rewrite(column, replica, suffixes, scoped=True)
            else:
                columns[name] = column
        if spec.name == "articles":
            columns["source_file"] = pc.binary_join_element_wise(columns["article_id"], ".txt", "")
            columns["sha256"] = pa.array(
                [hashlib.sha256(a.encode()).hexdigest() for a in columns["article_id"].to_pylist()]
            )
        result = pa.table(columns, schema=table.schema)
        _write(result, first, out / spec.name)
        rows[spec.name] = result.num_rows
    return rows
