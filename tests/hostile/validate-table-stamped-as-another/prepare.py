from pathlib import Path

import pyarrow as pa  # noqa: F401
import pyarrow.parquet as pq


def _part(input: Path, table: str) -> Path:
    return sorted((input / "data" / table).glob("*.parquet"))[0]


def prepare(input: Path) -> None:
    path = _part(input, "segments")
    table = pq.read_table(path)
    meta = {**table.schema.metadata, b"landstrikes.table": b"quotes"}
    pq.write_table(table.replace_schema_metadata(meta), path)
