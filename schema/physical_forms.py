"""The physical variants of one logical column that the commands which read tables to compare or
draw them accept as that column (eco70).

`validate` judges the file: a string column written as `large_string` is `wrong-dtype` there, since
a release's types are part of what it promises (and of what `datasets` features a reader gets). But
`diff`, `evaluate`, `render` and `agreement` compute from the values, and a copy a team wrote with
pandas' `DataFrame.to_parquet` (large_string and large_list columns) or with pyarrow's dictionary
encoding holds exactly the values of the release: eco64 found `diff RELEASE COPY` refusing such a
copy (exit 2) where its user wanted the values compared. They now read each of these variants as
the type it stands for; `diff` still reports the file's own types (a column retyped
`string -> large_string`), and every other type stays refused (`wrong-dtype`), among them the
float64 offsets a plain `pd.read_parquet` makes of nullable integers: they are not the same values.
(`releases.manifest.logical_type` is another thing: the name a manifest and `diff` give a file's own
type, which keeps `large_string` apart from `string`.)
"""

from __future__ import annotations

import pyarrow as pa


def type_it_stands_for(physical: pa.DataType) -> pa.DataType:
    """The type `physical` stands for: large and view strings are strings, large lists and list
    views are lists of their items' logical type, a dictionary is its values' type."""
    if pa.types.is_dictionary(physical):
        return type_it_stands_for(physical.value_type)
    if pa.types.is_large_string(physical) or pa.types.is_string_view(physical):
        return pa.string()
    if pa.types.is_large_list(physical) or pa.types.is_list_view(physical) or pa.types.is_large_list_view(physical):
        return pa.list_(type_it_stands_for(physical.value_type))
    if pa.types.is_list(physical):
        item = type_it_stands_for(physical.value_type)
        return physical if item == physical.value_type else pa.list_(item)
    return physical


def as_types_they_stand_for(table: pa.Table) -> pa.Table:
    """`table` with every column of a physical variant cast to its logical type (the same values);
    the table itself when none is (a release's own file)."""
    for position, field in enumerate(table.schema):
        wanted = type_it_stands_for(field.type)
        if wanted != field.type:
            table = table.set_column(position, field.with_type(wanted), table.column(position).cast(wanted))
    return table
