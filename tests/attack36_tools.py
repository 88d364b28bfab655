"""What attack36's tests share: the extractor's output for dataset/raw (made once per session),
a private copy of it, its rows read and written back part by part (schema and stamps kept), and
one check's findings."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from landstrikes.schema import validate

RAW = Path(__file__).resolve().parents[1] / "dataset" / "raw"


def silver_once(root: Path) -> Path:
    from landstrikes.cli import main
    out = root / "silver"
    assert main(["extract", str(RAW), "--out", str(out)]) == 0
    return out


def copy_of(silver: Path, target: Path) -> Path:
    shutil.copytree(silver, target)
    return target


def part(folder: Path, table: str) -> Path:
    parts = sorted((folder / "data" / table).glob("*.parquet"))
    assert len(parts) == 1, parts
    return parts[0]


def rows_of(folder: Path, table: str) -> list[dict]:
    return pq.read_table(part(folder, table)).to_pylist()


def write_rows(folder: Path, table: str, rows: list[dict]) -> None:
    path = part(folder, table)
    pq.write_table(pa.Table.from_pylist(rows, schema=pq.read_schema(path)), path)


def findings_of(folder: Path, check: str | None = None) -> list[tuple[str, str, str]]:
    report = validate(folder)
    assert report.unusable is None
    return [(f.check, f.row_id, f.column) for f in report.findings if check is None or f.check == check]
