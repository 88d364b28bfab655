"""Column statistics a footer states that pyarrow does not show (attack68).

`footer_statistics.statistics_lie` checks the statistics pyarrow reads. pyarrow leaves some out
that other readers filter by: a string column's minimum and maximum when the footer lists no
column order, and every statistic of a file `created_by` a writer whose statistics Arrow
distrusts (parquet-mr before 1.8.0, PARQUET-251). A quotes part whose `kind` statistics excluded
'direct' in its first row group, with either, was VALID, while DuckDB's `WHERE kind = 'direct'`
returned 1 row of 13. So the footer's own Thrift is read here, and a statistic it states that
pyarrow does not show is refused: validate cannot check it, and other readers skip rows by it (a
minimum and a maximum; a lone bound, which Arrow writes where a long string's other bound cannot
be cut short, pyarrow never shows, and it is left unchecked: see docs/notes/attack68.md). So
is a Statistics struct stating a bound twice, in the deprecated `min`/`max` fields and in
`min_value`/`max_value`, with different bytes: which one a reader takes depends on the reader.
"""

from __future__ import annotations

from pathlib import Path

from landstrikes.schema.footer_statistics import _leaves, _plain, _shown
from landstrikes.schema.page_headers import CompactReader, Malformed

_BOUNDS = {1: "max", 2: "min", 5: "max_value", 6: "min_value"}
_NULL_COUNT = 3
_STATISTICS = {**{field: "binary" for field in _BOUNDS}, _NULL_COUNT: "i64"}
_FOOTER = {4: ("list", {1: ("list", {3: ("struct", {12: ("struct", _STATISTICS)})})})}
"""FileMetaData.row_groups[].columns[].meta_data.statistics: the only fields read."""


def footer_bytes(source) -> bytes:
    """The file's Thrift footer (before its length and closing magic): `source` a path, the file's
    bytes, or an open file (a pyarrow BufferReader of the bytes a release's load verified)."""
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        length = int.from_bytes(data[-8:-4], "little")
        return data[len(data) - 8 - length:-8]
    if isinstance(source, str | Path):
        with open(source, "rb") as handle:
            return _tail(handle)
    return _tail(source)


def _tail(handle) -> bytes:
    handle.seek(-8, 2)
    length = int.from_bytes(handle.read(4), "little")
    handle.seek(-8 - length, 2)
    return bytes(handle.read(length))


def stated_statistics(footer: bytes) -> list[list[dict]] | None:
    """Per row group, per column chunk: the statistics fields the footer states ({field: value}),
    or None when this reader cannot read the footer as Thrift."""
    try:
        meta = CompactReader(footer, 0, len(footer)).struct(0, _FOOTER)
    except (Malformed, IndexError):
        return None
    return [[chunk.get(3, {}).get(12, {}) for chunk in group.get(1, [])] for group in meta.get(4, [])]


def hidden_statistics(source, metadata, table=None) -> str | None:
    """Why the footer states statistics pyarrow does not show, or states a bound two ways, or a lone
    bound that excludes a value `table` (the file decoded) holds, or None."""
    stated = stated_statistics(footer_bytes(source))
    if stated is None:
        return "its footer cannot be read as Thrift's compact protocol, so its statistics cannot be checked"
    leaves = _leaves(table.schema) if table is not None else []
    offset = 0
    for group_index, chunks in enumerate(stated):
        if group_index >= metadata.num_row_groups:
            break
        group = metadata.row_group(group_index)
        for column_index, fields in enumerate(chunks[:group.num_columns]):
            if not fields:
                continue
            shown = group.column(column_index).statistics
            where = f"row group {group_index}, column {group.column(column_index).path_in_schema}"
            bounds = [_BOUNDS[f] for f in _BOUNDS if f in fields]
            both = (1 in fields or 5 in fields) and (2 in fields or 6 in fields)
            if bounds and not both and len(leaves) == metadata.num_columns and leaves[column_index] is not None:
                # one bound alone: what Arrow writes when a long string's other bound cannot be cut short;
                # pyarrow shows no lone bound, so it is held to the values here
                lone = _lone_bound_lie(table, leaves[column_index], offset, group.num_rows, fields)
                if lone is not None:
                    return f"{where}: {lone}"
            if both and (shown is None or not shown.has_min_max):
                return (f"{where}: the footer states {'/'.join(bounds)} statistics that pyarrow does not read (no column "
                        "order, or a writer whose statistics Arrow distrusts), so they cannot be checked, and "
                        "readers such as DuckDB skip rows by them")
            if _NULL_COUNT in fields and (shown is None or not shown.has_null_count):
                return (f"{where}: the footer states a null count that pyarrow does not read, so it cannot be "
                        "checked, and readers skip rows by it")
            for old, new in ((1, 5), (2, 6)):
                if old in fields and new in fields and fields[old] != fields[new]:
                    return (f"{where}: the footer states its {_BOUNDS[new][:3]}imum twice, {_BOUNDS[old]} and "
                            f"{_BOUNDS[new]}, with different bytes: which one a reader filters by depends on the reader")
        offset += group.num_rows
    return None


def _lone_bound_lie(table, leaf: tuple[int, bool], offset: int, rows: int, fields: dict) -> str | None:
    """Why a lone stated bound of a text column excludes a value the row group holds, or None."""
    import pyarrow
    import pyarrow.compute as pc

    field_index, items = leaf
    values = table.column(field_index).slice(offset, rows)
    try:
        if items:
            values = pyarrow.chunked_array([pc.list_flatten(chunk) for chunk in values.chunks], values.type.value_type)
        values = _plain(values)
        kind = values.type
        if not (pyarrow.types.is_string(kind) or pyarrow.types.is_large_string(kind)
                or pyarrow.types.is_binary(kind) or pyarrow.types.is_large_binary(kind)) or values.null_count == len(values):
            return None
        held = pc.min_max(values.cast(pyarrow.large_binary()))
    except (pyarrow.ArrowException, ValueError, TypeError):
        return None
    low, high = held["min"].as_py(), held["max"].as_py()
    for field, side in ((6, "minimum"), (2, "minimum"), (5, "maximum"), (1, "maximum")):
        stated = fields.get(field)
        if stated is not None and (stated > low if side == "minimum" else stated < high):
            held_value = low if side == "minimum" else high
            return (f"the footer's statistics say the {side} is {_shown(stated)} (alone), the data holds "
                    f"{_shown(held_value)}, so a reader filtering on it would skip rows it holds")
    return None
