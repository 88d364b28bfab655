from pathlib import Path

import pyarrow.parquet as pq

from hostile_tools import part


def prepare(input: Path) -> None:
    path = part(input, "segments")
    table = pq.read_table(path)
    meta = {k: v for k, v in table.schema.metadata.items() if k != b"landstrikes.dataset_version"}
    pq.write_table(table.replace_schema_metadata(meta), path)
