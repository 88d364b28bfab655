"""What the census checks share: a table as Arrow whichever form the run holds it in, and the
ids of chosen rows (Python strings only for rows that fail)."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.checkcorpus import arrow_table, article_numbers, article_texts, column, frame_of
from landstrikes.schema.registry import TABLES_BY_NAME


def arrow_of(tables, name: str, columns: tuple[str, ...]) -> pa.Table | None:
    """Table `name` as Arrow (the run's own copy, or built from a frame given directly), or None
    when the table is absent or lacks one of `columns` (a structural finding already)."""
    kept = arrow_table(tables, name)
    if kept is None:
        df = tables.get(name)
        if df is None:
            return None
        df = frame_of(df)
        if not all(c in df for c in columns):
            return None
        kept = pa.Table.from_pandas(df[list(dict.fromkeys((TABLES_BY_NAME[name].id_column, *columns)))], preserve_index=False)
    if not all(c in kept.column_names for c in (TABLES_BY_NAME[name].id_column, *columns)):
        return None
    return kept


def failing_rows(mask) -> np.ndarray:
    """Row numbers where an Arrow boolean mask is true (null counts as false)."""
    if isinstance(mask, (pa.Array, pa.ChunkedArray)):
        mask = pc.fill_null(mask, False).to_numpy(zero_copy_only=False)
    return np.flatnonzero(mask)


def values_at(table: pa.Table, name: str, rows: np.ndarray) -> list:
    return column(table, name).take(pa.array(rows, pa.int64())).to_pylist()


def ids_at(table: pa.Table, name: str, rows: np.ndarray) -> list:
    return values_at(table, TABLES_BY_NAME[name].id_column, rows)


def texts_are_slices(tables, table: str, rows_table: pa.Table, rows: np.ndarray, spans: tuple[str, str, str]) -> np.ndarray:
    """For a few candidate rows: their span text is the article slice its offsets give. A text
    that is not is span-text-mismatch's finding, so a rule about the text judges only these
    rows (one corruption, one finding)."""
    answer = np.zeros(len(rows), bool)
    if not len(rows) or "articles" not in tables or not all(c in rows_table.column_names for c in (*spans, "article_id")):
        return answer
    texts = article_texts(tables)
    numbers = article_numbers(tables, table)[rows]
    take = pa.array(rows, pa.int64())
    start, end = (pc.fill_null(column(rows_table, c).take(take).cast(pa.int64()), -1).to_numpy(zero_copy_only=False) for c in spans[:2])
    lengths = texts.lengths[np.maximum(numbers, 0)] if len(texts.lengths) else np.zeros(len(rows), np.int64)
    inside = (numbers >= 0) & (start >= 0) & (start <= end) & (end <= lengths)
    where = np.flatnonzero(inside)
    if len(where):
        actual = texts.slices(numbers[where], start[where], end[where]).to_pylist()
        stored = column(rows_table, spans[2]).take(pa.array(rows[where], pa.int64())).to_pylist()
        answer[where] = [a == b for a, b in zip(actual, stored)]
    return answer
