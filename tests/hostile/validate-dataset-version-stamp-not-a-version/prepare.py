from pathlib import Path

import pyarrow.parquet as pq


def prepare(input: Path) -> None:
    for path in sorted((input / "data").glob("*/*.parquet")):
        table = pq.read_table(path)
        meta = {**table.schema.metadata, b"landstrikes.dataset_version": b"banana"}
        pq.write_table(table.replace_schema_metadata(meta), path)
