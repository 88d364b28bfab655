"""What attack25's tests share: a table's rows, written back with its schema and stamps, and one
check's findings on a folder (validate must read it: a corrupt copy is INVALID, never unusable)."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from landstrikes.schema import validate


def table_path(folder: Path, table: str) -> Path:
    return folder / "data" / table / f"{table}.parquet"


def rows_of(folder: Path, table: str) -> list[dict]:
    return pq.read_table(table_path(folder, table)).to_pylist()


def write_rows(folder: Path, table: str, rows: list[dict]) -> None:
    path = table_path(folder, table)
    pq.write_table(pa.Table.from_pylist(rows, schema=pq.read_schema(path)), path)


def findings_of(folder: Path, check: str) -> list[tuple[str, str, str]]:
    report = validate(folder)
    assert report.unusable is None
    return [(f.check, f.row_id, f.column) for f in report.findings if f.check == check]
