"""Checks on a table's Arrow data as read, before pandas: what pandas and Pandera cannot see.

Arrow does not check UTF-8 when it reads Parquet; pandas turns NaN, ±inf and null into one
missing value and keeps None inside lists; a column may carry another Arrow type that pandas
converts to the expected dtype. So a file can break the schema in ways the Pandera checks pass.
On the valid path each check is one Arrow kernel per column chunk (no Python object per row);
Python sees only failing rows, to name them.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landstrikes.schema.columns import Col, TableSpec
from landstrikes.schema.report import NullId
from landstrikes.schema.tableio import UnreadableTable, read_arrow, refuse_duplicate_columns
from landstrikes.schema.physical_forms import as_types_they_stand_for
from landstrikes.schema.used_columns import refuse_wrong_types, same_type

Add = Callable[..., None]
"""Report.add(table, check, message, row_id, column, value)."""

def check_arrow_table(spec: TableSpec, table: pa.Table, add: Add) -> tuple[pa.Table, set[str]]:
    """Every Arrow-level finding of one table, and the table to go on with.

    Returns the table with invalid UTF-8 replaced by U+FFFD, NaN/±inf by null and null list
    items dropped (so the later checks run on readable values and do not report them again),
    and the columns whose structure is broken (duplicate names, wrong Arrow type).
    """
    broken = _check_duplicate_columns(spec, table, add)
    if broken:
        return table, broken
    ids = _RowIds(spec, table)
    for index, field in enumerate(table.schema):
        if field.name not in spec.column_names:
            continue  # Pandera reports unexpected-column
        col = spec.column(field.name)
        if not same_type(field.type, col.arrow_type):
            add(spec.name, "wrong-dtype", f"Arrow type {field.type}, the schema says {col.arrow_type}", column=field.name, value=str(field.type))
            broken.add(field.name)
            continue
        column = table.column(index)
        repaired = _check_utf8(spec, col, column, ids, add)
        if col.type == "string_list":
            repaired = _check_null_items(spec, col, repaired, ids, add)
        if col.type == "float":
            repaired = _check_finite(spec, col, repaired, ids, add)
        if text_required(spec, col):
            _check_blank(spec, col, repaired, ids, add)
        if col.free_text:
            _check_untrimmed(spec, col, repaired, ids, add)
        if repaired is not column:
            table = table.set_column(index, field, repaired)
    return table, broken


def _check_duplicate_columns(spec: TableSpec, table: pa.Table, add: Add) -> set[str]:
    twice = sorted(name for name, n in Counter(table.column_names).items() if n > 1)
    for name in twice:
        add(spec.name, "duplicate-column", f"{table.column_names.count(name)} columns are named {name!r}", column=name, value=name)
    return set(twice)


class _RowIds:
    """A row's id for a finding (its row number `#N` when the id itself is unusable)."""

    def __init__(self, spec: TableSpec, table: pa.Table):
        index = table.schema.get_field_index(spec.id_column)
        usable = index >= 0 and pa.types.is_string(table.schema.field(index).type)
        self.column = table.column(index) if usable else None

    def __call__(self, rows: np.ndarray) -> list[str]:
        if self.column is None:
            return [NullId(f"#{r}") for r in rows.tolist()]
        values = self.column.take(pa.array(rows, pa.int64())).cast(pa.binary()).to_pylist()
        return [NullId(f"#{r}") if v is None else v.decode("utf-8", "replace") for r, v in zip(rows.tolist(), values)]


# --- invalid UTF-8 -----------------------------------------------------------------------------


def _check_utf8(spec: TableSpec, col: Col, column: pa.ChunkedArray, ids: _RowIds, add: Add) -> pa.ChunkedArray:
    """Full UTF-8 validation per chunk (Arrow's validate(full=True)); only a failing chunk is
    searched row by row, and its bad values are replaced so later checks can read them."""
    if col.type not in ("string", "string_list"):
        return column
    chunks, changed = [], False
    for offset, chunk in _chunks_with_offsets(column):
        try:
            chunk.validate(full=True)
            chunks.append(chunk)
        except pa.ArrowInvalid:
            fixed, rows = _repair_utf8(chunk)
            for row_id, row, value in zip(ids(rows + offset), rows.tolist(), _bad_values(chunk, rows)):
                add(spec.name, "invalid-utf8", f"bytes that are not valid UTF-8 (row {offset + row})", row_id, col.name, value)
            chunks.append(fixed)
            changed = True
    return pa.chunked_array(chunks, type=column.type) if changed else column


def _repair_utf8(chunk: pa.Array) -> tuple[pa.Array, np.ndarray]:
    """The chunk with each invalid string decoded with U+FFFD, and the rows that had one."""
    if pa.types.is_list(chunk.type):
        values, bad = _replace_invalid(chunk.values)
        offsets = chunk.offsets.to_numpy()
        rows = np.unique(np.searchsorted(offsets, bad, side="right") - 1)
        rows = rows[(rows >= 0) & (rows < len(chunk))]
        fixed = pa.ListArray.from_arrays(chunk.offsets, values, type=chunk.type, mask=chunk.is_null())
        return fixed, rows
    return _replace_invalid(chunk)


def _replace_invalid(strings: pa.Array) -> tuple[pa.Array, np.ndarray]:
    """Positions of invalid UTF-8 values (one Python decode per value: only on a failing chunk)."""
    raw = strings.cast(pa.binary()) if pa.types.is_string(strings.type) else strings.view(pa.binary())
    bad, fixed = [], []
    for position, value in enumerate(raw.to_pylist()):
        if value is None:
            continue
        try:
            value.decode("utf-8")
        except UnicodeDecodeError:
            bad.append(position)
            fixed.append(value.decode("utf-8", "replace").encode("utf-8"))
    bad = np.array(bad, dtype=np.int64)
    mask = np.zeros(len(strings), dtype=bool)
    mask[bad] = True
    repaired = pc.replace_with_mask(raw, pa.array(mask), pa.array(fixed, pa.binary()))
    return repaired.cast(pa.string()), bad


def _bad_values(chunk: pa.Array, rows: np.ndarray) -> list[str]:
    """A short, printable form of each bad value (invalid bytes as U+FFFD)."""
    taken = chunk.take(pa.array(rows, pa.int64()))
    if pa.types.is_list(chunk.type):
        return [str([_decoded(v) for v in items]) for items in _binary_lists(taken)]
    return [_decoded(v) for v in taken.cast(pa.binary()).to_pylist()]


def _binary_lists(lists: pa.Array) -> list[list]:
    values = lists.values.cast(pa.binary()).to_pylist()
    offsets = lists.offsets.to_pylist()
    return [values[a:b] for a, b in zip(offsets[:-1], offsets[1:])]


def _decoded(value: bytes | None) -> str:
    return "" if value is None else value.decode("utf-8", "replace")


# --- floats, list items, blank strings -------------------------------------------------------


def _check_finite(spec: TableSpec, col: Col, column: pa.ChunkedArray, ids: _RowIds, add: Add) -> pa.ChunkedArray:
    """NaN and ±inf are values in Arrow (not nulls), but pandas shows NaN as missing. Once
    reported they are read as null, so the range and provenance checks do not repeat them."""
    non_finite = pc.fill_null(pc.invert(pc.is_finite(column)), False)
    bad = np.flatnonzero(non_finite.to_numpy(zero_copy_only=False))
    if not len(bad):
        return column
    values = column.take(pa.array(bad)).to_pylist()
    for row_id, row, value in zip(ids(bad), bad.tolist(), values):
        add(spec.name, "non-finite-float", f"{value} is not a finite number (row {row}); a missing value must be null", row_id, col.name, str(value))
    return pc.if_else(non_finite, pa.scalar(None, column.type), column)


def _check_null_items(spec: TableSpec, col: Col, column: pa.ChunkedArray, ids: _RowIds, add: Add) -> pa.ChunkedArray:
    """A list may be null (where nullable), but never hold a null item. Once reported, the null
    items are dropped: the later checks sort and compare list items, and None breaks them."""
    chunks, changed = [], False
    for offset, chunk in _chunks_with_offsets(column):
        flat = pc.list_flatten(chunk)
        if flat.null_count == 0:
            chunks.append(chunk)
            continue
        parents = pc.list_parent_indices(chunk).to_numpy(zero_copy_only=False)
        nulls = flat.is_null().to_numpy(zero_copy_only=False)
        rows = np.unique(parents[nulls])
        for row_id, row in zip(ids(rows + offset), rows.tolist()):
            add(spec.name, "null-list-item", f"list holds a null item (row {offset + row})", row_id, col.name, str(chunk[row].as_py()))
        lengths = np.bincount(parents[~nulls], minlength=len(chunk))
        offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int32)
        kept = flat.filter(pa.array(~nulls))
        chunks.append(pa.ListArray.from_arrays(pa.array(offsets), kept, type=chunk.type, mask=chunk.is_null()))
        changed = True
    return pa.chunked_array(chunks, type=column.type) if changed else column


def text_required(spec: TableSpec, col: Col) -> bool:
    """Ids, references and descriptions must say something; span texts and the article text
    are copies of the text (checked against it), label columns are checked against their set."""
    span_texts = {text for _, _, text in spec.span_columns}
    formatted = "str_matches" in _check_names(col)  # Pandera's pattern rejects blanks (bad-format)
    return col.type in ("string", "string_list") and col.labels is None and not formatted and col.name not in span_texts | {"text"}


def _check_names(col: Col) -> set[str]:
    return {getattr(check, "name", "") for check in col.checks}


def _check_blank(spec: TableSpec, col: Col, column: pa.ChunkedArray, ids: _RowIds, add: Add) -> None:
    """An empty or whitespace-only value (or list item) where text is required. An id column's
    empty value is Pandera's `empty-string` already; here it adds whitespace-only ids."""
    lists = col.type == "string_list"
    values = pc.list_flatten(column) if lists else column
    bad = blank_values(values, empty_too="str_length" not in _check_names(col))  # ident() columns: Pandera reports "" itself
    if not len(bad):
        return
    rows = np.unique(pc.list_parent_indices(column).to_numpy(zero_copy_only=False)[bad]) if lists else bad
    what = "a list item" if lists else "the value"
    for row_id, row, value in zip(ids(rows), rows.tolist(), column.take(pa.array(rows)).to_pylist()):
        add(spec.name, "empty-string", f"{what} is empty or only whitespace (row {row})", row_id, col.name, repr(value), value_of="its repr")


def _check_untrimmed(spec: TableSpec, col: Col, column: pa.ChunkedArray, ids: _RowIds, add: Add) -> None:
    """G5: a name, description, note, proposition or reason (a `free_text` column) is trimmed. A
    trailing space or a leading line break is no part of what it says, and nothing but the bytes
    shows it (the census: such a space on an entity name, a flag note or a proposition
    validated). Blank values are `empty-string`'s. Ids and keys are not free text (a stray space
    there is id-not-derived or a dangling key), nor is a file name (`source_file`: a raw file's
    own name, whatever it holds) or a span's text (the article's words, G2)."""
    lists = col.type == "string_list"
    values = pc.list_flatten(column) if lists else column
    bad = untrimmed_values(values)
    if not len(bad):
        return
    rows = np.unique(pc.list_parent_indices(column).to_numpy(zero_copy_only=False)[bad]) if lists else bad
    what = "a list item" if lists else "the value"
    for row_id, row, value in zip(ids(rows), rows.tolist(), column.take(pa.array(rows)).to_pylist()):
        add(spec.name, "untrimmed-text", f"{what} starts or ends with whitespace (row {row}); free text is trimmed (G5)",
            row_id, col.name, repr(value), value_of="its repr")


def untrimmed_values(values: pa.ChunkedArray | pa.Array) -> np.ndarray:
    """Positions of the values with whitespace at either end that are not blank; nulls are
    never untrimmed. As in `blank_values`, only values whose first or last byte could belong to a
    whitespace character are asked."""
    def untrimmed(some: pa.Array) -> pa.Array:
        trimmed = pc.utf8_trim_whitespace(some)
        return pc.and_(pc.not_equal(trimmed, some), pc.greater(pc.utf8_length(trimmed), 0))
    return _positions_where(values, _edge_bytes_maybe_space, untrimmed)


def _edge_bytes_maybe_space(chunk: pa.Array) -> np.ndarray | None:
    """True where a non-empty value's first or last byte could belong to a whitespace character
    (a superset of the values with whitespace at an end); None when the chunk is not a plain
    string array."""
    edges = _edge_bytes(chunk)
    if edges is None:
        return None
    empty, first, last = edges
    return ~empty & (_maybe_space(first) | _maybe_space(last))


def blank_values(values: pa.ChunkedArray | pa.Array, empty_too: bool) -> np.ndarray:
    """Positions of the whitespace-only values (`utf8_is_space`), and of the empty ones if
    `empty_too`; nulls are never blank.

    Only the values whose first byte could start a blank value (empty, an ASCII space or
    control byte <= 0x20, or any multi-byte character) are asked: ids and descriptions start
    with a letter, so the kernel reads a few values instead of every byte of the column."""
    def blank(some: pa.Array) -> pa.Array:
        found = pc.utf8_is_space(some)
        return pc.or_(found, pc.equal(pc.utf8_length(some), 0)) if empty_too else found
    return _positions_where(values, _maybe_blank, blank)


def _positions_where(values: pa.ChunkedArray | pa.Array, maybe: Callable[[pa.Array], np.ndarray | None],
                     kernel: Callable[[pa.Array], pa.Array]) -> np.ndarray:
    """Positions where `kernel` says True, asking it only of the values `maybe` (a cheap superset
    read from the bytes; None: every value) lets through; nulls count as False."""
    chunks = values.chunks if isinstance(values, pa.ChunkedArray) else [values]
    found, offset = [], 0
    for chunk in chunks:
        suspect = maybe(chunk)
        rows = np.arange(len(chunk)) if suspect is None else np.flatnonzero(suspect)
        if not len(rows):  # nothing to ask (the common case: no value can be blank or untrimmed)
            offset += len(chunk)
            continue
        some = chunk if suspect is None else chunk.take(pa.array(rows, pa.int64()))
        found.append(rows[pc.fill_null(kernel(some), False).to_numpy(zero_copy_only=False)] + offset)
        offset += len(chunk)
    return np.concatenate(found) if found else np.zeros(0, np.int64)


def _maybe_blank(chunk: pa.Array) -> np.ndarray | None:
    """True where a value is empty or its first byte could start a whitespace character (a
    superset of the blank values); None when the chunk's layout is not a plain string array
    (then every value is asked)."""
    edges = _edge_bytes(chunk)
    if edges is None:
        return None
    empty, first, _ = edges
    return empty | _maybe_space(first)


def _edge_bytes(chunk: pa.Array) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """Each value's emptiness and its first and last bytes, read from the string array's
    buffers without a Python object per value; None for another layout or an empty chunk. An
    empty value's (clipped) bytes are read but mean nothing."""
    if not pa.types.is_string(chunk.type) or len(chunk) == 0:
        return None
    offsets = np.frombuffer(chunk.buffers()[1], dtype=np.int32, count=len(chunk) + 1, offset=chunk.offset * 4)
    data = chunk.buffers()[2]
    data = np.frombuffer(data, dtype=np.uint8) if data is not None else np.zeros(0, np.uint8)
    starts, ends = offsets[:-1], offsets[1:]
    empty = ends <= starts
    if len(data) == 0:
        nothing = np.zeros(len(chunk), np.uint8)
        return empty, nothing, nothing
    last = len(data) - 1  # (np.maximum/np.minimum: np.clip's own checks cost more than the gold's columns)
    return empty, data[np.minimum(np.maximum(starts, 0), last)], data[np.minimum(np.maximum(ends - 1, 0), last)]


def _maybe_space(byte: np.ndarray) -> np.ndarray:
    """<= 0x20 or >= 0x80 (in one uint8 wrap): every whitespace character Arrow knows starts and
    ends with such a byte."""
    return (byte - np.uint8(0x21)) > np.uint8(0x80 - 0x21 - 1)


# --- strict reading for the commands that compare values (diff, evaluate) ---------------------


def read_comparable(table_dir: Path, spec: TableSpec | None = None, required: tuple[str, ...] = (),
                    table: pa.Table | None = None) -> pa.Table:
    """One table whose values can be compared, or UnreadableTable with the check id of its first
    problem: a missing folder (`missing-table`), two columns of one name (`duplicate-column`), a
    required column missing (`missing-column`), of another type than the schema's
    (`wrong-dtype`) or null (`null-in-required-column`), bytes that are not UTF-8
    (`invalid-utf8`). diff and evaluate would otherwise fail on them halfway with a traceback.
    `table`: the folder's rows already read (a release's verified bytes), checked the same way."""
    if table is None:
        if not os.path.lexists(table_dir):  # a file or a dangling link is read_arrow's unreadable-table (attack45)
            raise UnreadableTable(f"{table_dir}: no such table folder", "missing-table")
        table = read_arrow(table_dir)
    refuse_duplicate_columns(table_dir, table)
    table = as_types_they_stand_for(table)  # a pandas-written copy compares by its values (eco70)
    names = table.column_names
    for name in required:
        if name not in names:
            raise UnreadableTable(f"{table_dir}: no column {name!r}", "missing-column")
        if spec is not None and name in spec.column_names:
            refuse_wrong_types(table_dir, table, spec, (name,))
            if not spec.column(name).nullable and table.column(name).null_count:
                row = int(np.flatnonzero(table.column(name).is_null().to_numpy(zero_copy_only=False))[0])
                raise UnreadableTable(f"{table_dir}: column {name!r} is null in row {row}", "null-in-required-column")
    for name, column in zip(names, table.columns):
        for offset, chunk in _chunks_with_offsets(column):
            try:
                chunk.validate(full=True)
            except pa.ArrowInvalid as exc:
                raise UnreadableTable(f"{table_dir}: column {name!r}{_first_bad_row(chunk, offset)}: {exc}", _invalid_check(exc)) from exc
    return table


def _chunks_with_offsets(column: pa.ChunkedArray):
    offset = 0
    for chunk in column.chunks:
        yield offset, chunk
        offset += len(chunk)


def _invalid_check(exc: Exception) -> str:
    return "invalid-utf8" if "utf8" in str(exc).lower() else "unreadable-table"


def _first_bad_row(chunk: pa.Array, offset: int) -> str:
    if pa.types.is_string(chunk.type) or (pa.types.is_list(chunk.type) and pa.types.is_string(chunk.type.value_type)):
        _, rows = _repair_utf8(chunk)
        if len(rows):
            return f" row {offset + int(rows[0])}"
    return ""
