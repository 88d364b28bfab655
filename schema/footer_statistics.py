"""A Parquet footer's column statistics, checked against the values they describe.

Each row group's footer states, per column, a minimum, a maximum and a null count. Readers that
filter (`pyarrow.parquet.read_table(filters=...)`, `pandas.read_parquet(filters=...)`, every
engine with predicate pushdown) skip a row group whose statistics exclude the predicate without
decoding it, so a footer stating `max(article_id) = '001_…'` over rows of `'004_…'` hides those
rows from a filtered read while a plain read, and validate, see them all (attack12). A bound
looser than the data is true and kept (other writers truncate long strings); a bound that
excludes a value, or a null count that is not the column's, is a lie.
"""

from __future__ import annotations

import pyarrow

from landstrikes.schema.report import counted

_SHOWN = 60
"""Characters of a stated or held value shown in a message (values are bounded prefixes)."""


def _leaves(schema: pyarrow.Schema) -> list[tuple[int, bool] | None]:
    """Per Parquet leaf column, in order: (top-level field index, values are a list's items), or
    None for a leaf this check does not map (structs, maps, lists of lists: not a corpus type,
    so the table is already a `wrong-dtype` finding)."""
    leaves: list[tuple[int, bool] | None] = []

    def count(kind: pyarrow.DataType) -> int:
        if pyarrow.types.is_struct(kind):
            return sum(count(kind.field(i).type) for i in range(kind.num_fields))
        if pyarrow.types.is_map(kind):
            return count(kind.key_type) + count(kind.item_type)
        if _is_list(kind):
            return count(kind.value_type)
        return 1

    for index, field in enumerate(schema):
        kind = field.type
        if _is_list(kind) and count(kind.value_type) == 1 and not _is_nested(kind.value_type):
            leaves.append((index, True))
        elif not _is_nested(kind):
            leaves.append((index, False))
        else:
            leaves.extend([None] * count(kind))
    return leaves


def _is_list(kind: pyarrow.DataType) -> bool:
    return (pyarrow.types.is_list(kind) or pyarrow.types.is_large_list(kind)
            or pyarrow.types.is_fixed_size_list(kind) or pyarrow.types.is_list_view(kind)
            or pyarrow.types.is_large_list_view(kind))


def _is_nested(kind: pyarrow.DataType) -> bool:
    return pyarrow.types.is_nested(kind)


def _plain(values: pyarrow.ChunkedArray) -> pyarrow.ChunkedArray:
    """Dictionary-encoded values decoded, string views as strings: what min_max can order."""
    kind = values.type
    if pyarrow.types.is_dictionary(kind):
        values = values.cast(kind.value_type)
        kind = kind.value_type
    if pyarrow.types.is_string_view(kind):
        values = values.cast(pyarrow.string())
    elif pyarrow.types.is_binary_view(kind):
        values = values.cast(pyarrow.binary())
    return values


def _bounds(values: pyarrow.ChunkedArray, stats) -> tuple[object, object, object, object] | None:
    """(stated min, stated max, held min, held max) in one order, or None when they cannot be
    compared (no values, a type the statistics do not order as Arrow does)."""
    kind = values.type
    textual = (pyarrow.types.is_string(kind) or pyarrow.types.is_large_string(kind)
               or pyarrow.types.is_binary(kind) or pyarrow.types.is_large_binary(kind))
    if not (textual or pyarrow.types.is_integer(kind) or pyarrow.types.is_floating(kind)
            or pyarrow.types.is_boolean(kind)):
        return None
    if values.null_count == len(values):
        return None
    import pyarrow.compute as pc

    held = pc.min_max(values)
    low, high = held["min"].as_py(), held["max"].as_py()
    if textual:
        # Parquet orders byte arrays as unsigned bytes, as Python orders bytes
        low, high = (v.encode("utf-8") if isinstance(v, str) else v for v in (low, high))
        stated_low, stated_high = stats.min_raw, stats.max_raw
        if not isinstance(stated_low, bytes) or not isinstance(stated_high, bytes):
            return None
        return stated_low, stated_high, low, high
    if pyarrow.types.is_floating(kind) and (low != low or high != high):
        return None  # only NaN: the statistics leave NaN out, and validate reports it
    try:
        return stats.min, stats.max, low, high
    except (ValueError, TypeError, UnicodeDecodeError):
        return None


def _undecodable_bound(kind: pyarrow.DataType, stats, values: pyarrow.ChunkedArray) -> str | None:
    """Why a string column's stated bound cannot be read as text, or None (attack62: a minimum
    b'a\\xffrect' over direct ... scare is a true bound as bytes, yet polars refuses a filtered read
    over it, 'Invalid UTF8 in Statistics', and pyarrow's `statistics.min` raises; no writer states
    one: Arrow states the values, arrow-rs truncates at a character). A bound that is a value
    `values` holds is the value's fault, reported as `invalid-utf8`."""
    if pyarrow.types.is_dictionary(kind):
        kind = kind.value_type
    if not (pyarrow.types.is_string(kind) or pyarrow.types.is_large_string(kind) or pyarrow.types.is_string_view(kind)):
        return None
    for which, raw in (("minimum", stats.min_raw), ("maximum", stats.max_raw)):
        if isinstance(raw, bytes):
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError:
                if _holds(values, raw):
                    continue
                return (f"the footer's statistics state a {which} of bytes that are not UTF-8 ({_shown(raw)}) for a "
                        "string column, which polars refuses to filter by")
    return None


def _holds(values: pyarrow.ChunkedArray, raw: bytes) -> bool:
    """Whether `values` (strings, read as their bytes) hold `raw`."""
    import pyarrow.compute as pc

    try:
        plain = _plain(values).cast(pyarrow.binary())
        return bool(pc.any(pc.equal(plain, pyarrow.scalar(raw, pyarrow.binary()))).as_py())
    except (pyarrow.ArrowException, ValueError, TypeError):
        return False


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def unread_index(metadata) -> str | None:
    """Why a file carries what no check here reads, or None: a page index (column and offset
    index), a bloom filter, a row group's stated sort order, or a column chunk's `file_path`.
    landstrikes never writes one, and readers skip pages or row groups by the first two (Spark,
    DataFusion: a bloom filter stating an id absent returns no row for it) and may trust the third
    instead of sorting, so a file passing every check could still read as another table there
    (attack48: VALID); the fourth says the chunk's data is in another file, which Arrow ignores
    and DuckDB refuses the file for (attack68)."""
    for group_index in range(metadata.num_row_groups):
        group = metadata.row_group(group_index)
        if group.sorting_columns:  # a sort order readers may trust (to merge or search) instead of sorting
            by = ", ".join(_leaf_name(group, c.column_index) for c in group.sorting_columns[:5])
            return (f"row group {group_index} states a sort order (by {by}), unchecked and never written by landstrikes; "
                    "write the file without it (pyarrow's defaults)")
        for leaf_index in range(group.num_columns):
            column = group.column(leaf_index)
            if column.file_path:  # attack68: Arrow reads the chunk from this file whatever the path says
                return (f"row group {group_index}, column {column.path_in_schema} states its data is in another file "
                        f"({_shown(column.file_path)}), which Arrow ignores, reading this file, and DuckDB refuses; "
                        "landstrikes never writes one")
            carried = [name for name, held in (("a page index", column.has_column_index or column.has_offset_index),
                                               ("a bloom filter", (column.bloom_filter_offset or 0) > 0)) if held]
            if carried:
                return (f"row group {group_index}, column {column.path_in_schema} carries {' and '.join(carried)}, unchecked "
                        "(readers such as Spark skip data by it) and never written by landstrikes; write the file "
                        "without it (pyarrow's defaults)")
    return None


def _leaf_name(group, index: int) -> str:
    return group.column(index).path_in_schema if 0 <= index < group.num_columns else f"column #{index}"


def statistics_lie(metadata, table: pyarrow.Table) -> str | None:
    """Why a footer's column statistics misstate the decoded `table` (the first lie found), or None.

    Checked per row group and leaf column: the stated null count of a top-level column equals its
    nulls (readers skip a row group for `is_null` when it says 0, for any other predicate when it
    says all); the stated minimum is at most, and the stated maximum at least, the values held.
    A list's items get the bounds only: how a null or empty list counts toward a leaf's nulls
    differs between writers, and no reader filters on list items by it."""
    import pyarrow.compute as pc  # here, not with the module: extract writes tables and never computes

    unread = unread_index(metadata)
    if unread is not None:
        return unread
    leaves = _leaves(table.schema)
    if len(leaves) != metadata.num_columns:
        return None  # a footer this reader did not decode into these columns: read as it was
    offset = 0
    for group_index in range(metadata.num_row_groups):
        group = metadata.row_group(group_index)
        rows = group.num_rows
        for leaf_index, leaf in enumerate(leaves):
            if leaf is None:
                continue
            column = group.column(leaf_index)
            stats = column.statistics
            if stats is None:
                continue
            field_index, items = leaf
            values = table.column(field_index).slice(offset, rows)
            where = f"row group {group_index}, column {column.path_in_schema}"
            if not items and stats.has_null_count and stats.null_count != values.null_count:
                return (f"{where}: the footer's statistics say {counted(stats.null_count, 'null')}, the data holds "
                        f"{values.null_count}, so a reader filtering on it would skip rows or keep none")
            if not stats.has_min_max:
                continue
            kind = values.type.value_type if items else values.type
            try:
                if items:
                    values = pyarrow.chunked_array([pc.list_flatten(chunk) for chunk in values.chunks],
                                                   values.type.value_type)
                bounds = _bounds(_plain(values), stats)
            except (pyarrow.ArrowException, ValueError, TypeError):
                bounds = None
            undecodable = _undecodable_bound(kind, stats, values)
            if undecodable is not None:
                return f"{where}: {undecodable}"
            if bounds is None:
                continue
            stated_low, stated_high, low, high = bounds
            try:
                if stated_low > low:
                    return (f"{where}: the footer's statistics say the minimum is {_shown(stated_low)}, "
                            f"the data holds {_shown(low)}, so a reader filtering on it would skip rows it holds")
                if stated_high < high:
                    return (f"{where}: the footer's statistics say the maximum is {_shown(stated_high)}, "
                            f"the data holds {_shown(high)}, so a reader filtering on it would skip rows it holds")
            except TypeError:
                continue  # a stated value of another kind than the column's: not an order to test
        offset += rows
    return None


STORED_SCHEMA = b"ARROW:schema"
"""The footer entry in which Arrow stores its schema, key-value metadata included."""


def metadata_views_differ(metadata, stored: pyarrow.Schema) -> str | None:
    """Why a file's key-value metadata says one thing to one reader and another to another, or None.

    Arrow writes its schema's metadata twice: as the footer's key-value list (`metadata`: what
    DuckDB, polars and Spark read, and `ParquetFile.read()`) and inside the schema it stores under
    `ARROW:schema` (`stored`, the schema `read_table`, `read_schema`, pandas and Hugging Face
    datasets read), and every writer seen writes the two alike. attack62: a `pandas` entry stored
    only inside `ARROW:schema` made pandas turn quote_id into the index under a VALID verdict, and a
    table stamp said 'quotes' to validate and 'claims' to pandas."""
    listed = {k: v for k, v in (metadata.metadata or {}).items() if k != STORED_SCHEMA}
    held = dict(stored.metadata or {})
    if listed == held:
        return None
    key = min(set(listed) ^ set(held) or {k for k in listed if listed[k] != held[k]})
    footer, arrow = (repr(side[key].decode("utf-8", "replace")[:40]) if key in side else "nothing" for side in (listed, held))
    if key == DATASETS_WRITER_ENTRY and key not in held:  # eco70: the entry alone said nothing to its user
        return ("its footer holds a 'content_defined_chunking' entry its stored Arrow schema lacks, as datasets' "
                "Dataset.to_parquet writes it: write the table with pyarrow (README, 'Your own edited copy')")
    return (f"its metadata entry {key.decode('utf-8', 'replace')[:60]!r} is {footer} in the footer's key-value list "
            f"(DuckDB, polars) but {arrow} in its stored Arrow schema (pandas, datasets)")


DATASETS_WRITER_ENTRY = b"content_defined_chunking"
"""The footer entry `datasets`' `Dataset.to_parquet` (5.2, pyarrow 26) leaves outside the stored Arrow
schema: named with its writer and what to do instead (eco70)."""
