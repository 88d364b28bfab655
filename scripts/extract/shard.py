"""A chunk's rows of one table, gathered as columns and written as one Parquet shard.

A worker keeps each article's rows as column values (the row dicts are freed after every article,
so a large chunk holds no dict per row) and lets Arrow sort the shard by its id column. The file
is what `landstrikes.schema.tableio.write_table` writes for the same rows sorted by id, byte for
byte (tests/test_extract_overhead.py); build keeps using write_table itself.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from landstrikes.schema.columns import TableSpec
from landstrikes.schema.tableio import METADATA_PREFIX


class Columns:
    """One table's values, column by column, in the order the rows were added."""

    def __init__(self, spec: TableSpec):
        self.spec = spec
        self.values: dict[str, list] = {name: [] for name in spec.column_names}
        self.rows = 0

    def extend(self, rows: list[dict]) -> None:
        for name, values in self.values.items():
            values.extend([r[name] for r in rows])
        self.rows += len(rows)


def sorted_table(columns: Columns, metadata: dict[str, str]) -> pa.Table:
    """The rows as an Arrow table with the spec's explicit schema, sorted by the id column.

    Arrow's sort is stable and compares UTF-8 bytes, which order like Python's code points, so
    this is `sorted(rows, key=id)` (every type is explicit: no inference, hence no pandas)."""
    spec = columns.spec
    meta = {f"{METADATA_PREFIX}{k}".encode(): v.encode() for k, v in sorted(metadata.items())}
    table = pa.table(columns.values, schema=spec.arrow_schema())
    if table.num_rows > 1:
        table = table.take(pc.sort_indices(table, [(spec.id_column, "ascending")]))
    return table.replace_schema_metadata(meta).combine_chunks()


def write_shard(columns: Columns, path: Path, metadata: dict[str, str]) -> None:
    """Write with the options of `tableio.write_table` (same rows, same bytes)."""
    table = sorted_table(columns, metadata)
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, path, compression="zstd", write_statistics=True, use_dictionary=True, store_schema=True)
