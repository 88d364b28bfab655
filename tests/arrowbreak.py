"""Write broken bytes into a table with pyarrow directly, where pandas would clean them: invalid
UTF-8, NaN and ±inf, null list items, other Arrow types. Used by the tests and the fuzzer."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq


def part(folder: Path, table: str) -> Path:
    return sorted((folder / "data" / table).glob("*.parquet"))[0]


def read(folder: Path, table: str) -> pa.Table:
    return pq.read_table(part(folder, table))


def write(folder: Path, table: str, arrow: pa.Table) -> None:
    """Replace the table's (only) part, keeping its key-value metadata."""
    path = part(folder, table)
    pq.write_table(arrow.replace_schema_metadata(pq.read_schema(path).metadata), path)


def with_values(arrow: pa.Table, column: str, values: dict[int, object]) -> pa.Table:
    """The table with column[row] = value for each row; bytes values become raw string bytes
    (so invalid UTF-8 reaches the file), also inside list<string>."""
    index = arrow.schema.get_field_index(column)
    field = arrow.schema.field(index)
    items = arrow.column(index).to_pylist()
    if pa.types.is_string(field.type) or (pa.types.is_list(field.type) and pa.types.is_string(field.type.value_type)):
        items = [_as_bytes(v) for v in items]
        for row, value in values.items():
            items[row] = _as_bytes(value)
        raw_type = pa.list_(pa.binary()) if pa.types.is_list(field.type) else pa.binary()
        array = pa.array(items, raw_type).view(field.type)
    else:
        for row, value in values.items():
            items[row] = value
        array = pa.array(items, field.type)
    return arrow.set_column(index, pa.field(column, field.type, nullable=True), array)


def _as_bytes(value):
    if isinstance(value, str):
        return value.encode("utf-8")
    if isinstance(value, list):
        return [_as_bytes(v) for v in value]
    return value


def set_values(folder: Path, table: str, column: str, values: dict[int, object]) -> None:
    write(folder, table, with_values(read(folder, table), column, values))


def retype(folder: Path, table: str, column: str, arrow_type: pa.DataType) -> None:
    """The column cast to another Arrow type (e.g. offsets as float64)."""
    arrow = read(folder, table)
    index = arrow.schema.get_field_index(column)
    write(folder, table, arrow.set_column(index, pa.field(column, arrow_type), arrow.column(index).cast(arrow_type)))


def first_row(folder: Path, table: str, column: str, predicate) -> int:
    """The first row whose value satisfies predicate (e.g. a non-empty list)."""
    return next(i for i, v in enumerate(read(folder, table).column(column).to_pylist()) if predicate(v))
