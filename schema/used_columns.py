"""The columns a command computes from, checked for the schema's Arrow type before it computes.

render and agreement read tables without validating them (the viewer draws rows that break
rules), so a column of another type was computed on: offsets stored as strings went through
`int()`, a label stored as an integer was drawn and counted as a label (loose14). evaluate and
diff checked their columns in `read_comparable`. All of them refuse here, in one line naming the
table, column, file and both types, with validate's id `wrong-dtype` (exit 2).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa

from landstrikes.schema.columns import TableSpec
from landstrikes.schema.tableio import UnreadableTable, table_files

if TYPE_CHECKING:
    import pandas as pd


def same_type(actual: pa.DataType, expected: pa.DataType) -> bool:
    """Arrow type equality, except that a list's item field may have any name or nullability
    (Parquet names it 'element')."""
    if pa.types.is_list(expected):
        return pa.types.is_list(actual) and actual.value_type == expected.value_type
    return actual == expected


def refuse_wrong_types(table_dir: Path, table: pa.Table, spec: TableSpec, used) -> None:
    """UnreadableTable (`wrong-dtype`) for the first used column the table holds with another
    Arrow type than the schema's; a used column it lacks is left to the caller (it may draw
    without it, or explain the failure by validate's finding)."""
    for name in used:
        if name not in table.column_names or name not in spec.column_names:
            continue
        actual, want = table.schema.field(name).type, spec.column(name).arrow_type
        if not same_type(actual, want):
            files = table_files(table_dir)
            where = files[0] if files else table_dir  # parts of one table share one schema (concat_parts)
            raise UnreadableTable(f"{spec.name} column {name!r} ({where}): Arrow type {actual}, "
                                  f"the schema says {want}{_how_it_came(actual, want)}", "wrong-dtype")


def _how_it_came(actual: pa.DataType, want: pa.DataType) -> str:
    """What to do about the one retyping a pandas round trip makes of the values (eco70): a plain
    `pd.read_parquet` reads a nullable integer column as float64, and `to_parquet` writes it so."""
    if pa.types.is_floating(actual) and pa.types.is_integer(want):
        return (" (a plain pd.read_parquet reads nullable integers as float64: read with "
                "dtype_backend='numpy_nullable' and write as README's 'Your own edited copy')")
    return ""


def read_used(table_dir: Path, spec: TableSpec, used) -> pd.DataFrame:
    """One table as a pandas frame, its `used` columns of the schema's types (see refuse_wrong_types)."""
    from landstrikes.schema.tableio import read_arrow, refuse_duplicate_columns, to_pandas

    from landstrikes.schema.physical_forms import as_types_they_stand_for

    table = read_arrow(table_dir)
    refuse_duplicate_columns(table_dir, table)
    table = as_types_they_stand_for(table)  # a pandas-written copy is drawn and counted by its values (eco70)
    refuse_wrong_types(table_dir, table, spec, used)
    return to_pandas(table)
