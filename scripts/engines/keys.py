"""Corpus-wide key checks over many files in bounded memory: unique ids, foreign keys.

A key space is cut into hash buckets; each pass streams the needed columns of every file in
record batches and keeps only the rows whose key falls in the pass's bucket, so one pass holds
about `pass_rows` keys whatever the corpus size (the files are re-read once per pass: I/O for
memory, the trade an engine's shuffle makes too). A check opens each file once for all its
passes (`opened`; up to KEEP_OPEN files, the rest once a pass). Findings are the ones the
one-folder validator gives: same check ids, row ids, columns, values and messages.
"""

from __future__ import annotations

from contextlib import ExitStack, contextmanager
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from landstrikes.schema.duplicate_ids import DUPLICATE_ID_MESSAGE
from landstrikes.schema.report import Report
from landstrikes.schema.tableio import footer_rows

PASS_ROWS = 2_000_000
"""Keys held per pass (about 100-200 MB of Arrow strings)."""
BATCH_ROWS = 65_536
KEEP_OPEN = 128
"""Files of a table a check holds open across its passes (a descriptor and a parsed footer each).
Opened again every pass, they were 1,289 opens in one `validate --engine` of the gold cut into 36
files with `pass_rows` 50, and its key checks took 0.50 CPU-s against 0.28 opening each once."""
_WEIGHTS = np.random.default_rng(20260119).integers(1, 2**63, size=64, dtype=np.uint64) | np.uint64(1)


def buckets(values: pa.Array, n: int) -> np.ndarray:
    """A stable bucket in [0, n) per string (nulls: 0), vectorised over the Arrow byte buffer."""
    values = values.cast(pa.large_string())
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    if n <= 1 or len(values) == 0:
        return np.zeros(len(values), dtype=np.int64)
    offsets = np.frombuffer(values.buffers()[1], dtype=np.int64)[values.offset : values.offset + len(values) + 1]
    data = values.buffers()[2]
    first, last = int(offsets[0]), int(offsets[-1])
    raw = np.frombuffer(data, dtype=np.uint8)[first:last] if data is not None else np.zeros(0, np.uint8)
    starts = offsets[:-1] - first
    lengths = np.diff(offsets)
    position = np.arange(last - first, dtype=np.int64) - np.repeat(starts, lengths)
    with np.errstate(over="ignore"):
        weighted = (raw.astype(np.uint64) + np.uint64(1)) * _WEIGHTS[position % 64]
        sums = np.concatenate([np.zeros(1, np.uint64), np.cumsum(weighted, dtype=np.uint64)])
        h = sums[starts + lengths] - sums[starts] + lengths.astype(np.uint64)
        h ^= h >> np.uint64(31)
        h *= np.uint64(0x9E3779B97F4A7C15)
        h ^= h >> np.uint64(29)
    return (h % np.uint64(n)).astype(np.int64)


Source = Path | pq.ParquetFile
"""A file to stream: its path, or the file opened once for all passes."""


@contextmanager
def opened(files: list[Path]):
    """`files` as sources for `in_bucket`: the first KEEP_OPEN opened (closed on the way out), the
    others left as paths, opened once a pass."""
    with ExitStack() as stack:
        yield [stack.enter_context(pq.ParquetFile(p)) if i < KEEP_OPEN else p for i, p in enumerate(files)]


def _handle(source: Source) -> pq.ParquetFile:
    return source if isinstance(source, pq.ParquetFile) else pq.ParquetFile(source)


def _rows(files: list[Source]) -> int:
    return sum(footer_rows(_handle(p).metadata) for p in files)


def passes(rows: int, pass_rows: int) -> int:
    return max(1, -(-rows // max(1, pass_rows)))


def _gathered(files: list[Source], columns: list[str]):
    """`columns` of `files` as tables of about BATCH_ROWS rows: the small batches of many small
    partition files are joined first, since the per-batch work (hashing, filters) costs the same
    for ten rows as for ten thousand."""
    pending: list[pa.RecordBatch] = []
    held = 0
    for path in files:
        for batch in _handle(path).iter_batches(batch_size=BATCH_ROWS, columns=columns):
            pending.append(batch)
            held += batch.num_rows
            if held >= BATCH_ROWS:
                yield from _joined(pending)
                pending, held = [], 0
    yield from _joined(pending)


def _joined(batches: list[pa.RecordBatch]):
    if batches:  # as the bucket's own concatenation: columns of one type across the table's files
        yield pa.concat_tables([pa.Table.from_batches([batch]) for batch in batches])


def in_bucket(files: list[Source], columns: list[str], key: str, n: int, b: int,
              explode: bool = False) -> pa.Table:
    """Rows of `files` (only `columns`) whose `key` falls in bucket b of n; list keys exploded first."""
    parts = []
    for table in _gathered(files, columns):
        if explode:
            lists = table[key].combine_chunks()
            parents = pc.list_parent_indices(lists)
            table = table.drop_columns([key]).take(parents).append_column(key, pc.list_flatten(lists))
        table = table.filter(pc.is_valid(table[key]))
        keep = buckets(table[key], n) == b
        if keep.any():
            parts.append(table.filter(pa.array(keep)))
    if not parts:
        return pa.table({c: pa.array([], pa.string()) for c in columns})
    return pa.concat_tables(parts)


def check_unique(table: str, files: list[Path], column: str, id_column: str, report: Report, pass_rows: int = PASS_ROWS) -> None:
    """Every row whose `column` value occurs more than once, as Pandera's uniqueness check reports it."""
    columns = list(dict.fromkeys([id_column, column]))
    with opened(files) as sources:
        n = passes(_rows(sources), pass_rows)
        for b in range(n):
            rows = in_bucket(sources, columns, column, n, b)
            counts = rows.group_by(column).aggregate([(column, "count")])
            repeated = counts.filter(pc.greater(counts[f"{column}_count"], 1))[column]
            if len(repeated) == 0:
                continue
            dup = rows.filter(pc.is_in(rows[column], value_set=repeated))
            for row_id, value in zip(dup[id_column].to_pylist(), dup[column].to_pylist()):
                report.add(table, "duplicate-id", DUPLICATE_ID_MESSAGE, row_id, column, value)


def check_foreign_key(table: str, files: list[Path], column: str, id_column: str, is_list: bool,
                      ref_table: str, ref_files: list[Path], ref_column: str, report: Report,
                      pass_rows: int = PASS_ROWS) -> None:
    """Every non-null value (list item) of `column` that no `ref_column` value equals."""
    what = f"{column} item" if is_list else column
    with opened(files) as sources, opened(ref_files) as ref_sources:
        n = passes(_rows(sources) + _rows(ref_sources), pass_rows)
        for b in range(n):
            rows = in_bucket(sources, [id_column, column], column, n, b, explode=is_list)
            if len(rows) == 0:
                continue
            known = in_bucket(ref_sources, [ref_column], ref_column, n, b)[ref_column]
            dangling = rows.filter(pc.invert(pc.is_in(rows[column], value_set=pc.unique(known.combine_chunks()))))
            for row_id, value in zip(dangling[id_column].to_pylist(), dangling[column].to_pylist()):
                report.add(table, "dangling-foreign-key", f"{what} {value!r} is not a {ref_table}.{ref_column}",
                           row_id, column, value, value_of="an item" if is_list else "")
