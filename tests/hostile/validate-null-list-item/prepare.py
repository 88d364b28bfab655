from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq


def _part(input: Path, table: str) -> Path:
    return sorted((input / "data" / table).glob("*.parquet"))[0]


def _set(input: Path, table: str, column: str, row: int, value) -> None:
    """column[row] = value written with pyarrow directly (bytes stay raw string bytes)."""
    path = _part(input, table)
    arrow = pq.read_table(path)
    i = arrow.schema.get_field_index(column)
    kind = arrow.schema.field(i).type
    listy = pa.types.is_list(kind)
    raw = (lambda v: [x.encode() if isinstance(x, str) else x for x in v] if v is not None else None) if listy \
        else (lambda v: v.encode() if isinstance(v, str) else v)
    if pa.types.is_string(kind) or (listy and pa.types.is_string(kind.value_type)):
        items = [raw(v) for v in arrow.column(i).to_pylist()]
        items[row] = raw(value)
        array = pa.array(items, pa.list_(pa.binary()) if listy else pa.binary()).view(kind)
    else:
        items = arrow.column(i).to_pylist()
        items[row] = value
        array = pa.array(items, kind)
    pq.write_table(arrow.set_column(i, pa.field(column, kind), array), path)


def prepare(input: Path) -> None:
    arrow = pq.read_table(_part(input, "claims"))
    row = next(i for i, v in enumerate(arrow.column("contradicted_by").to_pylist()) if v)
    _set(input, "claims", "contradicted_by", row, arrow.column("contradicted_by")[row].as_py() + [None])
