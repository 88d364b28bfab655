"""A chunk's rows of one table, gathered as columns and written as one Parquet shard.

A worker keeps each article's rows as column values (the row dicts are freed after every article)
which become Arrow batches every few thousand rows (so a large chunk holds no Python object per
row), and lets Arrow sort the shard by its id column. The file
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


BATCH_ROWS = 4096
"""Rows kept as Python values before they become an Arrow batch: a chunk then holds its rows in
Arrow's compact buffers, not as millions of Python objects for the garbage collector to walk."""


class Columns:
    """One table's rows in the order they were added: Arrow batches, then the latest values."""

    def __init__(self, spec: TableSpec, batch_rows: int = BATCH_ROWS):
        self.spec = spec
        self.schema = spec.arrow_schema()
        self.batch_rows = batch_rows
        self.values: dict[str, list] = {name: [] for name in spec.column_names}
        self.batches: list[pa.Table] = []
        self.pending = 0
        self.rows = 0

    def extend(self, rows: list[dict]) -> None:
        if not rows:  # (most articles have no quality flag: no column work for them)
            return
        for name, values in self.values.items():
            values.extend([r[name] for r in rows])
        self.pending += len(rows)
        self.rows += len(rows)
        if self.pending >= self.batch_rows:
            self._flush()

    def _flush(self) -> None:
        if self.pending:
            self.batches.append(pa.table(self.values, schema=self.schema))
            self.values = {name: [] for name in self.values}
            self.pending = 0

    def table(self) -> pa.Table:
        """Every row added, as one table (several chunks) with the spec's schema."""
        self._flush()
        return pa.concat_tables(self.batches) if self.batches else self.schema.empty_table()


def sorted_table(columns: Columns, metadata: dict[str, str]) -> pa.Table:
    """The rows as an Arrow table with the spec's explicit schema, sorted by the id column.

    Arrow's sort is stable and compares UTF-8 bytes, which order like Python's code points, so
    this is `sorted(rows, key=id)` (every type is explicit: no inference, hence no pandas)."""
    spec = columns.spec
    meta = {f"{METADATA_PREFIX}{k}".encode(): v.encode() for k, v in sorted(metadata.items())}
    table = columns.table()
    if table.num_rows > 1:
        table = table.take(pc.sort_indices(table, [(spec.id_column, "ascending")]))
    return table.replace_schema_metadata(meta).combine_chunks()


def write_shard(columns: Columns, path: Path, metadata: dict[str, str]) -> None:
    """Write with the options of `tableio.write_table` (same rows, same bytes)."""
    table = sorted_table(columns, metadata)
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, path, compression="zstd", write_statistics=True, use_dictionary=True, store_schema=True)
