"""A chunk's rows of one table, gathered and written as one Parquet shard.

A worker keeps each article's records (tuples in the table's column order) until a few thousand
have come, then hands them to Arrow in one call as a struct array with the table's schema (Arrow
reads every tuple's values by position in C++; no Python list per column), so a chunk holds its rows in Arrow's compact buffers, not as millions
of Python objects, and lets Arrow sort the shard by its id column. The file is what
`landstrikes.schema.tableio.write_table` writes for the same rows sorted by id, byte for byte
(tests/test_extract_overhead.py); build keeps using write_table itself.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow._compute as _arrow_compute
import pyarrow.parquet as pq

from landstrikes.schema.columns import TableSpec
from landstrikes.schema.tableio import METADATA_PREFIX
from landstrikes.errors import naming


BATCH_ROWS = 4096
"""Rows kept as Python tuples (or dicts) before they become an Arrow batch: a chunk then holds its rows in
Arrow's compact buffers, not as millions of Python objects for the garbage collector to walk."""


def arrow_call(name: str, args: list, options=None):
    """An Arrow compute kernel by name, without importing `pyarrow.compute`: that module builds a
    Python wrapper with a docstring for each of Arrow's hundreds of kernels when it is imported
    (about 0.05 CPU-seconds per process); the kernels themselves live in `pyarrow._compute`.
    (`Table.take` and `Table.filter` would import it: they go through those wrappers.)"""
    return _arrow_compute.call_function(name, args, options)


class Columns:
    """One table's rows in the order they were added: Arrow batches, then the latest rows. A row is
    a record (a tuple in the schema's column order, as `extract_records` makes them) or a dict
    keyed by column name; one table's rows are all of one kind (Arrow reads a batch by the kind
    of its first row)."""

    def __init__(self, spec: TableSpec, batch_rows: int = BATCH_ROWS):
        self.spec = spec
        self.schema = spec.arrow_schema()
        self.row_type = pa.struct(list(self.schema))
        self.batch_rows = batch_rows
        self.pending: list[tuple | dict] = []
        self.batches: list[pa.RecordBatch] = []
        self.rows = 0

    def extend(self, rows: list[tuple] | list[dict]) -> None:
        if not rows:  # (most articles have no quality flag)
            return
        pending = self.pending
        pending.extend(rows)
        self.rows += len(rows)
        if len(pending) >= self.batch_rows:
            self._flush()

    def add_table(self, table: pa.Table) -> None:
        """Rows already in Arrow, with the spec's column types (the catalogue's common entities,
        `entity_shards`)."""
        self._flush()
        self.batches.extend(table.to_batches())
        self.rows += table.num_rows

    def _flush(self) -> None:
        if self.pending:
            # every value typed by the schema: no inference, hence no pandas (nopandas.py)
            rows = pa.array(self.pending, type=self.row_type)
            self.batches.append(pa.RecordBatch.from_struct_array(rows))
            self.pending = []

    def table(self) -> pa.Table:
        """Every row added, as one table (one chunk per batch) with the spec's schema."""
        self._flush()
        return pa.Table.from_batches(self.batches, schema=self.schema) if self.batches else self.schema.empty_table()


def sorted_table(columns: Columns, metadata: dict[str, str]) -> pa.Table:
    """The rows as an Arrow table with the spec's explicit schema, sorted by the id column.

    Arrow's sort is stable and compares UTF-8 bytes, which order like Python's code points, so
    this is `sorted(rows, key=id)` (every type is explicit: no inference, hence no pandas)."""
    spec = columns.spec
    meta = {f"{METADATA_PREFIX}{k}".encode(): v.encode() for k, v in sorted(metadata.items())}
    table = columns.table()
    if table.num_rows > 1:
        order = arrow_call("sort_indices", [table], _arrow_compute.SortOptions([(spec.id_column, "ascending")]))
        table = arrow_call("take", [table, order])
    return table.replace_schema_metadata(meta).combine_chunks()


def write_shard(columns: Columns, path: Path, metadata: dict[str, str]) -> None:
    """Write with the options of `tableio.write_table` (same rows, same bytes)."""
    table = sorted_table(columns, metadata)
    path.parent.mkdir(parents=True, exist_ok=True)
    with naming(path):
        pq.write_table(table, path, compression="zstd", write_statistics=True, use_dictionary=True, store_schema=True)
