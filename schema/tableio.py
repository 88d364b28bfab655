"""Read and write corpus tables; the one reader every check validates against (dtypes matter)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow
import pyarrow.parquet as pq

from landstrikes.schema.columns import TableSpec

METADATA_PREFIX = "landstrikes."
_PANDAS_TYPES = {pyarrow.int64(): pd.Int64Dtype(), pyarrow.bool_(): pd.BooleanDtype()}


class UnreadableTable(Exception):
    """A table file exists but cannot be read as Parquet."""


def table_files(table_dir: Path) -> list[Path]:
    """The table's Parquet parts: every visible *.parquet file, whatever its name, in name order.

    Hidden files (macOS `._x.parquet`, editor temp files) are not parts; other files are ignored.
    """
    return sorted(p for p in table_dir.glob("*.parquet") if p.is_file() and not p.name.startswith("."))


def read_arrow(table_dir: Path) -> pyarrow.Table:
    """All Parquet files of one table folder, concatenated in file-name order."""
    parts = []
    for path in table_files(table_dir):
        try:
            parts.append(pq.read_table(path))
        except (pyarrow.ArrowException, OSError) as exc:
            raise UnreadableTable(f"{path}: not a readable Parquet file ({exc})") from exc
    if not parts:
        raise UnreadableTable(f"{table_dir}: no .parquet file")
    try:
        return pyarrow.concat_tables(parts, promote_options="none")
    except pyarrow.ArrowException as exc:
        raise UnreadableTable(f"{table_dir}: files have different schemas ({exc})") from exc


def to_pandas(table: pyarrow.Table) -> pd.DataFrame:
    """Arrow -> pandas with the dtypes the schemas expect; list columns become lists of str."""
    lists = [f.name for f in table.schema if pyarrow.types.is_list(f.type)]
    df = table.drop_columns(lists).to_pandas(types_mapper=_PANDAS_TYPES.get)
    for name in lists:
        # Python lists of str (None for null) straight from Arrow, not via numpy object arrays
        values = table.column(name).cast(pyarrow.list_(pyarrow.string())).to_pylist()
        df.insert(table.schema.get_field_index(name), name, pd.Series(values, index=df.index, dtype=object))
    return df


def read_table(table_dir: Path) -> pd.DataFrame:
    return to_pandas(read_arrow(table_dir))


def file_metadata(table_dir: Path) -> dict[str, str]:
    """landstrikes key-value metadata of the first file (dataset version, schema version, table)."""
    files = table_files(table_dir)
    if not files:
        return {}
    raw = pq.read_schema(files[0]).metadata or {}
    return {
        k.decode()[len(METADATA_PREFIX) :]: v.decode()
        for k, v in raw.items()
        if k.decode().startswith(METADATA_PREFIX)
    }


def write_table(records: list[dict], spec: TableSpec, path: Path, metadata: dict[str, str]) -> None:
    """Write rows with the spec's explicit Arrow schema; same rows give the same bytes."""
    schema = spec.arrow_schema()
    # Label columns stay plain strings here; the dataset card declares them ClassLabel.
    meta = {f"{METADATA_PREFIX}{k}".encode(): v.encode() for k, v in sorted(metadata.items())}
    columns = {c: [r[c] for r in records] for c in spec.column_names}
    table = pyarrow.table(columns, schema=schema).replace_schema_metadata(meta).combine_chunks()
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(
        table,
        path,
        compression="zstd",
        write_statistics=True,
        use_dictionary=True,
        store_schema=True,
    )
