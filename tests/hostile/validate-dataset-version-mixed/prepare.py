from pathlib import Path

import pyarrow.parquet as pq

from hostile_tools import part


def prepare(input: Path) -> None:
    path = part(input, "segments")
    table = pq.read_table(path)
    meta = {**table.schema.metadata, b"landstrikes.dataset_version": b"9.9.9"}
    pq.write_table(table.replace_schema_metadata(meta), path)
