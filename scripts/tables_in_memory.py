"""Validate tables a program holds (pyarrow Tables, pandas DataFrames, `datasets` Datasets) without
the caller writing a folder: `landstrikes.validate_tables({"quotes": table, ...})` (eco70).

A team that filters or maps tables in memory had to write them to disk to get the cross-table
checks (eco64, left). This does not re-implement validate: it writes each table as one Parquet
part of a private folder laid out as `data/<table>/<table>.parquet`, runs `validate` on it, and
names the folder as the caller's `name` in the report, so the findings are exactly those of the
same tables validated from a folder of that name (`tests/test_eco70_validate_tables.py` proves it
on the gold and on corrupted copies). The folder is removed before the call returns, and one a
killed process left is removed by the next call (`safety.ownedtemp`); that is why this lives beside
the commands and not in `landstrikes.schema`, which imports nothing outside itself.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Mapping

import pyarrow as pa
import pyarrow.parquet as pq

from landstrikes.safety.ownedtemp import owned_temporary_folder
from landstrikes.schema.registry import SCHEMA_VERSION, TABLES_BY_NAME
from landstrikes.schema.report import Report
from landstrikes.schema.tableio import METADATA_PREFIX

_PLAIN_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*")


def validate_tables(tables: Mapping[str, object], name: str = "<memory>") -> Report:
    """The Report of `landstrikes.schema.validate` on a folder holding `tables` (table name -> table),
    the folder named `name` in every message. A table absent from the mapping is a missing table,
    as in a folder; a name no table has is an `unexpected-table`.

    A pyarrow Table is judged as it is: its types and its schema metadata (the `landstrikes.*`
    stamps `pq.read_table` keeps). A pandas DataFrame or a `datasets` Dataset carries no stamps: it
    is converted to the table's own Arrow schema as README's recipe writes an edited table (label
    columns of a Dataset decoded from ClassLabel first), and stamped with its table and this
    validator's schema version, no dataset version; a frame that does not convert (a column
    missing, a value of another type) is kept with the types pyarrow infers, so validate names it.
    """
    arrow = {table: _as_arrow(table, value) for table, value in tables.items()}
    from landstrikes.schema.validate import validate

    with owned_temporary_folder("landstrikes-tables-") as folder:
        for table, value in arrow.items():
            path = folder / "data" / table / f"{table}.parquet"
            path.parent.mkdir(parents=True)
            pq.write_table(value, path)
        return _renamed(validate(str(folder)), str(folder), name)


def _as_arrow(table: str, value) -> pa.Table:
    if not isinstance(table, str) or not _PLAIN_NAME.fullmatch(table):
        raise ValueError(f"table name {table!r}: a table's name (such as 'quotes'), not a path")
    if isinstance(value, pa.Table):
        return value
    if type(value).__module__.startswith("datasets") and hasattr(value, "features"):
        return _stamped(table, _decoded_dataset(value))
    if type(value).__module__.startswith("pandas") and hasattr(value, "columns"):
        return _stamped(table, value)
    raise TypeError(f"table {table!r}: a pyarrow.Table, pandas.DataFrame or datasets.Dataset, not {type(value).__name__}")


def _stamped(table: str, frame) -> pa.Table:
    """A DataFrame (or a Dataset's Arrow rows) with each column of the table's schema in the schema's
    Arrow type where its values convert, as pyarrow infers it where they do not (validate then names
    that column alone, not every column of the frame); stamped with its table and this validator's
    schema version."""
    spec = TABLES_BY_NAME.get(table)
    arrow = frame if isinstance(frame, pa.Table) else pa.Table.from_pandas(frame, preserve_index=False)
    wanted = {} if spec is None else {c.name: c.arrow_type for c in spec.columns}
    for position, name in enumerate(arrow.column_names):
        if name in wanted and arrow.column_names.count(name) == 1:
            arrow = arrow.set_column(position, name, _converted(frame, name, arrow.column(position), wanted[name]))
    stamps = {f"{METADATA_PREFIX}schema_version": SCHEMA_VERSION, f"{METADATA_PREFIX}table": table}
    return arrow.replace_schema_metadata(stamps)


def _converted(frame, name: str, column: pa.ChunkedArray, want: pa.DataType):
    """One column in the schema's type, converted as README's recipe converts it (a float column of
    whole numbers and NaN becomes integers and nulls); the column as it was when it does not convert."""
    try:
        if isinstance(frame, pa.Table):
            return column.cast(want)
        return pa.Table.from_pandas(frame[[name]], schema=pa.schema([pa.field(name, want)]), preserve_index=False).column(0)
    except (pa.ArrowException, TypeError, ValueError):
        return column


def _decoded_dataset(dataset) -> pa.Table:
    """A Dataset's rows (its selection, after `filter` or `select`) as Arrow, every ClassLabel column
    turned back into its label names (the strings the Parquet files hold)."""
    from datasets import ClassLabel, Dataset, IterableDataset

    if isinstance(dataset, IterableDataset):  # a streamed table (streaming=True) is read whole
        dataset = Dataset.from_list(list(dataset), features=dataset.features)
    arrow = dataset.with_format("arrow")[:]
    for column, feature in dataset.features.items():
        if isinstance(feature, ClassLabel) and column in arrow.column_names:
            names = pa.array(feature.names, pa.string())
            position = arrow.column_names.index(column)
            arrow = arrow.set_column(position, column, names.take(arrow.column(column).combine_chunks()))
    return arrow


def _renamed(report: Report, folder: str, name: str) -> Report:
    """The report with the private folder's path spelt `name`, as if that folder had been judged."""
    def spell(text):
        return text.replace(folder, name) if isinstance(text, str) else text

    report.path = name
    report.unusable = spell(report.unusable)
    report.findings = [dataclasses.replace(f, message=spell(f.message), value=spell(f.value)) for f in report.findings]
    return report
